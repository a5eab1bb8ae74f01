// test_journeys.cpp — journeys measured against hand-made orders: entrants per trigger, the
// repurchase interval, the messages they add to the workload and the steps they add to the touch
// check, and the daily task list exports. Every expected number is worked out in the comments.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/plan/assess.hpp"
#include "core/plan/journey_tasks.hpp"
#include "import_ok.hpp"

using namespace yt;

namespace {

// As of 2026-03-31 (the last order), A:
//   c1  2026-03-20                 first order in (A−30, A]; bought in the last 30 and 90 days
//   c2  2026-01-01, 2026-03-25     bought in the last 30 and 90 days; interval 83 days
//   c3  2026-02-10                 last order in (A−60, A−30]: dormant_30; bought in the last 90
//   c4  2025-12-01                 none of the windows
//   c5  2026-01-15, 2026-02-14     dormant_30; bought in the last 90; interval 30 days
//   c6  2026-03-31                 first order on A (in the window), bought in the last 30 and 90
// So a day: first_purchase 2/30, after_sale 3/30 (c1, c2, c6), dormant_30 2/30, repurchase 5/90;
// the median interval of 83 and 30 is 56.5 days (the repurchase journey starts 50 days after).
const char* kOrders =
    "customer,date,amount\n"
    "c1,2026-03-20,100\n"
    "c2,2026-01-01,80\n"
    "c2,2026-03-25,90\n"
    "c3,2026-02-10,60\n"
    "c4,2025-12-01,50\n"
    "c5,2026-01-15,70\n"
    "c5,2026-02-14,75\n"
    "c6,2026-03-31,40\n";

Workspace plan() {
    Workspace ws;
    ws.rules = default_rules();
    Persona p;
    p.id = "p1";
    p.name = "小鱼";
    ws.roles.personas = {p};
    Account a1, a2;
    a1.id = "a1";
    a1.name = "小鱼-1";
    a1.persona = "p1";
    a1.operator_id = "op1";
    a1.friends = 300;
    a2 = a1;
    a2.id = "a2";
    a2.name = "小鱼-2";
    a2.friends = 100;
    ws.roles.accounts = {a1, a2};
    Operator op;
    op.id = "op1";
    op.name = "小周";
    ws.roles.operators = {op};
    // After-sale follow-up on days 0 (sent by a1), 2 (persona p1: a1 and a2 by friends, 3:1) and
    // 3 (any account: also 3:1). One customer: at most 1 step a day, 3 in a week.
    Sop s;
    s.id = "after";
    s.name = "售后回访";
    s.trigger = "after_sale";
    SopStep st;
    st.channel = "private";
    st.type = "life";
    st.title = "收货回访";
    st.account = "a1";
    s.steps.push_back(st);
    st.day = 2;
    st.account.clear();
    st.persona = "p1";
    st.title = "使用教程";
    s.steps.push_back(st);
    st.day = 3;
    st.persona.clear();
    st.title = "邀请评价";
    st.coupon = "晒单券";
    s.steps.push_back(st);
    ws.calendar.sops = {s};
    return ws;
}

const OperatorLoad& op1(const Assessment& a) {
    REQUIRE(a.roles.workload.operators.size() == 1);
    return a.roles.workload.operators[0];
}

}  // namespace

TEST_CASE("journeys: entrants a day per trigger and the measured repurchase interval", "[journeys]") {
    const ImportResult orders = test::import_ok(kOrders);
    const Assessment a = assess(plan(), &orders.orders, std::nullopt);
    const JourneyFigures& j = a.journeys;
    REQUIRE(j.from_orders);
    CHECK(format_day(j.as_of) == "2026-03-31");
    CHECK(j.triggers.at("first_purchase").per_day == Approx(2.0 / 30));
    CHECK(j.triggers.at("after_sale").per_day == Approx(3.0 / 30));
    CHECK(j.triggers.at("dormant_30").per_day == Approx(2.0 / 30));
    CHECK(j.triggers.at("repurchase").per_day == Approx(5.0 / 90));
    CHECK(j.triggers.at("birthday").per_day == 0);  // no birthday column
    CHECK(j.repurchase_interval_days == Approx(56.5));
    CHECK(j.repeat_buyers == 2);
    CHECK(repurchase_start_days(j) == 50);
    const JourneyFigure* f = j.journey("after");
    REQUIRE(f);
    CHECK(f->inflow_per_day == Approx(0.1));
    CHECK(f->messages_per_day == Approx(0.3));
    CHECK(f->shape.peak_day == 1);
    CHECK(f->shape.peak_week == 3);
}

TEST_CASE("a journey's messages reach the operator's workload, by sender", "[journeys][workload]") {
    const ImportResult orders = test::import_ok(kOrders);
    Workspace ws = plan();
    const Assessment on = assess(ws, &orders.orders, std::nullopt);
    ws.calendar.sops[0].enabled = false;
    const Assessment off = assess(ws, &orders.orders, std::nullopt);
    // 0.1 customers a day × 3 steps = 0.3 messages a day, all on op1's accounts:
    //   a1: day 0 (0.1) + day 2 (0.1 × 3/4) + day 3 (0.1 × 3/4) = 0.25
    //   a2: day 2 (0.1 × 1/4) + day 3 (0.1 × 1/4)              = 0.05
    CHECK(op1(on).journey_per_day == Approx(0.3));
    CHECK(op1(off).journey_per_day == 0);
    CHECK(op1(on).chats_per_day - op1(off).chats_per_day == Approx(0.3));
    const auto& acc = on.roles.workload.accounts;
    REQUIRE(acc.size() == 2);
    CHECK(acc[0].journey_per_day == Approx(0.25));
    CHECK(acc[1].journey_per_day == Approx(0.05));
    // An hour at 30 chats: 0.3 / 30 = 0.01 hours more.
    CHECK(op1(on).hours_needed - op1(off).hours_needed == Approx(0.01));
}

TEST_CASE("a journey's steps count in the touches per customer of its entrants' segments", "[journeys][calendar]") {
    const ImportResult orders = test::import_ok(kOrders);
    Workspace ws = plan();
    // A private message every day to everyone: 7 touches a week. With the journey's 3 steps a
    // week, the after-sale entrants' segments reach 10 — over a weekly cap of 9; the others stay
    // at 7. A day: 1 + 1 = 2, under the daily cap of 3.
    ContentItem daily;
    daily.id = "daily";
    daily.day = *parse_day("2026-03-01");
    daily.channel = "private";
    daily.persona = "p1";
    daily.type = "life";
    daily.title = "早安";
    daily.repeat.kind = "daily";
    ws.calendar.items = {daily};
    for (Rule& r : ws.rules.rules)
        if (r.id == "calendar.max_touches_week") r.value = 9;
    const Assessment a = assess(ws, &orders.orders, std::nullopt);
    REQUIRE(a.tiers.tiers);
    const auto& seg = a.tiers.tiers->segments.segment;
    std::set<std::string> entrants;  // the segments of c1, c2 and c6 (customers 0, 1 and 5)
    for (std::size_t c : {0u, 1u, 5u}) entrants.insert(segment_key(seg[c]));
    std::set<std::string> flagged;
    for (const Finding& f : a.calendar.findings) {
        if (f.rule == "calendar.touches_day") FAIL("no day is over: " << f.subject);
        if (f.rule != "calendar.touches_week") continue;
        flagged.insert(f.subject);
        CHECK(f.value == Approx(10));
        CHECK(f.message == "calendar.finding.touches_week_journey");
        CHECK(f.args[6].str() == "3");
    }
    CHECK(flagged == entrants);
    // The Calendar view's figures add the same: its busiest week for an entrant's segment is 10.
    for (const TierLoad& l : a.calendar.load(*parse_day("2026-03-09"), *parse_day("2026-03-15")))
        CHECK(l.max_week == Approx(entrants.count(l.tier) ? 10 : 7));
    // Switched off, the journey adds nothing: 7 a week everywhere.
    ws.calendar.sops[0].enabled = false;
    const Assessment off = assess(ws, &orders.orders, std::nullopt);
    for (const Finding& f : off.calendar.findings) CHECK(f.rule != "calendar.touches_week");
}

TEST_CASE("the journeys' daily task list per operator and its exports", "[journeys][exports]") {
    const ImportResult orders = test::import_ok(kOrders);
    const Workspace ws = plan();
    const Assessment a = assess(ws, &orders.orders, std::nullopt);
    JourneyTaskOptions opt;
    opt.from = *parse_day("2026-04-01");
    opt.to = *parse_day("2026-04-02");
    // Two days × (a1's step 0, steps 2 and 3 on a1 and a2) = 2 × 5 tasks.
    const std::vector<JourneyTask> tasks = journey_tasks(ws, a.journeys, opt);
    REQUIRE(tasks.size() == 10);
    CHECK(tasks[0].day == opt.from);
    CHECK(tasks[0].account == "a1");
    CHECK(tasks[0].customers == Approx(0.1));
    double a2 = 0;
    for (const JourneyTask& t : tasks)
        if (t.account == "a2") a2 += t.customers;
    CHECK(a2 == Approx(2 * 0.05));
    opt.who = "nobody";
    CHECK(journey_tasks(ws, a.journeys, opt).empty());
    opt.who = "op1";
    const std::string csv = export_journey_tasks_csv(ws, tasks, opt);
    CHECK(csv.rfind("日期,运营,账号,旅程,第几天,渠道,内容,话术,优惠券,预计人数\r\n", 0) == 0);
    CHECK(csv.find("2026-04-02,小周,小鱼-2,售后回访,3,private,邀请评价,,晒单券,0") != std::string::npos);
    const std::string ics = export_journey_tasks_ics(ws, tasks, opt);
    CHECK(ics.find("UID:journeys-op1-20260401@yutang") != std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:20260402") != std::string::npos);
    std::size_t events = 0;
    for (std::size_t p = ics.find("BEGIN:VEVENT"); p != std::string::npos; p = ics.find("BEGIN:VEVENT", p + 1)) ++events;
    CHECK(events == 2);  // one a day for op1
    const std::string html = export_journey_tasks_html(ws, tasks, opt);
    CHECK(html.find("<h2>2026-04-01</h2>") != std::string::npos);
    CHECK(html.find("小周") != std::string::npos);
}

TEST_CASE("a journey naming an audience counts only its members", "[journeys][audiences]") {
    const ImportResult orders = test::import_ok(kOrders);
    Workspace ws = plan();
    const Assessment plain = assess(ws, &orders.orders, std::nullopt);
    REQUIRE(plain.tiers.tiers);
    const auto& seg = plain.tiers.tiers->segments.segment;
    // The audience: the segment c1 is in. Its after-sale entrants are those of c1, c2, c6 that
    // share that segment (c1 at least), over 30 days.
    const std::string key = segment_key(seg[0]);
    int members = 0;
    for (std::size_t c : {0u, 1u, 5u}) members += segment_key(seg[c]) == key;
    Audience au;
    au.id = "a_seg";
    au.name = "同层";
    AudienceCondition cond;
    cond.field = "segment";
    cond.values = {key};
    au.conditions = {cond};
    ws.audiences = {au};
    ws.calendar.sops[0].audience = "a_seg";
    const Assessment a = assess(ws, &orders.orders, std::nullopt);
    const JourneyFigure* f = a.journeys.journey("after");
    REQUIRE(f);
    CHECK(f->audience_ok);
    CHECK(f->inflow_per_day == Approx(members / 30.0));
    CHECK(f->tiers == std::vector<std::string>{key});
    CHECK(op1(a).journey_per_day == Approx(3 * members / 30.0));
    // A journey naming an audience that is not there lets no one in.
    ws.calendar.sops[0].audience = "gone";
    const Assessment b = assess(ws, &orders.orders, std::nullopt);
    CHECK_FALSE(b.journeys.journey("after")->audience_ok);
    CHECK(b.journeys.journey("after")->inflow_per_day == 0);
    CHECK(op1(b).journey_per_day == 0);
}

TEST_CASE("journey steps sent through WeCom mass sending count against the monthly mass quota", "[journeys][wecom]") {
    const ImportResult orders = test::import_ok(kOrders);
    Workspace ws = plan();
    for (Rule& r : ws.rules.rules)
        if (r.id == "wecom.mass_quota_month") r.value = 1;
    // Sent one by one (the default), the steps are no mass sends: no quota finding.
    auto quota_subjects = [&](const Assessment& a) {
        std::set<std::string> out;
        for (const Finding& f : a.calendar.findings)
            if (f.rule == "wecom.mass_quota") {
                out.insert(f.subject);
                CHECK(f.message == "calendar.finding.wecom_quota_tier_journey");
                CHECK(f.value == Approx(2));
                CHECK(f.args[4].str() == "2");
            }
        return out;
    };
    CHECK(quota_subjects(assess(ws, &orders.orders, std::nullopt)).empty());
    // Days 0 and 2 through the mass-send tool: two within 31 days for one customer, over a quota
    // of 1, in each segment the after-sale entrants (c1, c2, c6) are in.
    ws.calendar.sops[0].steps[0].sent_as = "mass";
    ws.calendar.sops[0].steps[1].sent_as = "mass";
    const Assessment a = assess(ws, &orders.orders, std::nullopt);
    REQUIRE(a.tiers.tiers);
    std::set<std::string> entrants;
    for (std::size_t c : {0u, 1u, 5u}) entrants.insert(segment_key(a.tiers.tiers->segments.segment[c]));
    CHECK(quota_subjects(a) == entrants);
    CHECK(a.journeys.journey("after")->shape.mass_month == 2);
}
