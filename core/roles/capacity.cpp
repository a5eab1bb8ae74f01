// capacity.cpp — caps, growth projection and "how many accounts/groups, and when" (see capacity.hpp).
#include "core/roles/capacity.hpp"

#include <algorithm>
#include <cmath>

#include "core/rules/rule_value.hpp"

namespace yt {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& v, const std::string& id) {
    if (id.empty()) return nullptr;
    for (const auto& x : v)
        if (x.id == id) return &x;
    return nullptr;
}

double months_to_full(double load, double cap, double growth) {
    if (cap <= 0) return -1;
    if (load >= cap) return 0;
    if (growth <= 0) return -1;
    return (cap - load) / growth;
}
}  // namespace

const Account* find_account(const RolesPlan& p, const std::string& id) { return find_by_id(p.accounts, id); }
const Persona* find_persona(const RolesPlan& p, const std::string& id) { return find_by_id(p.personas, id); }
const Operator* find_operator(const RolesPlan& p, const std::string& id) { return find_by_id(p.operators, id); }
const Group* find_group(const RolesPlan& p, const std::string& id) { return find_by_id(p.groups, id); }

std::string account_cap_rule(const Account& a) {
    if (a.cap_override > 0) return "";
    if (a.platform == kPlatformWeChat) return "wechat.friend_cap";
    if (a.platform == kPlatformWeCom) return "wecom.customer_cap";
    return "";
}

double account_cap(const Account& a, const RuleSet& rules) {
    if (a.cap_override > 0) return a.cap_override;
    std::string rule = account_cap_rule(a);
    return rule.empty() ? 0 : rule_value(rules, rule);
}

std::string group_cap_rule(const Group& g, const RolesPlan& plan) {
    const Account* owner = find_account(plan, g.owner_account);
    int platform = owner ? owner->platform : kPlatformWeCom;
    if (platform == kPlatformQQ) return "qq.group_cap";
    // The 200 rule is the WeCom customer-group rule; an ordinary WeChat group holds 500 whoever made it.
    if (g.created_by_wechat_user && platform != kPlatformWeChat) return "group.cap_wechat_created";
    return "group.cap";
}

double group_cap(const Group& g, const RolesPlan& plan, const RuleSet& rules) {
    return rule_value(rules, group_cap_rule(g, plan));
}

int containers_needed(double load, double cap_total, int existing, double new_cap) {
    if (load <= cap_total || new_cap <= 0) return existing;
    return existing + static_cast<int>(std::ceil((load - cap_total) / new_cap - 1e-9));
}

int month_full(double load, double cap_total, double growth) {
    if (load >= cap_total) return 0;
    if (growth <= 0) return -1;
    return static_cast<int>(std::ceil((cap_total - load) / growth - 1e-9));
}

namespace {

// A persona's accounts or groups pooled: how many, how many with a known cap, what they hold
// (friends or members), their caps and monthly growth, and the cap a new one would have (the
// first one's, else `default_cap`). With `skip_uncapped`, one without a cap counts but adds nothing.
struct Pooled {
    int count = 0, capped = 0;
    double load = 0, cap_total = 0, growth = 0, next_cap = 0;
    // Into PersonaCapacity's fields for this kind; `planned` = the load after `months` of growth.
    void fill(int& n, double& held, double& caps, double& per_month, double& planned, int months) const {
        n = count;
        held = load;
        caps = cap_total;
        per_month = growth;
        planned = load + growth * months;
    }
};

double load_of(const AccountCapacity& c) { return c.friends; }
double load_of(const GroupCapacity& c) { return c.members; }

template <class C>
Pooled pool_of(const std::vector<C>& items, const std::string& persona, bool skip_uncapped, double default_cap) {
    Pooled p;
    for (const C& c : items) {
        if (c.persona != persona) continue;
        ++p.count;
        if (skip_uncapped && c.cap <= 0) continue;
        ++p.capped;
        p.load += load_of(c);
        p.cap_total += c.cap;
        p.growth += c.growth;
        if (p.next_cap <= 0) p.next_cap = c.cap;
    }
    if (p.next_cap <= 0) p.next_cap = default_cap;
    return p;
}

}  // namespace

CapacityReport capacity(const RolesPlan& plan, const RuleSet& rules, const CapacityOptions& opt) {
    CapacityReport r;
    const int H = opt.horizon_months > 0 ? opt.horizon_months : 1;
    r.horizon_months = H;

    // Which accounts share the pool-level forecast, and in what proportion.
    double pool_friends = 0;
    int pool_accounts = 0;
    auto in_pool = [&](const Account& a) { return !opt.account_growth.count(a.id) && a.planned_friends <= a.friends; };
    for (const auto& a : plan.accounts)
        if (in_pool(a)) { pool_friends += std::max(0, a.friends); ++pool_accounts; }

    std::map<std::string, double> growth_of, friends_of;
    for (const auto& a : plan.accounts) {
        AccountCapacity c;
        c.id = a.id;
        c.persona = a.persona;
        c.cap = account_cap(a, rules);
        c.friends = std::max(0, a.friends);
        auto it = opt.account_growth.find(a.id);
        if (it != opt.account_growth.end()) c.growth = it->second;
        else if (a.planned_friends > a.friends) c.growth = double(a.planned_friends - a.friends) / H;
        else if (pool_friends > 0) c.growth = plan.monthly_new_friends * c.friends / pool_friends;
        else if (pool_accounts > 0) c.growth = double(plan.monthly_new_friends) / pool_accounts;
        c.planned = c.friends + c.growth * H;
        c.utilisation = c.cap > 0 ? c.friends / c.cap : 0;
        c.months_until_full = months_to_full(c.friends, c.cap, c.growth);
        growth_of[a.id] += c.growth;
        friends_of[a.id] += c.friends;
        r.accounts.push_back(c);
    }

    const double qr_limit = rule_value(rules, "group.qr_member_limit");
    for (const auto& g : plan.groups) {
        GroupCapacity c;
        c.id = g.id;
        c.owner = g.owner_account;
        const Account* owner = find_account(plan, g.owner_account);
        c.persona = owner ? owner->persona : "";
        c.cap = group_cap(g, plan, rules);
        c.members = std::max(0, g.members);
        double of = friends_of.count(g.owner_account) ? friends_of[g.owner_account] : 0;
        c.growth = of > 0 ? c.members * growth_of[g.owner_account] / of : 0;
        c.planned = c.members + c.growth * H;
        c.utilisation = c.cap > 0 ? c.members / c.cap : 0;
        c.months_until_full = months_to_full(c.members, c.cap, c.growth);
        c.qr_limited = qr_limit > 0 && c.members >= qr_limit;
        r.groups.push_back(c);
    }

    for (const auto& p : plan.personas) {
        PersonaCapacity pc;
        pc.id = p.id;
        // Accounts without a known cap are left out of the pool arithmetic.
        const Pooled acc = pool_of(r.accounts, p.id, true, rule_value(rules, "wechat.friend_cap"));
        acc.fill(pc.accounts, pc.friends, pc.cap_total, pc.growth, pc.planned, H);
        const int uncapped = acc.count - acc.capped;
        pc.accounts_needed_now = std::max(1, uncapped + containers_needed(pc.friends, pc.cap_total, acc.capped, acc.next_cap));
        pc.accounts_needed_at_horizon =
            std::max(1, uncapped + containers_needed(pc.planned, pc.cap_total, acc.capped, acc.next_cap));
        pc.open_new_in_month = (acc.capped || !uncapped) ? month_full(pc.friends, pc.cap_total, pc.growth) : -1;

        const Pooled grp = pool_of(r.groups, p.id, false, rule_value(rules, "group.cap"));
        grp.fill(pc.groups, pc.members, pc.group_cap_total, pc.group_growth, pc.group_planned, H);
        pc.groups_needed_now = containers_needed(pc.members, pc.group_cap_total, pc.groups, grp.next_cap);
        pc.groups_needed_at_horizon = containers_needed(pc.group_planned, pc.group_cap_total, pc.groups, grp.next_cap);
        // A persona without groups has no group plan: nothing to open.
        pc.open_new_group_in_month = pc.groups ? month_full(pc.members, pc.group_cap_total, pc.group_growth) : -1;
        r.personas.push_back(pc);
    }
    return r;
}

}  // namespace yt
