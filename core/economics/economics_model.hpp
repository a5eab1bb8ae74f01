// economics_model.hpp — the assumptions of the funnel + pool model, as named scenarios.
//
// Plain data held in the Workspace; the monthly simulation and unit economics are computed from
// it by core/economics/funnel.*.
#pragma once
#include <string>
#include <vector>

#include "core/model/serial.hpp"

namespace yt {

struct TrafficSource {
    std::string id, name;
    double visitors_per_month = 0;
    double cost_per_visitor = 0;   // 0 for free sources (inserts, stores, referrals)
    double add_friend_rate = 0.1;  // visitor -> friend
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(visitors_per_month), CEREAL_NVP(cost_per_visitor),
           CEREAL_NVP(add_friend_rate));
    }
};

struct Assumptions {
    int horizon_months = 24;
    std::vector<TrafficSource> sources;
    double join_group_rate = 0.5;       // friend -> group member
    double first_purchase_rate = 0.15;  // pool member -> first purchase, per month
    double repeat_rate = 0.25;          // buyer -> repeat purchase, per month
    double monthly_churn = 0.05;        // pool churn per month (used when no CLV model)
    double aov = 120;                   // average order value
    double gross_margin = 0.55;
    double public_cac = 80;             // cost to acquire a buyer on the public platform
    double operators = 2, operator_cost = 8000;  // per month
    double accounts = 4, account_cost = 200;     // per month
    double tools_cost = 1000;                    // per month
    double perks_per_order = 5;                  // coupons and perks per order
    double ltv_override = 0;                     // 0 = compute; else from CLV model or entered
    double referrals_per_buyer = 0;              // new friends referred per existing buyer per month
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(horizon_months), CEREAL_NVP(sources), CEREAL_NVP(join_group_rate),
           CEREAL_NVP(first_purchase_rate), CEREAL_NVP(repeat_rate), CEREAL_NVP(monthly_churn), CEREAL_NVP(aov),
           CEREAL_NVP(gross_margin), CEREAL_NVP(public_cac), CEREAL_NVP(operators), CEREAL_NVP(operator_cost),
           CEREAL_NVP(accounts), CEREAL_NVP(account_cost), CEREAL_NVP(tools_cost), CEREAL_NVP(perks_per_order),
           CEREAL_NVP(ltv_override), CEREAL_NVP(referrals_per_buyer));
    }
};

struct Scenario {
    std::string id, name;
    Assumptions a;
    template <class Ar> void serialize(Ar& ar) { ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(a)); }
};

struct ProductProfile {
    double purchases_per_year = 4, repurchase_rate = 0.4, price = 120, audience_breadth = 0.6, margin = 0.55;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(purchases_per_year), CEREAL_NVP(repurchase_rate), CEREAL_NVP(price),
           CEREAL_NVP(audience_breadth), CEREAL_NVP(margin));
    }
};

struct ChannelRow {  // one row of the editable channel comparison matrix (scores 1..5, costs in yuan)
    std::string channel;
    double acquisition_cost = 0, reach = 3, data_control = 3, trust = 3, maintenance_cost = 0, ban_risk = 0.02;
    double pool_share = 0;  // share of the pool on this channel
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(channel), CEREAL_NVP(acquisition_cost), CEREAL_NVP(reach), CEREAL_NVP(data_control),
           CEREAL_NVP(trust), CEREAL_NVP(maintenance_cost), CEREAL_NVP(ban_risk), CEREAL_NVP(pool_share));
    }
};

struct EconomicsPlan {
    std::vector<Scenario> scenarios;
    int active = 0;
    ProductProfile product;
    std::vector<ChannelRow> channels;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(scenarios), CEREAL_NVP(active), CEREAL_NVP(product), CEREAL_NVP(channels));
    }
};

}  // namespace yt
