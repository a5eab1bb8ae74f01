// calendar_load.hpp — calendar items per day for each account or persona, as workload input.
//
// Expands the content calendar over [from, to] (inclusive) and counts the work each occurrence
// makes: an item sent to groups counts once per group, on the group's owner account; else an
// item with an account counts on that account; else it counts under its persona id, which
// workload() applies to each of the persona's accounts (each account posts its own Moments).
// Items with none of these are counted under "" (unassigned). The result is items per day.
#pragma once
#include <map>
#include <string>

#include "core/calendar/calendar_model.hpp"
#include "core/model/dates.hpp"
#include "core/roles/roles_model.hpp"

namespace yt {

std::map<std::string, double> calendar_items_per_day(const CalendarPlan& cal, const RolesPlan& roles, Day from,
                                                     Day to);

}  // namespace yt
