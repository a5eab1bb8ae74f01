// reach.cpp — policy_channel, item_aim, item_reaches, private_via_wecom (reach.hpp).
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

ItemAim item_aim(const ContentItem& it, const RolesPlan& roles) {
    ItemAim aim;
    if (it.channel == "group") {
        for (const std::string& gid : it.groups)
            if (const Group* g = find_group(roles, gid))
                for (const std::string& t : g->tiers)
                    if (!contains(aim.tiers, t)) aim.tiers.push_back(t);
        if (!aim.tiers.empty()) return aim;
        aim.tiers = it.tiers;
        aim.everyone = it.tiers.empty() && it.groups.empty();  // groups without tiers reach no known tier
        return aim;
    }
    if (!it.tiers.empty()) {
        aim.tiers = it.tiers;
        return aim;
    }
    for (const Persona& p : roles.personas)
        if (p.id == it.persona && !p.tiers.empty()) {
            aim.tiers = p.tiers;
            return aim;
        }
    aim.everyone = true;
    return aim;
}

std::vector<std::string> expand_audiences(const std::vector<std::string>& tiers, const AudienceTiers* audiences) {
    std::vector<std::string> out;
    auto add = [&](const std::string& k) {
        if (!contains(out, k)) out.push_back(k);
    };
    for (const std::string& t : tiers) {
        add(t);
        if (!audiences) continue;
        auto a = audiences->find(t);  // an audience id: the segments its members are in
        if (a != audiences->end())
            for (const std::string& seg : a->second) add(seg);
    }
    return out;
}

bool item_reaches(const ContentItem& it, const RolesPlan& roles, const std::string& tier, const AudienceTiers* audiences) {
    const ItemAim aim = item_aim(it, roles);
    return aim.everyone || contains(expand_audiences(aim.tiers, audiences), tier);
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
