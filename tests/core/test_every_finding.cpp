// test_every_finding.cpp — every check id in the finding catalogue can fire through assess().
//
// tests/fixtures/every_finding.jsonl is an edit log (the same commands the app's hook and
// `yutang apply` take) that breaks the demo plan in every way the checks know; with the demo's
// orders, assess() must then report every catalogued id, and only catalogued ids. The app and the
// CLI run the same log (tests/app/test_every_finding.cpp, tests/cli/plan.test.mjs).
#include <catch2/catch.hpp>
#include <cmath>

#include <fstream>
#include <set>
#include <sstream>

#include "core/edit/command_json.hpp"
#include "core/io/importer.hpp"
#include "core/plan/assess.hpp"
#include "core/plan/demo.hpp"
#include "core/plan/finding_catalog.hpp"
#include "test_paths.hpp"

using namespace yt;

namespace {

std::string slurp(const std::string& rel) {
    std::ifstream f(yt::test::source_path(rel), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::set<std::string> fired(const Assessment& a) {
    std::set<std::string> s;
    for (const Finding& f : a.findings) s.insert(f.rule);
    return s;
}

}  // namespace

TEST_CASE("every catalogued check fires through assess(), and nothing else does", "[plan][findings]") {
    Workspace ws = demo_workspace(kDemoToday);
    std::istringstream log(slurp("tests/fixtures/every_finding.jsonl"));
    std::string line;
    int n = 0;
    while (std::getline(log, line)) {
        if (line.empty()) continue;
        ++n;
        auto cmd = command_from_json(line, ws);
        INFO("line " << n << ": " << line);
        REQUIRE(cmd);
        REQUIRE(cmd.value()->apply(ws));
    }
    REQUIRE(n > 20);
    // An id used twice can only come from a file edited by hand (insert refuses it).
    ws.roles.kocs.push_back(ws.roles.kocs.front());

    ImportOptions opts;
    opts.file_name = "orders.csv";
    auto orders = import_orders(slurp("assets/demo/orders.csv"), opts);
    REQUIRE(orders);
    const Assessment a = assess(ws, &orders->orders, std::nullopt);

    const std::set<std::string> got = fired(a);
    for (const FindingKind& k : finding_catalog()) {
        INFO(k.id);
        CHECK(got.count(k.id) == 1);
    }
    for (const std::string& id : got) {
        INFO(id);
        CHECK(finding_kind(id) != nullptr);
    }
    // The untouched demo fires none of the errors and only a handful of findings.
    const Assessment demo = assess(demo_workspace(kDemoToday), &orders->orders, std::nullopt);
    CHECK(demo.errors == 0);
    CHECK(demo.findings.size() <= 8);
    for (const std::string& id : fired(demo)) CHECK(finding_kind(id) != nullptr);
}

TEST_CASE("the end-of-horizon pool is checked against the accounts' free places", "[plan][findings]") {
    Workspace ws = demo_workspace(kDemoToday);
    auto pool_finding = [](const Assessment& a) -> const Finding* {
        for (const Finding& f : a.findings)
            if (f.rule == "plan.pool_capacity") return &f;
        return nullptr;
    };
    Assessment a = assess(ws, nullptr, std::nullopt);
    REQUIRE(a.pool.checked);
    // The demo's 24-month baseline grows a pool larger than the four accounts can still take.
    REQUIRE(a.pool.pool_end > a.pool.free_places);
    const Finding* f = pool_finding(a);
    REQUIRE(f);
    CHECK(f->severity == Severity::Warning);
    CHECK(f->value == Approx(a.pool.pool_end));
    CHECK(f->limit == Approx(a.pool.free_places));
    CHECK(a.pool.more_accounts == static_cast<int>(std::ceil((a.pool.pool_end - a.pool.free_places) / a.pool.mean_cap)));
    // A cap large enough for the whole pool silences it.
    ws.roles.accounts[3].cap_override = 20000 + a.pool.pool_end;
    a = assess(ws, nullptr, std::nullopt);
    CHECK(a.pool.more_accounts == 0);
    CHECK(pool_finding(a) == nullptr);
    // No accounts with a cap: nothing to compare with.
    for (Account& acc : ws.roles.accounts) {
        acc.platform = static_cast<int>(Platform::Other);
        acc.cap_override = 0;
    }
    a = assess(ws, nullptr, std::nullopt);
    CHECK_FALSE(a.pool.checked);
    CHECK(pool_finding(a) == nullptr);
}
