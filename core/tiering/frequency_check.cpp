// frequency_check.cpp — predicted vs actual repeat-purchase counts (see frequency_check.hpp).
#include "core/tiering/frequency_check.hpp"

#include <algorithm>
#include <cmath>

#include "core/tiering/special.hpp"

namespace yt {

double bgnbd_prob_purchases(const BgNbdParams& p, double t, int x) {
    if (x < 0) return 0;
    if (!(t > 0)) return x == 0 ? 1.0 : 0.0;
    const double lq = std::log(p.alpha / (p.alpha + t));  // log(α / (α + t))
    const double lz = std::log(t / (p.alpha + t));        // log(t / (α + t))
    const double lbab = lbeta(p.a, p.b);
    const double lgr = std::lgamma(p.r);
    // Negative-binomial term: Γ(r+j) / (Γ(r) j!) (α/(α+t))^r (t/(α+t))^j.
    auto nb = [&](int j) {
        return std::exp(std::lgamma(p.r + j) - lgr - std::lgamma(j + 1.0) + p.r * lq + j * lz);
    };
    double prob = std::exp(lbeta(p.a, p.b + x) - lbab) * nb(x);
    if (x > 0) {
        double cdf = 0;
        for (int j = 0; j < x; ++j) cdf += nb(j);
        prob += std::exp(lbeta(p.a + 1, p.b + x - 1) - lbab) * std::max(0.0, 1.0 - cdf);
    }
    return prob;
}

FrequencyCheck bgnbd_frequency_check(const BgNbdParams& p, const ClvInputs& in, int max_x) {
    FrequencyCheck c;
    c.max_x = std::max(1, max_x);
    const auto bins = static_cast<std::size_t>(c.max_x) + 1;
    c.actual.assign(bins, 0.0);
    c.expected.assign(bins, 0.0);
    // Customers by observation length in days.
    std::vector<double> by_T;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (!in.included.empty() && !in.included[i]) continue;
        const int x = std::max(0, in.x[i]);
        c.actual[std::min<std::size_t>(static_cast<std::size_t>(x), bins - 1)] += 1;
        const auto T = static_cast<std::size_t>(std::max(0, in.T_days[i]));
        if (T >= by_T.size()) by_T.resize(T + 1, 0.0);
        by_T[T] += 1;
        c.customers += 1;
    }
    const double unit = unit_days(in.unit);
    for (std::size_t T = 0; T < by_T.size(); ++T) {
        if (by_T[T] == 0) continue;
        const double t = static_cast<double>(T) / unit;
        double below = 0;
        for (int x = 0; x < c.max_x; ++x) {
            const double px = bgnbd_prob_purchases(p, t, x);
            c.expected[static_cast<std::size_t>(x)] += by_T[T] * px;
            below += px;
        }
        c.expected[bins - 1] += by_T[T] * std::max(0.0, 1.0 - below);
    }
    return c;
}

}  // namespace yt
