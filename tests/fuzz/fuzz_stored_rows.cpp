// fuzz_stored_rows.cpp — libFuzzer target for the compact stored form of an import
// (core/io/stored_rows.hpp): arbitrary bytes, and real stored forms cut short or with a byte changed.
//
// Each input is
//  1. read as a stored form: an error must be translated; a form that reads must be safe to use
//     (the status choice applied, every index in range) and write back to bytes that read the same;
//  2. imported as an order file; when that succeeds its rows are written, read back whole and in
//     small steps to the same table, then cut short (must fail) and changed in one byte (must fail
//     or read to a usable table).
// Failed checks abort, so libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/i18n.hpp"
#include "core/io/importer.hpp"
#include "core/io/stored_rows.hpp"
#include "fuzz_check.hpp"

namespace {

using namespace yt;

// A form that read is used as the app uses it: the status choice applied to its rows.
void use(const ImportedOrders& rows, const ImportReport& report) {
    ImportReport rep = report;
    const OrderTable t = read_orders(rows, StatusPolicy{}, rep);
    for (std::size_t i = 0; i < t.orders(); ++i) check(t.customer[i] < t.customers());
    check(t.day.size() == t.orders() && t.amount.size() == t.orders());
}

void read_checked(std::string_view body) {
    auto r = read_stored_rows(body);
    if (!r) {
        check(has_tr(r.error().code));
        return;
    }
    use(r->first, r->second);
    const std::string again = write_stored_rows(r->first.table, &r->first, r->second);
    auto r2 = read_stored_rows(again);
    check(r2.ok());
    check(write_stored_rows(r2->first.table, &r2->first, r2->second) == again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    // 1. Arbitrary bytes as a stored form.
    read_checked(in);

    // 2. The input as an order file, its rows stored and read back.
    ImportOptions o;
    o.threads = 1;
    auto imp = Importer::start(std::string(in), o);
    if (!imp) return 0;
    while (!imp->done())
        if (!imp->step(1 << 16)) return 0;
    const ImportReport report = imp->report();
    const ImportedOrders rows = imp->take_imported();
    const std::string body = write_stored_rows(rows.table, &rows, report);
    StoredRowsReader stepped(body);
    for (int i = 0;; ++i) {
        auto more = stepped.step(1 + size % 13);
        check(more.ok() && i < 10000000);
        if (!*more) break;
    }
    const ImportedOrders back = stepped.take_rows();
    check(back.table.customer_ids.values() == rows.table.customer_ids.values());
    check(back.table.customer == rows.table.customer && back.table.day == rows.table.day);
    // Amounts as bytes (the same bits, whatever they are).
    auto same_bits = [](const std::vector<double>& a, const std::vector<double>& b) {
        return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
    };
    check(same_bits(back.table.amount, rows.table.amount) && back.status == rows.status &&
          same_bits(back.refund, rows.refund));
    use(back, stepped.take_report());
    if (size > 0 && !body.empty()) {
        const std::size_t at = data[0] % body.size();
        check(!read_stored_rows(std::string_view(body).substr(0, at)).ok());
        std::string changed = body;
        changed[at] = static_cast<char>(changed[at] ^ (1 + data[size - 1] % 127));
        read_checked(changed);
    }
    return 0;
}
