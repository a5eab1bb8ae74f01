// demo_economics.cpp — the demo cosmetics brand's scenarios, product profile and channel matrix.
#include "core/economics/demo_economics.hpp"

#include "core/economics/channels.hpp"
#include "core/economics/funnel.hpp"

namespace yt {

namespace {

TrafficSource source(const char* id, const char* name, double visitors, double cost, double add) {
    TrafficSource s;
    s.id = id;
    s.name = name;
    s.visitors_per_month = visitors;
    s.cost_per_visitor = cost;
    s.add_friend_rate = add;
    return s;
}

Assumptions baseline() {
    Assumptions a;
    a.horizon_months = 24;
    a.sources = {
        source("paid_public", "公域投放（抖音/小红书）", 20000, 1.0, 0.05),
        source("package_insert", "包裹卡", 4000, 0.5, 0.2),
        source("offline_store", "门店扫码", 1500, 0, 0.3),
    };
    a.join_group_rate = 0.6;
    a.first_purchase_rate = 0.12;
    a.repeat_rate = 0.2;
    a.monthly_churn = 0.04;
    a.aov = 129;
    a.gross_margin = 0.65;
    a.public_cac = 90;
    a.operators = 3;
    a.operator_cost = 8000;
    a.accounts = 6;
    a.account_cost = 200;
    a.tools_cost = 1500;
    a.perks_per_order = 6;
    a.ltv_override = 0;
    if (double* r = referrals_field(a)) *r = 0.02;
    return a;
}

}  // namespace

EconomicsPlan demo_economics() {
    EconomicsPlan p;
    Assumptions base = baseline();

    Assumptions more = base;  // twice the paid traffic at a higher price per visitor, one more operator
    more.sources[0].visitors_per_month = 40000;
    more.sources[0].cost_per_visitor = 1.3;
    more.operators = 4;
    more.accounts = 10;

    Assumptions careful = base;  // weaker conversion, faster churn, smaller baskets
    careful.sources[0].visitors_per_month = 12000;
    careful.join_group_rate = 0.5;
    careful.first_purchase_rate = 0.08;
    careful.repeat_rate = 0.15;
    careful.monthly_churn = 0.06;
    careful.aov = 110;
    careful.operators = 2;
    careful.accounts = 4;

    p.scenarios = {{"baseline", "基准", base},
                   {"more_paid", "加大投放", more},
                   {"conservative", "保守", careful}};
    p.active = 0;
    p.product.purchases_per_year = 4;
    p.product.repurchase_rate = 0.45;
    p.product.price = 129;
    p.product.audience_breadth = 0.7;
    p.product.margin = 0.65;
    p.channels = default_channels();
    return p;
}

}  // namespace yt
