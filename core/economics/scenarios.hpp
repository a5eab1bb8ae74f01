// scenarios.hpp — running a whole EconomicsPlan: one scenario with the channel matrix applied,
// all scenarios side by side, and a sensitivity table of the main assumptions.
//
// plan_options() turns the plan's channel matrix into SimOptions (maintenance cost of channels in
// use adds to operating cost, share-weighted ban risk adds to churn); `base` carries the caller's
// own overrides (monthly churn from the CLV model, referral rate).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/economics/economics_model.hpp"
#include "core/economics/funnel.hpp"
#include "core/model/result.hpp"

namespace yt {

SimOptions plan_options(const EconomicsPlan& plan, SimOptions base = {});

// Validates the plan, then simulates scenario `index` with plan_options().
Result<FunnelResult> simulate_plan(const EconomicsPlan& plan, std::size_t index, const SimOptions& base = {});

struct ScenarioRow {
    std::string id, name;
    FunnelSummary summary;
    double final_cumulative_cash = 0;
};
// One row per EconomicsPlan::scenarios entry, in plan order.
Result<std::vector<ScenarioRow>> compare_scenarios(const EconomicsPlan& plan, const SimOptions& base = {});

struct SensitivityRow {
    std::string param;  // field name, e.g. "aov"; the label is the i18n key "economics.param.<param>"
    std::optional<int> payback_low, payback_high;  // payback month at -20% and +20%
    double roi_low = 0, roi_high = 0;              // ROI at -20% and +20% (0 when cost is 0)
    double payback_shift = 0;  // max |payback - base payback| in months; "never" counts as horizon + 1
    double roi_shift = 0;      // |roi_high - roi_low|
};
struct Sensitivity {
    std::optional<int> base_payback;
    double base_roi = 0;
    std::vector<SensitivityRow> rows;  // largest payback_shift first, then largest roi_shift, then name
};
// Each main assumption scaled by (1 - step) and (1 + step); rates are capped at 1. Source fields
// (visitors, cost per visitor, add-friend rate) scale every source together.
Result<Sensitivity> sensitivity(const EconomicsPlan& plan, std::size_t index, const SimOptions& base = {},
                                double step = 0.2);

}  // namespace yt
