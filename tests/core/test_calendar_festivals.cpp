// test_calendar_festivals.cpp — festival dates, windows, phases and per-workspace window edits.
#include <catch2/catch.hpp>

#include <map>

#include "core/calendar/festivals.hpp"
#include "core/calendar/lunar.hpp"
#include "core/i18n/i18n.hpp"

using namespace yt;

namespace {
std::map<std::string, Festival> by_id(int year, const std::vector<FestivalWindow>& edits = {}) {
    auto r = festivals_for_year(year, edits);
    REQUIRE(r.ok());
    std::map<std::string, Festival> m;
    for (const Festival& f : r.value()) m[f.id] = f;
    return m;
}
std::string d(Day x) { return format_day(x); }
}  // namespace

TEST_CASE("2025 festival dates", "[calendar][festivals]") {
    auto f = by_id(2025);
    CHECK(f.size() == festival_ids().size());
    CHECK(d(f["new_year"].date) == "2025-01-01");
    CHECK(d(f["laba"].date) == "2025-01-07");
    CHECK(d(f["xiaonian"].date) == "2025-01-22");
    CHECK(d(f["new_year_eve"].date) == "2025-01-28");
    CHECK(d(f["spring_festival"].date) == "2025-01-29");
    CHECK(d(f["lantern"].date) == "2025-02-12");
    CHECK(d(f["valentine"].date) == "2025-02-14");
    CHECK(d(f["womens_day"].date) == "2025-03-08");
    CHECK(d(f["qingming"].date) == "2025-04-04");
    CHECK(d(f["labour_day"].date) == "2025-05-01");
    CHECK(d(f["520"].date) == "2025-05-20");
    CHECK(d(f["dragon_boat"].date) == "2025-05-31");
    CHECK(d(f["618"].date) == "2025-06-18");
    CHECK(d(f["qixi"].date) == "2025-08-29");
    CHECK(d(f["mid_autumn"].date) == "2025-10-06");
    CHECK(d(f["national_day"].date) == "2025-10-01");
    CHECK(d(f["double_ninth"].date) == "2025-10-29");
    CHECK(d(f["double_11"].date) == "2025-11-11");
    CHECK(d(f["double_12"].date) == "2025-12-12");
    CHECK(f["spring_festival"].lunar);
    CHECK_FALSE(f["618"].lunar);
}

TEST_CASE("除夕 is the day before 春节 even after a 29-day 腊月", "[calendar][festivals]") {
    // 2025–2029 have no 年三十: 腊月 of lunar 2024 had 29 days, so 除夕 2025 was 腊月廿九.
    CHECK_FALSE(lunar_to_day(2024, 12, 30).has_value());
    REQUIRE(lunar_to_day(2024, 12, 29).has_value());
    CHECK(d(*lunar_to_day(2024, 12, 29)) == "2025-01-28");
    CHECK(d(by_id(2025)["new_year_eve"].date) == "2025-01-28");
    // 2024 had a 腊月三十.
    auto f = by_id(2024);
    CHECK(d(f["spring_festival"].date) == "2024-02-10");
    CHECK(d(f["new_year_eve"].date) == "2024-02-09");
    REQUIRE(lunar_to_day(2023, 12, 30).has_value());
    CHECK(*lunar_to_day(2023, 12, 30) == f["new_year_eve"].date);
    // 2023's 腊八 fell in the previous Gregorian year: the season belongs to its 春节.
    CHECK(d(by_id(2023)["laba"].date) == "2022-12-30");
}

TEST_CASE("commerce windows and phases", "[calendar][festivals]") {
    auto f = by_id(2026);
    const Festival& s618 = f["618"];
    CHECK(d(s618.start) == "2026-05-20");
    CHECK(d(s618.end) == "2026-06-20");
    REQUIRE(s618.phases.size() == 4);
    CHECK(s618.phases[0].id == "presale");
    CHECK(d(s618.phases[0].start) == "2026-05-20");
    const Festival& d11 = f["double_11"];
    REQUIRE(d11.phases.size() == 3);
    CHECK(d11.phases[0].id == "presale");
    CHECK(d(d11.phases[0].start) == "2026-10-20");
    CHECK(d(d11.phases[0].end) == "2026-10-31");
    CHECK(d(d11.phases[1].start) == "2026-11-01");
    CHECK(d(d11.phases[1].end) == "2026-11-10");
    CHECK(d(d11.phases[2].start) == "2026-11-11");
    // 年货节: the three weeks before 春节 (2026-02-17), ending on 除夕.
    const Festival& nh = f["nianhuo"];
    CHECK(d(nh.start) == "2026-01-27");
    CHECK(d(nh.end) == "2026-02-16");
    CHECK(nh.end == f["new_year_eve"].date);
    for (const auto& kv : f) {
        INFO(kv.first);
        CHECK(kv.second.start <= kv.second.date);
        CHECK(kv.second.end >= kv.second.date);
        CHECK(has_tr(festival_name_key(kv.first)));
        for (const FestivalPhase& p : kv.second.phases) CHECK(has_tr(phase_name_key(p.id)));
    }
}

TEST_CASE("workspace window edits override the defaults and clip phases", "[calendar][festivals]") {
    FestivalWindow w;
    w.id = "double_11";
    w.days_before = 5;
    w.days_after = 2;
    auto f = by_id(2026, {w});
    CHECK(d(f["double_11"].start) == "2026-11-06");
    CHECK(d(f["double_11"].end) == "2026-11-13");
    REQUIRE(f["double_11"].phases.size() == 2);  // the warm-up lies wholly outside and is dropped
    CHECK(d(f["double_11"].phases[0].start) == "2026-11-06");
    CHECK(d(by_id(2026)["double_11"].start) == "2026-10-20");  // others untouched
}

TEST_CASE("year range and festivals_between", "[calendar][festivals]") {
    auto bad = festivals_for_year(1949);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "calendar.year_out_of_range");
    CHECK_FALSE(festivals_for_year(2101).ok());
    CHECK(festivals_for_year(2100).ok());
    // December 2022 holds the 腊八 of the 2023 season and the new-year window of 2023.
    auto dec = festivals_between(days_from_civil(2022, 12, 1), days_from_civil(2022, 12, 31));
    bool laba = false, ny = false, d12 = false;
    for (const Festival& f : dec) {
        if (f.id == "laba" && d(f.date) == "2022-12-30") laba = true;
        if (f.id == "new_year" && d(f.date) == "2023-01-01") ny = true;
        if (f.id == "double_12") d12 = true;
    }
    CHECK(laba);
    CHECK(ny);
    CHECK(d12);
    for (std::size_t i = 1; i < dec.size(); ++i) CHECK(dec[i - 1].date <= dec[i].date);
    CHECK(festivals_between(10, 5).empty());
}
