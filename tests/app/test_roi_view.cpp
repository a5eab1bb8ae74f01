// test_roi_view.cpp — the 漏斗 ROI tab headlessly: it renders in both languages, its derived
// figures, slider drags (one undo step each), scenario add / duplicate / delete / switch, the
// product-fit sliders and the channel matrix's share limit.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <cstdio>
#include <map>
#include <string>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "memory_platform.hpp"
#include "app/derived.hpp"
#include "core/economics/validate.hpp"
#include "core/plan/demo.hpp"
#include "views/roi.hpp"

using namespace yt;
using namespace yt::app;

namespace {

using yt::test::MemoryPlatform;

using ImGuiFixture = yt::test::HeadlessImGui;  // a tall display shows the whole tab without scrolling

// The ROI view alone in a full-screen window, wired like App: a Workspace, its History and the
// Derived figures refreshed whenever the History version changes.
struct RoiHarness {
    Workspace ws = demo_workspace(kDemoToday);
    History history{ws};
    yt::app::Derived d;
    RoiView view;
    WidgetRects widgets;
    Lang lang = Lang::Zh;
    RoiHarness() { refresh_derived(ws, d, history.version()); }
    void frame() {
        widgets.clear();
        yt::test::HeadlessImGui::view_frame([&] {
            ViewEnv env{ws, d, history, lang, widgets};
            view.draw(env);
        });
        if (d.version != history.version()) refresh_derived(ws, d, history.version());
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    ImVec2 centre(const std::string& name) {
        auto it = widgets.find(name);
        if (it == widgets.end()) FAIL("widget " << name << " not published");
        const auto& r = it->second;
        return ImVec2(r[0] + r[2] / 2, r[1] + r[3] / 2);
    }
    void move(ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame();
    }
    void click(const std::string& name) {
        const ImVec2 c = centre(name);
        move(c);
        ImGui::GetIO().MouseDown[0] = true;
        frame();
        ImGui::GetIO().MouseDown[0] = false;
        frame();
        frame();
    }
    // Presses at the widget's centre, moves by dx in a few steps and releases.
    void drag(const std::string& name, float dx) {
        const ImVec2 c = centre(name);
        move(c);
        ImGuiIO& io = ImGui::GetIO();
        io.MouseDown[0] = true;
        frame();
        for (int i = 1; i <= 5; ++i) move(ImVec2(c.x + dx * static_cast<float>(i) / 5, c.y));
        io.MouseDown[0] = false;
        frame();
        frame();
    }
    const Scenario& active() const { return ws.economics.scenarios[static_cast<std::size_t>(ws.economics.active)]; }
    const FunnelSummary& summary() const { return d.economics.funnel->summary; }
};

// Numbers of a widget rectangle in App::state_json(): "name":[x,y,w,h].
bool widget_in_state(const std::string& state, const std::string& name) {
    return state.find("\"" + name + "\":[") != std::string::npos;
}

}  // namespace

TEST_CASE("the ROI tab renders in Chinese and English with its widgets published") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    app.select_tab(Tab::Roi);
    for (const char* lang : {"zh", "en"}) {
        REQUIRE(app.dispatch(std::string(R"({"type":"set_language","value":")") + lang + "\"}") == "");
        for (int f = 0; f < 3; ++f) g.frame(app);
        INFO("language " << lang << "; drawn:\n" << g.drawn_text());
        CHECK(app.tab() == Tab::Roi);
        // Its words, the slider labels and the demo scenario's name.
        for (const char* key : {"ui.roi.assumptions", "economics.param.aov"}) CHECK(g.shows(tr(key, parse_lang(lang))));
        CHECK(g.shows("基准"));
        const std::string s = app.state_json();
        for (const char* w : {"roi_scenario", "roi_add", "roi_dup", "roi_del", "roi_rename", "roi_aov", "roi_margin",
                              "roi_first_purchase", "roi_repeat", "roi_churn", "roi_visitors_0", "roi_prod_frequency"})
            CHECK(widget_in_state(s, w));
    }
}

TEST_CASE("the ROI labels exist in both languages") {
    yt::app::register_ui_messages();  // as App does at start (this test may run first, alone)
    for (const char* k : {"ui.roi.assumptions", "ui.roi.funnel", "economics.stage.group", "economics.stage.repeat",
                          "ui.roi.pool_chart", "ui.roi.cash_chart", "ui.roi.comparison", "ui.roi.sens_lead",
                          "ui.roi.channels", "ui.roi.cmd_switch", "ui.roi.month_n"}) {
        INFO(k);
        CHECK(has_tr(k));
        CHECK(std::string(tr(k, Lang::Zh)) != tr(k, Lang::En));
    }
}

TEST_CASE("assess computes the demo's economics figures") {
    const Workspace ws = demo_workspace(kDemoToday);
    EconomicsFigures d;
    d = assess(ws, nullptr, std::nullopt).economics;
    REQUIRE(d.ready);
    CHECK_FALSE(d.plan_error);
    REQUIRE(d.funnel);
    CHECK(d.funnel->months.size() == 24);
    CHECK(d.active_id == "baseline");
    REQUIRE(d.comparison.size() == 3);
    for (const auto& c : d.comparison) CHECK(c.summary);
    // The active scenario's column is the same simulation as the funnel.
    CHECK(d.comparison[0].summary->ltv == Approx(d.funnel->summary.ltv));
    REQUIRE(d.stages.size() == 5);
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK(d.stages[i].value < d.stages[i - 1].value);
        CHECK(d.stages[i].conversion > 0);
        CHECK(d.stages[i].conversion < 1);
    }
    REQUIRE(d.sensitivity);
    CHECK(d.sensitivity->rows.size() >= 13);
    CHECK(d.fit.verdict == "good");
    CHECK(d.risk.pool_value > 0);
    CHECK(d.risk.pool_value == Approx(d.funnel->summary.final_buyers * d.funnel->summary.ltv));
    CHECK(d.accounts_from_roles);  // the demo's accounts have friends
    CHECK(d.channel_share_total == Approx(1.0));
}

TEST_CASE("an invalid assumption is reported and the other scenarios still compute") {
    Workspace ws = demo_workspace(kDemoToday);
    ws.economics.scenarios[0].a.repeat_rate = 1.5;
    EconomicsFigures d;
    d = assess(ws, nullptr, std::nullopt).economics;
    REQUIRE(d.plan_error);
    CHECK(d.plan_error->code == "economics.bad_field");
    CHECK_FALSE(d.funnel);
    REQUIRE(d.funnel_error);
    CHECK_FALSE(d.sensitivity);
    CHECK_FALSE(d.comparison[0].summary);
    CHECK(d.comparison[1].summary);
    CHECK(d.comparison[2].summary);
    // The tab still draws (the error instead of the charts).
    ImGuiFixture g(3000);
    RoiHarness h;
    h.ws.economics.scenarios[0].a.repeat_rate = 1.5;
    h.history.reset();
    h.frames(8);  // tables size themselves to their content over a few frames
    CHECK(h.d.economics.plan_error);
}

TEST_CASE("the command the AOV slider sends, dispatched as JSON, changes the summary; undo restores it") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    EconomicsFigures before;
    before = assess(app.workspace(), nullptr, std::nullopt).economics;
    REQUIRE(before.funnel);
    REQUIRE(app.dispatch(R"({"type":"update","section":"economics.scenarios","id":"baseline","value":{"a":{"aov":150}}})") == "");
    CHECK(app.workspace().economics.scenarios[0].a.aov == 150);
    CHECK(app.workspace().economics.scenarios[0].a.sources.size() == 3);  // a partial update keeps the rest
    EconomicsFigures after;
    after = assess(app.workspace(), nullptr, std::nullopt).economics;
    REQUIRE(after.funnel);
    CHECK(after.funnel->summary.ltv > before.funnel->summary.ltv);
    CHECK(after.funnel->summary.total_revenue > before.funnel->summary.total_revenue);
    REQUIRE(app.history().undo());
    CHECK(app.workspace().economics.scenarios[0].a.aov == 129);
    EconomicsFigures undone;
    undone = assess(app.workspace(), nullptr, std::nullopt).economics;
    CHECK(undone.funnel->summary.ltv == before.funnel->summary.ltv);
    CHECK(undone.funnel->summary.payback_month == before.funnel->summary.payback_month);
}

TEST_CASE("dragging the AOV slider updates the figures live and is one undo step") {
    ImGuiFixture g(3000);
    RoiHarness h;
    h.frames(8);  // tables size themselves to their content over a few frames
    const double aov0 = h.active().a.aov;
    const double ltv0 = h.summary().ltv;
    const std::uint64_t v0 = h.history.version();

    const ImVec2 c = h.centre("roi_aov");
    h.move(c);
    ImGui::GetIO().MouseDown[0] = true;
    h.frame();
    const double first = h.active().a.aov;
    CHECK(first != aov0);                  // pressing on the slider sets the value there
    CHECK(h.summary().ltv != ltv0);        // and the figures follow in the same drag
    double last = first;
    for (int i = 1; i <= 6; ++i) {
        h.move(ImVec2(c.x + 10.0f * static_cast<float>(i), c.y));
        CHECK(h.active().a.aov > last);    // moving right raises the value frame by frame
        CHECK(h.summary().ltv == Approx(h.summary().expected_purchases * h.active().a.aov * h.active().a.gross_margin));
        last = h.active().a.aov;
    }
    ImGui::GetIO().MouseDown[0] = false;
    h.frames(2);
    CHECK(h.history.version() > v0 + 3);   // one command per change…
    CHECK(h.active().a.aov == last);
    REQUIRE(h.history.undo());             // …but a single undo step
    h.frame();
    CHECK(h.active().a.aov == aov0);
    CHECK(h.summary().ltv == ltv0);
    CHECK_FALSE(h.history.can_undo());

    // A second drag after the release is a new step of its own.
    h.drag("roi_margin", 30);
    const double margin = h.active().a.gross_margin;
    CHECK(margin != Approx(0.65));
    h.drag("roi_repeat", -20);
    REQUIRE(h.history.undo());
    CHECK(h.active().a.gross_margin == margin);
    REQUIRE(h.history.undo());
    CHECK(h.active().a.gross_margin == 0.65);
    CHECK_FALSE(h.history.can_undo());
}

TEST_CASE("slider drags stay within the valid ranges") {
    ImGuiFixture g(3000);
    RoiHarness h;
    h.frames(8);  // tables size themselves to their content over a few frames
    h.drag("roi_churn", 2000);
    h.drag("roi_first_purchase", 2000);
    h.drag("roi_visitors_0", -2000);
    CHECK(h.active().a.monthly_churn == Approx(0.5));
    CHECK(h.active().a.first_purchase_rate == Approx(1.0));
    CHECK(h.active().a.sources[0].visitors_per_month == 0);
    CHECK(validate(h.active().a));
    CHECK_FALSE(h.d.economics.plan_error);
    REQUIRE(h.d.economics.funnel);
}

TEST_CASE("scenarios: switch, duplicate, add, delete and rename through the view") {
    ImGuiFixture g(3000);
    RoiHarness h;
    h.frames(8);  // tables size themselves to their content over a few frames
    auto& sc = h.ws.economics.scenarios;

    // Switch through the combo.
    h.click("roi_scenario");
    h.click("roi_scenario_item_2");
    CHECK(h.ws.economics.active == 2);
    CHECK(h.d.economics.active_id == "conservative");

    // Duplicate: a named copy after the active one, made active; one undo removes it.
    h.click("roi_dup");
    REQUIRE(sc.size() == 4);
    CHECK(h.ws.economics.active == 3);
    CHECK(sc[3].id == "conservative_copy");
    CHECK(sc[3].name.find("副本") != std::string::npos);
    CHECK(sc[3].a.aov == sc[2].a.aov);
    CHECK(h.d.economics.comparison.size() == 4);
    REQUIRE(h.history.undo());
    h.frame();
    CHECK(sc.size() == 3);
    CHECK(h.ws.economics.active == 2);

    // Add a fresh one; delete it again.
    h.click("roi_add");
    REQUIRE(sc.size() == 4);
    CHECK(h.ws.economics.active == 3);
    CHECK(sc[3].a.sources.size() == 1);
    CHECK(h.d.economics.funnel);
    h.click("roi_del");
    CHECK(sc.size() == 3);
    CHECK(h.ws.economics.active == 2);
    CHECK_FALSE(h.d.economics.plan_error);

    // Delete the first: the next one becomes active; undo puts both back.
    h.click("roi_scenario");
    h.click("roi_scenario_item_0");
    REQUIRE(h.ws.economics.active == 0);
    h.click("roi_del");
    CHECK(sc.size() == 2);
    CHECK(h.ws.economics.active == 0);
    CHECK(sc[0].id == "more_paid");
    REQUIRE(h.history.undo());
    h.frame();
    CHECK(sc.size() == 3);
    CHECK(sc[0].id == "baseline");
    CHECK(h.ws.economics.active == 0);

    // Rename: typed, committed as one update when the field is left.
    h.click("roi_rename");
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown[io.KeyMap[ImGuiKey_A]] = true;
    h.frame();
    io.KeysDown[io.KeyMap[ImGuiKey_A]] = false;
    io.KeyCtrl = false;
    h.frame();
    io.AddInputCharactersUTF8("618大促");
    h.frame();
    CHECK(sc[0].name == "基准");  // not yet: still typing
    io.KeysDown[io.KeyMap[ImGuiKey_Enter]] = true;
    h.frame();
    io.KeysDown[io.KeyMap[ImGuiKey_Enter]] = false;
    h.frames(2);
    CHECK(sc[0].name == "618大促");
    CHECK(sc[0].id == "baseline");
    REQUIRE(h.history.undo());
    CHECK(sc[0].name == "基准");
}

TEST_CASE("product fit: its sliders change the reasons, the scenario's price changes the verdict; undo restores both") {
    ImGuiFixture g(3000);
    RoiHarness h;
    h.frames(8);  // tables size themselves to their content over a few frames
    REQUIRE(h.d.economics.fit.verdict == "good");
    REQUIRE(h.widgets.count("roi_prod_priced_by") == 1);  // price and margin are the scenario's
    CHECK(h.widgets.count("roi_prod_price") == 0);
    const double score = h.d.economics.fit.score;
    h.drag("roi_prod_frequency", -2000);   // bought almost never
    h.drag("roi_prod_repurchase", -2000);  // and never again
    CHECK(h.ws.economics.product.purchases_per_year == 0);
    CHECK(h.ws.economics.product.repurchase_rate == 0);
    CHECK(h.d.economics.fit.score < score);
    CHECK_FALSE(h.d.economics.fit.reasons.empty());
    // The verdict is the plan's money: the scenario still pays back, so it stays.
    CHECK(h.d.economics.fit.verdict == "good");
    REQUIRE(h.history.undo());
    REQUIRE(h.history.undo());
    h.frame();
    CHECK(h.d.economics.fit.score == Approx(score));
    // A cheap order (the scenario's AOV dragged to the bottom) does not pay back: one answer, "poor".
    h.drag("roi_aov", -2000);
    REQUIRE(h.d.economics.funnel);
    CHECK_FALSE(h.d.economics.funnel->summary.payback_month);
    CHECK(h.d.economics.fit.verdict == "poor");
    REQUIRE(h.history.undo());
    h.frame();
    CHECK(h.d.economics.fit.verdict == "good");
}

TEST_CASE("a channel's pool share cannot push the total over 100%") {
    // Wide enough for the whole channel table beside the assumptions (narrower, it scrolls sideways).
    yt::test::HeadlessImGui g(3000, 1800);
    RoiHarness h;
    h.frames(8);  // tables size themselves to their content over a few frames
    // The demo's shares add up to 1; move own_app (row 4, 10%) down, then far up.
    h.drag("roi_share_4", -2000);
    CHECK(h.ws.economics.channels[4].pool_share == 0);
    CHECK(h.d.economics.channel_share_total == Approx(0.9));
    h.drag("roi_share_4", 4000);
    CHECK(h.ws.economics.channels[4].pool_share == Approx(0.1));
    CHECK(h.d.economics.channel_share_total <= 1.0 + 1e-9);
    CHECK_FALSE(h.d.economics.plan_error);
    // Reset brings the default matrix back as one step.
    h.drag("roi_share_0", -2000);
    CHECK(h.ws.economics.channels[0].pool_share == 0);
    h.click("roi_reset_channels");
    CHECK(h.ws.economics.channels[0].pool_share == Approx(0.4));
}
