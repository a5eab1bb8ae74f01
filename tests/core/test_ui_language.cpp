// test_ui_language.cpp — the Chinese UI speaks Chinese: rule units and sources, and the demo's
// names, have no English words in Chinese (citations keep their web addresses and site names;
// brand names the user typed are theirs).
#include <catch2/catch.hpp>

#include <cctype>
#include <set>
#include <sstream>

#include "core/i18n/i18n.hpp"
#include "core/plan/demo.hpp"
#include "core/rules/rules_model.hpp"

using namespace yt;

namespace {

// English words (three letters or more) outside web addresses, paths and the allowed names.
std::vector<std::string> english_words(const std::string& text, const std::set<std::string>& allowed = {}) {
    std::vector<std::string> out;
    std::string token;
    auto flush = [&] {
        // A token with a dot, a slash or "::" is a citation (site, path, module), not prose.
        const bool citation = token.find_first_of("./") != std::string::npos || token.find("::") != std::string::npos;
        std::string word;
        for (char c : token + " ") {
            if (std::isalpha(static_cast<unsigned char>(c))) { word += c; continue; }
            if (word.size() >= 3 && !citation && !allowed.count(word)) out.push_back(word);
            word.clear();
        }
        token.clear();
    };
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isspace(u) || u >= 0x80 || c == ';' || c == ',' || c == '(' || c == ')') flush();
        else token += c;
    }
    flush();
    return out;
}

}  // namespace

TEST_CASE("rule units and sources are in Chinese in the Chinese UI", "[i18n]") {
    const std::set<std::string> sites = {"wescrm", "metacpan", "cdnapi", "huoma", "QQ", "path", "zjbjg"};  // site names
    for (const Rule& r : default_rules().rules) {
        INFO(r.id);
        const std::string unit = rule_unit_text(r, Lang::Zh), source = rule_source_text(r, Lang::Zh);
        CHECK(english_words(unit).empty());
        CHECK(english_words(source, sites).empty());
        CHECK_FALSE(rule_unit_text(r, Lang::En).empty());
        CHECK(rule_source_text(r, Lang::En) == r.source);
    }
    // A source the user wrote is shown as written.
    Rule mine = default_rules().rules.front();
    mine.source = "our own test, March";
    CHECK(rule_source_text(mine, Lang::Zh) == "our own test, March");
    CHECK(english_words("plan default").size() == 2);  // the check itself finds English
}

TEST_CASE("the demo's names are Chinese only (no bilingual names)", "[i18n]") {
    const Workspace ws = demo_workspace(kDemoToday);
    std::vector<std::string> names;
    for (const auto& s : ws.economics.scenarios) {
        names.push_back(s.name);
        for (const auto& src : s.a.sources) names.push_back(src.name);
    }
    for (const auto& t : ws.calendar.templates) names.push_back(t.name);
    for (const auto& s : ws.calendar.sops) names.push_back(s.name);
    for (const auto& p : ws.roles.personas) names.push_back(p.name);
    for (const auto& a : ws.roles.accounts) names.push_back(a.name);
    for (const auto& g : ws.roles.groups) names.push_back(g.name);
    for (const auto& it : ws.calendar.items) names.push_back(it.title);
    REQUIRE(names.size() > 20);
    for (const std::string& n : names) {
        INFO(n);
        CHECK(english_words(n).empty());
    }
}
