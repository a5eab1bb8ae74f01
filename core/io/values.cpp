// values.cpp — date and amount cell parsers for the importer (see values.hpp for what is accepted).
//
// Hand-written rather than std::stod/strptime: they run once per imported row (millions), must not
// allocate or depend on the C locale, and must reject rather than half-parse.
#include "core/io/values.hpp"

#include <cstdint>
#include <cstring>

namespace yt::io {

namespace {

bool eat(std::string_view& s, std::string_view p) {
    if (s.substr(0, p.size()) != p) return false;
    s.remove_prefix(p.size());
    return true;
}

bool eat_back(std::string_view& s, std::string_view p) {
    if (s.size() < p.size() || s.substr(s.size() - p.size()) != p) return false;
    s.remove_suffix(p.size());
    return true;
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..maxn digits at s[i]; returns how many.
int read_digits(std::string_view s, std::size_t& i, int maxn, int& out) {
    int n = 0, v = 0;
    while (i < s.size() && n < maxn && is_digit(s[i])) {
        v = v * 10 + (s[i] - '0');
        ++i;
        ++n;
    }
    out = v;
    return n;
}

// "14:22", "8:01:00", "14:22:01.123", then optional "Z" or "+08:00" / "+0800" / "-05".
bool valid_time(std::string_view t) {
    std::size_t i = 0;
    int h, m, sec;
    if (read_digits(t, i, 2, h) < 1 || h > 23) return false;
    if (i >= t.size() || t[i] != ':') return false;
    ++i;
    if (read_digits(t, i, 2, m) != 2 || m > 59) return false;
    if (i < t.size() && t[i] == ':') {
        ++i;
        if (read_digits(t, i, 2, sec) != 2 || sec > 60) return false;
        if (i < t.size() && t[i] == '.') {
            ++i;
            int frac;
            if (read_digits(t, i, 9, frac) < 1) return false;
        }
    }
    if (i < t.size() && t[i] == 'Z') {
        ++i;
    } else if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
        ++i;
        int zh, zm;
        if (read_digits(t, i, 2, zh) != 2 || zh > 14) return false;
        if (i < t.size() && t[i] == ':') ++i;
        if (i < t.size() && read_digits(t, i, 2, zm) != 2) return false;
    }
    return i == t.size();
}

// Day numbers of 1 January for the years 1900..2200, computed at compile time.
struct YearStarts {
    Day day[301];
    constexpr YearStarts() : day() {
        Day z = -25567;  // 1900-01-01
        for (int i = 0; i <= 300; ++i) {
            day[i] = z;
            const int y = 1900 + i;
            z += ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 366 : 365;
        }
    }
};
constexpr YearStarts kYearStarts{};
constexpr short kMonthStart[2][13] = {{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
                                      {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};

// Valid y-m-d in 1900..2199 to a Day (cheaper than days_from_civil; same result).
inline std::optional<Day> ymd_to_day(int y, int m, int d) {
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return std::nullopt;
    const int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kMonthStart[leap][m] - kMonthStart[leap][m - 1]) return std::nullopt;
    return kYearStarts.day[y - 1900] + kMonthStart[leap][m - 1] + d - 1;
}

std::optional<Day> finish_date(int y, int m, int d, std::string_view rest) {
    if (!rest.empty()) {
        if (rest[0] != ' ' && rest[0] != 'T') return std::nullopt;
        rest.remove_prefix(1);
        while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
        if (!valid_time(rest)) return std::nullopt;
    }
    return ymd_to_day(y, m, d);
}

// Removes accounting parentheses, a sign, a currency before and a unit after the number.
bool strip_decorations(std::string_view& s, bool& neg) {
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        neg = true;
        s = trim_cell(s.substr(1, s.size() - 2));
    }
    auto eat_sign = [&]() {
        if (eat(s, "-") || eat(s, "\xE2\x88\x92") || eat(s, "\xEF\xBC\x8D")) return 1;  // - − －
        if (eat(s, "+")) return 2;
        return 0;
    };
    int sign = eat_sign();
    s = trim_cell(s);
    const bool currency = eat(s, "\xC2\xA5") || eat(s, "\xEF\xBF\xA5") || eat(s, "$") || eat(s, "RMB") ||
                          eat(s, "CNY");  // ¥ ￥
    s = trim_cell(s);
    if (currency && sign == 0) sign = eat_sign();
    if (sign != 0 && neg) return false;  // "(-5)"
    if (sign == 1) neg = true;
    if (eat_back(s, "\xE5\x85\x83") || eat_back(s, "RMB") || eat_back(s, "CNY")) s = trim_cell(s);  // 元
    return true;
}

const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

}  // namespace

std::string_view trim_cell_slow(std::string_view s) {
    while (!s.empty()) {
        const char c = s.front();
        if (c == ' ' || c == '\t') s.remove_prefix(1);
        else if ((c == '\xE3' && eat(s, "\xE3\x80\x80")) || (c == '\xC2' && eat(s, "\xC2\xA0"))) continue;
        else break;
    }
    while (!s.empty()) {
        const char c = s.back();
        if (c == ' ' || c == '\t') s.remove_suffix(1);
        else if (c == '\x80' && eat_back(s, "\xE3\x80\x80")) continue;
        else if (c == '\xA0' && eat_back(s, "\xC2\xA0")) continue;
        else break;
    }
    return s;
}

std::optional<Day> parse_order_date(std::string_view s) {
    // Fast path: "YYYY-MM-DD" (maybe with a time), the overwhelmingly common form.
    if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        const unsigned y0 = p[0] - 48u, y1 = p[1] - 48u, y2 = p[2] - 48u, y3 = p[3] - 48u;
        const unsigned m0 = p[5] - 48u, m1 = p[6] - 48u, d0 = p[8] - 48u, d1 = p[9] - 48u;
        if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9))
            return std::nullopt;
        const int y = static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
        const int m = static_cast<int>(m0 * 10 + m1);
        const int d = static_cast<int>(d0 * 10 + d1);
        if (s.size() == 10) return ymd_to_day(y, m, d);
        return finish_date(y, m, d, trim_cell(s.substr(10)).empty() ? std::string_view{} : s.substr(10));
    }
    s = trim_cell(s);
    std::size_t i = 0;
    int y, m, d;
    if (read_digits(s, i, 4, y) != 4 || i >= s.size()) return std::nullopt;
    if (is_digit(s[i])) {  // YYYYMMDD
        if (read_digits(s, i, 2, m) != 2 || read_digits(s, i, 2, d) != 2) return std::nullopt;
        return finish_date(y, m, d, s.substr(i));
    }
    std::string_view rest = s.substr(i);
    std::string_view sep2;
    if (eat(rest, "\xE5\xB9\xB4")) {  // 年
        sep2 = "\xE6\x9C\x88";           // 月
    } else if (rest[0] == '-' || rest[0] == '/' || rest[0] == '.') {
        sep2 = rest.substr(0, 1);
        rest.remove_prefix(1);
    } else {
        return std::nullopt;
    }
    std::size_t j = 0;
    if (read_digits(rest, j, 2, m) < 1) return std::nullopt;
    rest.remove_prefix(j);
    if (!eat(rest, sep2)) return std::nullopt;
    j = 0;
    if (read_digits(rest, j, 2, d) < 1) return std::nullopt;
    rest.remove_prefix(j);
    if (sep2.size() > 1) eat(rest, "\xE6\x97\xA5");  // 日
    return finish_date(y, m, d, rest);
}

std::optional<double> parse_amount(std::string_view s) {
    // Fast path: "129.00", "15" (at most 15 digits, so exact in a double).
    if (!s.empty() && s.size() <= 15 && is_digit(s.front()) && is_digit(s.back())) {
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        const unsigned char* const e = p + s.size();
        std::uint64_t m = 0;
        unsigned v;
        while (p < e && (v = *p - 48u) <= 9) { m = m * 10 + v; ++p; }
        int frac = 0;
        if (p < e && *p == '.') {
            const unsigned char* f0 = ++p;
            while (p < e && (v = *p - 48u) <= 9) { m = m * 10 + v; ++p; }
            frac = static_cast<int>(p - f0);
        }
        if (p == e) return static_cast<double>(m) / kPow10[frac];
    }
    s = trim_cell(s);
    bool neg = false;
    // A plain number ("129.00") has none of the decorations below: skip looking for them.
    if (s.empty() || !is_digit(s.front()) || !is_digit(s.back())) {
        if (!strip_decorations(s, neg)) return std::nullopt;
    }
    std::uint64_t mant = 0;
    int digits = 0, frac = 0;
    bool any = false, dot = false;
    constexpr std::uint64_t kMaxExact = 1ull << 53;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) {
            any = true;
            if (mant != 0 || c != '0') ++digits;
            mant = mant * 10 + static_cast<std::uint64_t>(c - '0');
            if (dot) ++frac;
            if (digits > 17 || mant >= kMaxExact || frac > 22) return std::nullopt;
        } else if (c == '.' && !dot) {
            dot = true;
        } else if (c == ',' && !dot && i > 0 && is_digit(s[i - 1]) && i + 3 < s.size() && is_digit(s[i + 1]) &&
                   is_digit(s[i + 2]) && is_digit(s[i + 3]) && (i + 4 == s.size() || !is_digit(s[i + 4]))) {
            // a thousands separator: a digit before it, exactly three after it
        } else {
            return std::nullopt;
        }
    }
    if (!any) return std::nullopt;
    double v = static_cast<double>(mant) / kPow10[frac];
    if (neg && mant != 0) v = -v;
    return v;
}

}  // namespace yt::io
