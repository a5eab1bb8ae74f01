// test_plan_assess.cpp — every check id in the finding catalogue can fire through assess(); the
// segment change between two imports (core/plan/import_change) and its schema step.
//
// tests/fixtures/every_finding.jsonl is an edit log (the same commands the app's hook and
// `yutang apply` take) that breaks the demo plan in every way the checks know; with the demo's
// orders, assess() must then report every catalogued id, and only catalogued ids. The app and the
// CLI run the same log (tests/app/test_every_finding.cpp, tests/cli/plan.test.mjs).
#include <catch2/catch.hpp>
#include <cmath>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "edit_try.hpp"
#include "core/io/importer.hpp"
#include "core/plan/assess.hpp"
#include "core/plan/demo.hpp"
#include "core/persist/persist.hpp"
#include "core/plan/finding_catalog.hpp"
#include "core/plan/import_change.hpp"
#include "core/tiering/simulate.hpp"
#include "core/tiering/summary.hpp"
#include "test_paths.hpp"

using namespace yt;

namespace {

std::string slurp(const std::string& rel) { return yt::test::source_text(rel); }

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
        auto cmd = try_edit(line, ws);
        INFO("line " << n << ": " << line);
        REQUIRE(cmd);
        REQUIRE(apply(ws, cmd.value()));
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
    // The untouched demo fires none of the errors and only a handful of findings (eight, and
    // since the content scan a ninth: 小婉's Double 11 week over her content mix, which is true —
    // the same week is over the Moments promotion limit too; since the journeys seven more: in
    // the Double 11 weeks a customer in a journey step also gets the calendar's 2.3 touches a day
    // and up to 8.9 a week, which the steps push over the caps — true of the worst-placed customer).
    const Assessment demo = assess(demo_workspace(kDemoToday), &orders->orders, std::nullopt);
    CHECK(demo.errors == 0);
    CHECK(demo.findings.size() <= 16);
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

TEST_CASE("import change a part at a time: with the model's tiers or its own, the ids matched a range a step", "[plan][migration]") {
    // Two generated shops whose ids overlap: C0000001..C0003000 in both, 500 more in the later.
    GenOptions g;
    g.customers = 3000;
    const OrderTable a = generate_orders(g);
    g.customers = 3500;
    g.seed = 7;
    g.span_days = 600;
    const OrderTable b = generate_orders(g);
    TieringSettings s;
    auto idx_a = build_order_index(a);
    REQUIRE(idx_a);
    auto tiers_a = compute_tiers(a, *idx_a, s);
    REQUIRE(tiers_a);
    auto idx_b = build_order_index(b);
    REQUIRE(idx_b);
    const auto index_b = std::make_shared<const OrderIndex>(std::move(*idx_b));
    auto tb = compute_tiers(b, *index_b, s);  // as of b's own last order
    REQUIRE(tb);
    const auto tiers_b = std::make_shared<const Tiers>(std::move(*tb));
    // What it should be, matched through a std::map.
    Migration want;
    {
        std::map<std::string, std::size_t> in_a;
        for (std::size_t i = 0; i < a.customer_ids.size(); ++i) in_a[a.customer_ids.at(static_cast<std::uint32_t>(i))] = i;
        auto seg = [](const Tiers& t, std::size_t i) { return t.segments.segment[i] < kSegments ? int(t.segments.segment[i]) : -1; };
        std::set<std::size_t> seen;
        for (std::size_t j = 0; j < b.customer_ids.size(); ++j) {
            const int to = seg(*tiers_b, j);
            int from = -1;
            if (auto it = in_a.find(b.customer_ids.at(static_cast<std::uint32_t>(j))); it != in_a.end()) {
                seen.insert(it->second);
                from = seg(*tiers_a, it->second);
            }
            if (to >= 0 && from >= 0) ++want.matrix[from][to], ++want.matched;
            else if (to >= 0) ++want.new_in[to], ++want.new_total;
            else if (from >= 0) ++want.gone_from[from], ++want.gone_total;
        }
        for (std::size_t i = 0; i < a.customer_ids.size(); ++i)
            if (!seen.count(i) && seg(*tiers_a, i) >= 0) ++want.gone_from[seg(*tiers_a, i)], ++want.gone_total;
    }
    REQUIRE(want.matched > 2000);
    REQUIRE(want.new_total >= 500);
    REQUIRE(want.stayed() < want.matched);  // some customers moved
    auto same = [&](const SegmentChange& c) {
        CHECK(c.from_name == "jan.csv");
        CHECK(c.matched == want.matched);
        CHECK(c.new_total == want.new_total);
        CHECK(c.gone_total == want.gone_total);
        REQUIRE(c.matrix.size() == 64);
        for (int x = 0; x < kSegments; ++x) {
            CHECK(c.new_in[x] == want.new_in[x]);
            CHECK(c.gone_from[x] == want.gone_from[x]);
            for (int y = 0; y < kSegments; ++y) CHECK(c.matrix[x * kSegments + y] == want.matrix[x][y]);
        }
    };
    DatasetInfo before;
    before.name = "jan.csv";
    // The matching, 700 customers a step: 6 steps write the ids' table (8192 slots for the 3000
    // earlier ids, 1400 a step), 5 index those ids, 5 match the 3500 later ones, 5 count the
    // earlier ones not matched.
    {
        MigrationRun run(a.customer_ids, tiers_a->segments.segment, b.customer_ids, tiers_b->segments.segment);
        int steps = 0;
        while (run.step(700)) ++steps;
        CHECK(steps == 20);  // the 21st step ends it
        const Migration m = run.take();
        CHECK(m.matched == want.matched);
        CHECK(m.matrix == want.matrix);
        CHECK(m.new_in == want.new_in);
        CHECK(m.gone_from == want.gone_from);
    }
    // With the model's tiers of the new file given: only the matching, in parts.
    {
        ImportChangeRun run(&a, &*tiers_a, before, b, index_b, tiers_b, s);
        int steps = 0;
        while (run.step()) ++steps;
        CHECK(steps == 3);  // table, index, match, then the unmatched, which ends it: each under a part of customers
        same(*run.take());
    }
    // Without them (the plan's as-of date is fixed): the new file's own tiers first, then the same.
    {
        TieringSettings fixed = s;
        fixed.as_of_day = static_cast<int>(tiers_b->summary.as_of) - 200;
        ImportChangeRun run(&a, &*tiers_a, before, b, index_b, nullptr, fixed);
        int steps = 0;
        while (run.step()) ++steps;
        CHECK(steps >= 2 + TiersBuilder::kSteps);  // the summary, the builder's steps, the matching
        same(*run.take());
        same(*import_change(&a, &*tiers_a, before, b, fixed));
    }
    // Nothing to compare with.
    CHECK_FALSE(ImportChangeRun(nullptr, nullptr, before, b, index_b, tiers_b, s).take());
}

TEST_CASE("import change: segment moves between two imports as aggregates; none without an earlier file", "[plan][migration]") {
    const std::string a = "customer,date,amount\nA,2024-01-01,100\nB,2024-01-05,50\nB,2024-02-01,60\nC,2024-03-01,500\nD,2024-03-02,20\n";
    const std::string b = a + "A,2024-06-01,300\nA,2024-06-02,300\nE,2024-06-03,80\n";
    auto ta = import_orders(a, {});
    auto tb = import_orders(b, {});
    REQUIRE(ta);
    REQUIRE(tb);
    TieringSettings s;
    s.binning = "tercile";
    auto idx = build_order_index(ta->orders);
    REQUIRE(idx);
    auto tiers = compute_tiers(ta->orders, *idx, s);
    REQUIRE(tiers);
    DatasetInfo before;
    before.name = "jan.csv";
    before.imported_at = "2024-03-05";
    CHECK_FALSE(import_change(nullptr, nullptr, before, tb->orders, s));
    auto c = import_change(&ta->orders, &*tiers, before, tb->orders, s);
    REQUIRE(c);
    CHECK(c->from_name == "jan.csv");
    CHECK(c->from_imported_at == "2024-03-05");
    CHECK(c->matched == 4);
    CHECK(c->new_total == 1);
    CHECK(c->gone_total == 0);
    std::uint32_t sum = 0;
    for (std::uint32_t v : c->matrix) sum += v;
    CHECK(sum == 4);
    const auto moves = largest_moves(*c, 3);
    for (std::size_t i = 1; i < moves.size(); ++i) CHECK(moves[i - 1].customers >= moves[i].customers);
    for (const SegmentMove& m : moves) CHECK(m.from != m.to);
    std::uint32_t diag = 0;
    for (int k = 0; k < kSegments; ++k) diag += c->matrix[static_cast<std::size_t>(k * kSegments + k)];
    CHECK(moved_customers(*c) == 4 - diag);
}

TEST_CASE("a schema 2 workspace opens with no segment change recorded", "[persist]") {
    Workspace ws = demo_workspace(kDemoToday);
    ws.dataset.change.matrix.assign(64, 1);
    std::string text = save_workspace_json(ws);
    // Written by the previous version: schema 2, no dataset.change.
    const std::string now = "\"schema\":" + std::to_string(kSchemaVersion);
    text.replace(text.find(now), now.size(), "\"schema\":2");
    const std::size_t at = text.find(",\"change\":{");
    REQUIRE(at != std::string::npos);
    text.erase(at, text.find('}', at) - at + 1);
    bool edited = false;
    auto r = load_workspace_json(text, &edited);  // the checksum was of the longer payload
    REQUIRE(r);
    CHECK(edited);
    CHECK(r->dataset.change.matrix.empty());
    CHECK(r->dataset.name == ws.dataset.name);
}

TEST_CASE("a schema 5 workspace opens with no audiences and its journeys' steps unassigned", "[persist]") {
    Workspace ws = demo_workspace(kDemoToday);
    REQUIRE_FALSE(ws.calendar.sops.empty());
    for (Sop& s : ws.calendar.sops)
        for (SopStep& st : s.steps) st.coupon.clear();  // as the schema 5 steps had none
    std::string text = save_workspace_json(ws);
    const std::string now = "\"schema\":" + std::to_string(kSchemaVersion);
    text.replace(text.find(now), now.size(), "\"schema\":5");
    // Written by the previous version: no audiences, journeys without audience/enabled, steps
    // without persona/account/script/coupon.
    auto drop = [&text](const std::string& piece) {
        std::size_t n = 0;
        for (std::size_t at = text.find(piece); at != std::string::npos; at = text.find(piece)) {
            text.erase(at, piece.size());
            ++n;
        }
        return n;
    };
    CHECK(drop(",\"audiences\":[]") == 1);
    CHECK(drop(",\"audience\":\"\",\"enabled\":true") == ws.calendar.sops.size());
    CHECK(drop(",\"persona\":\"\",\"account\":\"\",\"script\":\"\",\"coupon\":\"\",\"sent_as\":\"\"") > 0);
    REQUIRE(text.find("\"coupon\":\"\"") == std::string::npos);
    bool edited = false;
    auto r = load_workspace_json(text, &edited);  // the checksum was of the longer payload
    REQUIRE(r);
    CHECK(edited);
    CHECK(r->audiences.empty());
    REQUIRE(r->calendar.sops.size() == ws.calendar.sops.size());
    for (const Sop& s : r->calendar.sops) {
        CHECK(s.enabled);
        CHECK(s.audience.empty());
        for (const SopStep& st : s.steps) CHECK((st.persona.empty() && st.script.empty() && st.coupon.empty()));
    }
    CHECK(r->calendar.sops[0].steps[0].title == ws.calendar.sops[0].steps[0].title);
}

TEST_CASE("product fit and the scenario give one answer at every price", "[plan][economics]") {
    Workspace ws = demo_workspace(kDemoToday);
    Assessment a;
    int seen_good = 0, seen_poor = 0;
    for (double price = 5; price <= 5000; price *= 1.35) {
        ws.economics.scenarios[0].a.aov = price;
        ws.economics.product.price = 129;  // the profile's own price no longer matters
        assess(ws, nullptr, std::nullopt, a);
        REQUIRE(a.economics.funnel);
        const FunnelSummary& s = a.economics.funnel->summary;
        const std::string& v = a.economics.fit.verdict;
        const bool pays = s.payback_month.has_value() && s.roi.value_or(-1) > 0;
        INFO("price " << price << " verdict " << v << " roi " << s.roi.value_or(-9) << " ltv:cac " << s.ltv_cac.value_or(-9));
        if (v == "good") {
            CHECK(pays);
            CHECK(s.ltv_cac.value_or(0) >= 3);
            ++seen_good;
        } else if (v == "conditional") {
            CHECK(pays);
        } else {
            CHECK_FALSE(pays);
            ++seen_poor;
        }
        // The value part-score reads the scenario's price.
        ProductProfile priced = ws.economics.product;
        priced.price = price;
        priced.margin = ws.economics.scenarios[0].a.gross_margin;
        CHECK(a.economics.fit.score == Approx(assess_fit(priced).score));
    }
    CHECK(seen_good > 0);
    CHECK(seen_poor > 0);
}

TEST_CASE("the calibration measured a range of customers at a time is the calibration measured at once", "[plan][economics]") {
    GenOptions shop;
    shop.customers = 3000;
    Workspace ws = demo_workspace(kDemoToday);
    const OrderTable orders = generate_orders(shop);
    Assessment a;
    assess_orders(&orders, a.order_facts);
    assess_tiers(ws, &orders, a.tiers);
    REQUIRE(a.tiers.clv);
    REQUIRE(a.tiers.clv->usable());
    const Calibration once = calibrate(a.order_facts, a.tiers);
    REQUIRE(once.has_aov);
    REQUIRE(once.has_repeat);
    REQUIRE(once.has_ltv);
    // Parts of 700 customers: five parts, the last one short; nothing measured until the last.
    int parts = 0;
    while (prepare_calibration_part(a.order_facts, a.tiers, a.economics, 700)) {
        ++parts;
        CHECK(a.economics.calibration_generation != a.tiers.generation);
        CHECK(a.economics.calibration_sums.next == static_cast<std::size_t>(parts) * 700);
    }
    CHECK(parts == 4);
    CHECK(a.economics.calibration_generation == a.tiers.generation);
    const Calibration& parted = a.economics.calibration;
    // The same sums in the same order: equal to the last bit.
    CHECK(parted.buyers == once.buyers);
    CHECK(parted.aov == once.aov);
    CHECK(parted.aov_first == once.aov_first);
    CHECK(parted.aov_repeat == once.aov_repeat);
    CHECK(parted.repeat_rate == once.repeat_rate);
    CHECK(parted.monthly_churn == once.monthly_churn);
    CHECK(parted.ltv == once.ltv);
    CHECK(parted.repeat_orders_per_buyer == once.repeat_orders_per_buyer);
    // Measured: a further part does nothing.
    CHECK_FALSE(prepare_calibration_part(a.order_facts, a.tiers, a.economics, 700));
    // Stopped half-way and finished at once (an assess between two frames' parts): the same.
    Assessment b;
    assess_orders(&orders, b.order_facts);
    assess_tiers(ws, &orders, b.tiers);
    REQUIRE(prepare_calibration_part(b.order_facts, b.tiers, b.economics, 1000));
    prepare_calibration(b.order_facts, b.tiers, b.economics);
    CHECK(b.economics.calibration.ltv == once.ltv);
    CHECK(b.economics.calibration.repeat_rate == once.repeat_rate);
    CHECK(b.economics.calibration.buyers == once.buyers);
}

TEST_CASE("the journeys' triggers counted a range of customers at a time are the triggers counted at once", "[plan][journeys]") {
    GenOptions shop;
    shop.customers = 3000;
    Workspace ws = demo_workspace(kDemoToday);
    OrderTable orders = generate_orders(shop);
    // Every third customer has a birthday cell: a readable one for odd customers (c % 6 == 3, 500
    // of them), an unreadable one for even ones.
    AttributeColumn bd;
    bd.name = "birthday";
    const std::uint32_t may = bd.values.intern("1990-05-12"), unknown = bd.values.intern("unknown");
    bd.of_customer.assign(orders.customer_ids.size(), AttributeColumn::kNoValue);
    for (std::size_t c = 0; c < bd.of_customer.size(); c += 3) bd.of_customer[c] = c % 2 ? may : unknown;
    orders.attributes.push_back(bd);
    Assessment a;
    assess_tiers(ws, &orders, a.tiers);
    REQUIRE(a.tiers.tiers);
    REQUIRE(a.tiers.tiers->summary.size() == 3000);
    JourneyFigures once;
    prepare_journey_triggers(&orders, a.tiers, once);
    REQUIRE(once.from_orders);
    CHECK(once.triggers.at("birthday").customers == 500);
    REQUIRE(once.triggers.at("repurchase").customers > 0);
    REQUIRE(once.repeat_buyers > 0);
    // Parts of 700 customers: five parts, the last one short; nothing filled until the last.
    int parts = 0;
    while (prepare_journey_triggers_part(&orders, a.tiers, a.journeys, 700)) {
        ++parts;
        CHECK(a.journeys.trig_generation != a.tiers.generation);
        CHECK_FALSE(a.journeys.from_orders);
        CHECK(a.journeys.trig_sums.next == static_cast<std::size_t>(parts) * 700);
    }
    CHECK(parts == 4);
    const JourneyFigures& j = a.journeys;
    CHECK(j.trig_generation == a.tiers.generation);
    CHECK(j.from_orders);
    CHECK(j.as_of == once.as_of);
    REQUIRE(j.triggers.size() == once.triggers.size());
    for (const auto& [name, in] : once.triggers) {
        INFO(name);
        const TriggerInflow& got = j.triggers.at(name);
        CHECK(got.customers == in.customers);
        CHECK(got.per_day == in.per_day);
        CHECK(got.window_days == in.window_days);
        CHECK(got.segments == in.segments);
    }
    CHECK(j.repurchase_interval_days == once.repurchase_interval_days);
    CHECK(j.repeat_buyers == once.repeat_buyers);
    REQUIRE(j.birthday);
    CHECK(*j.birthday == *once.birthday);
    // Counted: a further part does nothing.
    CHECK_FALSE(prepare_journey_triggers_part(&orders, a.tiers, a.journeys, 700));
    // Stopped half-way and finished at once (an assess between two frames' parts): the same.
    JourneyFigures half;
    REQUIRE(prepare_journey_triggers_part(&orders, a.tiers, half, 1000));
    prepare_journey_triggers(&orders, a.tiers, half);
    CHECK(half.repeat_buyers == once.repeat_buyers);
    CHECK(half.repurchase_interval_days == once.repurchase_interval_days);
    CHECK(half.triggers.at("birthday").customers == 500);
    CHECK(half.triggers.at("repurchase").customers == once.triggers.at("repurchase").customers);
    // Without orders: the triggers are known, none counted from orders.
    prepare_journey_triggers(nullptr, a.tiers, half);
    CHECK_FALSE(half.from_orders);
    CHECK(half.triggers.at("repurchase").customers == 0);
    CHECK(half.repeat_buyers == 0);
}

TEST_CASE("the calibration from the orders is measured once per tiers result and equals a fresh one after edits", "[plan][economics]") {
    GenOptions shop;
    shop.customers = 3000;
    Workspace ws = demo_workspace(kDemoToday);
    const OrderTable orders = generate_orders(shop);
    Assessment kept;
    assess(ws, &orders, std::nullopt, kept);
    REQUIRE(kept.economics.calibration.any);
    REQUIRE(kept.economics.calibration.has_aov);
    CHECK(kept.economics.calibration_generation == kept.tiers.generation);
    const std::uint64_t gen = kept.tiers.generation;
    auto same = [](const Calibration& a, const Calibration& b) {
        return a.any == b.any && a.has_aov == b.has_aov && a.has_repeat == b.has_repeat && a.has_churn == b.has_churn &&
               a.has_ltv == b.has_ltv && a.aov == b.aov && a.aov_first == b.aov_first && a.aov_repeat == b.aov_repeat &&
               a.repeat_rate == b.repeat_rate && a.monthly_churn == b.monthly_churn && a.ltv == b.ltv &&
               a.repeat_orders_per_buyer == b.repeat_orders_per_buyer && a.buyers == b.buyers;
    };
    // An edit that leaves the tiers alone: the same tiers result, the same calibration.
    ws.economics.scenarios[0].a.aov += 10;
    assess(ws, &orders, std::nullopt, kept);
    CHECK(kept.tiers.generation == gen);
    CHECK(same(kept.economics.calibration, assess(ws, &orders, std::nullopt).economics.calibration));
    // A tier setting that changes the data's end date: measured again, as a fresh assess measures it.
    const Calibration before = kept.economics.calibration;
    ws.tiering.as_of_day = static_cast<int>(kept.tiers.tiers->summary.as_of) - 200;
    assess(ws, &orders, std::nullopt, kept);
    CHECK(kept.tiers.generation != gen);
    CHECK(kept.economics.calibration_generation == kept.tiers.generation);
    CHECK_FALSE(same(kept.economics.calibration, before));
    CHECK(same(kept.economics.calibration, assess(ws, &orders, std::nullopt).economics.calibration));
    // Without orders: nothing measured.
    assess(ws, nullptr, std::nullopt, kept);
    CHECK_FALSE(kept.economics.calibration.any);

    // Prepared ahead (the app does it in frames of their own after an import): the calibration and
    // the journeys' trigger counts are what the assess then uses, not measured again. Marked
    // values that only a second measurement would overwrite show it.
    Assessment ahead;
    assess_orders(&orders, ahead.order_facts);
    assess_tiers(ws, &orders, ahead.tiers);
    prepare_journey_triggers(&orders, ahead.tiers, ahead.journeys);
    prepare_calibration(ahead.order_facts, ahead.tiers, ahead.economics);
    const Assessment fresh = assess(ws, &orders, std::nullopt);
    CHECK(same(ahead.economics.calibration, fresh.economics.calibration));
    CHECK(ahead.journeys.repeat_buyers == fresh.journeys.repeat_buyers);
    CHECK(ahead.journeys.trig_generation == ahead.tiers.generation);
    ahead.economics.calibration.aov = -1;
    ahead.journeys.repeat_buyers = 123456789;
    const std::uint64_t gen_ahead = ahead.tiers.generation;
    assess(ws, &orders, std::nullopt, ahead);
    REQUIRE(ahead.tiers.generation == gen_ahead);
    CHECK(ahead.economics.calibration.aov == -1);
    CHECK(ahead.journeys.repeat_buyers == 123456789);
    // Once the tiers change, both are measured again.
    ws.tiering.as_of_day -= 30;
    assess(ws, &orders, std::nullopt, ahead);
    CHECK(ahead.economics.calibration.aov > 0);
    CHECK(ahead.journeys.repeat_buyers != 123456789);
}
