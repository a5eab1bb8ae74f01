// test_calendar_demo.cpp — the demo content calendar is well-formed and shows the checks at work.
#include <catch2/catch.hpp>

#include <set>

#include "core/calendar/checks.hpp"
#include "core/plan/demo_calendar.hpp"
#include "core/calendar/recurrence.hpp"

using namespace yt;

namespace {

// The ids and tiers the demo roles use (core/roles/demo_roles.cpp), restated so this test does
// not depend on the roles module's demo details.
RolesPlan demo_like_roles() {
    RolesPlan r;
    Persona x;
    x.id = "p_xiaowan";
    x.name = "小婉";
    x.tiers = {"general_value", "general_develop", "general_keep", "general_retain"};
    Persona e;
    e.id = "p_expert";
    e.name = "美妆顾问阿杰";
    e.tiers = {"important_value", "important_develop", "important_keep", "important_retain"};
    r.personas = {x, e};
    const char* acc[][3] = {{"acc1", "p_xiaowan", "0"}, {"acc2", "p_xiaowan", "0"}, {"acc3", "p_expert", "1"},
                            {"acc4", "p_xiaowan", "1"}};
    for (auto& a : acc) {
        Account ac;
        ac.id = a[0];
        ac.persona = a[1];
        ac.platform = a[2][0] - '0';
        r.accounts.push_back(ac);
    }
    const char* grp[][4] = {{"g1", "deal", "acc1", "general_value"},     {"g2", "deal", "acc2", "general_keep"},
                            {"g3", "community", "acc4", "general_develop"}, {"g4", "course", "acc3", "important_develop"},
                            {"g5", "vip", "acc3", "important_value"},        {"g6", "community", "acc4", "general_value"}};
    for (auto& g : grp) {
        Group gr;
        gr.id = g[0];
        gr.type = g[1];
        gr.owner_account = g[2];
        gr.tiers = {g[3]};
        r.groups.push_back(gr);
    }
    return r;
}

const Day kToday = days_from_civil(2026, 11, 15);

}  // namespace

TEST_CASE("demo calendar: a month of well-formed items", "[calendar][demo]") {
    Workspace ws;
    ws.roles = demo_like_roles();
    fill_demo_calendar(ws, kToday);
    const CalendarPlan& c = ws.calendar;
    CHECK(c.items.size() >= 20);
    CHECK(c.templates.size() >= 3);
    CHECK(c.sops.size() >= 4);
    std::set<std::string> ids;
    for (const ContentItem& it : c.items) {
        INFO(it.id);
        CHECK(ids.insert(it.id).second);
        CHECK((it.persona == "p_xiaowan" || it.persona == "p_expert"));
        CHECK((it.account.empty() || it.account.size() == 4));
        for (const std::string& g : it.groups) CHECK((g.size() == 2 && g[0] == 'g' && g[1] >= '1' && g[1] <= '6'));
        CHECK(!it.title.empty());
    }
    const auto occ = expand_occurrences(c.items, kToday - 15, kToday + 25);
    CHECK(occ.size() >= 100);
    CHECK(occ.front().day >= kToday - 10);
    CHECK(occ.back().day <= kToday + 25);  // the rhythm ends at +21; festival posts (双12 warm-up) after
}

TEST_CASE("demo calendar: the checks find its planted problems", "[calendar][demo]") {
    Workspace ws;
    ws.roles = demo_like_roles();
    fill_demo_calendar(ws, kToday);
    const std::map<std::string, int> sizes = {{"important_value", 120}, {"important_develop", 80},
                                              {"important_keep", 60},   {"important_retain", 90},
                                              {"general_value", 300},   {"general_develop", 900},
                                              {"general_keep", 400},    {"general_retain", 1500}};
    const auto fs = check_calendar(CalendarCheckInput{ws.calendar, ws.roles, ws.rules, sizes, kToday - 10, kToday + 20});
    bool moments_promo = false, coupons = false, quiet = false;
    for (const Finding& f : fs) {
        if (f.rule == "calendar.promo_ratio" && finding_args(f, Lang::En)[0] == "Moments") moments_promo = true;
        if (f.rule == "calendar.coupon_overlap" && f.subject == "important_value") coupons = true;
        if (f.rule == "calendar.quiet_hours" && f.subject == "d-late-reminder") quiet = true;
    }
    CHECK(moments_promo);
    CHECK(coupons);
    CHECK(quiet);
    // A believable plan: within the touch caps for every tier with customers, no festival gap in
    // the weeks ahead (its deliberate problems are the three above and the persona's promo share).
    for (const Finding& f : fs) {
        INFO(f.rule << " " << f.subject);
        CHECK(f.rule != "calendar.touches_day");
        CHECK(f.rule != "calendar.touches_week");
        CHECK(f.rule != "calendar.festival_gap");
    }
    CHECK(fs.size() <= 5);
    // Without roles the demo still builds and its Moments week is still promotion-heavy.
    Workspace bare;
    fill_demo_calendar(bare, kToday);
    const auto bare_fs = check_promo_ratio(
        CalendarCheckInput{bare.calendar, bare.roles, bare.rules, {}, kToday - 10, kToday + 20});
    bool flagged = false;
    for (const Finding& f : bare_fs) flagged = flagged || (f.rule == "calendar.promo_ratio" && finding_args(f, Lang::En)[0] == "Moments");
    CHECK(flagged);
}
