// festivals.cpp — festival dates and default windows (see festivals.hpp).
#include "core/calendar/festivals.hpp"

#include <algorithm>

#include "core/calendar/lunar.hpp"

namespace yt {
namespace {

const char* const kIds[] = {"new_year",    "laba",        "xiaonian",     "nianhuo",      "new_year_eve", "spring_festival",
                            "lantern",     "valentine",   "womens_day",   "qingming",     "labour_day",   "mothers_day",
                            "520",         "618",         "fathers_day",  "dragon_boat",  "qixi",         "charity_99",
                            "mid_autumn",  "national_day", "double_ninth", "double_11",   "double_12",    "christmas"};

// Phases of the shopping festivals by year, as announced (../shared notes, playbook facts §5).
// Years without an entry get the usual shape (presale from late October / May 20), marked
// unverified in their source.
FestivalYear year_entry(const char* festival, int year, std::vector<PhaseSpan> phases, const char* source) {
    FestivalYear y;
    y.festival = festival;
    y.year = year;
    y.phases = std::move(phases);
    y.source = source;
    return y;
}

Day ymd(int y, int m, int d) { return days_from_civil(y, m, d); }

// The n-th weekday (0 = Monday) of a month: Mother's Day = 2nd Sunday of May.
Day nth_weekday(int y, int m, int wd, int n) {
    const Day first = ymd(y, m, 1);
    return first + (wd - weekday(first) + 7) % 7 + 7 * (n - 1);
}

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

void apply_phases(Festival& f, const FestivalYear& y) {
    f.phases.clear();
    for (const PhaseSpan& p : y.phases) f.phases.push_back(FestivalPhase{p.id, p.start, p.end});
    f.phases_source = y.source;
    for (const FestivalPhase& p : f.phases) {
        f.start = std::min(f.start, p.start);
        f.end = std::max(f.end, p.end);
    }
}

void apply_edit(Festival& f, const FestivalWindow& w) {
    if (w.major >= 0) f.major = w.major == 1;
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

std::vector<FestivalYear> builtin_festival_years() {
    return {
        year_entry("double_11", 2023,
                   {{"presale", ymd(2023, 10, 24), ymd(2023, 10, 31)}, {"spot", ymd(2023, 11, 1), ymd(2023, 11, 10)},
                    {"burst", ymd(2023, 11, 11), ymd(2023, 11, 11)}},
                   "Tmall 10/24–11/11 (ecommercetochina.com cheat sheet; dropcgn.com 2023-10-24)"),
        year_entry("double_11", 2024,
                   {{"presale", ymd(2024, 10, 14), ymd(2024, 10, 31)}, {"spot", ymd(2024, 11, 1), ymd(2024, 11, 10)},
                    {"burst", ymd(2024, 11, 11), ymd(2024, 11, 11)}},
                   "Tmall presale from Mon 10/14 20:00 (SCMP 3282334; shine.cn 2024-10-12)"),
        year_entry("double_11", 2025,
                   {{"presale", ymd(2025, 10, 15), ymd(2025, 10, 31)}, {"spot", ymd(2025, 11, 1), ymd(2025, 11, 10)},
                    {"burst", ymd(2025, 11, 11), ymd(2025, 11, 11)}},
                   "campaign from 10/15 (pymnts.com 2025-10-17 citing Reuters); presale date unverified"),
        year_entry("618", 2024,
                   {{"wave1", ymd(2024, 5, 20), ymd(2024, 5, 30)}, {"wave2", ymd(2024, 5, 31), ymd(2024, 6, 17)},
                    {"burst", ymd(2024, 6, 18), ymd(2024, 6, 18)}, {"encore", ymd(2024, 6, 19), ymd(2024, 6, 20)}},
                   "Tmall cancelled the presale; wave 1 May 20 20:00, wave 2 May 31 20:00 (longportapp.cn/news/203501236)"),
    };
}

std::vector<std::string> festival_ids() { return {std::begin(kIds), std::end(kIds)}; }
std::string festival_name_key(const std::string& id) { return "calendar.festival." + id; }
std::string phase_name_key(const std::string& id) { return "calendar.phase." + id; }

Result<std::vector<Festival>> festivals_for_year(int y, const std::vector<FestivalWindow>& edits,
                                                const std::vector<FestivalYear>& years) {
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
    out.push_back(make("mothers_day", nth_weekday(y, 5, 6, 2), 7, 0, false, false));
    out.push_back(make("520", g(5, 20), 6, 1, false, true));
    {
        Festival f = make("618", g(6, 18), g(6, 18) - g(5, 20), 2, false, true);
        f.phases = {phase("presale", g(5, 20), g(5, 31)), phase("main", g(6, 1), g(6, 17)), phase("burst", g(6, 18), g(6, 18)),
                    phase("encore", g(6, 19), g(6, 20))};
        f.phases_source = "usual shape; this year's dates unverified";
        out.push_back(f);
    }
    out.push_back(make("fathers_day", nth_weekday(y, 6, 6, 3), 7, 0, false, false));
    out.push_back(make("dragon_boat", lunar(5, 5), 7, 0, true, false));
    out.push_back(make("qixi", lunar(7, 7), 7, 0, true, true));
    {
        // 99 公益日: Tencent's giving days, Sep 7–9 every year since 2015 (gongyidaobao.cn, 2022-09-01).
        Festival f = make("charity_99", g(9, 9), 2, 0, false, false);
        out.push_back(f);
    }
    out.push_back(make("mid_autumn", lunar(8, 15), 10, 0, true, true));
    out.push_back(make("national_day", g(10, 1), 5, 6, false, true));
    out.push_back(make("double_ninth", lunar(9, 9), 3, 0, true, false));
    {
        // Deposit presale first (late October), then spot sales, then the day itself.
        Festival f = make("double_11", g(11, 11), g(11, 11) - g(10, 20), 0, false, true);
        f.phases = {phase("presale", g(10, 20), g(10, 31)), phase("spot", g(11, 1), g(11, 10)),
                    phase("burst", g(11, 11), g(11, 11))};
        f.phases_source = "usual shape; this year's dates unverified";
        out.push_back(f);
    }
    out.push_back(make("double_12", g(12, 12), 7, 0, false, true));
    out.push_back(make("christmas", g(12, 25), 7, 0, false, false));
    // Per-year phases: the plan's entry, else the built-in one.
    const std::vector<FestivalYear> builtin = builtin_festival_years();
    for (Festival& f : out) {
        const FestivalYear* pick = nullptr;
        for (const FestivalYear& e : builtin)
            if (e.festival == f.id && e.year == y) pick = &e;
        for (const FestivalYear& e : years)
            if (e.festival == f.id && e.year == y) pick = &e;
        if (pick) apply_phases(f, *pick);
    }
    for (Festival& f : out)
        for (const FestivalWindow& w : edits)
            if (w.id == f.id) apply_edit(f, w);
    std::stable_sort(out.begin(), out.end(), [](const Festival& a, const Festival& b) { return a.date < b.date; });
    return out;
}

std::vector<Festival> festivals_between(Day from, Day to, const std::vector<FestivalWindow>& edits,
                                        const std::vector<FestivalYear>& years) {
    std::vector<Festival> out;
    if (from > to) return out;
    const int y0 = std::max(kFirstFestivalYear, civil_from_days(from).y);
    const int y1 = std::min(kLastFestivalYear, civil_from_days(to).y + 1);
    for (int y = y0; y <= y1; ++y) {
        auto r = festivals_for_year(y, edits, years);
        if (!r) continue;
        for (Festival& f : r.value())
            if (f.end >= from && f.start <= to) out.push_back(std::move(f));
    }
    std::stable_sort(out.begin(), out.end(), [](const Festival& a, const Festival& b) { return a.date < b.date; });
    return out;
}

}  // namespace yt
