// concentration.cpp — per-account shares of revenue, high-value customers and friends.
#include "core/roles/concentration.hpp"

#include <algorithm>

namespace yt {

ConcentrationReport concentration(const RolesPlan& plan, double threshold,
                                  const std::map<std::string, AccountValue>& values) {
    ConcentrationReport r;
    r.threshold = threshold;
    double total_friends = 0, total_revenue = 0, total_hv = 0;
    bool stored_share = false;
    for (const auto& a : plan.accounts) {
        total_friends += std::max(0, a.friends);
        stored_share = stored_share || a.revenue_share > 0;
        auto it = values.find(a.id);
        if (it != values.end()) {
            total_revenue += std::max(0.0, it->second.revenue);
            total_hv += std::max(0.0, it->second.high_value);
        }
    }
    const bool by_value = total_revenue > 0 || total_hv > 0;
    r.basis = by_value ? "value" : stored_share ? "revenue_share" : "friends";
    for (const auto& a : plan.accounts) {
        AccountShare s;
        s.id = a.id;
        s.friends_share = total_friends > 0 ? std::max(0, a.friends) / total_friends : 0;
        if (by_value) {
            auto it = values.find(a.id);
            if (it != values.end()) {
                if (total_revenue > 0) s.revenue_share = std::max(0.0, it->second.revenue) / total_revenue;
                if (total_hv > 0) s.high_value_share = std::max(0.0, it->second.high_value) / total_hv;
            }
            s.share = std::max(s.revenue_share, s.high_value_share);
        } else if (stored_share) {
            s.revenue_share = a.revenue_share;
            s.share = a.revenue_share;
        } else {
            s.share = s.friends_share;
        }
        s.over = s.share > threshold;
        r.max_share = std::max(r.max_share, s.share);
        r.accounts.push_back(s);
    }
    return r;
}

}  // namespace yt
