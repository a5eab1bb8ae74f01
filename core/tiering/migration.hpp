// migration.hpp — segment migration between two imports of the same shop.
//
// Customers are matched by external id (OrderTable::customer_ids). The result is an 8×8 matrix
// matrix[from][to] over customers segmented in both imports, plus per segment the customers who
// are "new" (segmented in the later import only: absent from the earlier one or without a
// purchase there) and "gone" (segmented in the earlier import only).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/model/orders.hpp"
#include "core/tiering/segments.hpp"

namespace yt {

struct Migration {
    std::array<std::array<std::uint32_t, kSegments>, kSegments> matrix{};  // [from][to]
    std::array<std::uint32_t, kSegments> new_in{};     // by segment in `to`
    std::array<std::uint32_t, kSegments> gone_from{};  // by segment in `from`
    std::uint32_t matched = 0, new_total = 0, gone_total = 0;
    std::uint32_t stayed() const;  // sum of the diagonal
};

// from_seg / to_seg are per customer of the respective table (Segmentation::segment).
Migration segment_migration(const StringPool& from_ids, const std::vector<std::uint8_t>& from_seg,
                            const StringPool& to_ids, const std::vector<std::uint8_t>& to_seg);

}  // namespace yt
