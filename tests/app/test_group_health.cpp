// test_group_health.cpp — Personas → 群健康 / Group health, headless: a statistics file arrives
// through the file picker's purpose "group_stats", the table shows each group with its figures
// and flags (the formulas on hover), the test hook reports them, the workspace does not change,
// and a bad file is refused naming its line while the previous import stays.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "memory_platform.hpp"

using namespace yt;
using namespace yt::app;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream f(std::string(YT_SOURCE_DIR) + "/tests/data/groups/" + name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

void frames(App& app, int n) {
    for (int i = 0; i < n; ++i) yt::test::HeadlessImGui::frame(app);
}

}  // namespace

TEST_CASE("group health: import through the picker's purpose, table, flags, test hook; session only") {
    yt::test::HeadlessImGui g(4000, 1400);  // tall: the section below the KOCs is on screen
    yt::test::MemoryPlatform p;
    App app(p);
    app.start();
    app.select_tab(Tab::Personas);
    frames(app, 3);
    REQUIRE(app.state_json().find("\"file:group_stats\":[") != std::string::npos);
    CHECK(g.shows("群健康"));
    const std::uint64_t version = app.history().version();

    p.deliver_file("group_stats", "客户群统计.csv", fixture("daily_utf8.csv"));
    frames(app, 4);
    CHECK(app.tab() == Tab::Personas);
    CHECK(app.banner().find("客户群统计.csv") != std::string::npos);
    CHECK(app.history().version() == version);  // the workspace did not change
    CHECK_FALSE(app.history().can_undo());
    const std::string s = app.state_json();
    CHECK(s.find("\"group_health\":{\"file\":\"客户群统计.csv\"") != std::string::npos);
    CHECK(s.find("{\"name\":\"花漾福利2群\",\"members\":195") != std::string::npos);
    CHECK(s.find("\"zombie\":true,\"plan_id\":\"g2\",\"deal_without_lead\":true") != std::string::npos);
    CHECK(s.find("\"ghealth_row.0\":[") != std::string::npos);
    CHECK(s.find("\"ghealth_flags.1\":[") != std::string::npos);
    INFO(g.drawn_text());
    CHECK(g.shows("花漾福利2群"));
    CHECK(g.shows("僵尸群"));
    CHECK(g.shows("成交群无活跃 KOC/团长"));
    CHECK(g.shows("1 KOC / 0 团长"));

    // The thresholds are rules: with the speaking-ratio rule at 1% 花漾福利2群 (1.5%) is no zombie.
    REQUIRE(app.dispatch(R"({"type":"set_rule","id":"group.zombie_speaking_ratio","value":0.01})") == "");
    frames(app, 2);
    CHECK(app.state_json().find("{\"name\":\"花漾福利2群\"") != std::string::npos);
    CHECK(app.state_json().find("\"zombie\":false,\"plan_id\":\"g2\"") != std::string::npos);

    // English.
    REQUIRE(app.dispatch(R"({"type":"set_language","value":"en"})") == "");
    frames(app, 3);
    CHECK(g.shows("Group health"));
    CHECK(g.shows("Deal group without an active KOC or leader"));

    // A bad file: refused with its line named; the previous import stays.
    p.deliver_file("group_stats", "bad.csv", fixture("bad_count.csv"));
    frames(app, 3);
    const std::string b = app.state_json();
    CHECK(b.find("\"file\":\"客户群统计.csv\"") != std::string::npos);
    CHECK(b.find("line 3") != std::string::npos);
    CHECK(app.banner().find("bad.csv") != std::string::npos);
}
