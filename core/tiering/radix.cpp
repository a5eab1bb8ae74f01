// radix.cpp — LSD radix sort (11-bit digits, constant digits skipped) and histogram selection.
#include "core/tiering/radix.hpp"

#include <algorithm>

namespace yt {

void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>* payload) {
    const std::size_t n = keys.size();
    if (n < 2) return;
    std::uint64_t all_or = 0, all_and = ~0ull;
    for (std::uint64_t k : keys) { all_or |= k; all_and &= k; }
    const std::uint64_t varying = all_or ^ all_and;  // bits that differ between some keys
    constexpr int kBits = 11;
    constexpr std::uint64_t kMask = (1u << kBits) - 1;
    std::vector<std::uint64_t> ktmp(n);
    std::vector<std::uint32_t> ptmp(payload ? n : 0);
    std::vector<std::uint32_t> count(std::size_t{1} << kBits);
    for (int shift = 0; shift < 64; shift += kBits) {
        if (((varying >> shift) & kMask) == 0) continue;
        std::fill(count.begin(), count.end(), 0u);
        for (std::uint64_t k : keys) ++count[(k >> shift) & kMask];
        std::uint32_t sum = 0;
        for (auto& c : count) { std::uint32_t t = c; c = sum; sum += t; }
        if (payload) {
            for (std::size_t i = 0; i < n; ++i) {
                const std::uint32_t pos = count[(keys[i] >> shift) & kMask]++;
                ktmp[pos] = keys[i];
                ptmp[pos] = (*payload)[i];
            }
            payload->swap(ptmp);
        } else {
            for (std::size_t i = 0; i < n; ++i) ktmp[count[(keys[i] >> shift) & kMask]++] = keys[i];
        }
        keys.swap(ktmp);
    }
}

std::vector<std::uint64_t> keys_at_ranks(const std::vector<std::uint64_t>& keys, const std::vector<std::size_t>& ranks) {
    std::vector<std::uint64_t> out(ranks.size(), 0);
    const std::size_t n = keys.size();
    if (n == 0 || ranks.empty()) return out;
    std::uint64_t all_or = 0, all_and = ~0ull;
    for (std::uint64_t k : keys) { all_or |= k; all_and &= k; }
    const std::uint64_t varying = all_or ^ all_and;
    if (varying == 0) {
        std::fill(out.begin(), out.end(), keys[0]);
        return out;
    }
    int top = 63;
    while (!((varying >> top) & 1)) --top;
    const int shift = top >= 15 ? top - 15 : 0;  // bucket = the 16 highest varying bits
    std::vector<std::uint32_t> count(65536, 0);
    for (std::uint64_t k : keys) ++count[(k >> shift) & 0xffffu];
    // bucket of each rank and the rank inside it
    std::vector<std::uint32_t> bucket(ranks.size());
    std::vector<std::size_t> inner(ranks.size());
    std::vector<std::int32_t> slot_of(65536, -1);
    std::vector<std::vector<std::uint64_t>> collected;
    for (std::size_t r = 0; r < ranks.size(); ++r) {
        std::size_t want = std::min(ranks[r], n - 1), before = 0;
        std::uint32_t b = 0;
        while (before + count[b] <= want) before += count[b++];
        bucket[r] = b;
        inner[r] = want - before;
        if (slot_of[b] < 0) {
            slot_of[b] = static_cast<std::int32_t>(collected.size());
            collected.emplace_back();
            collected.back().reserve(count[b]);
        }
    }
    for (std::uint64_t k : keys) {
        const std::int32_t s = slot_of[(k >> shift) & 0xffffu];
        if (s >= 0) collected[static_cast<std::size_t>(s)].push_back(k);
    }
    for (std::size_t r = 0; r < ranks.size(); ++r) {
        auto& v = collected[static_cast<std::size_t>(slot_of[bucket[r]])];
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(inner[r]), v.end());
        out[r] = v[inner[r]];
    }
    return out;
}

}  // namespace yt
