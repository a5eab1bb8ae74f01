// migration.cpp — matching two imports by external customer id and counting segment moves.
#include "core/tiering/migration.hpp"

#include <algorithm>
#include <limits>
#include <string_view>

#include "core/io/interner.hpp"
#include "core/model/parts.hpp"

namespace yt {

std::uint32_t Migration::stayed() const {
    std::uint32_t s = 0;
    for (int i = 0; i < kSegments; ++i) s += matrix[static_cast<std::size_t>(i)][static_cast<std::size_t>(i)];
    return s;
}

namespace {
int seg_at(const std::vector<std::uint8_t>& v, std::size_t i) { return i < v.size() && v[i] < kSegments ? v[i] : -1; }
}  // namespace

MigrationRun::MigrationRun(const StringPool& from_ids, const std::vector<std::uint8_t>& from_seg, const StringPool& to_ids,
                           const std::vector<std::uint8_t>& to_seg)
    : from_(&from_ids.values()), from_seg_(&from_seg), to_(&to_ids.values()), to_seg_(&to_seg) {
    while (table_size_ < from_->size() * 2) table_size_ <<= 1;
    // Reserved here, written by the Table steps (the capacity stays where it is).
    slots_.reserve(table_size_);
    seen_.reserve(from_->size());
}

std::uint32_t MigrationRun::find(std::string_view id) const {
    const std::uint64_t h = io::hash_bytes(id.data(), id.size());
    const std::uint64_t tag = h >> 32 << 32;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0) return kNone;
        // The hash's high half is kept in the slot: an id is compared only when it matches.
        if ((slot & ~0xffffffffull) == tag) {
            const auto k = static_cast<std::uint32_t>(slot) - 1;
            if ((*from_)[k] == id) return k;
        }
    }
}

bool MigrationRun::step(std::size_t count) {
    count = std::max<std::size_t>(count, 1);
    const std::vector<std::string>& fv = *from_;
    const std::vector<std::string>& tv = *to_;
    switch (phase_) {
        case Phase::Table: {  // two empty slots and a "not matched" per earlier id
            slots_.resize(part_end(slots_.size(), std::min(count, table_size_) * 2, table_size_), 0);
            seen_.resize(part_end(seen_.size(), count, fv.size()), 0);
            if (slots_.size() == table_size_ && seen_.size() == fv.size()) phase_ = Phase::Index;
            return true;
        }
        case Phase::Index: {  // the earlier ids (distinct: a StringPool's values)
            const std::size_t end = part_end(next_, count, fv.size());
            const std::size_t mask = slots_.size() - 1;
            for (std::size_t k = next_; k < end; ++k) {
                const std::uint64_t h = io::hash_bytes(fv[k].data(), fv[k].size());
                std::size_t i = static_cast<std::size_t>(h) & mask;
                while (slots_[i] != 0) i = (i + 1) & mask;
                slots_[i] = (h >> 32 << 32) | (k + 1);
            }
            next_ = end;
            if (next_ == fv.size()) {
                phase_ = Phase::Match;
                next_ = 0;
            }
            return true;
        }
        case Phase::Match: {
            const std::size_t end = part_end(next_, count, tv.size());
            for (std::size_t j = next_; j < end; ++j) {
                const int to = seg_at(*to_seg_, j);
                const std::uint32_t at = find(tv[j]);
                int from = -1;
                if (at != kNone) {
                    seen_[at] = 1;
                    from = seg_at(*from_seg_, at);
                }
                if (to >= 0 && from >= 0) {
                    ++m_.matrix[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
                    ++m_.matched;
                } else if (to >= 0) {
                    ++m_.new_in[static_cast<std::size_t>(to)];
                    ++m_.new_total;
                } else if (from >= 0) {
                    ++m_.gone_from[static_cast<std::size_t>(from)];
                    ++m_.gone_total;
                }
            }
            next_ = end;
            if (next_ == tv.size()) {
                phase_ = Phase::Gone;
                next_ = 0;
            }
            return true;
        }
        case Phase::Gone: {  // earlier customers no later id matched
            const std::size_t end = part_end(next_, count, fv.size());
            for (std::size_t i = next_; i < end; ++i) {
                if (seen_[i]) continue;
                const int from = seg_at(*from_seg_, i);
                if (from < 0) continue;
                ++m_.gone_from[static_cast<std::size_t>(from)];
                ++m_.gone_total;
            }
            next_ = end;
            if (next_ < fv.size()) return true;
            phase_ = Phase::Done;
            slots_ = {};
            seen_ = {};
            return false;
        }
        case Phase::Done: return false;
    }
    return false;
}

Migration MigrationRun::take() {
    while (step(std::numeric_limits<std::size_t>::max())) {
    }
    return m_;
}

Migration segment_migration(const StringPool& from_ids, const std::vector<std::uint8_t>& from_seg,
                            const StringPool& to_ids, const std::vector<std::uint8_t>& to_seg) {
    return MigrationRun(from_ids, from_seg, to_ids, to_seg).take();
}

}  // namespace yt
