// lifecycle.cpp — lifecycle stage assignment from first purchase and recency.
#include "core/tiering/lifecycle.hpp"

#include <string>

namespace yt {

namespace {
const char* const kStageKeys[kStages] = {"new", "active", "dormant", "churned"};
}

const char* stage_key(int s) { return s >= 0 && s < kStages ? kStageKeys[s] : "none"; }
std::string stage_name_key(int s) { return std::string("tiering.stage.") + stage_key(s); }

Result<Lifecycle> lifecycle_stages(const CustomerSummary& s, const LifecycleThresholds& th) {
    if (th.new_days < 0 || th.active_days <= 0 || th.dormant_days < th.active_days)
        return Error("tiering.bad_lifecycle", {std::to_string(th.new_days), std::to_string(th.active_days),
                                               std::to_string(th.dormant_days)});
    Lifecycle out;
    out.thresholds = th;
    const std::size_t n = s.size();
    out.stage.assign(n, kNoStage);
    for (std::size_t i = 0; i < n; ++i) {
        if (s.orders[i] <= 0) continue;
        int st;
        if (s.as_of - s.first[i] < th.new_days) st = 0;
        else if (s.recency[i] < th.active_days) st = 1;
        else if (s.recency[i] < th.dormant_days) st = 2;
        else st = 3;
        out.stage[i] = static_cast<std::uint8_t>(st);
        ++out.counts[static_cast<std::size_t>(st)];
    }
    return out;
}

Result<Lifecycle> lifecycle_from_settings(const CustomerSummary& s, const TieringSettings& t) {
    return lifecycle_stages(s, LifecycleThresholds{t.new_days, t.active_days, t.dormant_days});
}

}  // namespace yt
