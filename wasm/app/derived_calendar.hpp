// derived_calendar.hpp — figures the calendar view shows, computed from the Workspace (and orders) when
// the History version changes. Never saved.
#pragma once
#include "core/model/orders.hpp"
#include "core/model/workspace.hpp"

namespace yt::app {

struct CalendarDerived {
    bool ready = false;
};

void refresh_calendar(const Workspace& ws, const OrderTable* orders, CalendarDerived& out);

}  // namespace yt::app
