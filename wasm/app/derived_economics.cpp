// derived_economics.cpp — computing EconomicsDerived (see the header for what and why).
#include "app/derived_economics.hpp"

#include <algorithm>

#include "core/economics/validate.hpp"

namespace yt::app {

namespace {

std::vector<FunnelStage> funnel_stages(const Assumptions& a, const FunnelResult& r) {
    double visitors = 0, friends = 0, members = 0, buyers = 0, repeats = 0;
    for (const MonthRow& m : r.months) {
        visitors += m.visitors;
        friends += m.new_friends;
        members += m.new_friends * a.join_group_rate;
        buyers += m.new_buyers;
        repeats += std::max(0.0, m.orders - m.new_buyers);
    }
    std::vector<FunnelStage> s = {{"economics.label.visitors", visitors, 0},
                                  {"economics.label.new_friends", friends, 0},
                                  {"ui.roi.stage_group", members, 0},
                                  {"economics.label.new_buyers", buyers, 0},
                                  {"ui.roi.stage_repeat", repeats, 0}};
    for (std::size_t i = 1; i < s.size(); ++i)
        s[i].conversion = s[i - 1].value > 0 ? s[i].value / s[i - 1].value : 0.0;
    return s;
}

}  // namespace

void refresh_economics(const Workspace& ws, const OrderTable* /*orders*/, EconomicsDerived& out) {
    out = EconomicsDerived{};
    out.ready = true;
    const EconomicsPlan& plan = ws.economics;

    Status valid = validate_plan(plan);
    if (!valid) out.plan_error = valid.error();
    const SimOptions opts = plan_options(plan);

    // Every scenario on its own (a bad value in one scenario does not hide the others).
    std::vector<std::optional<FunnelResult>> runs;
    for (const Scenario& s : plan.scenarios) {
        ScenarioFigures f;
        f.id = s.id;
        f.name = s.name;
        Result<FunnelResult> r = simulate(s.a, opts);
        if (r) {
            f.summary = r->summary;
            f.final_cumulative_cash = r->months.empty() ? 0.0 : r->months.back().cumulative_cash;
            runs.emplace_back(std::move(r.value()));
        } else {
            f.error = r.error();
            runs.emplace_back();
        }
        out.comparison.push_back(std::move(f));
    }

    out.channel_share_total = 0;
    for (const ChannelRow& c : plan.channels) out.channel_share_total += c.pool_share;

    if (!plan.scenarios.empty()) {
        out.active = std::clamp(plan.active, 0, static_cast<int>(plan.scenarios.size()) - 1);
        const Scenario& s = plan.scenarios[static_cast<std::size_t>(out.active)];
        out.active_id = s.id;
        if (runs[static_cast<std::size_t>(out.active)]) {
            out.funnel = std::move(runs[static_cast<std::size_t>(out.active)]);
            out.stages = funnel_stages(s.a, *out.funnel);
        } else {
            out.funnel_error = out.comparison[static_cast<std::size_t>(out.active)].error;
        }
        if (valid) {
            Result<Sensitivity> sens = sensitivity(plan, static_cast<std::size_t>(out.active));
            if (sens) out.sensitivity = std::move(sens.value());
        }
    }

    Status product_ok = validate(plan.product);
    if (!product_ok) out.product_error = product_ok.error();
    out.fit = assess_fit(plan.product);  // clamps out-of-range values

    // Channel risk: the pool's value at the end of the horizon, split by channel, platform and
    // account. Account shares come from the Roles tab's friend counts when it has any, else the
    // scenario's number of accounts is taken as equal-sized.
    RiskInput in;
    if (out.funnel) {
        in.buyers = out.funnel->summary.final_buyers;
        in.ltv = out.funnel->summary.ltv;
    }
    if (!plan.scenarios.empty()) in.accounts = std::max(1.0, plan.scenarios[static_cast<std::size_t>(out.active)].a.accounts);
    double friends = 0;
    for (const Account& a : ws.roles.accounts) friends += std::max(0, a.friends);
    if (friends > 0) {
        out.accounts_from_roles = true;
        for (const Account& a : ws.roles.accounts) {
            in.account_friends.push_back(std::max(0, a.friends));
            out.accounts.push_back({a.id, a.name.empty() ? a.id : a.name, std::max(0, a.friends) / friends});
        }
        std::stable_sort(out.accounts.begin(), out.accounts.end(),
                         [](const AccountSlice& x, const AccountSlice& y) { return x.share > y.share; });
    }
    out.risk_input = in;
    out.risk = channel_risk(plan.channels, in);
}

}  // namespace yt::app
