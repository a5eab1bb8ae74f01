// assess_groups.hpp — group health of an imported statistics file against the workspace: the
// plan's groups (by name) with their active KOCs and 团长, and the zombie thresholds from the
// rules. The statistics are not part of the Workspace; callers keep the file for the session.
#pragma once
#include <vector>

#include "core/groups/group_health.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

// Each plan group with how many active KOCs and active 团长 (core/roles/koc_role.hpp) list it.
std::vector<GroupRosterEntry> group_roster(const RolesPlan& roles);
// Rules group.zombie_speaking_ratio and group.zombie_msgs_per_member_day (shipped defaults when absent).
GroupHealthThresholds group_health_thresholds(const RuleSet& rules);
std::vector<GroupHealth> assess_group_health(const Workspace& ws, const GroupStatsFile& file);

}  // namespace yt
