// import_change.cpp — segment migration between the plan's orders and a new import, kept as
// aggregates (see import_change.hpp).
#include "core/plan/import_change.hpp"

#include <algorithm>

#include "core/tiering/migration.hpp"
#include "core/tiering/summary.hpp"

namespace yt {

ImportChangeRun::ImportChangeRun(const OrderTable* before, const Tiers* before_tiers, const DatasetInfo& before_info,
                                 const OrderTable& after, std::shared_ptr<const OrderIndex> after_index,
                                 std::shared_ptr<const Tiers> after_tiers, const TieringSettings& settings)
    : before_(before), before_tiers_(before_tiers), from_name_(before_info.name),
      from_imported_at_(before_info.imported_at), after_(&after), index_(std::move(after_index)),
      after_tiers_(std::move(after_tiers)), settings_(settings) {
    settings_.as_of_day = 0;  // each file as of its own last order
    failed_ = !before || !before_tiers || before_tiers->segments.segment.empty() || !index_;
}

bool ImportChangeRun::step() {
    if (failed_ || result_) return false;
    if (!after_tiers_) {  // the new file's tiers: its summary a range a step, then the builder's steps
        if (!builder_) {
            const SummaryOptions opt = summary_options(settings_);
            if (!summary_) summary_ = summary_start(*index_, opt);
            const std::size_t n = index_->customers();
            const std::size_t end = std::min(n, summarized_ + kRange);
            summarize_range(*index_, opt, summarized_, end, *summary_);
            summarized_ = end;
            if (summarized_ == n) {
                builder_ = std::make_unique<TiersBuilder>(std::move(*summary_), settings_);
                summary_.reset();
            }
            return true;
        }
        if (builder_->step()) return true;
        auto t = builder_->take();
        builder_.reset();
        if (!t) {
            failed_ = true;
            return false;
        }
        after_tiers_ = std::make_shared<const Tiers>(std::move(*t));
        return true;
    }
    if (!migration_)
        migration_.emplace(before_->customer_ids, before_tiers_->segments.segment, after_->customer_ids,
                           after_tiers_->segments.segment);
    if (migration_->step(kMatchRange)) return true;
    result_ = migration_->take();
    migration_.reset();
    return false;
}

std::optional<SegmentChange> ImportChangeRun::take() {
    while (step()) {
    }
    if (failed_ || !result_) return std::nullopt;
    const Migration& m = *result_;
    SegmentChange c;
    c.from_name = from_name_;
    c.from_imported_at = from_imported_at_;
    c.matrix.reserve(kSegments * kSegments);
    for (int a = 0; a < kSegments; ++a)
        for (int b = 0; b < kSegments; ++b) c.matrix.push_back(m.matrix[a][b]);
    c.new_in.assign(m.new_in.begin(), m.new_in.end());
    c.gone_from.assign(m.gone_from.begin(), m.gone_from.end());
    c.matched = m.matched;
    c.new_total = m.new_total;
    c.gone_total = m.gone_total;
    return c;
}

std::optional<SegmentChange> import_change(const OrderTable* before, const Tiers* before_tiers,
                                           const DatasetInfo& before_info, const OrderTable& after,
                                           const TieringSettings& settings) {
    if (!before || !before_tiers || before_tiers->segments.segment.empty()) return std::nullopt;
    auto idx = build_order_index(after);
    if (!idx) return std::nullopt;
    return ImportChangeRun(before, before_tiers, before_info, after, std::make_shared<const OrderIndex>(std::move(*idx)),
                           nullptr, settings)
        .take();
}

std::vector<SegmentMove> largest_moves(const SegmentChange& c, std::size_t n) {
    std::vector<SegmentMove> out;
    if (c.matrix.size() != static_cast<std::size_t>(kSegments * kSegments)) return out;
    for (int a = 0; a < kSegments; ++a)
        for (int b = 0; b < kSegments; ++b) {
            const std::uint32_t v = c.matrix[static_cast<std::size_t>(a * kSegments + b)];
            if (a != b && v > 0) out.push_back(SegmentMove{a, b, v});
        }
    std::stable_sort(out.begin(), out.end(), [](const SegmentMove& x, const SegmentMove& y) { return x.customers > y.customers; });
    if (out.size() > n) out.resize(n);
    return out;
}

std::uint32_t moved_customers(const SegmentChange& c) {
    std::uint32_t n = 0;
    if (c.matrix.size() != static_cast<std::size_t>(kSegments * kSegments)) return n;
    for (int a = 0; a < kSegments; ++a)
        for (int b = 0; b < kSegments; ++b)
            if (a != b) n += c.matrix[static_cast<std::size_t>(a * kSegments + b)];
    return n;
}

}  // namespace yt
