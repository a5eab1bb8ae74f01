// assess_economics.cpp — computing EconomicsFigures (see the header for what and why).
#include "core/plan/assess_economics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/economics/validate.hpp"
#include "core/model/parts.hpp"

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

namespace {

// One customer's part of the calibration's sums (calibrate_range()).
void calibrate_customer(const CustomerSummary& s, const OrderIndex* idx, const ClvResult* r, std::size_t cu,
                        CalibrationSums& m) {
    if (!s.scored(cu)) return;
    m.buyers += 1;
    m.purchases += s.orders[cu];
    m.firsts += 1;
    if (idx) {
        // First vs repeat order value, from the per-customer first day: the orders on a customer's
        // first day are the first purchase. Repeat purchases in the last six months of data per
        // buyer who had bought before.
        const Day end = s.as_of, start = end - 182;
        Day prev = 0;
        for (std::uint32_t k = idx->offset[cu]; k < idx->offset[cu + 1]; ++k) {
            const Day d = idx->orders[k].day;
            if (d > end) break;
            if (d == s.first[cu]) {
                m.first_revenue += idx->orders[k].amount;
                if (d != prev) m.first_orders += 1;
            } else {
                m.repeat_revenue += idx->orders[k].amount;
                if (d != prev) {
                    m.repeat_orders += 1;
                    if (d > start) m.repeats_recent += 1;
                }
            }
            prev = d;
        }
        // Months within [start, end] after this customer's first purchase.
        const Day from = std::max(start, s.first[cu]);
        if (end > from) m.buyer_months += (end - from) / 30.44;
    }
    if (r && cu < r->p_alive.size() && !std::isnan(r->p_alive[cu]) && !std::isnan(r->expected_purchases[cu]) &&
        !std::isnan(r->expected_value[cu])) {
        m.alive += r->p_alive[cu];
        // Revenue over the CLV horizon, undiscounted (the funnel's LTV is undiscounted too).
        m.clv += static_cast<double>(r->expected_purchases[cu]) * r->expected_value[cu];
        m.tenure += (s.as_of - s.first[cu]) / 30.44;
        m.with_clv += 1;
    }
}

}  // namespace

bool calibrate_range(const OrderFacts& facts, const TierFigures& tf, std::size_t count, CalibrationSums& m) {
    if (!facts.any || !tf.tiers) return false;
    const CustomerSummary& s = tf.tiers->summary;
    const OrderIndex* idx = tf.index ? &*tf.index : nullptr;
    const ClvResult* r = tf.clv && tf.clv->usable() ? &tf.clv->result : nullptr;
    const std::size_t next = std::min(m.next, s.size());
    const std::size_t end = part_end(next, count, s.size());
    for (std::size_t cu = next; cu < end; ++cu) calibrate_customer(s, idx, r, cu, m);
    m.next = end;
    return end < s.size();
}

Calibration calibration_of(const OrderFacts& facts, const TierFigures& tf, const CalibrationSums& m) {
    Calibration c;
    if (!facts.any || !tf.tiers) return c;
    c.any = true;
    c.buyers = m.buyers;
    if (m.purchases > 0) {
        c.has_aov = true;
        c.aov = tf.tiers->summary.total_revenue / m.purchases;
        c.repeat_orders_per_buyer = c.buyers > 0 ? (m.purchases - m.firsts) / static_cast<double>(c.buyers) : 0;
    }
    if (tf.index) {
        if (m.first_orders > 0) c.aov_first = m.first_revenue / m.first_orders;
        if (m.repeat_orders > 0) c.aov_repeat = m.repeat_revenue / m.repeat_orders;
        if (m.buyer_months > 0) {
            c.has_repeat = true;
            c.repeat_rate = m.repeats_recent / m.buyer_months;
        }
    }
    if (tf.clv && tf.clv->usable() && m.with_clv > 0) {
        const double n = m.with_clv;
        c.has_ltv = true;
        c.ltv = m.clv / n;
        const double mean_alive = m.alive / n, mean_tenure = m.tenure / n;
        if (mean_tenure >= 1 && mean_alive > 0 && mean_alive <= 1) {
            c.has_churn = true;
            c.monthly_churn = 1.0 - std::pow(mean_alive, 1.0 / mean_tenure);
        }
    }
    return c;
}

Calibration calibrate(const OrderFacts& facts, const TierFigures& tf) {
    CalibrationSums m;
    calibrate_range(facts, tf, std::numeric_limits<std::size_t>::max(), m);
    return calibration_of(facts, tf, m);
}

Assumptions calibrated(const Assumptions& a, const Calibration& c) {
    Assumptions o = a;
    if (c.has_aov) o.aov = c.aov;
    if (c.has_repeat) o.repeat_rate = c.repeat_rate;
    if (c.has_churn) o.monthly_churn = c.monthly_churn;
    if (c.has_ltv) o.ltv_override = c.ltv * a.gross_margin;
    return o;
}

bool prepare_calibration_part(const OrderFacts& facts, const TierFigures& tiers, EconomicsFigures& out, std::size_t count) {
    const std::uint64_t gen = tiers.tiers ? tiers.generation : 0;
    if (out.calibration_generation == gen && out.calibration_any == facts.any) return false;  // starts at ~0: never a generation
    if (out.sums_generation != gen || out.sums_any != facts.any) {  // sums of other tiers, or none yet
        out.calibration_sums = CalibrationSums{};
        out.sums_generation = gen;
        out.sums_any = facts.any;
    }
    if (calibrate_range(facts, tiers, count, out.calibration_sums)) return true;
    out.calibration = calibration_of(facts, tiers, out.calibration_sums);
    out.calibration_generation = gen;
    out.calibration_any = facts.any;
    out.calibration_sums = CalibrationSums{};
    out.sums_generation = ~0ull;
    return false;
}

void prepare_calibration(const OrderFacts& facts, const TierFigures& tiers, EconomicsFigures& out) {
    prepare_calibration_part(facts, tiers, out, std::numeric_limits<std::size_t>::max());
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
