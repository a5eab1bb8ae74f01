// test_tiers_job.cpp — the tiers and CLV computed a part at a time (TiersJob, core/plan/
// assess_tiers.hpp, which the app runs between frames after an import) give exactly what
// assess_tiers() gives in one call, leave the cache current (the next assess_tiers() recomputes
// nothing, also after the table moved), redo only what a settings change needs, and stop at a
// tiers error; ClvRun in steps (the BG/NBD fit a few iterations a step) gives run_clv's results.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string>

#include "core/plan/assess_tiers.hpp"
#include "core/plan/demo.hpp"
#include "core/tiering/rfm.hpp"
#include "core/tiering/simulate.hpp"

using namespace yt;

namespace {

OrderTable some_orders() {
    GenOptions g;
    g.customers = 4000;
    g.seed = 7;
    return generate_orders(g);
}

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void require_same(const TierFigures& a, const TierFigures& b) {
    REQUIRE(a.tiers);
    REQUIRE(b.tiers);
    REQUIRE(a.clv);
    REQUIRE(b.clv);
    CHECK(a.segment_sizes == b.segment_sizes);
    CHECK(a.rf == b.rf);
    CHECK(a.segment_clv == b.segment_clv);
    CHECK(a.segment_clv_n == b.segment_clv_n);
    CHECK(same_bits(a.tiers->segments.segment, b.tiers->segments.segment));
    CHECK(same_bits(a.tiers->rfm.r, b.tiers->rfm.r));
    CHECK(same_bits(a.tiers->lifecycle.stage, b.tiers->lifecycle.stage));
    const ClvResult& x = a.clv->result;
    const ClvResult& y = b.clv->result;
    CHECK(x.bg.params.r == y.bg.params.r);
    CHECK(x.bg.params.alpha == y.bg.params.alpha);
    CHECK(x.gg.params.p == y.gg.params.p);
    CHECK(same_bits(x.clv, y.clv));
    CHECK(same_bits(x.p_alive, y.p_alive));
    CHECK(x.total_clv == y.total_clv);
    CHECK(a.clv->check.has_value() == b.clv->check.has_value());
}

}  // namespace

TEST_CASE("a TiersJob run a part at a time gives what assess_tiers gives, and leaves the cache current", "[plan][tiers]") {
    const OrderTable orders = some_orders();
    Workspace ws = demo_workspace(kDemoToday);

    TierFigures once;
    assess_tiers(ws, &orders, once);
    REQUIRE(once.clv);
    REQUIRE(once.clv->usable());

    TierFigures stepped;
    TiersJob job(&orders, ws.tiering, stepped);
    int steps = 1, fit_parts = 0;
    double last = job.progress();
    CHECK(last == 0);
    while (job.step()) {
        ++steps;
        CHECK(job.progress() >= last);
        if (job.progress() == last) ++fit_parts;  // the BG/NBD fit's parts move no step on
        last = job.progress();
    }
    CHECK(job.progress() == 1);
    // the index's steps, the summary (one range here), the scores' steps, the profile, the CLV
    // inputs, the run's steps (the fit in several), the check
    CHECK(fit_parts >= 1);
    CHECK(steps == OrderIndexBuilder::kSteps + 1 + TiersBuilder::kSteps + 1 + 1 + ClvRun::steps_for(orders.customers()) +
                       fit_parts + 1);
    job.install(&orders, stepped);
    require_same(once, stepped);
    CHECK(stepped.computations == 1);
    CHECK(stepped.clv_computations == 1);

    // Nothing left to do: the next assess_tiers() keeps every result.
    const auto gen = stepped.generation;
    assess_tiers(ws, &orders, stepped);
    CHECK(stepped.generation == gen);
    CHECK(stepped.computations == 1);
    CHECK_FALSE(TiersJob(&orders, ws.tiering, stepped).step());
}

TEST_CASE("a TiersJob installed for a table that moved (same buffers) is current for it", "[plan][tiers]") {
    OrderTable orders = some_orders();
    Workspace ws = demo_workspace(kDemoToday);
    TierFigures f;
    TiersJob job(&orders, ws.tiering, TierFigures{});
    while (job.step()) {
    }
    const OrderTable moved = std::move(orders);
    job.install(&moved, f);
    assess_tiers(ws, &moved, f);
    CHECK(f.computations == 1);
    CHECK(f.clv_computations == 1);
}

TEST_CASE("a TiersJob redoes only what a settings change needs, and stops at a tiers error", "[plan][tiers]") {
    const OrderTable orders = some_orders();
    Workspace ws = demo_workspace(kDemoToday);
    TierFigures f;
    assess_tiers(ws, &orders, f);
    const auto tiers = f.tiers;
    const auto clv = f.clv;

    SECTION("a CLV setting: the tiers are kept") {
        TieringSettings s = ws.tiering;
        s.clv_horizon = 52;
        TiersJob job(&orders, s, f);
        int steps = 1, fit_parts = 0;
        for (double last = job.progress(); job.step(); last = job.progress()) {
            ++steps;
            if (job.progress() == last) ++fit_parts;
        }
        CHECK(fit_parts >= 1);
        CHECK(steps == 2 + ClvRun::steps_for(orders.customers()) + fit_parts);  // inputs, the run's parts, the check
        job.install(&orders, f);
        CHECK(f.tiers == tiers);
        CHECK(f.clv != clv);
        CHECK(f.computations == 1);
        CHECK(f.clv_computations == 2);
        TierFigures fresh;
        ws.tiering = s;
        assess_tiers(ws, &orders, fresh);
        require_same(fresh, f);
    }
    SECTION("a tier setting: the CLV is kept") {
        TieringSettings s = ws.tiering;
        s.split = "median";
        TiersJob(&orders, s, f).install(&orders, f);
        CHECK(f.tiers != tiers);
        CHECK(f.clv == clv);
        CHECK(f.computations == 2);
        CHECK(f.clv_computations == 1);
    }
    SECTION("a tier setting that cannot be used: an error, no tiers") {
        TieringSettings s = ws.tiering;
        s.binning = "nonsense";
        TiersJob(&orders, s, f).install(&orders, f);
        CHECK(f.error);
        CHECK_FALSE(f.tiers);
        CHECK(f.segment_sizes.empty());
    }
}

TEST_CASE("the summary over customer ranges is summarize()'s, to the bit", "[tiering][tiers]") {
    const OrderTable orders = some_orders();
    auto idx = build_order_index(orders);
    REQUIRE(idx);
    SummaryOptions so;
    so.as_of = idx->min_day + 60;  // some customers first buy after it
    const CustomerSummary whole = summarize(orders, *idx, so);
    CustomerSummary parts = summary_start(*idx, so);
    for (std::size_t b = 0; b < idx->customers(); b += 333) summarize_range(*idx, so, b, b + 333, parts);
    CHECK(same_bits(parts.orders, whole.orders));
    CHECK(same_bits(parts.revenue, whole.revenue));
    CHECK(same_bits(parts.recency, whole.recency));
    CHECK(same_bits(parts.first, whole.first));
    CHECK(same_bits(parts.last, whole.last));
    CHECK(same_bits(parts.aov, whole.aov));
    CHECK(parts.buyers == whole.buyers);
    CHECK(parts.total_revenue == whole.total_revenue);
    CHECK(parts.as_of == whole.as_of);
    // A customer with no order by the as-of date has no recency (-1) and nothing else.
    std::size_t without = 0;
    for (std::size_t c = 0; c < parts.orders.size(); ++c) {
        if (parts.orders[c] != 0) continue;
        ++without;
        CHECK(parts.recency[c] == -1);
        CHECK(parts.first[c] == 0);
        CHECK(parts.aov[c] == 0.0);
    }
    CHECK(without > 0);
}

TEST_CASE("ClvRun in steps gives run_clv's results, whatever the range of customers scored per step", "[tiering][clv]") {
    GenOptions g;
    g.customers = 9000;  // the BG/NBD rows in three ranges of ClvRun::kMinRowsRange customers
    g.seed = 7;
    const OrderTable orders = generate_orders(g);
    auto idx = build_order_index(orders);
    REQUIRE(idx);
    auto in = clv_inputs(orders, *idx, std::nullopt, TimeUnit::Week);
    REQUIRE(in);
    REQUIRE(in->size() > 2 * ClvRun::kMinRowsRange);
    ClvOptions opt;
    for (std::size_t max_rows : {opt.max_unique_rows, std::size_t{50}}) {  // 50: the rows are regridded
        CAPTURE(max_rows);
        opt.max_unique_rows = max_rows;
        auto whole = run_clv(*in, opt);
        REQUIRE(whole);
        REQUIRE(whole->bg_ok);
        REQUIRE(whole->gg_ok);
        // The parts as separate calls: rows, fits and the predictions over every customer at once.
        ClvResult apart;
        const BgNbdData rows = bgnbd_data_auto(*in, opt, &apart.grid_days);
        CHECK(apart.grid_days == (max_rows == 50 ? 7 : 1));
        apart.bg = *fit_bgnbd(rows, opt.fit);
        apart.bg_ok = true;
        // The fit a few iterations a part, as ClvRun runs it: more than one part here, and the
        // same fit to the last bit.
        BgNbdFitRun fit_run(rows, opt.fit);
        int fit_calls = 1;
        while (fit_run.step(ClvRun::kBgFitIterations)) ++fit_calls;
        CHECK(fit_calls > 1);
        const BgNbdFit stepped_fit = *fit_run.take();
        CHECK(stepped_fit.params.r == apart.bg.params.r);
        CHECK(stepped_fit.params.alpha == apart.bg.params.alpha);
        CHECK(stepped_fit.params.b == apart.bg.params.b);
        CHECK(stepped_fit.iterations == apart.bg.iterations);
        CHECK(stepped_fit.evaluations == apart.bg.evaluations);
        CHECK(stepped_fit.stop == apart.bg.stop);
        const GgData gg_rows = gg_data_from_inputs(*in);
        apart.gg = *fit_gamma_gamma(gg_rows, opt.fit);
        apart.gg_ok = true;
        GgFitRun gg_run(gg_rows, opt.fit);
        int gg_calls = 1;
        while (gg_run.step(ClvRun::kGgFitIterations)) ++gg_calls;
        CHECK(gg_calls > 1);
        const GgFit stepped_gg = *gg_run.take();
        CHECK(stepped_gg.params.p == apart.gg.params.p);
        CHECK(stepped_gg.params.q == apart.gg.params.q);
        CHECK(stepped_gg.params.v == apart.gg.params.v);
        CHECK(stepped_gg.evaluations == apart.gg.evaluations);
        predict_clv(*in, opt, apart);
        for (std::size_t range : {std::size_t{7}, std::size_t{1}, in->size(), ClvRun::kScoreRange}) {
            CAPTURE(range);
            ClvRun run(*in, opt, range);
            int steps = 1, stays = 0;
            for (int done = run.done(); run.step(); done = run.done()) {
                ++steps;
                if (run.done() == done) ++stays;
            }
            // The fits' parts but their last leave done() where it was.
            CHECK(stays == fit_calls - 1 + gg_calls - 1);
            CHECK(steps == ClvRun::steps_for(in->size(), range) + stays);
            const std::size_t rows_range = std::max(range, ClvRun::kMinRowsRange);
            const int rows_parts = static_cast<int>((in->size() + rows_range - 1) / rows_range) + 2;  // + merge, regrid
            CHECK(steps == rows_parts + 3 + ClvScorer::kSetupParts + static_cast<int>((in->size() + range - 1) / range) + stays);
            CHECK(run.done() == run.steps());
            auto parts = run.take();
            REQUIRE(parts);
            CHECK(parts->bg.params.r == apart.bg.params.r);
            CHECK(parts->bg.params.a == apart.bg.params.a);
            CHECK(parts->bg.loglik == apart.bg.loglik);
            CHECK(parts->gg.params.q == apart.gg.params.q);
            CHECK(parts->grid_days == apart.grid_days);
            CHECK(same_bits(parts->clv, apart.clv));
            CHECK(same_bits(parts->p_alive, apart.p_alive));
            CHECK(same_bits(parts->p_no_purchase, apart.p_no_purchase));
            CHECK(same_bits(parts->expected_value, apart.expected_value));
            CHECK(same_bits(parts->expected_purchases, apart.expected_purchases));
            CHECK(parts->total_clv == apart.total_clv);
            CHECK(parts->total_expected_purchases == apart.total_expected_purchases);
            CHECK(parts->total_clv == whole->total_clv);
        }
    }
    opt.horizon = 0;
    auto bad = ClvRun(*in, opt).take();
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "tiering.bad_clv_options");
}

TEST_CASE("the RFM scores a step at a time are score_rfm()'s, with the order statistics in a step of their own",
          "[tiering][tiers]") {
    OrderTable orders = some_orders();
    for (std::size_t i = 0; i < orders.amount.size(); ++i) orders.amount[i] += 0.01 * static_cast<double>(i % 97);
    auto idx = build_order_index(orders);
    REQUIRE(idx);
    const CustomerSummary s = summarize(orders, *idx, SummaryOptions{});
    for (const char* name : {"quintile", "tercile", "custom"}) {
        auto b = std::string(name) == "custom" ? make_binning("custom", {7, 30, 90}, {2, 3, 4}, {50, 150, 300})
                                               : make_binning(name);
        REQUIRE(b);
        auto once = score_rfm(s, *b);
        REQUIRE(once);
        RfmScorer r(s, *b);
        int steps = 1;
        while (r.step()) ++steps;
        CHECK(steps == RfmScorer::kSteps);
        auto parts = r.take();
        REQUIRE(parts);
        CHECK(parts->r == once->r);
        CHECK(parts->f == once->f);
        CHECK(parts->m == once->m);
        if (std::string(name) == "custom") continue;
        // Revenue is cut by order statistics (cents: no table of counts); the scores equal
        // quantile_scores(), which makes the cuts in one call.
        std::vector<std::uint8_t> include(s.size()), direct;
        for (std::size_t c = 0; c < s.size(); ++c) include[c] = s.orders[c] > 0;
        quantile_scores(s.revenue, include, b->bins, true, direct);
        CHECK(parts->m == direct);
        CHECK(std::count(direct.begin(), direct.end(), static_cast<std::uint8_t>(b->bins)) > 0);
    }
}
