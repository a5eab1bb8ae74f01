// tiering.hpp — the tiering module (用户分层) in one include: who our customers are.
//
// Pipeline (each step is also usable on its own):
//   OrderTable ──build_order_index──▶ OrderIndex ──summarize──▶ CustomerSummary      summary.hpp
//   CustomerSummary ──score_rfm──▶ RfmScores (quintile/quartile/tercile/custom)      rfm.hpp
//                   ──split_thresholds + assign_segments──▶ 8 segments + table        segments.hpp
//                   ──lifecycle_stages──▶ new / active / dormant / churned            lifecycle.hpp
//   Segmentation of two imports ──segment_migration──▶ 8×8 matrix + new/gone          migration.hpp
//   AttributeColumns + segments ──profile_counts──▶ four-dimension profile            profile.hpp
//   OrderIndex ──clv_inputs──▶ (x, t_x, T, m) ──run_clv──▶ BG/NBD + Gamma-Gamma fits,
//       P(alive), expected purchases, P(no purchase), expected spend, CLV              clv.hpp
//   Synthetic data (tests, demo, bench): simulate.hpp.
// Everything is columnar (vectors indexed by customer) and single-pass where possible; a
// million customers / 2.8 million orders take a few hundred milliseconds natively.
//
// compute_tiers() runs the rule-based part from the operator's TieringSettings; clv_options()
// turns the same settings into ClvOptions. Results are functions of (orders, settings): cache
// them by a version stamp, never store them in the Workspace.
#pragma once
#include <array>
#include <optional>

#include "core/tiering/clv.hpp"
#include "core/tiering/lifecycle.hpp"
#include "core/tiering/migration.hpp"
#include "core/tiering/profile.hpp"
#include "core/tiering/rfm.hpp"
#include "core/tiering/segments.hpp"
#include "core/tiering/summary.hpp"
#include "core/tiering/tiering_settings.hpp"

namespace yt {

struct Tiers {
    CustomerSummary summary;
    RfmScores rfm;
    Segmentation segments;
    std::array<SegmentRow, kSegments> table{};
    Lifecycle lifecycle;
};

// Summary (as of settings.as_of_day, 0 = last date; merge_same_day), RFM scores (binning),
// 8 segments (split) and lifecycle stages. Errors: those of the steps (bad binning, cut-offs,
// split, lifecycle days; no buyers by the as-of date).
Result<Tiers> compute_tiers(const OrderTable& t, const OrderIndex& idx, const TieringSettings& s);
// compute_tiers() in parts, for callers that spread the work over frames: the summary's options
// (summarize(), or summary_start() + summarize_range() over ranges), then the scores, segments
// and lifecycle from the summary — in one call or a step each (TiersBuilder).
SummaryOptions summary_options(const TieringSettings& s);
Result<Tiers> tiers_from_summary(CustomerSummary summary, const TieringSettings& s);
class TiersBuilder {
public:
    static constexpr int kSteps = RfmScorer::kSteps + 2;  // R, F, M scores, the 8 segments, the lifecycle stages
    TiersBuilder(CustomerSummary summary, const TieringSettings& s);
    TiersBuilder(const TiersBuilder&) = delete;  // the scorer points into out_
    TiersBuilder& operator=(const TiersBuilder&) = delete;
    bool step();  // false when no step is left (or one failed)
    Result<Tiers> take();

private:
    Tiers out_;
    TieringSettings s_;
    int next_ = 0;
    std::optional<Error> error_;
    std::optional<RfmScorer> rfm_;
};

// CLV options and time unit from the settings (clv_horizon, clv_unit, clv_margin,
// clv_discount_annual). Errors: "tiering.bad_unit", "tiering.bad_clv_options".
struct ClvSetup {
    TimeUnit unit = TimeUnit::Week;
    ClvOptions options;
};
Result<ClvSetup> clv_options(const TieringSettings& s);

}  // namespace yt
