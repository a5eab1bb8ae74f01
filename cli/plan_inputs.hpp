// plan_inputs.hpp — what `check`, `calendar` and `report` assess: the workspace file (first
// positional argument), optionally the shop's orders (--orders FILE with the import options of
// `tier`: --columns, --delimiter, --header) and today (--today YYYY-MM-DD, else the date in China,
// UTC+8; the demo keeps its own date and a workspace may pin one). The app assesses the same
// inputs with the same function (core/plan/assess.hpp), so the two never disagree.
#pragma once
#include <optional>
#include <string>

#include "cli/cli_common.hpp"
#include "core/io/importer.hpp"
#include "core/plan/assess.hpp"

namespace yt::cli {

struct PlanInputs {
    Workspace ws;
    bool edited_outside = false;      // the file's checksum did not match (edited by hand)
    std::optional<ImportResult> orders;
    std::optional<Day> clock;
    const OrderTable* table() const { return orders ? &orders->orders : nullptr; }
};

Result<PlanInputs> load_plan_inputs(const Args& args);
// Today in China (UTC+8) from the system clock.
Day today_in_china();

}  // namespace yt::cli
