// gamma_gamma.hpp — the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV";
// Colombo & Jiang 1999): each transaction value ~ Gamma(p, ν), ν ~ Gamma(q, v) across customers.
//
// Fitted on repeat buyers only (x >= 1 repeat purchase days, mean repeat spend m > 0), as the
// literature and the lifetimes/pymc-marketing maintainers prescribe; it predicts for everyone:
//   E[M | x, m] = (p (v + x m)) / (p x + q − 1)     (needs q > 1; x = 0 gives p v / (q − 1)).
// Per customer: ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(v + x m).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/result.hpp"
#include "core/tiering/bgnbd.hpp"
#include "core/tiering/optimize.hpp"

namespace yt {

struct GgParams {
    double p = 0, q = 0, v = 0;
};

// Rows with x > 0 and m > 0 (others are dropped), sorted by x, as x·m; per distinct x the row
// range and Σ ln m (constant during the fit).
struct GgData {
    std::vector<std::int32_t> x;
    std::vector<double> xm;
    struct Group {
        std::int32_t x;
        std::size_t begin, end;
        double sum_ln_m;
    };
    std::vector<Group> groups;
    double mean_m = 0;
    double customers() const { return static_cast<double>(x.size()); }
};
GgData make_gg_data(const std::vector<std::int32_t>& x, const std::vector<double>& m,
                    const std::vector<std::uint8_t>* include = nullptr);

// Total log-likelihood; grad (if not null) receives ∂LL/∂(log p, log q, log v) and hess (if not
// null, needs grad) the 3×3 second derivatives in the same coordinates, row-major.
double gg_loglik(const GgParams& p, const GgData& d, double* grad = nullptr, double* hess = nullptr);

struct GgFit {
    GgParams params;
    double loglik = 0;
    int iterations = 0, evaluations = 0;
    bool converged = false;
    double grad_norm = 0;
    std::string stop;
    double customers = 0;
};

// Errors: "tiering.too_few_repeat_buyers" {found, needed}, "tiering.fit_failed" {"gamma_gamma"}.
// Non-convergence (or q <= 1, which makes the expected spend infinite) is returned with
// converged == false and stop == "q_le_1" in the latter case.
Result<GgFit> fit_gamma_gamma(const GgData& d, const FitOptions& opt = {});

// The same fit a few iterations at a time, as BgNbdFitRun is fit_bgnbd's. `d` must outlive it
// and not move.
class GgFitRun {
public:
    GgFitRun(const GgData& d, const FitOptions& opt = {});
    bool step(int iterations);
    Result<GgFit> take();

private:
    const GgData* d_;
    FitOptions opt_;
    std::optional<Error> error_;  // too few repeat buyers: no run
    std::optional<MinimizeRun> run_;
};

double gg_expected_value(const GgParams& p, double x, double m);

}  // namespace yt
