// handover.hpp — reassign an account to another operator, or a group to another owner account.
//
// Pure validation: the "transfer" and "reassign" edits (core/edit/edit.hpp) check with these,
// then change the one field:
//   Result<GroupTransfer> t = plan_group_transfer(ws.roles, ws.rules, "g1", "acc2", counts);
// WeCom limits (doc 95703): at most "group.transfer_per_day" groups a day to one new owner and
// "group.transfer_per_90d" transfers per group in 90 days. They are checked when the new owner is
// a WeCom account; personal WeChat has no published limit. The workspace keeps no transfer
// history yet, so the caller passes the counts.
#pragma once
#include <string>

#include "core/model/result.hpp"
#include "core/plan/workspace.hpp"
#include "core/roles/roles_model.hpp"
#include "core/rules/rules_model.hpp"

namespace yt {

struct TransferCounts {
    int to_owner_today = 0;  // groups already transferred today to the new owner
    int of_group_90d = 0;    // transfers of this group in the last 90 days
};

struct GroupTransfer {
    std::string group, from_owner, to_owner;
};

struct AccountReassign {
    std::string account, from_operator, to_operator;
};

// Errors: roles.unknown_group, roles.unknown_account, roles.same_owner,
// roles.transfer_day_limit {group, owner, done, limit}, roles.transfer_90d_limit {group, done, limit}.
Status can_transfer_group(const RolesPlan& plan, const RuleSet& rules, const std::string& group,
                          const std::string& new_owner, const TransferCounts& counts);
// The same on a whole workspace: done_today = groups already moved to new_owner today,
// done_90d = transfers of this group in the last 90 days.
Status can_transfer_group(const Workspace& ws, const std::string& group, const std::string& new_owner,
                          int done_today, int done_90d);
Result<GroupTransfer> plan_group_transfer(const RolesPlan& plan, const RuleSet& rules, const std::string& group,
                                          const std::string& new_owner, const TransferCounts& counts);

// Errors: roles.unknown_account, roles.unknown_operator, roles.same_operator.
Status can_reassign_account(const RolesPlan& plan, const std::string& account, const std::string& new_operator);
Result<AccountReassign> plan_account_reassign(const RolesPlan& plan, const std::string& account,
                                              const std::string& new_operator);

}  // namespace yt
