// test_app.cpp — the app rendered headlessly (Dear ImGui without a window): every tab in both
// languages, the Chinese font, the test hook, autosave slots and storage failures.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "memory_platform.hpp"
#include "core/persist/persist.hpp"
#include "core/edit/plan_diff.hpp"
#include "core/i18n/i18n.hpp"
#include "core/plan/demo.hpp"

using namespace yt;
using namespace yt::app;

namespace {

using yt::test::MemoryPlatform;

using ImGuiFixture = yt::test::HeadlessImGui;

}  // namespace

TEST_CASE("the Chinese font loads with the glyphs the UI needs") {
    ImGuiFixture g;
    REQUIRE(g.font != nullptr);
    for (ImWchar c : {u'私', u'域', u'运', u'营', u'鱼', u'塘', u'分', u'层', u'，', u'A'})
        CHECK(g.font->FindGlyphNoFallback(c) != nullptr);
    CHECK(g.font->Glyphs.Size > 7000);
    CHECK(g.atlas_w <= 4096);
    CHECK(g.atlas_h <= 4096);
}

TEST_CASE("the screens' words are the app's: registered by the app, every compared plan section named in Settings") {
    yt::app::register_ui_messages();
    yt::app::register_ui_messages();  // once is enough; again changes nothing
    CHECK(std::string(yt::tr("tab.tiers", yt::Lang::Zh)) == "用户分层");
    CHECK(std::string(yt::tr("tab.tiers", yt::Lang::En)) == "Tiers");
    CHECK(yt::duplicate_message_keys().empty());
    // Every list an edit can change is compared by the plan diff and named in Settings.
    for (const std::string& s : yt::list_sections()) {
        INFO(s);
        CHECK(yt::has_tr("ui.plan.section." + s));  // the plan diff in Settings names its section
    }
}

TEST_CASE("every tab renders in Chinese and English: its headings on screen and its widgets published") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    CHECK(app.workspace().settings.language == "zh");
    // Per tab: texts of its own (catalogue keys) and a widget it publishes.
    const std::map<Tab, std::pair<std::vector<const char*>, const char*>> own = {
        {Tab::Dashboard, {{"ui.dash.checklist", "ui.dash.findings_title"}, "dash.print"}},
        {Tab::Tiers, {{"ui.tiers.segments"}, "tiers.import"}},
        {Tab::Personas, {{"ui.roles.sec.accounts"}, "persona_add"}},
        {Tab::Calendar, {{"ui.cal.month", "ui.cal.week"}, "cal.month"}},
        {Tab::Roi, {{"ui.roi.assumptions"}, "roi_aov"}},
        {Tab::Settings, {{"ui.storage", "protect.title"}, "protect.set"}},
    };
    for (const char* lang : {"zh", "en"}) {
        REQUIRE(app.dispatch(std::string(R"({"type":"set_language","value":")") + lang + "\"}") == "");
        const Lang l = parse_lang(lang);
        for (int t = 0; t < static_cast<int>(Tab::Count); ++t) {
            const Tab tab = static_cast<Tab>(t);
            app.select_tab(tab);
            for (int f = 0; f < 3; ++f) g.frame(app);  // a new window shows from its second frame
            INFO("tab " << tab_id(tab) << " in " << lang << "; drawn:\n" << g.drawn_text());
            CHECK(app.tab() == tab);
            for (const char* key : own.at(tab).first) {
                INFO(key);
                CHECK(g.shows(tr(key, l)));
            }
            const std::string s = app.state_json();
            CHECK(s.find(std::string("\"") + own.at(tab).second + "\":[") != std::string::npos);
            CHECK(s.find(std::string("\"tab.") + tab_id(tab) + "\":[") != std::string::npos);
        }
    }
}

TEST_CASE("the demo starts with customers, autosaves, and reload restores the edits") {
    ImGuiFixture g;
    MemoryPlatform p;
    {
        App app(p);
        app.start();
        g.frame(app);
        CHECK(p.store.count("yutang.ws.1") == 1);  // the fresh demo is saved in the first slot written
        REQUIRE(app.dispatch(R"({"type":"set_name","value":"私域运营"})") == "");
        std::string s = app.state_json();
        CHECK(s.find("\"name\":\"私域运营\"") != std::string::npos);
        CHECK(s.find("\"customers\":1500") != std::string::npos);
        CHECK(s.find("\"tab\":\"dashboard\"") != std::string::npos);
    }
    App again(p);
    again.start();
    CHECK(again.workspace().name == "私域运营");
    CHECK(again.banner().empty());
}

TEST_CASE("a corrupt slot is reported and the other slot is used") {
    ImGuiFixture g;
    MemoryPlatform p;
    {
        App app(p);
        app.start();
        g.frame(app);
        REQUIRE(app.dispatch(R"({"type":"set_name","value":"第二次保存"})") == "");
    }
    // The newest save is in slot 0 (seq 2); damage it.
    REQUIRE(p.store.count("yutang.ws.0") == 1);
    std::string& newest = p.store["yutang.ws.0"];
    newest = newest.substr(0, newest.size() / 2);
    App app(p);
    app.start();
    CHECK(app.workspace().name == "花漾私域运营计划");  // the older, valid slot
    CHECK(app.banner().find("存档槽 2") != std::string::npos);
}

TEST_CASE("storage failures keep the work in memory and say so") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    g.frame(app);
    p.fail_writes = true;
    REQUIRE(app.dispatch(R"({"type":"set_name","value":"没存上"})") == "");
    CHECK(app.workspace().name == "没存上");
    CHECK(app.banner().find("自动保存失败") != std::string::npos);
    p.fail_writes = false;
    REQUIRE(app.dispatch(R"({"type":"set_brand","value":"x"})") == "");
    CHECK(app.banner().empty());

    MemoryPlatform off;
    off.disabled = true;
    App app2(off);
    app2.start();
    CHECK(app2.banner().find("浏览器存储不可用") != std::string::npos);
    CHECK(app2.workspace().roles.personas.size() >= 2);  // the demo is still there to work with
    g.frame(app2);
    g.frame(app2);
    CHECK(app2.state_json().find("\"banner_download\"") != std::string::npos);  // offered as a file instead
}

TEST_CASE("a slot from a newer version is never overwritten") {
    ImGuiFixture g;
    MemoryPlatform p;
    Workspace ws;
    ws.name = "from the future";
    std::string text = save_workspace_json(ws);
    const std::string now = "\"schema\":" + std::to_string(kSchemaVersion);
    auto pos = text.find(now);
    text.replace(pos, now.size(), "\"schema\":7");
    p.store["yutang.ws.1"] = "5\n" + text;
    App app(p);
    app.start();
    g.frame(app);
    REQUIRE(app.dispatch(R"({"type":"set_name","value":"old app edit"})") == "");
    CHECK(p.store["yutang.ws.1"] == "5\n" + text);
    CHECK(p.store.count("yutang.ws.0") == 0);
    CHECK_FALSE(app.banner().empty());
}

TEST_CASE("a workspace file replaces the workspace as one undoable step; a broken one changes nothing") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    g.frame(app);
    Workspace other = app.workspace();
    other.name = "从文件打开";
    std::string good = save_workspace_json(other);
    // A field of the wrong type: refused with the problem named, nothing changes.
    std::string broken = good;
    broken.replace(broken.find("\"mask_personal\":true"), 20, "\"mask_personal\":\"yes\"");
    p.deliver_file("workspace", "broken.yutang.json", broken);
    g.frame(app);
    CHECK(app.workspace().name == "花漾私域运营计划");
    CHECK(app.banner().find("broken.yutang.json") != std::string::npos);

    // Edited by hand (its checksum no longer matches) but complete: opens, with a notice.
    std::string edited = good;
    edited.replace(edited.find("从文件打开"), std::string("从文件打开").size(), "手改的名字");
    p.deliver_file("workspace", "edited.yutang.json", edited);
    g.frame(app);
    CHECK(app.workspace().name == "手改的名字");
    CHECK(app.banner().find("校验和不符") != std::string::npos);
    app.history().undo();
    CHECK(app.workspace().name == "花漾私域运营计划");

    p.deliver_file("", "plan.yutang.json", good);  // dropped: recognised by its name
    g.frame(app);
    CHECK(app.workspace().name == "从文件打开");
    CHECK(app.tab() != Tab::Tiers);  // not mistaken for order data
    app.history().undo();
    CHECK(app.workspace().name == "花漾私域运营计划");
}

TEST_CASE("a colleague's plan opens the comparison in Settings; taking it is one undo step; a newer file is refused") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    g.frame(app);
    const std::string mine = save_workspace_json(app.workspace());
    Workspace theirs = app.workspace();
    theirs.roles.personas[0].tone = "更亲切";
    theirs.calendar.items.pop_back();
    std::string newer = save_workspace_json(theirs);
    const std::string schema = "\"schema\":" + std::to_string(kSchemaVersion);
    newer.replace(newer.find(schema), schema.size(), "\"schema\":" + std::to_string(kSchemaVersion + 1));

    p.deliver_file("plan", "newer.yutang.json", newer);
    g.frame(app);
    CHECK(save_workspace_json(app.workspace()) == mine);
    CHECK(app.banner().find("newer.yutang.json") != std::string::npos);
    CHECK(app.state_json().find("\"plan.take\"") == std::string::npos);

    p.deliver_file("plan", "colleague.yutang.json", save_workspace_json(theirs));
    g.frame(app);
    g.frame(app);
    CHECK(app.tab() == Tab::Settings);
    CHECK(save_workspace_json(app.workspace()) == mine);  // nothing taken yet
    const std::string st = app.state_json();
    CHECK(st.find("\"plan.take.1\"") != std::string::npos);
    CHECK(st.find("\"plan.take.2\"") == std::string::npos);  // two differences
}

TEST_CASE("the export button and the toolbar's file button go to the platform") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    g.frame(app);
    g.frame(app);
    auto rects = app.state_json();
    CHECK(rects.find("\"file:workspace\"") != std::string::npos);
    CHECK(rects.find("\"export_ws\"") != std::string::npos);
    // The page asks which file button is under the pointer before the click reaches ImGui.
    auto centre = [&](const char* name) {
        std::string s = app.state_json();
        auto at = s.find(std::string("\"") + name + "\":[");
        REQUIRE(at != std::string::npos);
        float x = 0, y = 0, w = 0, h = 0;
        std::sscanf(s.c_str() + at + std::strlen(name) + 4, "%f,%f,%f,%f", &x, &y, &w, &h);
        return ImVec2(x + w / 2, y + h / 2);
    };
    ImVec2 c = centre("file:workspace");
    CHECK(app.file_button_at(c.x, c.y) == std::string("workspace\t") + file_accept("workspace"));
    CHECK(app.file_button_at(1, 790).empty());
    // Export workspace says what the file holds and asks how the KOCs (customers) go out; in full
    // gives the whole workspace.
    ImGuiIO& io = ImGui::GetIO();
    auto click = [&](const char* name) {
        io.MousePos = centre(name);
        g.frame(app);
        io.MouseDown[0] = true;
        g.frame(app);
        io.MouseDown[0] = false;
        g.frame(app);
        g.frame(app);
    };
    click("export_ws");
    CHECK(p.downloads.empty());
    REQUIRE_FALSE(app.workspace().roles.kocs.empty());
    click("export_ws.full");
    REQUIRE(p.downloads.size() == 1);
    CHECK(p.downloads[0].filename == "花漾私域运营计划.yutang.json");
    CHECK(app.banner().find("花漾私域运营计划.yutang.json") != std::string::npos);  // the export says what it did
    auto back = load_workspace_json(p.downloads[0].data);
    REQUIRE(back);
    CHECK(back->name == "花漾私域运营计划");
    // 打印方案 on the Dashboard: the printable plan of the app's own Assessment goes to the
    // platform as a page (a new tab in the browser), its print button left to the opener, and the
    // banner says so. It lists exactly the findings the hook reports.
    click("dash.print");
    REQUIRE(p.pages.size() == 1);
    CHECK(p.downloads.size() == 1);  // a page, not a file
    const std::string& page = p.pages[0].data;
    CHECK(page.find("<html lang=\"zh-CN\">") != std::string::npos);
    CHECK(page.find("id=\"segment-table\"") != std::string::npos);  // the demo's orders are in
    CHECK(page.find("onclick") == std::string::npos);
    const std::string st = app.state_json();
    const auto plan = st.find("\"plan\":{");
    REQUIRE(plan != std::string::npos);
    int errors = -1, warnings = -1, infos = -1;
    REQUIRE(std::sscanf(st.c_str() + st.find("\"errors\":", plan), "\"errors\":%d,\"warnings\":%d,\"infos\":%d", &errors,
                        &warnings, &infos) == 3);
    std::size_t rows = 0;
    for (auto at = page.find("<tr class=\"finding\">"); at != std::string::npos; at = page.find("<tr class=\"finding\">", at + 1)) ++rows;
    CHECK(rows == static_cast<std::size_t>(errors + warnings + infos));
    CHECK(rows > 0);
    CHECK(app.banner().find(p.pages[0].filename) != std::string::npos);
    REQUIRE(app.dispatch(R"({"type":"set_language","value":"en"})") == "");
    g.frame(app);
    click("dash.print");
    REQUIRE(p.pages.size() == 2);
    CHECK(p.pages[1].data.find("<html lang=\"en\">") != std::string::npos);
    CHECK(app.banner().find("Opened the printable plan") != std::string::npos);
}

TEST_CASE("another tab's save pauses autosave here; storage use is reported") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    g.frame(app);
    REQUIRE(app.storage_info().known);
    CHECK(app.storage_info().persisted);  // asked for at start
    REQUIRE(app.dispatch(R"({"type":"set_name","value":"这里的修改"})") == "");
    app.select_tab(Tab::Settings);  // opening Settings asks again
    g.frame(app);
    g.frame(app);
    CHECK(app.storage_info().used > 0);
    CHECK(!p.announced.empty());  // other tabs are told about each save
    auto stored = p.store;
    yt::app::PlatformEvent ev;
    ev.kind = yt::app::PlatformEvent::Kind::OtherTabSaved;
    p.events.push_back(ev);
    g.frame(app);
    REQUIRE(app.dispatch(R"({"type":"set_name","value":"不会覆盖另一边"})") == "");
    g.frame(app);
    CHECK(p.store == stored);
    CHECK(app.state_json().find("\"other_tab_saved\":true") != std::string::npos);
}

TEST_CASE("F1 toggles the help overlay, which draws in both languages") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    for (const Lang l : {Lang::Zh, Lang::En}) {
        REQUIRE(app.dispatch(std::string(R"({"type":"set_language","value":")") + lang_code(l) + "\"}") == "");
        g.frame(app);
        CHECK_FALSE(g.shows(tr("help.intro", l)));
        app.toggle_help();
        for (int f = 0; f < 2; ++f) g.frame(app);  // a new window shows from its second frame
        CHECK(app.help_shown());
        for (const char* key : {"help.title", "help.intro", "help.tiers", "help.files"}) {
            INFO(key << " in " << lang_code(l) << "; drawn:\n" << g.drawn_text());
            CHECK(g.shows(tr(key, l)));
        }
        app.toggle_help();
        g.frame(app);
        CHECK_FALSE(app.help_shown());
        CHECK_FALSE(g.shows(tr("help.intro", l)));
    }
}

TEST_CASE("the Undo and Redo buttons say in a tooltip what they would undo or redo") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    g.frame(app);
    REQUIRE(app.dispatch(R"({"type":"set_name","value":"新名字"})") == "");
    auto hover = [&](const char* name) {
        g.frame(app);
        const auto it = app.widgets().find(name);
        REQUIRE(it != app.widgets().end());
        const WidgetRect& r = it->second;
        ImGui::GetIO().MousePos = ImVec2(r[0] + r[2] / 2, r[1] + r[3] / 2);
        for (int f = 0; f < 3; ++f) g.frame(app);  // a tooltip window shows from its second frame
    };
    hover("undo");
    CHECK(g.shows("撤销：" + std::string(tr("cmd.rename", Lang::Zh))));
    app.history().undo();
    hover("redo");
    CHECK(g.shows("重做：" + std::string(tr("cmd.rename", Lang::Zh))));
    CHECK_FALSE(g.shows("撤销：" + std::string(tr("cmd.rename", Lang::Zh))));  // nothing left to undo
}
