// demo_calendar.hpp — the demo brand's content calendar (花漾 Huayang, a cosmetics brand).
//
// A month of content around `today` for the demo roles (personas p_xiaowan 小婉 and p_expert
// 美妆顾问阿杰, accounts acc1–acc4, groups g1–g6, RFM segment tiers): Moments series, the weekly
// community rhythm, live streams, a welcome sequence, festival warm-ups, coupons, plus the
// built-in templates and SOPs. It is planned to show the checks at work: a promotion-heavy
// Moments week, two overlapping coupons and a message in the quiet hours.
#pragma once
#include "core/model/dates.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

// Replaces ws.calendar. Uses ws.roles when present (owners of groups, accounts of personas).
void fill_demo_calendar(Workspace& ws, Day today);

}  // namespace yt
