// koc_role.hpp — the two kinds of customer-side leaders in a Koc entry.
//
// A KOC is an opinion consumer: a customer whose posts and word of mouth move others, rewarded in
// kind (trials, perks). A 团长 is a commission-paid group-buy leader who sells in a group for a
// cut. The Koc record has no role field; the role is read from its incentive: an incentive that
// pays a commission (佣金, 提成, 返佣, 分佣, 抽成, 分成, commission, or a percentage) makes a 团长,
// anything else a KOC. "Active" is status "active".
#pragma once
#include "core/roles/roles_model.hpp"

namespace yt {

enum class KocRole { Koc = 0, Leader = 1 };

KocRole koc_role(const Koc& k);
inline bool koc_active(const Koc& k) { return k.status == "active"; }

}  // namespace yt
