// assess_economics.cpp — computing EconomicsFigures (see the header for what and why).
#include "core/plan/assess_economics.hpp"

#include <algorithm>
#include <cmath>

#include "core/economics/validate.hpp"

namespace yt {

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
                                  {"economics.stage.group", members, 0},
                                  {"economics.label.new_buyers", buyers, 0},
                                  {"economics.stage.repeat", repeats, 0}};
    for (std::size_t i = 1; i < s.size(); ++i)
        s[i].conversion = s[i - 1].value > 0 ? s[i].value / s[i - 1].value : 0.0;
    return s;
}

}  // namespace

Calibration calibrate(const OrderFacts& facts, const TierFigures& tf) {
    Calibration c;
    if (!facts.any || !tf.tiers) return c;
    const CustomerSummary& s = tf.tiers->summary;
    c.any = true;
    double purchases = 0, firsts = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!s.scored(i)) continue;
        c.buyers += 1;
        purchases += s.orders[i];
        firsts += 1;
    }
    if (purchases > 0) {
        c.has_aov = true;
        c.aov = s.total_revenue / purchases;
        c.repeat_orders_per_buyer = c.buyers > 0 ? (purchases - firsts) / static_cast<double>(c.buyers) : 0;
    }
    // First vs repeat order value, from the per-customer first day: the orders on a customer's
    // first day are the first purchase.
    if (tf.index && tf.tiers) {
        const OrderIndex& idx = *tf.index;
        double fr = 0, fn = 0, rr = 0, rn = 0;
        // Repeat purchases in the last six months of data per buyer who had bought before.
        const Day end = s.as_of, start = end - 182;
        double repeats_recent = 0, buyer_months = 0;
        for (std::size_t cu = 0; cu < s.size(); ++cu) {
            if (!s.scored(cu)) continue;
            Day prev = 0;
            for (std::uint32_t k = idx.offset[cu]; k < idx.offset[cu + 1]; ++k) {
                const Day d = idx.orders[k].day;
                if (d > end) break;
                if (d == s.first[cu]) {
                    fr += idx.orders[k].amount;
                    if (d != prev) fn += 1;
                } else {
                    rr += idx.orders[k].amount;
                    if (d != prev) {
                        rn += 1;
                        if (d > start) repeats_recent += 1;
                    }
                }
                prev = d;
            }
            // Months within [start, end] after this customer's first purchase.
            const Day from = std::max(start, s.first[cu]);
            if (end > from) buyer_months += (end - from) / 30.44;
        }
        if (fn > 0) c.aov_first = fr / fn;
        if (rn > 0) c.aov_repeat = rr / rn;
        if (buyer_months > 0) {
            c.has_repeat = true;
            c.repeat_rate = repeats_recent / buyer_months;
        }
    }
    if (tf.clv && tf.clv->usable()) {
        const ClvResult& r = tf.clv->result;
        double alive = 0, tenure = 0, clv = 0, n = 0;
        for (std::size_t i = 0; i < r.p_alive.size() && i < s.size(); ++i) {
            if (!s.scored(i) || std::isnan(r.p_alive[i]) || std::isnan(r.expected_purchases[i]) || std::isnan(r.expected_value[i]))
                continue;
            alive += r.p_alive[i];
            // Revenue over the CLV horizon, undiscounted (the funnel's LTV is undiscounted too).
            clv += static_cast<double>(r.expected_purchases[i]) * r.expected_value[i];
            tenure += (s.as_of - s.first[i]) / 30.44;
            n += 1;
        }
        if (n > 0) {
            c.has_ltv = true;
            c.ltv = clv / n;
            const double mean_alive = alive / n, mean_tenure = tenure / n;
            if (mean_tenure >= 1 && mean_alive > 0 && mean_alive <= 1) {
                c.has_churn = true;
                c.monthly_churn = 1.0 - std::pow(mean_alive, 1.0 / mean_tenure);
            }
        }
    }
    return c;
}

Assumptions calibrated(const Assumptions& a, const Calibration& c) {
    Assumptions o = a;
    if (c.has_aov) o.aov = c.aov;
    if (c.has_repeat) o.repeat_rate = c.repeat_rate;
    if (c.has_churn) o.monthly_churn = c.monthly_churn;
    if (c.has_ltv) o.ltv_override = c.ltv * a.gross_margin;
    return o;
}

void prepare_calibration(const OrderFacts& facts, const TierFigures& tiers, EconomicsFigures& out) {
    const std::uint64_t gen = tiers.tiers ? tiers.generation : 0;
    if (out.calibration_generation == gen && out.calibration_any == facts.any) return;  // starts at ~0: never a generation
    out.calibration = calibrate(facts, tiers);
    out.calibration_generation = gen;
    out.calibration_any = facts.any;
}

void assess_economics(const Workspace& ws, const OrderFacts& facts, const TierFigures& tiers, EconomicsFigures& out) {
    prepare_calibration(facts, tiers, out);
    Calibration cal = std::move(out.calibration);
    const std::uint64_t gen = out.calibration_generation;
    out = EconomicsFigures{};
    out.calibration = std::move(cal);
    out.calibration_generation = gen;
    out.calibration_any = facts.any;
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

    // Product fit reads the active scenario's price and margin, and its verdict is the plan's own
    // (pays back? LTV:CAC?), so the panel and the scenario cannot give two answers.
    ProductProfile product = plan.product;
    if (!plan.scenarios.empty()) product = priced_by(product, plan.scenarios[static_cast<std::size_t>(out.active)].a);
    Status product_ok = validate(product);
    if (!product_ok) out.product_error = product_ok.error();
    out.fit = assess_fit(product);  // clamps out-of-range values
    if (out.funnel) out.fit.verdict = plan_verdict(out.funnel->summary, out.fit);

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

}  // namespace yt
