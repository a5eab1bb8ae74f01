// festivals.cpp — festival dates and default windows (see festivals.hpp).
#include "core/calendar/festivals.hpp"

#include <algorithm>

#include "core/calendar/lunar.hpp"

namespace yt {
namespace {

const char* const kIds[] = {"new_year",  "laba",        "xiaonian",    "nianhuo",     "new_year_eve", "spring_festival",
                            "lantern",   "valentine",   "womens_day",  "qingming",    "labour_day",   "520",
                            "618",       "dragon_boat", "qixi",        "mid_autumn",  "national_day", "double_ninth",
                            "double_11", "double_12"};

Festival make(const char* id, Day date, int before, int after, bool lunar, bool major) {
    Festival f;
    f.id = id;
    f.date = date;
    f.start = date - before;
    f.end = date + after;
    f.lunar = lunar;
    f.major = major;
    return f;
}

FestivalPhase phase(const char* id, Day start, Day end) { return FestivalPhase{id, start, end}; }

void apply_edit(Festival& f, const FestivalWindow& w) {
    f.start = f.date - std::max(0, w.days_before);
    f.end = f.date + std::max(0, w.days_after);
    std::vector<FestivalPhase> kept;
    for (FestivalPhase p : f.phases) {
        p.start = std::max(p.start, f.start);
        p.end = std::min(p.end, f.end);
        if (p.start <= p.end) kept.push_back(p);
    }
    f.phases = std::move(kept);
}

}  // namespace

std::vector<std::string> festival_ids() { return {std::begin(kIds), std::end(kIds)}; }
std::string festival_name_key(const std::string& id) { return "calendar.festival." + id; }
std::string phase_name_key(const std::string& id) { return "calendar.phase." + id; }

Result<std::vector<Festival>> festivals_for_year(int y, const std::vector<FestivalWindow>& edits) {
    if (y < kFirstFestivalYear || y > kLastFestivalYear)
        return Error("calendar.year_out_of_range",
                     {std::to_string(y), std::to_string(kFirstFestivalYear), std::to_string(kLastFestivalYear)});
    auto g = [y](int m, int d) { return days_from_civil(y, m, d); };
    // One 岁 holds the 腊月 of lunar year y-1 and months 1–9 of lunar year y. The look-ups cannot
    // fail: every lunar month has at least 29 days and months 1, 5, 7, 8, 9 and 12 always exist.
    const std::vector<LunarMonth> sui = lunar_sui(y);
    auto lunar = [&sui](int m, int d) { return *sui_day(sui, m, d, false, m == 12); };
    const Day cny = lunar(1, 1);
    std::vector<Festival> out;
    out.push_back(make("new_year", g(1, 1), 6, 0, false, false));
    out.push_back(make("laba", lunar(12, 8), 2, 0, true, false));
    out.push_back(make("xiaonian", lunar(12, 23), 2, 0, true, false));
    out.push_back(make("nianhuo", cny - 21, 0, 20, true, true));
    out.push_back(make("new_year_eve", cny - 1, 1, 0, true, false));
    out.push_back(make("spring_festival", cny, 1, 6, true, true));
    out.push_back(make("lantern", lunar(1, 15), 3, 0, true, false));
    out.push_back(make("valentine", g(2, 14), 7, 0, false, true));
    out.push_back(make("womens_day", g(3, 8), 7, 0, false, true));
    out.push_back(make("qingming", solar_term_day(y, 15), 3, 0, true, false));
    out.push_back(make("labour_day", g(5, 1), 7, 4, false, false));
    out.push_back(make("520", g(5, 20), 6, 1, false, true));
    {
        Festival f = make("618", g(6, 18), g(6, 18) - g(5, 20), 2, false, true);
        f.phases = {phase("presale", g(5, 20), g(5, 31)), phase("main", g(6, 1), g(6, 17)), phase("burst", g(6, 18), g(6, 18)),
                    phase("encore", g(6, 19), g(6, 20))};
        out.push_back(f);
    }
    out.push_back(make("dragon_boat", lunar(5, 5), 7, 0, true, false));
    out.push_back(make("qixi", lunar(7, 7), 7, 0, true, true));
    out.push_back(make("mid_autumn", lunar(8, 15), 10, 0, true, true));
    out.push_back(make("national_day", g(10, 1), 5, 6, false, true));
    out.push_back(make("double_ninth", lunar(9, 9), 3, 0, true, false));
    {
        Festival f = make("double_11", g(11, 11), g(11, 11) - g(10, 20), 0, false, true);
        f.phases = {phase("warmup", g(10, 20), g(10, 31)), phase("presale", g(11, 1), g(11, 10)),
                    phase("burst", g(11, 11), g(11, 11))};
        out.push_back(f);
    }
    out.push_back(make("double_12", g(12, 12), 7, 0, false, true));
    for (Festival& f : out)
        for (const FestivalWindow& w : edits)
            if (w.id == f.id) apply_edit(f, w);
    std::stable_sort(out.begin(), out.end(), [](const Festival& a, const Festival& b) { return a.date < b.date; });
    return out;
}

std::vector<Festival> festivals_between(Day from, Day to, const std::vector<FestivalWindow>& edits) {
    std::vector<Festival> out;
    if (from > to) return out;
    const int y0 = std::max(kFirstFestivalYear, civil_from_days(from).y);
    const int y1 = std::min(kLastFestivalYear, civil_from_days(to).y + 1);
    for (int y = y0; y <= y1; ++y) {
        auto r = festivals_for_year(y, edits);
        if (!r) continue;
        for (Festival& f : r.value())
            if (f.end >= from && f.start <= to) out.push_back(std::move(f));
    }
    std::stable_sort(out.begin(), out.end(), [](const Festival& a, const Festival& b) { return a.date < b.date; });
    return out;
}

}  // namespace yt
