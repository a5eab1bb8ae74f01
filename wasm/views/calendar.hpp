// calendar.hpp — the 内容日历 Calendar tab: its view state and draw().
#pragma once
#include <cstdint>
#include <string>

#include "views/view.hpp"

namespace yt::app {

struct CalendarView {
    void draw(const ViewEnv& e);
};

}  // namespace yt::app
