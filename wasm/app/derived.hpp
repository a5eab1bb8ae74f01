// derived.hpp — figures computed from the Workspace and the imported orders, cached by the
// History version stamp (results are functions, not state: nothing here is ever saved).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/derived_calendar.hpp"
#include "app/derived_economics.hpp"
#include "app/derived_roles.hpp"
#include "app/derived_tiers.hpp"
#include "core/io/importer.hpp"
#include "core/model/orders.hpp"
#include "core/model/workspace.hpp"

namespace yt::app {

struct Derived {
    std::uint64_t version = 0;  // History version these figures belong to
    // Imported orders (the demo's or the user's).
    std::optional<OrderTable> orders;
    std::string orders_error;   // why the orders could not be loaded, if they could not
    // The import as read, before the status choice (null when the file needs none: no status,
    // refund or unpaid rows); `orders` = read_orders(*imported, statuses_applied).
    std::shared_ptr<const ImportedOrders> imported;
    StatusPolicy statuses_applied;
    ImportReport import_report;  // the import's report under statuses_applied
    double revenue = 0;
    Day first_day = 0, last_day = 0;
    // Per view; each is refreshed by its own refresh_*() (derived_*.cpp).
    TiersDerived tiers;
    RolesDerived roles;
    CalendarDerived calendar;
    EconomicsDerived economics;
};

// Recomputes the workspace-dependent parts of `d` for `ws` (first re-reading the imported orders
// when ws.tiering.statuses changed).
void refresh_derived(const Workspace& ws, Derived& d, std::uint64_t version);
// Totals of an order table (revenue, date span).
void summarise_orders(Derived& d);

}  // namespace yt::app
