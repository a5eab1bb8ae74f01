// clv.hpp — customer lifetime value: fit BG/NBD + Gamma-Gamma on an import and score everyone.
//
// CLV over a horizon of H periods (the caller's time unit), discrete per-period discounting:
//   CLV = margin · E[M] · Σ_{k=1..H} (E[Y(k)] − E[Y(k−1)]) / (1 + d)^k,
// where E[Y(k)] is the BG/NBD expected number of purchases in the first k periods after the
// calibration end, E[M] the Gamma-Gamma expected spend per purchase, and d the per-period rate
// equivalent to the annual discount rate: d = (1 + annual)^(unit_days / 365.25) − 1. Purchases of
// period k are discounted by k full periods (end-of-period convention).
//
// Fitting runs on compressed unique (x, t_x, T) rows. With grid_days = 0 ("auto") the rows are
// exact (whole days); if that leaves more than max_unique_rows rows (very large imports), t_x
// and T are rounded to whole weeks for the FIT only (≤ 3.5 days of error, thousands of rows
// instead of hundreds of thousands); predictions always use each customer's exact days.
//
// When the data are too few or a fit fails or does not converge, `status` says why and the UI
// falls back to the rule-based tiers (RFM, 8 segments, lifecycle).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/model/result.hpp"
#include "core/tiering/bgnbd.hpp"
#include "core/tiering/clv_inputs.hpp"
#include "core/tiering/gamma_gamma.hpp"

namespace yt {

struct ClvOptions {
    int horizon = 39;                // periods
    double margin = 0.5;             // gross margin on revenue, 0..1
    double discount_annual = 0.1;    // annual discount rate
    int grid_days = 0;               // 0 = auto; else t_x and T rounded to multiples of this many days for the fit
    std::size_t max_unique_rows = 30000;
    FitOptions fit;
};

struct ClvResult {
    Status status = ok_status();     // ok, or why the model cannot be used (UI falls back to rules)
    bool bg_ok = false, gg_ok = false;
    Status bg_status = ok_status(), gg_status = ok_status();
    BgNbdFit bg;
    GgFit gg;
    int grid_days = 1;               // rounding used for the BG/NBD fit rows
    double period_discount = 0;      // d above
    // Per customer (size = customers of the table); NaN for excluded customers or when the
    // needed model is unusable. Horizon = ClvOptions::horizon periods. Stored as float (7
    // significant digits, half the memory at a million customers); totals are summed in double.
    std::vector<float> p_alive, expected_purchases, p_no_purchase, expected_value, clv;
    double total_clv = 0, total_expected_purchases = 0;
};

// Errors: "tiering.bad_clv_options" {field} for horizon < 1 or > 10000, margin outside [0, 1],
// discount outside [0, 10). Model problems go to ClvResult::status, not to the Result.
Result<ClvResult> run_clv(const ClvInputs& in, const ClvOptions& opt);
// The per-customer predictions of run_clv in parts: setup(0 .. kSetupParts−1), in order, sets
// up what every customer shares (period discount, the log tables, the distinct (x, T) pairs and
// their horizon sums) once res.bg / res.gg and their statuses are set; score(begin, end) then
// fills the vectors and adds to the totals for customers [begin, end). Scoring the ranges in
// order from 0 gives predict_clv's results bit for bit (the totals are summed in customer order
// either way). `in` and `res` must outlive it.
class ClvScorer {
public:
    static constexpr int kSetupParts = 3;
    ClvScorer(const ClvInputs& in, const ClvOptions& opt, ClvResult& res);
    void setup(int part);
    void score(std::size_t begin, std::size_t end);

private:
    const ClvInputs* in_;
    ClvResult* res_;
    ClvOptions opt_;
    std::int32_t max_days_ = 0, max_x_ = 0;
    std::vector<double> lt_, lth_, lbx_, GH_, dsum_;
    std::vector<std::uint32_t> group_;
    std::vector<std::int32_t> gx_, gT_;  // the x and T of each distinct pair, a group (parts 1 and 2)
};

// run_clv in steps, for callers that must not block for all of it (the app models a fresh import
// between frames): each step() does one part — the BG/NBD fit's rows (keyed and sorted
// max(score_range, kMinRowsRange) customers at a time, merged, then regridded when there are too
// many), its fit, the Gamma-Gamma fit's rows, its fit, the shared part of the predictions (in
// ClvScorer::kSetupParts parts), then
// the predictions for `score_range` customers at a time — and says whether one is left; take()
// then gives what run_clv gives. `in` must outlive the run. run_clv is this run to the end.
class ClvRun {
public:
    static constexpr std::size_t kScoreRange = 250000;
    static constexpr std::size_t kMinRowsRange = 4096;
    // The fits' iterations a part (in the browser for a million customers, BG/NBD on its
    // compressed rows ~0.6 ms an iteration, Gamma-Gamma over every repeat buyer ~8 ms); a fit's
    // parts but its last are not in steps(): done() stays.
    static constexpr int kBgFitIterations = 8, kGgFitIterations = 2;
    // Parts of a run over `customers` customers with ranges of `score_range`.
    static int steps_for(std::size_t customers, std::size_t score_range = kScoreRange);
    ClvRun(const ClvInputs& in, const ClvOptions& opt, std::size_t score_range = kScoreRange);
    ClvRun(ClvRun&&) noexcept;
    ClvRun& operator=(ClvRun&&) noexcept;
    ~ClvRun();
    bool step();
    int done() const { return next_; }  // steps done, 0..steps()
    int steps() const { return steps_; }
    Result<ClvResult> take();
    // Its first parts, the BG/NBD fit's rows (clv.cpp; bgnbd_data_auto runs them at once).
    struct Rows;

private:
    const ClvInputs* in_;
    ClvOptions opt_;
    std::size_t range_;
    int next_ = 0, steps_ = 0;
    std::optional<Error> error_;
    ClvResult res_;
    std::unique_ptr<Rows> rows_;   // the BG/NBD rows being made (rows_steps_ parts)
    int rows_steps_ = 0;
    void rows_step(int k);
    std::unique_ptr<BgNbdData> bg_rows_;   // where the fit in progress reads them: it must not move
    std::unique_ptr<BgNbdFitRun> bg_fit_;
    std::unique_ptr<GgData> gg_rows_;      // as bg_rows_, for the Gamma-Gamma fit
    std::unique_ptr<GgFitRun> gg_fit_;
    std::unique_ptr<ClvScorer> scorer_;
};

// The steps of run_clv, for callers that time or cache them (the benchmark):
// compressed rows for the fit (grid_days <= 1: exact days) ...
BgNbdData bgnbd_data_from_inputs(const ClvInputs& in, int grid_days);
// ... the auto grid rule of ClvOptions (sets *grid_used) ...
BgNbdData bgnbd_data_auto(const ClvInputs& in, const ClvOptions& opt, int* grid_used);
GgData gg_data_from_inputs(const ClvInputs& in);
// ... whether a fit can be used (ok, its error, or "tiering.fit_not_converged" {model, stop}) ...
Status bgnbd_usable(const Result<BgNbdFit>& f);
Status gg_usable(const Result<GgFit>& f);
// ... and, once res.bg / res.gg and their statuses are set, the per-customer predictions
// (fills period_discount, the vectors and the totals): ClvScorer over every customer at once.
void predict_clv(const ClvInputs& in, const ClvOptions& opt, ClvResult& res);

// Sums of v (NaN skipped) by group (e.g. segment or lifecycle stage); entries with
// group[i] >= groups are skipped.
std::vector<double> totals_by_group(const std::vector<float>& v, const std::vector<std::uint8_t>& group, int groups);

}  // namespace yt
