// test_io_import.cpp — the order importer end to end: encodings, dialects, headers, mappings,
// bad rows, unreadable files, cancel, incremental steps, and the CDNOW sample.
//
// Non-UTF-8 byte strings were produced with Python 3.11 (str.encode('gb18030' / 'utf-16-le' / ...)).
#include <catch2/catch.hpp>

#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "core/i18n/i18n.hpp"
#include "core/io/importer.hpp"
#include "tests/core/import_ok.hpp"
#include "tests/core/same_table.hpp"
#include "tests/core/test_paths.hpp"

using namespace yt;
using yt::test::check_same_table;
using yt::test::import_ok;

namespace {

std::string import_error(const std::string& bytes, const ImportOptions& o = {}) {
    auto r = import_orders(bytes, o);
    return r ? std::string("ok") : r.error().code;
}

const AttributeColumn* attribute(const OrderTable& t, const std::string& name) {
    for (const auto& a : t.attributes)
        if (a.name == name) return &a;
    return nullptr;
}

std::string attr_of(const OrderTable& t, const std::string& name, const std::string& customer) {
    const AttributeColumn* a = attribute(t, name);
    if (!a) return "<no column>";
    for (std::uint32_t c = 0; c < t.customers(); ++c)
        if (t.customer_ids.at(c) == customer)
            return a->of_customer[c] == AttributeColumn::kNoValue ? "" : a->values.at(a->of_customer[c]);
    return "<no customer>";
}

std::uint32_t customer_index(const OrderTable& t, const std::string& id) {
    for (std::uint32_t c = 0; c < t.customers(); ++c)
        if (t.customer_ids.at(c) == id) return c;
    FAIL("no customer " << id);
    return 0;
}

double total_of(const OrderTable& t, const std::string& id) {
    const std::uint32_t c = customer_index(t, id);
    double s = 0;
    for (std::size_t i = 0; i < t.orders(); ++i)
        if (t.customer[i] == c) s += t.amount[i];
    return s;
}

// "会员ID,下单时间,实付金额,姓名,城市" with 4 rows, GB18030 from Python. Names include 4-byte codes:
// "€\u0080" (A2E3 81308130), "😀¥" (9439FC36 81308436); C003's city is U+E5E5 (A3A0).
const std::string kGbCsv =
    "\xBB\xE1\xD4\xB1\x49\x44\x2C\xCF\xC2\xB5\xA5\xCA\xB1\xBC\xE4\x2C\xCA\xB5\xB8\xB6\xBD\xF0\xB6\xEE\x2C\xD0\xD5"
    "\xC3\xFB\x2C\xB3\xC7\xCA\xD0\x0A"
    "\x43\x30\x30\x31\x2C\x32\x30\x32\x34\x2D\x30\x33\x2D\x30\x35\x20\x31\x34\x3A\x32\x32\x3A\x30\x31\x2C\x22\x81"
    "\x30\x84\x36\x31\x2C\x32\x33\x34\x2E\x35\x30\x22\x2C\xD5\xC5\xC8\xFD\xB7\xE1\x2C\xB1\xB1\xBE\xA9\x0A"
    "\x43\x30\x30\x32\x2C\x32\x30\x32\x34\x2F\x33\x2F\x36\x20\x38\x3A\x30\x31\x2C\x38\x38\xD4\xAA\x2C\xA2\xE3\x81"
    "\x30\x81\x30\x2C\xC9\xCF\xBA\xA3\x0A"
    "\x43\x30\x30\x31\x2C\x32\x30\x32\x34\x30\x33\x30\x37\x2C\x2D\x32\x30\x2C\xC0\xEE\xCB\xC4\x2C\xB1\xB1\xBE\xA9"
    "\x0A"
    "\x43\x30\x30\x33\x2C\x32\x30\x32\x34\x2D\x30\x33\x2D\x30\x38\x2C\x31\x32\x2E\x35\x2C\x94\x39\xFC\x36\x81\x30"
    "\x84\x36\x2C\xA3\xA0\x0A";

// "客户ID\t订单日期\t金额\nA1\t2024-01-02\t10\nB2\t2024-01-03\t20.5\n", UTF-16 LE and BE with BOM (Python).
// A string literal with embedded NULs, whole.
template <std::size_t N>
std::string bytes_of(const char (&s)[N]) {
    return std::string(s, N - 1);
}

const std::string kUtf16Le = bytes_of(
    "\xFF\xFE\xA2\x5B\x37\x62\x49\x00\x44\x00\x09\x00\xA2\x8B\x55\x53\xE5\x65\x1F\x67\x09\x00\xD1\x91\x9D\x98\x0A"
    "\x00\x41\x00\x31\x00\x09\x00\x32\x00\x30\x00\x32\x00\x34\x00\x2D\x00\x30\x00\x31\x00\x2D\x00\x30\x00\x32\x00"
    "\x09\x00\x31\x00\x30\x00\x0A\x00\x42\x00\x32\x00\x09\x00\x32\x00\x30\x00\x32\x00\x34\x00\x2D\x00\x30\x00\x31"
    "\x00\x2D\x00\x30\x00\x33\x00\x09\x00\x32\x00\x30\x00\x2E\x00\x35\x00\x0A\x00");
const std::string kUtf16Be = bytes_of(
    "\xFE\xFF\x5B\xA2\x62\x37\x00\x49\x00\x44\x00\x09\x8B\xA2\x53\x55\x65\xE5\x67\x1F\x00\x09\x91\xD1\x98\x9D\x00"
    "\x0A\x00\x41\x00\x31\x00\x09\x00\x32\x00\x30\x00\x32\x00\x34\x00\x2D\x00\x30\x00\x31\x00\x2D\x00\x30\x00\x32"
    "\x00\x09\x00\x31\x00\x30\x00\x0A\x00\x42\x00\x32\x00\x09\x00\x32\x00\x30\x00\x32\x00\x34\x00\x2D\x00\x30\x00"
    "\x31\x00\x2D\x00\x30\x00\x33\x00\x09\x00\x32\x00\x30\x00\x2E\x00\x35\x00\x0A");

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("UTF-8 with a Chinese header and profile columns", "[io][import]") {
    const std::string csv =
        "订单号,会员ID,下单时间,实付金额,姓名,手机号,性别,城市,偏好品类,渠道,备注\n"
        "A1,U1,2024-03-05 14:22:01,129.00,张三丰,13812345678,男,北京,茶叶,小程序,\n"
        "A2,U2,2024/3/6,\"1,234.50\",李四,,女,,零食,,hello\n"
        "A3,U1,20240307,-29.00,,,,上海,,直播,\n"
        "A4,U3,2024-03-08,¥88,王五,13900000000,,广州,,,\n";
    const ImportResult r = import_ok(csv);
    const OrderTable& t = r.orders;
    CHECK(r.report.encoding == "utf-8");
    CHECK(r.report.delimiter == "comma");
    CHECK(r.report.has_header);
    CHECK(r.report.rows_accepted == 4);
    CHECK(r.report.rows_rejected == 0);
    CHECK(r.report.refunds == 1);
    CHECK(r.report.first_day == days_from_civil(2024, 3, 5));
    CHECK(r.report.last_day == days_from_civil(2024, 3, 8));
    REQUIRE(t.customers() == 3);
    REQUIRE(t.orders() == 4);
    CHECK(t.customer_ids.at(0) == "U1");
    CHECK(t.day[1] == days_from_civil(2024, 3, 6));
    CHECK(t.amount[1] == 1234.5);
    CHECK(total_of(t, "U1") == Approx(100.0));  // the refund reduces U1's value
    REQUIRE(t.customer_names.size() == 3);
    CHECK(t.customer_names[customer_index(t, "U1")] == "张三丰");
    CHECK(t.customer_phones[customer_index(t, "U3")] == "13900000000");
    CHECK(t.customer_phones[customer_index(t, "U2")] == "");
    // First non-empty value per customer wins: U1's city is 北京 although row 3 says 上海.
    CHECK(attr_of(t, "city", "U1") == "北京");
    CHECK(attr_of(t, "city", "U2") == "");
    CHECK(attr_of(t, "channel", "U1") == "小程序");
    CHECK(attr_of(t, "gender", "U2") == "女");
    CHECK(attr_of(t, "category", "U2") == "零食");
    REQUIRE(attribute(t, "city"));
    CHECK(attribute(t, "city")->dimension == "basic");
    CHECK(attribute(t, "category")->dimension == "preference");
    CHECK(attribute(t, "channel")->dimension == "behaviour");
    CHECK(attribute(t, "city")->values.size() == 2);  // 北京, 广州 (上海 never won)
}

TEST_CASE("UTF-8 with BOM and an English header", "[io][import]") {
    const ImportResult r = import_ok(
        "\xEF\xBB\xBF" "Customer ID,Order Date,Total\r\nC1,2023-01-05,129.00\r\nC2,2023-01-06,5\r\nC1,2023-02-01,1\r\n");
    CHECK(r.report.encoding == "utf-8");
    CHECK(r.report.header == std::vector<std::string>{"Customer ID", "Order Date", "Total"});
    CHECK(r.orders.customers() == 2);
    CHECK(r.orders.orders() == 3);
    CHECK(r.orders.customer_ids.at(0) == "C1");  // the BOM is not part of the first cell
    CHECK(total_of(r.orders, "C1") == Approx(130.0));
}

TEST_CASE("UTF-16 LE and BE with BOM (Excel's Unicode text)", "[io][import]") {
    for (const std::string* bytes : {&kUtf16Le, &kUtf16Be}) {
        const ImportResult r = import_ok(*bytes);
        CHECK(r.report.encoding == (bytes == &kUtf16Le ? "utf-16le" : "utf-16be"));
        CHECK(r.report.delimiter == "tab");
        CHECK(r.report.header[0] == "客户ID");
        REQUIRE(r.orders.orders() == 2);
        CHECK(r.orders.customer_ids.at(1) == "B2");
        CHECK(r.orders.amount[1] == 20.5);
        CHECK(r.orders.day[0] == days_from_civil(2024, 1, 2));
    }
}

TEST_CASE("GB18030 (Chinese Excel) including 4-byte sequences", "[io][import]") {
    const ImportResult r = import_ok(kGbCsv);
    const OrderTable& t = r.orders;
    CHECK(r.report.encoding == "gb18030");
    CHECK(r.report.header == std::vector<std::string>{"会员ID", "下单时间", "实付金额", "姓名", "城市"});
    CHECK(r.report.rows_accepted == 4);
    REQUIRE(t.customers() == 3);
    CHECK(t.amount[0] == 1234.5);  // "¥1,234.50" with ¥ as a 4-byte code
    CHECK(t.amount[1] == 88.0);    // "88元"
    CHECK(t.amount[2] == -20.0);
    CHECK(t.day[1] == days_from_civil(2024, 3, 6));
    CHECK(t.customer_names[customer_index(t, "C001")] == "张三丰");
    CHECK(t.customer_names[customer_index(t, "C002")] == "\xE2\x82\xAC\xC2\x80");          // €U+0080
    CHECK(t.customer_names[customer_index(t, "C003")] == "\xF0\x9F\x98\x80\xC2\xA5");      // 😀¥
    CHECK(attr_of(t, "city", "C003") == "\xEE\x97\xA5");                                   // U+E5E5
    CHECK(attr_of(t, "city", "C002") == "上海");
}

TEST_CASE("Forcing an encoding", "[io][import]") {
    const std::string body = kGbCsv.substr(kGbCsv.find('\n') + 1);  // no header
    ImportOptions o;
    o.mapping = *parse_column_spec("customer=1,date=2,amount=3,name=4");
    o.encoding = Encoding::Gb18030;
    const ImportResult r = import_ok(body, o);
    CHECK(r.orders.customer_names[0] == "张三丰");
    // GB bytes forced to be read as UTF-8: every name is invalid UTF-8, so every row is rejected
    // (not stored garbled), and the import as a whole fails.
    o.encoding = Encoding::Utf8;
    auto imp = Importer::start(body, o);
    REQUIRE(imp);
    auto s = imp->step(1 << 20);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "io.no_valid_rows");
    CHECK(imp->report().rows_rejected == 4);
    const auto& rej = imp->report().rejected;
    REQUIRE(rej.size() == 4);
    CHECK(rej[0].code == "io.bad_amount");  // "¥1,234.50" with a GB ¥ is not a number either
    CHECK(rej[2].code == "io.bad_encoding");
    CHECK(rej[2].where.field == "name");
    CHECK(rej[3].code == "io.bad_encoding");
}

TEST_CASE("TSV, whitespace and header-less files", "[io][import]") {
    SECTION("TSV with header") {
        const ImportResult r = import_ok("user_id\tdate\tamount\nu1\t2024-01-01\t3\nu2\t2024-01-02\t4\n");
        CHECK(r.report.delimiter == "tab");
        CHECK(r.orders.orders() == 2);
    }
    SECTION("CSV without header: columns guessed from the cells") {
        const ImportResult r = import_ok("C1,2024-01-01,12.50\nC2,2024-01-02,3.00\nC1,2024-01-03,1.25\n");
        CHECK_FALSE(r.report.has_header);
        CHECK(r.report.mapping.customer == 0);
        CHECK(r.report.mapping.date == 1);
        CHECK(r.report.mapping.amount == 2);
        CHECK(r.orders.orders() == 3);
        CHECK(r.orders.customers() == 2);
    }
    SECTION("semicolon CSV with a quoted decimal comma is not confused") {
        const ImportResult r = import_ok("customer;date;amount\nC1;2024-01-01;7\n");
        CHECK(r.report.delimiter == "semicolon");
        CHECK(r.orders.amount[0] == 7.0);
    }
    SECTION("forced header and delimiter") {
        ImportOptions o;
        o.header = HeaderMode::No;
        o.delimiter = "pipe";
        o.mapping = *parse_column_spec("customer=1,date=2,amount=3");
        const ImportResult r = import_ok("a|2024-01-01|1\nb|2024-01-02|2\n", o);
        CHECK(r.orders.orders() == 2);
        o.delimiter = "colon";
        CHECK(import_error("a|2024-01-01|1\n", o) == "io.bad_option");
    }
}

TEST_CASE("CDNOW sample: whitespace, no header, explicit columns", "[io][import]") {
    const std::string bytes = read_file(test::test_data("cdnow/CDNOW_sample.txt"));
    REQUIRE(bytes.size() > 100000);
    ImportOptions o;
    o.mapping = *parse_column_spec("customer=2,date=3,amount=5");
    o.file_name = "CDNOW_sample.txt";
    const ImportResult r = import_ok(bytes, o);
    CHECK(r.report.delimiter == "whitespace");
    CHECK_FALSE(r.report.has_header);
    CHECK(r.report.rows_accepted == 6919);
    CHECK(r.report.rows_rejected == 0);
    CHECK(r.orders.customers() == 2357);
    CHECK(r.orders.customer_ids.at(0) == "0001");
    CHECK(r.orders.day[0] == days_from_civil(1997, 1, 1));
    CHECK(r.orders.amount[0] == 29.33);
    CHECK(r.report.first_day == days_from_civil(1997, 1, 1));
    CHECK(r.report.last_day == days_from_civil(1998, 6, 30));
}

TEST_CASE("Bad rows are rejected with line, column and reason", "[io][import]") {
    const std::string csv =
        "customer_id,order_date,amount\n"  // line 1
        "C1,2024-01-01,10\n"               // 2 ok
        "C2,2024-02-30,10\n"               // 3 bad date
        "C3,2024-01-02,ten\n"              // 4 bad amount
        "C4,2024-01-03\n"                  // 5 missing amount
        ",2024-01-03,5\n"                  // 6 empty customer
        "\n"                               // 7 blank: skipped, not rejected
        "\"C5\nstill C5\",2024-01-04,1\n"  // 8-9 ok, a line break inside quotes
        "C6,yesterday,1\n"                 // 10 bad date
        "C7,2024-01-05,1,234.00\n"         // 11 unquoted thousands separator: one field too many
        "C1,2024-01-06,-5\n";              // 12 ok, refund
    ImportOptions o;
    o.file_name = "orders.csv";
    const ImportResult r = import_ok(csv, o);
    const ImportReport& rep = r.report;
    CHECK(rep.rows_accepted == 3);
    CHECK(rep.rows_rejected == 6);
    CHECK(rep.rows_blank == 1);
    CHECK(rep.rows_read == 9);
    CHECK(rep.refunds == 1);
    REQUIRE(rep.rejected.size() == 6);
    CHECK(rep.rejected[0].code == "io.bad_date");
    CHECK(rep.rejected[0].where.line == 3);
    CHECK(rep.rejected[0].where.column == 2);
    CHECK(rep.rejected[0].where.field == "order_date");
    CHECK(rep.rejected[0].where.file == "orders.csv");
    CHECK(rep.rejected[0].args == std::vector<std::string>{"2024-02-30"});
    CHECK(rep.rejected[1].code == "io.bad_amount");
    CHECK(rep.rejected[1].where.line == 4);
    CHECK(rep.rejected[1].args == std::vector<std::string>{"ten"});
    CHECK(rep.rejected[2].code == "io.missing_field");
    CHECK(rep.rejected[2].where.line == 5);
    CHECK(rep.rejected[2].where.field == "amount");
    CHECK(rep.rejected[3].code == "io.empty_customer");
    CHECK(rep.rejected[3].where.line == 6);
    CHECK(rep.rejected[4].code == "io.bad_date");
    CHECK(rep.rejected[4].where.line == 10);
    CHECK(rep.rejected[5].code == "io.too_many_fields");
    CHECK(rep.rejected[5].where.line == 11);
    CHECK(r.orders.customer_ids.at(1) == "C5\nstill C5");
    CHECK(total_of(r.orders, "C1") == Approx(5.0));
}

TEST_CASE("A blank date in the first data row is a bad date, as in any other row", "[io][import]") {
    // The importer remembers the last date cell it read; before any, a blank cell must not match.
    const ImportResult r = import_ok("customer,date,amount\nA,,5\nB,2024-01-01,3\n");
    CHECK(r.report.rows_accepted == 1);
    REQUIRE(r.report.rejected.size() == 1);
    CHECK(r.report.rejected[0].code == "io.bad_date");
    CHECK(r.report.rejected[0].where.line == 2);
}

TEST_CASE("Title rows and blank lines above the header are skipped", "[io][import]") {
    const ImportResult r = import_ok("\n订单导出 2024-03-31\n\n会员ID,下单时间,实付金额\nU1,2024-03-01,5\nU2,2024-03-02,6\n");
    CHECK(r.report.has_header);
    CHECK(r.report.header[0] == "会员ID");
    CHECK(r.report.rows_accepted == 2);
    CHECK(r.report.rows_rejected == 0);
    CHECK(r.report.rows_blank == 2);
    CHECK(r.orders.customer_ids.at(0) == "U1");
}

TEST_CASE("The kept rejected-row list is capped; all are counted", "[io][import]") {
    std::string csv = "customer,date,amount\n";
    for (int i = 0; i < 50; ++i) csv += "c" + std::to_string(i) + ",2024-01-01,x\n";
    csv += "ok,2024-01-01,1\n";
    ImportOptions o;
    o.max_rejects_kept = 3;
    const ImportResult r = import_ok(csv, o);
    CHECK(r.report.rows_rejected == 50);
    CHECK(r.report.rejected.size() == 3);
    CHECK(r.report.rejected[2].where.line == 4);
}

TEST_CASE("Rows with invalid UTF-8 are rejected, never stored garbled", "[io][import]") {
    const ImportResult r = import_ok("customer,date,amount,name\nA,2024-01-01,1,ok\nB\xFF,2024-01-01,1,x\nC,2024-01-01,1,\xC3\n");
    CHECK(r.report.rows_accepted == 1);
    REQUIRE(r.report.rejected.size() == 2);
    CHECK(r.report.rejected[0].code == "io.bad_encoding");
    CHECK(r.report.rejected[0].where.line == 3);
    CHECK(r.report.rejected[0].args[0] == "B\xEF\xBF\xBD");  // shown with U+FFFD
    CHECK(r.report.rejected[1].where.field == "name");
}

TEST_CASE("Excel text ids and quoted fields", "[io][import]") {
    const ImportResult r = import_ok(
        "会员ID,付款时间,支付金额,收货人\n=\"0001\",2024-01-01,5,\"Smith, J\"\n\"0001\",2024-01-02,\"1,000\",\"\"\n");
    REQUIRE(r.orders.customers() == 1);
    CHECK(r.orders.customer_ids.at(0) == "0001");
    CHECK(r.orders.customer_names[0] == "Smith, J");
    CHECK(r.orders.amount[1] == 1000.0);
}

TEST_CASE("Files that cannot be imported give one clear error", "[io][import]") {
    CHECK(import_error("") == "io.empty_file");
    CHECK(import_error("\xEF\xBB\xBF") == "io.empty_file");
    CHECK(import_error(" \r\n\n  \n") == "io.empty_file");
    CHECK(import_error("customer_id,order_date,amount\n") == "io.header_only");
    CHECK(import_error("customer_id,order_date,amount\n\n,,\n") == "io.header_only");
    CHECK(import_error(std::string("PK\x03\x04" "xlsx...", 11)) == "io.xlsx_corrupt");  // a zip, but cut short
    std::string garbage;
    std::uint32_t x = 7;
    for (int i = 0; i < 3000; ++i) {
        x = x * 1664525u + 1013904223u;
        garbage.push_back(static_cast<char>(x >> 24));
    }
    CHECK(import_error(garbage) == "io.binary_file");
    CHECK(import_error("just some words\nand more words\n") == "io.missing_columns");
    CHECK(import_error("name,city\nzhang,beijing\n") == "io.missing_columns");
    // Every row bad: the import as a whole fails, pointing at the first bad row.
    auto r = import_orders("customer,date,amount\nA,nope,1\nB,nope,2\n");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "io.no_valid_rows");
    CHECK(r.error().where.line == 2);
    CHECK(r.error().args[0] == "2");
    // An explicit mapping that points past the last column.
    ImportOptions o;
    o.mapping = *parse_column_spec("customer=1,date=2,amount=9");
    CHECK(import_error("a,2024-01-01,1\n", o) == "io.bad_mapping");
    o.mapping = *parse_column_spec("customer=1,date=2");
    CHECK(import_error("a,2024-01-01,1\n", o) == "io.missing_columns");
}

TEST_CASE("Preview shows what was detected; its mapping can be edited and passed back", "[io][import]") {
    const std::string csv = "编号,日期,数量,金额\nX1,2024-05-01,2,30\nX2,2024-05-02,1,15\n";
    auto p = preview_orders(csv, {}, 1);
    REQUIRE(p);
    CHECK(p->encoding == "utf-8");
    CHECK(p->delimiter == "comma");
    CHECK(p->has_header);
    CHECK(p->header.size() == 4);
    REQUIRE(p->rows.size() == 1);
    CHECK(p->rows[0] == std::vector<std::string>{"X1", "2024-05-01", "2", "30"});
    CHECK(p->columns == 4);
    CHECK(p->mapping.date == 1);
    CHECK(p->mapping.amount == 3);
    CHECK(p->mapping.customer == 0);  // guessed from the cells
    CHECK(p->column_keys == std::vector<std::string>{"customer", "date", "", "amount"});
    CHECK(p->missing.empty());

    ColumnMapping edited = p->mapping;
    edited.amount = 2;  // the user says: count is the amount
    ImportOptions o;
    o.mapping = edited;
    const ImportResult r = import_ok(csv, o);
    CHECK(r.orders.amount == std::vector<double>{2.0, 1.0});

    auto incomplete = preview_orders("name,city\nzhang,beijing\n");
    REQUIRE(incomplete);
    CHECK(incomplete->missing == std::vector<std::string>{"customer", "date", "amount"});
    CHECK(incomplete->column_keys == std::vector<std::string>{"name", "city"});
    CHECK(preview_orders("").error().code == "io.empty_file");
}

TEST_CASE("Incremental steps give the same result as one shot", "[io][import]") {
    std::string utf8 = "会员ID,下单时间,实付金额,姓名,城市\n";
    std::string gb = kGbCsv;
    for (int i = 0; i < 300; ++i) {
        const std::string id = "K" + std::to_string(i % 37);
        utf8 += id + ",2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + ",\"" +
                std::to_string(i) + ".5\",名" + std::to_string(i % 5) + ",城" + std::to_string(i % 3) + "\n";
        if (i % 50 == 0) utf8 += "bad,row\n";
        gb += kGbCsv.substr(kGbCsv.find('\n') + 1);
    }
    for (const std::string* bytes : {&utf8, &gb, static_cast<std::string*>(nullptr)}) {
        if (!bytes) bytes = &kUtf16Le;
        const ImportResult whole = import_ok(*bytes);
        auto imp = Importer::start(*bytes, {});
        REQUIRE(imp);
        int steps = 0;
        double last_progress = 0;
        while (!imp->done()) {
            REQUIRE(imp->step(7));  // 7 bytes: cuts multibyte sequences and records everywhere
            CHECK(imp->progress() >= last_progress);
            last_progress = imp->progress();
            ++steps;
        }
        CHECK(steps >= static_cast<int>(bytes->size() / 64));
        CHECK(imp->progress() == 1.0);
        CHECK(imp->report().rows_accepted == whole.report.rows_accepted);
        CHECK(imp->report().rows_rejected == whole.report.rows_rejected);
        const OrderTable t = imp->take();
        check_same_table(t, whole.orders);
    }
}

TEST_CASE("A large id table is written in steps before any row is read", "[io][import]") {
    std::string csv = "customer,date,amount\n";
    for (int i = 0; i < 20000; ++i) csv += "c" + std::to_string(i % 9000) + ",2024-01-0" + std::to_string(1 + i % 9) + ",1\n";
    const ImportResult whole = import_ok(csv);
    auto imp = Importer::start(csv, {});
    REQUIRE(imp);
    int table_steps = 0;
    do {
        REQUIRE(imp->step(1000));  // 4,096 slots a step: the table takes several, reading nothing
        ++table_steps;
    } while (imp->progress() == 0.0 && !imp->done());
    CHECK(table_steps == 5);  // 4 steps write 16,384 slots (~5,000 customers expected), the 5th reads
    while (!imp->done()) REQUIRE(imp->step(1000));
    check_same_table(imp->take(), whole.orders);
}

TEST_CASE("A file behind a stored copy's header line is read where it lies", "[io][import]") {
    std::string csv = "客户,日期,金额\n";
    for (int i = 0; i < 500; ++i) csv += "c" + std::to_string(i % 90) + ",2024-02-0" + std::to_string(1 + i % 9) + "," + std::to_string(i) + "\n";
    const std::string head = "{\"format\":\"yutang-import\",\"file_name\":\"a.csv\"}\n";
    ImportOptions o;
    o.skip = head.size();
    for (const std::string& file : {csv, csv + "c1,2024-13-45,9\n"}) {
        const ImportResult whole = import_ok(file);
        for (std::size_t step : {std::size_t{64}, std::numeric_limits<std::size_t>::max()}) {
            auto imp = Importer::start(std::make_shared<const std::string>(head + file), o);
            REQUIRE(imp);
            while (!imp->done()) REQUIRE(imp->step(step));
            CHECK(imp->report().rows_accepted == whole.report.rows_accepted);
            CHECK(imp->report().rows_rejected == whole.report.rows_rejected);
            if (!whole.report.rejected.empty()) {  // the bad row is named by its line in the file
                REQUIRE(imp->report().rejected.size() == 1);
                CHECK(imp->report().rejected[0].where.line == 502);
                CHECK(imp->report().rejected[0].where.line == whole.report.rejected[0].where.line);
            }
            check_same_table(imp->take(), whole.orders);
        }
    }
}

TEST_CASE("Cancel stops an import mid-way", "[io][import]") {
    std::string csv = "customer,date,amount\n";
    for (int i = 0; i < 2000; ++i) csv += "c" + std::to_string(i) + ",2024-01-01,1\n";
    auto imp = Importer::start(csv, {});
    REQUIRE(imp);
    REQUIRE(imp->step(1000));
    CHECK_FALSE(imp->done());
    CHECK(imp->progress() > 0.0);
    CHECK(imp->progress() < 0.5);
    const auto partial = imp->report().rows_accepted;
    CHECK(partial > 0);
    imp->cancel();
    CHECK(imp->done());
    CHECK(imp->report().cancelled);
    CHECK_FALSE(imp->report().finished);
    auto s = imp->step(1000);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "io.cancelled");
    CHECK(imp->report().rows_accepted == partial);
    CHECK(imp->take().orders() == 0);
}

TEST_CASE("Importer from a shared buffer and its preview", "[io][import]") {
    auto bytes = std::make_shared<const std::string>("customer,date,amount\na,2024-01-01,1\n");
    auto imp = Importer::start(bytes, {});
    bytes.reset();  // the importer keeps the buffer alive
    REQUIRE(imp);
    const Preview p = imp->preview(5);
    CHECK(p.rows.size() == 1);
    while (!imp->done()) REQUIRE(imp->step(1 << 20));
    CHECK(imp->take().orders() == 1);
}

TEST_CASE("Every io error code has Chinese and English text", "[io][import]") {
    for (const char* code :
         {"io.empty_file", "io.binary_file", "io.spreadsheet_file", "io.header_only", "io.missing_columns",
          "io.bad_mapping", "io.bad_option", "io.bad_column_spec", "io.unknown_column", "io.cancelled",
          "io.no_valid_rows", "io.missing_field", "io.unclosed_quote", "io.too_many_fields", "io.empty_customer",
          "io.bad_date", "io.bad_amount", "io.bad_encoding"}) {
        INFO(code);
        CHECK(has_tr(code));
        CHECK(std::string(tr(code, Lang::Zh)) != std::string(tr(code, Lang::En)));
    }
    Error e("io.bad_date", {"2024-02-30"}, Location{"orders.csv", 3, 2, "下单时间"});
    CHECK(describe(e, Lang::En).find("2024-02-30") != std::string::npos);
    CHECK(describe(e, Lang::Zh).find("下单时间") != std::string::npos);
}
