// tiering.cpp — compute_tiers() and clv_options(): the settings-driven entry points.
#include "core/tiering/tiering.hpp"

namespace yt {

SummaryOptions summary_options(const TieringSettings& s) {
    SummaryOptions so;
    so.merge_same_day = s.merge_same_day;
    if (s.as_of_day != 0) so.as_of = s.as_of_day;
    return so;
}

TiersBuilder::TiersBuilder(CustomerSummary summary, const TieringSettings& s) : s_(s) { out_.summary = std::move(summary); }

bool TiersBuilder::step() {
    if (error_ || next_ >= kSteps) return false;
    const int now = next_++;
    if (now < RfmScorer::kSteps) {
        if (now == 0) {
            auto binning = binning_from_settings(s_);
            if (!binning) return error_ = binning.error(), false;
            rfm_.emplace(out_.summary, *binning);
        }
        if (!rfm_->step()) {  // the last dimension (or the summary has no buyers)
            auto rfm = rfm_->take();
            rfm_.reset();
            if (!rfm) return error_ = rfm.error(), false;
            out_.rfm = std::move(*rfm);
            next_ = RfmScorer::kSteps;
        }
    } else if (now == RfmScorer::kSteps) {
        auto th = split_from_settings(out_.summary, s_);
        if (!th) return error_ = th.error(), false;
        out_.segments = assign_segments(out_.summary, *th);
        out_.table = segment_table(out_.summary, out_.segments);
    } else {
        auto lc = lifecycle_from_settings(out_.summary, s_);
        if (!lc) return error_ = lc.error(), false;
        out_.lifecycle = std::move(*lc);
    }
    return next_ < kSteps;
}

Result<Tiers> TiersBuilder::take() {
    while (step()) {
    }
    if (error_) return *error_;
    return std::move(out_);
}

Result<Tiers> tiers_from_summary(CustomerSummary summary, const TieringSettings& s) {
    return TiersBuilder(std::move(summary), s).take();
}

Result<Tiers> compute_tiers(const OrderTable& t, const OrderIndex& idx, const TieringSettings& s) {
    return tiers_from_summary(summarize(t, idx, summary_options(s)), s);
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
