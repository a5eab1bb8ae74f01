// fuzz_import.cpp — libFuzzer target for the order importer (core/io).
//
// Build and run with Debian's clang: `./build.sh fuzz 60` (tests/fuzz/run.sh).
// Each input is imported with default options, with an explicit mapping, and step by step in
// small chunks; the tables must be consistent and the stepwise result equal to the one-shot one.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

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
