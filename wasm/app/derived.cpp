// derived.cpp — computing Derived from the Workspace and the orders.
#include "app/derived.hpp"

#include <algorithm>

namespace yt::app {

void summarise_orders(Derived& d) {
    d.revenue = 0;
    d.first_day = d.last_day = 0;
    if (!d.orders || d.orders->orders() == 0) return;
    const auto& t = *d.orders;
    d.first_day = *std::min_element(t.day.begin(), t.day.end());
    d.last_day = *std::max_element(t.day.begin(), t.day.end());
    for (double a : t.amount) d.revenue += a;
}

void refresh_derived(const Workspace& ws, Derived& d, std::uint64_t version) {
    d.version = version;
    if (d.imported && ws.tiering.statuses != d.statuses_applied) {
        d.orders = read_orders(*d.imported, ws.tiering.statuses, d.import_report);
        d.statuses_applied = ws.tiering.statuses;
        summarise_orders(d);
    }
    const OrderTable* orders = d.orders ? &*d.orders : nullptr;
    refresh_tiers(ws, orders, d.tiers);
    refresh_roles(ws, orders, d.roles);
    refresh_calendar(ws, orders, d.calendar);
    refresh_economics(ws, orders, d.economics);
}

}  // namespace yt::app
