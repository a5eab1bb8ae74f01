// import_change.hpp — what changed between the orders the plan had and a newly imported file:
// how many customers moved between the 8 segments, how many are new, how many are gone.
//
// Only aggregates are kept (SegmentChange, saved with the dataset in the workspace, so the
// Dashboard can still say it after a reload and an undo of the import takes it away): no
// customer ids leave the orders. Both files are segmented with the same settings, each as of its
// own last order date, and customers are matched by id (core/tiering/migration.hpp).
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/orders.hpp"
#include "core/tiering/migration.hpp"
#include "core/tiering/summary.hpp"
#include "core/tiering/tiering.hpp"
#include "core/tiering/tiering_settings.hpp"

namespace yt {

// nullopt when there is nothing to compare with (no earlier orders or tiers) or the new file
// cannot be segmented with `settings`.
std::optional<SegmentChange> import_change(const OrderTable* before, const Tiers* before_tiers,
                                           const DatasetInfo& before_info, const OrderTable& after,
                                           const TieringSettings& settings);

// import_change() a part at a time, for callers that must not block for a million customers (the
// app, after a re-import, between frames): the new file's summary a range at a time and its scores,
// segments and stages a step each — unless `after_tiers` are given, which must be the new file's
// tiers under the same settings as of its own last order (the app's model of it, when the plan's
// as-of date is the data's) — then the customers matched a range at a time (MigrationRun).
// step() does the next part and says whether one is left; take() does the rest and gives
// import_change()'s result (import_change() is this run taken at once). Every argument must
// outlive the run, unchanged; `after_index` is the new file's order index.
class ImportChangeRun {
public:
    static constexpr std::size_t kRange = 250000;       // customers summarized a part
    static constexpr std::size_t kMatchRange = 100000;  // ids indexed or matched a part (13-20 ms in the browser)
    ImportChangeRun(const OrderTable* before, const Tiers* before_tiers, const DatasetInfo& before_info,
                    const OrderTable& after, std::shared_ptr<const OrderIndex> after_index,
                    std::shared_ptr<const Tiers> after_tiers, const TieringSettings& settings);
    ImportChangeRun(const ImportChangeRun&) = delete;  // one run per change
    ImportChangeRun& operator=(const ImportChangeRun&) = delete;
    bool step();
    std::optional<SegmentChange> take();

private:
    const OrderTable* before_;
    const Tiers* before_tiers_;
    std::string from_name_, from_imported_at_;
    const OrderTable* after_;
    std::shared_ptr<const OrderIndex> index_;
    std::shared_ptr<const Tiers> after_tiers_;
    TieringSettings settings_;  // as_of_day 0: the new file as of its own last order
    bool failed_ = false;       // nothing to compare, or the new file cannot be segmented
    std::optional<CustomerSummary> summary_;
    std::size_t summarized_ = 0;
    std::unique_ptr<TiersBuilder> builder_;
    std::optional<MigrationRun> migration_;
    std::optional<Migration> result_;
};

struct SegmentMove {
    int from = 0, to = 0;  // segment indexes
    std::uint32_t customers = 0;
};
// The `n` largest moves between different segments, largest first (ties: segment order).
std::vector<SegmentMove> largest_moves(const SegmentChange& c, std::size_t n);
// Customers matched in both files who changed segment.
std::uint32_t moved_customers(const SegmentChange& c);

}  // namespace yt
