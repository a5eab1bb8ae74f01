// import_change.cpp — segment migration between the plan's orders and a new import, kept as
// aggregates (see import_change.hpp).
#include "core/plan/import_change.hpp"

#include <algorithm>

#include "core/tiering/migration.hpp"
#include "core/tiering/summary.hpp"

namespace yt {

std::optional<SegmentChange> import_change(const OrderTable* before, const Tiers* before_tiers,
                                           const DatasetInfo& before_info, const OrderTable& after,
                                           const TieringSettings& settings) {
    if (!before || !before_tiers || before_tiers->segments.segment.empty()) return std::nullopt;
    auto idx = build_order_index(after);
    if (!idx) return std::nullopt;
    TieringSettings s = settings;
    s.as_of_day = 0;  // each file as of its own last order
    auto t = compute_tiers(after, *idx, s);
    if (!t) return std::nullopt;
    const Migration m = segment_migration(before->customer_ids, before_tiers->segments.segment, after.customer_ids,
                                          t->segments.segment);
    SegmentChange c;
    c.from_name = before_info.name;
    c.from_imported_at = before_info.imported_at;
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
