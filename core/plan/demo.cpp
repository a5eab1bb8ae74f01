// demo.cpp — assembles the demo workspace from each module's demo part.
#include "core/plan/demo.hpp"

#include "core/calendar/sop.hpp"
#include "core/calendar/templates.hpp"
#include "core/rules/rules_model.hpp"

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
    ws.compliance.terms = default_content_terms();
    return ws;
}

Workspace blank_workspace(const std::string& language) {
    Workspace ws;
    ws.name = language == "en" ? "My private-domain plan" : "我的私域方案";
    ws.settings.language = language;
    ws.dataset.name = "blank";
    ws.rules = default_rules();
    ws.calendar.templates = builtin_templates();
    ws.calendar.sops = builtin_sops();
    ws.compliance.terms = default_content_terms();
    return ws;
}

Workspace without_demo_content(const Workspace& ws) {
    Workspace out = ws;
    const Workspace demo = demo_workspace(kDemoToday);
    if (out.brand == demo.brand) out.brand.clear();
    if (out.name == demo.name) out.name = ws.settings.language == "en" ? "My private-domain plan" : "我的私域方案";
    out.roles = RolesPlan{};
    out.calendar.items.clear();
    out.calendar.festival_windows.clear();
    out.calendar.custom_channels.clear();
    out.economics.scenarios.clear();
    out.economics.active = 0;
    return out;
}

bool has_demo_content(const Workspace& ws) {
    for (const Persona& p : ws.roles.personas)
        if (p.id == "p_xiaowan" || p.id == "p_expert") return true;
    for (const ContentItem& it : ws.calendar.items)
        if (it.id.rfind("d-", 0) == 0) return true;
    return false;
}

}  // namespace yt
