// assess_pool.hpp — the economics plan's pool checked against the accounts that must hold it.
//
// The active Funnel ROI scenario grows a private pool month by month; those friends have to fit
// on the Personas tab's accounts. At the end of the scenario's horizon its pool (friends the
// scenario added and kept) is compared with the free places of the accounts that have a cap
// (cap - friends now). When the pool does not fit, the finding "plan.pool_capacity" says how many
// more accounts of the average cap the plan needs. No finding when the scenario cannot be
// simulated or no account has a cap.
#pragma once
#include <string>
#include <vector>

#include "core/plan/assess_economics.hpp"
#include "core/plan/assess_roles.hpp"
#include "core/plan/workspace.hpp"
#include "core/rules/finding.hpp"

namespace yt {

struct PoolCapacity {
    bool checked = false;          // a scenario was simulated and some account has a cap
    std::string scenario_id, scenario_name;
    int horizon_months = 0;
    double pool_end = 0;           // the scenario's pool at the end of its horizon
    double free_places = 0;        // sum over capped accounts of max(0, cap - friends)
    int accounts = 0;              // accounts with a cap
    double mean_cap = 0;           // their average cap
    int more_accounts = 0;         // accounts of mean_cap still needed (0 = it fits)
};

// Fills `out` and appends the finding, if any, to `findings`.
void assess_pool(const Workspace& ws, const RoleFigures& roles, const EconomicsFigures& econ, PoolCapacity& out,
                 std::vector<Finding>& findings);

}  // namespace yt
