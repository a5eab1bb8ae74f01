// assess_tiers.cpp — computing TierFigures (see assess_tiers.hpp), with its two-level cache.
#include "core/plan/assess_tiers.hpp"

#include <cmath>
#include <tuple>

namespace yt {

namespace {
// Generations are unique in the process so a view never mistakes one App's results for another's.
std::uint64_t g_generation = 0;
}  // namespace

bool OrdersIdentity::operator==(const OrdersIdentity& o) const {
    return std::tie(table, customer, day, amount, orders, customers) ==
           std::tie(o.table, o.customer, o.day, o.amount, o.orders, o.customers);
}

OrdersIdentity orders_identity(const OrderTable* t) {
    OrdersIdentity id;
    if (!t) return id;
    id.table = t;
    id.customer = t->customer.data();
    id.day = t->day.data();
    id.amount = t->amount.data();
    id.orders = t->orders();
    id.customers = t->customers();
    return id;
}

bool same_tier_settings(const TieringSettings& a, const TieringSettings& b) {
    return std::tie(a.binning, a.custom_r, a.custom_f, a.custom_m, a.split, a.manual_r_days, a.manual_f, a.manual_m,
                    a.merge_same_day, a.as_of_day, a.new_days, a.active_days, a.dormant_days) ==
           std::tie(b.binning, b.custom_r, b.custom_f, b.custom_m, b.split, b.manual_r_days, b.manual_f, b.manual_m,
                    b.merge_same_day, b.as_of_day, b.new_days, b.active_days, b.dormant_days);
}

bool same_clv_settings(const TieringSettings& a, const TieringSettings& b) {
    return std::tie(a.as_of_day, a.clv_horizon, a.clv_unit, a.clv_margin, a.clv_discount_annual) ==
           std::tie(b.as_of_day, b.clv_horizon, b.clv_unit, b.clv_margin, b.clv_discount_annual);
}

namespace {

std::shared_ptr<const TiersClv> compute_clv(const OrderTable& t, const OrderIndex& idx, const TieringSettings& s) {
    auto out = std::make_shared<TiersClv>();
    auto setup = clv_options(s);
    if (!setup) {
        out->error = setup.error();
        return out;
    }
    out->unit = setup->unit;
    std::optional<Day> cal;
    if (s.as_of_day > 0) cal = static_cast<Day>(s.as_of_day);
    auto in = clv_inputs(t, idx, cal, setup->unit);
    if (!in) {
        out->error = in.error();
        return out;
    }
    out->calibration_end = in->calibration_end;
    out->included = in->customers;
    out->repeat_buyers = in->repeat_buyers;
    auto r = run_clv(*in, setup->options);
    if (!r) {
        out->error = r.error();
        return out;
    }
    out->result = std::move(*r);
    if (out->result.bg_ok) out->check = bgnbd_frequency_check(out->result.bg.params, *in, 7);
    return out;
}

void fill_segment_clv(TierFigures& out) {
    out.segment_clv.fill(0);
    out.segment_clv_n.fill(0);
    if (!out.tiers || !out.clv) return;
    const auto& seg = out.tiers->segments.segment;
    const auto& clv = out.clv->result.clv;
    for (std::size_t c = 0; c < seg.size() && c < clv.size(); ++c) {
        if (seg[c] >= kSegments || std::isnan(clv[c])) continue;
        out.segment_clv[seg[c]] += static_cast<double>(clv[c]);
        out.segment_clv_n[seg[c]] += 1;
    }
}

void fill_rf(const Tiers& t, TierFigures& out) {
    out.bins = t.rfm.bins;
    const auto b = static_cast<std::size_t>(out.bins);
    out.rf.assign(b * b, 0);
    for (std::size_t c = 0; c < t.rfm.r.size(); ++c) {
        const int r = t.rfm.r[c], f = t.rfm.f[c];
        if (r < 1 || f < 1 || r > out.bins || f > out.bins) continue;
        out.rf[static_cast<std::size_t>(r - 1) * b + static_cast<std::size_t>(f - 1)] += 1;
    }
    out.segment_sizes.clear();
    for (int k = 0; k < kSegments; ++k) out.segment_sizes[segment_key(k)] = static_cast<int>(t.segments.counts[k]);
}

}  // namespace

void assess_tiers(const Workspace& ws, const OrderTable* orders, TierFigures& out) {
    out.ready = true;
    const OrdersIdentity id = orders_identity(orders);
    const bool new_orders = id != out.key_orders;
    const bool tier_change = !out.key_settings || !same_tier_settings(*out.key_settings, ws.tiering);
    const bool clv_change = !out.key_settings || !same_clv_settings(*out.key_settings, ws.tiering);
    if (!new_orders && !tier_change && !clv_change) return;
    out.key_orders = id;
    out.key_settings = ws.tiering;
    out.generation = ++g_generation;
    if (!orders || orders->orders() == 0) {
        out.index.reset();
        out.tiers.reset();
        out.profile.reset();
        out.clv.reset();
        out.error.reset();
        out.rf.clear();
        out.segment_sizes.clear();
        return;
    }
    if (new_orders || !out.index) {
        out.tiers.reset();
        out.profile.reset();
        out.clv.reset();
        auto idx = build_order_index(*orders);
        if (!idx) {
            out.index.reset();
            out.error = idx.error();
            return;
        }
        out.index = std::make_shared<const OrderIndex>(std::move(*idx));
    }
    if (new_orders || clv_change) out.clv.reset();
    if (new_orders || tier_change || !out.tiers) {
        out.tiers.reset();
        out.profile.reset();
        ++out.computations;
        auto t = compute_tiers(*orders, *out.index, ws.tiering);
        if (!t) {
            out.error = t.error();
            out.rf.clear();
            out.segment_sizes.clear();
            return;
        }
        out.error.reset();
        out.tiers = std::make_shared<const Tiers>(std::move(*t));
        out.profile = std::make_shared<const ProfileCounts>(
            profile_counts(*orders, out.tiers->segments, &out.tiers->rfm, &out.tiers->lifecycle));
        fill_rf(*out.tiers, out);
    }
    if (!out.clv) {
        ++out.clv_computations;
        out.clv = compute_clv(*orders, *out.index, ws.tiering);
    }
    fill_segment_clv(out);
}

}  // namespace yt
