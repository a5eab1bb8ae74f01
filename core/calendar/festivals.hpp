// festivals.hpp — the holidays and commerce dates a content plan is built around, for any year
// 1950–2100, with their campaign windows (and the phases of 618 and 双11).
//
// Gregorian: 元旦 new_year, 情人节 valentine, 妇女节/女神节 womens_day, 劳动节 labour_day, 母亲节
// mothers_day (2nd Sunday of May), 520, 618, 父亲节 fathers_day (3rd Sunday of June), 99 公益日
// charity_99 (Sep 7–9), 国庆 national_day, 双11 double_11, 双12 double_12, 圣诞 christmas.
// Solar term: 清明 qingming (15°). 双11 and 618 phases are data per year (FestivalYear).
// Lunar: 春节 spring_festival, 元宵 lantern, 端午 dragon_boat, 七夕 qixi, 中秋 mid_autumn,
// 重阳 double_ninth, and the 春节 season: 腊八 laba (腊月初八), 小年 xiaonian (腊月廿三, northern
// custom), 除夕 new_year_eve (the day before 春节, so a 29-day 腊月 is handled), 年货节 nianhuo
// (the three weeks before 春节). The 春节 season belongs to the year of its 春节: 腊八 of 2023
// is 2022-12-30. Windows can be edited per workspace (CalendarPlan::festival_windows).
#pragma once
#include <string>
#include <vector>

#include "core/calendar/calendar_model.hpp"
#include "core/model/dates.hpp"
#include "core/model/result.hpp"

namespace yt {

inline constexpr int kFirstFestivalYear = 1950;
inline constexpr int kLastFestivalYear = 2100;

struct FestivalPhase {
    std::string id;  // "presale", "main", "burst", "encore", "warmup"; name key calendar.phase.<id>
    Day start = 0, end = 0;
};

struct Festival {
    std::string id;          // e.g. "spring_festival"; name key calendar.festival.<id>
    Day date = 0;            // the day itself (for nianhuo: its first day)
    Day start = 0, end = 0;  // campaign window, inclusive
    bool lunar = false;      // placed by the lunar calendar or a solar term
    bool major = false;      // a peak worth planning for (used by the festival-gap check)
    std::vector<FestivalPhase> phases;
    std::string phases_source;  // where this year's phases come from ("" = none)
};

std::vector<std::string> festival_ids();
std::string festival_name_key(const std::string& id);  // "calendar.festival.<id>"
std::string phase_name_key(const std::string& id);     // "calendar.phase.<id>"

// The phases of 双11 and 618 in the years they were announced, with their sources.
std::vector<FestivalYear> builtin_festival_years();

// All festivals of `year`, sorted by date. `years` (the plan's FestivalYear entries) replace the
// built-in phases of that festival and year; `edits` then move windows and mark majors.
// Error calendar.year_out_of_range outside 1950–2100.
Result<std::vector<Festival>> festivals_for_year(int year, const std::vector<FestivalWindow>& edits = {},
                                                const std::vector<FestivalYear>& years = {});

// Festivals whose window overlaps [from, to], sorted by date (years outside 1950–2100 give none).
std::vector<Festival> festivals_between(Day from, Day to, const std::vector<FestivalWindow>& edits = {},
                                        const std::vector<FestivalYear>& years = {});

}  // namespace yt
