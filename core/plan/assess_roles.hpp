// assess_roles.hpp — the roles part of the Assessment (core/plan/assess.hpp): capacity,
// concentration, operator workload and the plan-time findings of check(), computed from the
// Workspace and what assess() measured from the orders (segment sizes, per-account revenue,
// customers and growth). Cheap (a few small passes over the roles plan and one 30-day expansion
// of the content calendar), so it runs again on every change. Never saved.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/dates.hpp"
#include "core/model/orders.hpp"
#include "core/plan/check.hpp"
#include "core/plan/workspace.hpp"
#include "core/roles/capacity.hpp"
#include "core/roles/concentration.hpp"
#include "core/roles/workload.hpp"
#include "core/rules/finding.hpp"

namespace yt {

struct RoleFigures {
    bool ready = false;
    Day today = 0;
    std::string today_source;      // as Assessment::today_source
    int horizon = 6;               // months of the capacity forecast
    Day load_from = 0, load_to = 0;  // calendar window counted for the workload (30 days from today)
    double near_cap = 0.9;         // rule "roles.near_cap_share"
    double qr_days = 7;            // rule "group.qr_days"
    double qr_member_limit = 200;  // rule "group.qr_member_limit"
    RolesCheckInput inputs;            // exactly what check() was given
    CapacityReport capacity;
    ConcentrationReport concentration;
    WorkloadReport workload;
    std::vector<Finding> findings;  // errors first, then warnings, then infos
    int errors = 0, warnings = 0, infos = 0;

    // Lookups by id (the reports are in plan order; a view drawing mid-frame after an edit may
    // see a plan that differs from these figures, so it looks them up by id, never by index).
    const AccountCapacity* account(const std::string& id) const;
    const GroupCapacity* group(const std::string& id) const;
    const PersonaCapacity* persona(const std::string& id) const;
    const OperatorLoad* op(const std::string& id) const;
    const AccountShare* share(const std::string& id) const;
    // Findings about one object (indexes into `findings`).
    std::vector<std::size_t> findings_for(const std::string& kind, const std::string& id) const;
    // The worst severity among the findings about one object; -1 when there are none.
    int worst(const std::string& kind, const std::string& id) const;

    std::map<std::string, std::size_t> account_at, group_at, persona_at, operator_at, share_at;
};

// `in` carries today and the figures measured from the orders (assess.cpp fills it).
void assess_roles(const Workspace& ws, const RolesCheckInput& in, RoleFigures& out);

}  // namespace yt
