// optimize.hpp — small unconstrained minimisers (BFGS with a strong-Wolfe line search; damped Newton) for the CLV fits.
//
// Hand-written because the core may only use Debian packages that also build for wasm and none
// ships an optimiser that does (NLopt, GSL, dlib, Ceres are either not header-only, not in the
// allowed set, or pull in more than we need). The problems are tiny (3–4 parameters, analytic
// gradients, smooth objectives on log-parameters), where BFGS with a full inverse-Hessian
// approximation converges in a few dozen evaluations and is robust.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace yt {

// Returns f(x) and writes the gradient into g (already sized). A non-finite f means "outside the
// domain": the line search backs off.
using Objective = std::function<double(const std::vector<double>& x, std::vector<double>& g)>;

struct MinimizeOptions {
    int max_iterations = 300;
    int max_evaluations = 3000;
    double gtol = 1e-7;      // converged when max |g_i| <= gtol
    // When the line search can no longer decrease f (differences at rounding level), the point
    // still counts as converged if max |g_i| <= stall_gtol.
    double stall_gtol = 1e-5;
    double max_step = 5;     // largest change of any coordinate in one iteration
};

struct MinimizeResult {
    std::vector<double> x, g;
    double f = 0;
    double grad_norm = 0;    // max |g_i| at x
    int iterations = 0, evaluations = 0;
    bool converged = false;
    std::string stop;        // "gtol", "stalled", "max_iterations", "max_evaluations", "not_finite"
};

MinimizeResult minimize_bfgs(const Objective& f, std::vector<double> x0, const MinimizeOptions& opt = {});

// Copies a run's outcome into a model fit (BgNbdFit, GgFit): log-likelihood = −f · `scale` (the
// objective is the mean negative log-likelihood over `scale` customers), iterations,
// evaluations, convergence, gradient norm and stop reason.
template <class Fit>
void take_run(const MinimizeResult& m, double scale, Fit& fit) {
    fit.loglik = -m.f * scale;
    fit.iterations = m.iterations;
    fit.evaluations = m.evaluations;
    fit.converged = m.converged;
    fit.grad_norm = m.grad_norm;
    fit.stop = m.stop;
}

// Like Objective, plus the Hessian (row-major n×n) when H is not null.
using ObjectiveHessian =
    std::function<double(const std::vector<double>& x, std::vector<double>& g, std::vector<double>* H)>;

// Damped Newton (Levenberg-style: H + λI, λ raised when the Cholesky factorisation fails or the
// step does not decrease f, lowered after good steps) with a backtracking line search. For
// objectives whose rows are expensive (the Gamma-Gamma fit runs over every repeat buyer) it needs
// about a third of the evaluations BFGS needs.
MinimizeResult minimize_newton(const ObjectiveHessian& f, std::vector<double> x0, const MinimizeOptions& opt = {});

// A run of either method an iteration at a time, for callers that spread a fit over frames:
// step() does one iteration (an evaluation or a few) and says whether more remain; take() runs
// the rest and gives what minimize_bfgs / minimize_newton give, bit for bit. The objective is
// kept (what it refers to must outlive the run).
class MinimizeRun {
public:
    struct State;  // the method's (optimize.cpp)
    explicit MinimizeRun(std::unique_ptr<State> s);
    MinimizeRun(MinimizeRun&&) noexcept;
    MinimizeRun& operator=(MinimizeRun&&) noexcept;
    ~MinimizeRun();
    bool step();
    int iterations() const;  // done so far
    MinimizeResult take();

private:
    std::unique_ptr<State> st_;
};

MinimizeRun bfgs_run(Objective f, std::vector<double> x0, const MinimizeOptions& opt = {});
MinimizeRun newton_run(ObjectiveHessian f, std::vector<double> x0, const MinimizeOptions& opt = {});

// Up to `iterations` steps of a run that may not have started (`run` empty: nothing to do);
// true while more remain.
inline bool run_iterations(std::optional<MinimizeRun>& run, int iterations) {
    if (!run) return false;
    for (int k = 0; k < iterations; ++k)
        if (!run->step()) return false;
    return true;
}

}  // namespace yt
