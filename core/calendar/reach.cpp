// reach.cpp — policy_channel, item_reaches, private_via_wecom (reach.hpp).
#include "core/calendar/reach.hpp"

#include <algorithm>

namespace yt {

namespace {

const Group* find_group(const RolesPlan& roles, const std::string& id) {
    for (const Group& g : roles.groups)
        if (g.id == id) return &g;
    return nullptr;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

std::string policy_channel(const ContentItem& item, const RolesPlan& roles) {
    if (item.channel != "group" || item.groups.empty()) return item.channel;
    for (const std::string& gid : item.groups) {
        const Group* g = find_group(roles, gid);
        if (!g || g->type != "deal") return item.channel;
    }
    return "group_deal";
}

bool item_reaches(const ContentItem& it, const RolesPlan& roles, const std::string& tier) {
    if (it.channel == "group") {
        bool any = false, hit = false;
        for (const std::string& gid : it.groups)
            if (const Group* g = find_group(roles, gid))
                for (const std::string& t : g->tiers) {
                    any = true;
                    hit = hit || t == tier;
                }
        if (any) return hit;
        if (!it.tiers.empty()) return contains(it.tiers, tier);
        return it.groups.empty();  // groups without tiers reach no known tier; no groups: everyone
    }
    if (!it.tiers.empty()) return contains(it.tiers, tier);
    for (const Persona& p : roles.personas)
        if (p.id == it.persona && !p.tiers.empty()) return contains(p.tiers, tier);
    return true;
}

bool private_via_wecom(const ContentItem& it, const RolesPlan& roles) {
    const int wecom = static_cast<int>(AccountPlatform::WeCom);
    if (!it.account.empty()) {
        for (const Account& a : roles.accounts)
            if (a.id == it.account) return static_cast<int>(a.platform) == wecom;
        return false;
    }
    bool any = false;
    for (const Account& a : roles.accounts) {
        if (a.persona != it.persona) continue;
        if (static_cast<int>(a.platform) != wecom) return false;
        any = true;
    }
    return any;
}

}  // namespace yt
