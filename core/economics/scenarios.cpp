// scenarios.cpp — plan-level simulation, scenario comparison and the sensitivity table.
#include "core/economics/scenarios.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/economics/channels.hpp"
#include "core/economics/validate.hpp"

namespace yt {

namespace {

struct Param {
    const char* name;
    std::function<void(Assumptions&, SimOptions&, double)> scale;  // multiplies the value by f
};

double capped(double v) { return std::min(1.0, v); }

std::vector<Param> params(const Assumptions& a, const SimOptions& o) {
    std::vector<Param> p = {
        {"visitors_per_month", [](Assumptions& x, SimOptions&, double f) { for (auto& s : x.sources) s.visitors_per_month *= f; }},
        {"cost_per_visitor", [](Assumptions& x, SimOptions&, double f) { for (auto& s : x.sources) s.cost_per_visitor *= f; }},
        {"add_friend_rate", [](Assumptions& x, SimOptions&, double f) { for (auto& s : x.sources) s.add_friend_rate = capped(s.add_friend_rate * f); }},
        {"join_group_rate", [](Assumptions& x, SimOptions&, double f) { x.join_group_rate = capped(x.join_group_rate * f); }},
        {"first_purchase_rate", [](Assumptions& x, SimOptions&, double f) { x.first_purchase_rate = capped(x.first_purchase_rate * f); }},
        {"repeat_rate", [](Assumptions& x, SimOptions&, double f) { x.repeat_rate = capped(x.repeat_rate * f); }},
        {"monthly_churn", [](Assumptions& x, SimOptions& so, double f) {
             if (so.monthly_churn) so.monthly_churn = capped(*so.monthly_churn * f);
             else x.monthly_churn = capped(x.monthly_churn * f);
         }},
        {"aov", [](Assumptions& x, SimOptions&, double f) { x.aov *= f; }},
        {"gross_margin", [](Assumptions& x, SimOptions&, double f) { x.gross_margin = capped(x.gross_margin * f); }},
        {"operator_cost", [](Assumptions& x, SimOptions&, double f) { x.operator_cost *= f; }},
        {"account_cost", [](Assumptions& x, SimOptions&, double f) { x.account_cost *= f; }},
        {"tools_cost", [](Assumptions& x, SimOptions&, double f) { x.tools_cost *= f; }},
        {"perks_per_order", [](Assumptions& x, SimOptions&, double f) { x.perks_per_order *= f; }},
    };
    if (o.referrals_per_buyer || referrals_field(a))
        p.push_back({"referrals_per_buyer", [](Assumptions& x, SimOptions& so, double f) {
                         so.referrals_per_buyer = referral_rate(x, so) * f;
                     }});
    return p;
}

double payback_rank(const std::optional<int>& p, int horizon) { return p ? *p : horizon + 1; }

}  // namespace

SimOptions plan_options(const EconomicsPlan& plan, SimOptions base) {
    const ChannelEffects e = channel_effects(plan.channels);
    base.channel_cost += e.channel_cost;
    base.ban_loss = 1.0 - (1.0 - base.ban_loss) * (1.0 - e.ban_loss);
    return base;
}

Result<FunnelResult> simulate_plan(const EconomicsPlan& plan, std::size_t index, const SimOptions& base) {
    Status st = validate_plan(plan);
    if (!st) return st.error();
    if (index >= plan.scenarios.size())
        return Error("economics.unknown_scenario", {std::to_string(index)}, Location{"", 0, 0, "scenarios"});
    return simulate(plan.scenarios[index].a, plan_options(plan, base));
}

Result<std::vector<ScenarioRow>> compare_scenarios(const EconomicsPlan& plan, const SimOptions& base) {
    Status st = validate_plan(plan);
    if (!st) return st.error();
    const SimOptions o = plan_options(plan, base);
    std::vector<ScenarioRow> rows;
    for (const Scenario& s : plan.scenarios) {
        Result<FunnelResult> r = simulate(s.a, o);
        if (!r) return r.error();
        ScenarioRow row;
        row.id = s.id;
        row.name = s.name;
        row.summary = r->summary;
        row.final_cumulative_cash = r->months.empty() ? 0.0 : r->months.back().cumulative_cash;
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<Sensitivity> sensitivity(const EconomicsPlan& plan, std::size_t index, const SimOptions& base, double step) {
    Result<FunnelResult> ref = simulate_plan(plan, index, base);
    if (!ref) return ref.error();
    if (!std::isfinite(step) || step <= 0 || step >= 1) return bad_field("step", step, 0, 1);
    const Assumptions& a = plan.scenarios[index].a;
    const SimOptions o = plan_options(plan, base);
    Sensitivity out;
    out.base_payback = ref->summary.payback_month;
    out.base_roi = ref->summary.roi.value_or(0.0);
    const double base_rank = payback_rank(out.base_payback, a.horizon_months);
    for (const Param& p : params(a, o)) {
        SensitivityRow row;
        row.param = p.name;
        for (double f : {1.0 - step, 1.0 + step}) {
            Assumptions x = a;
            SimOptions so = o;
            p.scale(x, so, f);
            const FunnelSummary s = simulate_unchecked(x, so).summary;
            (f < 1 ? row.payback_low : row.payback_high) = s.payback_month;
            (f < 1 ? row.roi_low : row.roi_high) = s.roi.value_or(0.0);
        }
        row.payback_shift = std::max(std::abs(payback_rank(row.payback_low, a.horizon_months) - base_rank),
                                     std::abs(payback_rank(row.payback_high, a.horizon_months) - base_rank));
        row.roi_shift = std::abs(row.roi_high - row.roi_low);
        out.rows.push_back(std::move(row));
    }
    std::sort(out.rows.begin(), out.rows.end(), [](const SensitivityRow& x, const SensitivityRow& y) {
        if (x.payback_shift != y.payback_shift) return x.payback_shift > y.payback_shift;
        if (x.roi_shift != y.roi_shift) return x.roi_shift > y.roi_shift;
        return x.param < y.param;
    });
    return out;
}

}  // namespace yt
