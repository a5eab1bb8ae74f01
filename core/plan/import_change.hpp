// import_change.hpp — what changed between the orders the plan had and a newly imported file:
// how many customers moved between the 8 segments, how many are new, how many are gone.
//
// Only aggregates are kept (SegmentChange, saved with the dataset in the workspace, so the
// Dashboard can still say it after a reload and an undo of the import takes it away): no
// customer ids leave the orders. Both files are segmented with the same settings, each as of its
// own last order date, and customers are matched by id (core/tiering/migration.hpp).
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

#include "core/model/orders.hpp"
#include "core/tiering/tiering.hpp"
#include "core/tiering/tiering_settings.hpp"

namespace yt {

// nullopt when there is nothing to compare with (no earlier orders or tiers) or the new file
// cannot be segmented with `settings`.
std::optional<SegmentChange> import_change(const OrderTable* before, const Tiers* before_tiers,
                                           const DatasetInfo& before_info, const OrderTable& after,
                                           const TieringSettings& settings);

struct SegmentMove {
    int from = 0, to = 0;  // segment indexes
    std::uint32_t customers = 0;
};
// The `n` largest moves between different segments, largest first (ties: segment order).
std::vector<SegmentMove> largest_moves(const SegmentChange& c, std::size_t n);
// Customers matched in both files who changed segment.
std::uint32_t moved_customers(const SegmentChange& c);

}  // namespace yt
