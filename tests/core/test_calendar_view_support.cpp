// test_calendar_view_support.cpp — the helpers behind the calendar screens: moving an item or a
// series keeps every occurrence's spacing, policy channels, audiences, the items and days each
// kind of calendar finding links to, and the "apply_template" command (one undo step).
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/calendar/checks.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/calendar/templates.hpp"
#include "core/calendar/view_support.hpp"
#include "edit_try.hpp"
#include "core/plan/demo.hpp"

using namespace yt;

namespace {

const Day kMon = days_from_civil(2026, 3, 2);  // Monday

ContentItem item(const std::string& id, Day day, const char* channel, const char* persona, const char* type, int minute = 600) {
    ContentItem it;
    it.id = id;
    it.day = day;
    it.minute = minute;
    it.channel = channel;
    it.persona = persona;
    it.type = type;
    return it;
}

RolesPlan roles() {
    RolesPlan r;
    Persona a;
    a.id = "pa";
    a.tiers = {"t1"};
    Persona b;
    b.id = "pb";
    b.tiers = {"t2"};
    r.personas = {a, b};
    Group g;
    g.id = "g1";
    g.type = "community";
    g.tiers = {"t1"};
    Group d = g;
    d.id = "gd";
    d.type = "deal";
    d.tiers = {"t2"};
    r.groups = {g, d};
    return r;
}

bool links(const FindingLink& k, const std::string& id) { return std::find(k.items.begin(), k.items.end(), id) != k.items.end(); }

const Finding* first(const std::vector<Finding>& fs, const std::string& rule) {
    for (const Finding& f : fs)
        if (f.rule == rule) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("shift_item moves every occurrence of a series by the same number of days", "[calendar][view]") {
    ContentItem one = item("a", kMon, "moments", "pa", "life");
    CHECK(shift_item(one, 3).day == kMon + 3);
    CHECK(shift_item(one, -1).day == kMon - 1);

    ContentItem weekly = item("w", kMon, "group", "pa", "tutorial");
    weekly.repeat.kind = "weekly";
    weekly.repeat.weekdays = {0, 3, 6};  // Mon, Thu, Sun
    weekly.repeat.until_day = kMon + 27;
    weekly.coupon_from = kMon;
    weekly.coupon_to = kMon + 6;
    for (int delta : {1, 2, -3, 10}) {
        INFO("delta " << delta);
        const ContentItem moved = shift_item(weekly, delta);
        CHECK(moved.repeat.until_day == kMon + 27 + delta);
        CHECK(moved.coupon_from == kMon + delta);
        CHECK(moved.coupon_to == kMon + 6 + delta);
        std::vector<Day> before = occurrence_days(weekly, kMon - 40, kMon + 80);
        std::vector<Day> after = occurrence_days(moved, kMon - 40, kMon + 80);
        REQUIRE(before.size() == after.size());
        REQUIRE(before.size() == 12);
        for (std::size_t i = 0; i < before.size(); ++i) CHECK(after[i] == before[i] + delta);
    }
    // Monthly: the day of the month follows the first day; daily series keep their length.
    ContentItem daily = item("d", kMon, "moments", "pa", "life");
    daily.repeat.kind = "daily";
    daily.repeat.until_day = kMon + 4;
    CHECK(occurrence_days(shift_item(daily, 7), kMon, kMon + 30) ==
          std::vector<Day>{kMon + 7, kMon + 8, kMon + 9, kMon + 10, kMon + 11});
    ContentItem open_ended = daily;
    open_ended.repeat.until_day = 0;
    CHECK(shift_item(open_ended, 5).repeat.until_day == 0);  // no end stays no end
}

TEST_CASE("policy channel and audience follow the checks' rules", "[calendar][view]") {
    const RolesPlan r = roles();
    ContentItem deal = item("x", kMon, "group", "pa", "promo");
    deal.groups = {"gd"};
    CHECK(policy_channel(deal, r) == "group_deal");
    deal.groups = {"gd", "g1"};
    CHECK(policy_channel(deal, r) == "group");
    CHECK(policy_channel(item("m", kMon, "moments", "pa", "promo"), r) == "moments");

    ContentItem m = item("m", kMon, "moments", "pa", "life");
    CHECK(item_reaches(m, r, "t1"));
    CHECK_FALSE(item_reaches(m, r, "t2"));
    m.tiers = {"t2"};  // the item's own tiers narrow it
    CHECK(item_reaches(m, r, "t2"));
    CHECK_FALSE(item_reaches(m, r, "t1"));
    ContentItem g = item("g", kMon, "group", "pb", "life");
    g.groups = {"g1"};
    CHECK(item_reaches(g, r, "t1"));
    CHECK_FALSE(item_reaches(g, r, "t2"));
    CHECK(item_reaches(item("o", kMon, "official", "nobody", "life"), r, "t9"));  // no tiers known: everyone
}

TEST_CASE("each calendar finding links to its items and days", "[calendar][view]") {
    CalendarPlan plan;
    const RolesPlan r = roles();
    RuleSet rules;
    plan.policies = {ChannelPolicy{"moments", 0.2, 7}};
    for (int d = 0; d < 10; ++d) plan.items.push_back(item("m" + std::to_string(d), kMon + d, "moments", "pa", d < 4 ? "promo" : "life"));
    plan.items.push_back(item("late", kMon + 2, "private", "pb", "life", 23 * 60));
    ContentItem c1 = item("c1", kMon + 1, "private", "pa", "coupon");
    c1.coupon_id = "A";
    c1.coupon_from = kMon + 1;
    c1.coupon_to = kMon + 5;
    ContentItem c2 = c1;
    c2.id = "c2";
    c2.coupon_id = "B";
    c2.coupon_from = kMon + 4;
    c2.coupon_to = kMon + 8;
    plan.items.push_back(c1);
    plan.items.push_back(c2);
    const std::map<std::string, int> sizes = {{"t1", 10}, {"t2", 10}};
    const std::vector<Finding> fs = check_calendar(CalendarCheckInput{plan, r, rules, sizes, kMon, kMon + 9});

    const Finding* quiet = first(fs, "calendar.quiet_hours");
    REQUIRE(quiet);
    FindingLink k = finding_link(*quiet, plan, r);
    CHECK(k.items == std::vector<std::string>{"late"});
    CHECK(k.focus == kMon + 2);
    CHECK_FALSE(k.broad);

    const Finding* coupons = first(fs, "calendar.coupon_overlap");
    REQUIRE(coupons);
    k = finding_link(*coupons, plan, r);
    CHECK(links(k, "c1"));
    CHECK(links(k, "c2"));
    CHECK(k.items.size() == 2);
    CHECK(k.from == kMon + 4);
    CHECK(k.to == kMon + 5);

    const Finding* ratio = first(fs, "calendar.promo_ratio");
    REQUIRE(ratio);
    k = finding_link(*ratio, plan, r);
    CHECK(links(k, "m0"));
    CHECK(links(k, "m3"));
    CHECK_FALSE(links(k, "m5"));  // a value item is not what the finding is about
    CHECK_FALSE(links(k, "c1"));  // promotion, but on another channel
    CHECK(k.focus != 0);
    CHECK(k.from <= k.focus);
    CHECK(k.to >= k.focus);

    // Touches: a tier flooded on one day links the items that reach it that day only.
    CalendarPlan busy;
    for (int i = 0; i < 5; ++i) busy.items.push_back(item("t" + std::to_string(i), kMon + 1, "private", "pa", "life", 600 + i));
    busy.items.push_back(item("other_day", kMon + 3, "private", "pa", "life"));
    busy.items.push_back(item("other_tier", kMon + 1, "private", "pb", "life"));
    const std::vector<Finding> tf = check_calendar(CalendarCheckInput{busy, r, rules, sizes, kMon, kMon + 6});
    const Finding* day = first(tf, "calendar.touches_day");
    REQUIRE(day);
    CHECK(day->subject == "t1");
    k = finding_link(*day, busy, r);
    CHECK(k.items.size() == 5);
    CHECK(k.broad);  // about the tier's load, not these items in particular
    CHECK(links(k, "t0"));
    CHECK_FALSE(links(k, "other_day"));
    CHECK_FALSE(links(k, "other_tier"));
    CHECK(k.focus == kMon + 1);

    // A festival gap links no item but the days before the festival.
    Finding gap;
    gap.rule = "calendar.festival_gap";
    gap.subject_kind = "day";
    gap.subject = "2026-11-11";
    gap.args = {FindingArg::name("calendar.festival.double_11"), FindingArg::day(days_from_civil(2026, 11, 11)),
                FindingArg::num(3), FindingArg::day(days_from_civil(2026, 11, 8)), "double_11"};
    k = finding_link(gap, plan, r);
    CHECK(k.items.empty());
    CHECK(k.focus == days_from_civil(2026, 11, 11));
    CHECK(k.from == days_from_civil(2026, 11, 8));
}

TEST_CASE("apply_template inserts a template's items as one undo step", "[calendar][view][cmd]") {
    Workspace ws = demo_workspace(kDemoToday);
    History h(ws);
    const std::size_t before = ws.calendar.items.size();
    const char* json = R"({"type":"apply_template","id":"community_week","from":"2026-12-07","to":"2026-12-20","groups":["g1","g3"],"campaign":"年末"})";
    auto cmd = try_edit(json, ws);
    REQUIRE(cmd);
    REQUIRE(h.submit(std::move(cmd.value())));
    // The same items the core function makes: 7 weekly slots for each of the two groups.
    TemplateTarget t;
    t.from = days_from_civil(2026, 12, 7);
    t.to = days_from_civil(2026, 12, 20);
    t.groups = {"g1", "g3"};
    Workspace fresh = demo_workspace(kDemoToday);
    auto expect = apply_template(*find_template(fresh.calendar, builtin_templates(), "community_week"), t, fresh.calendar.items, fresh.roles);
    REQUIRE(expect);
    REQUIRE(expect->size() == 14);
    REQUIRE(ws.calendar.items.size() == before + expect->size());
    CHECK(ws.calendar.items.back().campaign == "年末");
    CHECK(ws.calendar.items.back().id == expect->back().id);
    CHECK(h.undo_label() == "cmd.apply_template");
    REQUIRE(h.undo());
    CHECK(ws.calendar.items.size() == before);
    CHECK_FALSE(h.can_undo());
    REQUIRE(h.redo());
    CHECK(ws.calendar.items.size() == before + 14);

    CHECK(try_edit(R"({"type":"apply_template","id":"nope","from":"2026-12-07","to":"2026-12-20"})", ws).error().code == "cmd.unknown_id");
    CHECK(try_edit(R"({"type":"apply_template","id":"community_week","from":"2026-13-07","to":"2026-12-20"})", ws).error().code == "calendar.bad_date");
    CHECK(try_edit(R"({"type":"apply_template","id":"community_week","from":"2026-12-20","to":"2026-12-07","groups":["g1"]})", ws).error().code == "calendar.bad_range");
    CHECK(try_edit(R"({"type":"apply_template","id":"community_week","from":"2026-12-07","to":"2026-12-20","groups":"g1"})", ws).error().code == "cmd.bad_value");
}

TEST_CASE("whom an item reaches is one rule: its aim, audiences expanded when known", "[calendar]") {
    RolesPlan roles;
    Persona p;
    p.id = "p";
    p.tiers = {"champions"};
    roles.personas.push_back(p);
    ContentItem it;
    it.id = "i";
    it.channel = "private";
    it.persona = "p";
    it.tiers = {"aud1"};  // an audience, not a segment
    const AudienceTiers audiences{{"aud1", {"at_risk"}}};
    CHECK(item_aim(it, roles).tiers == std::vector<std::string>{"aud1"});
    CHECK_FALSE(item_reaches(it, roles, "at_risk"));  // without the audiences' members nothing is known
    CHECK(item_reaches(it, roles, "at_risk", &audiences));
    CHECK_FALSE(item_reaches(it, roles, "champions", &audiences));
    it.tiers.clear();  // the persona's tiers
    CHECK(item_reaches(it, roles, "champions"));
    CHECK_FALSE(item_reaches(it, roles, "at_risk"));
    Group g;
    g.id = "g1";  // a group without tiers reaches no known tier
    roles.groups.push_back(g);
    ContentItem post;
    post.channel = "group";
    post.groups = {"g1"};
    CHECK_FALSE(item_aim(post, roles).everyone);
    CHECK_FALSE(item_reaches(post, roles, "champions"));
    post.groups.clear();  // no groups at all: everyone
    CHECK(item_aim(post, roles).everyone);
    CHECK(item_reaches(post, roles, "champions"));
}
