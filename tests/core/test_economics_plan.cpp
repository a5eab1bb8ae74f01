// test_economics_plan.cpp — plan-level economics: scenario comparison, sensitivity ordering,
// product fit verdicts, channel effects and risk arithmetic, the demo plan, the scenario-file
// reader (missing / mistyped fields named by path) and a cereal JSON round trip.
#include <catch2/catch.hpp>

#include <cereal/archives/json.hpp>
#include <sstream>

#include "core/economics/channels.hpp"
#include "core/economics/demo_economics.hpp"
#include "core/economics/plan_json.hpp"
#include "core/economics/product_fit.hpp"
#include "core/economics/scenarios.hpp"
#include "core/economics/validate.hpp"
#include "core/i18n/i18n.hpp"
#include "core/plan/workspace.hpp"

using namespace yt;

namespace {

ChannelRow channel(const char* id, double share, double ban, double upkeep = 0) {
    ChannelRow c;
    c.channel = id;
    c.pool_share = share;
    c.ban_risk = ban;
    c.maintenance_cost = upkeep;
    return c;
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

Error load_error(const std::string& text) {
    Result<EconomicsPlan> r = economics_from_json(text);
    REQUIRE_FALSE(r.ok());
    return r.error();
}

}  // namespace

TEST_CASE("economics: the demo plan is valid and its scenarios differ", "[economics]") {
    const EconomicsPlan p = demo_economics();
    REQUIRE(validate_plan(p).ok());
    REQUIRE(p.scenarios.size() == 3);
    CHECK(p.scenarios[0].id == "baseline");
    CHECK(p.channels.size() == default_channels().size());
    Result<std::vector<ScenarioRow>> rows = compare_scenarios(p);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK((*rows)[i].id == p.scenarios[i].id);
        CHECK((*rows)[i].name == p.scenarios[i].name);
        // The comparison equals running each scenario on its own.
        Result<FunnelResult> one = simulate_plan(p, i);
        REQUIRE(one.ok());
        CHECK((*rows)[i].summary.roi.value() == Approx(one->summary.roi.value()));
        CHECK((*rows)[i].final_cumulative_cash == Approx(one->months.back().cumulative_cash));
    }
    const FunnelSummary& base = (*rows)[0].summary;
    const FunnelSummary& careful = (*rows)[2].summary;
    REQUIRE(base.payback_month.has_value());
    CHECK(*base.payback_month <= 24);
    CHECK(careful.payback_month.value_or(99) > *base.payback_month);
    CHECK(careful.roi.value() < base.roi.value());
    // More paid traffic grows the pool.
    CHECK((*rows)[1].summary.final_pool > base.final_pool);

    Result<FunnelResult> bad = simulate_plan(p, 7);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "economics.unknown_scenario");
}

TEST_CASE("economics: the channel matrix feeds the scenarios", "[economics]") {
    const std::vector<ChannelRow> d = default_channels();
    const ChannelEffects e = channel_effects(d);
    // In use: personal WeChat 0.4 (upkeep 0, ban 0.03), WeCom 0.3 (100, 0.005), official account
    // 0.2 (500, 0.002), own app 0.1 (1500, 0). Groups and public platforms hold no share.
    CHECK(e.channel_cost == Approx(100 + 500 + 1500));
    CHECK(e.ban_loss == Approx(0.4 * 0.03 + 0.3 * 0.005 + 0.2 * 0.002));

    EconomicsPlan p = demo_economics();
    const Assumptions& a = p.scenarios[0].a;
    Result<FunnelResult> r = simulate_plan(p, 0);
    REQUIRE(r.ok());
    CHECK(r->summary.monthly_churn == Approx(1 - (1 - a.monthly_churn) * (1 - e.ban_loss)));
    CHECK(r->months[0].operating_cost ==
          Approx(a.operators * a.operator_cost + a.accounts * a.account_cost + a.tools_cost + e.channel_cost));
    // Raising a used channel's upkeep lowers cumulative cash by exactly that much per month.
    p.channels[1].maintenance_cost += 1000;
    Result<FunnelResult> r2 = simulate_plan(p, 0);
    REQUIRE(r2.ok());
    CHECK(r2->months.back().cumulative_cash == Approx(r->months.back().cumulative_cash - 1000 * a.horizon_months));

    // The churn override combines with the matrix's ban loss.
    SimOptions o;
    o.monthly_churn = 0.1;
    Result<FunnelResult> r3 = simulate_plan(demo_economics(), 0, o);
    REQUIRE(r3.ok());
    CHECK(r3->summary.monthly_churn == Approx(1 - 0.9 * (1 - e.ban_loss)));
}

TEST_CASE("economics: sensitivity table is sorted by how much payback moves", "[economics]") {
    EconomicsPlan p = demo_economics();
    p.channels.clear();  // keep the arithmetic to the assumptions
    p.scenarios[0].a.tools_cost = 0;  // +-20% of zero changes nothing
    Result<Sensitivity> s = sensitivity(p, 0);
    REQUIRE(s.ok());
    Result<FunnelResult> base = simulate_plan(p, 0);
    REQUIRE(base.ok());
    CHECK(s->base_payback == base->summary.payback_month);
    CHECK(s->base_roi == Approx(base->summary.roi.value()));
    REQUIRE(s->rows.size() >= 13);
    for (std::size_t i = 1; i < s->rows.size(); ++i) {
        const SensitivityRow& x = s->rows[i - 1];
        const SensitivityRow& y = s->rows[i];
        CHECK(x.payback_shift >= y.payback_shift);
        if (x.payback_shift == y.payback_shift) CHECK(x.roi_shift >= y.roi_shift);
    }
    CHECK(s->rows.front().payback_shift > 0);
    CHECK(s->rows.back().param == "tools_cost");
    CHECK(s->rows.back().payback_shift == 0);
    CHECK(s->rows.back().roi_shift == 0);
    for (const SensitivityRow& r : s->rows) {
        INFO(r.param);
        CHECK(has_tr("economics.param." + r.param));
        if (r.param == "aov") {
            // A higher basket pays back no later and earns more.
            CHECK(r.payback_high.value_or(99) <= r.payback_low.value_or(99));
            CHECK(r.roi_high > r.roi_low);
        }
        if (r.param == "cost_per_visitor") CHECK(r.roi_high < r.roi_low);
    }
    // The row for one parameter matches a direct run with that parameter scaled.
    EconomicsPlan q = p;
    q.scenarios[0].a.aov *= 1.2;
    Result<FunnelResult> up = simulate_plan(q, 0);
    REQUIRE(up.ok());
    for (const SensitivityRow& r : s->rows)
        if (r.param == "aov") {
            CHECK(r.payback_high == up->summary.payback_month);
            CHECK(r.roi_high == Approx(up->summary.roi.value()));
        }
    CHECK_FALSE(sensitivity(p, 0, {}, 1.5).ok());
}

TEST_CASE("economics: product fit verdicts", "[economics]") {
    ProductProfile lipstick;
    lipstick.purchases_per_year = 4;
    lipstick.repurchase_rate = 0.5;
    lipstick.price = 150;
    lipstick.audience_breadth = 0.7;
    lipstick.margin = 0.65;
    const ProductFit good = assess_fit(lipstick);
    CHECK(good.verdict == "good");
    CHECK(good.score >= 65);
    CHECK(good.score <= 100);
    auto has = [](const ProductFit& f, const std::string& key) {
        for (const FitReason& r : f.reasons)
            if (r.key == key) return true;
        return false;
    };
    CHECK(has(good, "economics.fit.high_frequency"));
    CHECK(has(good, "economics.fit.strong_repeat"));
    CHECK(has(good, "economics.fit.broad_audience"));
    CHECK(good.reasons.front().positive);

    ProductProfile tv;
    tv.purchases_per_year = 0.12;
    tv.repurchase_rate = 0.05;
    tv.price = 4000;
    tv.audience_breadth = 0.8;
    tv.margin = 0.15;
    const ProductFit durable = assess_fit(tv);
    CHECK((durable.verdict == "brand_only" || durable.verdict == "poor"));
    CHECK(durable.verdict == "brand_only");
    CHECK(durable.score < 40);
    CHECK(has(durable, "economics.fit.low_frequency"));
    CHECK(has(durable, "economics.fit.rare_brand_channel"));

    ProductProfile niche_rare = tv;  // cheap, narrow, rarely bought: not even a brand channel
    niche_rare.price = 200;
    niche_rare.audience_breadth = 0.2;
    CHECK(assess_fit(niche_rare).verdict == "poor");

    ProductProfile middling;  // bought twice a year by a narrow audience
    middling.purchases_per_year = 2;
    middling.repurchase_rate = 0.3;
    middling.price = 200;
    middling.audience_breadth = 0.3;
    middling.margin = 0.4;
    CHECK(assess_fit(middling).verdict == "conditional");

    // More frequent buying never lowers the score.
    double prev = -1;
    for (double n : {0.1, 0.5, 1.0, 2.0, 4.0, 8.0, 12.0}) {
        lipstick.purchases_per_year = n;
        const double s = assess_fit(lipstick).score;
        CHECK(s >= prev);
        prev = s;
    }
    for (const ProductFit& f : {good, durable})
        for (const FitReason& r : f.reasons) CHECK(has_tr(r.key));
    for (const char* v : {"good", "conditional", "poor", "brand_only"}) CHECK(has_tr(std::string("economics.verdict.") + v));
}

TEST_CASE("economics: channel risk arithmetic", "[economics]") {
    const std::vector<ChannelRow> ch = {channel("wechat_personal", 0.6, 0.03), channel("wecom", 0.3, 0.01),
                                        channel("own_app", 0.1, 0.0)};
    RiskInput in;
    in.buyers = 1000;
    in.ltv = 200;  // pool value 200,000
    in.account_friends = {3000, 1000, 1000};
    const ChannelRisk r = channel_risk(ch, in);
    CHECK(r.pool_value == Approx(200000));
    CHECK(r.top_platform == "wechat");
    CHECK(r.top_platform_share == Approx(0.9));
    REQUIRE(r.platforms.size() == 2);
    CHECK(r.platforms[1].platform == "own");
    CHECK(r.loss_if_top_platform_changes == Approx(180000));
    CHECK(r.top_account_share == Approx(0.6));
    CHECK(r.loss_if_top_account_banned == Approx(120000));
    CHECK(r.expected_monthly_loss_spread == Approx(200000 * (0.6 * 0.03 + 0.3 * 0.01)));
    CHECK(r.expected_monthly_loss_concentrated == Approx(200000 * 0.03));
    CHECK(r.worst_event_loss_concentrated == Approx(200000));
    CHECK(r.worst_event_loss_spread == Approx(120000));
    CHECK(r.spreading_benefit == Approx(80000));
    REQUIRE(r.channels.size() == 3);
    CHECK(r.channels[0].expected_monthly_loss == Approx(200000 * 0.6 * 0.03));
    auto has = [&](const ChannelRisk& x, const std::string& key) {
        for (const Finding& f : x.findings)
            if (f.message == key) return true;
        return false;
    };
    CHECK(has(r, "economics.risk.platform_concentrated"));
    CHECK(has(r, "economics.risk.account_concentrated"));
    CHECK_FALSE(has(r, "economics.risk.high_ban_risk"));
    for (const Finding& f : r.findings) {
        CHECK(has_tr(f.message));
        CHECK(has_tr(f.fix));
    }
    for (const Finding& f : r.findings)
        if (f.message == "economics.risk.platform_concentrated") {
            CHECK(f.args[0] == FindingArg::name("economics.platform.wechat"));  // a name, rendered at the edge
            CHECK(finding_args(f, Lang::En)[0] == "WeChat ecosystem");
            CHECK(finding_message(f, Lang::En).find("90%") != std::string::npos);
        }

    // Without friend counts: `accounts` equal accounts; platform rule change at half impact.
    RiskInput even = in;
    even.account_friends.clear();
    even.accounts = 8;
    even.rule_change_impact = 0.5;
    const ChannelRisk e = channel_risk(ch, even);
    CHECK(e.top_account_share == Approx(1.0 / 8));
    CHECK(e.loss_if_top_account_banned == Approx(25000));
    CHECK(e.loss_if_top_platform_changes == Approx(90000));
    CHECK_FALSE(has(e, "economics.risk.account_concentrated"));

    // Shares that do not add up to 1 are normalised; no shares at all is reported.
    const ChannelRisk half = channel_risk({channel("wecom", 0.25, 0.08), channel("own_app", 0.25, 0.0)}, in);
    CHECK(half.channels[0].share == Approx(0.5));
    CHECK(half.expected_monthly_loss_spread == Approx(200000 * 0.5 * 0.08));
    CHECK(has(half, "economics.risk.high_ban_risk"));
    const ChannelRisk none = channel_risk({channel("wecom", 0, 0.01)}, in);
    CHECK(has(none, "economics.risk.no_shares"));
    CHECK(none.expected_monthly_loss_spread == 0);

    // Everything on one personal account: spreading would help by the whole pool less one account.
    const ChannelRisk one = channel_risk({channel("wechat_personal", 1.0, 0.03)}, RiskInput{1000, 200, {5000}});
    CHECK(one.top_account_share == Approx(1.0));
    CHECK(one.spreading_benefit == Approx(0));
    CHECK(one.expected_monthly_loss_concentrated == Approx(one.expected_monthly_loss_spread));
}

TEST_CASE("economics: plan validation names the path", "[economics]") {
    EconomicsPlan p = demo_economics();
    p.scenarios[1].a.aov = -1;
    Status st = validate_plan(p);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == "economics.bad_field");
    CHECK(st.error().where.field == "scenarios[1].a.aov");
    CHECK(st.error().args[0] == "scenarios[1].a.aov");

    p = demo_economics();
    p.scenarios[2].a.sources[0].add_friend_rate = 3;
    CHECK(validate_plan(p).error().where.field == "scenarios[2].a.sources[0].add_friend_rate");
    p = demo_economics();
    p.active = 3;
    CHECK(validate_plan(p).error().where.field == "active");
    p = demo_economics();
    p.channels[2].ban_risk = 1.5;
    CHECK(validate_plan(p).error().where.field == "channels[2].ban_risk");
    p = demo_economics();
    p.product.margin = 2;
    CHECK(validate_plan(p).error().where.field == "product.margin");
    p = demo_economics();
    p.channels[4].pool_share = 0.9;
    CHECK(validate_plan(p).error().code == "economics.shares_over_one");
    p.scenarios.clear();
    CHECK(validate_plan(p).error().code == "economics.no_scenarios");
    CHECK(has_tr("economics.bad_field"));
    CHECK(describe(validate_plan(p).error(), Lang::En).find("scenario") != std::string::npos);
}

TEST_CASE("economics: cereal JSON round trip and the scenario-file reader", "[economics]") {
    const EconomicsPlan p = demo_economics();
    const std::string text = economics_to_json(p);

    SECTION("cereal reads back what it wrote") {
        EconomicsPlan q;
        {
            std::istringstream is(text);
            cereal::JSONInputArchive ar(is);
            ar(cereal::make_nvp("economics", q));
        }
        REQUIRE(q.scenarios.size() == p.scenarios.size());
        CHECK(q.scenarios[1].name == p.scenarios[1].name);  // UTF-8 survives
        CHECK(q.scenarios[1].a.sources[0].visitors_per_month == p.scenarios[1].a.sources[0].visitors_per_month);
        CHECK(q.scenarios[2].a.monthly_churn == p.scenarios[2].a.monthly_churn);
        CHECK(q.product.repurchase_rate == p.product.repurchase_rate);
        CHECK(q.channels.size() == p.channels.size());
        CHECK(economics_to_json(q) == text);
    }
    SECTION("economics_from_json accepts the scenario file") {
        Result<EconomicsPlan> r = economics_from_json(text);
        REQUIRE(r.ok());
        CHECK(economics_to_json(*r) == text);
    }
    SECTION("a whole workspace and a bare plan are accepted") {
        Workspace ws;
        ws.name = "demo";
        ws.economics = p;
        std::ostringstream os;
        {
            cereal::JSONOutputArchive ar(os);
            ar(cereal::make_nvp("payload", ws));
        }
        const std::string envelope =
            "{\"format\":\"yutang.workspace\",\"schema\":1,\"payload\":" +
            os.str().substr(os.str().find(':') + 1, os.str().rfind('}') - os.str().find(':') - 1) + "}";
        Result<EconomicsPlan> r = economics_from_json(envelope);
        REQUIRE(r.ok());
        CHECK(economics_to_json(*r) == text);

        const std::string bare = text.substr(text.find(':') + 1, text.rfind('}') - text.find(':') - 1);
        Result<EconomicsPlan> b = economics_from_json(bare);
        REQUIRE(b.ok());
        CHECK(economics_to_json(*b) == text);
    }
    SECTION("a missing field is named by its path") {
        const std::string cut = replace_once(text, "\"aov\": 129.0,", "");
        const Error e = load_error(cut);
        CHECK(e.code == "economics.missing_field");
        CHECK(e.where.field == "scenarios[0].a.aov");
        REQUIRE(e.args.size() == 1);
        CHECK(e.args[0] == "scenarios[0].a.aov");
        CHECK(describe(e, Lang::En).find("scenarios[0].a.aov") != std::string::npos);

        const Error nested = load_error(replace_once(text, "\"add_friend_rate\": 0.05", "\"add_friend\": 0.05"));
        CHECK(nested.where.field == "scenarios[0].a.sources[0].add_friend_rate");
        const Error product = load_error(replace_once(text, "\"margin\": 0.65", "\"marg\": 0.65"));
        CHECK(product.where.field == "product.margin");
    }
    SECTION("mistyped and out-of-range fields") {
        Error e = load_error(replace_once(text, "\"horizon_months\": 24", "\"horizon_months\": 2.5"));
        CHECK(e.code == "economics.expected_integer");
        CHECK(e.where.field == "scenarios[0].a.horizon_months");
        e = load_error(replace_once(text, "\"aov\": 129.0", "\"aov\": \"129\""));
        CHECK(e.code == "economics.expected_number");
        CHECK(e.where.field == "scenarios[0].a.aov");
        e = load_error(replace_once(text, "\"sources\": [", "\"sources\": {\"x\": ["));
        CHECK(e.code == "economics.not_json");
        e = load_error(replace_once(text, "\"monthly_churn\": 0.04", "\"monthly_churn\": 1.4"));
        CHECK(e.code == "economics.bad_field");
        CHECK(e.where.field == "scenarios[0].a.monthly_churn");
        e = load_error(replace_once(text, "\"monthly_churn\": 0.04", "\"monthly_churn\": NaN"));
        CHECK(e.code == "economics.bad_field");
        e = load_error(replace_once(text, "\"channels\": [", "\"channels\": [3, "));
        CHECK(e.code == "economics.expected_object");
        CHECK(e.where.field == "channels[0]");
    }
    SECTION("not JSON, or JSON without an economics part") {
        Error e = load_error("{\n  \"economics\": {,\n}");
        CHECK(e.code == "economics.not_json");
        CHECK(e.where.line == 2);
        CHECK(load_error("").code == "economics.not_json");
        CHECK(load_error("[1, 2]").code == "economics.no_economics");
        CHECK(load_error("{\"name\": \"x\"}").code == "economics.no_economics");
        for (const char* code : {"economics.not_json", "economics.no_economics", "economics.missing_field",
                                 "economics.expected_integer", "economics.unreadable"})
            CHECK(has_tr(code));
    }
}
