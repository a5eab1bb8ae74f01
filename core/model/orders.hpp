// orders.hpp — imported order history as a columnar table (struct of arrays, interned ids).
//
// The importer (core/io) fills it; tiering (core/tiering) reads it. One row per order line as
// imported; a customer is an index into `customer_ids`. Profile attributes (gender, city, channel,
// ...) are per customer, stored as interned value indexes per attribute column.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/dates.hpp"

namespace yt {

// Interns strings to dense uint32 ids.
class StringPool {
public:
    std::uint32_t intern(std::string_view s) {
        auto it = index_.find(std::string(s));
        if (it != index_.end()) return it->second;
        auto id = static_cast<std::uint32_t>(values_.size());
        values_.emplace_back(s);
        index_.emplace(values_.back(), id);
        return id;
    }
    const std::string& at(std::uint32_t id) const { return values_[id]; }
    std::size_t size() const { return values_.size(); }
    const std::vector<std::string>& values() const { return values_; }
    void reserve(std::size_t n) { values_.reserve(n); index_.reserve(n); }
    void clear() { values_.clear(); index_.clear(); }

private:
    std::vector<std::string> values_;
    std::unordered_map<std::string, std::uint32_t> index_;
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

    std::size_t orders() const { return customer.size(); }
    std::size_t customers() const { return customer_ids.size(); }
    void add(std::uint32_t c, Day d, double a) { customer.push_back(c); day.push_back(d); amount.push_back(a); }
};

}  // namespace yt
