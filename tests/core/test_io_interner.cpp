// test_io_interner.cpp — the importer's string -> id table: ids in first-seen order, lookups,
// growth, and a table written in parts equal to one reserved at once.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/io/interner.hpp"

using yt::io::hash_bytes;
using yt::io::Interner;

namespace {

// Short, inline-length and long keys, with repeats.
std::vector<std::string> keys(int n) {
    std::vector<std::string> k;
    for (int i = 0; i < n; ++i) {
        const std::string base = std::to_string(i * 7919 % 5003);
        k.push_back(i % 3 == 0 ? base : i % 3 == 1 ? "customer-" + base : "a-long-customer-identifier-" + base);
    }
    return k;
}

}  // namespace

TEST_CASE("A table written in parts interns as one reserved at once", "[io][interner]") {
    const auto k = keys(20000);
    Interner whole;
    whole.reserve(6000);
    Interner parts;
    int calls = 1;
    while (!parts.reserve_in_parts(6000, 1000)) ++calls;
    CHECK(calls == 17);  // 16,384 slots: the 16 it had, then 1,000 a call
    CHECK(parts.reserve_in_parts(6000, 1000));  // ready stays ready
    for (const auto& s : k) {
        bool a = false, b = false;
        const auto ia = whole.intern(s, a);
        const auto ib = parts.intern(s, b);
        REQUIRE(ia == ib);
        REQUIRE(a == b);
    }
    REQUIRE(parts.size() == whole.size());
    CHECK(parts.size() > 8192);  // past the reserved table: it grew
    for (std::uint32_t id = 0; id < parts.size(); ++id) {
        REQUIRE(parts.at(id) == whole.at(id));
        const std::string_view s = parts.at(id);
        REQUIRE(parts.find_hashed(s, hash_bytes(s.data(), s.size())) == id);
    }
    CHECK(parts.find_hashed("absent", hash_bytes("absent", 6)) == Interner::kNotFound);
}

TEST_CASE("Parts are not needed for a small table or one already holding keys", "[io][interner]") {
    Interner small;
    CHECK(small.reserve_in_parts(100, 1000));  // 256 slots in the first call
    Interner used;
    CHECK(used.intern("x") == 0);
    CHECK(used.reserve_in_parts(100000, 10));  // rehashes what it holds at once
    CHECK(used.intern("x") == 0);
    CHECK(used.intern("y") == 1);
}

TEST_CASE("Keys of every length read back as given, through the key memory's growth and copies", "[io][interner]") {
    // Lengths 0 to 40 cover each way a key is copied in (short, 4-7, 8-16, longer), in a table
    // never reserved, so the key memory grows from nothing as they come.
    std::vector<std::string> k;
    for (int n = 0; n <= 40; ++n)
        for (int v = 0; v < 3; ++v) {
            std::string s;
            for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('a' + (i * 7 + v * 3 + n) % 26));
            k.push_back(s);
        }
    Interner t;
    std::vector<std::uint32_t> ids;
    for (const auto& s : k) ids.push_back(t.intern(s));
    Interner copy = t;  // a parallel import's parts start as copies of one set-up
    for (std::size_t i = 0; i < k.size(); ++i) {
        REQUIRE(t.at(ids[i]) == k[i]);
        REQUIRE(copy.at(ids[i]) == k[i]);
        REQUIRE(t.intern(k[i]) == ids[i]);
        REQUIRE(copy.intern(k[i]) == ids[i]);
    }
    CHECK(copy.intern("not in t") == t.size());  // the copy grows on its own ...
    CHECK(t.find_hashed("not in t", hash_bytes("not in t", 8)) == Interner::kNotFound);  // ... not t
    t.drop_index();
    t.append_unindexed("appended after the index is gone");
    CHECK(t.at(static_cast<std::uint32_t>(t.size() - 1)) == "appended after the index is gone");
    CHECK(t.at(ids.back()) == k.back());
}
