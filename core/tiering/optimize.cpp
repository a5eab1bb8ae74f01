// optimize.cpp — BFGS (Nocedal & Wright, Alg. 6.1) with the strong-Wolfe line search of
// Alg. 3.5/3.6 (cubic interpolation, bisection fallback), and a damped Newton method.
#include "core/tiering/optimize.hpp"

#include <algorithm>
#include <cmath>

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

MinimizeResult minimize_bfgs(const Objective& f, std::vector<double> x0, const MinimizeOptions& opt) {
    const std::size_t n = x0.size();
    MinimizeResult res;
    Point cur;
    cur.x = std::move(x0);
    cur.g.assign(n, 0.0);
    cur.f = f(cur.x, cur.g);
    res.evaluations = 1;
    if (!std::isfinite(cur.f) || !std::isfinite(max_abs(cur.g))) {
        res.x = cur.x;
        res.g = cur.g;
        res.f = cur.f;
        res.stop = "not_finite";
        return res;
    }
    std::vector<double> H(n * n, 0.0);  // inverse Hessian approximation, row-major
    for (std::size_t i = 0; i < n; ++i) H[i * n + i] = 1;
    bool first = true;
    std::vector<double> dir(n), s(n), y(n), Hy(n);
    res.stop = "max_iterations";
    for (int it = 0; it < opt.max_iterations; ++it) {
        const double gn = max_abs(cur.g);
        if (gn <= opt.gtol) { res.converged = true; res.stop = "gtol"; break; }
        if (res.evaluations >= opt.max_evaluations) { res.stop = "max_evaluations"; break; }
        for (std::size_t i = 0; i < n; ++i) {
            double v = 0;
            for (std::size_t j = 0; j < n; ++j) v -= H[i * n + j] * cur.g[j];
            dir[i] = v;
        }
        double slope = dot(dir, cur.g);
        if (!(slope < 0)) {  // not a descent direction: restart from steepest descent
            std::fill(H.begin(), H.end(), 0.0);
            for (std::size_t i = 0; i < n; ++i) H[i * n + i] = 1;
            for (std::size_t i = 0; i < n; ++i) dir[i] = -cur.g[i];
            slope = dot(dir, cur.g);
            first = true;
        }
        const double dmax = max_abs(dir);
        const double alpha_max = dmax > 0 ? opt.max_step / dmax : 1;
        const double alpha0 = first ? std::min(1.0, 1.0 / std::max(gn, 1e-300)) : 1.0;
        cur.alpha = 0;
        cur.d = slope;
        LineSearch ls(f, cur.x, dir, res.evaluations);
        Point next;
        const bool ok = ls.run(cur, alpha0, std::max(alpha_max, 1e-12), next);
        res.iterations = it + 1;
        if (!ok || !(next.f <= cur.f)) {
            if (!first) {  // retry once from steepest descent with a fresh Hessian
                std::fill(H.begin(), H.end(), 0.0);
                for (std::size_t i = 0; i < n; ++i) H[i * n + i] = 1;
                first = true;
                continue;
            }
            res.stop = "stalled";
            res.converged = max_abs(cur.g) <= opt.stall_gtol;
            break;
        }
        for (std::size_t i = 0; i < n; ++i) {
            s[i] = next.x[i] - cur.x[i];
            y[i] = next.g[i] - cur.g[i];
        }
        const double sy = dot(s, y);
        if (sy > 1e-16 * std::sqrt(dot(s, s) * dot(y, y))) {
            if (first) {  // scale the initial matrix (N&W eq. 6.20)
                const double scale = sy / dot(y, y);
                std::fill(H.begin(), H.end(), 0.0);
                for (std::size_t i = 0; i < n; ++i) H[i * n + i] = scale;
            }
            // H <- (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ
            const double rho = 1 / sy;
            for (std::size_t i = 0; i < n; ++i) {
                double v = 0;
                for (std::size_t j = 0; j < n; ++j) v += H[i * n + j] * y[j];
                Hy[i] = v;
            }
            const double yHy = dot(y, Hy);
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j)
                    H[i * n + j] += -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
            first = false;
        }
        cur = std::move(next);
    }
    res.x = cur.x;
    res.g = cur.g;
    res.f = cur.f;
    res.grad_norm = max_abs(cur.g);
    if (!res.converged && res.grad_norm <= opt.gtol) { res.converged = true; res.stop = "gtol"; }
    return res;
}

namespace {

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

}  // namespace

MinimizeResult minimize_newton(const ObjectiveHessian& f, std::vector<double> x0, const MinimizeOptions& opt) {
    const std::size_t n = x0.size();
    MinimizeResult res;
    std::vector<double> x = std::move(x0), g(n), H(n * n), d(n), xt(n), gt(n), Ht(n * n);
    double fx = f(x, g, &H);
    res.evaluations = 1;
    res.stop = "max_iterations";
    if (!std::isfinite(fx) || !std::isfinite(max_abs(g))) {
        res.x = x;
        res.g = g;
        res.f = fx;
        res.stop = "not_finite";
        return res;
    }
    double lambda = 0;
    for (int it = 0; it < opt.max_iterations; ++it) {
        if (max_abs(g) <= opt.gtol) { res.converged = true; res.stop = "gtol"; break; }
        if (res.evaluations >= opt.max_evaluations) { res.stop = "max_evaluations"; break; }
        res.iterations = it + 1;
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
            double alpha = std::min(1.0, opt.max_step / std::max(max_abs(d), 1e-300));
            for (int bt = 0; bt < 12; ++bt) {
                for (std::size_t i = 0; i < n; ++i) xt[i] = x[i] + alpha * d[i];
                const double ft = f(xt, gt, &Ht);
                ++res.evaluations;
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
            else if (max_abs(g) <= opt.stall_gtol) break;  // at the optimum up to rounding: stop trying
            else lambda = std::max(lambda * 10, 1e-8 * scale);
        }
        if (!stepped) {
            res.stop = "stalled";
            res.converged = max_abs(g) <= opt.stall_gtol;
            break;
        }
    }
    res.x = x;
    res.g = g;
    res.f = fx;
    res.grad_norm = max_abs(g);
    if (!res.converged && res.grad_norm <= opt.gtol) { res.converged = true; res.stop = "gtol"; }
    return res;
}

}  // namespace yt
