// test_calendar_templates.cpp — cadence templates stamped onto a range, and SOP loads.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/calendar/catalog.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/calendar/sop.hpp"
#include "core/calendar/templates.hpp"

using namespace yt;

namespace {
RolesPlan small_roles() {
    RolesPlan r;
    Persona a;
    a.id = "p1";
    Persona b;
    b.id = "p2";
    r.personas = {a, b};
    Account acc;
    acc.id = "acc-b";
    acc.persona = "p2";
    r.accounts = {acc};
    Group g1;
    g1.id = "g1";
    g1.owner_account = "acc-b";
    Group g2;
    g2.id = "g2";
    r.groups = {g1, g2};
    return r;
}
CadenceTemplate builtin(const char* id) {
    for (const CadenceTemplate& t : builtin_templates())
        if (t.id == id) return t;
    FAIL("no template " << id);
    return {};
}
const Day kFrom = days_from_civil(2026, 3, 4);  // a Wednesday
}  // namespace

TEST_CASE("community weekly rhythm: one weekly series per slot and group", "[calendar][templates]") {
    TemplateTarget t;
    t.from = kFrom;
    t.to = kFrom + 27;
    t.groups = {"g1", "g2"};
    ContentItem taken;
    taken.id = "community_week-1";
    auto r = apply_template(builtin("community_week"), t, {taken}, small_roles());
    REQUIRE(r.ok());
    const auto& items = r.value();
    REQUIRE(items.size() == 14);
    CHECK(items[0].id == "community_week-2");  // the taken id is skipped
    std::set<std::string> ids;
    std::set<std::string> types;
    for (const ContentItem& it : items) {
        ids.insert(it.id);
        types.insert(it.type);
        CHECK(it.channel == "group");
        CHECK(it.repeat.kind == "weekly");
        CHECK(it.repeat.until_day == t.to);
        REQUIRE(it.groups.size() == 1);
    }
    CHECK(ids.size() == 14);
    for (const char* ty : {"tryon", "tutorial", "live_perk", "review"}) CHECK(types.count(ty));
    CHECK(items[0].persona == "p2");  // g1's owner account belongs to p2
    CHECK(items[0].account == "acc-b");
    CHECK(items[1].persona.empty());  // g2 has no owner and no persona was given
    CHECK(expand_occurrences(items, t.from, t.to).size() == 14 * 4);
    // Same inputs, same ids.
    auto again = apply_template(builtin("community_week"), t, {taken}, small_roles());
    REQUIRE(again.ok());
    CHECK(again.value()[5].id == items[5].id);
}

TEST_CASE("3 Moments a day and the 7-day welcome sequence", "[calendar][templates]") {
    TemplateTarget t;
    t.from = kFrom;
    t.to = kFrom + 6;
    t.personas = {"p1", "p2"};
    auto m = apply_template(builtin("moments_3_daily"), t, {}, small_roles());
    REQUIRE(m.ok());
    auto occ = expand_occurrences(m.value(), t.from, t.to);
    CHECK(occ.size() == 42);
    std::map<std::pair<std::string, Day>, int> per_day;
    int promo = 0;
    for (const Occurrence& o : occ) {
        const ContentItem& it = m.value()[o.item];
        CHECK(it.channel == "moments");
        ++per_day[{it.persona, o.day}];
        if (is_promotion_type(it.type)) ++promo;
    }
    for (const auto& kv : per_day) CHECK(kv.second == 3);
    CHECK(static_cast<double>(promo) / occ.size() <= 0.2);  // the template itself keeps to 80/20

    auto w = apply_template(builtin("welcome_7day"), t, {}, small_roles());
    REQUIRE(w.ok());
    CHECK(w.value().size() == 14);
    CHECK(w.value()[0].day == kFrom);
    CHECK(w.value()[0].repeat.kind.empty());
    CHECK(w.value()[1].account == "acc-b");  // p2's first account
    CHECK(w.value().back().day == kFrom + 6);
    // A range shorter than the sequence keeps only the steps inside it.
    t.to = kFrom + 2;
    auto shorter = apply_template(builtin("welcome_7day"), t, {}, small_roles());
    REQUIRE(shorter.ok());
    CHECK(shorter.value().size() == 6);
}

TEST_CASE("template errors", "[calendar][templates]") {
    TemplateTarget t;
    t.from = kFrom;
    t.to = kFrom - 1;
    t.personas = {"p1"};
    auto bad = apply_template(builtin("moments_3_daily"), t, {}, small_roles());
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "calendar.bad_range");
    t.to = kFrom + 10;
    auto none = apply_template(builtin("community_week"), t, {}, small_roles());  // no groups given
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == "calendar.no_target");
    t.to = kFrom + 4 * 366;
    CHECK(apply_template(builtin("moments_3_daily"), t, {}, small_roles()).error().code == "calendar.range_too_long");
    // A 3-day cycle is stamped out as single items.
    CadenceTemplate c;
    c.id = "every3";
    c.cycle_days = 3;
    c.slots = {TemplateSlot{1, 600, "private", "review", "x"}};
    t.to = kFrom + 8;
    auto every3 = apply_template(c, t, {}, small_roles());
    REQUIRE(every3.ok());
    REQUIRE(every3.value().size() == 3);
    CHECK(every3.value()[2].day == kFrom + 7);
}

TEST_CASE("a journey's busiest day and week for one customer", "[calendar][sop]") {
    const std::vector<Sop> sops = builtin_sops();
    REQUIRE(sops.size() == 6);
    for (const Sop& s : sops) CHECK(is_sop_trigger(s.trigger));
    // The welcome journey: days 0, 1, 3, 7 — one step a day, three in days 0..6, three in 1..7.
    const SopShape w = sop_shape(sops[0]);
    CHECK(w.steps == 4);
    CHECK(w.peak_day == 1);
    CHECK(w.peak_week == 3);
    CHECK(w.span_days == 8);
    Sop two;
    two.steps.resize(5);
    two.steps[0].day = 2;
    two.steps[1].day = 2;  // two on day 2
    two.steps[2].day = 8;
    two.steps[3].day = 9;
    two.steps[4].day = 30;
    const SopShape t = sop_shape(two);
    CHECK(t.peak_day == 2);
    CHECK(t.peak_week == 3);  // days 2..8 hold three steps, days 8..14 two
    CHECK(t.span_days == 31);
    CHECK(sop_shape(Sop{}).peak_week == 0);
}
