// derived.hpp — the app's cache of the plan's Assessment (core/plan/assess.hpp): the imported
// orders the app holds, and the Assessment recomputed when the History version changes (results
// are functions, not state: nothing here is ever saved). The app, the CLI and the tests all get
// their figures and findings from assess(), so they cannot disagree.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/groups/group_stats.hpp"
#include "core/io/importer.hpp"
#include "core/model/orders.hpp"
#include "core/plan/assess.hpp"
#include "core/plan/workspace.hpp"

namespace yt::app {

// Every row of an import as read, before the status choice, in its stored copy
// (core/io/stored_rows.hpp, from byte `at` of `bytes`): what a change of the choice reads again,
// a part per frame (Dataset::recount()). The rows themselves are let go once the copy exists: for
// a million customers the page's WebAssembly memory after a restore is 229 MiB instead of 290
// (the copy, 23 MB, is held anyway, for storage), as the model reuses the rows' memory.
struct RowsCopy {
    std::shared_ptr<const std::string> bytes;
    std::size_t at = 0;
    explicit operator bool() const { return bytes != nullptr; }
    void reset() { *this = RowsCopy{}; }
};

struct Derived : Assessment {
    // Imported orders (the demo's or the user's).
    std::optional<OrderTable> orders;
    std::string orders_error;   // why the orders could not be loaded, if they could not
    std::optional<Day> clock;   // the device's date (set by the App from the platform)
    // The import's rows before the status choice (none when the file needs none: no status,
    // refund or unpaid rows); `orders` = read_orders(those rows, statuses_applied).
    RowsCopy rows_copy;
    StatusPolicy statuses_applied;
    ImportReport import_report;  // the import's report under statuses_applied
    // Shorthands of orders.* for the views.
    double revenue = 0;
    Day first_day = 0, last_day = 0;
    // A customer-group statistics export (Personas → 群健康), kept for the session only: never
    // saved, so reloading the page forgets it. Its figures are computed when drawn
    // (core/plan/assess_groups.hpp: a handful of groups).
    std::shared_ptr<const GroupStatsFile> group_stats;
    std::string group_stats_name;
    std::string group_stats_error;  // why the last file was refused, in words; the previous one stays
};

// Recomputes the Assessment of `d` for `ws` (reusing its caches) and stamps it with `version`. A
// changed ws.tiering.statuses is not applied here: the Dataset reads rows_copy again over frames.
void refresh_derived(const Workspace& ws, Derived& d, std::uint64_t version);
// Kept for callers that replace the orders: the next refresh_derived() sees the new table.
void summarise_orders(Derived& d);

}  // namespace yt::app
