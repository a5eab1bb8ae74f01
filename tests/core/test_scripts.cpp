// test_scripts.cpp — the script library (话术库): categories, variables and their preview, search,
// edits through the command forms (insert, update, erase, move, duplicate) with undo and redo,
// plan_diff, the CSV export and import (UTF-8 with and without BOM, GB18030, bad rows that
// change nothing, one undo step), the schema 4 → 5 step on an old saved workspace, and the
// compliance scan's findings pointing at script ids.
#include <catch2/catch.hpp>

#include <algorithm>

#include "edit_try.hpp"
#include "core/edit/plan_diff.hpp"
#include "core/i18n/i18n.hpp"
#include "core/model/json.hpp"
#include "core/persist/persist.hpp"
#include "core/plan/assess.hpp"
#include "core/plan/demo.hpp"
#include "core/roles/scripts.hpp"
#include "core/roles/scripts_csv.hpp"
#include "test_paths.hpp"

using namespace yt;

namespace {

Workspace demo() { return demo_workspace(kDemoToday); }

std::vector<std::string> ids(const Workspace& ws) {
    std::vector<std::string> out;
    for (const ScriptEntry& e : ws.roles.scripts) out.push_back(e.id);
    return out;
}

Status run(History& h, const Workspace& ws, const std::string& json) {
    auto c = try_edit(json, ws);
    if (!c) return c.error();
    Status st = h.submit(std::move(c.value()));
    h.seal();
    return st;
}

const ScriptEntry* by_id(const Workspace& ws, const std::string& id) {
    for (const ScriptEntry& e : ws.roles.scripts)
        if (e.id == id) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("scripts: categories, and the old kinds they replace", "[scripts]") {
    CHECK(script_categories() == std::vector<std::string>{"welcome", "faq", "keyword", "objection", "crisis", "festival"});
    CHECK(category_of_kind("greeting") == "welcome");
    CHECK(category_of_kind("complaint") == "crisis");
    CHECK(category_of_kind("faq") == "faq");
    CHECK(category_of_kind("keyword") == "keyword");
    CHECK(category_of_kind("whatever") == "faq");
    for (const std::string& k : script_categories()) {
        INFO(k);
        CHECK(has_tr("roles.category." + k));
        CHECK(std::string(tr("roles.category." + k, Lang::Zh)) != tr("roles.category." + k, Lang::En));
    }
}

TEST_CASE("scripts: variables filled from a sample customer; unknown ones kept and listed", "[scripts]") {
    SampleCustomer who;
    who.nickname = "小美";
    who.product = "水光精华";
    who.coupon = "满199减30券";
    auto r = render_script("嗨{昵称}，{商品}今天可以用{优惠券}～", who);
    CHECK(r.text == "嗨小美，水光精华今天可以用满199减30券～");
    CHECK(r.unknown.empty());
    // English names too.
    CHECK(render_script("Hi {nickname}: {product} with {coupon}", who).text == "Hi 小美: 水光精华 with 满199减30券");
    // Unknown names stay as written and are listed once each, in order.
    auto u = render_script("{昵陈}你好，{昵称}，{门店}见，{昵陈}", who);
    CHECK(u.text == "{昵陈}你好，小美，{门店}见，{昵陈}");
    CHECK(u.unknown == std::vector<std::string>{"{昵陈}", "{门店}"});
    // Unclosed or nested braces: the text is kept; the innermost pair is the variable.
    CHECK(render_script("满{199", who).text == "满{199");
    CHECK(render_script("{{昵称}}", who).text == "{小美}");
    CHECK(render_script("", who).text.empty());
}

TEST_CASE("scripts: Chinese substring search over trigger, keywords, reply and note; filters", "[scripts]") {
    const Workspace ws = demo();
    const auto& s = ws.roles.scripts;
    auto found = [&](ScriptFilter f) {
        std::vector<std::string> out;
        for (std::size_t i : find_scripts(s, f)) out.push_back(s[i].id);
        return out;
    };
    // 优惠 is inside the keyword 优惠券 of one entry (and in no other text of the demo).
    const auto coupon = found({"优惠", "", ""});
    REQUIRE_FALSE(coupon.empty());
    for (const std::string& id : coupon) {
        const ScriptEntry& e = *by_id(ws, id);
        const bool in = e.trigger.find("优惠") != std::string::npos || e.reply.find("优惠") != std::string::npos ||
                        e.note.find("优惠") != std::string::npos ||
                        std::any_of(e.keywords.begin(), e.keywords.end(), [](const std::string& k) { return k.find("优惠") != std::string::npos; });
        CHECK(in);
    }
    // Keywords alone count.
    ScriptEntry k{"x1", "p", "keyword", "", {"直播预约"}, "见卡片", ""};
    CHECK(script_matches(k, "预约"));
    CHECK_FALSE(script_matches(k, "退货"));
    // ASCII case and full-width forms fold; spaces around the query are ignored.
    CHECK(found({"vc", "", ""}) == found({"ＶＣ", "", ""}));
    CHECK_FALSE(found({" vc ", "", ""}).empty());
    // Filters: persona and category are exact; all three must hold.
    const auto expert_crisis = found({"", "p_expert", "crisis"});
    REQUIRE(expert_crisis.size() == 1);
    CHECK(by_id(ws, expert_crisis[0])->trigger == "过敏/不适");
    CHECK(found({"过敏", "", ""}).size() == 2);
    CHECK(found({"过敏", "p_xiaowan", ""}).size() == 1);
    CHECK(found({"过敏", "", "faq"}).empty());
    CHECK(found({"", "", ""}).size() == s.size());
    CHECK(found({"没有这句话", "", ""}).empty());
}

TEST_CASE("scripts: ids, keyword splitting", "[scripts]") {
    std::vector<ScriptEntry> s(2);
    s[0].id = "s1";
    s[1].id = "s3";
    CHECK(fresh_script_id(s) == "s2");
    CHECK(split_keywords("优惠券， 券、折扣;券 |coupon\n") == std::vector<std::string>{"优惠券", "券", "折扣", "coupon"});
    CHECK(split_keywords("  ").empty());
}

TEST_CASE("scripts: insert, update, erase, duplicate and move through the command forms, undo and redo", "[scripts][edit]") {
    Workspace ws = demo();
    History h(ws);
    const auto before = ids(ws);
    const std::size_t n = before.size();

    // Insert (partial value over the defaults).
    REQUIRE(run(h, ws, R"({"type":"insert","section":"roles.scripts","id":"s99","value":{"persona":"p_xiaowan","category":"festival","trigger":"国庆问候","keywords":["国庆"],"reply":"{昵称}国庆快乐"}})"));
    REQUIRE(ws.roles.scripts.size() == n + 1);
    CHECK(ws.roles.scripts.back().id == "s99");
    CHECK(ws.roles.scripts.back().keywords == std::vector<std::string>{"国庆"});
    // A category must be one of the keys.
    auto bad = try_edit(R"({"type":"update","section":"roles.scripts","id":"s99","value":{"category":"promo"}})", ws);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "roles.bad_script_category");
    // Update.
    REQUIRE(run(h, ws, R"({"type":"update","section":"roles.scripts","id":"s99","value":{"note":"节前一天发"}})"));
    CHECK(by_id(ws, "s99")->note == "节前一天发");
    CHECK(by_id(ws, "s99")->reply == "{昵称}国庆快乐");
    // Duplicate: an insert of a copy with a new id right after the original.
    const std::size_t at = 2;
    ScriptEntry copy = ws.roles.scripts[at];
    copy.id = fresh_script_id(ws.roles.scripts);
    const std::string dup = R"({"type":"insert","section":"roles.scripts","id":")" + copy.id +
                            R"(","index":)" + std::to_string(at + 1) + R"(,"value":{"persona":")" + copy.persona +
                            R"(","category":")" + copy.category + R"(","trigger":")" + copy.trigger + R"("}})";
    REQUIRE(run(h, ws, dup));
    CHECK(ws.roles.scripts[at + 1].id == copy.id);
    CHECK(ws.roles.scripts[at + 1].trigger == ws.roles.scripts[at].trigger);
    // Move: one undo step each way.
    const auto before_move = ids(ws);
    REQUIRE(run(h, ws, R"({"type":"move","section":"roles.scripts","id":"s1","index":3})"));
    auto moved = ids(ws);
    CHECK(moved[3] == "s1");
    CHECK(moved[0] == before_move[1]);
    CHECK(moved.size() == before_move.size());
    REQUIRE(run(h, ws, R"({"type":"move","section":"roles.scripts","id":"s1","index":999})"));
    CHECK(ids(ws).back() == "s1");  // clamped to the end
    REQUIRE(h.undo());
    CHECK(ids(ws) == moved);
    REQUIRE(h.undo());
    CHECK(ids(ws) == before_move);
    REQUIRE(h.redo());
    CHECK(ids(ws) == moved);
    REQUIRE(h.undo());
    auto no_index = try_edit(R"({"type":"move","section":"roles.scripts","id":"s1"})", ws);
    REQUIRE_FALSE(no_index);
    CHECK(no_index.error().code == "cmd.missing_field");
    auto unknown = try_edit(R"({"type":"move","section":"roles.scripts","id":"nope","index":0})", ws);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == "cmd.unknown_id");
    // Erase, then undo everything back to the demo.
    REQUIRE(run(h, ws, R"({"type":"erase","section":"roles.scripts","id":"s2"})"));
    CHECK_FALSE(by_id(ws, "s2"));
    while (h.undo()) {}
    CHECK(ids(ws) == before);
    CHECK(ws.roles.scripts == demo().roles.scripts);
}

TEST_CASE("scripts: plan_diff compares the library by id", "[scripts][plan_diff]") {
    const Workspace mine = demo();
    Workspace theirs = demo();
    theirs.roles.scripts[0].reply = "改过的欢迎语";
    theirs.roles.scripts.erase(theirs.roles.scripts.begin() + 1);
    theirs.roles.scripts.push_back(ScriptEntry{"s77", "p_expert", "faq", "新问题", {}, "新回答", ""});
    const auto d = diff_plans(mine, theirs);
    std::vector<std::string> seen;
    for (const PlanChange& c : d)
        if (c.section == "roles.scripts") seen.push_back(c.id + ":" + std::to_string(static_cast<int>(c.kind)));
    CHECK(seen == std::vector<std::string>{"s1:2", "s77:0", "s2:1"});
    for (const PlanChange& c : d)
        if (c.id == "s77") CHECK(c.name == "新问题");
    const Workspace merged = merge_plans(mine, theirs, d);
    CHECK(merged.roles.scripts == theirs.roles.scripts);
    const auto sections = list_sections();
    CHECK(std::find(sections.begin(), sections.end(), "roles.scripts") != sections.end());
}

TEST_CASE("scripts CSV: export then import is a round trip; rows with a known id replace, others add", "[scripts][csv]") {
    const Workspace ws = demo();
    const std::string csv = export_scripts_csv(ws.roles);
    // Imported into the same library, every row replaces itself: nothing changes.
    auto same = import_scripts_csv(csv, ws.roles);
    REQUIRE(same);
    CHECK(same->updated == static_cast<int>(ws.roles.scripts.size()));
    CHECK(same->added == 0);
    CHECK(same->encoding == std::string("utf-8"));
    CHECK(same->scripts == ws.roles.scripts);
    // Into an empty library: all added, ids kept.
    RolesPlan empty;
    empty.personas = ws.roles.personas;
    auto fresh = import_scripts_csv(csv, empty);
    REQUIRE(fresh);
    CHECK(fresh->added == static_cast<int>(ws.roles.scripts.size()));
    CHECK(fresh->scripts == ws.roles.scripts);
    // Only one persona's entries.
    const std::string one = export_scripts_csv(ws.roles, "p_expert");
    auto part = import_scripts_csv(one, empty);
    REQUIRE(part);
    for (const ScriptEntry& e : part->scripts) CHECK(e.persona == "p_expert");
}

TEST_CASE("scripts CSV import: the SCRM layout, headers in any order, defaults, without BOM, tabs", "[scripts][csv]") {
    const Workspace ws = demo();
    // No BOM, only the three SCRM columns, another order, a blank line.
    const std::string scrm = "内容,标题,分组\r\n{昵称}你好，新品{商品}到了,新品通知,常见问题\r\n\r\n在的～,在吗,\r\n";
    auto r = import_scripts_csv(scrm, ws.roles, "p_expert");
    REQUIRE(r);
    CHECK(r->added == 2);
    CHECK(r->updated == 0);
    const std::size_t n = ws.roles.scripts.size();
    REQUIRE(r->scripts.size() == n + 2);
    const ScriptEntry& a = r->scripts[n];
    CHECK(a.id == "s21");  // fresh ids after the demo's s1…s20
    CHECK(a.persona == "p_expert");
    CHECK(a.category == "faq");
    CHECK(a.trigger == "新品通知");
    CHECK(a.reply == "{昵称}你好，新品{商品}到了");
    CHECK(r->scripts[n + 1].category == "faq");  // an empty group is an FAQ
    // English headers, tab-separated, English category names and keys, persona by id or name.
    const std::string en = "category\ttitle\treply\tkeywords\tpersona\n"
                           "Objection handling\tToo pricey\tLet me work out the price\tprice, 贵\tp_xiaowan\n"
                           "crisis\tLate parcel\tSorry!\t\t美妆顾问阿杰\n";
    auto e = import_scripts_csv(en, ws.roles);
    REQUIRE(e);
    CHECK(e->scripts[n].category == "objection");
    CHECK(e->scripts[n].keywords == std::vector<std::string>{"price", "贵"});
    CHECK(e->scripts[n].persona == "p_xiaowan");
    CHECK(e->scripts[n + 1].category == "crisis");
    CHECK(e->scripts[n + 1].persona == "p_expert");
}

TEST_CASE("scripts CSV import: GB18030 (Chinese Excel's CSV) and UTF-8 with BOM read the same", "[scripts][csv]") {
    const Workspace ws = demo();
    // "分组,标题,内容,人设\r\n节日问候,中秋,{昵称}中秋快乐,小婉\r\n" in GB18030.
    const std::string gb =
        "\xB7\xD6\xD7\xE9\x2C\xB1\xEA\xCC\xE2\x2C\xC4\xDA\xC8\xDD\x2C\xC8\xCB\xC9\xE8\x0D\x0A\xBD\xDA\xC8\xD5\xCE\xCA\xBA\xF2\x2C\xD6"
        "\xD0\xC7\xEF\x2C\x7B\xEA\xC7\xB3\xC6\x7D\xD6\xD0\xC7\xEF\xBF\xEC\xC0\xD6\x2C\xD0\xA1\xCD\xF1\x0D\x0A";
    auto g = import_scripts_csv(gb, ws.roles);
    REQUIRE(g);
    CHECK(g->encoding == std::string("gb18030"));
    const std::string utf8 = "\xEF\xBB\xBF分组,标题,内容,人设\r\n节日问候,中秋,{昵称}中秋快乐,小婉\r\n";
    auto u = import_scripts_csv(utf8, ws.roles);
    REQUIRE(u);
    CHECK(u->encoding == std::string("utf-8"));
    REQUIRE(g->scripts.size() == u->scripts.size());
    CHECK(g->scripts.back() == u->scripts.back());
    CHECK(u->scripts.back().category == "festival");
    CHECK(u->scripts.back().trigger == "中秋");
    CHECK(u->scripts.back().reply == "{昵称}中秋快乐");
    CHECK(u->scripts.back().persona == "p_xiaowan");
}

TEST_CASE("scripts CSV import: a bad row refuses the file, naming the line and the problem", "[scripts][csv]") {
    const Workspace ws = demo();
    auto err = [&](const std::string& text) {
        auto r = import_scripts_csv(text, ws.roles);
        REQUIRE_FALSE(r);
        return r.error();
    };
    Error e = err("分组,标题\r\n常见问题,在吗\r\n");
    CHECK(e.code == "roles.csv_no_content");
    CHECK(e.where.line == 1);
    e = err("分组,标题,内容\r\n常见问题,在吗,在的\r\n促销,双11,快来\r\n");
    CHECK(e.code == "roles.csv_bad_category");
    CHECK(e.where.line == 3);
    CHECK(e.where.column == 1);
    CHECK(e.args == std::vector<std::string>{"促销"});
    e = err("分组,标题,内容\r\n常见问题,在吗,\r\n");
    CHECK(e.code == "roles.csv_empty_reply");
    CHECK(e.where.line == 2);
    CHECK(e.where.column == 3);
    // Columns beyond the seven the library has (another export's extras before ours): the column
    // is counted in the file and the field named by what it holds.
    e = err("群名称,群主,日期,群人数,入群人数,退群人数,a,b,内容\r\n1,2,3,4,5,6,7,8,\r\n");
    CHECK(e.code == "roles.csv_empty_reply");
    CHECK(e.where.column == 9);
    CHECK(e.where.field == "内容");
    e = err("内容,人设\r\n你好,小丽\r\n");
    CHECK(e.code == "roles.csv_unknown_persona");
    CHECK(e.args == std::vector<std::string>{"小丽"});
    e = err("内容,编号\r\n你好,a1\r\n再见,a1\r\n");
    CHECK(e.code == "roles.csv_duplicate_id");
    CHECK(e.where.line == 3);
    e = err("内容,标题\r\n你好,在吗,多一格\r\n");
    CHECK(e.code == "roles.csv_extra_cells");
    CHECK(e.where.line == 2);
    e = err("内容\r\n");
    CHECK(e.code == "roles.csv_no_rows");
    // A line break inside quotes: the record after it starts on line 4.
    e = err("分组,标题,内容\r\n常见问题,在吗,\"在的\r\n有事吗\"\r\n促销,双11,快来\r\n");
    CHECK(e.code == "roles.csv_bad_category");
    CHECK(e.where.line == 4);
    // Not text at all.
    e = err(std::string("PK\x03\x04\0\0\0\0binary", 14));
    CHECK((e.code == "io.spreadsheet_file" || e.code == "io.binary_file"));
    CHECK(err("").code == "io.empty_file");
    // The message names the line.
    const std::string zh = describe(err("分组,标题,内容\r\n促销,双11,快来\r\n"), Lang::Zh);
    CHECK(zh.find("促销") != std::string::npos);
    CHECK(zh.find("2") != std::string::npos);
}

TEST_CASE("scripts CSV import: one undo step; undo and redo", "[scripts][csv][edit]") {
    Workspace ws = demo();
    History h(ws);
    const auto before = ws.roles.scripts;
    auto r = import_scripts_csv("分组,标题,内容\r\n常见问题,在吗,在的\r\n节日问候,元旦,{昵称}新年好\r\n", ws.roles, "p_xiaowan");
    REQUIRE(r);
    REQUIRE(h.submit(set_value("roles.scripts", r->scripts, "cmd.import_scripts")));
    CHECK(ws.roles.scripts.size() == before.size() + 2);
    REQUIRE(h.undo());
    CHECK(ws.roles.scripts == before);
    CHECK_FALSE(h.can_undo());
    REQUIRE(h.redo());
    CHECK(ws.roles.scripts == r->scripts);
}

TEST_CASE("a schema 4 workspace: its per-persona libraries become the flat list with ids", "[scripts][persist]") {
    // The current demo, saved, then written back into the schema 4 shape: roles.scripts as
    // libraries per persona with entries {kind, trigger, reply, note}, as version 4 saved them.
    const std::string now = save_workspace_json(demo());
    rapidjson::Document d;
    d.Parse(now.c_str());
    REQUIRE(d.IsObject());
    rapidjson::Document old;
    old.Parse(R"([{"persona":"p_xiaowan","entries":[
        {"kind":"greeting","trigger":"新好友通过后","reply":"嗨～我是小婉","note":"1 分钟内"},
        {"kind":"keyword","trigger":"优惠券","reply":"这是本周的券","note":"关键词自动回复"},
        {"kind":"complaint","trigger":"过敏/不适","reply":"真的很抱歉","note":""}]},
      {"persona":"p_expert","entries":[{"kind":"faq","trigger":"烟酰胺和 VC 能一起用吗？","reply":"可以一起用","note":"不做功效承诺"}]}])");
    REQUIRE(old.IsArray());
    rapidjson::Value& payload = d["payload"];
    payload["roles"]["scripts"].CopyFrom(old, d.GetAllocator());
    // Schema 4 had no group-health thresholds.
    auto& rules = payload["rules"];
    for (rapidjson::SizeType i = rules.Size(); i-- > 0;)
        if (std::string(rules[i]["id"].GetString()).rfind("group.zombie_", 0) == 0) rules.Erase(rules.Begin() + i);
    REQUIRE(rules.Size() + 2 == demo().rules.rules.size());
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    payload.Accept(w);
    const std::string body(buf.GetString(), buf.GetSize());
    const std::string file = "{\"format\":\"yutang.workspace\",\"schema\":4,\"app\":\"0.1.0\",\"checksum\":\"fnv1a64:" +
                             hex64(fnv1a64(body)) + "\",\"payload\":" + body + "}\n";
    auto r = load_workspace_json(file);
    REQUIRE(r);
    const auto& s = r->roles.scripts;
    REQUIRE(s.size() == 4);
    CHECK(ids(*r) == std::vector<std::string>{"s1", "s2", "s3", "s4"});
    CHECK(s[0].persona == "p_xiaowan");
    CHECK(s[0].category == "welcome");
    CHECK(s[0].trigger == "新好友通过后");
    CHECK(s[0].note == "1 分钟内");
    CHECK(s[0].keywords.empty());
    CHECK(s[1].category == "keyword");
    CHECK(s[1].keywords == std::vector<std::string>{"优惠券"});
    CHECK(s[2].category == "crisis");
    CHECK(s[3].persona == "p_expert");
    CHECK(s[3].category == "faq");
    CHECK(s[3].reply == "可以一起用");
    // The group-health thresholds of this schema are there (the schema 4 rules lacked them).
    CHECK(r->rules.find("group.zombie_speaking_ratio"));
    CHECK(r->rules.find("group.zombie_msgs_per_member_day"));
    // Saved again it is a current file that reads back the same.
    auto again = load_workspace_json(save_workspace_json(*r));
    REQUIRE(again);
    CHECK(again->roles.scripts == s);
    // A schema 4 workspace without scripts gets an empty library.
    payload["roles"].RemoveMember("scripts");
    rapidjson::StringBuffer b2;
    rapidjson::Writer<rapidjson::StringBuffer> w2(b2);
    payload.Accept(w2);
    const std::string body2(b2.GetString(), b2.GetSize());
    auto none = load_workspace_json("{\"format\":\"yutang.workspace\",\"schema\":4,\"app\":\"0.1.0\",\"checksum\":\"fnv1a64:" +
                                    hex64(fnv1a64(body2)) + "\",\"payload\":" + body2 + "}\n");
    REQUIRE(none);
    CHECK(none->roles.scripts.empty());
}

TEST_CASE("a demo workspace saved with schema 1 opens with its 18 scripts in one list", "[scripts][persist]") {
    // A file written by the first published version (kept as a fuzz seed): 小婉's library of 11
    // entries, then 阿杰's of 7, with the kinds greeting, faq, keyword and complaint.
    const std::string text = yt::test::source_text("tests/fuzz/seeds/workspace/demo.yutang.json");
    REQUIRE(text.find("\"schema\":1") != std::string::npos);
    auto r = load_workspace_json(text);
    REQUIRE(r);
    const auto& s = r->roles.scripts;
    REQUIRE(s.size() == 18);
    CHECK(s.front().id == "s1");
    CHECK(s.back().id == "s18");
    CHECK(s[0].persona == "p_xiaowan");
    CHECK(s[0].category == "welcome");
    CHECK(s[5].category == "keyword");
    CHECK(s[5].keywords == std::vector<std::string>{s[5].trigger});
    CHECK(s[8].category == "crisis");
    CHECK(s[11].persona == "p_expert");
    CHECK(s[11].category == "welcome");
    // Its replies are scanned under their new ids.
    const Assessment a = assess(*r, nullptr, std::nullopt);
    for (const Finding& f : a.content.findings)
        if (f.subject_kind == "script") CHECK(by_id(*r, f.subject));
}

TEST_CASE("the compliance scan points script findings at the script's id", "[scripts][content]") {
    Workspace ws = demo();
    const std::size_t demo_findings = assess(ws, nullptr, std::nullopt).content.findings.size();
    CHECK(demo_findings == 1);  // the demo's scripts are clean
    ws.roles.scripts[4].reply += "，销量第一";
    const Assessment a = assess(ws, nullptr, std::nullopt);
    REQUIRE(a.content.findings.size() == demo_findings + 1);
    const Finding* f = nullptr;
    for (const Finding& x : a.content.findings)
        if (x.subject_kind == "script") f = &x;
    REQUIRE(f);
    CHECK(f->subject == ws.roles.scripts[4].id);
    CHECK(f->args[0].str() == "第一");
    CHECK(f->args[1].str() == ws.roles.scripts[4].trigger);
    // Moved elsewhere in the list, the finding still names the same script.
    std::rotate(ws.roles.scripts.begin(), ws.roles.scripts.begin() + 4, ws.roles.scripts.begin() + 5);
    const Assessment b = assess(ws, nullptr, std::nullopt);
    bool same = false;
    for (const Finding& x : b.content.findings) same = same || (x.subject_kind == "script" && x.subject == f->subject);
    CHECK(same);
}
