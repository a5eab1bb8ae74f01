// dates.cpp — civil-date arithmetic (H. Hinnant's public-domain algorithms, written out here
// because <chrono> calendar support is missing from the libc++ that Emscripten 3.1.6 ships).
#include "core/model/dates.hpp"

#include <cstdio>

namespace yt {

Day days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

Ymd civil_from_days(Day z) {
    int zz = z + 719468;
    const int era = (zz >= 0 ? zz : zz - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(zz - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Ymd{y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

int days_in_month(int y, int m) {
    static const int k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return k[m - 1];
}

bool valid_ymd(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

int weekday(Day z) { return static_cast<int>(((z % 7) + 7 + 3) % 7); }  // 1970-01-01 was a Thursday

std::string format_day(Day z) {
    Ymd v = civil_from_days(z);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
    return buf;
}

std::string format_hhmm(int minute) {
    minute = ((minute % 1440) + 1440) % 1440;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

std::optional<Day> parse_day(std::string_view s) {
    auto digits = [](std::string_view t, size_t& i, int maxn, int& out) {
        int n = 0, v = 0;
        while (i < t.size() && n < maxn && t[i] >= '0' && t[i] <= '9') { v = v * 10 + (t[i] - '0'); ++i; ++n; }
        out = v;
        return n;
    };
    size_t i = 0;
    int y = 0, m = 0, d = 0;
    if (s.size() == 8 && s.find_first_not_of("0123456789") == std::string_view::npos) {
        if (digits(s, i, 4, y) != 4 || digits(s, i, 2, m) != 2 || digits(s, i, 2, d) != 2) return std::nullopt;
    } else {
        if (digits(s, i, 4, y) != 4 || i >= s.size()) return std::nullopt;
        char sep = s[i];
        if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
        ++i;
        int n = digits(s, i, 2, m);
        if (n < 1 || i >= s.size() || s[i] != sep) return std::nullopt;
        ++i;
        n = digits(s, i, 2, d);
        if (n < 1 || i != s.size()) return std::nullopt;
    }
    if (!valid_ymd(y, m, d)) return std::nullopt;
    return days_from_civil(y, m, d);
}

}  // namespace yt
