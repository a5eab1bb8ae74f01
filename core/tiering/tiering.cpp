// tiering.cpp — compute_tiers() and clv_options(): the settings-driven entry points.
#include "core/tiering/tiering.hpp"

namespace yt {

CustomerSummary tiers_summary(const OrderTable& t, const OrderIndex& idx, const TieringSettings& s) {
    SummaryOptions so;
    so.merge_same_day = s.merge_same_day;
    if (s.as_of_day != 0) so.as_of = s.as_of_day;
    return summarize(t, idx, so);
}

Result<Tiers> tiers_from_summary(CustomerSummary summary, const TieringSettings& s) {
    Tiers out;
    out.summary = std::move(summary);
    auto binning = binning_from_settings(s);
    if (!binning) return binning.error();
    auto rfm = score_rfm(out.summary, *binning);
    if (!rfm) return rfm.error();
    out.rfm = std::move(*rfm);
    auto th = split_from_settings(out.summary, s);
    if (!th) return th.error();
    out.segments = assign_segments(out.summary, *th);
    out.table = segment_table(out.summary, out.segments);
    auto lc = lifecycle_from_settings(out.summary, s);
    if (!lc) return lc.error();
    out.lifecycle = std::move(*lc);
    return out;
}

Result<Tiers> compute_tiers(const OrderTable& t, const OrderIndex& idx, const TieringSettings& s) {
    return tiers_from_summary(tiers_summary(t, idx, s), s);
}

Result<ClvSetup> clv_options(const TieringSettings& s) {
    ClvSetup c;
    auto unit = parse_time_unit(s.clv_unit);
    if (!unit) return unit.error();
    c.unit = *unit;
    c.options.horizon = s.clv_horizon;
    c.options.margin = s.clv_margin;
    c.options.discount_annual = s.clv_discount_annual;
    if (s.clv_horizon < 1 || s.clv_horizon > 10000) return Error("tiering.bad_clv_options", {"horizon"});
    if (!(s.clv_margin >= 0 && s.clv_margin <= 1)) return Error("tiering.bad_clv_options", {"margin"});
    if (!(s.clv_discount_annual >= 0 && s.clv_discount_annual < 10)) return Error("tiering.bad_clv_options", {"discount"});
    return c;
}

}  // namespace yt
