// concentration.hpp — how much of the business one account holds (risk if it is banned or leaves).
//
// Shares per account, on the best basis available:
//   1. "value": per-account revenue and high-value customer counts passed in (from tiering);
//      an account's share is the larger of its revenue share and its high-value share;
//   2. "revenue_share": Account::revenue_share as stored in the plan, when any is > 0;
//   3. "friends": the account's share of all friends.
// An account is over when its share exceeds the threshold ("roles.max_account_share").
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/roles/roles_model.hpp"

namespace yt {

struct AccountValue {
    double revenue = 0;     // revenue attributed to the account's customers
    double high_value = 0;  // number of high-value customers held by the account
};

struct AccountShare {
    std::string id;
    double revenue_share = 0;     // 0 when unknown
    double high_value_share = 0;  // 0 when unknown
    double friends_share = 0;
    double share = 0;             // the one compared with the threshold
    bool over = false;
};

struct ConcentrationReport {
    std::string basis;  // "value", "revenue_share" or "friends"
    double threshold = 0.3;
    std::vector<AccountShare> accounts;  // in plan order
    double max_share = 0;
};

ConcentrationReport concentration(const RolesPlan& plan, double threshold,
                                  const std::map<std::string, AccountValue>& values = {});

}  // namespace yt
