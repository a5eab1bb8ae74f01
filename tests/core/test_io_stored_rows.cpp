// test_io_stored_rows.cpp — the compact stored form of an import: the rows and report written and
// read back in steps of any size are the ones the importer made (every column: ids, names, phones,
// attributes, owners, products, statuses, refunds, unpaid counts), the status choice applied to
// them gives the same purchases, and a cut or damaged copy is an error, never a partial table.
// Values are packed: every double comes back bit for bit, every integer in its type's range, a
// date-sorted table takes well under its raw arrays, and an earlier version's raw copy
// (tests/fixtures/stored_rows_ytr1.bin, the rich export below as that version stored it) still
// reads back.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/io/importer.hpp"
#include "core/io/stored_rows.hpp"
#include "tests/core/same_table.hpp"
#include "test_paths.hpp"

using namespace yt;
using yt::test::check_same_table;

namespace {

// A shop export with every optional column: status, refund, owner, product, name, phone and two
// attributes; one row without a payment time, one with a bad amount (rejected, kept in the report).
const char* const kRich =
    "订单编号,买家会员名,姓名,手机号,付款时间,实付金额,订单状态,退款金额,商品名称,归属员工,性别,城市\n"
    "T1,M1,小花,13800000001,2025-03-01 10:00:00,100.00,交易成功,0,洁面乳,阿杰,女,杭州\n"
    "T2,M2,阿明,13800000002,2025-03-02 09:00:00,80.00,部分退款,30,精华,小婉,男,\n"
    "T3,M3,路人,13800000003,,0.00,交易关闭,0,面霜,,,上海\n"
    "T4,M1,小花,13800000001,2025-03-05 11:00:00,50.00,已发货,0,精华,阿杰,女,杭州\n"
    "T5,M4,退货客,13800000004,2025-03-03 12:00:00,120.00,退款成功,120,面霜,小婉,,\n"
    "T6,M5,错行,13800000005,2025-03-04 12:00:00,abc,交易成功,0,面霜,小婉,,\n";

struct Read {
    ImportReport report;
    ImportedOrders rows;
};

Read read_all(const std::string& text) {
    auto imp = Importer::start(text, ImportOptions{});
    REQUIRE(imp);
    while (!imp->done()) REQUIRE(imp->step(1 << 20));
    Read r;
    r.report = imp->report();
    r.rows = imp->take_imported();
    return r;
}

void check_same_rows(const ImportedOrders& a, const ImportedOrders& b) {
    check_same_table(a.table, b.table);
    CHECK(a.status_values.values() == b.status_values.values());
    CHECK(a.status == b.status);
    CHECK(a.refund == b.refund);
    CHECK(a.unpaid_by_status == b.unpaid_by_status);
    CHECK(a.unpaid_amount_by_status == b.unpaid_amount_by_status);
    CHECK(a.unpaid == b.unpaid);
    CHECK(a.unpaid_amount == b.unpaid_amount);
}

void check_same_report(const ImportReport& a, const ImportReport& b) {
    CHECK(a.file_name == b.file_name);
    CHECK(a.encoding == b.encoding);
    CHECK(a.delimiter == b.delimiter);
    CHECK(a.has_header == b.has_header);
    CHECK(a.header == b.header);
    CHECK(format_column_spec(a.mapping) == format_column_spec(b.mapping));
    CHECK(a.rows_read == b.rows_read);
    CHECK(a.rows_rejected == b.rows_rejected);
    CHECK(a.rows_blank == b.rows_blank);
    CHECK(a.first_day == b.first_day);
    CHECK(a.last_day == b.last_day);
    REQUIRE(a.rejected.size() == b.rejected.size());
    for (std::size_t i = 0; i < a.rejected.size(); ++i) {
        CHECK(a.rejected[i].code == b.rejected[i].code);
        CHECK(a.rejected[i].args == b.rejected[i].args);
        CHECK(a.rejected[i].where.line == b.rejected[i].where.line);
        CHECK(a.rejected[i].where.column == b.rejected[i].where.column);
        CHECK(a.rejected[i].where.field == b.rejected[i].where.field);
    }
    CHECK(a.warnings.size() == b.warnings.size());
}

// Writes in steps of `w` bytes and reads in steps of `r`, counting the steps.
std::string write_in(const Read& in, std::size_t w, int* steps = nullptr) {
    StoredRowsWriter writer(in.rows.table, &in.rows, in.report);
    int n = 1;
    while (writer.step(w)) ++n;
    if (steps) *steps = n;
    return writer.take();
}

Read read_in(const std::string& body, std::size_t r, int* steps = nullptr) {
    StoredRowsReader reader(body);
    int n = 0;
    for (;;) {
        ++n;
        auto more = reader.step(r);
        REQUIRE(more);
        if (!*more) break;
        CHECK(reader.progress() < 1.0);
    }
    if (steps) *steps = n;
    CHECK(reader.progress() == 1.0);
    return Read{reader.take_report(), reader.take_rows()};
}

}  // namespace

TEST_CASE("an import's rows and report read back from the stored form as the importer made them", "[io][stored]") {
    const Read in = read_all(kRich);
    REQUIRE(in.rows.status.size() == in.rows.table.orders());
    REQUIRE_FALSE(in.rows.refund.empty());
    REQUIRE(in.rows.table.attributes.size() == 2);
    REQUIRE(in.rows.unpaid_by_status.size() > 0);
    REQUIRE(in.report.rows_rejected == 1);
    const std::string whole = write_stored_rows(in.rows.table, &in.rows, in.report);
    for (std::size_t w : {std::size_t{1}, std::size_t{7}, std::size_t{64}, std::size_t{1} << 30}) {
        CAPTURE(w);
        CHECK(write_in(in, w) == whole);  // the steps write the same bytes
    }
    for (std::size_t r : {std::size_t{1}, std::size_t{5}, std::size_t{64}, std::size_t{1} << 30}) {
        CAPTURE(r);
        const Read back = read_in(whole, r);
        check_same_rows(back.rows, in.rows);
        check_same_report(back.report, in.report);
        // The status choice gives the same purchases and the same account of what was left out.
        ImportReport rep_in = in.report, rep_back = back.report;
        const OrderTable a = read_orders(in.rows, StatusPolicy{}, rep_in);
        const OrderTable b = read_orders(back.rows, StatusPolicy{}, rep_back);
        check_same_table(a, b);
        CHECK(rep_back.rows_excluded == rep_in.rows_excluded);
        CHECK(rep_back.excluded_amount == rep_in.excluded_amount);
        CHECK(rep_back.refunds_subtracted == rep_in.refunds_subtracted);
        CHECK(rep_back.excluded_customers == rep_in.excluded_customers);
        CHECK(import_notices(rep_back).size() == import_notices(rep_in).size());
    }
    // Small steps take many calls; one large step takes one.
    int small = 0, large = 0;
    (void)read_in(whole, 8, &small);
    (void)read_in(whole, std::size_t{1} << 30, &large);
    CHECK(large == 1);
    CHECK(small > 10);
}

TEST_CASE("a plain import's table is stored without status columns and read back whole", "[io][stored]") {
    const Read in = read_all("customer,date,amount\nA,2025-01-02,10.5\nB,2025-01-03,20\nA,2025-02-01,-3\n");
    REQUIRE(in.rows.plain());
    const std::string body = write_stored_rows(in.rows.table, nullptr, in.report);
    auto back = read_stored_rows(body);
    REQUIRE(back);
    CHECK(back->first.plain());
    check_same_table(back->first.table, in.rows.table);
    check_same_report(back->second, in.report);
}

TEST_CASE("a cut, padded or inconsistent stored form is an error", "[io][stored]") {
    const Read in = read_all(kRich);
    const std::string body = write_stored_rows(in.rows.table, &in.rows, in.report);
    // Every cut, read in small and whole steps.
    for (std::size_t n = 0; n < body.size(); ++n) {
        const std::string cut = body.substr(0, n);
        auto whole = read_stored_rows(cut);
        REQUIRE_FALSE(whole);
        CHECK(whole.error().code == "io.bad_stored_import");
        StoredRowsReader r(cut);
        bool failed = false;
        for (int i = 0; i < 100000; ++i) {
            auto more = r.step(3);
            if (!more) {
                failed = true;
                break;
            }
            if (!*more) break;
        }
        CHECK(failed);
    }
    CHECK_FALSE(read_stored_rows(body + "x"));
    std::string magic = body;
    magic[0] = 'X';
    CHECK_FALSE(read_stored_rows(magic));
    // A customer index past the ids (written from a table whose ids were cut short).
    Read bad = in;
    std::vector<std::string> ids = bad.rows.table.customer_ids.values();
    ids.pop_back();
    bad.rows.table.customer_ids.adopt_distinct(std::move(ids));
    auto r = read_stored_rows(write_stored_rows(bad.rows.table, &bad.rows, bad.report));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "io.bad_stored_import");
    // A status index past the status values.
    Read bad_status = in;
    bad_status.rows.status.back() = 99;
    CHECK_FALSE(read_stored_rows(write_stored_rows(bad_status.rows.table, &bad_status.rows, bad_status.report)));
}

TEST_CASE("an earlier version's raw stored copy reads back as the rows it held", "[io][stored]") {
    const std::string old = yt::test::source_text("tests/fixtures/stored_rows_ytr1.bin");
    REQUIRE(old.substr(0, 4) == "YTR1");
    CHECK_FALSE(stored_rows_current(old));
    const Read in = read_all(kRich);
    const std::string now = write_stored_rows(in.rows.table, &in.rows, in.report);
    CHECK(now.substr(0, 4) == "YTR2");
    CHECK(stored_rows_current(now));
    CHECK(now.size() < old.size());
    for (std::size_t r : {std::size_t{3}, std::size_t{1} << 30}) {
        const Read back = read_in(old, r);
        check_same_rows(back.rows, in.rows);
        check_same_report(back.report, in.report);
        // Stored again, it is what this version writes for the same import.
        CHECK(write_stored_rows(back.rows.table, &back.rows, back.report) == now);
    }
    // A cut old copy is refused as a new one is.
    CHECK_FALSE(read_stored_rows(std::string_view(old).substr(0, old.size() - 1)));
}

TEST_CASE("packed values come back exactly: any double, the ends of each integer's range", "[io][stored]") {
    ImportedOrders rows;
    OrderTable& t = rows.table;
    std::vector<std::string> ids;
    for (int i = 0; i < 300; ++i) ids.push_back("C" + std::to_string(1000000 + i * 7));
    ids.push_back("");
    ids.push_back("完全不同的编号");
    t.customer_ids.adopt_distinct(std::vector<std::string>(ids));
    const std::uint32_t k = static_cast<std::uint32_t>(t.customers());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> amounts = {0.0,     -0.0,    0.1 + 0.2, 19.99,    -30.0,   1e-7,  123456789.12,
                                         1e300,   -1e300,  nan,       1.0 / 3,  9.995,   0.29,  std::nextafter(0.29, 1.0),
                                         1e13,    -1e13,   99999999999.99,      5e-324,  std::numeric_limits<double>::infinity()};
    const std::vector<Day> days = {std::numeric_limits<Day>::min(), std::numeric_limits<Day>::max(), 0, -1, 20000, 19999};
    for (std::size_t i = 0; i < 2000; ++i) {
        const std::uint32_t c = i % 5 == 0 ? k - 1 : static_cast<std::uint32_t>((i * 7919) % k);
        t.add(c, days[i % days.size()], amounts[i % amounts.size()]);
    }
    t.owners.adopt_distinct({"阿杰", "小婉"});
    for (std::size_t i = 0; i < t.orders(); ++i) t.owner.push_back(i % 3 == 0 ? OrderTable::kNoValue : i % 2);
    rows.status_values.adopt_distinct({"交易成功", "交易关闭"});
    for (std::size_t i = 0; i < t.orders(); ++i) rows.status.push_back(i % 2);
    rows.refund.assign(t.orders(), 0.0);
    rows.refund[1] = 12.5;
    rows.unpaid_by_status = {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()};
    rows.unpaid_amount_by_status = {nan, -0.0};
    ImportReport report;
    report.file_name = "边界.csv";
    const std::string body = write_stored_rows(t, &rows, report);
    for (std::size_t r : {std::size_t{1}, std::size_t{100}, std::size_t{1} << 30}) {
        CAPTURE(r);
        const Read back = read_in(body, r);
        check_same_table(back.rows.table, t);
        CHECK(back.rows.status == rows.status);
        REQUIRE(back.rows.refund.size() == rows.refund.size());
        CHECK(std::memcmp(back.rows.refund.data(), rows.refund.data(), rows.refund.size() * sizeof(double)) == 0);
        CHECK(back.rows.unpaid_by_status == rows.unpaid_by_status);
        REQUIRE(back.rows.unpaid_amount_by_status.size() == 2);
        CHECK(std::memcmp(back.rows.unpaid_amount_by_status.data(), rows.unpaid_amount_by_status.data(), 16) == 0);
    }
}

TEST_CASE("a date-sorted shop table packs to well under its raw arrays", "[io][stored]") {
    // 20,000 customers' orders by date, as a shop exports them: customers in no order, amounts
    // in cents, several orders a day.
    std::string csv = "customer,date,amount\n";
    std::uint32_t x = 12345;
    int orders = 0;
    for (int day = 0; day < 400; ++day)
        for (int j = 0; j < 140; ++j, ++orders) {
            x = x * 1103515245u + 12345u;
            const unsigned c = (x >> 8) % 20000, cents = 500 + (x >> 4) % 50000;
            csv += "C" + std::to_string(1000000 + c) + ",2024-" + (day < 366 ? "01-01" : "12-31") + "," +
                   std::to_string(cents / 100) + "." + std::to_string(cents % 100 / 10) + std::to_string(cents % 10) + "\n";
        }
    const Read in = read_all(csv);
    REQUIRE(in.rows.table.orders() == static_cast<std::size_t>(orders));
    const std::string body = write_stored_rows(in.rows.table, nullptr, in.report);
    // Raw: 4 + 4 + 8 bytes an order and 4 + 8 a customer.
    const std::size_t raw = in.rows.table.orders() * 16 + in.rows.table.customers() * 12;
    CHECK(body.size() * 2 < raw);
    const Read back = read_in(body, std::size_t{1} << 30);
    check_same_table(back.rows.table, in.rows.table);
}
