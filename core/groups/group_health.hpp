// group_health.hpp — per-group health figures from a statistics export, and the flags on them.
//
// Per group (rows with the same 群名称 are one group): net growth (joins − quits), churn
// (quits ÷ average members), speaking ratio (speakers ÷ members; per-day files average the daily
// ratios), messages per member and per member-day (messages ÷ member-days; needs dates or a
// period). Flags: zombie (speaking ratio and messages per member-day both under the thresholds
// of the rules group.zombie_speaking_ratio and group.zombie_msgs_per_member_day — a figure the file
// lacks does not count against a group, and with neither figure no flag is raised); deal group
// without an active KOC or 团长 (from the roster the plan layer passes in, matched by name).
// Figures the file cannot give are NaN.
#pragma once
#include <string>
#include <vector>

#include "core/groups/group_stats.hpp"

namespace yt {

// A group of the plan, as plain values (built in core/plan from RolesPlan).
struct GroupRosterEntry {
    std::string id, name, type;  // type "deal", "community", ...
    int active_kocs = 0;         // opinion consumers (KOC) marked active in this group
    int active_leaders = 0;      // commission-paid group-buy leaders (团长) marked active here
};

struct GroupHealthThresholds {
    double zombie_speaking_ratio = 0.05;
    double zombie_msgs_per_member_day = 0.02;
};

struct GroupHealth {
    std::string name, owner;
    int rows = 0, days = 0;      // days covered: distinct dates, or the period's length (0 = unknown)
    Day first = 0, last = 0;
    int members = 0;             // at the last date (the largest when undated)
    double avg_members = 0;
    int joins = -1, quits = -1;  // summed; -1 = not in the file
    double growth, churn, speaking_ratio, msgs_per_member, msgs_per_member_day;  // NaN = unknown
    bool zombie = false;
    bool zombie_by_speaking = false, zombie_by_messages = false;  // which figures were under
    // The plan's group of the same name, if any.
    bool in_plan = false;
    std::string plan_id, plan_type;
    int active_kocs = 0, active_leaders = 0;
    bool deal_without_lead = false;  // a deal group with neither an active KOC nor an active 团长
};

std::vector<GroupHealth> assess_group_health(const GroupStatsFile& file, const GroupHealthThresholds& t,
                                             const std::vector<GroupRosterEntry>& roster);

// A figure with a printf format ("%.2f"), or "—" when it is unknown (NaN): the CLI's table and
// the app's cells.
std::string format_figure(double v, const char* printf_format);

// Names are matched after trimming spaces (ASCII and U+3000) at both ends.
bool same_group_name(const std::string& a, const std::string& b);

}  // namespace yt
