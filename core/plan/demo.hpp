// demo.hpp — the built-in demo workspace: a sample cosmetics brand (花漾 Huayang) with personas,
// accounts, groups, a content calendar around `today` and economics scenarios. Its customers
// come from assets/demo/orders.csv (imported like any order export).
#pragma once
#include <string>

#include "core/model/dates.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

// The demo data end on 2026-11-15; its calendar is planned around that date.
inline constexpr Day kDemoToday = 20772;  // 2026-11-15

Workspace demo_workspace(Day today);

// A blank plan for the user's own brand: the shipped rules, the built-in cadence templates and
// SOPs, no personas, accounts, groups, calendar items or scenarios, and no orders (dataset "blank").
Workspace blank_workspace(const std::string& language);

// The workspace with the demo brand's content removed (personas, accounts, groups, operators,
// KOCs, scripts, calendar items, scenarios), keeping the user's orders, rules, tiering settings,
// templates and SOPs — offered after a first import into the demo.
Workspace without_demo_content(const Workspace& ws);
// True when the workspace still holds the demo brand's people or calendar.
bool has_demo_content(const Workspace& ws);

}  // namespace yt
