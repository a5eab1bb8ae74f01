// derived_roles.hpp — figures the 角色 Personas view shows, computed from the Workspace (and the
// orders) after every command: capacity, concentration, operator workload and the plan-time
// findings of core/rules/check. Never saved. It is cheap (a few small passes over the roles plan
// and one 30-day expansion of the content calendar), so it simply runs again on each change.
//
// "Today" (QR-code ages, the calendar window for workload) — the core has no clock, so:
//   1. the demo workspace (dataset "demo") is a fixed story dated kDemoToday (2026-11-15);
//   2. else `clock_today`, when the App has set it from the platform clock (it is an input:
//      refresh_roles() keeps it);
//   3. else the latest date the workspace knows: the last imported order day, the last calendar
//      item day minus 30 (calendars are planned about a month ahead), the newest group QR code;
//   4. else kDemoToday.
// today_source says which one was used ("demo", "clock", "data", "default").
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/dates.hpp"
#include "core/model/orders.hpp"
#include "core/model/workspace.hpp"
#include "core/roles/capacity.hpp"
#include "core/roles/concentration.hpp"
#include "core/roles/workload.hpp"
#include "core/rules/check.hpp"
#include "core/rules/finding.hpp"

namespace yt::app {

struct RolesDerived {
    bool ready = false;
    // Inputs set by the App (refresh_roles() keeps them): the platform's current date, when known,
    // and customers per tier from the tiering figures (enables the "tier not served by any persona"
    // check and per-tier chat load; empty = skipped).
    std::optional<Day> clock_today;
    std::map<std::string, std::int64_t> tier_sizes;

    Day today = 0;
    std::string today_source;      // "demo", "clock", "data", "default"
    int horizon = 6;               // months of the capacity forecast
    Day load_from = 0, load_to = 0;  // calendar window counted for the workload (30 days from today)
    double near_cap = 0.9;         // rule "roles.near_cap_share"
    double qr_days = 7;            // rule "group.qr_days"
    double qr_member_limit = 200;  // rule "group.qr_member_limit"
    yt::Derived inputs;            // exactly what check() was given
    CapacityReport capacity;
    ConcentrationReport concentration;
    WorkloadReport workload;
    std::vector<Finding> findings;  // errors first, then warnings, then infos
    int errors = 0, warnings = 0, infos = 0;

    // Lookups by id (the reports are in plan order; a view drawing mid-frame after an edit may
    // see a plan that differs from these figures, so it looks them up by id, never by index).
    const AccountCapacity* account(const std::string& id) const;
    const GroupCapacity* group(const std::string& id) const;
    const PersonaCapacity* persona(const std::string& id) const;
    const OperatorLoad* op(const std::string& id) const;
    const AccountShare* share(const std::string& id) const;
    // Findings about one object (indexes into `findings`).
    std::vector<std::size_t> findings_for(const std::string& kind, const std::string& id) const;
    // The worst severity among the findings about one object; -1 when there are none.
    int worst(const std::string& kind, const std::string& id) const;

    // Cache of the orders' last day (orders change only on import, not per command).
    const OrderTable* orders_seen = nullptr;
    std::size_t orders_rows_seen = 0;
    Day orders_last_day = 0;

    std::map<std::string, std::size_t> account_at, group_at, persona_at, operator_at, share_at;
};

// The "today" rule above; `last_order_day` 0 = no orders, `clock` nullopt = no clock.
Day roles_today(const Workspace& ws, Day last_order_day, std::optional<Day> clock, std::string* source = nullptr);

void refresh_roles(const Workspace& ws, const OrderTable* orders, RolesDerived& out);

}  // namespace yt::app
