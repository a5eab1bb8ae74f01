// derived_economics.hpp — figures the 漏斗 ROI view shows, computed from the Workspace when the
// History version changes (assess_economics runs after every command). Never saved.
//
// Everything here is cheap: one 24-month simulation per scenario, 2 x 14 more for the
// sensitivity table, the product-fit score and the channel risk (well under a millisecond).
// When the plan does not validate (a value out of range somewhere), plan_error says why and the
// view still gets whatever can be computed: each scenario whose own assumptions are valid is
// simulated; the sensitivity table is left empty.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/economics/channels.hpp"
#include "core/economics/funnel.hpp"
#include "core/economics/product_fit.hpp"
#include "core/economics/scenarios.hpp"
#include "core/model/orders.hpp"
#include "core/model/result.hpp"
#include "core/plan/assess_orders.hpp"
#include "core/plan/assess_tiers.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

// One column of the scenario comparison.
struct ScenarioFigures {
    std::string id, name;
    std::optional<FunnelSummary> summary;  // none when the scenario's assumptions are invalid
    double final_cumulative_cash = 0;
    std::optional<Error> error;
};

// One stage of the funnel chart: totals over the horizon of the active scenario.
struct FunnelStage {
    const char* key = "";     // i18n key of the stage name
    double value = 0;
    double conversion = 0;    // value / previous stage's value (0 for the first stage or 0 / 0)
};

// An account's share of the pool (from the Roles tab's friend counts).
struct AccountSlice {
    std::string id, name;
    double share = 0;
};

// The assumptions as measured from the orders ("calibrate from my orders"). Each `has_*` says
// whether the orders could tell; the ROI view marks a scenario's value "measured" when it equals
// the measured one and "assumed" otherwise.
struct Calibration {
    bool any = false;
    bool has_aov = false, has_repeat = false, has_churn = false, has_ltv = false;
    double aov = 0;              // all purchases (revenue / purchases)
    double aov_first = 0, aov_repeat = 0;  // first purchases vs later ones
    double repeat_rate = 0;      // repeat purchases a month per earlier buyer (last 6 months of data)
    double monthly_churn = 0;    // 1 - mean P(alive) ^ (1 / mean tenure in months), from the BG/NBD fit
    double ltv = 0;              // mean predicted revenue per buyer over the CLV horizon (BG/NBD x
                                 // Gamma-Gamma, undiscounted like the funnel's LTV; times the
                                 // scenario's gross margin when put into it)
    double repeat_orders_per_buyer = 0;  // purchases after the first, per buyer, over the data
    std::int64_t buyers = 0;
};
// Measures the calibration from the order facts and tiers (both may be empty).
Calibration calibrate(const OrderFacts& facts, const TierFigures& tiers);

// The calibration's sums over the customers before `next`, in customer order, so that it can be
// measured a range of customers at a time with the same result (calibrate() is one range).
struct CalibrationSums {
    std::size_t next = 0;               // the first customer not yet counted
    std::int64_t buyers = 0;
    double purchases = 0, firsts = 0;   // purchases of scored customers, and one first purchase each
    double first_revenue = 0, first_orders = 0, repeat_revenue = 0, repeat_orders = 0;
    double repeats_recent = 0, buyer_months = 0;  // repeat purchases in the last six months, per buyer-month
    double alive = 0, clv = 0, tenure = 0, with_clv = 0;  // from the CLV fit, over with_clv customers
};
// Adds the next `count` customers (from sums.next); true while customers are left.
bool calibrate_range(const OrderFacts& facts, const TierFigures& tiers, std::size_t count, CalibrationSums& sums);
// The calibration from sums over every customer.
Calibration calibration_of(const OrderFacts& facts, const TierFigures& tiers, const CalibrationSums& sums);
// The active scenario's assumptions with the measured values put in (aov, repeat_rate,
// monthly_churn, ltv_override = ltv x gross margin); the others are kept.
Assumptions calibrated(const Assumptions& a, const Calibration& c);

struct EconomicsFigures {
    Calibration calibration;
    // What the calibration was measured from (TierFigures::generation and OrderFacts::any): it
    // reads every customer's orders, so an edit that leaves the tiers alone reuses it.
    std::uint64_t calibration_generation = ~0ull;  // ~0: not measured
    bool calibration_any = false;
    // While it is measured a part at a time (prepare_calibration_part()): the sums so far, and
    // what they are of.
    CalibrationSums calibration_sums;
    std::uint64_t sums_generation = ~0ull;
    bool sums_any = false;
    bool ready = false;
    std::optional<Error> plan_error;      // validate_plan()'s complaint, if any

    // The active scenario (ws.economics.active, clamped to the list).
    int active = 0;
    std::string active_id;
    std::optional<FunnelResult> funnel;   // none when its assumptions are invalid
    std::optional<Error> funnel_error;
    std::vector<FunnelStage> stages;      // visitors, friends, group members, buyers, repeat orders

    std::vector<ScenarioFigures> comparison;  // every scenario, plan order
    std::optional<Sensitivity> sensitivity;   // of the active scenario; none when the plan is invalid

    ProductFit fit;
    std::optional<Error> product_error;

    RiskInput risk_input;
    ChannelRisk risk;
    bool accounts_from_roles = false;      // account shares from the Roles tab's friend counts
    std::vector<AccountSlice> accounts;    // largest first (only when accounts_from_roles)
    double channel_share_total = 0;        // sum of the matrix's pool shares
};

void assess_economics(const Workspace& ws, const OrderFacts& facts, const TierFigures& tiers, EconomicsFigures& out);
// Measures out.calibration unless it was measured for this tiers generation and these facts.
// assess_economics() calls it; the app calls it ahead, in a frame of its own, after a large import.
void prepare_calibration(const OrderFacts& facts, const TierFigures& tiers, EconomicsFigures& out);
// The same a part at a time: counts the next `count` customers, and measures the calibration once
// every customer is counted; true while customers are left. The app measures a large import's
// calibration over several frames this way.
bool prepare_calibration_part(const OrderFacts& facts, const TierFigures& tiers, EconomicsFigures& out, std::size_t count);

}  // namespace yt
