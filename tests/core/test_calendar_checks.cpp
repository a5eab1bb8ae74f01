// test_calendar_checks.cpp — each calendar check fires on a plan built to break it, and stays
// quiet on the same plan fixed.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/calendar/checks.hpp"
#include "core/i18n/i18n.hpp"

using namespace yt;

namespace {

const Day kMon = days_from_civil(2026, 3, 2);  // Monday

struct Fixture {
    CalendarPlan plan;
    RolesPlan roles;
    RuleSet rules;
    std::map<std::string, int> sizes = {{"t1", 100}, {"t2", 50}};
    Fixture() {
        Persona a;
        a.id = "pa";
        a.name = "小A";
        a.tiers = {"t1"};
        Persona b;
        b.id = "pb";
        b.tiers = {"t2"};
        roles.personas = {a, b};
        Account wx;
        wx.id = "wx";
        wx.persona = "pa";
        wx.platform = 0;  // WeChat
        Account wc;
        wc.id = "wc";
        wc.persona = "pb";
        wc.platform = 1;  // WeCom
        roles.accounts = {wx, wc};
        Group g1;
        g1.id = "g1";
        g1.name = "一群";
        g1.type = "community";
        g1.owner_account = "wx";
        g1.tiers = {"t1"};
        Group g2 = g1;
        g2.id = "g2";
        Group deal = g1;
        deal.id = "gd";
        deal.type = "deal";
        Group wg = g1;
        wg.id = "gw";
        wg.owner_account = "wc";
        wg.tiers = {"t2"};
        roles.groups = {g1, g2, deal, wg};
    }
    ContentItem& add(const std::string& id, Day day, const char* channel, const char* persona, const char* type,
                     int minute = 600) {
        ContentItem it;
        it.id = id;
        it.day = day;
        it.minute = minute;
        it.channel = channel;
        it.persona = persona;
        it.type = type;
        plan.items.push_back(it);
        return plan.items.back();
    }
    std::vector<Finding> run(std::vector<Finding> (*check)(const CalendarCheckInput&), Day from, Day to) {
        return check(CalendarCheckInput{plan, roles, rules, sizes, from, to});
    }
};

std::vector<Finding> only(const std::vector<Finding>& fs, const std::string& rule) {
    std::vector<Finding> out;
    for (const Finding& f : fs)
        if (f.rule == rule) out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("promotion share on Moments over the rolling window", "[calendar][checks]") {
    Fixture fx;
    fx.plan.policies = {ChannelPolicy{"moments", 0.2, 7}};
    for (int d = 0; d < 10; ++d) fx.add("m" + std::to_string(d), kMon + d, "moments", "pa", d < 4 ? "promo" : "life");
    fx.add("long-ago", kMon - 400, "moments", "pb", "promo");  // outside the span: ignored
    auto f = only(fx.run(check_promo_ratio, kMon, kMon + 9), "calendar.promo_ratio");
    REQUIRE(f.size() == 1);  // one finding for the run of bad windows
    CHECK(f[0].subject_kind == "day");
    CHECK(f[0].value == Approx(4.0 / 5.0));  // worst window: the first 5 days (min 5 items), 4 promos
    CHECK(f[0].limit == Approx(0.2));
    CHECK(finding_args(f[0], Lang::Zh)[0] == "朋友圈");  // the channel, named in the reader's language
    CHECK(finding_args(f[0], Lang::En)[0] == "Moments");
    CHECK(finding_message(f[0], Lang::En).find("80%") != std::string::npos);
    // The same week with one promo in seven is fine.
    Fixture ok;
    ok.plan.policies = fx.plan.policies;
    for (int d = 0; d < 10; ++d) ok.add("m" + std::to_string(d), kMon + d, "moments", "pa", d == 3 ? "coupon" : "tryon");
    CHECK(ok.run(check_promo_ratio, kMon, kMon + 9).empty());
}

TEST_CASE("per-persona share when personas share a channel; deal groups allow more", "[calendar][checks]") {
    Fixture fx;
    for (int d = 0; d < 14; ++d) {
        fx.add("a" + std::to_string(d), kMon + d, "moments", "pa", d % 2 ? "promo" : "life");  // 50 %
        fx.add("b" + std::to_string(d), kMon + d, "moments", "pb", "tutorial");
        fx.add("c" + std::to_string(d), kMon + d, "moments", "pb", "review");
    }
    auto fs = fx.run(check_promo_ratio, kMon, kMon + 13);
    auto persona = only(fs, "calendar.promo_ratio_persona");
    REQUIRE(persona.size() == 1);
    CHECK(persona[0].subject == "pa");
    CHECK(persona[0].args[10].str() == "小A");
    CHECK(only(fs, "calendar.promo_ratio").empty());  // 7 of 42 overall is under 20 %

    Fixture deal;
    for (int d = 0; d < 10; ++d) {  // P P L P P L …: never more than 4 promotions in 5 days
        const char* type = d % 3 == 2 ? "life" : "promo";
        deal.add("d" + std::to_string(d), kMon + d, "group", "pa", type).groups = {"gd"};
        deal.add("c" + std::to_string(d), kMon + d, "group", "pa", type).groups = {"g1"};
    }
    auto dfs = deal.run(check_promo_ratio, kMon, kMon + 9);
    REQUIRE(dfs.size() == 1);  // the community group (30 % policy) is flagged, the deal group (80 %) is not
    CHECK(finding_args(dfs[0], Lang::En)[0] == "Group");
    CHECK(channel_policy(deal.plan, deal.rules, "group_deal").max_promo_share == Approx(0.8));
    deal.rules.rules.push_back(Rule{"calendar.deal_group_max_promo_share", 0.5, "ratio", "", "", ""});
    CHECK(deal.run(check_promo_ratio, kMon, kMon + 9).size() == 2);
}

TEST_CASE("touches per customer across channels by tier", "[calendar][checks]") {
    Fixture fx;
    for (int d = 0; d < 7; ++d) {
        for (int k = 0; k < 2; ++k)
            fx.add("m" + std::to_string(d) + "_" + std::to_string(k), kMon + d, "moments", "pa", "life");
        // Two community groups of tier t1 each get a daily message: a customer is in one of them.
        fx.add("g1_" + std::to_string(d), kMon + d, "group", "pa", "tutorial").groups = {"g1"};
        fx.add("g2_" + std::to_string(d), kMon + d, "group", "pa", "tutorial").groups = {"g2"};
    }
    // Without the rule in the workspace the shipped weight applies (0.3: not every friend sees
    // every post), not 1.0: 2 × 0.3 + the busiest group's 1 message.
    REQUIRE_FALSE(fx.rules.find("calendar.moments_touch_weight"));
    CHECK(touches_by_tier(CalendarCheckInput{fx.plan, fx.roles, fx.rules, fx.sizes, kMon, kMon + 6})["t1"][0] == Approx(1.6));
    // One post = one touch when the brand says so.
    fx.rules.rules.push_back(Rule{"calendar.moments_touch_weight", 1.0, "ratio", "", "", ""});
    const CalendarCheckInput in{fx.plan, fx.roles, fx.rules, fx.sizes, kMon, kMon + 6};
    auto per = touches_by_tier(in);
    REQUIRE(per.count("t1"));
    CHECK(per["t1"][0] == Approx(3.0));  // 2 Moments + the busiest group's 1 message
    CHECK(per["t2"][0] == Approx(0.0));
    auto fs = check_touch_caps(in);
    REQUIRE(fs.size() == 1);  // 3 a day is at the daily cap; 21 a week is over the weekly cap of 10
    CHECK(fs[0].rule == "calendar.touches_week");
    CHECK(fs[0].subject == "t1");
    CHECK(fs[0].value == Approx(21.0));
    CHECK(fs[0].limit == Approx(10.0));
    CHECK(fs[0].args[5].str() == "100");
    // A private message aimed at t1 on Wednesday tips that day over the daily cap.
    fx.add("p", kMon + 2, "private", "pb", "review").tiers = {"t1"};
    auto fs2 = check_touch_caps(CalendarCheckInput{fx.plan, fx.roles, fx.rules, fx.sizes, kMon, kMon + 6});
    auto day = only(fs2, "calendar.touches_day");
    REQUIRE(day.size() == 1);
    CHECK(day[0].value == Approx(4.0));
    CHECK(day[0].args[3].str() == format_day(kMon + 2));
    CHECK(day[0].args[4].str() == format_day(kMon + 2));
    // Moments weighted down (rule) brings the week under the cap.
    fx.rules.rules.back().value = 0.1;
    fx.plan.items.pop_back();
    CHECK(check_touch_caps(CalendarCheckInput{fx.plan, fx.roles, fx.rules, fx.sizes, kMon, kMon + 6}).empty());
}

TEST_CASE("WeCom mass-message quota per customer and per group per month", "[calendar][checks]") {
    Fixture fx;
    const Day may1 = days_from_civil(2026, 5, 1);
    ContentItem& daily = fx.add("daily", may1, "private", "pb", "tutorial");  // pb's only account is WeCom
    daily.repeat.kind = "daily";
    const Day may31 = days_from_civil(2026, 5, 31);
    CHECK(fx.run(check_wecom_quota, may1, may31).empty());  // 31 in a 31-day month is allowed
    fx.add("extra", may1 + 3, "private", "pb", "promo");
    auto fs = fx.run(check_wecom_quota, may1, may31);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].subject_kind == "tier");
    CHECK(fs[0].subject == "t2");
    CHECK(fs[0].value == Approx(32));
    CHECK(fs[0].limit == Approx(31));
    CHECK(fs[0].severity == Severity::Error);
    CHECK(fs[0].args[1].str() == "2026-05");
    // Typed by the owner one by one (not the mass-send tool), the same private messages do not count.
    fx.plan.items[1].sent_as = "owner";
    CHECK(fx.run(check_wecom_quota, may1, may31).empty());
    fx.plan.items[1].sent_as = "";
    fx.rules.rules.push_back(Rule{"wecom.mass_quota_month", 30, "per_month", "", "", ""});
    CHECK(fx.run(check_wecom_quota, may1, may31).size() == 1);
    // The same plan sent from a personal WeChat account is not a WeCom mass send.
    fx.plan.items[0].account = "wx";
    fx.plan.items[1].account = "wx";
    CHECK(fx.run(check_wecom_quota, may1, may31).empty());
    // Customer groups owned by a WeCom account: 31 + 1 messages to group gw in May.
    Fixture g;
    ContentItem& gd = g.add("gdaily", may1, "group", "pb", "life");
    gd.repeat.kind = "daily";
    gd.groups = {"gw", "g1"};  // g1 is owned by a WeChat account: not counted
    g.add("gextra", may1, "group", "pb", "promo").groups = {"gw"};
    // Posts typed in the group by its owner (the default for group posts) are not mass sends.
    CHECK(g.run(check_wecom_quota, may1, may31).empty());
    g.plan.items[1].sent_as = "owner";
    CHECK(g.run(check_wecom_quota, may1, may31).empty());
    // Sent through the mass-send tool, they count.
    for (ContentItem& it : g.plan.items) it.sent_as = "mass";
    auto gf = g.run(check_wecom_quota, may1, may31);
    REQUIRE(gf.size() == 1);
    CHECK(gf[0].subject_kind == "group");
    CHECK(gf[0].subject == "gw");
}

TEST_CASE("quiet hours", "[calendar][checks]") {
    Fixture fx;
    fx.add("late", kMon, "private", "pa", "life", 23 * 60).repeat.kind = "daily";
    fx.add("early", kMon, "moments", "pa", "life", 7 * 60 + 59);
    fx.add("fine", kMon, "moments", "pa", "life", 21 * 60 + 59);
    fx.add("morning", kMon, "moments", "pa", "life", 8 * 60);
    auto fs = fx.run(check_quiet_hours, kMon, kMon + 6);
    REQUIRE(fs.size() == 2);  // one per item, not per occurrence; in time order
    CHECK(fs[0].subject == "early");
    CHECK(fs[1].subject == "late");
    CHECK(fs[1].args[1].str() == "23:00");
    CHECK(fs[1].args[2].str() == "22:00");
    fx.plan.quiet_from = 13 * 60;  // a lunch-break rule instead
    fx.plan.quiet_to = 14 * 60;
    fx.add("lunch", kMon, "group", "pa", "life", 13 * 60 + 30);
    auto lunch = fx.run(check_quiet_hours, kMon, kMon + 6);
    REQUIRE(lunch.size() == 1);
    CHECK(lunch[0].subject == "lunch");
    fx.plan.quiet_from = fx.plan.quiet_to;  // equal = no quiet hours
    CHECK(fx.run(check_quiet_hours, kMon, kMon + 6).empty());
}

TEST_CASE("overlapping coupons and campaigns for the same tier", "[calendar][checks]") {
    Fixture fx;
    ContentItem& a = fx.add("ca", kMon, "private", "pa", "coupon");
    a.coupon_id = "A";
    a.coupon_from = kMon;
    a.coupon_to = kMon + 4;
    a.tiers = {"t1", "t2"};
    ContentItem& b = fx.add("cb", kMon + 3, "private", "pa", "coupon");
    b.coupon_id = "B";
    b.coupon_from = kMon + 3;
    b.coupon_to = kMon + 7;
    b.tiers = {"t2"};
    ContentItem& c = fx.add("cc", kMon + 1, "private", "pa", "coupon");
    c.coupon_id = "C";
    c.coupon_from = kMon + 1;
    c.coupon_to = kMon + 2;
    c.tiers = {"t3"};  // no such tier in the sizes: nobody receives it
    fx.add("announce", kMon + 3, "moments", "pa", "coupon");  // no coupon id: content, not a coupon
    auto fs = only(fx.run(check_overlaps, kMon, kMon + 13), "calendar.coupon_overlap");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].subject == "t2");
    CHECK(fs[0].value == Approx(2));  // days kMon+3 .. kMon+4
    CHECK(fs[0].args[1].str() == "A");
    CHECK(fs[0].args[2].str() == "B");
    CHECK(fs[0].args[3].str() == format_day(kMon + 3));

    Fixture p;
    for (int d = 0; d < 5; ++d) p.add("x" + std::to_string(d), kMon + d, "moments", "pa", "promo").campaign = "X";
    p.add("y", kMon + 4, "group", "pa", "launch").campaign = "Y";  // g1 → tier t1
    p.plan.items.back().groups = {"g1"};
    p.add("z", kMon + 2, "private", "pb", "promo").campaign = "Z";  // tier t2: no overlap with t1
    auto pf = only(p.run(check_overlaps, kMon, kMon + 13), "calendar.promo_overlap");
    REQUIRE(pf.size() == 1);
    CHECK(pf[0].subject == "t1");
    CHECK(pf[0].args[1].str() == "X");
    CHECK(pf[0].args[2].str() == "Y");
}

TEST_CASE("empty days before a major festival", "[calendar][checks]") {
    Fixture fx;
    const Day d11 = days_from_civil(2026, 11, 11);
    fx.add("after", d11 + 1, "moments", "pa", "life");
    auto fs = fx.run(check_festival_gaps, d11 - 20, d11 + 5);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].subject == "2026-11-11");
    CHECK(finding_args(fs[0], Lang::Zh)[0] == "双11");
    CHECK(fs[0].args[2].str() == "3");
    fx.add("warm", d11 - 2, "moments", "pa", "tryon");
    CHECK(fx.run(check_festival_gaps, d11 - 20, d11 + 5).empty());
    // A range starting on the festival itself cannot say anything about the days before.
    Fixture empty;
    CHECK(empty.run(check_festival_gaps, d11, d11 + 5).empty());
}

TEST_CASE("all findings carry translated messages and fixes", "[calendar][checks]") {
    Fixture fx;
    fx.plan.policies = {ChannelPolicy{"moments", 0.2, 7}};
    for (int d = 0; d < 14; ++d) {
        for (int k = 0; k < 4; ++k) fx.add("m" + std::to_string(d * 4 + k), kMon + d, "moments", "pa", k ? "promo" : "life");
        fx.add("n" + std::to_string(d), kMon + d, "private", "pb", "coupon", 23 * 60);
    }
    auto fs = check_calendar(CalendarCheckInput{fx.plan, fx.roles, fx.rules, fx.sizes, kMon, kMon + 13});
    CHECK(fs.size() >= 4);
    for (const Finding& f : fs) {
        INFO(f.rule);
        CHECK(has_tr(f.message));
        CHECK(has_tr(f.fix));
        CHECK(finding_message(f, Lang::Zh).find('{') == std::string::npos);
        CHECK(finding_message(f, Lang::En).find('{') == std::string::npos);
        CHECK(!f.subject.empty());
    }
    CHECK(check_calendar(CalendarCheckInput{fx.plan, fx.roles, fx.rules, fx.sizes, kMon + 5, kMon}).empty());
}
