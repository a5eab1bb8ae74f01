// test_plan_diff.cpp — a colleague's plan against mine: added / removed / changed items with the
// changed fields, taking all or some of them (one command, undone in one step), and a newer
// schema refused before any comparison.
#include <catch2/catch.hpp>

#include <algorithm>

#include "edit_try.hpp"
#include "core/edit/plan_diff.hpp"
#include "core/plan/demo.hpp"
#include "core/persist/persist.hpp"

using namespace yt;

namespace {

const PlanChange* change(const std::vector<PlanChange>& d, const std::string& section, const std::string& id) {
    for (const auto& c : d)
        if (c.section == section && c.id == id) return &c;
    return nullptr;
}

struct Pair {
    Workspace mine = demo_workspace(days_from_civil(2026, 11, 1));
    Workspace theirs = mine;
    Pair() {
        REQUIRE(mine.roles.personas.size() >= 2);
        REQUIRE(mine.calendar.items.size() >= 2);
        REQUIRE(!mine.rules.rules.empty());
        theirs.roles.personas[0].name = "小美老师";
        theirs.roles.personas[0].tone = "更亲切";
        Persona p;
        p.id = "p_new";
        p.name = "新同事人设";
        theirs.roles.personas.insert(theirs.roles.personas.begin() + 1, p);
        theirs.calendar.items.erase(theirs.calendar.items.begin());
        theirs.rules.rules[0].value = theirs.rules.rules[0].value + 1;
        theirs.name = "同事的方案";  // the file's own name is not a plan difference
    }
};

}  // namespace

TEST_CASE("plan diff: nothing differs between a plan and itself", "[plan_diff]") {
    const Workspace w = demo_workspace(days_from_civil(2026, 11, 1));
    CHECK(diff_plans(w, w).empty());
    Workspace renamed = w;
    renamed.name = "另一个名字";
    renamed.settings.language = "en";
    CHECK(diff_plans(w, renamed).empty());
}

TEST_CASE("plan diff: added, removed and changed items with the changed fields", "[plan_diff]") {
    Pair p;
    const auto d = diff_plans(p.mine, p.theirs);
    REQUIRE(d.size() == 4);
    const PlanChange* changed = change(d, "roles.personas", p.mine.roles.personas[0].id);
    REQUIRE(changed);
    CHECK(changed->kind == PlanChange::Kind::Changed);
    CHECK(changed->name == "小美老师");
    CHECK(changed->fields == std::vector<std::string>{"name", "tone"});
    const PlanChange* added = change(d, "roles.personas", "p_new");
    REQUIRE(added);
    CHECK(added->kind == PlanChange::Kind::Added);
    CHECK(added->name == "新同事人设");
    const PlanChange* removed = change(d, "calendar.items", p.mine.calendar.items[0].id);
    REQUIRE(removed);
    CHECK(removed->kind == PlanChange::Kind::Removed);
    const PlanChange* rule = change(d, "rules", p.mine.rules.rules[0].id);
    REQUIRE(rule);
    CHECK(rule->fields == std::vector<std::string>{"value"});
    // Sections come in list_sections() order.
    CHECK(d.front().section == "roles.personas");
    CHECK(d.back().section == "rules");
}

TEST_CASE("plan diff: taking everything gives their lists; taking some leaves the rest mine", "[plan_diff]") {
    Pair p;
    const auto d = diff_plans(p.mine, p.theirs);
    Workspace all = merge_plans(p.mine, p.theirs, d);
    CHECK(diff_plans(all, p.theirs).empty());
    CHECK(all.name == p.mine.name);  // my own name stays
    CHECK(all.roles.personas[1].id == "p_new");  // inserted where it is in theirs

    std::vector<PlanChange> some;
    for (const auto& c : d)
        if (c.kind == PlanChange::Kind::Added) some.push_back(c);
    Workspace part = merge_plans(p.mine, p.theirs, some);
    const auto left = diff_plans(part, p.theirs);
    CHECK(left.size() == 3);
    CHECK(std::none_of(left.begin(), left.end(), [](const PlanChange& c) { return c.kind == PlanChange::Kind::Added; }));
    CHECK(part.roles.personas[0].name == p.mine.roles.personas[0].name);
    CHECK(part.calendar.items.size() == p.mine.calendar.items.size());

    // Through History as one command: one undo restores my plan exactly.
    Workspace ws = p.mine;
    History h(ws);
    REQUIRE(h.submit(set_value("", merge_plans(ws, p.theirs, some), "cmd.import_plan")));
    CHECK(ws.roles.personas.size() == p.mine.roles.personas.size() + 1);
    REQUIRE(h.undo());
    CHECK(save_workspace_json(ws) == save_workspace_json(p.mine));
    CHECK_FALSE(h.can_undo());
}

TEST_CASE("plan diff: festival windows are compared and merged like the other lists", "[plan_diff]") {
    const Workspace mine = demo_workspace(days_from_civil(2026, 11, 1));
    Workspace theirs = mine;
    theirs.calendar.festival_windows.push_back(FestivalWindow{"double_11", 10, 2, 1});  // a colleague widened 双11
    const auto d = diff_plans(mine, theirs);
    REQUIRE(d.size() == 1);
    CHECK(d[0].section == "calendar.festival_windows");
    CHECK(d[0].kind == PlanChange::Kind::Added);
    const Workspace merged = merge_plans(mine, theirs, d);
    CHECK(diff_plans(merged, theirs).empty());
}

TEST_CASE("plan diff: a newer schema is refused when the file is read", "[plan_diff]") {
    const Workspace w = demo_workspace(days_from_civil(2026, 11, 1));
    std::string text = save_workspace_json(w);
    const std::string from = "\"schema\":" + std::to_string(kSchemaVersion);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "\"schema\":" + std::to_string(kSchemaVersion + 1));
    auto got = load_workspace_json(text);
    REQUIRE_FALSE(got);
    CHECK(got.error().code == "persist.too_new");
}
