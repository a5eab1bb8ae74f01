// test_tiering_cdnow.cpp — the CDNOW sample (the BG/NBD literature's data set) end to end:
// our calibration-period inputs must equal the summary shipped with the data, and both fits
// must converge to a maximum. Published parameter values are NOT used as the oracle; the
// ranges below are only loose sanity bounds.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>

#include "core/tiering/clv.hpp"
#include "core/tiering/rfm.hpp"
#include "core/tiering/segments.hpp"
#include "core/tiering/summary.hpp"
#include "tests/core/test_paths.hpp"

using namespace yt;

namespace {

// CDNOW_sample.txt: master id, customer id, YYYYMMDD, CDs, dollars — whitespace separated.
OrderTable read_cdnow() {
    std::ifstream f(test::test_data("cdnow/CDNOW_sample.txt"));
    REQUIRE(f.good());
    OrderTable t;
    std::string line, master, id, date;
    double cds = 0, dollars = 0;
    while (std::getline(f, line)) {
        std::istringstream ss(line);
        if (!(ss >> master >> id >> date >> cds >> dollars)) continue;
        const auto d = parse_day(date);
        if (!d) FAIL("bad date " << date);
        t.add(t.customer_ids.intern(id), *d, dollars);
    }
    return t;
}

}  // namespace

TEST_CASE("tiering: CDNOW sample: calibration inputs equal the shipped summary", "[tiering][cdnow]") {
    const OrderTable t = read_cdnow();
    REQUIRE(t.customers() == 2357);
    auto idx = build_order_index(t);
    REQUIRE(idx.ok());
    auto in = clv_inputs(t, *idx, days_from_civil(1997, 9, 30), TimeUnit::Week);
    REQUIRE(in.ok());
    CHECK(in->customers == 2357);

    std::ifstream f(test::test_data("cdnow/cdnow_customers_summary_with_transactions.csv"));
    REQUIRE(f.good());
    std::string line;
    std::getline(f, line);  // ID,x,t_x,T,zbar
    int rows = 0, bad = 0;
    while (std::getline(f, line)) {
        for (char& c : line) if (c == ',') c = ' ';
        std::istringstream ss(line);
        int id = 0, x = 0;
        double tx = 0, T = 0, zbar = 0;
        ss >> id >> x >> tx >> T >> zbar;
        char key[8];
        std::snprintf(key, sizeof key, "%04d", id);
        const std::size_t c = t.customer_ids.values().size();
        std::size_t i = c;
        for (std::size_t k = static_cast<std::size_t>(id - 1); k < c; ++k)  // ids are interned in file order
            if (t.customer_ids.at(static_cast<std::uint32_t>(k)) == key) { i = k; break; }
        if (i == c) { ++bad; continue; }
        ++rows;
        if (in->x[i] != x || std::fabs(in->t_x(i) - tx) > 0.006 || std::fabs(in->T(i) - T) > 0.006 ||
            std::fabs(in->m[i] - zbar) > 0.006)
            ++bad;
    }
    CHECK(rows == 2357);
    CHECK(bad == 0);
}

TEST_CASE("tiering: CDNOW sample: BG/NBD and Gamma-Gamma fits converge to a maximum", "[tiering][cdnow]") {
    const OrderTable t = read_cdnow();
    auto idx = build_order_index(t);
    auto in = clv_inputs(t, *idx, days_from_civil(1997, 9, 30), TimeUnit::Week);
    REQUIRE(in.ok());
    auto r = run_clv(*in, ClvOptions{});
    REQUIRE(r.ok());
    REQUIRE(r->status.ok());
    const BgNbdParams p = r->bg.params;
    CHECK(r->bg.converged);
    CHECK(r->bg.grad_norm < 1e-5);
    CHECK(r->bg.customers == 2357);
    CHECK(r->bg.repeat_buyers == in->repeat_buyers);
    // loose sanity bounds (the literature reports r≈0.24, α≈4.41, a≈0.79, b≈2.43)
    CHECK(p.r > 0.1);
    CHECK(p.r < 0.5);
    CHECK(p.alpha > 2);
    CHECK(p.alpha < 8);
    CHECK(p.a > 0.3);
    CHECK(p.a < 2);
    CHECK(p.b > 1);
    CHECK(p.b < 5);
    // a maximum: any small step in a parameter lowers the likelihood
    const BgNbdData d = bgnbd_data_from_inputs(*in, 1);
    const double ll = bgnbd_loglik(p, d);
    CHECK(ll == Approx(r->bg.loglik).epsilon(1e-12));
    for (int k = 0; k < 4; ++k)
        for (double f : {0.98, 1.02}) {
            BgNbdParams q = p;
            double* v[4] = {&q.r, &q.alpha, &q.a, &q.b};
            *v[k] *= f;
            CHECK(bgnbd_loglik(q, d) < ll);
        }
    CHECK(r->gg.converged);
    CHECK(r->gg.customers == in->repeat_buyers);
    CHECK(r->gg.params.q > 1);
    const GgData gd = gg_data_from_inputs(*in);
    for (double f : {0.97, 1.03}) {
        GgParams q = r->gg.params;
        q.p *= f;
        CHECK(gg_loglik(q, gd) < r->gg.loglik);
    }
    // predictions are sane for everyone
    double total = 0;
    int insane = 0;
    for (std::size_t i = 0; i < in->size(); ++i) {
        if (!(r->p_alive[i] > 0 && r->p_alive[i] <= 1 && r->clv[i] >= 0)) ++insane;
        total += r->expected_purchases[i];
    }
    CHECK(insane == 0);
    CHECK(total == Approx(r->total_expected_purchases).epsilon(1e-6));

    // rule-based tiers on the same data: every buyer in exactly one segment
    const CustomerSummary s = summarize(t, *idx, SummaryOptions{});
    CHECK(s.buyers == 2357);
    const Segmentation seg = assign_segments(s, *split_thresholds(s, "mean"));
    std::uint32_t n = 0;
    for (auto c : seg.counts) n += c;
    CHECK(n == 2357);
    auto sc = score_rfm(s, *make_binning("quintile"));
    REQUIRE(sc.ok());
    const auto tab = segment_table(s, seg, &r->clv);
    double clv_sum = 0;
    for (const auto& row : tab) clv_sum += row.clv_total;
    CHECK(clv_sum == Approx(r->total_clv).epsilon(1e-6));
}
