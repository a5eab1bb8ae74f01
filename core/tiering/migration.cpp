// migration.cpp — matching two imports by external customer id and counting segment moves.
#include "core/tiering/migration.hpp"

#include <string_view>
#include <unordered_map>

namespace yt {

std::uint32_t Migration::stayed() const {
    std::uint32_t s = 0;
    for (int i = 0; i < kSegments; ++i) s += matrix[static_cast<std::size_t>(i)][static_cast<std::size_t>(i)];
    return s;
}

Migration segment_migration(const StringPool& from_ids, const std::vector<std::uint8_t>& from_seg,
                            const StringPool& to_ids, const std::vector<std::uint8_t>& to_seg) {
    Migration m;
    const auto& fv = from_ids.values();
    const auto& tv = to_ids.values();
    std::unordered_map<std::string_view, std::uint32_t> from_index;
    from_index.reserve(fv.size());
    for (std::size_t i = 0; i < fv.size(); ++i) from_index.emplace(fv[i], static_cast<std::uint32_t>(i));
    auto seg_at = [](const std::vector<std::uint8_t>& v, std::size_t i) -> int {
        return i < v.size() && v[i] < kSegments ? v[i] : -1;
    };
    std::vector<std::uint8_t> seen(fv.size(), 0);
    for (std::size_t j = 0; j < tv.size(); ++j) {
        const int to = seg_at(to_seg, j);
        auto it = from_index.find(tv[j]);
        int from = -1;
        if (it != from_index.end()) {
            seen[it->second] = 1;
            from = seg_at(from_seg, it->second);
        }
        if (to >= 0 && from >= 0) {
            ++m.matrix[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
            ++m.matched;
        } else if (to >= 0) {
            ++m.new_in[static_cast<std::size_t>(to)];
            ++m.new_total;
        } else if (from >= 0) {
            ++m.gone_from[static_cast<std::size_t>(from)];
            ++m.gone_total;
        }
    }
    for (std::size_t i = 0; i < fv.size(); ++i) {
        if (seen[i]) continue;
        const int from = seg_at(from_seg, i);
        if (from < 0) continue;
        ++m.gone_from[static_cast<std::size_t>(from)];
        ++m.gone_total;
    }
    return m;
}

}  // namespace yt
