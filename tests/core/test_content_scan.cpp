// test_content_scan.cpp — the content compliance scan (core/plan/assess_content.cpp): term levels
// and categories, ordinal and time exceptions, matching on code points, each persona's taboo
// words in its own content only, the promotion share per persona and week, edits of the term
// list through commands with undo and redo, and the schema step that brings the shipped list to
// older workspaces.
#include <catch2/catch.hpp>

#include <algorithm>

#include "edit_try.hpp"
#include "core/i18n/i18n.hpp"
#include "core/persist/persist.hpp"
#include "core/plan/assess.hpp"
#include "core/plan/assess_content.hpp"
#include "core/plan/demo.hpp"
#include "core/rules/content_terms.hpp"
#include "core/rules/term_match.hpp"

using namespace yt;

namespace {

const Day kMon = 20773;  // 2026-11-16, a Monday

Workspace base() {
    Workspace ws;
    ws.rules = default_rules();
    ws.compliance.terms = default_content_terms();
    Persona a;
    a.id = "pa";
    a.name = "小婉";
    a.taboo_words = {"闺蜜价", "第一"};
    a.mix = ContentMix{40, 30, 20, 10};
    Persona b;
    b.id = "pb";
    b.name = "阿杰";
    b.mix = ContentMix{0, 0, 0, 0};  // no target: the mix is not judged
    ws.roles.personas = {a, b};
    return ws;
}

ContentItem item(const std::string& id, const std::string& persona, Day day, const std::string& title,
                 const std::string& type = "life") {
    ContentItem it;
    it.id = id;
    it.persona = persona;
    it.day = day;
    it.channel = "moments";
    it.type = type;
    it.title = title;
    return it;
}

std::vector<Finding> scan(const Workspace& ws, Day from = kMon - 7, Day to = kMon + 20) {
    ContentFigures c;
    assess_content(ws, from, to, c);
    REQUIRE(c.links.size() == c.findings.size());
    return c.findings;
}

std::vector<const Finding*> about(const std::vector<Finding>& fs, const std::string& subject) {
    std::vector<const Finding*> out;
    for (const Finding& f : fs)
        if (f.subject == subject) out.push_back(&f);
    return out;
}

std::vector<std::size_t> find(const std::string& text, const std::string& word, const std::vector<std::string>& ex = {}) {
    return find_word(FoldedText(text), word, ex);
}

}  // namespace

TEST_CASE("content scan: each level and category gives its finding, naming the item and the word", "[content]") {
    Workspace ws = base();
    ws.calendar.items = {item("i1", "pb", kMon, "国家级实验室出品"), item("i2", "pb", kMon, "通勤妆首选"),
                         item("i3", "pb", kMon, "换季祛痘小心得"), item("i4", "pb", kMon, "三天根治痘痘"),
                         item("i5", "pb", kMon, "今天的通勤妆")};
    const auto fs = scan(ws);
    auto one = [&](const std::string& id) {
        auto v = about(fs, id);
        REQUIRE(v.size() == 1);
        return *v.front();
    };
    const Finding national = one("i1");
    CHECK(national.rule == "content.absolute_term");
    CHECK(national.severity == Severity::Error);  // block: named in the law
    CHECK(national.subject_kind == "item");
    CHECK(national.args[0].str() == "国家级");
    CHECK(national.args[1].str() == "国家级实验室出品");
    CHECK(national.args[4].str() == "2026-11-16");
    CHECK(national.args[3].str().find("广告法第九条") != std::string::npos);
    CHECK(finding_message(national, Lang::Zh).find("“国家级”") != std::string::npos);
    CHECK(finding_message(national, Lang::En).find("absolute term") != std::string::npos);
    CHECK(one("i2").severity == Severity::Warning);  // warn
    const Finding acne = one("i3");
    CHECK(acne.rule == "content.cosmetics_claim");
    CHECK(acne.severity == Severity::Info);  // info: needs evidence
    const Finding cure = one("i4");
    CHECK(cure.rule == "content.medical_claim");
    CHECK(cure.severity == Severity::Error);
    CHECK(about(fs, "i5").empty());
    // Every message and fix the scan can make reads in both languages.
    for (const Finding& f : fs) {
        CHECK(has_tr(f.message));
        CHECK(has_tr(f.fix));
    }
}

TEST_CASE("content scan: ordinals and time words are not claims; the longest hit wins", "[content]") {
    Workspace ws = base();
    ws.calendar.items = {item("i1", "pb", kMon, "第一次下单的你：第一步先洁面"), item("i2", "pb", kMon, "最近好忙，最后一天"),
                         item("i3", "pb", kMon, "第一次买就选全网第一"), item("i4", "pb", kMon, "最佳拍档")};
    const auto fs = scan(ws);
    CHECK(about(fs, "i1").empty());
    CHECK(about(fs, "i2").empty());
    auto rank = about(fs, "i3");
    REQUIRE(rank.size() == 1);
    CHECK(rank[0]->args[0].str() == "第一");
    CHECK(rank[0]->value == 1);  // the ordinal 第一次 is not counted
    CHECK(rank[0]->args[2].str().find("全网第一") != std::string::npos);
    auto best = about(fs, "i4");
    REQUIRE(best.size() == 1);  // 最佳 covers 最
    CHECK(best[0]->args[0].str() == "最佳");
    CHECK(best[0]->severity == Severity::Error);
}

TEST_CASE("term matching is on code points, folds full-width and case, and respects ASCII word edges", "[content]") {
    // A word that is a fragment of a character's bytes: a byte search would find it inside 最.
    CHECK(std::string("最佳").find("\xE6\x9C") != std::string::npos);
    CHECK(find("最佳", "\xE6\x9C").empty());
    // A malformed sequence reads as replacement characters and does not swallow the next word;
    // offsets count code points.
    CHECK(find("\xE6\x9C" "最好", "最") == std::vector<std::size_t>{2});
    CHECK(find("一二三最", "最") == std::vector<std::size_t>{3});
    CHECK(code_points("第一次") == 3);
    CHECK(find("１００％有效", "100%") == std::vector<std::size_t>{0});
    CHECK(find("top1 好物", "TOP1") == std::vector<std::size_t>{0});
    CHECK(find("TOP10 好物", "TOP1").empty());
    CHECK(find("1100%", "100%").empty());
    CHECK(find("No.1推荐", "NO.1") == std::vector<std::size_t>{0});
    CHECK(find("第一次和第一名", "第一", {"第一次"}) == std::vector<std::size_t>{4});
    CHECK(find("", "最").empty());
    CHECK(find("最", "").empty());
    CHECK(excerpt("这是一个很长的句子里面有国家级三个字然后还有很多", 12, 3, 4) == "…子里面有国家级三个字然…");
}

TEST_CASE("taboo words: each persona's own words in its own items and scripts only", "[content]") {
    Workspace ws = base();
    ws.compliance.terms.clear();  // taboo words alone
    ws.calendar.items = {item("i1", "pa", kMon, "闺蜜价来啦"), item("i2", "pb", kMon, "闺蜜价来啦")};
    ws.roles.scripts = {ScriptEntry{"s1", "pa", "faq", "有优惠吗？", {}, "有的，闺蜜价只到周日", ""},
                        ScriptEntry{"s2", "pa", "faq", "几天到？", {}, "两三天", ""}};
    Sop sop;
    sop.id = "welcome";
    sop.name = "新好友";
    SopStep welcome;
    welcome.channel = "private";
    welcome.type = "life";
    welcome.title = "闺蜜价欢迎礼";
    sop.steps = {welcome};
    ws.calendar.sops = {sop};
    const auto fs = scan(ws);
    auto a = about(fs, "i1");
    REQUIRE(a.size() == 1);
    CHECK(a[0]->rule == "content.taboo_word");
    CHECK(a[0]->args[0].str() == "闺蜜价");
    CHECK(a[0]->args[3].str() == "小婉");
    CHECK(about(fs, "i2").empty());  // 阿杰 has no such taboo word
    auto s = about(fs, "s1");  // a script's findings point at its id
    REQUIRE(s.size() == 1);
    CHECK(s[0]->subject_kind == "script");
    CHECK(s[0]->args[1].str() == "有优惠吗？");
    CHECK(about(fs, "s2").empty());
    CHECK(about(fs, "welcome").empty());  // SOP steps belong to no persona
    // A taboo word that is also a term shares the term's exceptions, and the term wins.
    ws.compliance.terms = default_content_terms();
    ws.calendar.items = {item("i3", "pa", kMon, "第一次见面"), item("i4", "pa", kMon, "销量第一")};
    const auto gs = scan(ws);
    CHECK(about(gs, "i3").empty());
    auto d = about(gs, "i4");
    REQUIRE(d.size() == 1);
    CHECK(d[0]->rule == "content.absolute_term");
}

TEST_CASE("content mix: a persona's promotion share per Monday week against its target plus the margin", "[content]") {
    Workspace ws = base();  // 小婉: promotion target 10 %, margin 15 % -> flagged above 25 %
    auto week = [&](Day monday, int items, int promos, const std::string& persona, const std::string& tag) {
        for (int i = 0; i < items; ++i)
            ws.calendar.items.push_back(item(tag + std::to_string(i), persona, monday + i % 7, "日常分享", i < promos ? "promo" : "life"));
    };
    week(kMon, 4, 2, "pa", "w1-");      // 50 %: flagged
    week(kMon + 7, 4, 1, "pa", "w2-");  // 25 %: at the limit, not flagged
    week(kMon + 14, 2, 2, "pa", "w3-"); // 100 % of 2 items: too few to judge
    week(kMon, 5, 5, "pb", "b-");       // no mix target
    const auto fs = scan(ws);
    std::vector<const Finding*> mix;
    for (const Finding& f : fs)
        if (f.rule == "content.mix_off") mix.push_back(&f);
    REQUIRE(mix.size() == 1);
    CHECK(mix[0]->subject == "pa");
    CHECK(mix[0]->value == Approx(0.5));
    CHECK(mix[0]->limit == Approx(0.25));
    CHECK(mix[0]->args[3].str() == "2");
    CHECK(mix[0]->args[4].str() == "4");
    CHECK(mix[0]->args[5].str() == "2026-11-16");
    CHECK(mix[0]->args[6].str() == "2026-11-22");
    // The margin and the minimum are rules.
    for (Rule& r : ws.rules.rules)
        if (r.id == "content.mix_min_items") r.value = 2;
    int flagged = 0;
    for (const Finding& f : scan(ws)) flagged += f.rule == "content.mix_off";
    CHECK(flagged == 2);  // week 3 is judged now
    // Linked to the week's promotion items, so the Calendar marks them.
    ContentFigures c;
    assess_content(ws, kMon - 7, kMon + 20, c);
    for (std::size_t i = 0; i < c.findings.size(); ++i)
        if (c.findings[i].rule == "content.mix_off" && c.findings[i].args[5].str() == "2026-11-16") {
            CHECK(c.links[i].items == std::vector<std::string>{"w1-0", "w1-1"});
            CHECK(c.links[i].from == kMon);
        }
}

TEST_CASE("the term list is edited through commands, each one undo step", "[content][edit]") {
    Workspace ws = base();
    ws.calendar.items = {item("i1", "pb", kMon, "全网第一的神仙水"), item("i2", "pb", kMon, "闭眼入宝藏款")};
    History h(ws);
    auto run = [&](const std::string& json) {
        auto cmd = try_edit(json, ws);
        REQUIRE(cmd);
        REQUIRE(h.submit(std::move(cmd.value())));
        h.seal();
    };
    auto count = [&](const std::string& id) { return about(scan(ws), id).size(); };
    REQUIRE(count("i1") == 1);
    REQUIRE(count("i2") == 0);

    run(R"({"type":"insert","section":"compliance.terms","id":"user.1","value":{"word":"闭眼入","level":"warn","category":"absolute"}})");
    CHECK(count("i2") == 1);
    run(R"({"type":"update","section":"compliance.terms","id":"abs.first","value":{"enabled":false}})");
    CHECK(count("i1") == 0);
    run(R"({"type":"erase","section":"compliance.terms","id":"user.1"})");
    CHECK(count("i2") == 0);
    REQUIRE(h.undo());
    CHECK(count("i2") == 1);
    REQUIRE(h.undo());
    CHECK(count("i1") == 1);
    REQUIRE(h.redo());
    CHECK(count("i1") == 0);

    // Restore: the shipped terms as shipped (第一 on again), the user's own kept; one step.
    run(R"({"type":"erase","section":"compliance.terms","id":"abs.national"})");
    run(R"({"type":"restore_content_terms"})");
    CHECK(count("i1") == 1);
    CHECK(count("i2") == 1);
    CHECK(ws.compliance.terms.size() == default_content_terms().size() + 1);
    REQUIRE(h.undo());
    CHECK(count("i1") == 0);
    CHECK(std::none_of(ws.compliance.terms.begin(), ws.compliance.terms.end(), [](const ContentTerm& t) { return t.id == "abs.national"; }));

    // Bad terms are refused and change nothing.
    const std::size_t n = ws.compliance.terms.size();
    auto bad_level = try_edit(R"({"type":"insert","section":"compliance.terms","id":"x","value":{"word":"好","level":"ban"}})", ws);
    REQUIRE_FALSE(bad_level);
    CHECK(bad_level.error().code == "content.bad_term_level");
    auto no_word = try_edit(R"({"type":"update","section":"compliance.terms","id":"abs.top","value":{"word":""}})", ws);
    REQUIRE_FALSE(no_word);
    CHECK(no_word.error().code == "content.bad_term_word");
    CHECK(ws.compliance.terms.size() == n);
}

TEST_CASE("a schema 3 workspace opens with the shipped compliance terms", "[content][persist]") {
    Workspace ws = demo_workspace(kDemoToday);
    std::string text = save_workspace_json(ws);
    const std::string now = "\"schema\":" + std::to_string(kSchemaVersion);
    text.replace(text.find(now), now.size(), "\"schema\":3");
    const std::size_t at = text.find(",\"compliance\":{");
    REQUIRE(at != std::string::npos);
    const std::size_t end = text.find("]}", at);
    REQUIRE(end != std::string::npos);
    text.erase(at, end + 2 - at);
    REQUIRE(text.find("compliance") == std::string::npos);
    bool edited = false;
    auto r = load_workspace_json(text, &edited);
    REQUIRE(r);
    CHECK(r->compliance.terms.size() == default_content_terms().size());
    CHECK(r->compliance.terms.front().id == default_content_terms().front().id);
    // A current file round-trips the list as saved (a disabled term stays disabled).
    ws.compliance.terms[0].enabled = false;
    auto again = load_workspace_json(save_workspace_json(ws));
    REQUIRE(again);
    CHECK_FALSE(again->compliance.terms[0].enabled);
}

TEST_CASE("the demo's words are clean; its Double 11 week is over 小婉's content mix", "[content][demo]") {
    // The demo's scripts say 最近 and 最新进度 (times, not claims) and the personas keep to their
    // own taboo lists; the one content finding is true: 9 of 小婉's 20 items that week are
    // promotions against her 25 % target.
    const Assessment a = assess(demo_workspace(kDemoToday), nullptr, std::nullopt);
    REQUIRE(a.content.findings.size() == 1);
    const Finding& f = a.content.findings[0];
    CHECK(f.rule == "content.mix_off");
    CHECK(f.subject == "p_xiaowan");
    CHECK(f.args[5].str() == "2026-11-16");
    CHECK(f.args[3].str() == "9");
    CHECK(f.args[4].str() == "20");
    // The Calendar lists it beside its own findings and marks the week's promotions.
    bool listed = false;
    for (std::size_t i = 0; i < a.calendar.findings.size(); ++i)
        if (a.calendar.findings[i].rule == "content.mix_off") {
            listed = true;
            CHECK(a.calendar.links[i].items.size() >= 1);
            for (const std::string& id : a.calendar.links[i].items) CHECK(a.calendar.worst(id) >= static_cast<int>(Severity::Warning));
        }
    CHECK(listed);
}
