// test_roles.cpp — capacity arithmetic, concentration, workload, handover and the script CSV.
#include <catch2/catch.hpp>

#include "core/edit/edit.hpp"

#include "core/plan/calendar_load.hpp"
#include "core/roles/capacity.hpp"
#include "core/roles/concentration.hpp"
#include "core/plan/demo_roles.hpp"
#include "core/plan/handover.hpp"
#include "core/roles/scripts.hpp"
#include "core/roles/scripts_csv.hpp"
#include "core/roles/workload.hpp"
#include "core/plan/assess_roles.hpp"
#include "core/plan/check.hpp"
#include "core/rules/rule_value.hpp"

using namespace yt;

namespace {

Account acc(const std::string& id, int pl, const std::string& persona, int friends, int planned = 0,
            const std::string& op = "op1") {
    Account a;
    a.id = id;
    a.platform = int(pl);
    a.persona = persona;
    a.friends = friends;
    a.planned_friends = planned;
    a.operator_id = op;
    return a;
}

Persona persona(const std::string& id, std::vector<std::string> tiers = {}) {
    Persona p;
    p.id = id;
    p.tiers = std::move(tiers);
    return p;
}

Group grp(const std::string& id, const std::string& owner, int members) {
    Group g;
    g.id = id;
    g.owner_account = owner;
    g.members = members;
    return g;
}

}  // namespace

TEST_CASE("caps come from the platform rules unless overridden", "[roles]") {
    RuleSet rules = default_rules();
    RolesPlan p;
    p.accounts = {acc("w", kPlatformWeChat, "", 0), acc("c", kPlatformWeCom, "", 0), acc("q", kPlatformQQ, "", 0)};
    CHECK(account_cap(p.accounts[0], rules) == 5000);
    CHECK(account_cap(p.accounts[1], rules) == 5000);
    CHECK(account_cap(p.accounts[2], rules) == 0);
    CHECK(account_cap_rule(p.accounts[0]) == "wechat.friend_cap");
    p.accounts[1].cap_override = 20000;
    CHECK(account_cap(p.accounts[1], rules) == 20000);
    CHECK(account_cap_rule(p.accounts[1]).empty());

    Group g = grp("g", "c", 0);
    CHECK(group_cap(g, p, rules) == 500);
    g.created_by_wechat_user = true;
    CHECK(group_cap(g, p, rules) == 200);
    g.owner_account = "w";  // an ordinary WeChat group holds 500 whoever made it
    CHECK(group_cap(g, p, rules) == 500);
    g.owner_account = "q";
    CHECK(group_cap_rule(g, p) == "qq.group_cap");
}

TEST_CASE("containers_needed and month_full", "[roles]") {
    CHECK(containers_needed(0, 0, 0, 5000) == 0);
    CHECK(containers_needed(4000, 5000, 1, 5000) == 1);
    CHECK(containers_needed(5000, 5000, 1, 5000) == 1);
    CHECK(containers_needed(5001, 5000, 1, 5000) == 2);
    CHECK(containers_needed(15000, 5000, 1, 5000) == 3);
    CHECK(containers_needed(15001, 5000, 1, 5000) == 4);
    CHECK(month_full(5000, 5000, 100) == 0);
    CHECK(month_full(4720, 5000, 300) == 1);
    CHECK(month_full(4400, 5000, 300) == 2);  // exactly full at the end of month 2
    CHECK(month_full(4399, 5000, 300) == 3);
    CHECK(month_full(4000, 5000, 0) == -1);
}

TEST_CASE("capacity: growth split, projection and what each persona needs", "[roles]") {
    RuleSet rules = default_rules();
    RolesPlan p;
    p.personas = {persona("p1"), persona("p2")};
    p.accounts = {
        acc("a1", kPlatformWeChat, "p1", 4720, 4720 + 6 * 300),  // planned: +300/month
        acc("a2", kPlatformWeChat, "p1", 3000),
        acc("a3", kPlatformWeChat, "p2", 1000),
    };
    p.monthly_new_friends = 800;  // split 3:1 over a2 and a3
    p.groups = {grp("g1", "a1", 472), grp("g2", "a3", 100)};
    CapacityReport r = capacity(p, rules, CapacityOptions{6, {}});
    REQUIRE(r.accounts.size() == 3);
    CHECK(r.horizon_months == 6);

    const AccountCapacity& a1 = r.accounts[0];
    CHECK(a1.cap == 5000);
    CHECK(a1.growth == Approx(300));
    CHECK(a1.planned == Approx(6520));
    CHECK(a1.utilisation == Approx(0.944));
    CHECK(a1.months_until_full == Approx(280.0 / 300));
    CHECK(r.accounts[1].growth == Approx(600));
    CHECK(r.accounts[2].growth == Approx(200));
    CHECK(r.accounts[2].months_until_full == Approx(20));

    // g1 grows at a1's rate (300/4720 a month): 472 -> +30/month.
    CHECK(r.groups[0].growth == Approx(30));
    CHECK(r.groups[0].months_until_full == Approx(28.0 / 30));
    CHECK(r.groups[0].persona == "p1");
    CHECK(r.groups[1].growth == Approx(20));
    CHECK(r.groups[1].qr_limited == false);

    const PersonaCapacity& p1 = r.personas[0];
    CHECK(p1.accounts == 2);
    CHECK(p1.friends == 7720);
    CHECK(p1.cap_total == 10000);
    CHECK(p1.growth == Approx(900));
    CHECK(p1.accounts_needed_now == 2);
    // 7,720 + 5,400 = 13,120 -> 2 + ceil(3,120 / 5,000) = 3.
    CHECK(p1.accounts_needed_at_horizon == 3);
    CHECK(p1.open_new_in_month == 3);  // 2,280 of room / 900 = 2.5
    CHECK(p1.groups == 1);
    CHECK(p1.groups_needed_now == 1);
    CHECK(p1.groups_needed_at_horizon == 2);  // 472 + 180 = 652
    CHECK(p1.open_new_group_in_month == 1);

    const PersonaCapacity& p2 = r.personas[1];
    CHECK(p2.accounts_needed_at_horizon == 1);
    CHECK(p2.open_new_in_month == 20);

    // An explicit growth override wins.
    CapacityOptions o{6, {{"a3", 0}}};
    CapacityReport r2 = capacity(p, rules, o);
    CHECK(r2.accounts[2].growth == 0);
    CHECK(r2.accounts[2].months_until_full == -1);
    CHECK(r2.accounts[1].growth == Approx(800));  // a2 now takes the whole pool forecast
    CHECK(r2.personas[1].open_new_in_month == -1);
}

TEST_CASE("capacity: personas without accounts, uncapped accounts, equal split", "[roles]") {
    RuleSet rules = default_rules();
    RolesPlan p;
    p.personas = {persona("p1"), persona("p2")};
    p.accounts = {acc("a1", kPlatformWeChat, "p1", 0), acc("a2", kPlatformQQ, "p1", 0)};
    p.monthly_new_friends = 100;
    CapacityReport r = capacity(p, rules);
    CHECK(r.accounts[0].growth == Approx(50));
    CHECK(r.accounts[1].growth == Approx(50));
    CHECK(r.accounts[1].months_until_full == -1);  // no known cap
    CHECK(r.personas[0].cap_total == 5000);
    CHECK(r.personas[0].growth == Approx(50));  // the QQ account is left out of the pool
    CHECK(r.personas[0].accounts == 2);
    CHECK(r.personas[0].accounts_needed_now == 2);
    CHECK(r.personas[1].accounts == 0);
    CHECK(r.personas[1].accounts_needed_now == 1);
    CHECK(r.personas[1].open_new_in_month == 0);
    CHECK(r.personas[1].open_new_group_in_month == -1);
}

TEST_CASE("concentration: value, stored share or friends", "[roles]") {
    RolesPlan p;
    p.accounts = {acc("a", kPlatformWeChat, "", 6000), acc("b", kPlatformWeChat, "", 2000),
                  acc("c", kPlatformWeChat, "", 2000)};
    ConcentrationReport r = concentration(p, 0.5);
    CHECK(r.basis == "friends");
    CHECK(r.accounts[0].share == Approx(0.6));
    CHECK(r.accounts[0].over);
    CHECK_FALSE(r.accounts[1].over);
    CHECK(r.max_share == Approx(0.6));

    p.accounts[1].revenue_share = 0.55;
    r = concentration(p, 0.5);
    CHECK(r.basis == "revenue_share");
    CHECK_FALSE(r.accounts[0].over);
    CHECK(r.accounts[1].over);

    r = concentration(p, 0.5, {{"a", {100, 0}}, {"b", {100, 1}}, {"c", {200, 3}}});
    CHECK(r.basis == "value");
    CHECK(r.accounts[0].revenue_share == Approx(0.25));
    CHECK(r.accounts[2].revenue_share == Approx(0.5));
    CHECK(r.accounts[2].high_value_share == Approx(0.75));
    CHECK(r.accounts[2].share == Approx(0.75));
    CHECK(r.accounts[2].over);
    CHECK_FALSE(r.accounts[1].over);  // 25% / 25%
    CHECK(r.accounts[0].friends_share == Approx(0.6));

    RolesPlan empty;
    CHECK(concentration(empty, 0.3).accounts.empty());
}

TEST_CASE("workload: chats from friends or tiers, items from the calendar", "[roles]") {
    RuleSet rules = default_rules();  // 0.3 chats/friend/month, 10 min/item, 30 chats/hour
    RolesPlan p;
    p.personas = {persona("p1", {"vip"}), persona("p2", {"mass"})};
    p.accounts = {acc("a1", kPlatformWeChat, "p1", 3000, 0, "op1"), acc("a2", kPlatformWeChat, "p1", 1000, 0, "op2"),
                  acc("a3", kPlatformWeChat, "p2", 2000, 0, "op2"), acc("a4", kPlatformWeChat, "p2", 1000, 0, "")};
    Operator op1;
    op1.id = "op1";
    Operator op2;
    op2.id = "op2";
    op2.hours_per_day = 2;
    op2.chats_per_hour = 20;
    p.operators = {op1, op2};

    // From friends: a1 = 3000 * 0.3 / 30 = 30 chats/day -> 1 h.
    WorkloadReport w = workload(p, rules);
    CHECK(w.accounts[0].chats_per_day == Approx(30));
    CHECK(w.operators[0].hours_needed == Approx(1));
    CHECK(w.operators[0].utilisation == Approx(1.0 / 8));
    CHECK_FALSE(w.operators[0].over);
    // op2: a2 10 + a3 20 = 30 chats at 20/h = 1.5 h of 2.
    CHECK(w.operators[1].chats_per_day == Approx(30));
    CHECK(w.operators[1].hours_needed == Approx(1.5));
    CHECK_FALSE(w.operators[1].over);
    CHECK(w.unassigned_chats_per_day == Approx(10));  // a4 has no operator

    // Calendar: a persona's items land on each of its accounts; unknown keys are unassigned.
    WorkloadInput in;
    in.items_per_day = {{"p2", 3}, {"a2", 1}, {"nobody", 2}};
    w = workload(p, rules, in);
    CHECK(w.accounts[2].items_per_day == 3);
    CHECK(w.accounts[3].items_per_day == 3);
    CHECK(w.operators[1].items_per_day == 4);
    CHECK(w.operators[1].hours_needed == Approx(1.5 + 4 * 10 / 60.0));
    CHECK(w.operators[1].over);
    CHECK(w.unassigned_items_per_day == Approx(2 + 3));

    // Tiers: 900 VIPs x 4 chats/month = 120 chats/day over p1's accounts 3:1.
    in = WorkloadInput{};
    in.tier_sizes = {{"vip", 900}, {"mass", 3000}, {"orphans", 60}};
    in.tier_chats_per_month = {{"vip", 4}, {"mass", 0.1}, {"orphans", 1}};
    w = workload(p, rules, in);
    CHECK(w.accounts[0].chats_per_day == Approx(90));
    CHECK(w.accounts[1].chats_per_day == Approx(30));
    CHECK(w.accounts[2].chats_per_day == Approx(10.0 * 2 / 3));
    CHECK(w.operators[0].hours_needed == Approx(3));
    REQUIRE(w.unserved_tiers.size() == 1);
    CHECK(w.unserved_tiers[0] == "orphans");
    CHECK(w.unassigned_chats_per_day == Approx(2 + 10.0 / 3));  // orphans + a4's share of "mass"
}

TEST_CASE("handover: group owner transfer limits and undo", "[roles]") {
    Workspace ws;
    ws.rules = default_rules();
    ws.roles.accounts = {acc("a1", kPlatformWeCom, "", 0), acc("a2", kPlatformWeCom, "", 0),
                         acc("w1", kPlatformWeChat, "", 0)};
    ws.roles.groups = {grp("g1", "a1", 10)};

    CHECK(can_transfer_group(ws, "g1", "a2", 0, 0).ok());
    CHECK(can_transfer_group(ws, "g1", "a2", 299, 1).ok());
    auto day = can_transfer_group(ws, "g1", "a2", 300, 0);
    REQUIRE_FALSE(day.ok());
    CHECK(day.error().code == "roles.transfer_day_limit");
    CHECK(day.error().args[3] == "300");
    auto q = can_transfer_group(ws, "g1", "a2", 0, 2);
    REQUIRE_FALSE(q.ok());
    CHECK(q.error().code == "roles.transfer_90d_limit");
    CHECK(can_transfer_group(ws, "g1", "w1", 300, 2).ok());  // personal WeChat: no published limit
    CHECK(can_transfer_group(ws, "g9", "a2", 0, 0).error().code == "roles.unknown_group");
    CHECK(can_transfer_group(ws, "g1", "zz", 0, 0).error().code == "roles.unknown_account");
    CHECK(can_transfer_group(ws, "g1", "a1", 0, 0).error().code == "roles.same_owner");

    auto t = plan_group_transfer(ws.roles, ws.rules, "g1", "a2", {});
    REQUIRE(t.ok());
    CHECK(t->from_owner == "a1");
    // The edit checks the same way, changes the owner, and its inverse puts it back.
    Workspace w;
    w.roles = ws.roles;
    w.rules = ws.rules;
    auto back = apply(w, make_edit("transfer", "roles.groups", "g1", "", "\"a2\""));
    REQUIRE(back);
    CHECK(w.roles.groups[0].owner_account == "a2");
    REQUIRE(apply(w, *back));
    CHECK(w.roles.groups[0].owner_account == "a1");
    CHECK(apply(w, make_edit("transfer", "roles.groups", "g1", "", "\"a1\"")).error().code == "roles.same_owner");
    w.roles.groups.clear();
    CHECK(apply(w, make_edit("transfer", "roles.groups", "g1", "", "\"a2\"")).error().code == "roles.unknown_group");
}

TEST_CASE("handover: account reassignment", "[roles]") {
    RolesPlan p;
    p.accounts = {acc("a1", kPlatformWeChat, "", 0, 0, "op1")};
    Operator o1, o2;
    o1.id = "op1";
    o2.id = "op2";
    p.operators = {o1, o2};
    CHECK(can_reassign_account(p, "a1", "op1").error().code == "roles.same_operator");
    CHECK(can_reassign_account(p, "a1", "op3").error().code == "roles.unknown_operator");
    CHECK(can_reassign_account(p, "a9", "op2").error().code == "roles.unknown_account");
    auto r = plan_account_reassign(p, "a1", "op2");
    REQUIRE(r.ok());
    Workspace w;
    w.roles = p;
    auto back = apply(w, make_edit("reassign", "roles.accounts", "a1", "", "\"op2\""));
    REQUIRE(back);
    CHECK(w.roles.accounts[0].operator_id == "op2");
    REQUIRE(apply(w, *back));
    CHECK(w.roles.accounts[0].operator_id == "op1");
    CHECK(apply(w, make_edit("reassign", "roles.accounts", "a1", "", "\"op3\"")).error().code == "roles.unknown_operator");
}

TEST_CASE("script library CSV: BOM, header, RFC 4180 quoting", "[roles]") {
    RolesPlan p;
    Persona per = persona("p1");
    per.name = "小婉";
    p.personas = {per};
    p.scripts = {ScriptEntry{"s1", "p1", "faq", "怎么查物流？", {}, "发我订单号，我帮你查，一般 2-3 天到", "10 分钟内回复"},
                 ScriptEntry{"s2", "p1", "keyword", "券", {"券", "优惠"}, "满199减30\n周日截止", ""},
                 ScriptEntry{"s3", "p_gone", "welcome", "hi, \"you\"", {}, "=HYPERLINK(1)", ""}};

    const std::string csv = export_scripts_csv(p);
    CHECK(csv.rfind("\xEF\xBB\xBF分组,标题,内容,关键词,人设,备注,编号\r\n", 0) == 0);
    // The Chinese comma is not a separator: no quotes needed.
    CHECK(csv.find("常见问题,怎么查物流？,发我订单号，我帮你查，一般 2-3 天到,,小婉,10 分钟内回复,s1\r\n") != std::string::npos);
    CHECK(csv.find("关键词回复,券,\"满199减30\n周日截止\",券、优惠,小婉,,s2\r\n") != std::string::npos);
    CHECK(csv.find("欢迎语,\"hi, \"\"you\"\"\",'=HYPERLINK(1),,p_gone,,s3\r\n") != std::string::npos);

    const std::string one = export_scripts_csv(p, "p1");
    CHECK(one.find("p_gone") == std::string::npos);
    CHECK(one.find("关键词回复,券") != std::string::npos);
}

TEST_CASE("demo roles plan", "[roles][demo]") {
    Workspace ws;
    fill_demo_roles(ws);
    const RolesPlan& r = ws.roles;
    CHECK(ws.brand == "花漾 Huayang");
    CHECK(ws.rules.find("wechat.friend_cap") != nullptr);
    REQUIRE(r.personas.size() == 2);
    CHECK(r.personas[0].id == "p_xiaowan");
    CHECK(r.personas[1].id == "p_expert");
    CHECK(r.accounts.size() == 4);
    CHECK(r.groups.size() == 6);
    CHECK(r.operators.size() == 2);
    CHECK(r.kocs.size() >= 2);
    REQUIRE(r.scripts.size() == 20);
    for (const std::string& cat : script_categories()) {
        bool found = false;
        for (const auto& e : r.scripts) found = found || (e.category == cat && e.persona == "p_xiaowan");
        CHECK(found);
    }
    CapacityReport cap = capacity(r, ws.rules);
    CHECK(cap.accounts[0].friends == 4720);
    CHECK(cap.accounts[0].growth == Approx(300));
    CHECK(cap.accounts[0].months_until_full < 1);
    // With the new friends the forecast brings: 小周 runs 小婉's three accounts and is busy, 阿杰
    // (live streams and consultations) runs his own; both within their hours.
    WorkloadReport w = workload(r, ws.rules, workload_input(RolesCheckInput{}, cap));
    CHECK_FALSE(w.operators[0].over);
    CHECK_FALSE(w.operators[1].over);
    CHECK(w.operators[0].hours_needed > 6);
}

TEST_CASE("calendar items per day by account, group owner or persona", "[roles]") {
    RolesPlan roles;
    roles.accounts = {acc("a1", kPlatformWeChat, "p1", 0), acc("a2", kPlatformWeChat, "p1", 0)};
    roles.groups = {grp("g1", "a1", 10), grp("g2", "a2", 10)};
    CalendarPlan cal;
    const Day d0 = days_from_civil(2026, 11, 2);  // a Monday
    ContentItem moments;
    moments.id = "m";
    moments.day = d0;
    moments.persona = "p1";
    moments.repeat.kind = "daily";
    ContentItem group_msg;
    group_msg.id = "g";
    group_msg.day = d0;
    group_msg.persona = "p1";
    group_msg.groups = {"g1", "g2", "g404"};
    group_msg.repeat.kind = "weekly";
    ContentItem direct;
    direct.id = "d";
    direct.day = d0 + 3;
    direct.account = "a2";
    cal.items = {moments, group_msg, direct};

    auto load = calendar_items_per_day(cal, roles, d0, d0 + 13);  // two weeks
    CHECK(load["p1"] == Approx(1));
    CHECK(load["a1"] == Approx(2.0 / 14));
    CHECK(load["a2"] == Approx(3.0 / 14));
    CHECK(load[""] == Approx(2.0 / 14));  // g404 has no owner
    CHECK(calendar_items_per_day(cal, roles, d0 + 1, d0).empty());

    // Through workload: a1 = 1 + 1/7 items a day.
    WorkloadInput in;
    in.items_per_day = calendar_items_per_day(cal, roles, d0, d0 + 13);
    WorkloadReport w = workload(roles, default_rules(), in);
    CHECK(w.accounts[0].items_per_day == Approx(1 + 2.0 / 14));
    CHECK(w.unassigned_items_per_day == Approx(2.0 / 14 + (1 + 2.0 / 14) + (1 + 3.0 / 14)));  // no operator "op1"
}

TEST_CASE("workload grows with the new-friend forecast", "[roles][workload]") {
    Workspace ws;
    fill_demo_roles(ws);
    RolesCheckInput in;
    RoleFigures a, b;
    ws.roles.monthly_new_friends = 0;
    for (Account& acc : ws.roles.accounts) acc.planned_friends = 0;
    assess_roles(ws, in, a);
    ws.roles.monthly_new_friends = 3000;
    assess_roles(ws, in, b);
    double chats_a = 0, chats_b = 0, greet = 0, growth = 0;
    for (const OperatorLoad& o : a.workload.operators) chats_a += o.chats_per_day;
    for (const OperatorLoad& o : b.workload.operators) chats_b += o.chats_per_day;
    for (const AccountLoad& al : b.workload.accounts) greet += al.new_friend_chats_per_day;
    for (const AccountCapacity& c : b.capacity.accounts) growth += c.growth;
    CHECK(growth == Approx(3000));
    // 3,000 new friends a month, 3 chats each (the shipped rule), spread over 30 days.
    CHECK(greet == Approx(3000 * rule_value(ws.rules, "roles.chats_per_new_friend") / 30));
    CHECK(chats_b == Approx(chats_a + greet));
}
