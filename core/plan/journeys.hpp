// journeys.hpp — the journeys (lifecycle SOPs, ws.calendar.sops) measured against the orders:
// how many customers enter each trigger a day, the messages that makes per sender (added to the
// operators' workload) and the steps one customer receives (added to the calendar's touches per
// customer of the segments the entrants are in). Part of the Assessment; never saved.
//
// People entering a day, from the orders as of the tiers' as-of date A (CustomerSummary):
//   first_purchase  customers whose first purchase is in (A−30, A]                ÷ 30
//   repurchase      customers who bought in (A−90, A] (each purchase starts one)   ÷ 90
//   after_sale      customers who bought in (A−30, A]                              ÷ 30
//   dormant_30      customers whose last purchase is in (A−60, A−30]: they crossed
//                   30 days without a purchase during the last 30 days            ÷ 30
//   birthday        customers whose birthday column has a month (birthday_month)  ÷ 365
//   new_friend      each account's new-friend forecast (capacity), sent by that account
// A journey that names an audience counts only its members (core/plan/assess_audiences.hpp);
// a new-friend journey, whose entrants are not in the orders yet, takes the audience's share of
// all customers (an estimate). A missing or broken audience lets no one in. Without orders only
// the new-friend journeys have entrants.
// The repurchase interval is the median over repeat buyers of (last − first) ÷ (purchases − 1),
// in days; the repurchase journey starts 7 days before it.
// A step is sent by its account, else its persona's accounts, else any account (workload.hpp).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/calendar/checks.hpp"
#include "core/calendar/sop.hpp"
#include "core/model/orders.hpp"
#include "core/plan/assess_audiences.hpp"
#include "core/plan/assess_tiers.hpp"
#include "core/plan/workspace.hpp"
#include "core/tiering/segments.hpp"

namespace yt {

struct TriggerInflow {
    double per_day = 0;                      // people entering a day
    std::uint32_t customers = 0;             // the customers counted (over the trigger's window)
    int window_days = 0;                     // the window they were counted over (0: forecast)
    std::map<std::string, double> segments;  // segment key -> share of the entrants
};

struct JourneyFigure {
    std::string id, trigger;
    bool enabled = true;
    bool audience_ok = true;        // no audience, or one that could be evaluated
    double audience_share = 1;      // the audience's share of all customers (new-friend journeys)
    double inflow_per_day = 0;      // people entering a day
    SopShape shape;
    double messages_per_day = 0;    // steady state: inflow × steps
    std::vector<std::string> tiers; // segments its customers are in (for the touch check)
    std::map<std::string, double> by_sender;  // account / persona id / "" -> messages a day
};

// The order-based triggers' entrants counted so far, per trigger window and segment (the last
// column: customers without a segment), with the repeat buyers' purchase intervals and the
// readable birthdays; `next` is the first customer not counted yet.
struct TriggerSums {
    static constexpr int kWindows = 5;  // first_purchase, repurchase, after_sale, dormant_30, birthday
    std::array<std::array<std::uint32_t, kSegments + 1>, kWindows> per_seg{};
    std::vector<double> intervals;
    std::shared_ptr<std::vector<char>> birthday;
    int birthday_column = -1;    // the orders' attribute column named "birthday" (-1: none)
    std::vector<char> readable;  // per value of that column: it has a month
    std::size_t next = 0;
};

struct JourneyFigures {
    bool ready = false;
    bool from_orders = false;
    Day as_of = 0;
    double repurchase_interval_days = 0;  // median, 0 = not measured
    std::uint32_t repeat_buyers = 0;      // the customers it was measured on
    std::map<std::string, TriggerInflow> triggers;
    std::vector<JourneyFigure> journeys;  // in plan order
    std::map<std::string, JourneyTouches> touches;   // segment key -> steps added per day / week
    std::map<std::string, double> journey_per_day;   // sender -> messages a day (not new friends)
    double steps_per_new_friend = 0;                 // steps of the enabled new-friend journeys
    double new_friends_per_day = 0;                  // the accounts' forecast (set after the roles)
    std::uint64_t trig_generation = ~0ull;           // tiers generation the triggers were counted for (~0: not counted)
    std::shared_ptr<const std::vector<char>> birthday;  // per customer: a readable birthday
    // While the triggers are counted a part at a time (prepare_journey_triggers_part()): the
    // counts so far, and the tiers generation they are of (~0: none).
    TriggerSums trig_sums;
    std::uint64_t sums_generation = ~0ull;

    const JourneyFigure* journey(const std::string& id) const;
};

// `audiences`: the saved audiences evaluated (null: none known; a journey naming one lets no one in).
void assess_journeys(const Workspace& ws, const OrderTable* orders, const TierFigures& tiers, const AudienceFigures* audiences,
                     JourneyFigures& out);

// The triggers' entrants, counted over every customer of the tiers (a million take tens of ms), unless
// they were counted for this tiers generation already. assess_journeys() calls it; after a large
// import the app counts ahead with the part version below (then the assess reuses the count).
void prepare_journey_triggers(const OrderTable* orders, const TierFigures& tiers, JourneyFigures& out);
// The same a part at a time: counts the next `count` customers, and fills the triggers once every
// customer is counted; true while customers are left. The app counts a large import's triggers
// over several frames this way.
bool prepare_journey_triggers_part(const OrderTable* orders, const TierFigures& tiers, JourneyFigures& out,
                                   std::size_t count);

// Sets the accounts' new-friend forecast (people a day) and the new-friend journeys' entrants.
void set_new_friends(JourneyFigures& j, double per_day);

// The repurchase journey's start after a purchase, in days (interval − 7, at least 1; 0 when the
// interval is not measured).
int repurchase_start_days(const JourneyFigures& j);

}  // namespace yt
