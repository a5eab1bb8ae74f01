// profile.cpp — per-attribute value counts, overall and per segment.
#include "core/tiering/profile.hpp"

namespace yt {

ProfileCounts profile_counts(const OrderTable& t, const Segmentation& seg, const RfmScores* rfm,
                             const Lifecycle* lifecycle) {
    ProfileCounts out;
    const std::size_t n = t.customers();
    out.customers = static_cast<std::uint32_t>(n);
    out.segments = seg.counts;
    for (auto c : seg.counts) out.buyers += c;
    if (rfm) {
        out.value_bands.assign(static_cast<std::size_t>(rfm->bins), 0);
        for (std::uint8_t s : rfm->m)
            if (s > 0) ++out.value_bands[s - 1u];
    }
    if (lifecycle) out.stages = lifecycle->counts;
    for (const AttributeColumn& col : t.attributes) {
        AttributeProfile p;
        p.name = col.name;
        p.dimension = col.dimension;
        p.values = col.values.values();
        const std::size_t nv = p.values.size();
        p.counts.assign(nv, 0);
        p.by_segment.assign(nv, {});
        for (std::size_t c = 0; c < n; ++c) {
            const std::uint32_t v = c < col.of_customer.size() ? col.of_customer[c] : AttributeColumn::kNoValue;
            if (v >= nv) { ++p.unknown; continue; }
            ++p.counts[v];
            const int s = c < seg.segment.size() && seg.segment[c] < kSegments ? seg.segment[c] : kSegments;
            ++p.by_segment[v][static_cast<std::size_t>(s)];
        }
        out.attributes.push_back(std::move(p));
    }
    return out;
}

}  // namespace yt
