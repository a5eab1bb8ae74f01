// reach.hpp — who a calendar item reaches and how it goes out, the one statement of each rule
// for the checks (checks.cpp) and the screens (view_support.cpp).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/calendar/calendar_model.hpp"
#include "core/roles/roles_model.hpp"

namespace yt {

// The key of the channel policy an item counts against: "group_deal" for group items whose
// groups are all deal groups, else the item's channel (ChannelPolicy, checks.hpp).
std::string policy_channel(const ContentItem& item, const RolesPlan& roles);

// Audience id -> the segment keys its members are in (core/plan computes it from the orders). A
// `tiers` list (items, personas, groups) may name an audience instead of a segment.
using AudienceTiers = std::map<std::string, std::vector<std::string>>;

// Whom an item is aimed at, as written: everyone, or tier keys (and audience ids). Group items:
// the tiers of their groups, else the item's own tiers; no groups at all: everyone. Other items:
// their own tiers, else their persona's, else everyone.
struct ItemAim {
    bool everyone = false;
    std::vector<std::string> tiers;
};
ItemAim item_aim(const ContentItem& item, const RolesPlan& roles);

// `tiers` with each audience among them followed by the segments its members are in (with
// `audiences`; without, `tiers` as they are), each key once, in order.
std::vector<std::string> expand_audiences(const std::vector<std::string>& tiers, const AudienceTiers* audiences);

// Whether an item reaches customers of `tier`: its aim names the tier, or an audience whose
// members are in it (with `audiences`), or everyone.
bool item_reaches(const ContentItem& item, const RolesPlan& roles, const std::string& tier,
                  const AudienceTiers* audiences = nullptr);

// Whether a private message goes out through WeCom (where the mass-send quota applies): its
// account is a WeCom account, or it names no account and every account of its persona is on WeCom.
bool private_via_wecom(const ContentItem& item, const RolesPlan& roles);

}  // namespace yt
