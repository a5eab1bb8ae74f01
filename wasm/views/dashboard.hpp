// dashboard.hpp — the 总览 Dashboard tab: the plan's front page (findings, pool, capacity
// runway, the next 14 days, unit economics, the first-run checklist). Every figure links to its
// tab: a click sets `go_to` (a Tab index) and the App opens that tab after the frame.
#pragma once
#include <cstdint>
#include <string>

#include "views/view.hpp"

namespace yt::app {

struct DashboardView {
    void draw(const ViewEnv& e);
    int go_to = -1;  // tab the user clicked through to (-1 = none); the App reads and clears it
    std::string go_kind, go_id;  // with a finding: the object it is about (Finding subject), "" otherwise
    bool want_blank = false;       // 新建空白工作区 was clicked (the App replaces the workspace)
    bool want_clear_demo = false;  // 清除示例内容 was clicked
};

}  // namespace yt::app
