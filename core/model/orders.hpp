// orders.hpp — imported order history as a columnar table (struct of arrays, interned ids).
//
// The importer (core/io) fills it; tiering (core/tiering) reads it. One row per order line as
// imported; a customer is an index into `customer_ids`. Profile attributes (gender, city, channel,
// ...) are per customer, stored as interned value indexes per attribute column.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <functional>
#include <vector>

#include "core/model/dates.hpp"

namespace yt {

// Interns strings to dense uint32 ids. Open addressing over a flat slot array (ids + 1, 0 = free,
// at most half full): a million customer ids cost one vector of strings and one of slots, instead
// of a million hash-map nodes to allocate and free.
class StringPool {
public:
    std::uint32_t intern(std::string_view s) {
        if ((values_.size() + 1) * 2 > slots_.size()) grow();
        std::size_t mask = slots_.size() - 1;
        for (std::size_t i = std::hash<std::string_view>{}(s) & mask;; i = (i + 1) & mask) {
            std::uint32_t slot = slots_[i];
            if (slot == 0) {
                auto id = static_cast<std::uint32_t>(values_.size());
                values_.emplace_back(s);
                slots_[i] = id + 1;
                return id;
            }
            if (values_[slot - 1] == s) return slot - 1;
        }
    }
    const std::string& at(std::uint32_t id) const { return values_[id]; }
    std::size_t size() const { return values_.size(); }
    const std::vector<std::string>& values() const { return values_; }
    void reserve(std::size_t n) {
        values_.reserve(n);
        std::size_t want = 16;
        while (want < std::max(n, values_.size() + 1) * 2) want <<= 1;  // adopted values not indexed yet
        if (want > slots_.size()) rehash(want);
    }
    void clear() {
        values_.clear();
        slots_.clear();
    }
    // Takes `values` as the pool (ids in their order). They must be distinct (an importer's
    // interner already made them so): no value is compared while indexing. They are indexed by
    // the first intern(), if any: most tables (a million customer ids) are never looked up by id.
    void adopt_distinct(std::vector<std::string>&& values) {
        values_ = std::move(values);
        std::vector<std::uint32_t>().swap(slots_);
    }

private:
    // Doubles the slots, or indexes every value at once after adopt_distinct().
    void grow() {
        std::size_t want = slots_.empty() ? 16 : slots_.size() * 2;
        while (want < (values_.size() + 1) * 2) want <<= 1;
        rehash(want);
    }
    void rehash(std::size_t n) {
        slots_.assign(n, 0);
        std::size_t mask = n - 1;
        for (std::size_t id = 0; id < values_.size(); ++id) {
            std::size_t i = std::hash<std::string_view>{}(values_[id]) & mask;
            while (slots_[i] != 0) i = (i + 1) & mask;
            slots_[i] = static_cast<std::uint32_t>(id + 1);
        }
    }
    std::vector<std::string> values_;
    std::vector<std::uint32_t> slots_;
};

// A per-customer attribute (profile field): name and the interned value of each customer
// (kNoValue where unknown).
struct AttributeColumn {
    static constexpr std::uint32_t kNoValue = 0xffffffffu;
    std::string name;       // canonical key, e.g. "gender", "city", "channel"
    std::string dimension;  // "basic", "preference", "behaviour", "value"
    StringPool values;
    std::vector<std::uint32_t> of_customer;  // indexed by customer
};

struct OrderTable {
    StringPool customer_ids;               // external id -> customer index
    std::vector<std::string> customer_names;  // optional; empty or one per customer
    std::vector<std::string> customer_phones; // optional; empty or one per customer
    std::vector<std::uint32_t> customer;   // per order: customer index
    std::vector<Day> day;                  // per order
    std::vector<double> amount;            // per order; negative = refund
    std::vector<AttributeColumn> attributes;
    // Optional per-order columns (empty vectors when the file has no such column; kNoValue for a
    // blank cell): the staff member / account that owns the customer (归属员工, 添加人, 客服, 导购)
    // and the product bought (商品名称, SKU, 货号), both interned.
    static constexpr std::uint32_t kNoValue = 0xffffffffu;
    StringPool owners, products;
    std::vector<std::uint32_t> owner, product;  // per order

    std::size_t orders() const { return customer.size(); }
    std::size_t customers() const { return customer_ids.size(); }
    void add(std::uint32_t c, Day d, double a) { customer.push_back(c); day.push_back(d); amount.push_back(a); }
};

}  // namespace yt
