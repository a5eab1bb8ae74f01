// test_rules_check.cpp — every check of core/rules/check.cpp with a passing and a failing case,
// plus default_rules() and the message keys the findings use.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/i18n/i18n.hpp"
#include "core/plan/demo.hpp"
#include "core/plan/demo_roles.hpp"
#include "core/plan/check.hpp"
#include "core/rules/rule_value.hpp"

using namespace yt;

namespace {

// A plan that passes every check: 4 balanced WeChat accounts, one operator, one small group.
Workspace clean() {
    Workspace ws;
    ws.rules = default_rules();
    RolesPlan& r = ws.roles;
    Persona p;
    p.id = "p1";
    p.name = "小婉";
    p.tiers = {"t1"};
    r.personas = {p};
    for (int i = 1; i <= 4; ++i) {
        Account a;
        a.id = "a" + std::to_string(i);
        a.platform = kPlatformWeChat;
        a.persona = "p1";
        a.operator_id = "op1";
        a.friends = 1000;
        r.accounts.push_back(a);
    }
    Group g;
    g.id = "g1";
    g.owner_account = "a1";
    g.members = 100;
    r.groups = {g};
    Operator op;
    op.id = "op1";
    r.operators = {op};
    Koc k;
    k.id = "k1";
    k.groups = {"g1"};
    r.kocs = {k};
    return ws;
}

std::vector<const Finding*> with(const std::vector<Finding>& fs, const std::string& rule, const std::string& subject = "") {
    std::vector<const Finding*> out;
    for (const auto& f : fs)
        if (f.rule == rule && (subject.empty() || f.subject == subject)) out.push_back(&f);
    return out;
}

Finding only(const std::vector<Finding>& fs, const std::string& rule, const std::string& subject = "") {
    auto v = with(fs, rule, subject);
    REQUIRE(v.size() == 1);
    return *v[0];
}

}  // namespace

TEST_CASE("default rules carry values, units and sources", "[rules]") {
    RuleSet rs = default_rules();
    CHECK(rs.value_or("wechat.friend_cap", 0) == 5000);
    CHECK(rs.value_or("wecom.customer_cap", 0) == 5000);
    CHECK(rs.value_or("wecom.customer_cap_expanded", 0) == 20000);
    CHECK(rs.value_or("group.cap", 0) == 500);
    CHECK(rs.value_or("group.cap_wechat_created", 0) == 200);
    CHECK(rs.value_or("group.qr_days", 0) == 7);
    CHECK(rs.value_or("group.qr_member_limit", 0) == 200);
    CHECK(rs.value_or("moments.max_images", 0) == 9);
    CHECK(rs.value_or("moments.max_text", 0) == 2000);
    CHECK(rs.value_or("group.transfer_per_day", 0) == 300);
    CHECK(rs.value_or("group.transfer_per_90d", 0) == 2);
    CHECK(rs.value_or("roles.max_account_share", 0) == Approx(0.3));
    CHECK(rs.value_or("calendar.max_touches_day", 0) == 3);
    CHECK(rs.value_or("calendar.max_touches_week", 0) == 10);
    CHECK(rs.value_or("moments.max_promo_share", 0) == Approx(0.2));
    CHECK(rs.find("qq.group_cap") != nullptr);
    CHECK(rs.find("wecom.mass_quota_month")->date == "2025-11-17");
    std::vector<std::string> ids;
    for (const auto& r : rs.rules) {
        INFO(r.id);
        CHECK(!r.unit.empty());
        CHECK(!r.source.empty());
        CHECK(!r.note.empty());
        CHECK(has_tr("rules.name." + r.id));
        ids.push_back(r.id);
    }
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    CHECK(std::string(severity_name(Severity::Error)) == "error");
    CHECK(std::string(severity_name(Severity::Warning)) == "warning");
    CHECK(std::string(severity_name(Severity::Info)) == "info");
}

TEST_CASE("rule_value prefers the workspace, then the default", "[rules]") {
    RuleSet rs;
    CHECK(rule_value(rs, "wechat.friend_cap") == 5000);
    rs.rules.push_back(Rule{"wechat.friend_cap", 10000, "friends", "", "", ""});
    CHECK(rule_value(rs, "wechat.friend_cap") == 10000);
    CHECK(rule_value(rs, "no.such.rule") == 0);
}

TEST_CASE("a clean plan has no findings", "[rules]") {
    Workspace ws = clean();
    RolesCheckInput d;
    d.today = days_from_civil(2025, 6, 1);
    auto fs = check(ws, d);
    for (const auto& f : fs) INFO(f.rule << " " << f.subject);
    CHECK(fs.empty());
    CHECK_FALSE(has_errors(fs));
}

TEST_CASE("check: duplicate ids", "[rules]") {
    Workspace ws = clean();
    ws.roles.groups.push_back(ws.roles.groups[0]);
    auto fs = check(ws);
    const Finding f = only(fs, "roles.duplicate_id", "g1");
    CHECK(f.severity == Severity::Error);
    CHECK(f.subject_kind == "group");
    CHECK(f.value == 2);
}

TEST_CASE("check: account persona reference", "[rules]") {
    Workspace ws = clean();
    ws.roles.accounts[1].persona = "ghost";
    ws.roles.accounts[2].persona = "";
    auto fs = check(ws);
    CHECK(only(fs, "roles.unknown_persona", "a2").severity == Severity::Error);
    CHECK(only(fs, "roles.no_persona", "a3").severity == Severity::Warning);
    CHECK(with(fs, "roles.unknown_persona", "a1").empty());
    CHECK(with(fs, "roles.no_persona", "a1").empty());
}

TEST_CASE("check: account operator reference", "[rules]") {
    Workspace ws = clean();
    ws.roles.accounts[0].operator_id = "op9";
    ws.roles.accounts[1].operator_id = "";
    auto fs = check(ws);
    const Finding f = only(fs, "roles.unknown_operator", "a1");
    CHECK(f.severity == Severity::Error);
    CHECK(f.args[1].str() == "op9");
    CHECK(only(fs, "roles.no_operator", "a2").severity == Severity::Warning);
    CHECK(with(fs, "roles.unknown_operator", "a3").empty());
    CHECK(has_errors(fs));
}

TEST_CASE("check: group owner reference", "[rules]") {
    Workspace ws = clean();
    ws.roles.groups[0].owner_account = "acc-gone";
    Group g2;
    g2.id = "g2";
    ws.roles.groups.push_back(g2);
    auto fs = check(ws);
    CHECK(only(fs, "roles.unknown_owner", "g1").severity == Severity::Error);
    CHECK(only(fs, "roles.no_owner", "g2").severity == Severity::Warning);
    ws.roles.groups[0].owner_account = "a2";
    CHECK(with(check(ws), "roles.unknown_owner").empty());
}

TEST_CASE("check: KOC in an unknown group", "[rules]") {
    Workspace ws = clean();
    CHECK(with(check(ws), "roles.koc_unknown_group").empty());
    ws.roles.kocs[0].groups.push_back("g404");
    const Finding f = only(check(ws), "roles.koc_unknown_group", "k1");
    CHECK(f.severity == Severity::Error);
    CHECK(f.args[1].str() == "g404");
}

TEST_CASE("check: persona with no account", "[rules]") {
    Workspace ws = clean();
    Persona p;
    p.id = "p2";
    ws.roles.personas.push_back(p);
    auto fs = check(ws);
    CHECK(only(fs, "roles.persona_no_account", "p2").severity == Severity::Warning);
    CHECK(with(fs, "roles.persona_no_account", "p1").empty());
}

TEST_CASE("check: tiers served by personas (only when tier sizes are given)", "[rules]") {
    Workspace ws = clean();
    RolesCheckInput d;
    CHECK(with(check(ws, d), "roles.tier_unserved").empty());
    d.tier_sizes = {{"t1", 500}, {"t2", 80}, {"t3", 0}};
    auto fs = check(ws, d);
    const Finding f = only(fs, "roles.tier_unserved");
    CHECK(f.subject == "t2");
    CHECK(f.subject_kind == "tier");
    CHECK(f.value == 80);
    CHECK(with(fs, "roles.persona_unknown_tier").empty());
    ws.roles.personas[0].tiers.push_back("t9");
    CHECK(only(check(ws, d), "roles.persona_unknown_tier", "p1").severity == Severity::Info);
    // Known segment keys are named in each language.
    d.tier_sizes = {{"important_retain", 12}};
    const Finding named = only(check(ws, d), "roles.tier_unserved");
    CHECK(finding_message(named, Lang::Zh).find("重要挽留客户") != std::string::npos);
    CHECK(finding_message(named, Lang::En).find("important_retain") == std::string::npos);
}

TEST_CASE("check: account friend cap — over, filling, near", "[rules]") {
    Workspace ws = clean();
    ws.roles.accounts[0].friends = 5001;
    auto fs = check(ws);
    const Finding over = only(fs, "wechat.friend_cap", "a1");
    CHECK(over.severity == Severity::Error);
    CHECK(over.value == 5001);
    CHECK(over.limit == 5000);
    CHECK(fs.front().severity == Severity::Error);  // errors come first

    ws.roles.accounts[0].friends = 4500;  // exactly 90%
    const Finding near = only(check(ws), "wechat.friend_cap", "a1");
    CHECK(near.severity == Severity::Warning);
    CHECK(near.message == "rules.msg.account_near_cap");

    ws.roles.accounts[0].friends = 4499;
    CHECK(with(check(ws), "wechat.friend_cap").empty());

    // Filling: 4,000 friends planned to 7,000 over 6 months = +500/month -> full in 2 months.
    ws.roles.accounts[0].friends = 4000;
    ws.roles.accounts[0].planned_friends = 7000;
    const Finding fills = only(check(ws), "wechat.friend_cap", "a1");
    CHECK(fills.severity == Severity::Warning);
    CHECK(fills.message == "rules.msg.account_fills");
    CHECK(fills.args[4].str() == "2");
    CHECK(fills.fix == "rules.fix.route_friends");  // the persona's other accounts have room

    // Beyond the horizon: +100/month -> 10 months.
    ws.roles.accounts[0].planned_friends = 4600;
    CHECK(with(check(ws), "wechat.friend_cap").empty());
    RolesCheckInput d;
    d.horizon_months = 12;
    ws.roles.accounts[0].planned_friends = 4000 + 100 * 12;
    CHECK(only(check(ws, d), "wechat.friend_cap", "a1").message == "rules.msg.account_fills");
}

TEST_CASE("check: WeCom accounts suggest expansion; overrides and unknown caps", "[rules]") {
    Workspace ws = clean();
    ws.roles.accounts[0].platform = kPlatformWeCom;
    ws.roles.accounts[0].friends = 4800;
    const Finding f = only(check(ws), "wecom.customer_cap", "a1");
    CHECK(f.fix == "rules.fix.wecom_expand");
    CHECK(f.args[8].str() == "20,000");

    ws.roles.accounts[0].cap_override = 20000;
    CHECK(with(check(ws), "wecom.customer_cap").empty());
    CHECK(with(check(ws), "roles.account_cap").empty());
    ws.roles.accounts[0].friends = 20001;
    CHECK(only(check(ws), "roles.account_cap", "a1").severity == Severity::Error);

    Workspace q = clean();
    q.roles.accounts[0].platform = kPlatformQQ;
    CHECK(only(check(q), "roles.no_cap", "a1").severity == Severity::Info);
    q.roles.accounts[0].cap_override = 2000;
    CHECK(with(check(q), "roles.no_cap").empty());
}

TEST_CASE("check: persona capacity asks for a new account in time", "[rules]") {
    Workspace ws = clean();
    for (auto& a : ws.roles.accounts) a.friends = 4400;  // 17,600 / 20,000, 88% each
    ws.roles.monthly_new_friends = 1000;                  // full in 2.4 -> month 3
    auto fs = check(ws);
    const Finding p = only(fs, "roles.persona_capacity", "p1");
    CHECK(p.severity == Severity::Warning);
    CHECK(p.message == "rules.msg.persona_full_in");
    CHECK(p.args[1].str() == "3");
    // 17,600 + 6 x 1,000 = 23,600 -> one more 5,000 account at the horizon.
    CHECK(p.args[4].str() == "1");
    // Each account fills in 2.4 months: fix says open a new account in month 3.
    const Finding a = only(fs, "wechat.friend_cap", "a1");
    CHECK(a.fix == "rules.fix.open_account");
    CHECK(a.args[7].str() == "3");

    ws.roles.monthly_new_friends = 300;  // 2,400 of room / 300 = 8 months > 6
    CHECK(with(check(ws), "roles.persona_capacity").empty());
}

TEST_CASE("check: persona groups filling up", "[rules]") {
    Workspace ws = clean();
    ws.roles.groups[0].members = 440;            // owner a1: 1,000 friends
    ws.roles.accounts[0].planned_friends = 1600;  // +100/month = +10%/month -> +44 members/month
    auto fs = check(ws);
    const Finding f = only(fs, "roles.persona_groups", "p1");
    CHECK(f.severity == Severity::Info);
    CHECK(f.args[1].str() == "2");  // 60 of room / 44 = 1.4
    ws.roles.accounts[0].planned_friends = 0;
    CHECK(with(check(ws), "roles.persona_groups").empty());
}

TEST_CASE("check: WeCom company-wide customer cap", "[rules]") {
    Workspace ws = clean();
    for (auto& a : ws.roles.accounts) {
        a.platform = kPlatformWeCom;
        a.cap_override = 20000;
        a.friends = 12500;
    }
    CHECK(with(check(ws), "wecom.company_customer_cap").empty());  // exactly 50,000
    ws.roles.accounts[0].friends = 12501;
    const Finding f = only(check(ws), "wecom.company_customer_cap");
    CHECK(f.value == 50001);
    CHECK(f.limit == 50000);
}

TEST_CASE("check: group caps by who created the group", "[rules]") {
    Workspace ws = clean();
    ws.roles.groups[0].members = 501;
    CHECK(only(check(ws), "group.cap", "g1").severity == Severity::Error);
    ws.roles.groups[0].members = 460;
    CHECK(only(check(ws), "group.cap", "g1").severity == Severity::Info);  // nearly full
    ws.roles.groups[0].members = 300;
    CHECK(with(check(ws), "group.cap").empty());

    // Created by a WeChat user: 200 for a WeCom owner, still 500 for a personal-WeChat owner.
    ws.roles.groups[0].created_by_wechat_user = true;
    CHECK(with(check(ws), "group.cap_wechat_created").empty());
    ws.roles.accounts[0].platform = kPlatformWeCom;
    const Finding f = only(check(ws), "group.cap_wechat_created", "g1");
    CHECK(f.severity == Severity::Error);
    CHECK(f.limit == 200);
    ws.roles.groups[0].members = 150;
    CHECK(with(check(ws), "group.cap_wechat_created").empty());
}

TEST_CASE("check: group QR code expiry and the 200-member QR limit", "[rules]") {
    Workspace ws = clean();
    RolesCheckInput d;
    d.today = days_from_civil(2025, 6, 10);
    ws.roles.groups[0].qr_created_day = days_from_civil(2025, 6, 4);  // 6 days old
    CHECK(with(check(ws, d), "group.qr_days").empty());
    ws.roles.groups[0].qr_created_day = days_from_civil(2025, 6, 3);  // 7 days old
    const Finding f = only(check(ws, d), "group.qr_days", "g1");
    CHECK(f.severity == Severity::Warning);
    CHECK(f.value == 7);
    CHECK(f.args[1].str() == "2025-06-03");
    CHECK(with(check(ws), "group.qr_days").empty());  // no "today": not checked

    ws.roles.groups[0].members = 199;
    CHECK(with(check(ws, d), "group.qr_member_limit").empty());
    ws.roles.groups[0].members = 200;
    auto fs = check(ws, d);
    CHECK(only(fs, "group.qr_member_limit", "g1").severity == Severity::Warning);
    CHECK(with(fs, "group.qr_days").empty());  // the code no longer matters
    ws.roles.groups[0].qr_created_day = 0;     // invite-only group: fine
    CHECK(with(check(ws, d), "group.qr_member_limit").empty());
}

TEST_CASE("check: concentration on friends, stored shares and values", "[rules]") {
    Workspace ws = clean();
    ws.roles.accounts[0].friends = 2000;  // 2,000 / 5,000 = 40%
    const Finding f = only(check(ws), "roles.max_account_share", "a1");
    CHECK(f.severity == Severity::Warning);
    CHECK(f.value == Approx(0.4));
    CHECK(f.message == "rules.msg.concentration_friends");
    CHECK(f.args[1].str() == "40%");

    ws.roles.accounts[0].friends = 1000;
    ws.roles.accounts[2].revenue_share = 0.35;
    ws.roles.accounts[3].revenue_share = 0.25;
    const Finding g = only(check(ws), "roles.max_account_share", "a3");
    CHECK(g.message == "rules.msg.concentration_revenue");

    RolesCheckInput d;
    d.account_values = {{"a1", {100, 1}}, {"a2", {100, 1}}, {"a3", {100, 1}}, {"a4", {100, 7}}};
    auto fs = check(ws, d);
    CHECK(with(fs, "roles.max_account_share").size() == 1);
    const Finding h = only(fs, "roles.max_account_share", "a4");  // 25% revenue but 70% of high-value
    CHECK(h.value == Approx(0.7));
    CHECK(h.message == "rules.msg.concentration_value");

    // The threshold is a rule.
    for (auto& r : ws.rules.rules)
        if (r.id == "roles.max_account_share") r.value = 0.8;
    CHECK(with(check(ws, d), "roles.max_account_share").empty());
}

TEST_CASE("check: operator over hours", "[rules]") {
    Workspace ws = clean();
    RolesCheckInput d;
    d.items_per_day = {{"p1", 6}};  // 6 items on each of 4 accounts = 24 x 10 min = 4 h
    CHECK(with(check(ws, d), "roles.operator_hours").empty());  // 1.33 h chats + 4 h
    d.items_per_day = {{"p1", 6}, {"a1", 12}};                     // + 2 h -> 7.33 h
    CHECK(with(check(ws, d), "roles.operator_hours").empty());
    d.items_per_day["a2"] = 6;  // + 1 h -> 8.33 h
    const Finding f = only(check(ws, d), "roles.operator_hours", "op1");
    CHECK(f.severity == Severity::Warning);
    CHECK(f.value == Approx(8 + 1.0 / 3));
    CHECK(f.limit == 8);
}

TEST_CASE("every finding renders in both languages without leftover placeholders", "[rules]") {
    Workspace ws;
    fill_demo_roles(ws);
    Workspace bad = clean();
    bad.roles.accounts[0].persona = "ghost";
    bad.roles.accounts[0].operator_id = "";
    bad.roles.accounts[1].friends = 6000;
    bad.roles.groups[0].members = 600;
    RolesCheckInput d;
    d.today = days_from_civil(2025, 7, 1);
    d.tier_sizes = {{"t1", 100}, {"t2", 100}};
    std::vector<Finding> all = check(ws, d);
    auto more = check(bad, d);
    all.insert(all.end(), more.begin(), more.end());
    REQUIRE(all.size() > 10);
    for (const auto& f : all) {
        INFO(f.rule << " " << f.message << " " << f.fix);
        CHECK(has_tr(f.message));
        CHECK(has_tr(f.fix));
        for (Lang l : {Lang::Zh, Lang::En}) {
            std::string m = finding_message(f, l) + finding_fix(f, l);
            CHECK(m.find('{') == std::string::npos);
        }
    }
}

TEST_CASE("the demo shows the findings an operator would act on", "[rules][demo]") {
    Workspace ws;
    fill_demo_roles(ws);
    RolesCheckInput d;
    d.today = kDemoToday;
    auto fs = check(ws, d);
    CHECK_FALSE(has_errors(fs));
    const Finding acc1 = only(fs, "wechat.friend_cap", "acc1");
    CHECK(acc1.severity == Severity::Warning);
    CHECK(acc1.value == 4720);
    CHECK(acc1.args[3].str() == "300");
    CHECK(only(fs, "group.qr_member_limit", "g2").value == 236);
    CHECK(only(fs, "roles.max_account_share", "acc3").value == Approx(0.42));
    // The rest of the roles plan is healthy: a handful of teachable findings, not dozens.
    CHECK(fs.size() == 3);
    CHECK(with(fs, "roles.operator_hours").empty());
    // A WeCom account close to its cap gets the expansion fix.
    for (Account& a : ws.roles.accounts)
        if (a.id == "acc3") a.friends = 4300;
    const auto near = check(ws, d);
    CHECK(only(near, "wecom.customer_cap", "acc3").fix == "rules.fix.wecom_expand");
    CHECK(only(near, "roles.persona_capacity", "p_expert").args[1].str() == "4");
    CHECK(with(fs, "group.qr_days", "g6").empty());      // made 2 days before
    // g4 (12 days old) is a WeCom customer group (acc3 is on WeCom): its "加入群聊" code does not
    // expire, so the 7-day WeChat rule must not fire for it...
    CHECK(with(fs, "group.qr_days", "g4").empty());
    CHECK(with(fs, "wecom.group_qr_days", "g4").empty());
    // ...unless the brand shares the client's 7-day group QR instead (rule edited to 7).
    for (Rule& r : ws.rules.rules)
        if (r.id == "wecom.group_qr_days") r.value = 7;
    if (!ws.rules.find("wecom.group_qr_days")) ws.rules.rules.push_back(Rule{"wecom.group_qr_days", 7, "days", "", "", ""});
    CHECK(with(check(ws, d), "wecom.group_qr_days", "g4").size() == 1);
    // A WeChat-owned group with a 12-day-old code is expired under the 7-day rule.
    for (Group& g : ws.roles.groups)
        if (g.id == "g4") g.owner_account = "acc1";  // a personal WeChat account
    CHECK(with(check(ws, d), "group.qr_days", "g4").size() == 1);
}
