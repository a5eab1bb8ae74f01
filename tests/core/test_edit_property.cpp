// test_edit_property.cpp — edits are values: random sequences over every kind and section are
// replayed, undone to the original workspace byte for byte and redone to the final one; each
// edit survives its JSON form; coalescing keys on the place; refusals change nothing.
#include <catch2/catch.hpp>

#include <algorithm>

#include <random>

#include "core/edit/edit_sample.hpp"
#include "core/edit/history.hpp"
#include "core/persist/persist.hpp"
#include "core/plan/demo.hpp"

using namespace yt;

TEST_CASE("edits: random sequences undo to the original and redo to the final workspace, byte for byte", "[edit][property]") {
    std::vector<std::string> kinds;  // over all seeds: every kind was applied somewhere
    for (unsigned seed : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u}) {
        INFO("seed " << seed);
        Workspace ws = demo_workspace(kDemoToday);
        const std::string original = save_workspace_json(ws);
        History h(ws, 10000);
        std::mt19937 rng(seed);
        int applied = 0, steps = 0;
        for (int n = 0; n < 300; ++n) {
            Edit e = sample_edit(ws, rng);
            // Its text form reads back as the same value.
            auto back = edit_from_json(edit_json(e));
            REQUIRE(back);
            INFO(edit_json(e));
            CHECK(edit_json(*back) == edit_json(e));
            CHECK(*back == e);
            const std::string before = save_workspace_json(ws);
            Status st = h.submit(e);
            if (!st) {
                CHECK(save_workspace_json(ws) == before);  // a refused edit changes nothing
                continue;
            }
            ++applied;
            kinds.push_back(e.kind);
            if (rng() % 3) h.seal();  // some edits follow each other unsealed, as typing does
        }
        CHECK(applied > 150);
        const std::string final_state = save_workspace_json(ws);
        while (h.undo()) ++steps;
        CHECK(steps > 100);
        CHECK(save_workspace_json(ws) == original);
        while (h.redo()) --steps;
        CHECK(steps == 0);
        CHECK(save_workspace_json(ws) == final_state);
    }
    for (const char* k : {"set", "update", "insert", "erase", "move", "reassign", "transfer", "apply_template", "batch",
                          "restore_content_terms"})
        CHECK(std::find(kinds.begin(), kinds.end(), std::string(k)) != kinds.end());
}

TEST_CASE("edits: one field of one element; the same place coalesces, another place does not", "[edit]") {
    Workspace ws = demo_workspace(kDemoToday);
    History h(ws);
    REQUIRE_FALSE(ws.roles.personas.empty());
    Persona p = ws.roles.personas.front();
    const std::string name = p.name, bio = p.bio;
    p.name = "小";
    Edit e = set_field("roles.personas", p, "name");
    CHECK(e.kind == "set");
    CHECK(e.field == "name");
    CHECK(e.value == "\"小\"");  // only the field, not the whole persona
    REQUIRE(h.submit(e));
    p.name = "小美";
    REQUIRE(h.submit(set_field("roles.personas", p, "name")));
    p.bio = "新简介";
    REQUIRE(h.submit(set_field("roles.personas", p, "bio")));
    CHECK(ws.roles.personas.front().name == "小美");
    REQUIRE(h.undo());  // the bio alone
    CHECK(ws.roles.personas.front().bio == bio);
    CHECK(ws.roles.personas.front().name == "小美");
    REQUIRE(h.undo());  // both name edits at once
    CHECK(ws.roles.personas.front().name == name);
    CHECK_FALSE(h.undo());
    // A path inside an element: a journey step's day.
    REQUIRE_FALSE(ws.calendar.sops.empty());
    Sop s = ws.calendar.sops.front();
    REQUIRE_FALSE(s.steps.empty());
    s.steps[0].day = 5;
    Edit step = set_field("calendar.sops", s, "steps.0.day");
    CHECK(step.value == "5");
    REQUIRE(h.submit(step));
    CHECK(ws.calendar.sops.front().steps[0].day == 5);
    // Errors name the problem and change nothing.
    CHECK(apply(ws, set_at("roles.personas", "nobody", "name", std::string("x"))).error().code == "cmd.unknown_id");
    CHECK(apply(ws, set_at("roles.personas", s.id, "nofield", 1)).error().code == "cmd.unknown_id");
    CHECK(apply(ws, set_at("calendar.sops", s.id, "nofield", 1)).error().code == "cmd.unknown_field");
    CHECK(apply(ws, set_at("calendar.sops", s.id, "id", std::string("other"))).error().code == "cmd.id_changed");
    CHECK(apply(ws, set_value("settings.theme", std::string("pink"))).error().code == "cmd.bad_value");
    CHECK(apply(ws, set_value("nowhere", 1)).error().code == "cmd.unknown_section");
}

TEST_CASE("edits: the older command forms read as edits of the same place", "[edit]") {
    auto rule = edit_from_json(R"({"type":"set_rule","id":"wechat.friend_cap","value":9000})");
    REQUIRE(rule);
    CHECK(rule->kind == "set");
    CHECK(rule->section == "rules");
    CHECK(rule->target == "wechat.friend_cap");
    CHECK(rule->field == "value");
    CHECK(edit_label(*rule) == "cmd.rule");
    auto tiering = edit_from_json(R"({"type":"set_tiering","value":{"new_days":14}})");
    REQUIRE(tiering);
    CHECK(tiering->kind == "update");
    CHECK(tiering->section == "tiering");
    Workspace ws = demo_workspace(kDemoToday);
    REQUIRE(apply(ws, *rule));
    CHECK(ws.rules.find("wechat.friend_cap")->value == 9000);
    REQUIRE(apply(ws, *tiering));
    CHECK(ws.tiering.new_days == 14);
    CHECK(edit_from_json(R"({"type":"set_mask","value":"yes"})").error().code == "cmd.missing_field");
    CHECK(edit_from_json(R"({"type":"move","section":"roles.scripts","id":"s1"})").error().code == "cmd.missing_field");
}
