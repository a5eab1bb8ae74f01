// handover.cpp — validation of group-owner transfers and account reassignment.
#include "core/plan/handover.hpp"

#include <cstdio>

#include "core/roles/capacity.hpp"
#include "core/rules/rule_value.hpp"

namespace yt {

namespace {
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}
}  // namespace

Status can_transfer_group(const RolesPlan& plan, const RuleSet& rules, const std::string& group,
                          const std::string& new_owner, const TransferCounts& counts) {
    const Group* g = find_group(plan, group);
    if (!g) return Error("roles.unknown_group", {group}, Location{"", 0, 0, "group"});
    const Account* to = find_account(plan, new_owner);
    if (!to) return Error("roles.unknown_account", {new_owner}, Location{"", 0, 0, "owner_account"});
    if (g->owner_account == new_owner) return Error("roles.same_owner", {group, new_owner});
    if (to->platform == kPlatformWeCom) {
        const double per_day = rule_value(rules, "group.transfer_per_day");
        if (counts.to_owner_today >= per_day)
            return Error("roles.transfer_day_limit", {group, new_owner, std::to_string(counts.to_owner_today), num(per_day)});
        const double per_90d = rule_value(rules, "group.transfer_per_90d");
        if (counts.of_group_90d >= per_90d)
            return Error("roles.transfer_90d_limit", {group, std::to_string(counts.of_group_90d), num(per_90d)});
    }
    return ok_status();
}

Status can_transfer_group(const Workspace& ws, const std::string& group, const std::string& new_owner,
                          int done_today, int done_90d) {
    return can_transfer_group(ws.roles, ws.rules, group, new_owner, TransferCounts{done_today, done_90d});
}

Result<GroupTransfer> plan_group_transfer(const RolesPlan& plan, const RuleSet& rules, const std::string& group,
                                          const std::string& new_owner, const TransferCounts& counts) {
    Status st = can_transfer_group(plan, rules, group, new_owner, counts);
    if (!st) return st.error();
    return GroupTransfer{group, find_group(plan, group)->owner_account, new_owner};
}

Status can_reassign_account(const RolesPlan& plan, const std::string& account, const std::string& new_operator) {
    const Account* a = find_account(plan, account);
    if (!a) return Error("roles.unknown_account", {account}, Location{"", 0, 0, "account"});
    if (!find_operator(plan, new_operator))
        return Error("roles.unknown_operator", {new_operator}, Location{"", 0, 0, "operator_id"});
    if (a->operator_id == new_operator) return Error("roles.same_operator", {account, new_operator});
    return ok_status();
}

Result<AccountReassign> plan_account_reassign(const RolesPlan& plan, const std::string& account,
                                              const std::string& new_operator) {
    Status st = can_reassign_account(plan, account, new_operator);
    if (!st) return st.error();
    return AccountReassign{account, find_account(plan, account)->operator_id, new_operator};
}

}  // namespace yt
