// dashboard.hpp — the 总览 Dashboard tab: its view state and draw().
#pragma once
#include <cstdint>
#include <string>

#include "views/view.hpp"

namespace yt::app {

struct DashboardView {
    void draw(const ViewEnv& e);
};

}  // namespace yt::app
