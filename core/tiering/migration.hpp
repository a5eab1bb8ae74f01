// migration.hpp — segment migration between two imports of the same shop.
//
// Customers are matched by external id (OrderTable::customer_ids). The result is an 8×8 matrix
// matrix[from][to] over customers segmented in both imports, plus per segment the customers who
// are "new" (segmented in the later import only: absent from the earlier one or without a
// purchase there) and "gone" (segmented in the earlier import only).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
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

// segment_migration() a range of customers at a time, for callers that must not block for a
// million of them (the app, after a re-import): step(count) writes the ids' table for the next
// `count` earlier ids (two slots each: a million ids' table is 16 MB; written at once, with the
// first 100,000 ids indexed, it took 56-58 ms in the browser), or indexes the next `count`
// earlier ids, or matches the next `count` later ones, or counts the earlier customers not
// matched; true while work is left. take() does what is left and gives segment_migration()'s
// result (which is this run taken at once). The four arguments must outlive the run, unchanged.
class MigrationRun {
public:
    MigrationRun(const StringPool& from_ids, const std::vector<std::uint8_t>& from_seg, const StringPool& to_ids,
                 const std::vector<std::uint8_t>& to_seg);
    bool step(std::size_t count);
    Migration take();

private:
    enum class Phase { Table, Index, Match, Gone, Done };
    std::uint32_t find(std::string_view id) const;  // index into from_ids, or kNone
    static constexpr std::uint32_t kNone = 0xffffffffu;
    const std::vector<std::string>* from_;
    const std::vector<std::uint8_t>* from_seg_;
    const std::vector<std::string>* to_;
    const std::vector<std::uint8_t>* to_seg_;
    std::vector<std::uint64_t> slots_;  // open addressing: the id's hash high half | from index + 1; 0 = empty
    std::vector<std::uint8_t> seen_;    // per earlier customer: matched
    std::size_t table_size_ = 16;       // slots_ when written (a power of two, over twice the ids)
    Phase phase_ = Phase::Table;
    std::size_t next_ = 0;
    Migration m_;
};

}  // namespace yt
