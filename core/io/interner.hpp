// interner.hpp — a fast string -> dense id table for the importer (customer ids, attribute values).
//
// Open addressing with linear probing. Keys are copied once into one arena; keys of up to 11 bytes
// (most customer ids and phone numbers) are also kept in their 16-byte slot, so a lookup is one
// cache miss, and longer keys keep a 32-bit hash tag there. Lookups take a string_view and never
// allocate. Hand-written because std::unordered_map<std::string, ...> costs a node allocation and a
// std::string per key, too slow for a million customers within the import budget, and no allowed
// dependency offers a flat hash map.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace yt::io {

std::uint64_t hash_bytes(const char* p, std::size_t n);

// a == b for n bytes; inline word compares (ids are short: a libc memcmp call costs more).
inline bool bytes_equal(const char* a, const char* b, std::size_t n) {
    while (n >= 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y) return false;
        a += 8;
        b += 8;
        n -= 8;
    }
    while (n > 0) {
        if (*a++ != *b++) return false;
        --n;
    }
    return true;
}

class Interner {
public:
    Interner();
    Interner(const Interner& o);
    Interner& operator=(const Interner& o);
    Interner(Interner&&) noexcept = default;
    Interner& operator=(Interner&&) noexcept = default;
    // The id of `s`, adding it (id = size() before the call) when new; `added` tells which.
    std::uint32_t intern(std::string_view s, bool& added) {
        return intern_hashed(s, hash_bytes(s.data(), s.size()), added);
    }
    std::uint32_t intern(std::string_view s) {
        bool added;
        return intern(s, added);
    }
    // The same with h = hash_bytes(s).
    std::uint32_t intern_hashed(std::string_view s, std::uint64_t h, bool& added);
    // The id of `s` (h = hash_bytes(s)), or kNotFound. Only reads: threads may look up at once.
    static constexpr std::uint32_t kNotFound = 0xffffffffu;
    std::uint32_t find_hashed(std::string_view s, std::uint64_t h) const { return slots_[probe(s, h)].id; }
    // Adds `s`, known to be absent, as id size() without indexing it: only after drop_index().
    void append_unindexed(std::string_view s) { put_key(s); }

    // Reads the home slot of hash h. Lookups in a million-key table are cache misses; a batch of
    // these independent loads, done just before the lookups, lets the CPU overlap them.
    std::uint32_t touch(std::uint64_t h) const { return slots_[static_cast<std::size_t>(h) & mask_].id; }

    std::size_t size() const { return offsets_.size() - 1; }
    std::string_view at(std::uint32_t id) const {
        return std::string_view(arena_.get() + offsets_[id], static_cast<std::size_t>(offsets_[id + 1] - offsets_[id]));
    }
    // at(id) == s, without building a view.
    bool equals(std::uint32_t id, std::string_view s) const {
        const std::uint64_t a = offsets_[id];
        return offsets_[id + 1] - a == s.size() && bytes_equal(arena_.get() + a, s.data(), s.size());
    }
    // Sizes the table for n keys (and the key memory for as many as it takes before it grows).
    void reserve(std::size_t n);
    // The same for an empty table, writing at most `max_slots` of its slots per call, so a caller
    // that must keep each call short (a browser frame: writing fresh wasm memory is slow) spreads
    // the writing out; true once the table is ready. Nothing may be interned before then.
    bool reserve_in_parts(std::size_t n, std::size_t max_slots);
    // Frees the lookup table (at() and size() still work; intern() must not be called again).
    void drop_index();

private:
    static constexpr std::uint32_t kEmpty = kNotFound;
    static constexpr std::size_t kInline = 11;
    static constexpr std::uint8_t kLong = 0xff;
    struct Slot {
        std::uint32_t id;    // kEmpty = free
        std::uint8_t len;    // key length if <= kInline, else kLong
        char data[kInline];  // the key (zero-padded), or for long keys the 32-bit hash tag
    };
    static_assert(sizeof(Slot) == 16, "16-byte slots");
    static std::size_t table_size(std::size_t n);  // slots for n keys: a power of two >= 2n
    void reserve_keys(std::size_t cap);             // key memory for the cap / 2 keys a table holds
    static Slot make_slot(std::uint32_t id, std::string_view s, std::uint64_t h);
    bool slot_matches(const Slot& slot, std::string_view s, std::uint64_t h) const;
    // The slot holding `s`, or the free slot where it would go.
    std::size_t probe(std::string_view s, std::uint64_t h) const {
        std::size_t i = static_cast<std::size_t>(h) & mask_;
        while (slots_[i].id != kEmpty && !slot_matches(slots_[i], s, h)) i = (i + 1) & mask_;
        return i;
    }
    void grow();
    // Appends a key to the arena and records its end. Short keys are copied with fixed-size
    // moves, not a library call per key (a million of them in a large import).
    void put_key(std::string_view s) {
        const std::size_t at = offsets_.back();
        if (at + s.size() > arena_cap_) grow_arena(at + s.size());
        copy_key(arena_.get() + at, s.data(), s.size());
        offsets_.push_back(at + s.size());
    }
    static void copy_key(char* d, const char* s, std::size_t n) {
        if (n >= 8 && n <= 16) {
            std::uint64_t a, b;
            std::memcpy(&a, s, 8);
            std::memcpy(&b, s + n - 8, 8);
            std::memcpy(d, &a, 8);
            std::memcpy(d + n - 8, &b, 8);
        } else if (n >= 4 && n < 8) {
            std::uint32_t a, b;
            std::memcpy(&a, s, 4);
            std::memcpy(&b, s + n - 4, 4);
            std::memcpy(d, &a, 4);
            std::memcpy(d + n - 4, &b, 4);
        } else if (n < 4) {
            for (std::size_t i = 0; i < n; ++i) d[i] = s[i];
        } else {
            std::memcpy(d, s, n);
        }
    }
    void grow_arena(std::size_t need);  // room for at least `need` bytes (not zeroed)

    std::unique_ptr<char[]> arena_;  // the keys, end to end (offsets_.back() bytes used)
    std::size_t arena_cap_ = 0;
    std::vector<std::uint64_t> offsets_;  // size() + 1 entries
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

}  // namespace yt::io
