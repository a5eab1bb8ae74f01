// optimize.cpp — BFGS (Nocedal & Wright, Alg. 6.1) with the strong-Wolfe line search of
// Alg. 3.5/3.6 (cubic interpolation, bisection fallback), and a damped Newton method.
#include "core/tiering/optimize.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace yt {

namespace {

struct Point {
    double alpha = 0, f = 0, d = 0;  // step, φ(α), φ'(α)
    std::vector<double> x, g;
    bool finite = true;
};

double max_abs(const std::vector<double>& v) {
    double m = 0;
    for (double e : v) m = std::max(m, std::fabs(e));
    return m;
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}

class LineSearch {
public:
    LineSearch(const Objective& f, const std::vector<double>& x0, const std::vector<double>& dir, int& evals)
        : f_(f), x0_(x0), dir_(dir), evals_(evals) {}

    Point eval(double alpha) {
        Point p;
        p.alpha = alpha;
        p.x.resize(x0_.size());
        p.g.assign(x0_.size(), 0.0);
        for (std::size_t i = 0; i < x0_.size(); ++i) p.x[i] = x0_[i] + alpha * dir_[i];
        p.f = f_(p.x, p.g);
        ++evals_;
        p.finite = std::isfinite(p.f) && std::isfinite(max_abs(p.g));
        p.d = p.finite ? dot(p.g, dir_) : 0;
        return p;
    }

    // Strong Wolfe search; returns false when no acceptable point was found (best is then the
    // best point with sufficient decrease, if any).
    bool run(const Point& p0, double alpha0, double alpha_max, Point& out) {
        const double c1 = 1e-4, c2 = 0.9;
        Point prev = p0;
        double alpha = std::min(alpha0, alpha_max);
        for (int i = 0; i < 40; ++i) {
            Point p = eval(alpha);
            if (!p.finite || p.f > p0.f + c1 * alpha * p0.d || (i > 0 && p.f >= prev.f))
                return zoom(p0, prev, p, out);
            if (std::fabs(p.d) <= -c2 * p0.d) { out = p; return true; }
            if (p.d >= 0) return zoom(p0, p, prev, out);
            if (alpha >= alpha_max) { out = p; return true; }
            prev = p;
            alpha = std::min(2 * alpha, alpha_max);
        }
        out = prev;
        return prev.alpha > 0;
    }

private:
    bool zoom(const Point& p0, Point lo, Point hi, Point& out) {
        const double c1 = 1e-4, c2 = 0.9;
        for (int j = 0; j < 40; ++j) {
            const double a = lo.alpha, b = hi.alpha;
            const double width = std::fabs(b - a);
            if (width < 1e-16 * std::max(1.0, std::fabs(a))) break;
            double t = 0.5 * (a + b);
            if (hi.finite) {  // cubic through (a, φ, φ') and (b, φ, φ')
                const double d1 = lo.d + hi.d - 3 * (lo.f - hi.f) / (a - b);
                const double disc = d1 * d1 - lo.d * hi.d;
                if (disc >= 0) {
                    const double d2 = (b > a ? 1 : -1) * std::sqrt(disc);
                    const double c = b - (b - a) * (hi.d + d2 - d1) / (hi.d - lo.d + 2 * d2);
                    if (std::isfinite(c)) t = c;
                }
            }
            const double lo_b = std::min(a, b) + 0.1 * width, hi_b = std::max(a, b) - 0.1 * width;
            if (!(t >= lo_b && t <= hi_b)) t = 0.5 * (a + b);
            Point p = eval(t);
            if (!p.finite || p.f > p0.f + c1 * t * p0.d || p.f >= lo.f) {
                hi = p;
            } else {
                if (std::fabs(p.d) <= -c2 * p0.d) { out = p; return true; }
                if (p.d * (hi.alpha - lo.alpha) >= 0) hi = lo;
                lo = p;
            }
        }
        out = lo;
        return lo.alpha > 0 && lo.f < p0.f;
    }

    const Objective& f_;
    const std::vector<double>& x0_;
    const std::vector<double>& dir_;
    int& evals_;
};

}  // namespace

// What every method's run keeps: the options, the outcome so far, the iterations done.
struct MinimizeRun::State {
    explicit State(const MinimizeOptions& opt) : opt_(opt) {}
    virtual ~State() = default;
    virtual bool iterate() = 0;  // one iteration; false when the run stops (its reason in res_)
    virtual void finish() = 0;   // the point reached into res_ (close)
    // The run ends at x: its point, gradient and value; converged when the gradient is within gtol.
    void close(const std::vector<double>& x, const std::vector<double>& g, double f) {
        done_ = true;
        res_.x = x;
        res_.g = g;
        res_.f = f;
        res_.grad_norm = max_abs(g);
        if (!res_.converged && res_.grad_norm <= opt_.gtol) { res_.converged = true; res_.stop = "gtol"; }
    }
    // The start is not finite: the run stops there.
    void not_finite(const std::vector<double>& x, const std::vector<double>& g, double f) {
        res_.x = x;
        res_.g = g;
        res_.f = f;
        res_.stop = "not_finite";
        done_ = true;
    }

    MinimizeOptions opt_;
    MinimizeResult res_;
    int it_ = 0;
    bool done_ = false;
};

MinimizeRun::MinimizeRun(std::unique_ptr<State> s) : st_(std::move(s)) {}
MinimizeRun::MinimizeRun(MinimizeRun&&) noexcept = default;
MinimizeRun& MinimizeRun::operator=(MinimizeRun&&) noexcept = default;
MinimizeRun::~MinimizeRun() = default;

bool MinimizeRun::step() {
    State& s = *st_;
    if (s.done_) return false;
    if (s.it_ >= s.opt_.max_iterations || !s.iterate()) s.finish();
    return !s.done_;
}

int MinimizeRun::iterations() const { return st_->res_.iterations; }

MinimizeResult MinimizeRun::take() {
    while (step()) {
    }
    return std::move(st_->res_);
}

namespace {

// BFGS: the point and the inverse-Hessian approximation.
struct BfgsState final : MinimizeRun::State {
    BfgsState(Objective f, std::vector<double> x0, const MinimizeOptions& opt)
        : State(opt), f_(std::move(f)), n_(x0.size()) {
        cur_.x = std::move(x0);
        cur_.g.assign(n_, 0.0);
        cur_.f = f_(cur_.x, cur_.g);
        res_.evaluations = 1;
        if (!std::isfinite(cur_.f) || !std::isfinite(max_abs(cur_.g))) {
            not_finite(cur_.x, cur_.g, cur_.f);
            return;
        }
        H_.assign(n_ * n_, 0.0);  // inverse Hessian approximation, row-major
        for (std::size_t i = 0; i < n_; ++i) H_[i * n_ + i] = 1;
        dir_.resize(n_);
        s_.resize(n_);
        y_.resize(n_);
        Hy_.resize(n_);
        res_.stop = "max_iterations";
    }

    void reset_hessian() {
        std::fill(H_.begin(), H_.end(), 0.0);
        for (std::size_t i = 0; i < n_; ++i) H_[i * n_ + i] = 1;
        first_ = true;
    }

    bool iterate() override {
        const std::size_t n = n_;
        std::vector<double>& H = H_;
        const int it = it_++;
        const double gn = max_abs(cur_.g);
        if (gn <= opt_.gtol) { res_.converged = true; res_.stop = "gtol"; return false; }
        if (res_.evaluations >= opt_.max_evaluations) { res_.stop = "max_evaluations"; return false; }
        for (std::size_t i = 0; i < n; ++i) {
            double v = 0;
            for (std::size_t j = 0; j < n; ++j) v -= H[i * n + j] * cur_.g[j];
            dir_[i] = v;
        }
        double slope = dot(dir_, cur_.g);
        if (!(slope < 0)) {  // not a descent direction: restart from steepest descent
            reset_hessian();
            for (std::size_t i = 0; i < n; ++i) dir_[i] = -cur_.g[i];
            slope = dot(dir_, cur_.g);
        }
        const double dmax = max_abs(dir_);
        const double alpha_max = dmax > 0 ? opt_.max_step / dmax : 1;
        const double alpha0 = first_ ? std::min(1.0, 1.0 / std::max(gn, 1e-300)) : 1.0;
        cur_.alpha = 0;
        cur_.d = slope;
        LineSearch ls(f_, cur_.x, dir_, res_.evaluations);
        Point next;
        const bool ok = ls.run(cur_, alpha0, std::max(alpha_max, 1e-12), next);
        res_.iterations = it + 1;
        if (!ok || !(next.f <= cur_.f)) {
            if (!first_) {  // retry once from steepest descent with a fresh Hessian
                reset_hessian();
                return true;
            }
            res_.stop = "stalled";
            res_.converged = max_abs(cur_.g) <= opt_.stall_gtol;
            return false;
        }
        for (std::size_t i = 0; i < n; ++i) {
            s_[i] = next.x[i] - cur_.x[i];
            y_[i] = next.g[i] - cur_.g[i];
        }
        const double sy = dot(s_, y_);
        if (sy > 1e-16 * std::sqrt(dot(s_, s_) * dot(y_, y_))) {
            if (first_) {  // scale the initial matrix (N&W eq. 6.20)
                const double scale = sy / dot(y_, y_);
                std::fill(H.begin(), H.end(), 0.0);
                for (std::size_t i = 0; i < n; ++i) H[i * n + i] = scale;
            }
            // H <- (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ
            const double rho = 1 / sy;
            for (std::size_t i = 0; i < n; ++i) {
                double v = 0;
                for (std::size_t j = 0; j < n; ++j) v += H[i * n + j] * y_[j];
                Hy_[i] = v;
            }
            const double yHy = dot(y_, Hy_);
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j)
                    H[i * n + j] += -rho * (Hy_[i] * s_[j] + s_[i] * Hy_[j]) + (rho * rho * yHy + rho) * s_[i] * s_[j];
            first_ = false;
        }
        cur_ = std::move(next);
        return true;
    }

    void finish() override { close(cur_.x, cur_.g, cur_.f); }

    Objective f_;
    std::size_t n_;
    Point cur_;
    std::vector<double> H_, dir_, s_, y_, Hy_;
    bool first_ = true;
};

// Solves (H + lambda I) d = -g by Cholesky; false when not positive definite.
bool damped_solve(const std::vector<double>& H, const std::vector<double>& g, double lambda, std::vector<double>& d) {
    const std::size_t n = g.size();
    std::vector<double> L(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j <= i; ++j) {
            double v = H[i * n + j] + (i == j ? lambda : 0.0);
            for (std::size_t k = 0; k < j; ++k) v -= L[i * n + k] * L[j * n + k];
            if (i == j) {
                if (!(v > 0) || !std::isfinite(v)) return false;
                L[i * n + i] = std::sqrt(v);
            } else {
                L[i * n + j] = v / L[j * n + j];
            }
        }
    }
    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) {
        double v = -g[i];
        for (std::size_t k = 0; k < i; ++k) v -= L[i * n + k] * y[k];
        y[i] = v / L[i * n + i];
    }
    d.assign(n, 0.0);
    for (std::size_t i = n; i-- > 0;) {
        double v = y[i];
        for (std::size_t k = i + 1; k < n; ++k) v -= L[k * n + i] * d[k];
        d[i] = v / L[i * n + i];
    }
    return true;
}

// Damped Newton: the point, its gradient and Hessian, and the damping.
struct NewtonState final : MinimizeRun::State {
    NewtonState(ObjectiveHessian f, std::vector<double> x0, const MinimizeOptions& opt)
        : State(opt), f_(std::move(f)), n_(x0.size()) {
        const std::size_t n = n_;
        x = std::move(x0);
        g.resize(n);
        H.resize(n * n);
        d.resize(n);
        xt.resize(n);
        gt.resize(n);
        Ht.resize(n * n);
        fx = f_(x, g, &H);
        res_.evaluations = 1;
        res_.stop = "max_iterations";
        if (!std::isfinite(fx) || !std::isfinite(max_abs(g))) not_finite(x, g, fx);
    }

    bool iterate() override {
        const std::size_t n = n_;
        const int it = it_++;
        if (max_abs(g) <= opt_.gtol) { res_.converged = true; res_.stop = "gtol"; return false; }
        if (res_.evaluations >= opt_.max_evaluations) { res_.stop = "max_evaluations"; return false; }
        res_.iterations = it + 1;
        double scale = 0;
        for (std::size_t i = 0; i < n; ++i) scale = std::max(scale, std::fabs(H[i * n + i]));
        if (!(scale > 0)) scale = 1;
        bool stepped = false;
        for (int attempt = 0; attempt < 10 && !stepped; ++attempt) {
            if (!damped_solve(H, g, lambda, d)) {
                lambda = std::max(lambda * 10, 1e-8 * scale);
                continue;
            }
            const double slope = dot(d, g);
            if (!(slope < 0)) {
                lambda = std::max(lambda * 10, 1e-8 * scale);
                continue;
            }
            double alpha = std::min(1.0, opt_.max_step / std::max(max_abs(d), 1e-300));
            for (int bt = 0; bt < 12; ++bt) {
                for (std::size_t i = 0; i < n; ++i) xt[i] = x[i] + alpha * d[i];
                const double ft = f_(xt, gt, &Ht);
                ++res_.evaluations;
                if (std::isfinite(ft) && std::isfinite(max_abs(gt)) && ft <= fx + 1e-4 * alpha * slope) {
                    x.swap(xt);
                    g.swap(gt);
                    H.swap(Ht);
                    fx = ft;
                    stepped = true;
                    break;
                }
                alpha *= 0.5;
            }
            if (stepped) lambda = lambda / 10 < 1e-12 * scale ? 0 : lambda / 10;
            else if (max_abs(g) <= opt_.stall_gtol) break;  // at the optimum up to rounding: stop trying
            else lambda = std::max(lambda * 10, 1e-8 * scale);
        }
        if (!stepped) {
            res_.stop = "stalled";
            res_.converged = max_abs(g) <= opt_.stall_gtol;
            return false;
        }
        return true;
    }

    void finish() override { close(x, g, fx); }

    ObjectiveHessian f_;
    std::size_t n_;
    std::vector<double> x, g, H, d, xt, gt, Ht;
    double fx = 0, lambda = 0;
};

}  // namespace

MinimizeRun bfgs_run(Objective f, std::vector<double> x0, const MinimizeOptions& opt) {
    return MinimizeRun(std::make_unique<BfgsState>(std::move(f), std::move(x0), opt));
}

MinimizeRun newton_run(ObjectiveHessian f, std::vector<double> x0, const MinimizeOptions& opt) {
    return MinimizeRun(std::make_unique<NewtonState>(std::move(f), std::move(x0), opt));
}

MinimizeResult minimize_bfgs(const Objective& f, std::vector<double> x0, const MinimizeOptions& opt) {
    return bfgs_run(f, std::move(x0), opt).take();
}

MinimizeResult minimize_newton(const ObjectiveHessian& f, std::vector<double> x0, const MinimizeOptions& opt) {
    return newton_run(f, std::move(x0), opt).take();
}

}  // namespace yt
