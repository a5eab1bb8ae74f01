// reach.hpp — who a calendar item reaches and how it goes out, the one statement of each rule
// for the checks (checks.cpp) and the screens (view_support.cpp).
#pragma once
#include <string>

#include "core/calendar/calendar_model.hpp"
#include "core/roles/roles_model.hpp"

namespace yt {

// The key of the channel policy an item counts against: "group_deal" for group items whose
// groups are all deal groups, else the item's channel (ChannelPolicy, checks.hpp).
std::string policy_channel(const ContentItem& item, const RolesPlan& roles);

// Whether an item reaches customers of `tier`, as the checks count it: group items the tiers of
// their groups (else the item's own tiers; no groups at all: everyone); other items their own
// tiers, else their persona's, else everyone.
bool item_reaches(const ContentItem& item, const RolesPlan& roles, const std::string& tier);

// Whether a private message goes out through WeCom (where the mass-send quota applies): its
// account is a WeCom account, or it names no account and every account of its persona is on WeCom.
bool private_via_wecom(const ContentItem& item, const RolesPlan& roles);

}  // namespace yt
