// demo.cpp — assembles the demo workspace from each module's demo part.
#include "core/plan/demo.hpp"

#include "core/plan/demo_calendar.hpp"
#include "core/economics/demo_economics.hpp"
#include "core/plan/demo_roles.hpp"

namespace yt {

Workspace demo_workspace(Day today) {
    Workspace ws;
    ws.name = "花漾私域运营计划";
    ws.brand = "花漾 Huayang";
    ws.dataset.name = "demo";
    fill_demo_roles(ws);  // also sets ws.rules to the defaults
    fill_demo_calendar(ws, today);
    ws.economics = demo_economics();
    return ws;
}

}  // namespace yt
