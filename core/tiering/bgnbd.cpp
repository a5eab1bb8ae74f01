// bgnbd.cpp — BG/NBD compression, likelihood + gradient, fit and predictions.
#include "core/tiering/bgnbd.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "core/tiering/optimize.hpp"
#include "core/tiering/radix.hpp"
#include "core/tiering/special.hpp"

namespace yt {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void finish_counts(BgNbdData& d) {
    d.customers = 0;
    d.repeat_buyers = 0;
    for (std::size_t i = 0; i < d.rows(); ++i) {
        d.customers += d.weight[i];
        if (d.x[i] > 0) d.repeat_buyers += d.weight[i];
    }
}
}  // namespace

BgNbdData make_bgnbd_data(const std::vector<std::int32_t>& x, const std::vector<double>& t_x,
                          const std::vector<double>& T) {
    BgNbdData d;
    const std::size_t n = std::min({x.size(), t_x.size(), T.size()});
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
        if (x[i] != x[j]) return x[i] < x[j];
        if (t_x[i] != t_x[j]) return t_x[i] < t_x[j];
        return T[i] < T[j];
    });
    std::vector<double> tv;
    tv.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) { tv.push_back(t_x[i]); tv.push_back(T[i]); }
    std::sort(tv.begin(), tv.end());
    tv.erase(std::unique(tv.begin(), tv.end()), tv.end());
    auto index_of = [&tv](double v) {
        return static_cast<std::uint32_t>(std::lower_bound(tv.begin(), tv.end(), v) - tv.begin());
    };
    for (std::size_t k = 0; k < n; ++k) {
        const std::uint32_t i = order[k];
        if (!d.x.empty() && d.x.back() == x[i] && tv[d.tx_i.back()] == t_x[i] && tv[d.T_i.back()] == T[i]) {
            d.weight.back() += 1;
            continue;
        }
        d.x.push_back(x[i]);
        d.tx_i.push_back(index_of(t_x[i]));
        d.T_i.push_back(index_of(T[i]));
        d.weight.push_back(1);
    }
    d.times = std::move(tv);
    finish_counts(d);
    return d;
}

BgNbdData make_bgnbd_data_ticks(const std::vector<std::int32_t>& x, const std::vector<std::int32_t>& tx_ticks,
                                const std::vector<std::int32_t>& T_ticks, double tick_units,
                                const std::vector<std::uint8_t>* include) {
    const std::size_t n = std::min({x.size(), tx_ticks.size(), T_ticks.size()});
    BgNbdTickRows rows(x.data(), tx_ticks.data(), T_ticks.data(), n, tick_units, include ? include->data() : nullptr, n);
    while (rows.step()) {
    }
    return rows.take();
}

int BgNbdTickRows::steps_for(std::size_t n, std::size_t range) {
    const std::size_t r = std::max<std::size_t>(range, 1);
    return static_cast<int>(std::max<std::size_t>((n + r - 1) / r, 1)) + 1;
}

BgNbdTickRows::BgNbdTickRows(const std::int32_t* x, const std::int32_t* tx_ticks, const std::int32_t* T_ticks,
                             std::size_t n, double tick_units, const std::uint8_t* include, std::size_t range)
    : x_(x), tx_(tx_ticks), T_(T_ticks), inc_(include), n_(n), range_(std::max<std::size_t>(range, 1)),
      tick_(tick_units), steps_(steps_for(n, range)) {}

bool BgNbdTickRows::step() {
    if (next_ >= steps_) return false;
    const int k = next_++;
    if (k == 0) {  // the widths, over every customer
        std::int32_t max_x = 0;
        bool negative = false;
        for (std::size_t i = 0; i < n_; ++i) {
            if (inc_ && !inc_[i]) continue;
            negative = negative || x_[i] < 0 || tx_[i] < 0 || T_[i] < 0;
            max_x = std::max(max_x, x_[i]);
            max_tick_ = std::max({max_tick_, tx_[i], T_[i]});
        }
        auto width = [](std::uint32_t v) { int w = 1; while (w < 32 && (v >> w) != 0) ++w; return w; };
        bt_ = width(static_cast<std::uint32_t>(max_tick_));
        const int bx = width(static_cast<std::uint32_t>(max_x));
        general_ = negative || bx + 2 * bt_ > 64 || max_tick_ > (1 << 24);
        if (general_) {  // absurd data: the general path, at once
            std::vector<std::int32_t> xs;
            std::vector<double> a, b;
            for (std::size_t j = 0; j < n_; ++j) {
                if (inc_ && !inc_[j]) continue;
                xs.push_back(x_[j]);
                a.push_back(tx_[j] * tick_);
                b.push_back(T_[j] * tick_);
            }
            out_ = make_bgnbd_data(xs, a, b);
            next_ = steps_;  // the other steps have nothing left to do
            return false;
        }
    }
    if (k + 1 < steps_) {
        // Packed as x | t_x | T in as few bits as the data need, so the radix sort makes few passes.
        const std::size_t b = static_cast<std::size_t>(k) * range_, e = std::min(n_, b + range_);
        std::vector<std::uint64_t> keys;
        keys.reserve(e - b);
        for (std::size_t i = b; i < e; ++i) {
            if (inc_ && !inc_[i]) continue;
            keys.push_back((static_cast<std::uint64_t>(x_[i]) << (2 * bt_)) | (static_cast<std::uint64_t>(tx_[i]) << bt_) |
                           static_cast<std::uint64_t>(T_[i]));
        }
        radix_sort(keys);
        std::vector<std::uint64_t> unique;
        std::vector<std::uint32_t> count;
        for (std::size_t i = 0; i < keys.size();) {
            std::size_t j = i + 1;
            while (j < keys.size() && keys[j] == keys[i]) ++j;
            unique.push_back(keys[i]);
            count.push_back(static_cast<std::uint32_t>(j - i));
            i = j;
        }
        keys_.push_back(std::move(unique));
        counts_.push_back(std::move(count));
        return true;
    }
    // The last step: the ranges' sorted rows merged, equal keys' counts added.
    const std::uint64_t tick_mask = (1ull << bt_) - 1;
    std::vector<std::size_t> at(keys_.size(), 0);
    BgNbdData& d = out_;
    for (;;) {
        std::uint64_t least = ~0ull;
        bool any = false;
        for (std::size_t r = 0; r < keys_.size(); ++r)
            if (at[r] < keys_[r].size() && (!any || keys_[r][at[r]] < least)) {
                least = keys_[r][at[r]];
                any = true;
            }
        if (!any) break;
        std::size_t customers = 0;
        for (std::size_t r = 0; r < keys_.size(); ++r)
            if (at[r] < keys_[r].size() && keys_[r][at[r]] == least) customers += counts_[r][at[r]++];
        d.x.push_back(static_cast<std::int32_t>(least >> (2 * bt_)));
        d.tx_i.push_back(static_cast<std::uint32_t>((least >> bt_) & tick_mask));
        d.T_i.push_back(static_cast<std::uint32_t>(least & tick_mask));
        d.weight.push_back(static_cast<double>(customers));
    }
    keys_.clear();
    counts_.clear();
    d.tick = tick_;
    d.times.resize(static_cast<std::size_t>(max_tick_) + 1);
    for (std::size_t k2 = 0; k2 < d.times.size(); ++k2) d.times[k2] = static_cast<double>(k2) * tick_;
    finish_counts(d);
    return false;
}

BgNbdData BgNbdTickRows::take() {
    while (step()) {
    }
    return std::move(out_);
}

BgNbdData regrid_bgnbd_data(const BgNbdData& d, int factor) {
    if (factor <= 1 || !(d.tick > 0)) return d;
    const double tick = d.tick;
    std::vector<std::int32_t> x, tx, T;
    const std::size_t n = d.rows();
    x.reserve(n);
    tx.reserve(n);
    T.reserve(n);
    std::int32_t max_tick = 0, max_x = 0;
    for (std::size_t i = 0; i < n; ++i) {
        x.push_back(d.x[i]);
        tx.push_back((static_cast<std::int32_t>(d.tx_i[i]) + factor / 2) / factor);
        T.push_back((static_cast<std::int32_t>(d.T_i[i]) + factor / 2) / factor);
        max_tick = std::max(max_tick, T.back());
        max_x = std::max(max_x, x.back());
    }
    auto width = [](std::uint32_t v) { int b = 1; while (b < 32 && (v >> b) != 0) ++b; return b; };
    const int bt = width(static_cast<std::uint32_t>(max_tick)), bx = width(static_cast<std::uint32_t>(max_x));
    if (bx + 2 * bt > 64) return d;
    std::vector<std::uint64_t> keys(n);
    std::vector<std::uint32_t> row(n);
    for (std::size_t i = 0; i < n; ++i) {
        keys[i] = (static_cast<std::uint64_t>(x[i]) << (2 * bt)) | (static_cast<std::uint64_t>(tx[i]) << bt) |
                  static_cast<std::uint64_t>(T[i]);
        row[i] = static_cast<std::uint32_t>(i);
    }
    radix_sort(keys, &row);
    BgNbdData out;
    const std::uint64_t mask = (1ull << bt) - 1;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        double w_sum = 0;
        while (j < n && keys[j] == keys[i]) w_sum += d.weight[row[j++]];
        out.x.push_back(static_cast<std::int32_t>(keys[i] >> (2 * bt)));
        out.tx_i.push_back(static_cast<std::uint32_t>((keys[i] >> bt) & mask));
        out.T_i.push_back(static_cast<std::uint32_t>(keys[i] & mask));
        out.weight.push_back(w_sum);
        i = j;
    }
    out.tick = tick * factor;
    out.times.resize(static_cast<std::size_t>(max_tick) + 1);
    for (std::size_t k = 0; k < out.times.size(); ++k) out.times[k] = static_cast<double>(k) * out.tick;
    finish_counts(out);
    return out;
}

double bgnbd_loglik(const BgNbdParams& p, const BgNbdData& d, double* grad) {
    const double r = p.r, al = p.alpha, a = p.a, b = p.b;
    if (!(r > 0 && al > 0 && a > 0 && b > 0) || !std::isfinite(r + al + a + b)) return kNaN;
    const std::size_t nt = d.times.size();
    std::vector<double> lt(nt), inv(nt);
    for (std::size_t k = 0; k < nt; ++k) {
        const double v = al + d.times[k];
        lt[k] = std::log(v);
        inv[k] = 1 / v;
    }
    const double lnal = std::log(al), lgr = std::lgamma(r), lgb = std::lgamma(b), lgab = std::lgamma(a + b);
    const double psr = grad ? digamma(r) : 0, psb = grad ? digamma(b) : 0, psab = grad ? digamma(a + b) : 0;
    double ll = 0, gr = 0, gal = 0, ga = 0, gb = 0;
    const std::size_t n = d.rows();
    for (std::size_t i0 = 0; i0 < n;) {
        const std::int32_t x = d.x[i0];
        std::size_t i1 = i0;
        while (i1 < n && d.x[i1] == x) ++i1;
        const double rx = r + x;
        const double A12 = std::lgamma(rx) - lgr + r * lnal + lgab + std::lgamma(b + x) - lgb - std::lgamma(a + b + x);
        double W = 0, SLL = 0, SLT3 = 0, SL4 = 0, SI3 = 0, SI4 = 0, SW4 = 0;
        if (x == 0) {
            for (std::size_t i = i0; i < i1; ++i) {
                const double w = d.weight[i];
                const double LT = lt[d.T_i[i]];
                W += w;
                SLT3 += w * LT;
                SI3 += w * inv[d.T_i[i]];
            }
            SLL = -rx * SLT3;
        } else {
            const double K4 = std::log(a) - std::log(b + x - 1);
            for (std::size_t i = i0; i < i1; ++i) {
                const double w = d.weight[i];
                const double LT = lt[d.T_i[i]], Ltx = lt[d.tx_i[i]];
                const double A3 = -rx * LT, A4 = K4 - rx * Ltx;
                const double dd = A4 - A3;
                const double e = std::exp(-std::fabs(dd));
                const double lse = (dd > 0 ? A4 : A3) + std::log1p(e);
                const double w4 = dd > 0 ? 1 / (1 + e) : e / (1 + e);
                const double w3 = 1 - w4;
                W += w;
                SLL += w * lse;
                SLT3 += w * w3 * LT;
                SL4 += w * w4 * Ltx;
                SI3 += w * w3 * inv[d.T_i[i]];
                SI4 += w * w4 * inv[d.tx_i[i]];
                SW4 += w * w4;
            }
        }
        ll += W * A12 + SLL;
        if (grad) {
            const double psrx = digamma(rx), psbx = digamma(b + x), psabx = digamma(a + b + x);
            gr += W * (psrx - psr + lnal) - SLT3 - SL4;
            gal += W * r / al - rx * (SI3 + SI4);
            ga += W * (psab - psabx) + (x > 0 ? SW4 / a : 0);
            gb += W * (psab + psbx - psb - psabx) - (x > 0 ? SW4 / (b + x - 1) : 0);
        }
        i0 = i1;
    }
    if (grad) {
        grad[0] = gr * r;
        grad[1] = gal * al;
        grad[2] = ga * a;
        grad[3] = gb * b;
    }
    return ll;
}

BgNbdFitRun::BgNbdFitRun(const BgNbdData& d, const FitOptions& opt) : d_(&d), opt_(opt) {
    if (d.customers < opt.min_customers) {
        error_ = Error("tiering.too_few_customers", {std::to_string(static_cast<long long>(d.customers)),
                                                     std::to_string(static_cast<long long>(opt.min_customers))});
        return;
    }
    if (d.repeat_buyers < opt.min_repeat_buyers) {
        error_ = Error("tiering.too_few_repeat_buyers", {std::to_string(static_cast<long long>(d.repeat_buyers)),
                                                         std::to_string(static_cast<long long>(opt.min_repeat_buyers))});
        return;
    }
    // Start: r = 1 and α from the pooled purchase rate; a = 1, b = 3 (dropout ~ 25% per purchase).
    double sx = 0, sT = 0;
    for (std::size_t i = 0; i < d.rows(); ++i) {
        sx += d.weight[i] * d.x[i];
        sT += d.weight[i] * d.times[d.T_i[i]];
    }
    const double rate = (sx + 1) / std::max(sT, 1e-9);
    const BgNbdData* data = &d;
    const double W = d.customers;
    Objective f = [data, W](const std::vector<double>& th, std::vector<double>& g) {
        BgNbdParams p{std::exp(th[0]), std::exp(th[1]), std::exp(th[2]), std::exp(th[3])};
        double gl[4];
        const double ll = bgnbd_loglik(p, *data, gl);
        for (int k = 0; k < 4; ++k) g[static_cast<std::size_t>(k)] = -gl[k] / W;
        return std::isfinite(ll) ? -ll / W : kNaN;
    };
    MinimizeOptions mo;
    mo.max_iterations = opt.max_iterations;
    mo.gtol = opt.gtol;
    mo.stall_gtol = opt.stall_gtol;
    run_.emplace(bfgs_run(std::move(f), {0.0, std::log(1 / rate), 0.0, std::log(3.0)}, mo));
}

bool BgNbdFitRun::step(int iterations) { return run_iterations(run_, iterations); }

Result<BgNbdFit> BgNbdFitRun::take() {
    if (error_) return *error_;
    const MinimizeResult m = run_->take();
    if (!std::isfinite(m.f)) return Error("tiering.fit_failed", {"bgnbd"});
    BgNbdFit fit;
    fit.params = {std::exp(m.x[0]), std::exp(m.x[1]), std::exp(m.x[2]), std::exp(m.x[3])};
    take_run(m, d_->customers, fit);
    fit.customers = d_->customers;
    fit.repeat_buyers = d_->repeat_buyers;
    fit.rows = d_->rows();
    for (double t : m.x)
        if (std::fabs(t) > opt_.log_bound) { fit.converged = false; fit.stop = "boundary"; }
    return fit;
}

Result<BgNbdFit> fit_bgnbd(const BgNbdData& d, const FitOptions& opt) { return BgNbdFitRun(d, opt).take(); }

double bgnbd_p_alive(const BgNbdParams& p, double x, double t_x, double T) {
    if (x <= 0) return 1.0;
    const double lr = std::log(p.a) - std::log(p.b + x - 1) + (p.r + x) * (std::log(p.alpha + T) - std::log(p.alpha + t_x));
    return 1 / (1 + std::exp(lr));
}

double bgnbd_expected_if_alive(const BgNbdParams& p, double x, double T, double t) {
    if (!(t > 0)) return 0;
    const double z = t / (p.alpha + T + t);
    const double L = std::log((p.alpha + T) / (p.alpha + T + t));  // log(1 − z)
    const double eps = p.a - 1;
    const double A = p.a + p.b - 1 - p.r, C = p.a + p.b + x - 1;
    // S = Σ_{n>=1} (A)_n (a)_{n−1} / ((C)_n n!) z^n
    double term = A / C * z, S = term;
    int small = 0;
    for (int n = 1; n < 2000000 && term != 0; ++n) {
        term *= (A + n) * (p.a + n - 1) / ((C + n) * (n + 1)) * z;
        S += term;
        if (!std::isfinite(S)) return bgnbd_expected_if_alive_fixed_dropout(p, x, T, t);
        const bool shrinking = std::fabs((A + n + 1) * (p.a + n) / ((C + n + 1) * (n + 2)) * z) < 1;
        if (shrinking && std::fabs(term) <= 1e-17 * std::fabs(S)) {
            if (++small >= 2) break;
        } else {
            small = 0;
        }
    }
    const double head = std::fabs(eps) < 1e-12 ? -L : -std::expm1(eps * L) / eps;
    const double G = C * (head - std::exp(eps * L) * S);
    return std::isfinite(G) ? G : bgnbd_expected_if_alive_fixed_dropout(p, x, T, t);
}

double bgnbd_expected_if_alive_fixed_dropout(const BgNbdParams& p, double x, double T, double t) {
    if (!(t > 0)) return 0;
    const double q = p.a / (p.a + p.b + x);
    return -std::expm1((p.r + x) * std::log((p.alpha + T) / (p.alpha + T + q * t))) / q;
}

double bgnbd_expected_purchases(const BgNbdParams& p, double x, double t_x, double T, double t) {
    return bgnbd_p_alive(p, x, t_x, T) * bgnbd_expected_if_alive(p, x, T, t);
}

double bgnbd_expected_new(const BgNbdParams& p, double t) { return bgnbd_expected_if_alive(p, 0, 0, t); }

double bgnbd_p_no_purchase(const BgNbdParams& p, double x, double t_x, double T, double t) {
    const double pa = bgnbd_p_alive(p, x, t_x, T);
    const double silent = std::exp((p.r + x) * std::log((p.alpha + T) / (p.alpha + T + t)));
    return (1 - pa) + pa * silent;
}

}  // namespace yt
