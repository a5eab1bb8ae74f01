// test_plan_report.cpp — the printable plan (core/plan/report_html.hpp): its sections, the
// findings it lists against the Assessment, escaping of user text, zh and en, and that the page
// asks for nothing from the network.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/calendar/exports.hpp"
#include "edit_try.hpp"
#include "core/io/importer.hpp"
#include "core/plan/assess.hpp"
#include "core/plan/demo.hpp"
#include "core/plan/report_html.hpp"
#include "test_paths.hpp"

using namespace yt;

namespace {

std::string slurp(const std::string& rel) { return yt::test::source_text(rel); }

const OrderTable& demo_orders() {
    static const ImportResult r = [] {
        ImportOptions opts;
        opts.file_name = "orders.csv";
        auto got = import_orders(slurp("assets/demo/orders.csv"), opts);
        REQUIRE(got);
        return std::move(*got);
    }();
    return r.orders;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}

std::string report(const Workspace& ws, const OrderTable* orders, Lang lang, Assessment* out = nullptr) {
    const Assessment a = assess(ws, orders, std::nullopt);
    if (out) *out = a;
    ReportOptions opt;
    opt.lang = lang;
    opt.generated = days_from_civil(2026, 12, 5);
    return report_html(ws, a, opt);
}

// Nothing a browser would fetch: no URL, no src/href, no @import or url().
void no_network(const std::string& html) {
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("href=") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
}

}  // namespace

TEST_CASE("report: the demo with its orders has every section, A4 print styles and no network", "[plan][report]") {
    Workspace ws = demo_workspace(kDemoToday);
    Assessment a;
    const std::string html = report(ws, &demo_orders(), Lang::Zh, &a);
    REQUIRE(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
    CHECK(html.find("@page{size:A4") != std::string::npos);
    CHECK(html.find("break-before:page") != std::string::npos);
    CHECK(html.find("break-inside:avoid") != std::string::npos);
    for (const char* id : {"id=\"cover\"", "id=\"segments\"", "id=\"roster\"", "id=\"calendar\"", "id=\"journeys\"",
                           "id=\"findings\"", "id=\"segment-table\"", "id=\"month-grid\"", "id=\"demo-note\""}) {
        INFO(id);
        CHECK(count(html, id) == 1);
    }
    // Cover: name, brand, the month, the generated date.
    CHECK(html.find(html_escape(ws.name)) != std::string::npos);
    CHECK(html.find(html_escape(ws.brand)) != std::string::npos);
    CHECK(html.find("2026年11月") != std::string::npos);
    CHECK(html.find("2026-12-05") != std::string::npos);
    // Segments: one row per segment with the demo's customers.
    REQUIRE(a.tiers.tiers);
    CHECK(html.find(tr("tiering.seg.important_value", Lang::Zh)) != std::string::npos);
    CHECK(html.find(html_escape(tr("report.segments.no_orders", Lang::Zh))) == std::string::npos);
    // Personas and accounts, with their operators.
    for (const Persona& p : ws.roles.personas) CHECK(html.find(html_escape(p.name)) != std::string::npos);
    for (const Account& acc : ws.roles.accounts) CHECK(html.find(html_escape(acc.name)) != std::string::npos);
    CHECK(count(html, "<table class=\"accounts\">") == ws.roles.personas.size());
    // The month: 双11 falls in November; a 7-column grid of whole weeks.
    CHECK(html.find(tr("calendar.festival.double_11", Lang::Zh)) != std::string::npos);
    CHECK(count(html, "<td class=\"day") % 7 == 0);
    CHECK(count(html, "<td class=\"day\">") == 30);  // the days of November
    CHECK(html.find("data-items=\"0\"") == std::string::npos);
    // Journeys: every SOP by name.
    REQUIRE_FALSE(ws.calendar.sops.empty());
    for (const Sop& s : ws.calendar.sops) CHECK(html.find(html_escape(s.name)) != std::string::npos);
    // Findings: as many rows as the Assessment has.
    REQUIRE_FALSE(a.findings.empty());
    CHECK(count(html, "<tr class=\"finding\">") == a.findings.size());
    CHECK(html.find("data-count=\"" + std::to_string(a.findings.size()) + "\"") != std::string::npos);
    // Every text came from the catalogue (an unknown key would show as itself).
    CHECK(html.find("report.") == std::string::npos);
    CHECK(html.find("plan.today.") == std::string::npos);
    no_network(html);
}

TEST_CASE("report: every finding of a broken plan is listed under its severity", "[plan][report]") {
    Workspace ws = demo_workspace(kDemoToday);
    std::istringstream log(slurp("tests/fixtures/every_finding.jsonl"));
    std::string line;
    while (std::getline(log, line)) {
        if (line.empty()) continue;
        auto cmd = try_edit(line, ws);
        REQUIRE(cmd);
        REQUIRE(apply(ws, cmd.value()));
    }
    Assessment a;
    const std::string html = report(ws, &demo_orders(), Lang::En, &a);
    REQUIRE(a.errors > 0);
    REQUIRE(a.warnings > 0);
    CHECK(count(html, "<tr class=\"finding\">") == a.findings.size());
    CHECK(html.find("<h3 class=\"sev-error\">error (" + std::to_string(a.errors) + ")</h3>") != std::string::npos);
    CHECK(html.find("<h3 class=\"sev-warning\">warning (" + std::to_string(a.warnings) + ")</h3>") != std::string::npos);
    // Each area of the catalogue appears (roles, calendar, the economics plan).
    for (const char* k : {"report.area.roles", "report.area.calendar", "report.area.plan"}) {
        INFO(k);
        CHECK(html.find(std::string("<td>") + tr(k, Lang::En) + "</td>") != std::string::npos);
    }
    CHECK(html.find("report.") == std::string::npos);
    no_network(html);
}

TEST_CASE("report: user text is escaped everywhere", "[plan][report]") {
    Workspace ws = demo_workspace(kDemoToday);
    const std::string evil = "<script>alert(1)</script>";
    ws.name = evil + "名";
    ws.brand = "A&B \"<img onerror=alert(2)>\"";
    ws.roles.personas.front().name = "<b>小完子</b>";
    ws.roles.personas.front().bio = evil;
    ws.roles.accounts.front().name = "<i>acc</i>";
    ws.calendar.sops.front().name = "<u>sop</u>";
    ws.calendar.sops.front().steps.front().title = evil;
    for (ContentItem& it : ws.calendar.items) it.title = "<em>" + it.id + "</em>";
    const std::string html = report(ws, &demo_orders(), Lang::Zh);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("<i>") == std::string::npos);
    CHECK(html.find("<u>") == std::string::npos);
    CHECK(html.find("<em>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;名") != std::string::npos);
    CHECK(html.find("A&amp;B &quot;&lt;img") != std::string::npos);
    CHECK(html.find("&lt;b&gt;小完子&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("&lt;em&gt;") != std::string::npos);  // the month's items
    no_network(html);
}

TEST_CASE("report: zh and en, a plan without orders or SOPs, and the print button", "[plan][report]") {
    Workspace ws = demo_workspace(kDemoToday);
    const std::string zh = report(ws, nullptr, Lang::Zh);
    const std::string en = report(ws, nullptr, Lang::En);
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(zh.find(tr("report.segments", Lang::Zh)) != std::string::npos);
    CHECK(en.find("Customer segments") != std::string::npos);
    CHECK(en.find("客户分层") == std::string::npos);
    CHECK(en.find("November 2026") != std::string::npos);
    CHECK(en.find("Monday") != std::string::npos);
    // Without orders the segment section says so and has no table.
    CHECK(en.find(html_escape(tr("report.segments.no_orders", Lang::En))) != std::string::npos);
    CHECK(zh.find(html_escape(tr("report.segments.no_orders", Lang::Zh))) != std::string::npos);
    CHECK(en.find("id=\"segment-table\"") == std::string::npos);
    CHECK(en.find("report.") == std::string::npos);
    CHECK(zh.find("report.") == std::string::npos);

    ws.calendar.sops.clear();
    ws.dataset.name = "mine.csv";
    const std::string bare = report(ws, nullptr, Lang::En);
    CHECK(bare.find(html_escape(tr("report.journeys.none", Lang::En))) != std::string::npos);
    CHECK(bare.find("id=\"demo-note\"") == std::string::npos);

    Assessment a = assess(ws, nullptr, std::nullopt);
    ReportOptions opt;
    CHECK(report_html(ws, a, opt).find("onclick=\"window.print()\"") != std::string::npos);
    opt.inline_print = false;  // the app's page: the opener wires the button (its CSP forbids inline script)
    const std::string wired = report_html(ws, a, opt);
    CHECK(wired.find("onclick") == std::string::npos);
    CHECK(wired.find("id=\"yt-print\"") != std::string::npos);
}

TEST_CASE("report: every text has zh and en", "[plan][report][i18n]") {
    const MsgTable t = report_messages();
    REQUIRE(t.size > 40);
    for (std::size_t i = 0; i < t.size; ++i) {
        INFO(t.data[i].key);
        CHECK(std::string(t.data[i].zh).size() > 0);
        CHECK(std::string(t.data[i].en).size() > 0);
        CHECK(has_tr(t.data[i].key));
    }
}
