// lunar.hpp — the Chinese (农历) calendar for 1950–2100, computed, not tabulated.
//
// Rules (the 1645 时宪历 rules as applied since 1929, in UTC+8): a month starts on the day of a
// true new moon; the month holding the winter solstice is month 11; when 13 months lie between
// two such months, the first of them with no major solar term (中气, sun longitude a multiple of
// 30°) is the leap month and repeats the number of the month before it. Astronomy in astro.hpp.
// Tested against an independent implementation (tests/core/data/lunar_fixture.csv).
#pragma once
#include <optional>
#include <vector>

#include "core/model/dates.hpp"

namespace yt {

struct LunarMonth {
    int number = 1;      // 1..12
    bool leap = false;   // 闰月
    Day start = 0;       // first day
    int days = 30;       // 29 or 30
};

struct LunarDate {
    int year = 0;        // lunar year (the Gregorian year its month 1 begins in)
    int month = 1;
    int day = 1;
    bool leap = false;
};

// The 岁 ending with `year`'s winter solstice: from the month 11 holding the winter solstice of
// year-1 up to (not including) the month 11 holding that of `year`. 12 or 13 months, starting
// with month 11 (of lunar year year-1).
std::vector<LunarMonth> lunar_sui(int year);

// Day `day` of month `month` inside a 岁 from lunar_sui(): the months 11/12 before its month 1
// when `before_month_1`, else the months from month 1 on. nullopt when absent or too short.
std::optional<Day> sui_day(const std::vector<LunarMonth>& sui, int month, int day, bool leap, bool before_month_1);

// The months of lunar year `year` (month 1 … month 12, leap month in place).
std::vector<LunarMonth> lunar_year_months(int year);

// The civil day of a lunar date; nullopt when the month does not exist (no such leap month) or
// the day is past the month's end.
std::optional<Day> lunar_to_day(int year, int month, int day, bool leap = false);

// The lunar date of a civil day.
LunarDate day_to_lunar(Day d);

// The civil day (UTC+8) on which the sun reaches `degrees` in Gregorian year `year` — the
// 24 solar terms are the multiples of 15° (清明 = 15°, 冬至 = 270°).
Day solar_term_day(int year, int degrees);

}  // namespace yt
