// checks.hpp — plan-time checks of the content calendar, returning Findings (core/rules).
//
//   calendar.promo_ratio          promotion share per channel over a rolling window (ChannelPolicy;
//                                 defaults: Moments 20 % over 14 days from rule moments.max_promo_share;
//                                 groups whose groups are all "deal" groups use the deal policy)
//   calendar.promo_ratio_persona  the same per persona on a channel served by several personas
//   calendar.touches_day/_week    touches one customer of a tier receives across all channels per
//                                 day / Monday-based week, against calendar.max_touches_day (3) and
//                                 calendar.max_touches_week (10); a Moments post weighs
//                                 calendar.moments_touch_weight (the shipped rule, 0.3, when the
//                                 workspace lacks it: not every friend sees every post)
//   wecom.mass_quota              WeCom mass messages per customer (by tier) and per customer group
//                                 per month, against wecom.mass_quota_month (≤ 0 or absent: the
//                                 number of days in the month, the current official rule). Only
//                                 sends through the mass-send tool count (ContentItem::sent_as
//                                 "mass"; "" = private messages yes, group posts no: a post typed
//                                 in the group by its owner or a bot is not a mass send); journey
//                                 steps sent as "mass" add their journey's most such steps within
//                                 31 days to its entrants' segments (the worst-placed customer)
//   calendar.quiet_hours          items timed inside CalendarPlan quiet hours
//   calendar.coupon_overlap       two coupons (items with a coupon_id; valid coupon_from..coupon_to,
//                                 else on the item's days) valid at the same time for a shared tier
//   calendar.promo_overlap        two promotion campaigns running at the same time for the same tier
//   calendar.festival_gap         nothing planned in the calendar.festival_lead_days (3) days
//                                 before a major festival (with `today`: festivals in the next
//                                 calendar.festival_gap_horizon_days (30) only)
//
//   Journeys add to the touches: a customer in a journey receives at most its busiest day's steps
//   on a day and its busiest week's steps in a week (the worst case is added to every day and
//   week of the tiers its customers are in; a customer is counted in one journey at a time).
//
// Who receives what (audience tiers of an item): Moments — the tiers its persona serves; group
// messages — the tiers of its groups (a customer counts as a member of the busiest group of
// their tier that day, not of every such group); other channels — the item's tiers, else its persona's;
// an item's own tiers always narrow Moments and direct channels. Tiers are RFM segment keys; the
// tiers checked are those with members in `tier_sizes` (all tiers mentioned by the plan when the
// map is empty). Channels, tiers and festivals are named in message args by their i18n keys
// (FindingArg::name), rendered in the reader's language by finding_message(); checks.cpp lists
// each message's arguments.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/calendar/calendar_model.hpp"
#include "core/calendar/reach.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/model/dates.hpp"
#include "core/roles/roles_model.hpp"
#include "core/rules/finding.hpp"
#include "core/rules/rules_model.hpp"

namespace yt {

// The policy in force for a channel key ("group_deal" for deal groups): the plan's own, else the
// built-in default.
ChannelPolicy channel_policy(const CalendarPlan& plan, const RuleSet& rules, const std::string& channel);

struct JourneyTouches {
    double day = 0, week = 0;
    double mass_month = 0;  // steps sent through WeCom mass sending within 31 days
};

struct CalendarCheckInput {
    const CalendarPlan& plan;
    const RolesPlan& roles;
    const RuleSet& rules;
    const std::map<std::string, int>& tier_sizes;
    Day from = 0, to = 0;  // inclusive; findings are about days in this range
    Day today = 0;         // 0 = unknown; else festival gaps look ahead from it only
    // Audience id -> the segment keys its members are in (computed by core/plan from the orders).
    // A `tiers` list (items, personas, groups) may name an audience instead of a segment.
    const AudienceTiers* audience_tiers = nullptr;
    // Journeys (core/plan/journeys.hpp): per segment key, the most journey steps one of its
    // customers receives on one day and in one week, added to the calendar's touches.
    const std::map<std::string, JourneyTouches>* journey_touches = nullptr;
};

// All checks, in the order listed above.
std::vector<Finding> check_calendar(const CalendarCheckInput& in);

// The single checks (each expands the plan itself).
std::vector<Finding> check_promo_ratio(const CalendarCheckInput& in);
std::vector<Finding> check_touch_caps(const CalendarCheckInput& in);
std::vector<Finding> check_wecom_quota(const CalendarCheckInput& in);
std::vector<Finding> check_quiet_hours(const CalendarCheckInput& in);
std::vector<Finding> check_overlaps(const CalendarCheckInput& in);
std::vector<Finding> check_festival_gaps(const CalendarCheckInput& in);

// Touches per customer of each tier on each day of [from, to] (tier -> counts by day - from).
std::map<std::string, std::vector<double>> touches_by_tier(const CalendarCheckInput& in);

}  // namespace yt
