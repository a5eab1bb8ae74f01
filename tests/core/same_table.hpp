// same_table.hpp — the import tests' check that two order tables are the same, column by column:
// ids, names, phones, per-order customer, day, amount (bit for bit), owners, products, attributes.
#pragma once
#include <catch2/catch.hpp>

#include <cstring>

#include "core/model/orders.hpp"

namespace yt::test {

inline void check_same_table(const OrderTable& a, const OrderTable& b) {
    CHECK(a.customer_ids.values() == b.customer_ids.values());
    CHECK(a.customer_names == b.customer_names);
    CHECK(a.customer_phones == b.customer_phones);
    CHECK(a.customer == b.customer);
    CHECK(a.day == b.day);
    // Bit for bit (== would take -0 for 0).
    REQUIRE(a.amount.size() == b.amount.size());
    CHECK(std::memcmp(a.amount.data(), b.amount.data(), a.amount.size() * sizeof(double)) == 0);
    CHECK(a.owners.values() == b.owners.values());
    CHECK(a.products.values() == b.products.values());
    CHECK(a.owner == b.owner);
    CHECK(a.product == b.product);
    REQUIRE(a.attributes.size() == b.attributes.size());
    for (std::size_t k = 0; k < a.attributes.size(); ++k) {
        CHECK(a.attributes[k].name == b.attributes[k].name);
        CHECK(a.attributes[k].dimension == b.attributes[k].dimension);
        CHECK(a.attributes[k].values.values() == b.attributes[k].values.values());
        CHECK(a.attributes[k].of_customer == b.attributes[k].of_customer);
    }
}

}  // namespace yt::test
