// gamma_gamma.cpp — Gamma-Gamma likelihood (grouped by x: one log per row), damped-Newton fit
// with the analytic Hessian, expectation.
#include "core/tiering/gamma_gamma.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/tiering/optimize.hpp"
#include "core/tiering/special.hpp"

namespace yt {

GgData make_gg_data(const std::vector<std::int32_t>& x, const std::vector<double>& m,
                    const std::vector<std::uint8_t>* include) {
    GgData d;
    const std::size_t n = std::min(x.size(), m.size());
    auto keep = [&](std::size_t i) {
        return !(include && !(*include)[i]) && x[i] > 0 && m[i] > 0 && std::isfinite(m[i]);
    };
    // counting sort by x (x is small)
    std::int32_t max_x = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (keep(i)) max_x = std::max(max_x, x[i]);
    std::vector<std::size_t> start(static_cast<std::size_t>(max_x) + 2, 0);
    std::vector<double> sum_ln(static_cast<std::size_t>(max_x) + 1, 0.0);
    double sum_m = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!keep(i)) continue;
        ++start[static_cast<std::size_t>(x[i]) + 1];
        sum_ln[static_cast<std::size_t>(x[i])] += std::log(m[i]);
        sum_m += m[i];
    }
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    const std::size_t kept = start.back();
    d.x.resize(kept);
    d.xm.resize(kept);
    for (std::int32_t v = 1; v <= max_x; ++v) {
        const std::size_t b = start[static_cast<std::size_t>(v)], e = start[static_cast<std::size_t>(v) + 1];
        if (e > b) d.groups.push_back({v, b, e, sum_ln[static_cast<std::size_t>(v)]});
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!keep(i)) continue;
        const std::size_t k = start[static_cast<std::size_t>(x[i])]++;
        d.x[k] = x[i];
        d.xm[k] = x[i] * m[i];
    }
    d.mean_m = kept ? sum_m / static_cast<double>(kept) : 0;
    return d;
}

// Per customer (x, m), s = v + x m:
//   ∂/∂p = x ψ(px+q) − x ψ(px) + x ln m + x ln x − x ln s     ∂/∂q = ψ(px+q) − ψ(q) + ln v − ln s
//   ∂/∂v = q/v − (px+q)/s
//   ∂²/∂p² = x² (ψ'(px+q) − ψ'(px))   ∂²/∂p∂q = x ψ'(px+q)   ∂²/∂p∂v = −x/s
//   ∂²/∂q² = ψ'(px+q) − ψ'(q)          ∂²/∂q∂v = 1/v − 1/s    ∂²/∂v² = −q/v² + (px+q)/s²
double gg_loglik(const GgParams& pr, const GgData& d, double* grad, double* hess) {
    const double p = pr.p, q = pr.q, v = pr.v;
    if (!(p > 0 && q > 0 && v > 0) || !std::isfinite(p + q + v)) return std::numeric_limits<double>::quiet_NaN();
    const bool want_h = grad && hess;
    const double lnv = std::log(v), lgq = std::lgamma(q);
    const double psq = grad ? digamma(q) : 0, tgq = want_h ? trigamma(q) : 0;
    double ll = 0, gp = 0, gq = 0, gv = 0;
    double hpp = 0, hpq = 0, hpv = 0, hqq = 0, hqv = 0, hvv = 0;
    const double* xm = d.xm.data();
    for (const GgData::Group& gr : d.groups) {
        const int x = gr.x;
        const double W = static_cast<double>(gr.end - gr.begin);
        double SL = 0, SI = 0, SI2 = 0;
        if (want_h) {
            for (std::size_t i = gr.begin; i < gr.end; ++i) {
                const double s = v + xm[i], inv = 1 / s;
                SL += std::log(s);
                SI += inv;
                SI2 += inv * inv;
            }
        } else if (grad) {
            for (std::size_t i = gr.begin; i < gr.end; ++i) {
                const double s = v + xm[i];
                SL += std::log(s);
                SI += 1 / s;
            }
        } else {
            for (std::size_t i = gr.begin; i < gr.end; ++i) SL += std::log(v + xm[i]);
        }
        const double px = p * x, lnx = std::log(static_cast<double>(x));
        ll += W * (std::lgamma(px + q) - std::lgamma(px) - lgq + q * lnv + px * lnx) + (px - 1) * gr.sum_ln_m - (px + q) * SL;
        if (grad) {
            const double pspxq = digamma(px + q), pspx = digamma(px);
            gp += W * x * (pspxq - pspx + lnx) + x * gr.sum_ln_m - x * SL;
            gq += W * (pspxq - psq + lnv) - SL;
            gv += W * q / v - (px + q) * SI;
            if (want_h) {
                const double tpxq = trigamma(px + q), tpx = trigamma(px);
                hpp += W * x * x * (tpxq - tpx);
                hpq += W * x * tpxq;
                hpv += -x * SI;
                hqq += W * (tpxq - tgq);
                hqv += W / v - SI;
                hvv += -W * q / (v * v) + (px + q) * SI2;
            }
        }
    }
    if (grad) {
        // to log-parameters: ∂/∂θ_i = θ'_i g_i;  ∂²/∂θ_i∂θ_j = P_i P_j H_ij + δ_ij P_i g_i
        if (want_h) {
            const double P[3] = {p, q, v}, g[3] = {gp, gq, gv};
            const double H[9] = {hpp, hpq, hpv, hpq, hqq, hqv, hpv, hqv, hvv};
            for (int i = 0; i < 3; ++i)
                for (int j = 0; j < 3; ++j) hess[i * 3 + j] = P[i] * P[j] * H[i * 3 + j] + (i == j ? P[i] * g[i] : 0.0);
        }
        grad[0] = gp * p;
        grad[1] = gq * q;
        grad[2] = gv * v;
    }
    return ll;
}

GgFitRun::GgFitRun(const GgData& d, const FitOptions& opt) : d_(&d), opt_(opt) {
    const double n = d.customers();
    if (n < opt.min_repeat_buyers) {
        error_ = Error("tiering.too_few_repeat_buyers", {std::to_string(static_cast<long long>(n)),
                                                         std::to_string(static_cast<long long>(opt.min_repeat_buyers))});
        return;
    }
    // Start: p = 2, q = 3 and v so that the population mean p v / (q − 1) equals the mean m.
    const GgData* data = &d;
    ObjectiveHessian f = [data, n](const std::vector<double>& th, std::vector<double>& g, std::vector<double>* H) {
        const GgParams p{std::exp(th[0]), std::exp(th[1]), std::exp(th[2])};
        double gl[3], hl[9];
        const double ll = gg_loglik(p, *data, gl, H ? hl : nullptr);
        for (int k = 0; k < 3; ++k) g[static_cast<std::size_t>(k)] = -gl[k] / n;
        if (H)
            for (int k = 0; k < 9; ++k) (*H)[static_cast<std::size_t>(k)] = -hl[k] / n;
        return std::isfinite(ll) ? -ll / n : std::numeric_limits<double>::quiet_NaN();
    };
    MinimizeOptions mo;
    mo.max_iterations = opt.max_iterations;
    mo.gtol = opt.gtol;
    mo.stall_gtol = opt.stall_gtol;
    run_.emplace(newton_run(std::move(f), {std::log(2.0), std::log(3.0), std::log(std::max(d.mean_m, 1e-9))}, mo));
}

bool GgFitRun::step(int iterations) { return run_iterations(run_, iterations); }

Result<GgFit> GgFitRun::take() {
    if (error_) return *error_;
    const MinimizeResult m = run_->take();
    if (!std::isfinite(m.f)) return Error("tiering.fit_failed", {"gamma_gamma"});
    const double n = d_->customers();
    GgFit fit;
    fit.params = {std::exp(m.x[0]), std::exp(m.x[1]), std::exp(m.x[2])};
    take_run(m, n, fit);
    fit.customers = n;
    for (double t : m.x)
        if (std::fabs(t) > opt_.log_bound) { fit.converged = false; fit.stop = "boundary"; }
    if (fit.params.q <= 1) { fit.converged = false; fit.stop = "q_le_1"; }
    return fit;
}

Result<GgFit> fit_gamma_gamma(const GgData& d, const FitOptions& opt) { return GgFitRun(d, opt).take(); }

double gg_expected_value(const GgParams& p, double x, double m) {
    if (x <= 0) return p.p * p.v / (p.q - 1);
    return p.p * (p.v + x * m) / (p.p * x + p.q - 1);
}

}  // namespace yt
