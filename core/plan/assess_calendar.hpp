// assess_calendar.hpp — the calendar part of the Assessment (core/plan/assess.hpp): what the
// 内容日历 Calendar view shows, computed from the Workspace and the segment sizes (never saved): the calendar findings with the items and days
// each one is about, and per-day series from which the view sums any visible range cheaply —
// value and promotion items per policy channel, touches per customer per tier.
//
// The figures cover a span around "today" (the same rule as the 角色 view: the demo is dated
// kDemoToday) wide enough for the whole plan: from the earlier of today − 31 days and the first
// item to the later of today + 92 days and the last occurrence (series without an end: a year
// past today), at most three years. Ranges outside the span sum to nothing.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/calendar/festivals.hpp"
#include "core/calendar/view_support.hpp"
#include "core/model/dates.hpp"
#include "core/model/orders.hpp"
#include "core/plan/workspace.hpp"
#include "core/rules/finding.hpp"

namespace yt {

// Value vs promotion items of one policy channel over a range, with the channel's limit.
struct ChannelMix {
    std::string channel;      // policy key: a channel, or "group_deal"
    int value = 0, promo = 0;
    double max_promo_share = 0.2;
    double promo_share() const { return value + promo > 0 ? static_cast<double>(promo) / (value + promo) : 0.0; }
};

// Touches one customer of a tier receives: the busiest day and the busiest Monday-based week
// overlapping a range, against the caps.
struct TierLoad {
    std::string tier;
    double max_day = 0, max_week = 0;
    double cap_day = 3, cap_week = 10;
};

struct CalendarFigures {
    bool ready = false;
    Day today = 0;
    Day from = 0, to = 0;  // the span covered (inclusive)
    std::vector<Finding> findings;     // check_calendar() over the span
    std::vector<FindingLink> links;    // per finding
    std::map<std::string, int> item_worst;  // item id -> worst severity of the findings about it
                                            // (broad links, FindingLink::broad, do not count)

    std::vector<std::string> channels;       // policy keys with items in the span, in catalogue order
    std::vector<double> channel_limit;       // max promotion share per channel
    std::vector<std::vector<int>> value_per_day, promo_per_day;  // [channel][day - from]
    std::vector<std::string> tiers;
    std::vector<std::vector<double>> touches;  // [tier][day - from]
    double cap_day = 3, cap_week = 10;

    // Sums over [a, b] (clipped to the span).
    std::vector<ChannelMix> mix(Day a, Day b) const;
    std::vector<TierLoad> load(Day a, Day b) const;
    // Indexes of the findings whose days overlap [a, b] (findings without days always count),
    // errors first, then warnings, then infos.
    std::vector<std::size_t> findings_in(Day a, Day b) const;
    // Worst severity of the findings about an item (not counting broad ones); -1 when none.
    int worst(const std::string& item) const;
    // Festivals whose window overlaps [a, b] (as core festivals_between): from the cache of the
    // years around today when it covers the range and `windows` are the ones it was made with,
    // else computed (about a millisecond).
    std::vector<Festival> festivals(Day a, Day b, const std::vector<FestivalWindow>& windows) const;

    // Cache of the festivals of years fest_y0..fest_y1, made with fest_windows and fest_years
    // (recomputed only when the workspace's festival windows or per-year phases change).
    int fest_y0 = 0, fest_y1 = -1;
    std::vector<FestivalWindow> fest_windows;
    std::vector<FestivalYear> fest_years;
    std::vector<Festival> fest_cache;

};

// `tier_sizes`: customers per segment key from the orders (empty: every tier the plan mentions).
// `audience_tiers`: audience id -> the segment keys of its members (core/plan/assess_audiences.hpp),
// so a tiers list that names a saved audience counts its segments.
void assess_calendar(const Workspace& ws, Day today, const std::map<std::string, int>& tier_sizes, CalendarFigures& out,
                     const std::map<std::string, std::vector<std::string>>* audience_tiers = nullptr);

}  // namespace yt
