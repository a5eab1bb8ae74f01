// validate.cpp — range checks for the economics assumptions, product profile, channels and plan.
#include "core/economics/validate.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "core/economics/funnel.hpp"

namespace yt {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Collects the first out-of-range value; later checks are skipped once one failed.
struct Checker {
    std::string prefix;
    std::optional<Error> err;
    void range(double v, const std::string& field, double lo, double hi) {
        if (err) return;
        if (!std::isfinite(v) || v < lo || v > hi) err = bad_field(prefix + field, v, lo, hi);
    }
    Status status() const { return err ? Status(*err) : ok_status(); }
};

Status with_prefix(Status st, const std::string& prefix) {
    if (st) return st;
    Error e = st.error();
    e.where.field = prefix + e.where.field;
    if (!e.args.empty()) e.args[0] = e.where.field;
    return e;
}

}  // namespace

std::string econ_number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

Error bad_field(const std::string& field, double value, double lo, double hi) {
    return Error("economics.bad_field", {field, econ_number(value), econ_number(lo), econ_number(hi)},
                 Location{"", 0, 0, field});
}

Status validate(const Assumptions& a) {
    Checker c;
    c.range(a.horizon_months, "horizon_months", 1, kMaxHorizonMonths);
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        const TrafficSource& s = a.sources[i];
        const std::string p = "sources[" + std::to_string(i) + "].";
        c.range(s.visitors_per_month, p + "visitors_per_month", 0, kInf);
        c.range(s.cost_per_visitor, p + "cost_per_visitor", 0, kInf);
        c.range(s.add_friend_rate, p + "add_friend_rate", 0, 1);
    }
    c.range(a.join_group_rate, "join_group_rate", 0, 1);
    c.range(a.first_purchase_rate, "first_purchase_rate", 0, 1);
    c.range(a.repeat_rate, "repeat_rate", 0, 1);
    c.range(a.monthly_churn, "monthly_churn", 0, 1);
    c.range(a.aov, "aov", 0, kInf);
    c.range(a.gross_margin, "gross_margin", 0, 1);
    c.range(a.public_cac, "public_cac", 0, kInf);
    c.range(a.operators, "operators", 0, kInf);
    c.range(a.operator_cost, "operator_cost", 0, kInf);
    c.range(a.accounts, "accounts", 0, kInf);
    c.range(a.account_cost, "account_cost", 0, kInf);
    c.range(a.tools_cost, "tools_cost", 0, kInf);
    c.range(a.perks_per_order, "perks_per_order", 0, kInf);
    c.range(a.ltv_override, "ltv_override", 0, kInf);
    if (const double* r = referrals_field(a)) c.range(*r, "referrals_per_buyer", 0, kInf);
    return c.status();
}

Status validate(const ProductProfile& p) {
    Checker c;
    c.range(p.purchases_per_year, "purchases_per_year", 0, 365);
    c.range(p.repurchase_rate, "repurchase_rate", 0, 1);
    c.range(p.price, "price", 0, kInf);
    c.range(p.audience_breadth, "audience_breadth", 0, 1);
    c.range(p.margin, "margin", 0, 1);
    return c.status();
}

Status validate(const ChannelRow& r) {
    Checker c;
    c.range(r.acquisition_cost, "acquisition_cost", 0, kInf);
    c.range(r.reach, "reach", 1, 5);
    c.range(r.data_control, "data_control", 1, 5);
    c.range(r.trust, "trust", 1, 5);
    c.range(r.maintenance_cost, "maintenance_cost", 0, kInf);
    c.range(r.ban_risk, "ban_risk", 0, 1);
    c.range(r.pool_share, "pool_share", 0, 1);
    return c.status();
}

Status validate_plan(const EconomicsPlan& plan) {
    if (plan.scenarios.empty()) return Error("economics.no_scenarios", {}, Location{"", 0, 0, "scenarios"});
    for (std::size_t i = 0; i < plan.scenarios.size(); ++i) {
        Status st = with_prefix(validate(plan.scenarios[i].a), "scenarios[" + std::to_string(i) + "].a.");
        if (!st) return st;
    }
    if (plan.active < 0 || plan.active >= static_cast<int>(plan.scenarios.size()))
        return bad_field("active", plan.active, 0, static_cast<double>(plan.scenarios.size()) - 1);
    Status st = with_prefix(validate(plan.product), "product.");
    if (!st) return st;
    double share = 0;
    for (std::size_t i = 0; i < plan.channels.size(); ++i) {
        st = with_prefix(validate(plan.channels[i]), "channels[" + std::to_string(i) + "].");
        if (!st) return st;
        share += plan.channels[i].pool_share;
    }
    // Shares are of one pool; a little slack for rounding in hand-edited files.
    if (share > 1.0 + 1e-6)
        return Error("economics.shares_over_one", {econ_number(share)}, Location{"", 0, 0, "channels"});
    return ok_status();
}

}  // namespace yt
