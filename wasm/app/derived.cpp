// derived.cpp — the app's cache over assess() (see derived.hpp).
#include "app/derived.hpp"

namespace yt::app {

void summarise_orders(Derived& d) {
    assess_orders(d.orders ? &*d.orders : nullptr, d.order_facts);
    d.revenue = d.order_facts.revenue;
    d.first_day = d.order_facts.first_day;
    d.last_day = d.order_facts.last_day;
}

void refresh_derived(const Workspace& ws, Derived& d, std::uint64_t version) {
    d.version = version;
    assess(ws, d.orders ? &*d.orders : nullptr, d.clock, d);
    summarise_orders(d);
}

}  // namespace yt::app
