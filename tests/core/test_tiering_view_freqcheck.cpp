// test_tiering_view_freqcheck.cpp — the predicted-vs-actual repeat purchase check the Tiers view
// shows: FHL eq. 8 is a distribution whose mean is eq. 9, and on data simulated from known
// parameters the predicted bins match the observed ones.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/tiering/frequency_check.hpp"
#include "core/tiering/simulate.hpp"

using namespace yt;

TEST_CASE("tiering view: P(X(t) = x) sums to one and its mean is E[X(t)]", "[tiering][freqcheck]") {
    const BgNbdParams ps[] = {{0.243, 4.41, 0.793, 2.426}, {1.5, 10.0, 2.5, 6.0}, {0.6, 2.0, 0.4, 1.2}};
    for (const auto& p : ps) {
        for (double t : {0.5, 13.0, 39.0, 78.0}) {
            double sum = 0, mean = 0, lowest = 1;
            for (int x = 0; x < 2000; ++x) {
                const double px = bgnbd_prob_purchases(p, t, x);
                lowest = std::min(lowest, px);
                sum += px;
                mean += x * px;
            }
            CHECK(lowest >= 0);
            INFO("r=" << p.r << " t=" << t);
            CHECK(sum == Approx(1.0).epsilon(1e-6));
            if (p.a > 1) CHECK(mean == Approx(bgnbd_expected_new(p, t)).epsilon(1e-4));
        }
        CHECK(bgnbd_prob_purchases(p, 0.0, 0) == 1.0);
        CHECK(bgnbd_prob_purchases(p, 0.0, 2) == 0.0);
        CHECK(bgnbd_prob_purchases(p, 5.0, -1) == 0.0);
    }
}

TEST_CASE("tiering view: predicted repeat purchase bins match data simulated from the model", "[tiering][freqcheck]") {
    const BgNbdParams p{0.243, 4.41, 0.793, 2.426};
    const std::size_t n = 40000;
    std::vector<double> T(n);
    // Observation lengths in whole days, as the importer produces them (27 to 39 weeks).
    for (std::size_t i = 0; i < n; ++i) T[i] = static_cast<double>(189 + static_cast<int>(i % 84)) / 7.0;
    const SimSummary s = simulate_bgnbd(p, T, 7);
    ClvInputs in;
    in.unit = TimeUnit::Week;
    in.included.assign(n, 1);
    in.included[0] = 0;  // an excluded customer is not counted
    in.x = s.x;
    in.t_x_days.assign(n, 0);
    in.T_days.resize(n);
    for (std::size_t i = 0; i < n; ++i) in.T_days[i] = 189 + static_cast<int>(i % 84);
    in.m.assign(n, 0);
    const FrequencyCheck c = bgnbd_frequency_check(p, in, 7);
    REQUIRE(c.actual.size() == 8);
    REQUIRE(c.expected.size() == 8);
    CHECK(c.customers == Approx(n - 1));
    double sa = 0, se = 0;
    for (int k = 0; k < 8; ++k) {
        sa += c.actual[static_cast<std::size_t>(k)];
        se += c.expected[static_cast<std::size_t>(k)];
        const double e = c.expected[static_cast<std::size_t>(k)], a = c.actual[static_cast<std::size_t>(k)];
        INFO("bin " << k << " expected " << e << " actual " << a);
        CHECK(std::fabs(e - a) <= 5 * std::sqrt(e) + 5);
    }
    CHECK(sa == Approx(n - 1));
    CHECK(se == Approx(n - 1).epsilon(1e-9));
    // Most customers never buy again with these parameters; the model says so too.
    CHECK(c.expected[0] > c.expected[1]);
    CHECK(c.actual[0] > 0.5 * (n - 1));
}
