// finding_catalog.cpp — the check ids of core/plan/check.cpp, core/calendar/checks.cpp,
// core/plan/assess_content.cpp and core/plan/assess_pool.cpp, grouped by the part of the plan they are about.
#include "core/plan/finding_catalog.hpp"

namespace yt {

const std::vector<FindingKind>& finding_catalog() {
    static const std::vector<FindingKind> kinds = {
        // The roster: references between personas, accounts, groups, operators and KOCs.
        {"roles.duplicate_id", "roles"},
        {"roles.no_persona", "roles"},
        {"roles.unknown_persona", "roles"},
        {"roles.no_operator", "roles"},
        {"roles.unknown_operator", "roles"},
        {"roles.no_owner", "roles"},
        {"roles.unknown_owner", "roles"},
        {"roles.koc_unknown_group", "roles"},
        {"roles.persona_no_account", "roles"},
        // Tiers from the orders against the personas that serve them.
        {"roles.tier_unserved", "roles"},
        {"roles.persona_unknown_tier", "roles"},
        // Capacity: account and group caps (the platform rule's id), runways, QR codes.
        {"wechat.friend_cap", "roles"},
        {"wecom.customer_cap", "roles"},
        {"roles.account_cap", "roles"},
        {"roles.no_cap", "roles"},
        {"roles.persona_capacity", "roles"},
        {"roles.persona_groups", "roles"},
        {"wecom.company_customer_cap", "roles"},
        {"group.cap", "roles"},
        {"group.cap_wechat_created", "roles"},
        {"qq.group_cap", "roles"},
        {"group.qr_member_limit", "roles"},
        {"group.qr_days", "roles"},
        {"wecom.group_qr_days", "roles"},
        // Concentration and workload.
        {"roles.max_account_share", "roles"},
        {"roles.operator_hours", "roles"},
        // The content calendar.
        {"calendar.touches_day", "calendar"},
        {"calendar.touches_week", "calendar"},
        {"wecom.mass_quota", "calendar"},
        {"calendar.promo_ratio", "calendar"},
        {"calendar.promo_ratio_persona", "calendar"},
        {"calendar.quiet_hours", "calendar"},
        {"calendar.coupon_overlap", "calendar"},
        {"calendar.promo_overlap", "calendar"},
        {"calendar.festival_gap", "calendar"},
        // Content compliance and mix (assess_content.cpp): fixed where the content is — the
        // Calendar for items and SOP steps, Personas for scripts and a persona's mix.
        {"content.absolute_term", "content"},
        {"content.medical_claim", "content"},
        {"content.cosmetics_claim", "content"},
        {"content.taboo_word", "content"},
        {"content.mix_off", "content"},
        // The economics plan against the roster.
        {"plan.pool_capacity", "plan"},
    };
    return kinds;
}

const FindingKind* finding_kind(const std::string& rule) {
    for (const FindingKind& k : finding_catalog())
        if (rule == k.id) return &k;
    return nullptr;
}

}  // namespace yt
