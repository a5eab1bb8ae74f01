// test_foundation.cpp — dates, parts of a range, the string pool, i18n, commands/history and the workspace file format.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "edit_try.hpp"
#include "core/i18n/i18n.hpp"
#include "core/model/dates.hpp"
#include "core/model/orders.hpp"
#include "core/model/parts.hpp"
#include "core/plan/demo.hpp"
#include "core/persist/persist.hpp"

using namespace yt;

TEST_CASE("dates: civil conversion round-trips and parses the accepted forms") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    for (Day d = -800000; d < 800000; d += 997) {
        Ymd v = civil_from_days(d);
        REQUIRE(days_from_civil(v.y, v.m, v.d) == d);
    }
    CHECK(weekday(days_from_civil(2026, 11, 23)) == 0);  // a Monday
    CHECK(format_day(days_from_civil(2024, 2, 29)) == "2024-02-29");
    CHECK(parse_day("2024-02-29") == days_from_civil(2024, 2, 29));
    CHECK(parse_day("2024/3/5") == days_from_civil(2024, 3, 5));
    CHECK(parse_day("20240305") == days_from_civil(2024, 3, 5));
    CHECK_FALSE(parse_day("2023-02-29"));
    CHECK_FALSE(parse_day("2024-13-01"));
    CHECK_FALSE(parse_day("2024-1"));
    CHECK_FALSE(parse_day("2024-01-01x"));
    CHECK_FALSE(parse_day(""));
}

TEST_CASE("parts: a part ends after its count, or at the end of the range, and \"all the rest\" does not overflow") {
    CHECK(part_end(0, 4, 10) == 4);
    CHECK(part_end(4, 4, 10) == 8);
    CHECK(part_end(8, 4, 10) == 10);  // fewer left than the count
    CHECK(part_end(10, 4, 10) == 10);
    CHECK(part_end(3, SIZE_MAX, 10) == 10);  // next + count would wrap to 2
    CHECK(part_end(0, 0, 10) == 0);
    static_assert(part_end(1, 2, 5) == 3, "usable in constant expressions");
}

TEST_CASE("string pool: adopted values are found, and new ones added after them, by intern") {
    StringPool p;
    p.intern("old");  // indexed before adopting: the old index must not answer for the new values
    std::vector<std::string> v;
    for (int i = 0; i < 1000; ++i) v.push_back("id" + std::to_string(i));
    p.adopt_distinct(std::move(v));
    REQUIRE(p.size() == 1000);
    CHECK(p.at(0) == "id0");
    CHECK(p.intern("id0") == 0);
    CHECK(p.intern("id999") == 999);
    CHECK(p.intern("old") == 1000);  // not among the adopted values: added
    CHECK(p.intern("id500") == 500);
    CHECK(p.intern("new") == 1001);
    CHECK(p.intern("old") == 1000);
    CHECK(p.size() == 1002);
    StringPool q;
    q.adopt_distinct({});
    CHECK(q.intern("a") == 0);
    CHECK(q.intern("a") == 0);
    StringPool r;  // reserving less than was adopted still makes room for all of it
    std::vector<std::string> w;
    for (int i = 0; i < 100; ++i) w.push_back("w" + std::to_string(i));
    r.adopt_distinct(std::move(w));
    r.reserve(1);
    CHECK(r.intern("w99") == 99);
    CHECK(r.intern("x") == 100);
}

TEST_CASE("i18n: zh and en texts, arguments and locations") {
    CHECK(std::string(tr("cmd.transfer", Lang::Zh)) == "转让群");
    CHECK(std::string(tr("cmd.transfer", Lang::En)) == "Transfer group");
    CHECK(std::string(tr("no.such.key", Lang::En)) == "no.such.key");
    CHECK(format_msg("{1}-{0}-{1}", {"a", "b"}) == "b-a-b");
    CHECK(format_msg("{x} {9}", {"a"}) == "{x} ");
    Error e("persist.checksum", {}, Location{"a.json", 12, 3, ""});
    CHECK(describe(e, Lang::En) == "a.json, line 12, column 3: Checksum mismatch: the file is damaged or was altered.");
    CHECK(describe(e, Lang::Zh).find("第 12 行") != std::string::npos);
    CHECK(parse_lang("en-US") == Lang::En);
    CHECK(parse_lang("zh-CN") == Lang::Zh);
    // A key defined twice shows only its first text: the second is dead and may differ.
    CHECK(duplicate_message_keys().empty());
}

TEST_CASE("history: apply, undo, redo, coalescing and version stamps") {
    Workspace ws;
    ws.name = "a";
    History h(ws);
    auto v0 = h.version();
    auto set_name = [](const std::string& v) {
        return set_value("name", v);
    };
    REQUIRE(h.submit(set_name("ab")));
    REQUIRE(h.submit(set_name("abc")));  // typing continues: absorbed into one step
    CHECK(ws.name == "abc");
    CHECK(h.version() > v0);
    h.seal();
    REQUIRE(h.submit(set_name("x")));
    CHECK(h.undo());
    CHECK(ws.name == "abc");
    CHECK(h.undo());
    CHECK(ws.name == "a");
    CHECK_FALSE(h.undo());
    CHECK(h.redo());
    CHECK(ws.name == "abc");
    CHECK(h.can_redo());
    REQUIRE(h.submit(set_name("new")));  // a new edit drops the redo stack
    CHECK_FALSE(h.can_redo());
}

TEST_CASE("history: unsealed edits of two different rules stay two undo steps") {
    Workspace ws;
    ws.rules = default_rules();
    History h(ws);
    const double cap = ws.rules.find("wechat.friend_cap")->value, share = ws.rules.find("roles.max_account_share")->value;
    auto set = [&](const char* id, double v) {
        auto c = try_edit(std::string(R"({"type":"set_rule","id":")") + id + R"(","value":)" + std::to_string(v) + "}", ws);
        REQUIRE(c);
        REQUIRE(h.submit(std::move(c.value())));
    };
    set("wechat.friend_cap", 10000);
    set("wechat.friend_cap", 12000);  // typing on: one step
    set("roles.max_account_share", 0.5);  // another rule, no seal in between: its own step
    CHECK(ws.rules.find("wechat.friend_cap")->value == 12000);
    CHECK(ws.rules.find("roles.max_account_share")->value == 0.5);
    REQUIRE(h.undo());
    CHECK(ws.rules.find("roles.max_account_share")->value == share);
    CHECK(ws.rules.find("wechat.friend_cap")->value == 12000);
    REQUIRE(h.undo());
    CHECK(ws.rules.find("wechat.friend_cap")->value == cap);
    CHECK_FALSE(h.undo());
    REQUIRE(h.redo());
    REQUIRE(h.redo());
    CHECK(ws.rules.find("wechat.friend_cap")->value == 12000);
    CHECK(ws.rules.find("roles.max_account_share")->value == 0.5);
}

TEST_CASE("commands from JSON: settings, list edits with partial values, errors") {
    Workspace ws = demo_workspace(kDemoToday);
    History h(ws);
    auto run = [&](const std::string& json) -> std::string {
        auto c = try_edit(json, ws);
        if (!c) return c.error().code;
        h.seal();
        Status st = h.submit(std::move(c.value()));
        return st ? "" : st.error().code;
    };
    CHECK(run(R"({"type":"set_name","value":"私域运营"})") == "");
    CHECK(ws.name == "私域运营");
    CHECK(run(R"({"type":"set_language","value":"en"})") == "");
    CHECK(ws.settings.language == "en");
    CHECK(run(R"({"type":"set_language","value":"fr"})") == "cmd.bad_value");
    CHECK(run(R"({"type":"nope"})") == "cmd.unknown_type");
    CHECK(run(R"({"value":1})") == "cmd.missing_field");
    CHECK(run("{bad json") == "cmd.not_json");

    std::size_t n = ws.roles.personas.size();
    CHECK(run(R"({"type":"insert","section":"roles.personas","id":"p_new","value":{"name":"新人设"}})") == "");
    REQUIRE(ws.roles.personas.size() == n + 1);
    CHECK(ws.roles.personas.back().name == "新人设");
    CHECK(ws.roles.personas.back().mix.life == 40);  // defaults kept for fields not given
    CHECK(run(R"({"type":"insert","section":"roles.personas","id":"p_new","value":{}})") == "cmd.duplicate_id");
    CHECK(run(R"({"type":"update","section":"roles.personas","id":"p_new","value":{"mix":{"sales":25}}})") == "");
    CHECK(ws.roles.personas.back().mix.sales == 25);
    CHECK(ws.roles.personas.back().name == "新人设");
    CHECK(run(R"({"type":"update","section":"roles.personas","id":"p_new","value":{"mix":{"sales":"lots"}}})") ==
          "cmd.bad_value");
    CHECK(run(R"({"type":"erase","section":"roles.personas","id":"nobody"})") == "cmd.unknown_id");
    CHECK(run(R"({"type":"erase","section":"roles.personas","id":"p_new"})") == "");
    CHECK(ws.roles.personas.size() == n);
    h.undo();  // erase undone
    CHECK(ws.roles.personas.size() == n + 1);
    CHECK(run(R"({"type":"insert","section":"nowhere","id":"x","value":{}})") == "cmd.unknown_section");
    REQUIRE_FALSE(ws.rules.rules.empty());
    std::string rid = ws.rules.rules.front().id;
    CHECK(run(R"({"type":"set_rule","id":")" + rid + R"(","value":1234})") == "");
    CHECK(ws.rules.find(rid)->value == 1234);
    CHECK(run(R"({"type":"set_rule","id":"no.rule","value":1})") == "cmd.unknown_id");
}

TEST_CASE("workspace file: round trip, checksum, newer schema, corruption never crashes") {
    Workspace ws = demo_workspace(kDemoToday);
    ws.name = "鱼塘 \"引号\" \\ 测试";
    std::string text = save_workspace_json(ws);
    auto back = load_workspace_json(text);
    REQUIRE(back);
    CHECK(back->name == ws.name);
    CHECK(back->roles.personas.size() == ws.roles.personas.size());
    CHECK(back->calendar.items.size() == ws.calendar.items.size());
    REQUIRE(back->economics.scenarios.size() == ws.economics.scenarios.size());
    CHECK(back->economics.scenarios.front().name == ws.economics.scenarios.front().name);
    CHECK(back->economics.scenarios.front().a.aov == ws.economics.scenarios.front().a.aov);
    REQUIRE(back->roles.accounts.size() == ws.roles.accounts.size());
    CHECK(back->roles.accounts.front().friends == ws.roles.accounts.front().friends);
    CHECK(back->rules.rules.size() == ws.rules.rules.size());
    CHECK(save_workspace_json(*back) == text);  // stable: same bytes after a round trip

    SECTION("a changed payload fails the checksum") {
        std::string t = text;
        auto pos = t.find("鱼塘");
        REQUIRE(pos != std::string::npos);
        t.replace(pos, 6, "鲤塘");
        auto r = load_workspace_json(t);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "persist.checksum");
    }
    SECTION("a newer schema is refused, not half-read") {
        std::string t = text;
        auto pos = t.find("\"schema\":");
        t.replace(pos, std::string("\"schema\":1").size(), "\"schema\":99");
        auto r = load_workspace_json(t);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "persist.too_new");
        CHECK(r.error().args.at(0) == "99");
    }
    SECTION("other files and empty input") {
        CHECK(load_workspace_json("").error().code == "persist.empty");
        CHECK(load_workspace_json("[1,2]").error().code == "persist.not_workspace");
        CHECK(load_workspace_json(R"({"format":"other"})").error().code == "persist.not_workspace");
        auto r = load_workspace_json("{\n  \"format\": oops }");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "persist.not_json");
        CHECK(r.error().where.line == 2);
    }
    SECTION("every truncation is an error value") {
        for (std::size_t n = 0; n + 1 < text.size(); n += 1 + n / 7) {
            auto r = load_workspace_json(std::string_view(text).substr(0, n));
            REQUIRE_FALSE(r);
        }
    }
    SECTION("a payload of the wrong shape with a matching checksum is reported, not thrown") {
        std::string body = R"({"name":5})";
        std::string t = std::string(R"({"format":"yutang.workspace","schema":1,"app":"x","checksum":"fnv1a64:)") +
                        hex64(fnv1a64(body)) + R"(","payload":)" + body + "}";
        auto r = load_workspace_json(t);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "persist.bad_payload");
    }
}
