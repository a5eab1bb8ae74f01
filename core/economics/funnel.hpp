// funnel.hpp — the month-by-month funnel + user-pool model and its unit economics.
//
// simulate() runs one set of Assumptions over horizon_months and returns one MonthRow per month
// plus a Summary (LTV, CAC, LTV:CAC, payback month, ROI). All figures are expected values
// (fractional people are fine). The model, per month m = 1..horizon:
//
//   1. Churn: everyone already in the pool survives with s = 1 - churn, where
//      churn = 1 - (1 - c)(1 - ban_loss); c = SimOptions::monthly_churn if given (e.g. derived
//      from the CLV model's P(alive), see churn_from_survival) else Assumptions::monthly_churn;
//      ban_loss = the pool share expected to be lost to account bans (channels.hpp).
//   2. New friends = sum over sources of visitors x add_friend_rate, plus referrals:
//      referrals_per_buyer x buyers alive this month (referred friends count as visitors too).
//   3. A share join_group_rate of new friends joins a group in the month they arrive; the rest
//      stay in the pool as friends who are not in a group. First purchases come from group members
//      who have not bought yet: new_buyers = first_purchase_rate x those members. (The group is
//      the conversion stage; set join_group_rate = 1 to let every friend convert.)
//   4. Orders = new_buyers (their first order) + repeat_rate x buyers who were already buyers.
//      revenue = orders x aov, gross_profit = revenue x gross_margin.
//   5. Cost = acquisition (visitors x cost_per_visitor) + operating (operators x operator_cost +
//      accounts x account_cost + tools_cost + channel maintenance) + perks (perks_per_order x orders).
//      cash = gross_profit - cost; cumulative_cash is the running sum.
//
// Summary definitions:
//   ltv         ltv_override when > 0; else expected purchases of one buyer acquired in month 1
//               over the horizon x aov x gross_margin, where expected purchases =
//               1 + sum_{k=1}^{H-1} s^k x repeat_rate (the first order, then a repeat chance in
//               each later month the buyer is still in the pool).
//   cac_public  Assumptions::public_cac.
//   cac_private total cost (acquisition + operating, perks included) / total new buyers; none when
//               there are no new buyers.
//   ltv_cac     ltv / cac_private; none when cac_private is none or 0.
//   payback     first month with cumulative cash >= 0; none when it never happens in the horizon.
//   roi         (total gross profit - total cost) / total cost; none when total cost is 0.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

#include "core/economics/economics_model.hpp"
#include "core/model/result.hpp"

namespace yt {

// Referral rate (new friends per existing buyer per month) lives in
// Assumptions::referrals_per_buyer once the model has that field (requested from the model's
// owner). Until then these return nullptr and the rate is 0 unless SimOptions sets it.
namespace econ_detail {
template <class A> auto referral_ptr(A& a, int) -> decltype(&a.referrals_per_buyer) { return &a.referrals_per_buyer; }
template <class A> std::nullptr_t referral_ptr(A&, long) { return nullptr; }
}  // namespace econ_detail
inline double* referrals_field(Assumptions& a) { return econ_detail::referral_ptr(a, 0); }
inline const double* referrals_field(const Assumptions& a) { return econ_detail::referral_ptr(a, 0); }

struct SimOptions {
    std::optional<double> monthly_churn;        // overrides Assumptions::monthly_churn (CLV model)
    std::optional<double> referrals_per_buyer;  // overrides the referral rate
    double channel_cost = 0;                    // per month, added to operating cost (channel matrix)
    double ban_loss = 0;                        // pool share lost to bans per month (channel matrix)
};

struct MonthRow {
    int month = 0;  // 1-based
    double visitors = 0, new_friends = 0, pool = 0, group_members = 0, new_buyers = 0, buyers = 0, orders = 0;
    double revenue = 0, gross_profit = 0;
    double acquisition_cost = 0, operating_cost = 0, perks_cost = 0, cost = 0;
    double cash = 0, cumulative_cash = 0;
};

struct FunnelSummary {
    double ltv = 0;
    double cac_public = 0;
    std::optional<double> cac_private;
    std::optional<double> ltv_cac;
    std::optional<int> payback_month;
    std::optional<double> roi;
    double total_revenue = 0, total_gross_profit = 0, total_cost = 0, total_new_buyers = 0;
    double final_pool = 0, final_buyers = 0;
    double monthly_churn = 0;  // the churn actually used (after overrides and ban loss)
    double expected_purchases = 0;  // per buyer over the horizon (the LTV basis)
};

struct FunnelResult {
    std::vector<MonthRow> months;
    FunnelSummary summary;
};

// Validates `a` (and the options) first: errors are "economics.bad_field" naming the field.
Result<FunnelResult> simulate(const Assumptions& a, const SimOptions& opts = {});

// The same without validation, for callers that already validated (scenarios, sensitivity).
// Rates outside [0, 1] give meaningless figures.
FunnelResult simulate_unchecked(const Assumptions& a, const SimOptions& opts = {});

// Monthly churn implied by a survival probability over `months` months (e.g. the mean P(alive) of
// the CLV model a given number of months after the last purchase): 1 - survival^(1/months).
// survival is clamped to [0, 1]; months <= 0 gives 0.
double churn_from_survival(double survival, double months);

// The referral rate used: opts override, else the Assumptions field when present, else 0.
double referral_rate(const Assumptions& a, const SimOptions& opts);

}  // namespace yt
