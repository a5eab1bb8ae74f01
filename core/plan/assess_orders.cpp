// assess_orders.cpp — totals, owners and products of the imported orders (see the header).
#include "core/plan/assess_orders.hpp"

#include <algorithm>
#include <numeric>

namespace yt {

namespace {

void owners_of(const OrderTable& t, Day last_day, OrderFacts& out) {
    if (t.owner.size() != t.orders()) return;
    const std::size_t nc = t.customers();
    // Latest order per customer decides the owner; first day per customer decides "new".
    std::vector<Day> latest(nc, 0), first(nc, 0);
    std::vector<std::uint32_t> owner(nc, OrderTable::kNoValue);
    std::vector<double> revenue(nc, 0);
    for (std::size_t i = 0; i < t.orders(); ++i) {
        const std::uint32_t c = t.customer[i];
        revenue[c] += t.amount[i];
        if (first[c] == 0 || t.day[i] < first[c]) first[c] = t.day[i];
        if (t.owner[i] != OrderTable::kNoValue && t.day[i] >= latest[c]) {
            latest[c] = t.day[i];
            owner[c] = t.owner[i];
        }
    }
    std::vector<OwnerFigures> figs(t.owners.size());
    for (std::size_t o = 0; o < figs.size(); ++o) figs[o].owner = t.owners.at(static_cast<std::uint32_t>(o));
    for (std::size_t c = 0; c < nc; ++c) {
        if (owner[c] == OrderTable::kNoValue) continue;
        OwnerFigures& f = figs[owner[c]];
        f.revenue += revenue[c];
        f.customers += 1;
        if (first[c] > last_day - 90) f.new_90d += 1;
    }
    std::stable_sort(figs.begin(), figs.end(), [](const OwnerFigures& a, const OwnerFigures& b) { return a.revenue > b.revenue; });
    out.owners = std::move(figs);
}

void products_of(const OrderTable& t, OrderFacts& out) {
    if (t.product.size() != t.orders()) return;
    // Order lines sorted by (product, customer, day).
    std::vector<std::uint32_t> idx;
    idx.reserve(t.orders());
    for (std::size_t i = 0; i < t.orders(); ++i)
        if (t.product[i] != OrderTable::kNoValue && t.amount[i] >= 0) idx.push_back(static_cast<std::uint32_t>(i));
    std::sort(idx.begin(), idx.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (t.product[a] != t.product[b]) return t.product[a] < t.product[b];
        if (t.customer[a] != t.customer[b]) return t.customer[a] < t.customer[b];
        return t.day[a] < t.day[b];
    });
    std::vector<ProductFigures> figs(t.products.size());
    std::vector<std::vector<int>> gaps(t.products.size());
    for (std::size_t k = 0; k < idx.size();) {
        const std::uint32_t p = t.product[idx[k]], c = t.customer[idx[k]];
        ProductFigures& f = figs[p];
        int days = 0;
        Day prev = 0;
        for (; k < idx.size() && t.product[idx[k]] == p && t.customer[idx[k]] == c; ++k) {
            const std::uint32_t i = idx[k];
            f.orders += 1;
            f.revenue += t.amount[i];
            if (days == 0 || t.day[i] != prev) {
                if (days > 0) gaps[p].push_back(t.day[i] - prev);
                prev = t.day[i];
                ++days;
            }
        }
        f.buyers += 1;
        if (days >= 2) f.repeat_buyers += 1;
    }
    for (std::size_t p = 0; p < figs.size(); ++p) {
        ProductFigures& f = figs[p];
        f.product = t.products.at(static_cast<std::uint32_t>(p));
        f.repurchase_rate = f.buyers > 0 ? static_cast<double>(f.repeat_buyers) / static_cast<double>(f.buyers) : 0;
        f.average_price = f.orders > 0 ? f.revenue / static_cast<double>(f.orders) : 0;
        std::vector<int>& g = gaps[p];
        if (!g.empty()) {
            std::sort(g.begin(), g.end());
            const std::size_t m = g.size() / 2;
            f.median_repeat_days = g.size() % 2 ? g[m] : (g[m - 1] + g[m]) / 2.0;
        }
    }
    figs.erase(std::remove_if(figs.begin(), figs.end(), [](const ProductFigures& f) { return f.buyers == 0; }), figs.end());
    std::stable_sort(figs.begin(), figs.end(), [](const ProductFigures& a, const ProductFigures& b) { return a.buyers > b.buyers; });
    out.products = std::move(figs);
}

// Lower-cased ASCII, spaces and separators dropped: "阿杰 - 企微" ~ "阿杰企微".
std::string loose(const std::string& s) {
    std::string o;
    for (char ch : s) {
        const unsigned char u = static_cast<unsigned char>(ch);
        if (u == ' ' || u == '-' || u == '_' || u == '/' || u == '(' || u == ')') continue;
        o.push_back(u < 0x80 ? static_cast<char>(std::tolower(u)) : ch);
    }
    return o;
}

const void* day_data(const OrderTable* t) { return t && !t->day.empty() ? static_cast<const void*>(t->day.data()) : nullptr; }

}  // namespace

void moved_orders(const OrderTable* to, OrderFacts& facts) {
    if (to && facts.seen_table && facts.seen_data == day_data(to) && facts.seen_rows == to->orders()) facts.seen_table = to;
}

void assess_orders(const OrderTable* t, OrderFacts& out) {
    const void* data = day_data(t);
    const std::size_t rows = t ? t->orders() : 0;
    if (out.seen_table == t && out.seen_data == data && out.seen_rows == rows && (t || !out.any)) return;
    const std::uint64_t computations = out.computations + 1;
    out = OrderFacts{};
    out.computations = computations;
    out.seen_table = t;
    out.seen_data = data;
    out.seen_rows = rows;
    if (!t || rows == 0) return;
    out.any = true;
    out.orders = static_cast<std::int64_t>(rows);
    out.customers = static_cast<std::int64_t>(t->customers());
    out.first_day = *std::min_element(t->day.begin(), t->day.end());
    out.last_day = *std::max_element(t->day.begin(), t->day.end());
    out.revenue = std::accumulate(t->amount.begin(), t->amount.end(), 0.0);
    owners_of(*t, out.last_day, out);
    products_of(*t, out);
}

std::map<std::string, AccountFromOrders> account_figures(const RolesPlan& roles, const OrderFacts& facts) {
    std::map<std::string, AccountFromOrders> out;
    for (const Account& a : roles.accounts)
        for (const std::string& name : a.owners)
            for (const OwnerFigures& o : facts.owners) {
                if (o.owner != name) continue;
                AccountFromOrders& f = out[a.id];
                f.value.revenue += o.revenue;
                f.customers += o.customers;
                f.new_per_month += static_cast<double>(o.new_90d) / 3.0;
            }
    return out;
}

std::vector<OwnerSuggestion> unclaimed_owners(const RolesPlan& roles, const OrderFacts& facts) {
    std::vector<OwnerSuggestion> out;
    for (const OwnerFigures& o : facts.owners) {
        bool claimed = false;
        for (const Account& a : roles.accounts)
            claimed = claimed || std::find(a.owners.begin(), a.owners.end(), o.owner) != a.owners.end();
        if (claimed) continue;
        OwnerSuggestion s{o.owner, ""};
        const std::string want = loose(o.owner);
        for (const Account& a : roles.accounts) {
            std::string op;
            for (const Operator& x : roles.operators)
                if (x.id == a.operator_id) op = loose(x.name);
            const std::string name = loose(a.name);
            const bool match = !want.empty() && ((!name.empty() && (name.find(want) != std::string::npos || want.find(name) != std::string::npos)) ||
                                                 (!op.empty() && (op == want || name.find(want) != std::string::npos)));
            if (match) {
                s.account = a.id;
                break;
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace yt
