// funnel.cpp — the monthly funnel + pool simulation and its summary (model described in funnel.hpp).
#include "core/economics/funnel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/economics/validate.hpp"

namespace yt {

namespace {

double used_churn(const Assumptions& a, const SimOptions& o) {
    const double c = o.monthly_churn.value_or(a.monthly_churn);
    return 1.0 - (1.0 - c) * (1.0 - o.ban_loss);
}

FunnelSummary summarise(const Assumptions& a, const std::vector<MonthRow>& months, double churn) {
    FunnelSummary s;
    s.monthly_churn = churn;
    for (const MonthRow& m : months) {
        s.total_revenue += m.revenue;
        s.total_gross_profit += m.gross_profit;
        s.total_cost += m.cost;
        s.total_new_buyers += m.new_buyers;
        if (!s.payback_month && m.cumulative_cash >= 0) s.payback_month = m.month;
    }
    if (!months.empty()) {
        s.final_pool = months.back().pool;
        s.final_buyers = months.back().buyers;
    }
    // Expected purchases of a buyer acquired in month 1: the first order, then in each of the
    // remaining H-1 months a repeat chance while still in the pool.
    const double survive = 1.0 - churn;
    double alive = 1.0;
    s.expected_purchases = 1.0;
    for (int k = 1; k < a.horizon_months; ++k) {
        alive *= survive;
        s.expected_purchases += alive * a.repeat_rate;
    }
    s.ltv = a.ltv_override > 0 ? a.ltv_override : s.expected_purchases * a.aov * a.gross_margin;
    s.cac_public = a.public_cac;
    if (s.total_new_buyers > 0) s.cac_private = s.total_cost / s.total_new_buyers;
    if (s.cac_private && *s.cac_private > 0) s.ltv_cac = s.ltv / *s.cac_private;
    if (s.total_cost > 0) s.roi = (s.total_gross_profit - s.total_cost) / s.total_cost;
    return s;
}

}  // namespace

double referral_rate(const Assumptions& a, const SimOptions& o) {
    if (o.referrals_per_buyer) return *o.referrals_per_buyer;
    const double* r = referrals_field(a);
    return r ? *r : 0.0;
}

double churn_from_survival(double survival, double months) {
    if (!(months > 0)) return 0.0;
    const double s = std::clamp(std::isfinite(survival) ? survival : 0.0, 0.0, 1.0);
    return 1.0 - std::pow(s, 1.0 / months);
}

FunnelResult simulate_unchecked(const Assumptions& a, const SimOptions& o) {
    const double churn = used_churn(a, o);
    const double survive = 1.0 - churn;
    const double referral = referral_rate(a, o);
    const double fixed = a.operators * a.operator_cost + a.accounts * a.account_cost + a.tools_cost + o.channel_cost;

    double source_visitors = 0, source_friends = 0, acquisition = 0;
    for (const TrafficSource& s : a.sources) {
        source_visitors += s.visitors_per_month;
        source_friends += s.visitors_per_month * s.add_friend_rate;
        acquisition += s.visitors_per_month * s.cost_per_visitor;
    }

    FunnelResult r;
    r.months.reserve(static_cast<std::size_t>(std::max(0, a.horizon_months)));
    double outside = 0;  // friends not in a group (never convert in this model)
    double waiting = 0;  // group members who have not bought yet
    double buyers = 0;   // buyers still in the pool
    double cumulative = 0;
    for (int month = 1; month <= a.horizon_months; ++month) {
        outside *= survive;
        waiting *= survive;
        const double kept = buyers * survive;
        const double referred = referral * kept;
        const double new_friends = source_friends + referred;
        outside += new_friends * (1.0 - a.join_group_rate);
        waiting += new_friends * a.join_group_rate;
        const double new_buyers = waiting * a.first_purchase_rate;
        waiting -= new_buyers;
        buyers = kept + new_buyers;

        MonthRow m;
        m.month = month;
        m.visitors = source_visitors + referred;
        m.new_friends = new_friends;
        m.pool = outside + waiting + buyers;
        m.group_members = waiting + buyers;
        m.new_buyers = new_buyers;
        m.buyers = buyers;
        m.orders = new_buyers + kept * a.repeat_rate;
        m.revenue = m.orders * a.aov;
        m.gross_profit = m.revenue * a.gross_margin;
        m.acquisition_cost = acquisition;
        m.operating_cost = fixed;
        m.perks_cost = m.orders * a.perks_per_order;
        m.cost = m.acquisition_cost + m.operating_cost + m.perks_cost;
        m.cash = m.gross_profit - m.cost;
        cumulative += m.cash;
        m.cumulative_cash = cumulative;
        r.months.push_back(m);
    }
    r.summary = summarise(a, r.months, churn);
    return r;
}

Result<FunnelResult> simulate(const Assumptions& a, const SimOptions& o) {
    Status st = validate(a);
    if (!st) return st.error();
    constexpr double kInf = std::numeric_limits<double>::infinity();
    auto check = [](double v, const char* field, double hi) -> std::optional<Error> {
        if (!std::isfinite(v) || v < 0 || v > hi) return bad_field(field, v, 0, hi);
        return std::nullopt;
    };
    std::optional<Error> e;
    if (o.monthly_churn) e = check(*o.monthly_churn, "monthly_churn", 1);
    if (!e && o.referrals_per_buyer) e = check(*o.referrals_per_buyer, "referrals_per_buyer", kInf);
    if (!e) e = check(o.channel_cost, "channel_cost", kInf);
    if (!e) e = check(o.ban_loss, "ban_loss", 1);
    if (e) return *e;
    return simulate_unchecked(a, o);
}

}  // namespace yt
