// special.cpp — digamma and trigamma (recurrence + asymptotic series) and the 2F1 power series.
#include "core/tiering/special.hpp"

#include <cmath>
#include <limits>

namespace yt {

double digamma(double x) {
    if (!(x > 0) || !std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
    double acc = 0;
    while (x < 6) {
        acc -= 1 / x;
        x += 1;
    }
    const double f = 1 / (x * x);
    // ψ(x) ~ ln x − 1/(2x) − Σ B_2k / (2k x^2k)
    const double series =
        f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132 - f * (691.0 / 32760 - f / 12))))));
    return acc + std::log(x) - 0.5 / x - series;
}

double trigamma(double x) {
    if (!(x > 0) || !std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
    double acc = 0;
    while (x < 6) {
        acc += 1 / (x * x);
        x += 1;
    }
    const double f = 1 / (x * x);
    // ψ'(x) ~ 1/x + 1/(2x²) + Σ B_2k / x^(2k+1)
    const double series =
        f * (1.0 / 6 - f * (1.0 / 30 - f * (1.0 / 42 - f * (1.0 / 30 - f * (5.0 / 66 - f * (691.0 / 2730 - f * 7.0 / 6))))));
    return acc + 1 / x + 0.5 * f + series / x;
}

double lbeta(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

double hyp2f1(double a, double b, double c, double z, int max_terms) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (!(z >= 0 && z < 1)) return nan;
    if (c <= 0 && c == std::floor(c)) return nan;
    double term = 1, sum = 1;
    int small = 0;
    for (int n = 0; n < max_terms; ++n) {
        term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
        sum += term;
        if (term == 0) return sum;
        if (!std::isfinite(sum)) return nan;
        // stop after two negligible terms once the terms are shrinking
        const bool shrinking = std::fabs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z) < 1;
        if (shrinking && std::fabs(term) <= 1e-17 * std::fabs(sum)) {
            if (++small >= 2) return sum;
        } else {
            small = 0;
        }
    }
    return nan;
}

}  // namespace yt
