// dates.hpp — calendar dates as day numbers, with no time zone involved.
//
// A Day is the number of days since 1970-01-01 (proleptic Gregorian). All domain code (orders,
// calendars, festivals) works on Days; text is parsed and printed only at the edges.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yt {

using Day = std::int32_t;

struct Ymd {
    int y = 1970, m = 1, d = 1;
};

Day days_from_civil(int y, int m, int d);
Ymd civil_from_days(Day z);
bool valid_ymd(int y, int m, int d);
int days_in_month(int y, int m);
int weekday(Day z);  // 0 = Monday ... 6 = Sunday

// "YYYY-MM-DD"
std::string format_day(Day z);
// A minute of the day as "HH:MM" (wrapped into 0–1439: -30 is "23:30").
std::string format_hhmm(int minute);
// Accepts YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD; nothing else.
std::optional<Day> parse_day(std::string_view s);

}  // namespace yt
