// assess.hpp — the plan's one computation: Workspace + imported orders + today -> Assessment.
//
// Every derived figure and every Finding the app, the CLI and the tests show comes from here, so
// they can never disagree. The data flow of one plan:
//   orders -> tiers, lifecycle, CLV (assess_tiers), owners and products (assess_orders)
//          -> segment sizes and per-account revenue feed the roles checks (assess_roles: capacity,
//             concentration, workload, unserved tiers, chat load per tier)
//          -> the calendar checks count touches for the real segment sizes (assess_calendar)
//          -> the economics are calibrated from the same orders (assess_economics)
//          -> the scenario's end-of-horizon pool must fit on the accounts (assess_pool)
//   content -> ad-law terms, taboo words and the personas' content mix (assess_content); the
//              findings about calendar items and persona weeks are also added to `calendar`'s
//              (with their links), so the Calendar marks and lists them beside its own
// `findings` holds all of them (roles, calendar, pool), errors first.
//
// "Today" (plan_today): a date the workspace pins for what-if planning (settings.today); else the
// demo's fixed story date (kDemoToday); else the device's date (`clock`); else the latest date
// the workspace knows; else kDemoToday.
//
// Expensive parts (tiers and CLV of a million customers take most of a second) are cached inside
// the Assessment: call assess() again with the same Assessment and only what changed is redone.
//
//   Assessment a = assess(ws, &orders, today_from_clock);     // one shot (CLI)
//   assess(ws, &orders, clock, a);                            // incremental (app, after each edit)
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/dates.hpp"
#include "core/model/orders.hpp"
#include "core/plan/assess_audiences.hpp"
#include "core/plan/assess_calendar.hpp"
#include "core/plan/assess_content.hpp"
#include "core/plan/assess_economics.hpp"
#include "core/plan/assess_orders.hpp"
#include "core/plan/assess_pool.hpp"
#include "core/plan/assess_roles.hpp"
#include "core/plan/assess_tiers.hpp"
#include "core/plan/journeys.hpp"
#include "core/plan/workspace.hpp"
#include "core/rules/finding.hpp"

namespace yt {

struct Assessment {
    std::uint64_t version = 0;  // set by the caller (the app: its History version)
    Day today = 0;
    std::string today_source;   // "demo", "pinned", "clock", "data", "default"

    OrderFacts order_facts;     // revenue, span, owners and products of the imported orders
    std::map<std::string, AccountFromOrders> accounts;  // per account, from the owners it claims
    TierFigures tiers;
    AudienceFigures audiences;  // saved audiences: counts, per segment, tiers_of (audience id -> segments)
    RoleFigures roles;
    CalendarFigures calendar;
    JourneyFigures journeys;    // journeys' entrants, messages and touches (core/plan/journeys.hpp)
    EconomicsFigures economics;
    PoolCapacity pool;          // the active scenario's pool at its horizon against the accounts
    ContentFigures content;     // the compliance scan and content mix

    std::vector<Finding> findings;  // roles, calendar, content and pool findings, errors first
    int errors = 0, warnings = 0, infos = 0;
};

// The "today" rule above; `last_order_day` 0 = no orders, `clock` nullopt = no clock.
Day plan_today(const Workspace& ws, Day last_order_day, std::optional<Day> clock, std::string* source = nullptr);

// Recomputes `a` (reusing its caches) for the workspace, the orders (may be null) and the clock.
void assess(const Workspace& ws, const OrderTable* orders, std::optional<Day> clock, Assessment& a);
Assessment assess(const Workspace& ws, const OrderTable* orders, std::optional<Day> clock);

}  // namespace yt
