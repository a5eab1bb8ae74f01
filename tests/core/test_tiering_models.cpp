// test_tiering_models.cpp — BG/NBD and Gamma-Gamma: special functions, analytic vs
// finite-difference gradients, parameter recovery on simulated data, prediction properties,
// CLV discounting, too-little-data fallbacks, and the synthetic order generator.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/tiering/bgnbd.hpp"
#include "core/tiering/clv.hpp"
#include "core/tiering/gamma_gamma.hpp"
#include "core/tiering/optimize.hpp"
#include "core/tiering/radix.hpp"
#include "core/tiering/simulate.hpp"
#include "core/tiering/special.hpp"
#include "core/tiering/summary.hpp"

using namespace yt;

namespace {

// T spread evenly over [lo, hi] (the simulator's input: observation length per customer).
std::vector<double> spread(std::size_t n, double lo, double hi) {
    std::vector<double> T(n);
    for (std::size_t i = 0; i < n; ++i) T[i] = lo + (hi - lo) * (static_cast<double>(i) + 0.5) / static_cast<double>(n);
    return T;
}

BgNbdParams from_log(const double* th) { return {std::exp(th[0]), std::exp(th[1]), std::exp(th[2]), std::exp(th[3])}; }

// Direct FHL (2005) eq. 10 numerator with the plain 2F1 series (for comparison).
double direct_G(const BgNbdParams& p, double x, double T, double t) {
    const double z = t / (p.alpha + T + t);
    const double f = hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z);
    return (p.a + p.b + x - 1) / (p.a - 1) * (1 - std::pow((p.alpha + T) / (p.alpha + T + t), p.r + x) * f);
}

}  // namespace

TEST_CASE("tiering: special functions: digamma and 2F1 against closed forms", "[tiering]") {
    const double euler = 0.57721566490153286;
    CHECK(digamma(1) == Approx(-euler).margin(1e-13));
    CHECK(digamma(0.5) == Approx(-euler - 2 * std::log(2.0)).margin(1e-13));
    CHECK(digamma(7.25) - digamma(6.25) == Approx(1 / 6.25).margin(1e-13));
    CHECK(digamma(1e-3) == Approx(-1000.0 - euler + 1.6449340668 * 1e-3 - 1.2020569032 * 1e-6).margin(1e-8));
    CHECK(std::isnan(digamma(0)));
    for (double z : {0.0, 0.1, 0.5, 0.9, 0.99}) {
        const double want = z == 0 ? 1 : -std::log1p(-z) / z;
        CHECK(hyp2f1(1, 1, 2, z) == Approx(want).epsilon(1e-12));
        CHECK(hyp2f1(2.5, 0.7, 0.7, z) == Approx(std::pow(1 - z, -2.5)).epsilon(1e-12));
    }
    CHECK(std::isnan(hyp2f1(1, 1, -2, 0.5)));
    CHECK(lbeta(2, 3) == Approx(std::log(1.0 / 12)).margin(1e-14));
}

TEST_CASE("tiering: optimisers find the Rosenbrock minimum; order statistics equal sorting", "[tiering]") {
    auto rosen = [](const std::vector<double>& x, std::vector<double>& g, std::vector<double>* H) {
        const double a = 1 - x[0], b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        if (H) {
            (*H)[0] = 2 - 400 * b + 800 * x[0] * x[0];
            (*H)[1] = (*H)[2] = -400 * x[0];
            (*H)[3] = 200;
        }
        return a * a + 100 * b * b;
    };
    const MinimizeResult b = minimize_bfgs([&](const std::vector<double>& x, std::vector<double>& g) { return rosen(x, g, nullptr); },
                                           {-1.2, 1.0});
    CHECK(b.converged);
    CHECK(b.x[0] == Approx(1).epsilon(1e-6));
    CHECK(b.x[1] == Approx(1).epsilon(1e-6));
    // An iteration a step, to the same point bit for bit.
    MinimizeRun run = bfgs_run([&](const std::vector<double>& x, std::vector<double>& g) { return rosen(x, g, nullptr); }, {-1.2, 1.0});
    int steps = 0;
    while (run.step()) {
        ++steps;
        CHECK(run.iterations() == steps);
    }
    CHECK(steps == b.iterations);
    const MinimizeResult stepped = run.take();
    CHECK(stepped.x == b.x);
    CHECK(stepped.f == b.f);
    CHECK(stepped.evaluations == b.evaluations);
    CHECK(stepped.stop == b.stop);
    CHECK_FALSE(run.step());
    const MinimizeResult nt = minimize_newton(rosen, {-1.2, 1.0});
    CHECK(nt.converged);
    CHECK(nt.x[0] == Approx(1).epsilon(1e-6));
    CHECK(nt.iterations < b.iterations);
    MinimizeRun nrun = newton_run(rosen, {-1.2, 1.0});
    int nsteps = 0;
    while (nrun.step()) CHECK(nrun.iterations() == ++nsteps);
    CHECK(nsteps == nt.iterations);
    const MinimizeResult nstepped = nrun.take();
    CHECK(nstepped.x == nt.x);
    CHECK(nstepped.evaluations == nt.evaluations);
    CHECK(nstepped.stop == nt.stop);

    std::uint64_t st = 99;
    std::vector<std::uint64_t> keys(5000);
    for (auto& k : keys) {
        st = st * 6364136223846793005ull + 1442695040888963407ull;
        k = ordered_key(static_cast<double>((st >> 40) % 700) * 0.25 - 50);  // negatives and ties
    }
    std::vector<std::uint64_t> sorted = keys;
    radix_sort(sorted);
    CHECK(std::is_sorted(sorted.begin(), sorted.end()));
    const std::vector<std::size_t> ranks{0, 1, 2499, 2500, 4999, 1234};
    const std::vector<std::uint64_t> got = keys_at_ranks(keys, ranks);
    for (std::size_t i = 0; i < ranks.size(); ++i) CHECK(got[i] == sorted[ranks[i]]);
    CHECK(from_ordered_key(ordered_key(-3.75)) == -3.75);
    CHECK(from_ordered_key(ordered_key(12.5)) == 12.5);
}

TEST_CASE("tiering: BG/NBD conditional expectation: transformed series equals the direct formula", "[tiering]") {
    const BgNbdParams ps[] = {{0.243, 4.414, 0.793, 2.426}, {1.5, 10, 2.5, 4}, {0.5, 3, 1.0 + 1e-14, 2}, {0.8, 30, 0.3, 0.6}};
    for (const BgNbdParams& p : ps) {
        for (double x : {0.0, 1.0, 4.0, 20.0})
            for (double T : {0.0, 10.0, 40.0})
                for (double t : {1.0, 13.0, 39.0}) {
                    const double g = bgnbd_expected_if_alive(p, x, T, t);
                    CHECK(g >= 0);
                    if (std::fabs(p.a - 1) > 1e-6) CHECK(g == Approx(direct_G(p, x, T, t)).epsilon(1e-8));
                    // more time, more purchases
                    CHECK(bgnbd_expected_if_alive(p, x, T, t + 1) > g);
                }
        // a -> 1 is a removable singularity: continuous across it
        BgNbdParams lo = p, hi = p;
        lo.a = 1 - 1e-7;
        hi.a = 1 + 1e-7;
        CHECK(bgnbd_expected_if_alive(lo, 2, 10, 20) == Approx(bgnbd_expected_if_alive(hi, 2, 10, 20)).epsilon(1e-5));
    }
    // for a new customer, E[X(t)] for tiny t is the initial rate r/α · t
    const BgNbdParams p{0.5, 4, 0.8, 2.5};
    CHECK(bgnbd_expected_new(p, 1e-6) == Approx(0.5 / 4 * 1e-6).epsilon(1e-4));
}

TEST_CASE("tiering: BG/NBD: P(alive) and P(no purchase) properties", "[tiering]") {
    const BgNbdParams p{0.243, 4.414, 0.793, 2.426};
    CHECK(bgnbd_p_alive(p, 0, 0, 30) == 1.0);
    CHECK(bgnbd_p_alive(p, 0, 0, 300) == 1.0);
    double prev = 1.0;
    for (double T = 10; T <= 80; T += 10) {  // longer silence since the last purchase: less alive
        const double pa = bgnbd_p_alive(p, 3, 8, T);
        CHECK(pa > 0);
        CHECK(pa < prev);
        prev = pa;
    }
    prev = 0;
    for (double tx = 1; tx <= 40; tx += 3) {  // a later last purchase: more alive
        const double pa = bgnbd_p_alive(p, 3, tx, 40);
        CHECK(pa > prev);
        CHECK(pa <= 1);
        prev = pa;
    }
    CHECK(bgnbd_p_alive(p, 5, 40, 40) > bgnbd_p_alive(p, 1, 40, 40) - 1e-12);  // t_x = T: (b+x−1) grows with x
    // P(no purchase in t): 1 at t = 0, decreasing in t, at least 1 − P(alive)
    for (double x : {0.0, 2.0, 7.0}) {
        const double pa = bgnbd_p_alive(p, x, x > 0 ? 20 : 0, 39);
        double last = 1;
        CHECK(bgnbd_p_no_purchase(p, x, x > 0 ? 20 : 0, 39, 0) == Approx(1.0));
        for (double t = 1; t <= 104; t *= 2) {
            const double p0 = bgnbd_p_no_purchase(p, x, x > 0 ? 20 : 0, 39, t);
            CHECK(p0 < last);
            CHECK(p0 >= 1 - pa - 1e-12);
            last = p0;
        }
    }
    // a brand-new customer (x = 0, T = 0) has the unconditional P(X(t) = 0) = (α/(α+t))^r
    CHECK(bgnbd_p_no_purchase(p, 0, 0, 0, 10) == Approx(std::pow(p.alpha / (p.alpha + 10), p.r)).epsilon(1e-12));
    CHECK(bgnbd_expected_purchases(p, 2, 30.43, 38.86, 39) ==
          Approx(bgnbd_p_alive(p, 2, 30.43, 38.86) * bgnbd_expected_if_alive(p, 2, 38.86, 39)));
}

TEST_CASE("tiering: BG/NBD: analytic gradient equals finite differences", "[tiering]") {
    const BgNbdParams truth{0.6, 8, 0.9, 3};
    const SimSummary s = simulate_bgnbd(truth, spread(600, 10, 60), 7);
    const BgNbdData d = make_bgnbd_data(s.x, s.t_x, s.T);
    REQUIRE(d.customers == 600);
    const double points[2][4] = {{-0.5, 2.1, -0.1, 1.1}, {0.3, 1.0, 0.8, 0.2}};
    for (const double* th : points) {
        double g[4];
        bgnbd_loglik(from_log(th), d, g);
        for (int k = 0; k < 4; ++k) {
            double hi[4], lo[4];
            for (int j = 0; j < 4; ++j) hi[j] = lo[j] = th[j];
            const double h = 1e-5;
            hi[k] += h;
            lo[k] -= h;
            const double fd = (bgnbd_loglik(from_log(hi), d) - bgnbd_loglik(from_log(lo), d)) / (2 * h);
            CHECK(g[k] == Approx(fd).epsilon(1e-6).margin(1e-6));
        }
    }
}

TEST_CASE("tiering: BG/NBD: parameters are recovered from simulated data", "[tiering]") {
    const BgNbdParams truth{0.5, 6, 0.7, 2.5};
    const SimSummary s = simulate_bgnbd(truth, spread(30000, 26, 78), 20240601);
    const BgNbdData d = make_bgnbd_data(s.x, s.t_x, s.T);
    auto fit = fit_bgnbd(d);
    REQUIRE(fit.ok());
    INFO("stop " << fit->stop << " iterations " << fit->iterations << " grad " << fit->grad_norm);
    CHECK(fit->converged);
    CHECK(fit->customers == 30000);
    const BgNbdParams& e = fit->params;
    CHECK(e.r == Approx(truth.r).epsilon(0.15));
    CHECK(e.alpha == Approx(truth.alpha).epsilon(0.2));
    CHECK(e.a == Approx(truth.a).epsilon(0.3));
    CHECK(e.b == Approx(truth.b).epsilon(0.35));
    // the fit is a maximum: at least as good as the truth, and the gradient there is ~0
    CHECK(fit->loglik >= bgnbd_loglik(truth, d));
    double g[4];
    const double ll = bgnbd_loglik(e, d, g);
    CHECK(ll == Approx(fit->loglik).epsilon(1e-12));
    for (double gk : g) CHECK(std::fabs(gk) / d.customers < 1e-6);
    // finite differences agree at the optimum too (the objective is flat there)
    for (int k = 0; k < 4; ++k) {
        double th[4] = {std::log(e.r), std::log(e.alpha), std::log(e.a), std::log(e.b)};
        double hi[4], lo[4];
        for (int j = 0; j < 4; ++j) hi[j] = lo[j] = th[j];
        hi[k] += 1e-4;
        lo[k] -= 1e-4;
        const double fd = (bgnbd_loglik(from_log(hi), d) - bgnbd_loglik(from_log(lo), d)) / 2e-4;
        CHECK(std::fabs(fd) / d.customers < 1e-5);
    }
    // the same data on integer ticks give the same likelihood
    std::vector<std::int32_t> tx_t(s.x.size()), T_t(s.x.size());
    std::vector<double> tx_r(s.x.size()), T_r(s.x.size());
    for (std::size_t i = 0; i < s.x.size(); ++i) {
        tx_t[i] = static_cast<std::int32_t>(std::lround(s.t_x[i] * 7));
        T_t[i] = static_cast<std::int32_t>(std::lround(s.T[i] * 7));
        tx_r[i] = tx_t[i] / 7.0;
        T_r[i] = T_t[i] / 7.0;
    }
    const BgNbdData dt = make_bgnbd_data_ticks(s.x, tx_t, T_t, 1 / 7.0);
    const BgNbdData dr = make_bgnbd_data(s.x, tx_r, T_r);
    CHECK(dt.rows() == dr.rows());
    CHECK(dt.rows() < 30000);
    CHECK(bgnbd_loglik(truth, dt) == Approx(bgnbd_loglik(truth, dr)).epsilon(1e-10));
    // re-binning the day rows to weeks equals compressing week-rounded values directly
    std::vector<std::int32_t> tx_w(tx_t.size()), T_w(T_t.size());
    for (std::size_t i = 0; i < tx_t.size(); ++i) {
        tx_w[i] = (tx_t[i] + 3) / 7;
        T_w[i] = (T_t[i] + 3) / 7;
    }
    const BgNbdData rg = regrid_bgnbd_data(dt, 7);
    const BgNbdData dw = make_bgnbd_data_ticks(s.x, tx_w, T_w, 1.0);
    CHECK(rg.rows() == dw.rows());
    CHECK(rg.customers == 30000);
    CHECK(rg.tick == Approx(1.0));
    CHECK(bgnbd_loglik(truth, rg) == Approx(bgnbd_loglik(truth, dw)).epsilon(1e-12));
}

TEST_CASE("tiering: BG/NBD rows made in ranges equal the rows made at once and the general path's", "[tiering]") {
    const BgNbdParams truth{0.8, 4, 0.5, 4};
    const SimSummary s = simulate_bgnbd(truth, spread(20000, 26, 78), 5);
    const std::size_t n = s.x.size();
    std::vector<std::int32_t> tx(n), T(n);
    std::vector<std::uint8_t> include(n);
    for (std::size_t i = 0; i < n; ++i) {
        tx[i] = static_cast<std::int32_t>(std::lround(s.t_x[i] * 7));
        T[i] = static_cast<std::int32_t>(std::lround(s.T[i] * 7));
        include[i] = i % 11 != 3;
    }
    const BgNbdData once = make_bgnbd_data_ticks(s.x, tx, T, 1 / 7.0, &include);
    // The general path (sorted doubles, times compressed to the distinct values) gives the same
    // rows in the same order: the same x, times and weights.
    std::vector<std::int32_t> xs;
    std::vector<double> txd, Td;
    for (std::size_t i = 0; i < n; ++i)
        if (include[i]) {
            xs.push_back(s.x[i]);
            txd.push_back(tx[i] * (1 / 7.0));
            Td.push_back(T[i] * (1 / 7.0));
        }
    const BgNbdData general = make_bgnbd_data(xs, txd, Td);
    REQUIRE(once.rows() == general.rows());
    REQUIRE(once.rows() > 1000);
    for (std::size_t r = 0; r < once.rows(); ++r) {
        REQUIRE(once.x[r] == general.x[r]);
        REQUIRE(once.times[once.tx_i[r]] == general.times[general.tx_i[r]]);
        REQUIRE(once.times[once.T_i[r]] == general.times[general.T_i[r]]);
        REQUIRE(once.weight[r] == general.weight[r]);
    }
    CHECK(once.customers == general.customers);
    CHECK(once.repeat_buyers == general.repeat_buyers);
    for (std::size_t range : {std::size_t{1}, std::size_t{7}, std::size_t{1000}, n - 1, n, 3 * n}) {
        CAPTURE(range);
        BgNbdTickRows rows(s.x.data(), tx.data(), T.data(), n, 1 / 7.0, include.data(), range);
        int steps = 1;
        while (rows.step()) ++steps;
        CHECK(steps == rows.steps());
        CHECK(steps == static_cast<int>((n + range - 1) / range) + 1);
        const BgNbdData parts = rows.take();
        CHECK(parts.x == once.x);
        CHECK(parts.tx_i == once.tx_i);
        CHECK(parts.T_i == once.T_i);
        CHECK(parts.weight == once.weight);
        CHECK(parts.times == once.times);
        CHECK(parts.tick == once.tick);
        CHECK(parts.customers == once.customers);
        CHECK(parts.repeat_buyers == once.repeat_buyers);
    }
    // Absurd data (a negative tick) take the general path in the first step, and the steps stay.
    std::vector<std::int32_t> bad = tx;
    bad[5] = -1;
    BgNbdTickRows odd(s.x.data(), bad.data(), T.data(), n, 1.0, nullptr, 5000);
    int odd_steps = 1;
    while (odd.step()) ++odd_steps;
    CHECK(odd_steps == 1);  // the rest of its steps have nothing to do
    CHECK(odd.take().customers == static_cast<double>(n));
}

TEST_CASE("tiering: Gamma-Gamma: gradient, recovery and expected value", "[tiering]") {
    const BgNbdParams bg{0.8, 4, 0.5, 4};
    const GgParams truth{6, 4, 15};
    const SimSummary s = simulate_bgnbd(bg, spread(30000, 26, 78), 99, &truth);
    const GgData d = make_gg_data(s.x, s.mean_spend);
    REQUIRE(d.customers() > 5000);
    double g[3];
    const GgParams at{4, 3, 10};
    gg_loglik(at, d, g);
    for (int k = 0; k < 3; ++k) {
        double th[3] = {std::log(at.p), std::log(at.q), std::log(at.v)};
        double hi[3] = {th[0], th[1], th[2]}, lo[3] = {th[0], th[1], th[2]};
        hi[k] += 1e-5;
        lo[k] -= 1e-5;
        const double fd = (gg_loglik({std::exp(hi[0]), std::exp(hi[1]), std::exp(hi[2])}, d) -
                           gg_loglik({std::exp(lo[0]), std::exp(lo[1]), std::exp(lo[2])}, d)) / 2e-5;
        CHECK(g[k] == Approx(fd).epsilon(1e-6).margin(1e-6));
    }
    // the analytic Hessian (log-parameters) equals finite differences of the gradient
    double hess[9];
    gg_loglik(at, d, g, hess);
    for (int k = 0; k < 3; ++k) {
        double th[3] = {std::log(at.p), std::log(at.q), std::log(at.v)};
        double hi[3] = {th[0], th[1], th[2]}, lo[3] = {th[0], th[1], th[2]};
        hi[k] += 1e-5;
        lo[k] -= 1e-5;
        double gh[3], gl[3];
        gg_loglik({std::exp(hi[0]), std::exp(hi[1]), std::exp(hi[2])}, d, gh);
        gg_loglik({std::exp(lo[0]), std::exp(lo[1]), std::exp(lo[2])}, d, gl);
        for (int j = 0; j < 3; ++j) CHECK(hess[j * 3 + k] == Approx((gh[j] - gl[j]) / 2e-5).epsilon(1e-5).margin(1e-4));
    }
    auto fit = fit_gamma_gamma(d);
    REQUIRE(fit.ok());
    CHECK(fit->converged);
    const GgParams& e = fit->params;
    CHECK(e.p == Approx(truth.p).epsilon(0.2));
    CHECK(e.q == Approx(truth.q).epsilon(0.3));
    CHECK(e.v == Approx(truth.v).epsilon(0.35));
    CHECK(fit->loglik >= gg_loglik(truth, d));
    // population mean spend p v / (q − 1) is well identified
    CHECK(gg_expected_value(e, 0, 0) == Approx(truth.p * truth.v / (truth.q - 1)).epsilon(0.05));
    // shrinkage: the expectation lies between the population mean and the customer's own mean
    const double pop = gg_expected_value(e, 0, 0);
    const double ev = gg_expected_value(e, 3, 100);
    CHECK(ev > pop);
    CHECK(ev < 100);
    CHECK(gg_expected_value(e, 30, 100) > ev);  // more purchases, more weight on the own mean
}

TEST_CASE("tiering: too little data: errors the UI can fall back on", "[tiering]") {
    const BgNbdParams truth{0.5, 6, 0.7, 2.5};
    const SimSummary s = simulate_bgnbd(truth, spread(40, 1, 3), 5);
    const BgNbdData d = make_bgnbd_data(s.x, s.t_x, s.T);
    auto fit = fit_bgnbd(d);
    REQUIRE_FALSE(fit.ok());
    CHECK(fit.error().code == "tiering.too_few_repeat_buyers");
    CHECK(fit.error().args.size() == 2);
    FitOptions o;
    o.min_customers = 100;
    CHECK(fit_bgnbd(d, o).error().code == "tiering.too_few_customers");
    CHECK(fit_gamma_gamma(make_gg_data(s.x, s.mean_spend)).error().code == "tiering.too_few_repeat_buyers");

    // run_clv on a tiny shop: status explains, per-customer vectors are NaN, no Result error
    OrderTable t;
    for (int c = 0; c < 15; ++c) t.add(t.customer_ids.intern("c" + std::to_string(c)), 19000 + c, 10);
    t.add(0, 19030, 12);
    auto idx = build_order_index(t);
    auto in = clv_inputs(t, *idx, std::nullopt, TimeUnit::Week);
    REQUIRE(in.ok());
    CHECK(in->customers == 15);
    CHECK(in->repeat_buyers == 1);
    auto r = run_clv(*in, ClvOptions{});
    REQUIRE(r.ok());
    CHECK_FALSE(r->status.ok());
    CHECK(r->status.error().code == "tiering.too_few_customers");
    CHECK_FALSE(r->bg_ok);
    CHECK(std::isnan(r->clv[0]));
    ClvOptions bad;
    bad.margin = 1.5;
    CHECK(run_clv(*in, bad).error().code == "tiering.bad_clv_options");
    CHECK(clv_inputs(t, *idx, 18000, TimeUnit::Week).error().code == "tiering.calibration_before_data");
    CHECK(parse_time_unit("fortnight").error().code == "tiering.bad_unit");
    CHECK(*parse_time_unit("month") == TimeUnit::Month);
}

// The app fills the CLV inputs a range of customers per step (TiersJob); in any order of ranges
// they must be clv_inputs()'s, bit for bit, counts included.
TEST_CASE("tiering: CLV inputs filled in ranges equal the inputs computed in one call", "[tiering]") {
    GenOptions g;
    g.customers = 3000;
    g.seed = 11;
    const OrderTable t = generate_orders(g);
    auto idx = build_order_index(t);
    REQUIRE(idx.ok());
    const std::optional<Day> cal = idx->min_day + 30;  // some customers first buy after it
    auto once = clv_inputs(t, *idx, cal, TimeUnit::Week);
    REQUIRE(once.ok());
    REQUIRE(once->customers < idx->customers());
    REQUIRE(once->repeat_buyers > 0);
    auto parts = clv_inputs_start(*idx, cal, TimeUnit::Week);
    REQUIRE(parts.ok());
    CHECK(parts->customers == 0);
    const std::size_t n = idx->customers();
    clv_inputs_range(*idx, n / 2, n, *parts);  // the later half first
    clv_inputs_range(*idx, 0, 7, *parts);
    clv_inputs_range(*idx, 7, n / 2, *parts);
    CHECK(parts->calibration_end == once->calibration_end);
    CHECK(parts->customers == once->customers);
    CHECK(parts->repeat_buyers == once->repeat_buyers);
    CHECK(parts->included == once->included);
    CHECK(parts->x == once->x);
    CHECK(parts->t_x_days == once->t_x_days);
    CHECK(parts->T_days == once->T_days);
    CHECK(parts->m == once->m);  // the same sums in the same order: equal, not close
    for (std::size_t c = 0; c < n; ++c)  // a customer with no purchase by the end: all zero
        if (!parts->included[c]) CHECK((parts->x[c] == 0 && parts->T_days[c] == 0 && parts->m[c] == 0.0));
    CHECK(clv_inputs_start(*idx, 18000, TimeUnit::Week).error().code == "tiering.calibration_before_data");
}

TEST_CASE("tiering: generator + CLV pipeline: orders, inputs, fits, discounting, grid", "[tiering]") {
    GenOptions g;
    g.customers = 4000;
    g.seed = 42;
    const OrderTable t = generate_orders(g);
    REQUIRE(t.customers() == 4000);
    const double per_customer = static_cast<double>(t.orders()) / t.customers();
    CHECK(per_customer > 2.0);
    CHECK(per_customer < 4.0);
    bool date_order = true;
    for (std::size_t i = 1; i < t.orders(); ++i) date_order = date_order && t.day[i - 1] <= t.day[i];
    CHECK(date_order);
    CHECK(t.day.front() >= g.start);
    CHECK(t.day.back() <= g.start + g.span_days - 1);

    // CSV: header, one line per row, chunked output identical to the one-shot string
    const std::string csv = orders_csv(t);
    CHECK(csv.rfind("customer_id,order_date,amount\n", 0) == 0);
    CHECK(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) == t.orders() + 1);
    std::string chunked;
    int chunks = 0;
    write_orders_csv(t, [&](std::string_view c) { chunked.append(c.data(), c.size()); ++chunks; }, 4096);
    CHECK(chunked == csv);
    CHECK(chunks > 1);
    const std::string first_line = csv.substr(30, csv.find('\n', 30) - 30);
    CHECK(first_line.rfind("C", 0) == 0);
    CHECK(first_line.find(",2024-01-") == 8);

    auto idx = build_order_index(t);
    REQUIRE(idx.ok());
    auto in = clv_inputs(t, *idx, std::nullopt, TimeUnit::Week);
    REQUIRE(in.ok());
    CHECK(in->customers == 4000);
    ClvOptions o;
    o.discount_annual = 0;
    auto r0 = run_clv(*in, o);
    REQUIRE(r0.ok());
    INFO((r0->status.ok() ? std::string("ok") : r0->status.error().code + " " + r0->status.error().args[1]));
    REQUIRE(r0->status.ok());
    CHECK(r0->grid_days == 1);
    // the generator's parameters are in days; in weeks α is 7× smaller
    CHECK(r0->bg.params.r == Approx(g.bg.r).epsilon(0.35));
    CHECK(r0->bg.params.alpha * 7 == Approx(g.bg.alpha).epsilon(0.45));
    for (std::size_t i = 0; i < 50; ++i) {
        // without discounting CLV = margin × E[M] × expected purchases
        CHECK(r0->clv[i] == Approx(o.margin * r0->expected_value[i] * r0->expected_purchases[i]).epsilon(1e-6));
        CHECK(r0->p_alive[i] > 0);
        CHECK(r0->p_alive[i] <= 1);
        CHECK(r0->p_no_purchase[i] >= 0);
        CHECK(r0->p_no_purchase[i] <= 1);
    }
    // the batch scoring (series coefficients per x) agrees with the one-customer functions
    int off = 0;
    for (std::size_t i = 0; i < in->size(); i += 97) {
        const double want = bgnbd_expected_purchases(r0->bg.params, in->x[i], in->t_x(i), in->T(i), o.horizon);
        const double pa = bgnbd_p_alive(r0->bg.params, in->x[i], in->t_x(i), in->T(i));
        const double p0 = bgnbd_p_no_purchase(r0->bg.params, in->x[i], in->t_x(i), in->T(i), o.horizon);
        if (std::fabs(r0->expected_purchases[i] - want) > 1e-5 * (1 + want) || std::fabs(r0->p_alive[i] - pa) > 1e-6 ||
            std::fabs(r0->p_no_purchase[i] - p0) > 1e-6)
            ++off;
    }
    CHECK(off == 0);
    o.discount_annual = 0.2;
    auto r1 = run_clv(*in, o);
    REQUIRE(r1.ok());
    CHECK(r1->period_discount == Approx(std::pow(1.2, 7 / 365.25) - 1));
    CHECK(r1->total_clv < r0->total_clv);
    CHECK(r1->total_clv > 0.9 * r0->total_clv);  // 39 weeks at 20%/year: a few percent
    CHECK(r1->total_expected_purchases == Approx(r0->total_expected_purchases));

    // forcing the weekly grid for the fit: fewer rows, nearly the same parameters
    ClvOptions w;
    w.max_unique_rows = 10;
    auto rw = run_clv(*in, w);
    REQUIRE(rw.ok());
    CHECK(rw->grid_days == 7);
    CHECK(rw->bg.rows < r0->bg.rows);
    CHECK(rw->bg.params.r == Approx(r0->bg.params.r).epsilon(0.05));
    CHECK(rw->bg.params.alpha == Approx(r0->bg.params.alpha).epsilon(0.1));

    // per-tier totals add up
    std::vector<std::uint8_t> group(t.customers());
    for (std::size_t i = 0; i < group.size(); ++i) group[i] = static_cast<std::uint8_t>(i % 3);
    const auto tot = totals_by_group(r1->clv, group, 3);
    CHECK(tot[0] + tot[1] + tot[2] == Approx(r1->total_clv).epsilon(1e-6));
}

TEST_CASE("tiering: BG/NBD with a collapsed dropout prior (a, b in the millions): finite predictions from the limit",
          "[tiering]") {
    // The series form's limit: for growing a with b/a fixed, G approaches the fixed-dropout form.
    double last_gap = 1;
    for (double a : {50.0, 200.0, 500.0}) {
        const BgNbdParams p{0.2275, 0.867, a, a * 4.54};
        const double g = bgnbd_expected_if_alive(p, 4, 15.86, 39), f = bgnbd_expected_if_alive_fixed_dropout(p, 4, 15.86, 39);
        const double gap = std::fabs(f - g) / g;
        CHECK(gap < last_gap);
        CHECK(gap < 2.0 / (p.a + p.b) * 5);
        last_gap = gap;
    }
    CHECK(last_gap < 6e-4);
    // A fit seen on a regular synthetic summary: a = 4.8 million. The series overflows; G, the
    // expected purchases and the scored CLV stay finite.
    const BgNbdParams big{0.2275, 0.867, 4837632.6882, 21959409.2919};
    for (double x : {0.0, 1.0, 4.0, 20.0})
        for (double t : {1.0, 13.0, 39.0}) {
            const double g = bgnbd_expected_if_alive(big, x, 40, t);
            REQUIRE(std::isfinite(g));
            CHECK(g > 0);
            CHECK(g == bgnbd_expected_if_alive_fixed_dropout(big, x, 40, t));
        }
    ClvInputs in;
    in.unit = TimeUnit::Week;
    for (int i = 0; i < 40; ++i) {
        const int x = i % 5, t_x = x ? 7 * x + i % 9 : 0;
        in.included.push_back(1);
        in.x.push_back(x);
        in.t_x_days.push_back(t_x);
        in.T_days.push_back(t_x + 30 + i);
        in.m.push_back(x ? 20.0 + i : 0.0);
        ++in.customers;
        if (x) ++in.repeat_buyers;
    }
    ClvOptions opt;
    ClvResult res;
    res.bg.params = big;
    res.gg.params = {2.6136, 5.0477, 119.6429};
    res.bg_ok = res.gg_ok = true;
    predict_clv(in, opt, res);
    REQUIRE(std::isfinite(res.total_clv));
    REQUIRE(std::isfinite(res.total_expected_purchases));
    CHECK(res.total_expected_purchases > 0);
    for (std::size_t i = 0; i < in.size(); ++i) {
        REQUIRE(std::isfinite(res.expected_purchases[i]));
        // the horizon sums (clv.cpp) and the direct form agree
        CHECK(res.expected_purchases[i] == Approx(bgnbd_expected_purchases(big, in.x[i], in.t_x(i), in.T(i), opt.horizon)).epsilon(1e-5));
    }
}
