// test_groups.cpp — customer-group statistics import, health figures and flags ([groups]).
//
// Fixtures under tests/data/groups/ (see its README). Expected figures worked out by hand:
//   daily_utf8.csv, 花漾福利1群: members 400 then 408 (average 404), joins 10+6 = 16, quits 2+4 = 6,
//     growth 10, churn 6/404 = 0.014851, speaking mean(40/400, 30/408) = 0.086765,
//     messages 210: per member 210/404 = 0.519802, per member-day 210/808 = 0.259901 -> healthy.
//   花漾福利2群: 200 then 195 (average 197.5), joins 1, quits 6, growth -5, churn 6/197.5 = 0.030380,
//     speaking mean(2/200, 4/195) = 0.015256 < 0.05, per member-day 3/395 = 0.007595 < 0.02 -> zombie.
//   小婉晒单群: speaking mean(0, 1/60) = 0.008333, no messages -> zombie.
//   period_gb18030.csv (30 days), 阿杰护肤课堂: 180 members, growth 30-12 = 18, churn 12/180,
//     speaking 54/180 = 0.3, per member 900/180 = 5, per member-day 900/5400 = 0.166667 -> healthy.
//   花漾黑金会员群: speaking 3/120 = 0.025, per member-day 30/3600 = 0.008333 -> zombie.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/groups/group_health.hpp"
#include "core/groups/group_stats.hpp"
#include "core/i18n/i18n.hpp"
#include "core/plan/assess_groups.hpp"
#include "core/plan/demo.hpp"
#include "core/roles/koc_role.hpp"
#include "core/rules/rule_value.hpp"
#include "test_paths.hpp"

using namespace yt;
using Catch::Detail::Approx;

namespace {
GroupStatsFile read_fixture(const std::string& name) {
    auto r = read_group_stats(test::source_text("tests/data/groups/" + name), name);
    if (!r) FAIL(r.error().code << " line " << r.error().where.line);
    return *r;
}
const GroupHealth& find(const std::vector<GroupHealth>& v, const std::string& name) {
    for (const auto& g : v) if (g.name == name) return g;
    FAIL("no group " << name);
    return v.front();
}
}  // namespace

TEST_CASE("group stats: a per-day UTF-8 file with Chinese headers", "[groups]") {
    const GroupStatsFile f = read_fixture("daily_utf8.csv");
    CHECK(f.encoding == std::string("utf-8"));
    CHECK(f.per_day);
    REQUIRE(f.rows.size() == 6);
    CHECK(f.rows[0].name == "花漾福利1群");
    CHECK(f.rows[0].owner == "小周");
    CHECK(f.rows[0].line == 2);
    CHECK(f.rows[1].first == days_from_civil(2024, 3, 2));
    CHECK(f.rows[1].members == 408);
    CHECK(f.rows[1].joins == 6);
    CHECK(f.rows[1].quits == 4);
    CHECK(f.rows[1].speakers == 30);
    CHECK(f.rows[1].messages == 90);
}

TEST_CASE("group stats: period form in GB18030 and UTF-16, title line skipped", "[groups]") {
    for (const char* name : {"period_gb18030.csv", "period_utf16.txt"}) {
        const GroupStatsFile f = read_fixture(name);
        CHECK(f.encoding == std::string(std::string(name).find("16") != std::string::npos ? "utf-16le" : "gb18030"));
        CHECK_FALSE(f.per_day);
        REQUIRE(f.rows.size() == 2);
        CHECK(f.rows[0].name == "阿杰护肤课堂");
        CHECK(f.rows[0].line == 3);
        CHECK(f.rows[0].first == days_from_civil(2024, 3, 1));
        CHECK(f.rows[0].last == days_from_civil(2024, 3, 30));
        CHECK(f.rows[1].members == 120);
        CHECK(f.rows[1].messages == 30);
    }
}

TEST_CASE("group stats: bad input names the line, column and header", "[groups]") {
    auto bad = read_group_stats(test::source_text("tests/data/groups/bad_count.csv"), "bad_count.csv");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "groups.bad_count");
    CHECK(bad.error().where.line == 3);
    CHECK(bad.error().where.column == 4);
    CHECK(bad.error().where.field == "群人数");
    CHECK(bad.error().args.at(0) == "很多");
    CHECK(describe(bad.error(), Lang::En).find("line 3") != std::string::npos);

    auto miss = read_group_stats(test::source_text("tests/data/groups/missing_members.csv"));
    REQUIRE_FALSE(miss);
    CHECK(miss.error().code == "groups.missing_columns");
    CHECK(miss.error().args.at(0) == "群人数");

    CHECK(read_group_stats("").error().code == "io.empty_file");
    CHECK(read_group_stats(std::string("PK\x03\x04\x00\x00\x01\x02", 8)).error().code != "");
    auto date = read_group_stats("群名称,日期,群人数\nA,2024-13-45,10\n");
    REQUIRE_FALSE(date);
    CHECK(date.error().code == "io.bad_date");
    CHECK(date.error().where.line == 2);
    auto period = read_group_stats("群名称,统计周期,群人数\nA,2024-03-09~2024-03-01,10\n");
    REQUIRE_FALSE(period);
    CHECK(period.error().code == "groups.bad_period");
    CHECK(read_group_stats("群名称,群人数\n").error().code == "io.header_only");
    auto noname = read_group_stats("群名称,群人数\n,10\n");
    CHECK(noname.error().code == "groups.no_name");
}

TEST_CASE("group health: per-day figures and the zombie flag", "[groups]") {
    const auto f = read_fixture("daily_utf8.csv");
    const auto h = assess_group_health(f, GroupHealthThresholds{0.05, 0.02}, {});
    REQUIRE(h.size() == 3);
    const GroupHealth& g1 = find(h, "花漾福利1群");
    CHECK(g1.days == 2);
    CHECK(g1.members == 408);
    CHECK(g1.avg_members == Approx(404));
    CHECK(g1.growth == Approx(10));
    CHECK(g1.churn == Approx(6.0 / 404));
    CHECK(g1.speaking_ratio == Approx((0.1 + 30.0 / 408) / 2));
    CHECK(g1.msgs_per_member == Approx(210.0 / 404));
    CHECK(g1.msgs_per_member_day == Approx(210.0 / 808));
    CHECK_FALSE(g1.zombie);
    const GroupHealth& g2 = find(h, "花漾福利2群");
    CHECK(g2.growth == Approx(-5));
    CHECK(g2.churn == Approx(6.0 / 197.5));
    CHECK(g2.speaking_ratio == Approx((0.01 + 4.0 / 195) / 2));
    CHECK(g2.msgs_per_member_day == Approx(3.0 / 395));
    CHECK(g2.zombie);
    CHECK(find(h, "小婉晒单群").zombie);
    // A lower speaking threshold clears 花漾福利2群 (0.0153) but not 小婉晒单群 (0.0083).
    const auto h2 = assess_group_health(f, GroupHealthThresholds{0.01, 0.02}, {});
    CHECK_FALSE(find(h2, "花漾福利2群").zombie);
    CHECK(find(h2, "小婉晒单群").zombie);
}

TEST_CASE("group health: period figures; without dates only the speaking ratio judges", "[groups]") {
    const auto h = assess_group_health(read_fixture("period_gb18030.csv"), GroupHealthThresholds{}, {});
    const GroupHealth& g4 = find(h, "阿杰护肤课堂");
    CHECK(g4.days == 30);
    CHECK(g4.growth == Approx(18));
    CHECK(g4.churn == Approx(12.0 / 180));
    CHECK(g4.speaking_ratio == Approx(0.3));
    CHECK(g4.msgs_per_member == Approx(5));
    CHECK(g4.msgs_per_member_day == Approx(900.0 / 5400));
    CHECK_FALSE(g4.zombie);
    const GroupHealth& g5 = find(h, "花漾黑金会员群");
    CHECK(g5.speaking_ratio == Approx(0.025));
    CHECK(g5.msgs_per_member_day == Approx(30.0 / 3600));
    CHECK(g5.zombie);

    auto undated = read_group_stats("群名称,群人数,发言人数,消息数\nA,100,2,1000\nB,100,20,0\n");
    REQUIRE(undated);
    const auto hu = assess_group_health(*undated, GroupHealthThresholds{}, {});
    CHECK(std::isnan(hu[0].msgs_per_member_day));
    CHECK(hu[0].msgs_per_member == Approx(10));
    CHECK(hu[0].zombie);  // 2% speaking, no per-day figure to say otherwise
    CHECK_FALSE(hu[1].zombie);
    CHECK(std::isnan(hu[0].growth));
}

TEST_CASE("group health: KOC and 团长 are told apart; deal groups without either are flagged", "[groups]") {
    Koc k;
    k.incentive = "新品试用 + 晒单抽奖";
    CHECK(koc_role(k) == KocRole::Koc);
    k.incentive = "每单 8% 佣金";
    CHECK(koc_role(k) == KocRole::Leader);
    k.incentive = "Commission 10 per order";
    CHECK(koc_role(k) == KocRole::Leader);

    RolesPlan roles;
    Group a; a.id = "a"; a.name = "团购A群"; a.type = "deal";
    Group b; b.id = "b"; b.name = "团购B群"; b.type = "deal";
    Group c; c.id = "c"; c.name = "闲聊群"; c.type = "community";
    roles.groups = {a, b, c};
    Koc leader; leader.id = "l"; leader.groups = {"a"}; leader.incentive = "提成 5%"; leader.status = "active";
    Koc paused; paused.id = "p"; paused.groups = {"b"}; paused.incentive = "试用"; paused.status = "paused";
    roles.kocs = {leader, paused};
    const auto roster = group_roster(roles);
    REQUIRE(roster.size() == 3);
    CHECK(roster[0].active_leaders == 1);
    CHECK(roster[0].active_kocs == 0);
    CHECK(roster[1].active_kocs + roster[1].active_leaders == 0);

    auto f = read_group_stats("群名称,群人数\n团购A群,100\n 团购B群 ,100\n闲聊群,50\n外部群,10\n");
    REQUIRE(f);
    const auto h = assess_group_health(*f, GroupHealthThresholds{}, roster);
    CHECK(h[0].in_plan);
    CHECK_FALSE(h[0].deal_without_lead);
    CHECK(h[1].in_plan);
    CHECK(h[1].plan_id == "b");
    CHECK(h[1].deal_without_lead);
    CHECK_FALSE(h[2].deal_without_lead);  // not a deal group
    CHECK_FALSE(h[3].in_plan);
}

TEST_CASE("group health: the demo workspace and the zombie rules", "[groups]") {
    const Workspace ws = demo_workspace(days_from_civil(2024, 3, 31));
    REQUIRE(ws.rules.find("group.zombie_speaking_ratio"));
    CHECK(rule_value(ws.rules, "group.zombie_speaking_ratio") == Approx(0.05));
    CHECK(rule_value(ws.rules, "group.zombie_msgs_per_member_day") == Approx(0.02));
    CHECK(ws.rules.find("group.zombie_speaking_ratio")->note.find("估计") != std::string::npos);
    const auto h = assess_group_health(ws, read_fixture("daily_utf8.csv"));
    const GroupHealth& g1 = find(h, "花漾福利1群");
    CHECK(g1.plan_id == "g1");
    CHECK(g1.active_kocs == 1);  // k1, rewarded in kind
    CHECK_FALSE(g1.deal_without_lead);
    const GroupHealth& g2 = find(h, "花漾福利2群");
    CHECK(g2.deal_without_lead);
    CHECK_FALSE(find(h, "小婉晒单群").deal_without_lead);
}
