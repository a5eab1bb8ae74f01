// assess_pool.cpp — the active scenario's end-of-horizon pool against the accounts' free places
// (see assess_pool.hpp).
#include "core/plan/assess_pool.hpp"

#include <algorithm>
#include <cmath>

#include "core/plan/check.hpp"

namespace yt {

void assess_pool(const Workspace& ws, const RoleFigures& roles, const EconomicsFigures& econ, PoolCapacity& out,
                 std::vector<Finding>& findings) {
    out = PoolCapacity{};
    if (!econ.funnel || !roles.ready) return;
    const auto& scenarios = ws.economics.scenarios;
    if (econ.active < 0 || econ.active >= static_cast<int>(scenarios.size())) return;
    const Scenario& s = scenarios[static_cast<std::size_t>(econ.active)];

    double caps = 0;
    for (const Account& a : ws.roles.accounts) {
        const AccountCapacity* c = roles.account(a.id);
        if (!c || c->cap <= 0) continue;
        ++out.accounts;
        caps += c->cap;
        out.free_places += std::max(0.0, c->cap - c->friends);
    }
    if (out.accounts == 0) return;
    out.checked = true;
    out.scenario_id = s.id;
    out.scenario_name = s.name.empty() ? s.id : s.name;
    out.horizon_months = s.a.horizon_months;
    out.pool_end = econ.funnel->summary.final_pool;
    out.mean_cap = caps / out.accounts;
    const double short_by = out.pool_end - out.free_places;
    if (short_by <= 0.5) return;
    out.more_accounts = static_cast<int>(std::ceil(short_by / out.mean_cap));

    // {0} scenario {1} months {2} pool at the end {3} accounts {4} free places {5} more accounts
    // {6} average cap
    findings.push_back(Finding{"plan.pool_capacity", Severity::Warning, "scenario", s.id, out.pool_end, out.free_places,
                               "rules.msg.pool_capacity", "rules.fix.pool_capacity",
                               {out.scenario_name, FindingArg::num(out.horizon_months), FindingArg::num(out.pool_end),
                                FindingArg::num(out.accounts), FindingArg::num(out.free_places),
                                FindingArg::num(out.more_accounts), FindingArg::num(out.mean_cap)}});
}

}  // namespace yt
