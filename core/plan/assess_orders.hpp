// assess_orders.hpp — what the imported orders say beyond tiers: totals, owners and products.
//
// Owners: the order file's owner column (归属员工, 添加人, 客服, 导购) names who holds each customer;
// a customer belongs to the owner of their latest order. Accounts claim owner names
// (Account::owners, edited in the Personas tab), so per-account revenue, customers and growth come
// from the orders and feed the concentration and capacity checks.
// Products: per product (商品名称 / SKU column) the buyers, the share who bought it again, the
// median days between two purchases of it and the average price — product fit measured, not typed.
// Recomputed only when the orders change (by identity); cheap next to the tiers.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/model/dates.hpp"
#include "core/model/orders.hpp"
#include "core/plan/workspace.hpp"
#include "core/roles/concentration.hpp"

namespace yt {

struct OwnerFigures {
    std::string owner;            // as written in the file
    double revenue = 0;           // over all orders of the customers this owner holds
    std::int64_t customers = 0;   // customers whose latest order names this owner
    std::int64_t new_90d = 0;     // of them, first order in the last 90 days of the data
};

struct ProductFigures {
    std::string product;
    std::int64_t buyers = 0;
    std::int64_t repeat_buyers = 0;  // bought it on two or more days
    double repurchase_rate = 0;      // repeat_buyers / buyers
    double median_repeat_days = 0;   // median days between consecutive purchase days (0 = none)
    double average_price = 0;        // revenue / orders of the product
    std::int64_t orders = 0;
    double revenue = 0;
};

struct OrderFacts {
    bool any = false;
    std::int64_t orders = 0, customers = 0;
    double revenue = 0;
    Day first_day = 0, last_day = 0;
    std::vector<OwnerFigures> owners;      // largest revenue first
    std::vector<ProductFigures> products;  // most buyers first
    std::uint64_t computations = 0;        // how many times these facts were computed (tests)
    // Cache key (table identity).
    const void* seen_table = nullptr;
    const void* seen_data = nullptr;
    std::size_t seen_rows = 0;
};

// Fills `out` from the orders (no-op when the same table was seen before).
void assess_orders(const OrderTable* orders, OrderFacts& out);
// Facts computed for a table that has since been moved to `to` (its buffers with it): keyed to
// its new place, so assess_orders() finds them current. Facts of other data are left as they are.
void moved_orders(const OrderTable* to, OrderFacts& facts);

// Per-account figures from the owners the accounts claim (Account::owners). Accounts claiming no
// owner present in the orders are absent. `new_per_month` = new customers a month over the last 90 days.
struct AccountFromOrders {
    AccountValue value;
    std::int64_t customers = 0;
    double new_per_month = 0;
};
std::map<std::string, AccountFromOrders> account_figures(const RolesPlan& roles, const OrderFacts& facts);

// Owner names in the orders that no account claims, and for each the account whose name or
// operator's name best matches it ("" when none does) — the Personas tab's suggestions.
struct OwnerSuggestion {
    std::string owner, account;
};
std::vector<OwnerSuggestion> unclaimed_owners(const RolesPlan& roles, const OrderFacts& facts);

}  // namespace yt
