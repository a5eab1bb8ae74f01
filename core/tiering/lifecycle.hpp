// lifecycle.hpp — lifecycle stages 新客 new / 活跃 active / 沉睡 dormant / 流失 churned.
//
// Rules, checked in this order, with thresholds from TieringSettings (days):
//   new      first purchase within new_days      (as_of - first < new_days)
//   active   last purchase within active_days    (recency < active_days)
//   dormant  last purchase within dormant_days   (recency < dormant_days)
//   churned  otherwise.
// "Within N days" is the N-day window ending on the as-of date: 0 … N-1 days ago.
// Customers without a purchase by the as-of date get kNoStage.
// i18n keys of the names: "tiering.stage.<key>".
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/result.hpp"
#include "core/tiering/summary.hpp"
#include "core/tiering/tiering_settings.hpp"

namespace yt {

constexpr int kStages = 4;
constexpr std::uint8_t kNoStage = 255;
enum class Stage : std::uint8_t { New = 0, Active = 1, Dormant = 2, Churned = 3 };

const char* stage_key(int s);  // "new", "active", "dormant", "churned"; "none" otherwise
std::string stage_name_key(int s);  // "tiering.stage.new"

struct LifecycleThresholds {
    int new_days = 30, active_days = 90, dormant_days = 180;
};

struct Lifecycle {
    LifecycleThresholds thresholds;
    std::vector<std::uint8_t> stage;  // per customer: 0..3 or kNoStage
    std::array<std::uint32_t, kStages> counts{};
};

// Errors: "tiering.bad_lifecycle" {new, active, dormant} unless 0 <= new and 0 < active <= dormant.
Result<Lifecycle> lifecycle_stages(const CustomerSummary& s, const LifecycleThresholds& th);
Result<Lifecycle> lifecycle_from_settings(const CustomerSummary& s, const TieringSettings& t);

}  // namespace yt
