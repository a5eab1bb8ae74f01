// check.hpp — the plan-time platform-rule checker: Workspace (+ derived figures) -> Findings.
//
// check() compares the roles plan with the workspace rules (ws.rules, defaults when missing) and
// returns Findings sorted errors first, then warnings, then infos (plan order within each).
// Every Finding's message and fix are i18n keys ("rules.msg.*", "rules.fix.*") taking `args`.
//
// RolesCheckInput carries the figures computed elsewhere (tiering, calendar); everything is optional and
// a check whose input is missing is skipped:
//   today          -> QR-code expiry
//   tier_sizes     -> tiers not served by any persona, chats per tier for workload
//   account_values -> concentration by revenue / high-value customers (else stored shares / friends)
//   items_per_day  -> operator workload from the calendar (account or persona id -> items a day)
//   (the WeCom 群发 quota is a calendar check: it counts the mass sends month by month)
//
//   RolesCheckInput d; d.today = parse_day("2025-06-01");
//   for (const Finding& f : check(ws, d)) std::cout << finding_message(f, Lang::Zh);
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/dates.hpp"
#include "core/plan/workspace.hpp"
#include "core/roles/capacity.hpp"
#include "core/roles/concentration.hpp"
#include "core/roles/workload.hpp"
#include "core/rules/finding.hpp"

namespace yt {

struct RolesCheckInput {
    std::optional<Day> today;
    std::optional<int> horizon_months;                   // else rule "roles.horizon_months"
    std::map<std::string, std::int64_t> tier_sizes;      // tier key -> customers
    std::map<std::string, double> tier_chats_per_month;  // tier key -> 1-on-1 chats per customer per month
    std::map<std::string, AccountValue> account_values;  // account id -> revenue, high-value customers
    std::map<std::string, double> items_per_day;         // account or persona id -> calendar items a day
    std::map<std::string, double> account_growth;        // account id -> new friends a month (override)
    std::map<std::string, double> journey_per_day;       // account / persona id / "" -> journey messages a day
    double journey_steps_per_new_friend = 0;             // steps of the new-friend journeys
};

// The inputs check() gives the roles functions, so views can show the same figures.
int horizon_months(const Workspace& ws, const RolesCheckInput& d);
CapacityOptions capacity_options(const Workspace& ws, const RolesCheckInput& d);
// The workload's inputs: the calendar's items, the tiers' chats and each account's new-friend
// forecast from `cap` (so the workload grows with the forecast).
WorkloadInput workload_input(const RolesCheckInput& d, const CapacityReport& cap);
double concentration_threshold(const Workspace& ws);  // rule "roles.max_account_share", else roles field

std::vector<Finding> check(const Workspace& ws, const RolesCheckInput& d = {});

// True when any finding has Severity::Error.
bool has_errors(const std::vector<Finding>& findings);

}  // namespace yt
