// check.cpp — the roles/platform checks behind check() (see check.hpp for inputs and order).
//
// [SECTIONS] helpers · references (ids, dangling links) · capacity (accounts, company, groups, QR)
//            · concentration · workload · entry point
#include "core/plan/check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/rules/rule_value.hpp"

namespace yt {

namespace {

// ---- helpers ---------------------------------------------------------------------------------

FindingArg num(double v) { return FindingArg::num(v); }
FindingArg pct(double ratio) { return FindingArg::percent(ratio); }

template <class T>
std::string label(const T& x) { return x.name.empty() ? x.id : x.name; }

// A tier's name (the tiering module's "tiering.seg.<key>"), else the key.
FindingArg tier_name(const std::string& key) { return FindingArg::name_or("tiering.seg." + key, key); }

struct Out {
    std::vector<Finding> v;
    void add(std::string rule, Severity sev, std::string kind, std::string subject, double value, double limit,
             std::string msg, std::string fix, std::vector<FindingArg> args) {
        Finding f;
        f.rule = std::move(rule);
        f.severity = sev;
        f.subject_kind = std::move(kind);
        f.subject = std::move(subject);
        f.value = std::isfinite(value) ? value : 0;
        f.limit = std::isfinite(limit) ? limit : 0;
        f.message = std::move(msg);
        f.fix = std::move(fix);
        f.args = std::move(args);
        v.push_back(std::move(f));
    }
};

// ---- references --------------------------------------------------------------------------------

template <class T>
void duplicate_ids(Out& out, const std::vector<T>& items, const char* kind) {
    std::map<std::string, int> count;
    for (const auto& x : items) ++count[x.id];
    for (const auto& [id, n] : count)
        if (n > 1)
            out.add("roles.duplicate_id", Severity::Error, kind, id, n, 1, "rules.msg.duplicate_id",
                    "rules.fix.duplicate_id", {id, num(n)});
}

void check_references(Out& out, const RolesPlan& p, const RolesCheckInput& d) {
    duplicate_ids(out, p.personas, "persona");
    duplicate_ids(out, p.accounts, "account");
    duplicate_ids(out, p.groups, "group");
    duplicate_ids(out, p.operators, "operator");
    duplicate_ids(out, p.kocs, "koc");

    for (const auto& a : p.accounts) {
        if (a.persona.empty())
            out.add("roles.no_persona", Severity::Warning, "account", a.id, 0, 0, "rules.msg.no_persona",
                    "rules.fix.no_persona", {label(a)});
        else if (!find_persona(p, a.persona))
            out.add("roles.unknown_persona", Severity::Error, "account", a.id, 0, 0, "rules.msg.unknown_persona",
                    "rules.fix.unknown_persona", {label(a), a.persona});
        if (a.operator_id.empty())
            out.add("roles.no_operator", Severity::Warning, "account", a.id, 0, 0, "rules.msg.no_operator",
                    "rules.fix.no_operator", {label(a)});
        else if (!find_operator(p, a.operator_id))
            out.add("roles.unknown_operator", Severity::Error, "account", a.id, 0, 0, "rules.msg.unknown_operator",
                    "rules.fix.unknown_operator", {label(a), a.operator_id});
    }
    for (const auto& g : p.groups) {
        if (g.owner_account.empty())
            out.add("roles.no_owner", Severity::Warning, "group", g.id, 0, 0, "rules.msg.no_owner", "rules.fix.no_owner",
                    {label(g)});
        else if (!find_account(p, g.owner_account))
            out.add("roles.unknown_owner", Severity::Error, "group", g.id, 0, 0, "rules.msg.unknown_owner",
                    "rules.fix.unknown_owner", {label(g), g.owner_account});
    }
    for (const auto& k : p.kocs)
        for (const auto& gid : k.groups)
            if (!find_group(p, gid))
                out.add("roles.koc_unknown_group", Severity::Error, "koc", k.id, 0, 0, "rules.msg.koc_unknown_group",
                        "rules.fix.koc_unknown_group", {label(k), gid});
    for (const auto& per : p.personas) {
        bool has = std::any_of(p.accounts.begin(), p.accounts.end(),
                               [&](const Account& a) { return a.persona == per.id; });
        if (!has)
            out.add("roles.persona_no_account", Severity::Warning, "persona", per.id, 0, 0,
                    "rules.msg.persona_no_account", "rules.fix.persona_no_account", {label(per)});
    }

    if (d.tier_sizes.empty()) return;
    for (const auto& [tier, size] : d.tier_sizes) {
        if (size <= 0) continue;
        bool served = std::any_of(p.personas.begin(), p.personas.end(), [&t = tier](const Persona& per) {
            return std::find(per.tiers.begin(), per.tiers.end(), t) != per.tiers.end();
        });
        if (!served)
            out.add("roles.tier_unserved", Severity::Warning, "tier", tier, double(size), 0, "rules.msg.tier_unserved",
                    "rules.fix.tier_unserved",
                    {tier, num(double(size)), tier_name(tier)});
    }
    for (const auto& per : p.personas)
        for (const auto& t : per.tiers)
            if (!d.tier_sizes.count(t))
                out.add("roles.persona_unknown_tier", Severity::Info, "persona", per.id, 0, 0,
                        "rules.msg.persona_unknown_tier", "rules.fix.persona_unknown_tier",
                        {label(per), t, tier_name(t)});
}

// ---- capacity ---------------------------------------------------------------------------------

void check_accounts(Out& out, const Workspace& ws, const CapacityReport& cap) {
    const RolesPlan& p = ws.roles;
    const double near = rule_value(ws.rules, "roles.near_cap_share");
    const double expanded = rule_value(ws.rules, "wecom.customer_cap_expanded");
    const int H = cap.horizon_months;
    for (std::size_t i = 0; i < p.accounts.size(); ++i) {
        const Account& a = p.accounts[i];
        const AccountCapacity& c = cap.accounts[i];
        std::string rule = account_cap_rule(a);
        if (rule.empty()) rule = "roles.account_cap";
        if (c.cap <= 0) {
            out.add("roles.no_cap", Severity::Info, "account", a.id, c.friends, 0, "rules.msg.no_cap",
                    "rules.fix.no_cap", {label(a)});
            continue;
        }
        const Persona* per = find_persona(p, a.persona);
        const std::string per_label = per ? label(*per) : a.persona;
        std::string fix = "rules.fix.route_friends";
        std::string month = "0";
        for (const auto& pc : cap.personas)
            if (pc.id == a.persona && pc.open_new_in_month >= 0 && pc.open_new_in_month <= H) {
                fix = pc.open_new_in_month == 0 ? "rules.fix.open_account_now" : "rules.fix.open_account";
                month = std::to_string(pc.open_new_in_month);
            }
        if (a.platform == kPlatformWeCom && a.cap_override <= 0 && c.cap < expanded) fix = "rules.fix.wecom_expand";
        // One argument layout for every account message and fix:
        // {0} account {1} friends {2} cap {3} growth/month {4} months until full {5} utilisation
        // {6} persona {7} month to open a new account {8} WeCom expanded cap
        const std::vector<FindingArg> args = {label(a),      num(c.friends), num(c.cap),
                                               num(c.growth), num(c.months_until_full), pct(c.utilisation),
                                               per_label,     month,          num(expanded)};
        if (c.friends > c.cap)
            out.add(rule, Severity::Error, "account", a.id, c.friends, c.cap, "rules.msg.account_over_cap", fix, args);
        else if (c.growth > 0 && c.months_until_full >= 0 && c.months_until_full <= H)
            out.add(rule, Severity::Warning, "account", a.id, c.friends, c.cap, "rules.msg.account_fills", fix, args);
        else if (c.utilisation >= near)
            out.add(rule, Severity::Warning, "account", a.id, c.friends, c.cap, "rules.msg.account_near_cap", fix, args);
    }

    for (const auto& pc : cap.personas) {
        if (pc.accounts == 0 || pc.open_new_in_month < 0 || pc.open_new_in_month > H) continue;
        const Persona* per = find_persona(p, pc.id);
        const int more = pc.accounts_needed_at_horizon - pc.accounts;
        out.add("roles.persona_capacity", Severity::Warning, "persona", pc.id, pc.planned, pc.cap_total,
                pc.open_new_in_month == 0 ? "rules.msg.persona_full_now" : "rules.msg.persona_full_in",
                "rules.fix.persona_capacity",
                {per ? label(*per) : pc.id, num(pc.open_new_in_month), num(pc.friends), num(pc.cap_total),
                 num(std::max(1, more)), num(H)});
    }
    for (const auto& pc : cap.personas) {
        if (pc.groups == 0 || pc.open_new_group_in_month < 0 || pc.open_new_group_in_month > H) continue;
        const Persona* per = find_persona(p, pc.id);
        out.add("roles.persona_groups", Severity::Info, "persona", pc.id, pc.group_planned, pc.group_cap_total,
                pc.open_new_group_in_month == 0 ? "rules.msg.persona_groups_now" : "rules.msg.persona_groups",
                "rules.fix.persona_groups",
                {per ? label(*per) : pc.id, num(pc.open_new_group_in_month),
                 num(std::max(1, pc.groups_needed_at_horizon - pc.groups)), num(H)});
    }

    double wecom = 0;
    for (const auto& a : p.accounts)
        if (a.platform == kPlatformWeCom) wecom += std::max(0, a.friends);
    const double company_cap = rule_value(ws.rules, "wecom.company_customer_cap");
    if (company_cap > 0 && wecom > company_cap)
        out.add("wecom.company_customer_cap", Severity::Warning, "workspace", ws.name, wecom, company_cap,
                "rules.msg.company_cap", "rules.fix.company_cap", {num(wecom), num(company_cap)});
}

// The platform of the account that owns a group (-1 when it names no known account).
int owner_platform(const RolesPlan& p, const Group& g) {
    for (const Account& a : p.accounts)
        if (a.id == g.owner_account) return a.platform;
    return -1;
}

void check_groups(Out& out, const Workspace& ws, const CapacityReport& cap, const RolesCheckInput& d) {
    const RolesPlan& p = ws.roles;
    const double near = rule_value(ws.rules, "roles.near_cap_share");
    const double qr_limit = rule_value(ws.rules, "group.qr_member_limit");
    const double qr_days = rule_value(ws.rules, "group.qr_days");
    for (std::size_t i = 0; i < p.groups.size(); ++i) {
        const Group& g = p.groups[i];
        const GroupCapacity& c = cap.groups[i];
        const std::string rule = group_cap_rule(g, p);
        if (c.cap > 0 && c.members > c.cap)
            out.add(rule, Severity::Error, "group", g.id, c.members, c.cap, "rules.msg.group_over_cap",
                    "rules.fix.group_over_cap", {label(g), num(c.members), num(c.cap)});
        else if (c.cap > 0 && c.utilisation >= near)
            out.add(rule, Severity::Info, "group", g.id, c.members, c.cap, "rules.msg.group_near_cap",
                    "rules.fix.group_near_cap", {label(g), num(c.members), num(c.cap)});

        if (g.qr_created_day == 0) continue;  // the group does not rely on a QR code
        if (qr_limit > 0 && c.members >= qr_limit) {
            out.add("group.qr_member_limit", Severity::Warning, "group", g.id, c.members, qr_limit,
                    "rules.msg.qr_member_limit", "rules.fix.qr_member_limit", {label(g), num(c.members), num(qr_limit)});
        } else if (d.today) {
            // A WeChat group QR lasts group.qr_days; a WeCom customer group joins through a "加入群聊"
            // code that lasts wecom.group_qr_days (0 = does not expire).
            const bool wecom = owner_platform(p, g) == static_cast<int>(Platform::WeCom);
            const char* rule = wecom ? "wecom.group_qr_days" : "group.qr_days";
            const double days = wecom ? rule_value(ws.rules, rule) : qr_days;
            // A code made on day D at any hour is dead for most of day D+7, so age >= 7 counts as expired.
            const double age = double(*d.today) - g.qr_created_day;
            if (days > 0 && age >= days)
                out.add(rule, Severity::Warning, "group", g.id, age, days, "rules.msg.qr_expired",
                        "rules.fix.qr_expired", {label(g), FindingArg::day(g.qr_created_day), num(age), num(days)});
        }
    }
}

// ---- concentration ----------------------------------------------------------------------------

void check_concentration(Out& out, const Workspace& ws, const RolesCheckInput& d) {
    const RolesPlan& p = ws.roles;
    if (p.accounts.empty()) return;
    const ConcentrationReport r = concentration(p, concentration_threshold(ws), d.account_values);
    const std::string msg = r.basis == "value"           ? "rules.msg.concentration_value"
                            : r.basis == "revenue_share" ? "rules.msg.concentration_revenue"
                                                         : "rules.msg.concentration_friends";
    for (std::size_t i = 0; i < r.accounts.size(); ++i) {
        const AccountShare& s = r.accounts[i];
        if (!s.over) continue;
        out.add("roles.max_account_share", Severity::Warning, "account", s.id, s.share, r.threshold, msg,
                "rules.fix.concentration", {label(p.accounts[i]), pct(s.share), pct(r.threshold)});
    }
}

// ---- workload ---------------------------------------------------------------------------------

void check_workload(Out& out, const Workspace& ws, const RolesCheckInput& d, const CapacityReport& cap) {
    const WorkloadReport r = workload(ws.roles, ws.rules, workload_input(d, cap));
    for (std::size_t i = 0; i < r.operators.size(); ++i) {
        const OperatorLoad& o = r.operators[i];
        if (!o.over) continue;
        out.add("roles.operator_hours", Severity::Warning, "operator", o.id, o.hours_needed, o.hours_available,
                "rules.msg.operator_hours", "rules.fix.operator_hours",
                {label(ws.roles.operators[i]), num(o.hours_needed), num(o.hours_available), num(o.chats_per_day),
                 num(o.items_per_day)});
    }
}

}  // namespace

// ---- entry point ------------------------------------------------------------------------------



int horizon_months(const Workspace& ws, const RolesCheckInput& d) {
    int h = d.horizon_months ? *d.horizon_months : static_cast<int>(rule_value(ws.rules, "roles.horizon_months"));
    return h > 0 ? h : 1;
}

CapacityOptions capacity_options(const Workspace& ws, const RolesCheckInput& d) {
    CapacityOptions o;
    o.horizon_months = horizon_months(ws, d);
    o.account_growth = d.account_growth;
    return o;
}

WorkloadInput workload_input(const RolesCheckInput& d, const CapacityReport& cap) {
    WorkloadInput in;
    for (const AccountCapacity& a : cap.accounts)
        if (a.growth > 0) in.new_friends_per_month[a.id] = a.growth;
    in.items_per_day = d.items_per_day;
    in.tier_sizes = d.tier_sizes;
    in.tier_chats_per_month = d.tier_chats_per_month;
    in.journey_per_day = d.journey_per_day;
    in.journey_steps_per_new_friend = d.journey_steps_per_new_friend;
    return in;
}

double concentration_threshold(const Workspace& ws) {
    return rule_value(ws.rules, "roles.max_account_share");
}

std::vector<Finding> check(const Workspace& ws, const RolesCheckInput& d) {
    Out out;
    const CapacityReport cap = capacity(ws.roles, ws.rules, capacity_options(ws, d));
    check_references(out, ws.roles, d);
    check_accounts(out, ws, cap);
    check_groups(out, ws, cap, d);
    check_concentration(out, ws, d);
    check_workload(out, ws, d, cap);
    std::stable_sort(out.v.begin(), out.v.end(),
                     [](const Finding& a, const Finding& b) { return int(a.severity) > int(b.severity); });
    return std::move(out.v);
}

bool has_errors(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::Error; });
}

}  // namespace yt
