// rfm.hpp — RFM scores (recency, frequency, monetary) with selectable binning.
//
// Binning: quintiles 1–5 (classic), quartiles 1–4, terciles 1–3, or custom cut-offs.
// Recency is reversed: the most recent customers get the highest score.
//
// Quantile rule (rank-based, ties-safe). Among the n scored customers, a value v has the
// mid-rank percentile  p = (below + equal / 2) / n,  where `below` counts customers with a worse
// value and `equal` those with the same value; its score is 1 + floor(k · p), at most k.
// Consequences: equal values always get the same score; without ties the k groups are as equal
// in size as n allows (classic ntile); a value shared by many customers lands in the score of the
// middle of its block (e.g. when 60% bought once, they all get F = 2 of 5, not 1 and not a random
// split). Some scores can then be empty — that is the honest answer for tied data.
//
// Custom cut-offs (ascending, k-1 of them give k scores):
//   F, M:  score = 1 + number of cut-offs c with value >= c;
//   R:     cut-offs are in days; score = k - number of cut-offs c with recency > c
//          (recency <= c1 gives k, the most recent).
// Customers without a purchase get score 0 (not scored). M is revenue net of refunds.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/result.hpp"
#include "core/tiering/summary.hpp"
#include "core/tiering/tiering_settings.hpp"

namespace yt {

struct BinningSpec {
    std::string name = "quintile";  // "quintile", "quartile", "tercile", "custom"
    int bins = 5;
    std::vector<double> cut_r, cut_f, cut_m;  // custom only: ascending, bins-1 each
};

// Errors: "tiering.bad_binning" {name}; "tiering.bad_cutoffs" {dimension} when custom cut-offs
// are not strictly ascending, of different counts, fewer than 1 or more than 9.
Result<BinningSpec> make_binning(const std::string& name, const std::vector<double>& cut_r = {},
                                 const std::vector<double>& cut_f = {}, const std::vector<double>& cut_m = {});
Result<BinningSpec> binning_from_settings(const TieringSettings& s);

// The observed value range of one score (for "thresholds used" displays).
struct ScoreRange {
    double lo = 0, hi = 0;      // min and max value among customers with that score
    std::uint32_t count = 0;    // customers with that score
};

struct RfmScores {
    int bins = 5;
    std::vector<std::uint8_t> r, f, m;   // per customer, 1..bins, 0 = not scored
    // ranges[s-1] for score s: recency in days, frequency in orders, monetary in revenue.
    std::vector<ScoreRange> r_ranges, f_ranges, m_ranges;
};

// Errors: "tiering.no_buyers" when no customer has a purchase by the as-of date.
Result<RfmScores> score_rfm(const CustomerSummary& s, const BinningSpec& b);

// A dimension's quantile cuts: a score per value (small integer ranges: counting) or the first
// key of each score (order statistics); RfmScorer keeps them between the parts of a dimension.
struct QuantileCuts {
    bool counting = false, higher_is_better = false;
    std::int64_t base = 0;                 // counting: table[value - base] is the score
    std::vector<std::uint8_t> table;
    std::vector<std::uint64_t> first_key;  // selection: score s+2 from first_key[s] on ...
    std::vector<std::uint8_t> reachable;   // ... when some key reaches it
    // Selection between its three parts: every included key, the key at each candidate rank and
    // the test it must pass (emptied once first_key is known).
    std::vector<std::uint64_t> keys, cand;
    std::vector<std::int64_t> target;
    std::size_t taken = 0;  // the entries whose keys are in `keys`
};

// score_rfm() a quarter of a dimension at a time (R, then F, then M: half the included keys,
// the rest and the keys at the candidate ranks, the cuts from them, then the scores and their
// ranges; values counted in a table take the first part only, and custom cut-offs score all
// three in the first step), for callers that spread the work over frames: while (r.step()) {}
// then take(). `s` must outlive the scorer.
class RfmScorer {
public:
    static constexpr int kSteps = 12;
    RfmScorer(const CustomerSummary& s, const BinningSpec& b);
    bool step();  // false when no step is left (or the summary has no buyers)
    Result<RfmScores> take();

private:
    const CustomerSummary* s_;
    BinningSpec b_;
    std::vector<std::uint8_t> include_;
    RfmScores out_;
    QuantileCuts cuts_;
    int next_ = 0;
    std::optional<Error> error_;
};
// Mid-rank quantile scores of `v` over the entries with include[i] != 0 (see the rule above);
// `higher_is_better` = false reverses the order (recency). out[i] = 0 for excluded entries.
void quantile_scores(const std::vector<double>& v, const std::vector<std::uint8_t>& include, int k,
                     bool higher_is_better, std::vector<std::uint8_t>& out);

}  // namespace yt
