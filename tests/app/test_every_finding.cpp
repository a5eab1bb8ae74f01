// test_every_finding.cpp — every catalogued check fires in the app, from the same edit log the
// core and CLI tests run (tests/fixtures/every_finding.jsonl), and the Dashboard lists them.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "app/app.hpp"
#include "core/persist/persist.hpp"
#include "core/plan/finding_catalog.hpp"
#include "headless_imgui.hpp"
#include "memory_platform.hpp"

using namespace yt;
using namespace yt::app;

TEST_CASE("the edit log that breaks the plan in every way fires every check id in the app") {
    yt::test::HeadlessImGui g;
    yt::test::MemoryPlatform p;
    App app(p);
    app.start();
    g.frame(app);
    std::ifstream f(std::string(YT_SOURCE_DIR) + "/tests/fixtures/every_finding.jsonl");
    REQUIRE(f);
    std::string line;
    int n = 0;
    while (std::getline(f, line))
        if (!line.empty()) {
            INFO(line);
            REQUIRE(app.dispatch(line) == "");
            ++n;
        }
    REQUIRE(n > 20);
    // An id used twice only comes from a file edited by hand: open one.
    Workspace edited = app.workspace();
    edited.roles.kocs.push_back(edited.roles.kocs.front());
    p.deliver_file("workspace", "duplicate.yutang.json", save_workspace_json(edited));
    app.select_tab(Tab::Dashboard);
    for (int i = 0; i < 3; ++i) g.frame(app);

    const std::string st = app.state_json();
    const std::size_t at = st.find("\"finding_rules\":[");
    REQUIRE(at != std::string::npos);
    const std::string rules = st.substr(at, st.find(']', at) - at);
    for (const FindingKind& k : finding_catalog()) {
        INFO(k.id);
        CHECK(rules.find(std::string("\"") + k.id + "\"") != std::string::npos);
    }
    // The Dashboard draws the findings (the first twelve, errors first) as links.
    CHECK(st.find("\"dash.finding.0\"") != std::string::npos);
    CHECK(st.find("\"dash.finding.11\"") != std::string::npos);
}
