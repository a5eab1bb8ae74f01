// interner.cpp — the open-addressing string interner used by the importer (see interner.hpp).
#include "core/io/interner.hpp"

#include <algorithm>
#include <cstring>

namespace yt::io {

namespace {

inline std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

}  // namespace

std::uint64_t hash_bytes(const char* p, std::size_t n) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0x100000001B3ull);
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x9FB21C651E98DF25ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    std::uint64_t w = 0;
    if (n >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        w = (static_cast<std::uint64_t>(a) << 32) | b;
    } else if (n > 0) {
        w = (static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
            (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
            static_cast<unsigned char>(p[n - 1]);
    }
    return mix(h ^ w);
}

Interner::Interner() : offsets_(1, 0), slots_(16, Slot{kEmpty, 0, {}}), mask_(15) {}

Interner::Interner(const Interner& o) : offsets_(o.offsets_), slots_(o.slots_), mask_(o.mask_) {
    if (o.arena_cap_ > 0) {
        grow_arena(o.arena_cap_);
        if (offsets_.back() > 0) std::memcpy(arena_.get(), o.arena_.get(), offsets_.back());
    }
}

Interner& Interner::operator=(const Interner& o) {
    if (this != &o) *this = Interner(o);
    return *this;
}

Interner::Slot Interner::make_slot(std::uint32_t id, std::string_view s, std::uint64_t h) {
    Slot slot{id, 0, {}};
    if (s.size() <= kInline) {
        slot.len = static_cast<std::uint8_t>(s.size());
        if (!s.empty()) std::memcpy(slot.data, s.data(), s.size());
    } else {
        slot.len = kLong;
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        std::memcpy(slot.data, &tag, 4);
    }
    return slot;
}

bool Interner::slot_matches(const Slot& slot, std::string_view s, std::uint64_t h) const {
    if (s.size() <= kInline) return slot.len == s.size() && bytes_equal(slot.data, s.data(), s.size());
    if (slot.len != kLong) return false;
    std::uint32_t tag;
    std::memcpy(&tag, slot.data, 4);
    return tag == static_cast<std::uint32_t>(h >> 32) && equals(slot.id, s);
}

std::size_t Interner::table_size(std::size_t n) {
    std::size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    return cap;
}

void Interner::reserve_keys(std::size_t cap) {
    // Room for as many keys as the table takes before it grows again, short ones inline: the key
    // memory is not copied as it fills (untouched room costs nothing resident).
    offsets_.reserve(cap / 2 + 1);
    if (cap / 2 * kInline > arena_cap_) grow_arena(cap / 2 * kInline);
}

bool Interner::reserve_in_parts(std::size_t n, std::size_t max_slots) {
    const std::size_t cap = table_size(n);
    if (cap <= mask_ + 1) return true;  // ready (also once it has grown past n)
    if (size() > 0 || max_slots >= cap) {
        reserve(n);
        return true;
    }
    if (slots_.capacity() < cap) {  // the first part: the old 16 slots stay usable until the last
        reserve_keys(cap);
        std::vector<Slot> fresh;
        fresh.reserve(cap);
        fresh.assign(slots_.begin(), slots_.end());
        slots_.swap(fresh);
    }
    slots_.resize(std::min(cap, slots_.size() + std::max<std::size_t>(max_slots, 1)), Slot{kEmpty, 0, {}});
    if (slots_.size() < cap) return false;
    mask_ = cap - 1;
    return true;
}

void Interner::reserve(std::size_t n) {
    const std::size_t cap = table_size(n);
    if (cap <= slots_.size()) return;
    reserve_keys(cap);
    slots_.assign(cap, Slot{kEmpty, 0, {}});
    mask_ = cap - 1;
    for (std::uint32_t id = 0; id < size(); ++id) {
        const std::string_view s = at(id);
        const std::uint64_t h = hash_bytes(s.data(), s.size());
        std::size_t i = static_cast<std::size_t>(h) & mask_;
        while (slots_[i].id != kEmpty) i = (i + 1) & mask_;
        slots_[i] = make_slot(id, s, h);
    }
}

void Interner::grow() { reserve(slots_.size()); }

void Interner::grow_arena(std::size_t need) {
    const std::size_t cap = std::max(need, arena_cap_ * 2);
    std::unique_ptr<char[]> fresh(new char[cap]);  // not zeroed: untouched room costs nothing resident
    if (arena_ && offsets_.back() > 0) std::memcpy(fresh.get(), arena_.get(), offsets_.back());
    arena_ = std::move(fresh);
    arena_cap_ = cap;
}

void Interner::drop_index() {
    std::vector<Slot>().swap(slots_);
    mask_ = 0;
}

std::uint32_t Interner::intern_hashed(std::string_view s, std::uint64_t h, bool& added) {
    const std::size_t i = probe(s, h);
    if (slots_[i].id != kEmpty) {
        added = false;
        return slots_[i].id;
    }
    const auto id = static_cast<std::uint32_t>(size());
    slots_[i] = make_slot(id, s, h);
    put_key(s);
    added = true;
    if ((size() + 1) * 2 > slots_.size()) grow();
    return id;
}

}  // namespace yt::io
