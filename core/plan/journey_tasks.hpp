// journey_tasks.hpp — the journeys' daily task list per operator, and its exports (CSV, a
// printable HTML checklist, iCalendar).
//
// Journeys run continuously: every day some customers reach each step. A task is one step on one
// day for one account, with the customers expected (the journey's entrants a day, JourneyFigure,
// shared among the senders as the workload shares them: the step's account; else its persona's
// accounts by friends; else all accounts by friends; new-friend journeys: each account's own
// new-friend forecast). The operator is the account's. Steady state: every day of the range has
// the same tasks. Texts come from the catalogue (keys "journeys.*").
// ICS: one all-day event per day and operator, UID "journeys-<operator>-<YYYYMMDD>@yutang",
// the steps in its description (escaping and folding as core/calendar/exports.hpp).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/i18n/i18n.hpp"
#include "core/model/dates.hpp"
#include "core/plan/journeys.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

struct JourneyTask {
    Day day = 0;
    std::string operator_id, account;  // "" when the account has no operator
    std::string journey, name;         // Sop id and name
    int step = 0, step_day = 0;        // index in the journey, day after the trigger
    std::string channel, title, script, coupon;
    double customers = 0;              // expected that day
};

struct JourneyTaskOptions {
    Day from = 0, to = 0;   // inclusive
    std::string who;        // an operator id ("" = everyone)
    Lang lang = Lang::Zh;
    std::string name;       // the workspace's name (page title, calendar name)
    bool excel_bom = false;
    std::int64_t stamp_utc = 0;  // ICS DTSTAMP (0: a fixed stamp)
    // Each account's new friends a day (the capacity forecast) for the new-friend journeys.
    std::map<std::string, double> new_friends_per_day;
};

// Sorted by day, operator, account, journey, step. Empty when from > to.
std::vector<JourneyTask> journey_tasks(const Workspace& ws, const JourneyFigures& j, const JourneyTaskOptions& opt);

std::string export_journey_tasks_csv(const Workspace& ws, const std::vector<JourneyTask>& tasks, const JourneyTaskOptions& opt);
std::string export_journey_tasks_html(const Workspace& ws, const std::vector<JourneyTask>& tasks, const JourneyTaskOptions& opt);
std::string export_journey_tasks_ics(const Workspace& ws, const std::vector<JourneyTask>& tasks, const JourneyTaskOptions& opt);

// Name of a trigger in the language ("journeys.trigger.<key>"); the key itself when unknown.
std::string trigger_name(const std::string& trigger, Lang lang);

}  // namespace yt
