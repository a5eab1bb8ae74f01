// demo.hpp — the built-in demo workspace: a sample cosmetics brand (花漾 Huayang) with personas,
// accounts, groups, a content calendar around `today` and economics scenarios. Its customers
// come from assets/demo/orders.csv (imported like any order export).
#pragma once
#include "core/model/dates.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

// The demo data end on 2026-11-15; its calendar is planned around that date.
inline constexpr Day kDemoToday = 20772;  // 2026-11-15

Workspace demo_workspace(Day today);

}  // namespace yt
