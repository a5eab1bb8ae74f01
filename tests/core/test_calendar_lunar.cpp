// test_calendar_lunar.cpp — the computed Chinese calendar against an independent implementation.
//
// tests/core/data/lunar_fixture.csv and lunar_leap_fixture.csv were produced by
// tests/oracle/make_lunar_fixture.sh from npm lunar-javascript 1.7.7 (its own astronomical code),
// cross-checked against Debian's `lunar` and npm lunar-calendar; our code never reads them.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/calendar/astro.hpp"
#include "core/calendar/festivals.hpp"
#include "core/calendar/lunar.hpp"
#include "test_paths.hpp"

using namespace yt;

namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& rel) {
    std::ifstream f(yt::test::source_path(rel));
    std::vector<std::vector<std::string>> rows;
    std::string line;
    bool header = true;
    while (std::getline(f, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (header) { header = false; continue; }
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string c;
        while (std::getline(ss, c, ',')) cols.push_back(c);
        rows.push_back(cols);
    }
    return rows;
}

// Seconds between the new moon that starts the lunar month beginning on `start` and the nearest
// Beijing midnight (how close the month start is to flipping to another day).
double new_moon_margin_seconds(Day start) {
    int k = astro::lunation_before(static_cast<double>(start) + 2440588.0) - 2;
    for (int i = 0; i < 6; ++i, ++k) {
        const double jde = astro::new_moon_jde(k);
        if (astro::beijing_day(jde) != start) continue;
        const double year = 2000.0 + (jde - 2451545.0) / 365.25;
        const double local = jde - astro::delta_t_seconds(year) / 86400.0 + 8.0 / 24.0 + 0.5;
        const double secs = (local - std::floor(local)) * 86400.0;
        return std::min(secs, 86400.0 - secs);
    }
    return -1;
}

}  // namespace

TEST_CASE("lunar festivals and qingming match the independent oracle for 1950-2100", "[calendar][lunar]") {
    const auto rows = read_csv("tests/core/data/lunar_fixture.csv");
    REQUIRE(rows.size() == 151 * 10);
    std::map<int, std::map<std::string, Day>> ours;
    for (int y = 1950; y <= 2100; ++y) {
        auto list = festivals_for_year(y);
        REQUIRE(list.ok());
        for (const Festival& f : list.value()) ours[y][f.id] = f.date;
    }
    int compared = 0, mismatched = 0;
    for (const auto& r : rows) {
        REQUIRE(r.size() == 3);
        const int year = std::stoi(r[0]);
        const std::string& fest = r[1];
        const auto want = parse_day(r[2]);
        REQUIRE(want.has_value());
        REQUIRE(ours[year].count(fest) == 1);
        const Day got = ours[year][fest];
        ++compared;
        if (got == *want) continue;
        ++mismatched;
        // The one known disagreement: 2097's 7th month. Its new moon falls 83 s after Beijing
        // midnight with our ΔT (≈94 s) and before it with lunar-javascript's (≈180 s); ΔT that far
        // ahead is not known to a minute, and the lunar-calendar table agrees with us. Anything
        // else, or a margin that is not knife-edge, fails.
        INFO(year << " " << fest << ": ours " << format_day(got) << ", oracle " << r[2]);
        CHECK((year == 2097 && fest == "qixi"));
        CHECK(std::abs(got - *want) == 1);
        const Day month_start = got - 6;  // qixi is day 7
        const double margin = new_moon_margin_seconds(month_start);
        CHECK(margin >= 0);
        CHECK(margin < 120);
    }
    CHECK(compared == 1510);
    CHECK(mismatched <= 1);
}

TEST_CASE("leap months match the independent oracle for 1950-2100", "[calendar][lunar]") {
    const auto rows = read_csv("tests/core/data/lunar_leap_fixture.csv");
    REQUIRE(rows.size() == 55);
    std::map<int, std::pair<int, std::string>> want;
    for (const auto& r : rows) want[std::stoi(r[0])] = {std::stoi(r[1]), r[2]};
    for (int y = 1950; y <= 2100; ++y) {
        int leap = 0;
        Day start = 0;
        for (const LunarMonth& m : lunar_year_months(y))
            if (m.leap) {
                leap = m.number;
                start = m.start;
            }
        INFO("lunar year " << y);
        auto it = want.find(y);
        if (it == want.end()) {
            CHECK(leap == 0);
        } else {
            CHECK(leap == it->second.first);
            CHECK(format_day(start) == it->second.second);
        }
    }
}

TEST_CASE("lunar months are whole lunations and round-trip", "[calendar][lunar]") {
    for (int y : {1950, 1978, 2000, 2023, 2033, 2057, 2100}) {
        INFO("year " << y);
        const std::vector<LunarMonth> months = lunar_year_months(y);
        const bool leap_year = months.size() == 13;
        CHECK((months.size() == 12 || leap_year));
        CHECK(months.front().number == 1);
        CHECK_FALSE(months.front().leap);
        for (std::size_t i = 0; i < months.size(); ++i) {
            CHECK((months[i].days == 29 || months[i].days == 30));
            if (i + 1 < months.size()) CHECK(months[i].start + months[i].days == months[i + 1].start);
            for (int day : {1, months[i].days}) {
                const Day d = months[i].start + day - 1;
                const LunarDate ld = day_to_lunar(d);
                CHECK(ld.year == y);
                CHECK(ld.month == months[i].number);
                CHECK(ld.leap == months[i].leap);
                CHECK(ld.day == day);
                auto back = lunar_to_day(ld.year, ld.month, ld.day, ld.leap);
                REQUIRE(back.has_value());
                CHECK(*back == d);
            }
        }
    }
    // 2033 has the famous leap 11th month (the "2033 problem"): it begins 2033-12-22.
    auto d = lunar_to_day(2033, 11, 1, true);
    REQUIRE(d.has_value());
    CHECK(format_day(*d) == "2033-12-22");
    // No leap 3rd month in 2025 (its leap month is the 6th); day 30 of a 29-day month is refused.
    CHECK_FALSE(lunar_to_day(2025, 3, 1, true).has_value());
    CHECK_FALSE(lunar_to_day(2025, 1, 31).has_value());
}

TEST_CASE("solar terms and new moons agree with published instants", "[calendar][lunar]") {
    // 2025 清明 2025-04-04 20:48 and 冬至 2025-12-21 23:03 Beijing time (HKO / PMO tables).
    CHECK(format_day(solar_term_day(2025, 15)) == "2025-04-04");
    CHECK(format_day(solar_term_day(2025, 270)) == "2025-12-21");
    CHECK(format_day(solar_term_day(2025, 315)) == "2025-02-03");  // 立春
    // Meeus example 25.b: apparent longitude 199.906° at 1992-10-13.0 TD (ours within 1").
    CHECK(std::fabs(astro::sun_apparent_longitude(2448908.5) - 199.90606) < 1.0 / 3600.0);
    // The new moon of 2025-01-29 (春节) at 20:36 Beijing time.
    const int k = astro::lunation_before(2460705.0);
    bool found = false;
    for (int i = -1; i <= 1; ++i)
        if (format_day(astro::beijing_day(astro::new_moon_jde(k + i))) == "2025-01-29") found = true;
    CHECK(found);
}
