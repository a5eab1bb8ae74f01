// lunar.cpp — builds lunar months from new moons and major solar terms (see lunar.hpp).
#include "core/calendar/lunar.hpp"

#include "core/calendar/astro.hpp"

namespace yt {
namespace {

// Day of the first new moon at or before day `d` (UTC+8), and its lunation number.
int lunation_starting_on_or_before(Day d) {
    // JDE of local midnight ending day d, roughly; then adjust with the exact dates.
    const double jde = static_cast<double>(d) + 2440588.0 + 0.5;
    int k = astro::lunation_before(jde) + 1;
    while (astro::beijing_day(astro::new_moon_jde(k)) > d) --k;
    while (astro::beijing_day(astro::new_moon_jde(k + 1)) <= d) ++k;
    return k;
}

}  // namespace

Day solar_term_day(int year, int degrees) {
    return astro::beijing_day(astro::solar_term_jde(year, static_cast<double>(degrees)));
}

std::vector<LunarMonth> lunar_sui(int year) {
    const Day ws0 = solar_term_day(year - 1, 270);
    const Day ws1 = solar_term_day(year, 270);
    const int k0 = lunation_starting_on_or_before(ws0);
    const int k1 = lunation_starting_on_or_before(ws1);
    std::vector<Day> starts;  // month starts k0 .. k1 (inclusive: the last one ends the 岁)
    for (int k = k0; k <= k1; ++k) starts.push_back(astro::beijing_day(astro::new_moon_jde(k)));
    const int n = static_cast<int>(starts.size()) - 1;  // 12 or 13
    // Major solar terms (中气) from the winter solstice of year-1 to that of year: 270, 300, ...
    std::vector<Day> zq;
    for (int i = 0; i <= 12; ++i) {
        int deg = (270 + 30 * i) % 360;
        int y = deg == 270 ? (i == 0 ? year - 1 : year) : year;  // 大寒 300 … 小雪 240 are in `year`
        zq.push_back(solar_term_day(y, deg));
    }
    auto has_zhongqi = [&](Day a, Day b) {
        for (Day z : zq)
            if (z >= a && z < b) return true;
        return false;
    };
    std::vector<LunarMonth> out;
    bool leap_done = n == 12;
    int number = 11;
    for (int i = 0; i < n; ++i) {
        LunarMonth m;
        m.start = starts[i];
        m.days = starts[i + 1] - starts[i];
        if (!leap_done && i > 0 && !has_zhongqi(starts[i], starts[i + 1])) {
            m.leap = true;
            leap_done = true;
            m.number = number;  // repeats the previous month's number
        } else {
            number = i == 0 ? 11 : number % 12 + 1;
            m.number = number;
        }
        out.push_back(m);
    }
    return out;
}

std::vector<LunarMonth> lunar_year_months(int year) {
    std::vector<LunarMonth> out;
    // Months 1..10 (and leaps among them) are in sui(year); 11, 12 in sui(year + 1).
    bool started = false;
    for (const LunarMonth& m : lunar_sui(year)) {
        if (m.number == 1 && !m.leap) started = true;
        if (started) out.push_back(m);
    }
    for (const LunarMonth& m : lunar_sui(year + 1)) {
        if (m.number == 1 && !m.leap) break;
        out.push_back(m);
    }
    return out;
}

std::optional<Day> sui_day(const std::vector<LunarMonth>& sui, int month, int day, bool leap, bool before_month_1) {
    if (month < 1 || month > 12 || day < 1 || day > 30) return std::nullopt;
    bool seen_one = false;
    for (const LunarMonth& m : sui) {
        if (m.number == 1 && !m.leap) seen_one = true;
        if (seen_one != before_month_1 && m.number == month && m.leap == leap) {
            if (day > m.days) return std::nullopt;
            return m.start + day - 1;
        }
    }
    return std::nullopt;
}

std::optional<Day> lunar_to_day(int year, int month, int day, bool leap) {
    // Months 11/12 of lunar `year` open sui(year + 1); the others lie in sui(year).
    const bool late = month >= 11;
    return sui_day(lunar_sui(late ? year + 1 : year), month, day, leap, late);
}

LunarDate day_to_lunar(Day d) {
    const int gy = civil_from_days(d).y;
    // d lies in sui(gy) or, after the winter-solstice month began, in sui(gy + 1).
    for (int y : {gy, gy + 1}) {
        const std::vector<LunarMonth> sui = lunar_sui(y);
        const LunarMonth& last = sui.back();
        if (d < sui.front().start || d >= last.start + last.days) continue;
        bool seen_one = false;
        for (const LunarMonth& m : sui) {
            if (m.number == 1 && !m.leap) seen_one = true;
            if (d >= m.start && d < m.start + m.days) {
                return LunarDate{seen_one ? y : y - 1, m.number, d - m.start + 1, m.leap};
            }
        }
    }
    return LunarDate{};  // not reached for valid days
}

}  // namespace yt
