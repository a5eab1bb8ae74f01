// profile.hpp — four-dimension customer profile counts (用户画像四维).
//
// Dimensions: basic attributes (gender, city, ...), preferences (category, ...), behaviour
// (channel, device, ...) — taken from the OrderTable's AttributeColumns by their `dimension` —
// and commercial value, which is computed here: the 8 segments, the M-score value bands and the
// lifecycle stages. Every attribute value is also counted per segment, so a view can show what
// 重要价值客户 look like compared with everyone else.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/orders.hpp"
#include "core/tiering/lifecycle.hpp"
#include "core/tiering/rfm.hpp"
#include "core/tiering/segments.hpp"

namespace yt {

struct AttributeProfile {
    std::string name;       // attribute key, e.g. "city"
    std::string dimension;  // "basic", "preference", "behaviour" (as imported)
    std::vector<std::string> values;
    std::vector<std::uint32_t> counts;  // per value
    std::uint32_t unknown = 0;          // customers without a value
    // per value: customers in each segment; index kSegments = without a segment
    std::vector<std::array<std::uint32_t, kSegments + 1>> by_segment;
};

struct ProfileCounts {
    std::vector<AttributeProfile> attributes;                // basic / preference / behaviour
    std::array<std::uint32_t, kSegments> segments{};         // commercial value: 8 segments
    std::vector<std::uint32_t> value_bands;                  // commercial value: customers per M score 1..bins
    std::array<std::uint32_t, kStages> stages{};             // lifecycle
    std::uint32_t customers = 0, buyers = 0;
};

// Any of rfm / lifecycle may be null (their counts stay empty / zero).
ProfileCounts profile_counts(const OrderTable& t, const Segmentation& seg, const RfmScores* rfm,
                             const Lifecycle* lifecycle);

}  // namespace yt
