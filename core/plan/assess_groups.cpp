// assess_groups.cpp — see assess_groups.hpp.
#include "core/plan/assess_groups.hpp"

#include <algorithm>

#include "core/roles/koc_role.hpp"
#include "core/rules/rule_value.hpp"

namespace yt {

std::vector<GroupRosterEntry> group_roster(const RolesPlan& roles) {
    std::vector<GroupRosterEntry> out;
    for (const auto& g : roles.groups) {
        GroupRosterEntry e{g.id, g.name, g.type, 0, 0};
        for (const auto& k : roles.kocs) {
            if (!koc_active(k) || std::find(k.groups.begin(), k.groups.end(), g.id) == k.groups.end()) continue;
            (koc_role(k) == KocRole::Leader ? e.active_leaders : e.active_kocs) += 1;
        }
        out.push_back(std::move(e));
    }
    return out;
}

GroupHealthThresholds group_health_thresholds(const RuleSet& rules) {
    GroupHealthThresholds t;
    t.zombie_speaking_ratio = rule_value(rules, "group.zombie_speaking_ratio");
    t.zombie_msgs_per_member_day = rule_value(rules, "group.zombie_msgs_per_member_day");
    return t;
}

std::vector<GroupHealth> assess_group_health(const Workspace& ws, const GroupStatsFile& file) {
    return assess_group_health(file, group_health_thresholds(ws.rules), group_roster(ws.roles));
}

}  // namespace yt
