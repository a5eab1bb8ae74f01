// bgnbd.hpp — the BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your customers the
// easy way"): data compression, log-likelihood with analytic gradient, maximum-likelihood fit,
// and the per-customer predictions (P(alive), expected purchases, P(no purchase)).
//
// Model: while alive a customer buys at Poisson rate λ ~ Gamma(r, α); after each repeat purchase
// she drops out with probability p ~ Beta(a, b). Per customer the data are x (repeat purchases,
// here: repeat purchase DAYS), t_x (time of the last purchase since the first) and T (time from
// the first purchase to the calibration end), in the caller's time unit.
//
// The fit works on unique (x, t_x, T) rows with multiplicities (compress first); the likelihood
// is evaluated per row with the x-only terms computed once per distinct x and log(α + t) once per
// distinct time, so a few tens of thousands of rows cost well under a millisecond.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/result.hpp"
#include "core/tiering/optimize.hpp"

namespace yt {

struct BgNbdParams {
    double r = 0, alpha = 0, a = 0, b = 0;
};

// Unique (x, t_x, T) rows, sorted by x, with weights; times are indices into `times`.
struct BgNbdData {
    std::vector<std::int32_t> x;
    std::vector<std::uint32_t> tx_i, T_i;
    std::vector<double> weight;
    std::vector<double> times;    // distinct time values (time units)
    double tick = 0;              // > 0: times[k] = k * tick (integer-tick rows); 0: arbitrary times
    double customers = 0;         // sum of weights
    double repeat_buyers = 0;     // sum of weights with x > 0
    std::size_t rows() const { return x.size(); }
};

// From per-customer values (any order; equal triples are merged). Times in time units.
BgNbdData make_bgnbd_data(const std::vector<std::int32_t>& x, const std::vector<double>& t_x,
                          const std::vector<double>& T);
// From integer ticks (e.g. days): time = tick * tick_units. Faster (radix sort on packed keys);
// skips entries with include[i] == 0 when include is not null.
BgNbdData make_bgnbd_data_ticks(const std::vector<std::int32_t>& x, const std::vector<std::int32_t>& tx_ticks,
                                const std::vector<std::int32_t>& T_ticks, double tick_units,
                                const std::vector<std::uint8_t>* include = nullptr);

// make_bgnbd_data_ticks in parts, for a caller that keeps each call short (a browser frame):
// step k < ranges keys and sorts the customers [k·range, (k+1)·range) (the first also measures
// the key widths), the last merges the ranges' rows. take() equals make_bgnbd_data_ticks bit for
// bit. The arrays (n entries each; include may be null) must outlive the builder and not change.
class BgNbdTickRows {
public:
    BgNbdTickRows(const std::int32_t* x, const std::int32_t* tx_ticks, const std::int32_t* T_ticks, std::size_t n,
                  double tick_units, const std::uint8_t* include, std::size_t range);
    static int steps_for(std::size_t n, std::size_t range);
    int steps() const { return steps_; }
    bool step();  // true while steps remain
    BgNbdData take();

private:
    const std::int32_t *x_, *tx_, *T_;
    const std::uint8_t* inc_;
    std::size_t n_, range_;
    double tick_;
    int steps_, next_ = 0;
    int bt_ = 0;             // bits of a tick in a key
    std::int32_t max_tick_ = 0;
    bool general_ = false;   // negative or too wide: the general path, all in the first step
    std::vector<std::vector<std::uint64_t>> keys_;      // per range: its unique keys, sorted ...
    std::vector<std::vector<std::uint32_t>> counts_;    // ... and how many customers each
    BgNbdData out_;
};

// Rows on integer ticks (tick > 0, as made by make_bgnbd_data_ticks) re-binned to multiples of `factor`
// ticks (rounded to nearest) and merged; cheaper than compressing the customers again.
BgNbdData regrid_bgnbd_data(const BgNbdData& d, int factor);

// Total log-likelihood. If grad is not null it receives ∂LL/∂(log r, log α, log a, log b).
double bgnbd_loglik(const BgNbdParams& p, const BgNbdData& d, double* grad = nullptr);

struct FitOptions {
    int max_iterations = 300;
    double gtol = 1e-7;              // on the gradient of the mean log-likelihood per customer
    double stall_gtol = 1e-5;        // accepted when the line search stalls at rounding level
    double min_customers = 20;
    double min_repeat_buyers = 10;
    double log_bound = 20;           // |log parameter| beyond this = ran off to a boundary
};

struct BgNbdFit {
    BgNbdParams params;
    double loglik = 0;
    int iterations = 0, evaluations = 0;
    bool converged = false;
    double grad_norm = 0;            // max |∂(mean LL)/∂ log θ| at the end
    std::string stop;                // optimiser stop reason, "boundary" when a parameter ran off
    double customers = 0, repeat_buyers = 0;
    std::size_t rows = 0;
};

// Errors: "tiering.too_few_customers" {found, needed}, "tiering.too_few_repeat_buyers"
// {found, needed}, "tiering.fit_failed" {"bgnbd"}. A fit that ran but did not converge is
// returned with converged == false.
Result<BgNbdFit> fit_bgnbd(const BgNbdData& d, const FitOptions& opt = {});

// The same fit a few iterations at a time (the app spreads it over frames): step(k) does up to k
// of the optimiser's iterations and says whether more remain; take() finishes it and gives what
// fit_bgnbd gives, bit for bit. `d` must outlive it and not move.
class BgNbdFitRun {
public:
    BgNbdFitRun(const BgNbdData& d, const FitOptions& opt = {});
    bool step(int iterations);
    Result<BgNbdFit> take();

private:
    const BgNbdData* d_;
    FitOptions opt_;
    std::optional<Error> error_;       // too few customers or repeat buyers: no run
    std::optional<MinimizeRun> run_;
};

// P(alive at T | x, t_x, T) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
double bgnbd_p_alive(const BgNbdParams& p, double x, double t_x, double T);

// Expected purchases in (T, T+t] for a customer known to be alive at T (the posterior is then
// λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x)):
//   G = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t).
// Computed through Euler's transformation, (1−z)^(r+x) 2F1(r+x, b+x; c; z) =
// (1−z)^(a−1) 2F1(a+b−1−r, a−1; c; z), whose series has bounded terms for any x and no
// cancellation near a = 1 (the removable singularity is handled with expm1).
// When a and b are so large that the series overflows (a·z beyond about 700: a fit whose dropout
// prior has collapsed to one probability), G is taken in the limit a, b → ∞ with the posterior
// mean dropout q = a/(a+b+x) fixed: G = (1 − ((α+T)/(α+T+q·t))^(r+x)) / q. Its relative error is of
// the order 1/(a+b): 1.2·10^-4 to 5.7·10^-4 at a = 500 (test_tiering_models.cpp), and the series
// overflows only for a above about 700.
double bgnbd_expected_if_alive(const BgNbdParams& p, double x, double T, double t);
double bgnbd_expected_if_alive_fixed_dropout(const BgNbdParams& p, double x, double T, double t);

// E[Y(t) | x, t_x, T] = P(alive) · G (FHL 2005 eq. 10).
double bgnbd_expected_purchases(const BgNbdParams& p, double x, double t_x, double T, double t);

// E[X(t)] for a new customer (FHL eq. 9) = G at x = 0, T = 0.
double bgnbd_expected_new(const BgNbdParams& p, double t);

// P(no purchase in (T, T+t] | x, t_x, T). A dead customer never buys; one alive at T buys only
// at rate λ, and dropout happens only right after a purchase, so she is still alive, and silent,
// with probability E[e^{−λt}] over λ ~ Gamma(r+x, α+T):
//   P0 = (1 − P(alive)) + P(alive) · ((α+T)/(α+T+t))^(r+x).
// (Not 1 − P(alive at T+t), and not the unconditional P(X(t)=0) = (α/(α+t))^r of a new customer.)
double bgnbd_p_no_purchase(const BgNbdParams& p, double x, double t_x, double T, double t);

}  // namespace yt
