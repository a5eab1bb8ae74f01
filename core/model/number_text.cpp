// number_text.cpp — count_text and percent_text (see number_text.hpp).
#include "core/model/number_text.hpp"

#include <cmath>
#include <cstdio>

namespace yt {

std::string count_text(double v) {
    if (!std::isfinite(v)) return "-";
    double r = std::round(v);
    if (std::fabs(v) < 100 && std::fabs(v - r) >= 0.05) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v);
        return buf;
    }
    long long n = static_cast<long long>(r);
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string percent_text(double ratio) { return count_text(std::round(ratio * 1000) / 10) + "%"; }

}  // namespace yt
