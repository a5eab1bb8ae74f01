// fuzz_import.cpp — libFuzzer target for the order importer (core/io).
//
// Build and run with Debian's clang: `./build.sh fuzz 60` (tests/fuzz/run.sh).
// Each input is imported with default options, with an explicit mapping, and step by step in
// small chunks; the tables must be consistent and the stepwise result equal to the one-shot one.
// Both one-shot imports are also made in parts of a few bytes on threads (core/io/import_parts.cpp)
// and must equal one pass exactly.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/importer.hpp"

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

void check_table(const yt::OrderTable& t) {
    check(t.customer.size() == t.day.size() && t.day.size() == t.amount.size());
    for (std::uint32_t c : t.customer) check(c < t.customers());
    check(t.customer_names.empty() || t.customer_names.size() == t.customers());
    check(t.customer_phones.empty() || t.customer_phones.size() == t.customers());
    for (const auto& a : t.attributes) {
        check(a.of_customer.size() == t.customers());
        for (std::uint32_t v : a.of_customer) check(v == yt::AttributeColumn::kNoValue || v < a.values.size());
    }
    for (double v : t.amount) check(v == v);  // no NaN
    check(t.owner.empty() || t.owner.size() == t.orders());
    check(t.product.empty() || t.product.size() == t.orders());
    for (std::uint32_t v : t.owner) check(v == yt::OrderTable::kNoValue || v < t.owners.size());
    for (std::uint32_t v : t.product) check(v == yt::OrderTable::kNoValue || v < t.products.size());
}

void check_report(const yt::ImportReport& r, const yt::OrderTable& t) {
    check(r.rows_accepted == static_cast<std::int64_t>(t.orders()));
    check(r.rows_read == r.rows_accepted + r.rows_rejected + r.rows_excluded);
    check(r.rows_excluded == r.excluded_by_status + r.excluded_unpaid);
    check(r.customers == static_cast<std::int64_t>(t.customers()));
    check(r.rejected.size() <= 1000);
    for (const auto& e : r.rejected) check(!e.code.empty() && e.where.line >= 1);
}

bool same_errors(const std::vector<yt::Error>& a, const std::vector<yt::Error>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].code != b[i].code || a[i].args != b[i].args || a[i].where.line != b[i].where.line ||
            a[i].where.column != b[i].where.column || a[i].where.field != b[i].where.field)
            return false;
    return true;
}

// One pass and parts of `part` bytes on three threads give the same import (or the same error).
void check_parts(std::string_view bytes, yt::ImportOptions o, std::size_t part) {
    o.threads = 1;
    const auto one = yt::import_orders(bytes, o);
    o.threads = 3;
    o.part_bytes = part;
    const auto many = yt::import_orders(bytes, o);
    check(static_cast<bool>(one) == static_cast<bool>(many));
    if (!one) {
        check(same_errors({one.error()}, {many.error()}));
        return;
    }
    const yt::OrderTable &a = one->orders, &b = many->orders;
    check(a.customer_ids.values() == b.customer_ids.values() && a.customer_names == b.customer_names &&
          a.customer_phones == b.customer_phones && a.customer == b.customer && a.day == b.day && a.amount == b.amount);
    check(a.owners.values() == b.owners.values() && a.products.values() == b.products.values() && a.owner == b.owner &&
          a.product == b.product && a.attributes.size() == b.attributes.size());
    for (std::size_t k = 0; k < a.attributes.size(); ++k)
        check(a.attributes[k].values.values() == b.attributes[k].values.values() &&
              a.attributes[k].of_customer == b.attributes[k].of_customer);
    const yt::ImportReport &r = one->report, &q = many->report;
    check(r.rows_read == q.rows_read && r.rows_accepted == q.rows_accepted && r.rows_rejected == q.rows_rejected &&
          r.rows_excluded == q.rows_excluded && r.excluded_by_status == q.excluded_by_status &&
          r.excluded_unpaid == q.excluded_unpaid && r.excluded_customers == q.excluded_customers &&
          r.refunds_subtracted == q.refunds_subtracted && r.rows_blank == q.rows_blank && r.refunds == q.refunds &&
          r.customers == q.customers && r.first_day == q.first_day && r.last_day == q.last_day &&
          r.statuses.size() == q.statuses.size() && same_errors(r.rejected, q.rejected));
    check(std::memcmp(&r.excluded_amount, &q.excluded_amount, sizeof(double)) == 0);
    for (std::size_t i = 0; i < r.statuses.size(); ++i)
        check(r.statuses[i].value == q.statuses[i].value && r.statuses[i].rows == q.statuses[i].rows &&
              r.statuses[i].excluded == q.statuses[i].excluded &&
              std::memcmp(&r.statuses[i].excluded_amount, &q.statuses[i].excluded_amount, sizeof(double)) == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    auto whole = yt::import_orders(bytes);
    if (whole) {
        check_table(whole->orders);
        check_report(whole->report, whole->orders);
    }
    auto preview = yt::preview_orders(bytes, {}, 5);
    if (preview) check(preview->rows.size() <= 5);

    yt::ImportOptions explicit_map;
    explicit_map.mapping = *yt::parse_column_spec("customer=1,date=2,amount=3,name=4,city=5,status=6,owner=7,product=8,refund=9,paid=10");
    explicit_map.header = yt::HeaderMode::No;
    if (auto r = yt::import_orders(bytes, explicit_map)) {
        check_table(r->orders);
        check_report(r->report, r->orders);
    }
    const std::size_t part = 1 + size % 7;
    check_parts(bytes, {}, part);
    check_parts(bytes, explicit_map, part);

    // Step by step in small chunks: same result as one shot.
    auto imp = yt::Importer::start_view(bytes, {});
    check(static_cast<bool>(imp) == static_cast<bool>(whole) || !whole);
    if (imp) {
        const std::size_t chunk = 1 + size % 13;
        bool failed = false;
        while (!imp->done()) {
            if (!imp->step(chunk)) {
                failed = true;
                break;
            }
        }
        if (!failed) {
            check(static_cast<bool>(whole));
            const yt::OrderTable t = imp->take();
            check(t.customer == whole->orders.customer && t.day == whole->orders.day && t.amount == whole->orders.amount);
            check(t.customer_ids.values() == whole->orders.customer_ids.values());
        } else {
            check(!whole);
        }
    }
    return 0;
}
