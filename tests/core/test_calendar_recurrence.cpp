// test_calendar_recurrence.cpp — expanding repeating content items into occurrences.
#include <catch2/catch.hpp>

#include "core/calendar/catalog.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/i18n/i18n.hpp"

using namespace yt;

namespace {
ContentItem make(const char* id, Day day, const char* kind, Day until = 0, std::vector<int> wd = {}) {
    ContentItem it;
    it.id = id;
    it.day = day;
    it.repeat.kind = kind;
    it.repeat.until_day = until;
    it.repeat.weekdays = std::move(wd);
    return it;
}
const Day kMon = days_from_civil(2026, 3, 2);  // a Monday
}  // namespace

TEST_CASE("single, daily and weekly items", "[calendar][recurrence]") {
    REQUIRE(weekday(kMon) == 0);
    CHECK(occurrence_days(make("a", kMon, ""), kMon, kMon + 10).size() == 1);
    CHECK(occurrence_days(make("a", kMon, ""), kMon + 1, kMon + 10).empty());
    auto daily = occurrence_days(make("b", kMon, "daily", kMon + 4), kMon - 10, kMon + 30);
    REQUIRE(daily.size() == 5);
    CHECK(daily.front() == kMon);
    CHECK(daily.back() == kMon + 4);
    // No end: runs to the range end; starts at the item's day, not before.
    CHECK(occurrence_days(make("b", kMon, "daily"), kMon - 3, kMon + 6).size() == 7);
    auto weekly = occurrence_days(make("c", kMon, "weekly", 0, {0, 2, 4}), kMon, kMon + 13);
    REQUIRE(weekly.size() == 6);
    CHECK(weekly[1] == kMon + 2);
    CHECK(weekly[5] == kMon + 11);
    // Empty weekdays: the item's own weekday.
    auto plain = occurrence_days(make("d", kMon + 3, "weekly"), kMon, kMon + 27);
    REQUIRE(plain.size() == 4);
    for (Day x : plain) CHECK(weekday(x) == 3);
}

TEST_CASE("monthly items keep the day of month and skip short months", "[calendar][recurrence]") {
    auto m = occurrence_days(make("m", days_from_civil(2026, 1, 31), "monthly"), days_from_civil(2026, 1, 1),
                             days_from_civil(2026, 12, 31));
    // 31st: Jan, Mar, May, Jul, Aug, Oct, Dec.
    REQUIRE(m.size() == 7);
    CHECK(format_day(m[1]) == "2026-03-31");
    CHECK(format_day(m[6]) == "2026-12-31");
    auto m15 = occurrence_days(make("n", days_from_civil(2026, 1, 15), "monthly", days_from_civil(2026, 4, 14)),
                               days_from_civil(2026, 2, 1), days_from_civil(2026, 12, 31));
    REQUIRE(m15.size() == 2);  // Feb 15, Mar 15 (until Apr 14)
    CHECK(format_day(m15[0]) == "2026-02-15");
}

TEST_CASE("expansion is sorted and uids are stable", "[calendar][recurrence]") {
    std::vector<ContentItem> items = {make("late", kMon, "daily", kMon + 2), make("early", kMon + 1, "")};
    items[0].minute = 20 * 60;
    items[1].minute = 8 * 60;
    auto occ = expand_occurrences(items, kMon, kMon + 5);
    REQUIRE(occ.size() == 4);
    CHECK(occ[0].item == 0);
    CHECK(occ[1].item == 1);  // same day, earlier minute first
    CHECK(occ[1].day == kMon + 1);
    CHECK(occurrence_uid(items[0], kMon) == "late-20260302");
}

TEST_CASE("channels and content types", "[calendar][catalog]") {
    for (const char* t : {"promo", "live_perk", "launch", "coupon"}) CHECK(is_promotion_type(t));
    for (const char* t : {"tutorial", "tryon", "review", "life", "other"}) CHECK_FALSE(is_promotion_type(t));
    CHECK(builtin_channels().size() == 6);
    CalendarPlan plan;
    plan.custom_channels = {"小红书", "moments", ""};
    CHECK(all_channels(plan).size() == 7);
    CHECK(channel_name_key("小红书") == "小红书");
    CHECK(std::string(tr(channel_name_key("moments"), Lang::Zh)) == "朋友圈");
    CHECK(std::string(tr(channel_name_key("private"), Lang::En)) == "1-on-1");
    for (const std::string& t : content_types()) CHECK(has_tr(type_name_key(t)));
    for (const std::string& c : builtin_channels()) CHECK(has_tr(channel_name_key(c)));
}
