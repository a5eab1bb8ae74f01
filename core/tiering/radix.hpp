// radix.hpp — LSD radix sort of 64-bit keys (optionally with a 32-bit payload) and order
// statistics without a full sort, for the tiering module's million-row passes: compressing
// (x, t_x, T) rows, RFM quantile cut-offs and medians.
//
// std::sort of 1M keys costs ~60 ms; this costs ~15 ms (11-bit digits, digits that are equal in
// every key skipped). Doubles are ranked through ordered_key(), which maps them to uint64 in the
// same order.
#pragma once
#include <cstdint>
#include <cstring>
#include <vector>

namespace yt {

// A uint64 whose unsigned order equals the numeric order of `v` (NaN sorts last).
inline std::uint64_t ordered_key(double v) {
    std::uint64_t u;
    std::memcpy(&u, &v, sizeof u);
    return (u >> 63) ? ~u : (u | 0x8000000000000000ull);
}

// The inverse of ordered_key.
inline double from_ordered_key(std::uint64_t k) {
    const std::uint64_t u = (k >> 63) ? (k & 0x7fffffffffffffffull) : ~k;
    double v;
    std::memcpy(&v, &u, sizeof v);
    return v;
}

// Sorts keys ascending; payload (if not null) is permuted alongside. Stable.
void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>* payload = nullptr);

// Order statistics without sorting everything: out[i] = the ranks[i]-th smallest key (0-based;
// ranks must be < keys.size()). One histogram pass on the top 16 varying bits, one pass
// collecting the keys of the buckets that hold a wanted rank, nth_element inside those.
std::vector<std::uint64_t> keys_at_ranks(const std::vector<std::uint64_t>& keys, const std::vector<std::size_t>& ranks);

}  // namespace yt
