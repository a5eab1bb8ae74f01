// test_economics.cpp — the funnel + pool simulation: hand-computed months, monotonicity over
// grids, edge cases (no traffic, total churn, never paying back) and validation errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>

#include "core/economics/funnel.hpp"
#include "core/economics/validate.hpp"

using namespace yt;

namespace {

TrafficSource src(double visitors, double cost, double add) {
    TrafficSource s;
    s.id = "s";
    s.visitors_per_month = visitors;
    s.cost_per_visitor = cost;
    s.add_friend_rate = add;
    return s;
}

// The hand-computed case below: one source, one operator, nothing else.
Assumptions hand_case() {
    Assumptions a;
    a.horizon_months = 3;
    a.sources = {src(1000, 1, 0.1)};
    a.join_group_rate = 0.5;
    a.first_purchase_rate = 0.2;
    a.repeat_rate = 0.5;
    a.monthly_churn = 0.1;
    a.aov = 100;
    a.gross_margin = 0.5;
    a.public_cac = 80;
    a.operators = 1;
    a.operator_cost = 1000;
    a.accounts = 0;
    a.account_cost = 0;
    a.tools_cost = 0;
    a.perks_per_order = 2;
    a.ltv_override = 0;
    return a;
}

// A mid-sized plan used for the monotonicity grids (aov x margin well above perks per order).
Assumptions grid_base() {
    Assumptions a;
    a.horizon_months = 24;
    a.sources = {src(10000, 1.0, 0.06), src(2000, 0.3, 0.2)};
    a.join_group_rate = 0.6;
    a.first_purchase_rate = 0.1;
    a.repeat_rate = 0.2;
    a.monthly_churn = 0.05;
    a.aov = 120;
    a.gross_margin = 0.55;
    a.operators = 2;
    a.operator_cost = 8000;
    a.accounts = 4;
    a.account_cost = 200;
    a.tools_cost = 1000;
    a.perks_per_order = 5;
    return a;
}

FunnelResult run(const Assumptions& a, const SimOptions& o = {}) {
    Result<FunnelResult> r = simulate(a, o);
    REQUIRE(r.ok());
    return r.value();
}

// Payback as a number: "never" ranks after every month of the horizon.
int rank(const FunnelResult& r, const Assumptions& a) { return r.summary.payback_month.value_or(a.horizon_months + 1); }

void check_error(const Assumptions& a, const std::string& field) {
    Status st = validate(a);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == "economics.bad_field");
    CHECK(st.error().where.field == field);
    REQUIRE(st.error().args.size() == 4);
    CHECK(st.error().args[0] == field);
    Result<FunnelResult> r = simulate(a);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().where.field == field);
}

}  // namespace

TEST_CASE("economics: three months computed by hand", "[economics]") {
    // 1000 visitors x 0.1 = 100 new friends a month; half join a group; 20% of waiting group
    // members buy each month; 50% of earlier buyers reorder; 10% of everyone churns monthly.
    // Fixed cost 1000 (one operator), acquisition 1000 x 1 yuan = 1000, perks 2 per order.
    //
    // Month 1: outside 50, waiting 50 -> 10 buy, waiting 40; buyers 10; orders 10.
    //   revenue 1000, gross profit 500, cost 1000 + 1000 + 20 = 2020, cash -1520, cumulative -1520.
    //   pool 100, group members 40 + 10 = 50.
    // Month 2: churn: outside 45, waiting 36, buyers kept 9; +100 friends: outside 95, waiting 86;
    //   17.2 buy, waiting 68.8; buyers 26.2; orders 17.2 + 9 x 0.5 = 21.7.
    //   revenue 2170, gross profit 1085, cost 2000 + 43.4 = 2043.4, cash -958.4, cumulative -2478.4.
    //   pool 95 + 68.8 + 26.2 = 190 (= 100 x 0.9 + 100).
    // Month 3: outside 85.5 + 50 = 135.5, waiting 61.92 + 50 = 111.92 -> 22.384 buy, 89.536 wait;
    //   kept 23.58, buyers 45.964; orders 22.384 + 11.79 = 34.174; revenue 3417.4,
    //   gross profit 1708.7, cost 2000 + 68.348 = 2068.348, cash -359.648,
    //   cumulative -2838.048; pool 271.
    // Totals: gross profit 3293.7, cost 6131.748, new buyers 49.584, never pays back.
    // LTV: expected purchases 1 + 0.9 x 0.5 + 0.81 x 0.5 = 1.855, x 100 x 0.5 = 92.75.
    const FunnelResult r = run(hand_case());
    REQUIRE(r.months.size() == 3);
    const MonthRow& m1 = r.months[0];
    CHECK(m1.month == 1);
    CHECK(m1.visitors == Approx(1000));
    CHECK(m1.new_friends == Approx(100));
    CHECK(m1.pool == Approx(100));
    CHECK(m1.group_members == Approx(50));
    CHECK(m1.new_buyers == Approx(10));
    CHECK(m1.buyers == Approx(10));
    CHECK(m1.orders == Approx(10));
    CHECK(m1.revenue == Approx(1000));
    CHECK(m1.gross_profit == Approx(500));
    CHECK(m1.acquisition_cost == Approx(1000));
    CHECK(m1.operating_cost == Approx(1000));
    CHECK(m1.perks_cost == Approx(20));
    CHECK(m1.cost == Approx(2020));
    CHECK(m1.cash == Approx(-1520));
    CHECK(m1.cumulative_cash == Approx(-1520));

    const MonthRow& m2 = r.months[1];
    CHECK(m2.new_buyers == Approx(17.2));
    CHECK(m2.buyers == Approx(26.2));
    CHECK(m2.orders == Approx(21.7));
    CHECK(m2.pool == Approx(190));
    CHECK(m2.group_members == Approx(95));
    CHECK(m2.cost == Approx(2043.4));
    CHECK(m2.cash == Approx(-958.4));
    CHECK(m2.cumulative_cash == Approx(-2478.4));

    const MonthRow& m3 = r.months[2];
    CHECK(m3.new_buyers == Approx(22.384));
    CHECK(m3.buyers == Approx(45.964));
    CHECK(m3.orders == Approx(34.174));
    CHECK(m3.pool == Approx(271));
    CHECK(m3.gross_profit == Approx(1708.7));
    CHECK(m3.cumulative_cash == Approx(-2838.048));

    const FunnelSummary& s = r.summary;
    CHECK(s.total_gross_profit == Approx(3293.7));
    CHECK(s.total_cost == Approx(6131.748));
    CHECK(s.total_new_buyers == Approx(49.584));
    CHECK_FALSE(s.payback_month.has_value());
    CHECK(s.expected_purchases == Approx(1.855));
    CHECK(s.ltv == Approx(92.75));
    CHECK(s.cac_public == Approx(80));
    REQUIRE(s.cac_private.has_value());
    CHECK(*s.cac_private == Approx(6131.748 / 49.584));
    REQUIRE(s.ltv_cac.has_value());
    CHECK(*s.ltv_cac == Approx(92.75 / (6131.748 / 49.584)));
    REQUIRE(s.roi.has_value());
    CHECK(*s.roi == Approx((3293.7 - 6131.748) / 6131.748));
}

TEST_CASE("economics: a two-month case that pays back in month 2", "[economics]") {
    // Free traffic: 1000 x 0.1 = 100 friends, all join, half buy at once; fixed cost 3000.
    // Month 1: 50 buy, 50 wait; orders 50; gross profit 50 x 100 x 0.5 = 2500; cash -500.
    // Month 2: waiting 150 -> 75 buy; orders 75 + 50 x 0.5 = 100; gross profit 5000; cash +2000;
    //   cumulative +1500 -> payback month 2. ROI (7500 - 6000) / 6000 = 0.25; CAC 6000 / 125 = 48;
    //   LTV (1 + 0.5) x 100 x 0.5 = 75; LTV:CAC 75 / 48.
    Assumptions a = hand_case();
    a.horizon_months = 2;
    a.sources = {src(1000, 0, 0.1)};
    a.join_group_rate = 1;
    a.first_purchase_rate = 0.5;
    a.monthly_churn = 0;
    a.operator_cost = 3000;
    a.perks_per_order = 0;
    const FunnelResult r = run(a);
    CHECK(r.months[0].cumulative_cash == Approx(-500));
    CHECK(r.months[1].orders == Approx(100));
    CHECK(r.months[1].cumulative_cash == Approx(1500));
    REQUIRE(r.summary.payback_month.has_value());
    CHECK(*r.summary.payback_month == 2);
    CHECK(*r.summary.roi == Approx(0.25));
    CHECK(*r.summary.cac_private == Approx(48));
    CHECK(r.summary.ltv == Approx(75));
    CHECK(*r.summary.ltv_cac == Approx(75.0 / 48.0));

    a.ltv_override = 500;  // from the CLV model
    CHECK(run(a).summary.ltv == Approx(500));
}

TEST_CASE("economics: referrals and overrides", "[economics]") {
    // 100 friends a month, all join, half buy; each buyer alive brings 0.1 new friends a month.
    // Month 1: 50 buyers. Month 2: 5 referred -> 105 new friends, waiting 50 + 105 = 155,
    //   77.5 buy -> buyers 127.5; visitors 100 + 5; pool 77.5 + 127.5 = 205.
    Assumptions a = hand_case();
    a.horizon_months = 2;
    a.sources = {src(100, 0, 1)};
    a.join_group_rate = 1;
    a.first_purchase_rate = 0.5;
    a.repeat_rate = 0;
    a.monthly_churn = 0;
    SimOptions o;
    o.referrals_per_buyer = 0.1;
    const FunnelResult r = run(a, o);
    CHECK(r.months[1].visitors == Approx(105));
    CHECK(r.months[1].new_friends == Approx(105));
    CHECK(r.months[1].buyers == Approx(127.5));
    CHECK(r.months[1].pool == Approx(205));
    CHECK(referral_rate(a, o) == Approx(0.1));

    // Churn override (e.g. from the CLV model's P(alive)) replaces Assumptions::monthly_churn.
    SimOptions churn;
    churn.monthly_churn = 0.5;
    const FunnelResult c = run(a, churn);
    CHECK(c.summary.monthly_churn == Approx(0.5));
    CHECK(c.months[1].pool == Approx(100 * 0.5 + 100));
    // Ban loss from the channel matrix compounds with churn: 1 - (1 - 0.5)(1 - 0.2) = 0.6.
    churn.ban_loss = 0.2;
    CHECK(run(a, churn).summary.monthly_churn == Approx(0.6));
    // Channel maintenance adds to operating cost.
    SimOptions upkeep;
    upkeep.channel_cost = 700;
    CHECK(run(a, upkeep).months[0].operating_cost == Approx(1000 + 700));

    CHECK(churn_from_survival(0.5, 1) == Approx(0.5));
    CHECK(churn_from_survival(0.81, 2) == Approx(0.1));
    CHECK(churn_from_survival(1.0, 12) == Approx(0.0));
    CHECK(churn_from_survival(0.5, 0) == 0.0);
}

TEST_CASE("economics: better conversion never worsens payback", "[economics]") {
    using Setter = std::function<void(Assumptions&, double)>;
    const std::vector<std::pair<const char*, Setter>> knobs = {
        {"first_purchase_rate", [](Assumptions& a, double v) { a.first_purchase_rate = v; }},
        {"join_group_rate", [](Assumptions& a, double v) { a.join_group_rate = v; }},
        {"add_friend_rate", [](Assumptions& a, double v) { for (auto& s : a.sources) s.add_friend_rate = v; }},
        {"repeat_rate", [](Assumptions& a, double v) { a.repeat_rate = v; }},
    };
    const std::vector<double> rates = {0.0, 0.01, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0};
    // Several starting points so the grid also crosses "never pays back".
    for (double fixed : {2000.0, 16000.0, 60000.0}) {
        for (const auto& [name, set] : knobs) {
            INFO(name << " with operator cost " << fixed);
            Assumptions a = grid_base();
            a.operator_cost = fixed;
            int prev_rank = 1 << 20;
            double prev_cash = -1e300;
            for (double v : rates) {
                set(a, v);
                const FunnelResult r = run(a);
                INFO("rate " << v);
                CHECK(rank(r, a) <= prev_rank);
                CHECK(r.months.back().cumulative_cash >= prev_cash - 1e-6);
                prev_rank = rank(r, a);
                prev_cash = r.months.back().cumulative_cash;
            }
        }
    }
    // The churn knob runs the other way: less churn never hurts.
    Assumptions a = grid_base();
    int prev_rank = 1 << 20;
    for (double churn : {1.0, 0.8, 0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.0}) {
        a.monthly_churn = churn;
        const FunnelResult r = run(a);
        CHECK(rank(r, a) <= prev_rank);
        prev_rank = rank(r, a);
    }
}

TEST_CASE("economics: higher acquisition cost never improves payback", "[economics]") {
    using Setter = std::function<void(Assumptions&, double)>;
    const std::vector<std::pair<const char*, Setter>> knobs = {
        {"cost_per_visitor", [](Assumptions& a, double v) { for (auto& s : a.sources) s.cost_per_visitor = v; }},
        {"operator_cost", [](Assumptions& a, double v) { a.operator_cost = v * 5000; }},
        {"perks_per_order", [](Assumptions& a, double v) { a.perks_per_order = v * 5; }},
    };
    const std::vector<double> costs = {0.0, 0.2, 0.5, 0.8, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 12.0};
    for (const auto& [name, set] : knobs) {
        INFO(name);
        Assumptions a = grid_base();
        int prev_rank = 0;
        double prev_roi = 1e300;
        bool saw_never = false;
        for (double v : costs) {
            set(a, v);
            const FunnelResult r = run(a);
            INFO("cost " << v);
            CHECK(rank(r, a) >= prev_rank);
            REQUIRE(r.summary.roi.has_value());
            CHECK(*r.summary.roi <= prev_roi + 1e-12);
            prev_rank = rank(r, a);
            prev_roi = *r.summary.roi;
            saw_never = saw_never || !r.summary.payback_month;
        }
        CHECK(saw_never);  // the grid reaches plans that never pay back
    }
}

TEST_CASE("economics: edge cases", "[economics]") {
    SECTION("zero traffic: an empty pool never pays back its running cost") {
        Assumptions a = grid_base();
        a.sources.clear();
        const FunnelResult r = run(a);
        REQUIRE(r.months.size() == 24);
        for (const MonthRow& m : r.months) {
            CHECK(m.pool == 0);
            CHECK(m.orders == 0);
            CHECK(m.cost == Approx(2 * 8000 + 4 * 200 + 1000));
        }
        CHECK_FALSE(r.summary.payback_month.has_value());
        CHECK_FALSE(r.summary.cac_private.has_value());
        CHECK_FALSE(r.summary.ltv_cac.has_value());
        REQUIRE(r.summary.roi.has_value());
        CHECK(*r.summary.roi == Approx(-1.0));
    }
    SECTION("zero traffic and zero cost: no ROI rather than a division by zero") {
        Assumptions a = grid_base();
        a.sources.clear();
        a.operators = a.accounts = a.tools_cost = 0;
        const FunnelResult r = run(a);
        CHECK(r.summary.total_cost == 0);
        CHECK_FALSE(r.summary.roi.has_value());
        CHECK_FALSE(r.summary.cac_private.has_value());
    }
    SECTION("100% churn: the pool is only this month's newcomers") {
        Assumptions a = grid_base();
        a.monthly_churn = 1.0;
        const FunnelResult r = run(a);
        const double friends = 10000 * 0.06 + 2000 * 0.2;
        for (const MonthRow& m : r.months) {
            CHECK(m.pool == Approx(friends));
            CHECK(m.buyers == Approx(friends * 0.6 * 0.1));
            CHECK(m.orders == Approx(m.new_buyers));  // no one stays to reorder
        }
        CHECK(r.summary.expected_purchases == Approx(1.0));
        CHECK(r.summary.ltv == Approx(120 * 0.55));
    }
    SECTION("never pays back: payback is none, cumulative cash keeps falling") {
        Assumptions a = grid_base();
        a.first_purchase_rate = 0.0;
        const FunnelResult r = run(a);
        CHECK_FALSE(r.summary.payback_month.has_value());
        for (std::size_t i = 1; i < r.months.size(); ++i)
            CHECK(r.months[i].cumulative_cash < r.months[i - 1].cumulative_cash);
        CHECK_FALSE(r.summary.cac_private.has_value());
    }
    SECTION("a one-month horizon") {
        Assumptions a = grid_base();
        a.horizon_months = 1;
        const FunnelResult r = run(a);
        CHECK(r.months.size() == 1);
        CHECK(r.summary.expected_purchases == Approx(1.0));
    }
}

TEST_CASE("economics: validation names the bad field", "[economics]") {
    CHECK(validate(grid_base()).ok());
    Assumptions a = grid_base();
    a.horizon_months = 0;
    check_error(a, "horizon_months");
    a = grid_base();
    a.horizon_months = kMaxHorizonMonths + 1;
    check_error(a, "horizon_months");
    a = grid_base();
    a.horizon_months = kMaxHorizonMonths;
    CHECK(validate(a).ok());
    a = grid_base();
    a.join_group_rate = 1.2;
    check_error(a, "join_group_rate");
    a = grid_base();
    a.monthly_churn = -0.01;
    check_error(a, "monthly_churn");
    a = grid_base();
    a.gross_margin = std::nan("");
    check_error(a, "gross_margin");
    a = grid_base();
    a.aov = -5;
    check_error(a, "aov");
    a = grid_base();
    a.sources[1].add_friend_rate = 1.5;
    check_error(a, "sources[1].add_friend_rate");
    a = grid_base();
    a.sources[0].cost_per_visitor = -1;
    check_error(a, "sources[0].cost_per_visitor");
    a = grid_base();
    a.perks_per_order = std::numeric_limits<double>::infinity();
    check_error(a, "perks_per_order");

    Status st = validate(hand_case());
    CHECK(st.ok());
    a = grid_base();
    a.repeat_rate = 2;
    Status bad = validate(a);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().args[1] == "2");
    CHECK(bad.error().args[2] == "0");
    CHECK(bad.error().args[3] == "1");

    // Options are checked too.
    SimOptions o;
    o.monthly_churn = 1.5;
    Result<FunnelResult> r = simulate(grid_base(), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().where.field == "monthly_churn");
    o = {};
    o.referrals_per_buyer = -1;
    r = simulate(grid_base(), o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().where.field == "referrals_per_buyer");
}
