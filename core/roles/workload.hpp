// workload.hpp — hours a day each operator needs for 1-on-1 chats and calendar items.
//
// Inputs (all optional):
//   * items_per_day: calendar items per day keyed by account id or persona id (the calendar
//     helper counts them). A persona's items are done on EACH of its accounts (every WeChat
//     account posts its own Moments), so a persona key adds its count to all its accounts.
//   * tier_sizes + tier_chats_per_month: customers per tier and 1-on-1 chats per customer per
//     month. A tier's chats go to the accounts of the personas serving it, in proportion to their
//     friends. Without tier sizes every friend is assumed to need "roles.chats_per_friend_month".
//   * new_friends_per_month: each account's new-friend forecast (the capacity forecast); every new
//     friend needs "roles.chats_per_new_friend" chats, so the workload grows with the forecast.
//   * journeys: messages a day from journey steps (core/plan/journeys.hpp), keyed by account id,
//     persona id (shared by its accounts in proportion to their friends) or "" (any account: all
//     accounts by friends); plus the steps each new friend receives, sent by the account that
//     gained the friend (its new-friend forecast): a new-friend journey is the welcome routine, so
//     its steps replace "roles.chats_per_new_friend". A journey step is typed to one customer,
//     so it counts as one 1-on-1 chat.
// Hours = chats / chats_per_hour + items × "operator.minutes_per_item" / 60; a month is 30 days.
// An operator is over when the hours needed exceed hours_per_day.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/roles/roles_model.hpp"
#include "core/rules/rules_model.hpp"

namespace yt {

struct WorkloadInput {
    std::map<std::string, double> items_per_day;          // account or persona id -> items a day
    std::map<std::string, std::int64_t> tier_sizes;       // tier key -> customers
    std::map<std::string, double> tier_chats_per_month;   // tier key -> chats per customer per month
    std::map<std::string, double> new_friends_per_month;  // account id -> new friends a month (the forecast)
    std::map<std::string, double> journey_per_day;        // account / persona id / "" -> journey messages a day
    double journey_steps_per_new_friend = 0;              // steps of the new-friend journeys
};

struct AccountLoad {
    std::string id, operator_id;
    double chats_per_day = 0, items_per_day = 0;
    double new_friend_chats_per_day = 0;  // part of chats_per_day: greeting the forecast's new friends
    double journey_per_day = 0;           // part of chats_per_day: journey steps
};

struct OperatorLoad {
    std::string id;
    std::vector<std::string> accounts;
    double hours_available = 0;
    double chats_per_hour = 0;
    double chats_per_day = 0, items_per_day = 0;
    double journey_per_day = 0;  // part of chats_per_day
    double hours_needed = 0;
    double utilisation = 0;  // hours_needed / hours_available (0 when none available)
    bool over = false;
};

struct WorkloadReport {
    std::vector<AccountLoad> accounts;     // in plan order
    std::vector<OperatorLoad> operators;   // in plan order
    double unassigned_chats_per_day = 0;   // load on accounts without a known operator, or unserved tiers
    double unassigned_items_per_day = 0;   // includes keys naming no account or persona
    double unassigned_journey_per_day = 0; // journey messages naming no known account or persona
    std::vector<std::string> unserved_tiers;  // tiers with customers but no persona (and so no account)
};

WorkloadReport workload(const RolesPlan& plan, const RuleSet& rules, const WorkloadInput& in = {});

}  // namespace yt
