// assess_roles.cpp — computing RoleFigures (see assess_roles.hpp).
#include "core/plan/assess_roles.hpp"

#include <algorithm>

#include "core/plan/calendar_load.hpp"
#include "core/rules/rule_value.hpp"

namespace yt {

namespace {
template <class V>
const typename V::value_type* at(const V& v, const std::map<std::string, std::size_t>& index, const std::string& id) {
    auto it = index.find(id);
    return it == index.end() || it->second >= v.size() ? nullptr : &v[it->second];
}
template <class V>
void index_ids(const V& v, std::map<std::string, std::size_t>& out) {
    out.clear();
    for (std::size_t i = 0; i < v.size(); ++i) out.emplace(v[i].id, i);  // first one wins on duplicates
}
}  // namespace

const AccountCapacity* RoleFigures::account(const std::string& id) const { return at(capacity.accounts, account_at, id); }
const GroupCapacity* RoleFigures::group(const std::string& id) const { return at(capacity.groups, group_at, id); }
const PersonaCapacity* RoleFigures::persona(const std::string& id) const { return at(capacity.personas, persona_at, id); }
const OperatorLoad* RoleFigures::op(const std::string& id) const { return at(workload.operators, operator_at, id); }
const AccountShare* RoleFigures::share(const std::string& id) const { return at(concentration.accounts, share_at, id); }

std::vector<std::size_t> RoleFigures::findings_for(const std::string& kind, const std::string& id) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < findings.size(); ++i)
        if (findings[i].subject_kind == kind && findings[i].subject == id) out.push_back(i);
    return out;
}

int RoleFigures::worst(const std::string& kind, const std::string& id) const {
    int w = -1;
    for (const auto& f : findings)
        if (f.subject_kind == kind && f.subject == id) w = std::max(w, static_cast<int>(f.severity));
    return w;
}

void assess_roles(const Workspace& ws, const RolesCheckInput& given, RoleFigures& out) {
    out.today = given.today.value_or(0);
    RolesCheckInput& in = out.inputs;
    in = given;
    out.load_from = out.today;
    out.load_to = out.today + 29;
    in.items_per_day = calendar_items_per_day(ws.calendar, ws.roles, out.load_from, out.load_to);
    out.horizon = horizon_months(ws, in);
    out.near_cap = rule_value(ws.rules, "roles.near_cap_share");
    out.qr_days = rule_value(ws.rules, "group.qr_days");
    out.qr_member_limit = rule_value(ws.rules, "group.qr_member_limit");

    out.capacity = capacity(ws.roles, ws.rules, capacity_options(ws, in));
    out.concentration = concentration(ws.roles, concentration_threshold(ws), in.account_values);
    out.workload = workload(ws.roles, ws.rules, workload_input(in, out.capacity));
    out.findings = check(ws, in);
    out.errors = out.warnings = out.infos = 0;
    for (const auto& f : out.findings) {
        if (f.severity == Severity::Error) ++out.errors;
        else if (f.severity == Severity::Warning) ++out.warnings;
        else ++out.infos;
    }
    index_ids(out.capacity.accounts, out.account_at);
    index_ids(out.capacity.groups, out.group_at);
    index_ids(out.capacity.personas, out.persona_at);
    index_ids(out.workload.operators, out.operator_at);
    index_ids(out.concentration.accounts, out.share_at);
    out.ready = true;
}

}  // namespace yt
