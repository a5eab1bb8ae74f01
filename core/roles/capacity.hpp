// capacity.hpp — accounts and groups against their platform caps, now and over a growth forecast.
//
// Pure functions of a RolesPlan and the workspace rules. How growth is spread:
//   * an account with planned_friends > friends grows by (planned - friends) / horizon per month;
//   * RolesPlan::monthly_new_friends is split over the other accounts in proportion to their
//     current friends (equally when all have none);
//   * CapacityOptions::account_growth overrides both for the accounts it names;
//   * a group grows at its owner account's relative rate (members × growth / friends).
// A persona's accounts are pooled: new friends go to whichever account has room, and a new account
// (with the cap of the persona's first account) is needed once the pool is full.
// Months are counted from now: "open_new_in_month = 1" means during the coming month; 0 = now.
// -1 means "never" (no growth or no known cap) — kept finite so results print as valid JSON.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/roles/roles_model.hpp"
#include "core/rules/rules_model.hpp"

namespace yt {

// Values of Account::platform (the enum in roles_model.hpp), named here so this module does not
// depend on the enum's spelling.
inline constexpr int kPlatformWeChat = 0, kPlatformWeCom = 1, kPlatformQQ = 2, kPlatformOther = 3;

// The account's cap: cap_override when > 0, else the platform rule; 0 = unknown (QQ, Other).
double account_cap(const Account& a, const RuleSet& rules);
// The id of the rule that sets the account's cap ("" when unknown or overridden by the account).
std::string account_cap_rule(const Account& a);

// The group's cap: "group.cap_wechat_created" (200) for a customer group created by a WeChat
// user whose owner is not a personal WeChat account, "qq.group_cap" for QQ owners, else "group.cap".
std::string group_cap_rule(const Group& g, const RolesPlan& plan);
double group_cap(const Group& g, const RolesPlan& plan, const RuleSet& rules);

const Account* find_account(const RolesPlan& plan, const std::string& id);
const Persona* find_persona(const RolesPlan& plan, const std::string& id);
const Operator* find_operator(const RolesPlan& plan, const std::string& id);
const Group* find_group(const RolesPlan& plan, const std::string& id);

struct CapacityOptions {
    int horizon_months = 6;
    std::map<std::string, double> account_growth;  // account id -> new friends per month (override)
};

struct AccountCapacity {
    std::string id, persona;
    double cap = 0;               // 0 = unknown
    double friends = 0;
    double growth = 0;            // new friends per month
    double planned = 0;           // projected friends at the horizon
    double utilisation = 0;       // friends / cap (0 when cap unknown)
    double months_until_full = -1;  // 0 = full now; -1 = never
};

struct GroupCapacity {
    std::string id, owner, persona;
    double cap = 0;
    double members = 0;
    double growth = 0;            // members per month
    double planned = 0;           // projected members at the horizon
    double utilisation = 0;
    double months_until_full = -1;
    bool qr_limited = false;      // members >= the QR join limit: joins are by invitation only
};

struct PersonaCapacity {
    std::string id;
    int accounts = 0;
    // Over the persona's accounts with a known cap (QQ/Other accounts without one are left out):
    double friends = 0, cap_total = 0, growth = 0, planned = 0;
    int accounts_needed_now = 0;
    int accounts_needed_at_horizon = 0;
    int open_new_in_month = -1;    // when the persona's accounts are full; 0 = now, -1 = never
    int groups = 0;
    double members = 0, group_cap_total = 0, group_growth = 0, group_planned = 0;
    int groups_needed_now = 0;
    int groups_needed_at_horizon = 0;
    int open_new_group_in_month = -1;
};

struct CapacityReport {
    int horizon_months = 6;
    std::vector<AccountCapacity> accounts;  // in plan order
    std::vector<GroupCapacity> groups;      // in plan order
    std::vector<PersonaCapacity> personas;  // in plan order
};

CapacityReport capacity(const RolesPlan& plan, const RuleSet& rules, const CapacityOptions& opt = {});

// How many containers of size `new_cap` are needed beyond `existing` (whose caps sum to
// `cap_total`) to hold `load`; the existing ones are always counted.
int containers_needed(double load, double cap_total, int existing, double new_cap);
// First month (counted from now) in which `load` growing by `growth` a month exceeds `cap_total`:
// 0 when it already does (or is full), -1 when it never will.
int month_full(double load, double cap_total, double growth);

}  // namespace yt
