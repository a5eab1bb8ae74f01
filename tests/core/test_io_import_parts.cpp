// test_io_import_parts.cpp — the parallel one-shot import gives exactly the one-pass result: the
// same ids in the same order, rows, interned texts, per-customer fields, counts, amounts to the
// last bit, and rejects with the same line numbers — for every place the file can be cut (the
// part size is forced down to one byte), on quoted fields with delimiters and line breaks, CRLF,
// a BOM, GB18030, UTF-16, blank and title lines, unpaid and excluded rows, bad rows, and many
// customers per part.
// Builds without threads (wasm) make one pass either way, and these tests still hold.
#include <catch2/catch.hpp>

#include <iomanip>
#include <sstream>
#include <string>

#include "core/io/importer.hpp"

using namespace yt;

namespace {

// Everything an import gives, as text (the part count aside).
std::string dump(const Result<ImportResult>& r) {
    std::ostringstream o;
    o << std::setprecision(17);
    auto error = [&](const Error& e) {
        o << e.code;
        for (const auto& a : e.args) o << '|' << a;
        o << " @" << e.where.file << ':' << e.where.line << ':' << e.where.column << ':' << e.where.field << '\n';
    };
    if (!r) {
        o << "error ";
        error(r.error());
        return o.str();
    }
    const OrderTable& t = r->orders;
    const ImportReport& p = r->report;
    auto pool = [&](const char* name, const StringPool& s) {
        o << name << ':';
        for (const auto& v : s.values()) o << '[' << v << ']';
        o << '\n';
    };
    auto ints = [&](const char* name, const std::vector<std::uint32_t>& v) {
        o << name << ':';
        for (auto x : v) o << x << ',';
        o << '\n';
    };
    pool("ids", t.customer_ids);
    for (const auto& s : t.customer_names) o << "name " << s << '\n';
    for (const auto& s : t.customer_phones) o << "phone " << s << '\n';
    for (std::size_t i = 0; i < t.orders(); ++i) o << t.customer[i] << ' ' << t.day[i] << ' ' << t.amount[i] << '\n';
    pool("owners", t.owners);
    pool("products", t.products);
    ints("owner", t.owner);
    ints("product", t.product);
    for (const auto& a : t.attributes) {
        o << a.name << '/' << a.dimension << ' ';
        pool("values", a.values);
        ints("of_customer", a.of_customer);
    }
    o << p.file_name << ' ' << p.encoding << ' ' << p.delimiter << ' ' << p.has_header << '\n';
    for (const auto& h : p.header) o << '[' << h << ']';
    o << "\nread " << p.rows_read << " accepted " << p.rows_accepted << " rejected " << p.rows_rejected << " excluded "
      << p.rows_excluded << ' ' << p.excluded_by_status << ' ' << p.excluded_unpaid << ' ' << p.excluded_amount << ' '
      << p.excluded_customers << " refunds " << p.refunds_subtracted << ' ' << p.refunds << " blank " << p.rows_blank
      << " customers " << p.customers << " days " << p.first_day << ' ' << p.last_day << '\n';
    for (const auto& s : p.statuses)
        o << "status [" << s.value << "] " << order_status_key(s.status) << ' ' << s.included << ' ' << s.rows << ' '
          << s.excluded << ' ' << s.excluded_amount << '\n';
    for (const auto& e : p.rejected) error(e);
    for (const auto& e : p.warnings) error(e);
    return o.str();
}

Result<ImportResult> import_with(const std::string& bytes, unsigned threads, std::size_t part_bytes,
                                 ImportOptions o = {}) {
    o.threads = threads;
    o.part_bytes = part_bytes;
    return import_orders(bytes, o);
}

// Imports `bytes` in one pass and in parts of every size from 1 byte to the whole file; each must
// equal the one pass. Returns how many of those imports really ran in parts.
int check_every_cut(const std::string& bytes, const ImportOptions& o = {}) {
    const std::string one = dump(import_with(bytes, 1, 0, o));
    int parallel = 0;
    for (std::size_t size = 1; size <= bytes.size(); ++size) {
        const auto r = import_with(bytes, 3, size, o);
        if (r && r->report.parts > 1) ++parallel;
        const std::string many = dump(r);
        if (many != one) {
            INFO("part size " << size);
            REQUIRE(many == one);
        }
    }
    return parallel;
}

bool has_threads() {
    // A large enough plain file is cut when the build has threads.
    std::string csv = "customer,date,amount\n";
    for (int i = 0; i < 200; ++i) csv += "c" + std::to_string(i % 37) + ",2024-01-01,1\n";
    const auto r = import_with(csv, 2, 64);
    return r && r->report.parts > 1;
}

// UTF-8 to UTF-16 (BOM first), for the tests' UTF-16 files.
std::string to_utf16(const std::string& s, bool le) {
    std::string out = le ? "\xFF\xFE" : "\xFE\xFF";
    auto unit = [&](std::uint32_t u) {
        const char a = static_cast<char>(u & 0xFF), b = static_cast<char>(u >> 8);
        out += le ? a : b;
        out += le ? b : a;
    };
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += n;
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

// A shop export with statuses, owners, products, refunds, a quoted line break and bad rows.
const std::string kShop =
    "\xEF\xBB\xBF"
    "订单导出\r\n"
    "\r\n"
    "买家会员名,付款时间,实付金额,订单状态,归属员工,商品名称,退款金额\r\n"
    "张三,2024-01-02 10:00:00,10.50,交易成功,小美,\"面霜, 50ml\",\r\n"
    "李四,2024-01-03,0.1,交易成功,小美,精华,\r\n"
    "王五,,0.00,等待买家付款,小丽,精华,\r\n"
    "\r\n"
    "\"赵六\",2024-01-04,0.2,部分退款,,\"礼盒\r\n第二行\",0.05\r\n"
    "张三,2024-01-05,0.7,交易关闭,小丽,面霜,\r\n"
    "钱七,2024-13-01,5,交易成功,小美,精华,\r\n"
    "孙八,2024-01-06,abc,交易成功,小美,精华,\r\n"
    "李四,2024-01-07,\"1,234.50\",交易成功,小丽,\"说\"\"明\"\"书\",\r\n"
    "周九,,0,交易关闭,,,\r\n"
    "吴十,2024-01-08\r\n"
    ",2024-01-08,3,交易成功,,,\r\n"
    "郑一,2024-01-09,0.3,已发货,小美,面霜,\r\n"
    "王五,2024-01-10,0.3,交易成功,小丽,面霜,\r\n";

}  // namespace

TEST_CASE("Parallel import equals one pass at every cut: a shop export with quotes, CRLF, BOM, bad rows",
          "[io][import][parts]") {
    ImportOptions o;
    o.file_name = "shop.csv";
    const int parallel = check_every_cut(kShop, o);
    if (has_threads()) CHECK(parallel > 0);
}

TEST_CASE("Parallel import equals one pass: per-customer names, phones and attributes", "[io][import][parts]") {
    const std::string csv =
        "customer,date,amount,name,phone,gender,city\n"
        "a,2024-01-01,1,,,F,\n"
        "b,2024-01-01,2,Bob,138,,上海\n"
        "a,2024-01-02,3,Ann,,M,北京\n"
        "c,2024-01-02,4,,139,,广州\n"
        "b,2024-01-03,5,Bobby,,M,深圳\n"
        "c,2024-01-03,6,Cat,,F,\n"
        "d,2024-01-04,7,,,,北京\n"
        "a,2024-01-05,8,,137,F,杭州\n";
    check_every_cut(csv);
}

TEST_CASE("Parallel import equals one pass: GB18030, UTF-16 LE and BE", "[io][import][parts]") {
    // 客户,日期,金额,状态 / 张三 李四 王五 and U+20000 in an id / 交易成功 交易关闭 等待买家付款;
    // one row with an invalid GB18030 sequence (rejected as bad encoding).
    const std::string gb =
        "\xBF\xCD\xBB\xA7,\xC8\xD5\xC6\xDA,\xBD\xF0\xB6\xEE,\xD7\xB4\xCC\xAC\r\n"
        "\xD5\xC5\xC8\xFD,2024-01-01,1.5,\xBD\xBB\xD2\xD7\xB3\xC9\xB9\xA6\r\n"
        "\xC0\xEE\xCB\xC4\x95\x32\x82\x36,2024-01-02,2,\xBD\xBB\xD2\xD7\xB9\xD8\xB1\xD5\r\n"
        "\x81\x20" "x,2024-01-02,2,\xBD\xBB\xD2\xD7\xB3\xC9\xB9\xA6\r\n"
        "\xCD\xF5\xCE\xE5,,0,\xB5\xC8\xB4\xFD\xC2\xF2\xBC\xD2\xB8\xB6\xBF\xEE\r\n"
        "\xD5\xC5\xC8\xFD,2024-01-03,\"3,000\",\xBD\xBB\xD2\xD7\xB3\xC9\xB9\xA6\r\n"
        "\xC0\xEE\xCB\xC4\x95\x32\x82\x36,2024-01-04,4,\xBD\xBB\xD2\xD7\xB3\xC9\xB9\xA6\r\n";
    ImportOptions o;
    o.encoding = Encoding::Gb18030;
    check_every_cut(gb, o);
    check_every_cut(gb);  // detected

    const std::string utf8 =
        "客户,日期,金额\n张三,2024-01-01,1\n𠀀李四,2024-01-02,2\n\"王\n五\",2024-01-03,x\n张三,2024-01-04,4\n";
    check_every_cut(to_utf16(utf8, true));
    check_every_cut(to_utf16(utf8, false));
}

TEST_CASE("Parallel import equals one pass: whitespace files, blank lines, header-less", "[io][import][parts]") {
    const std::string ws =
        " 00004 0001 19970101  2   29.33\r\n"
        " 00004 0001 19970118  2   29.73\r\n"
        "\r\n"
        " 00018 0002 19970102  2   ok\r\n"
        " 00021 0003 19970112  1   11.77\r\n"
        " 00004 0001 19970802  1   14.96\r\n"
        "   \r\n"
        " 00021 0003 19970301  1   \"1\"\r\n";
    ImportOptions o;
    o.delimiter = "whitespace";
    o.header = HeaderMode::No;
    o.mapping = *parse_column_spec("customer=1,date=3,amount=5");
    check_every_cut(ws, o);
}

TEST_CASE("Parallel import equals one pass: blank dates at the start of a part", "[io][import][parts]") {
    // Found by fuzzing: a part starts with no date remembered, as the file does.
    check_every_cut("customer,date,amount\nA,,5\nB,2024-01-01,3\nC,,0\nD,,\nE,2024-01-01,1\nF,,2\n");
    const std::string crash =
        "\xE8\xAE\xA2\xE5\x8D\x95\xE5\x8F\xB7,\xE4\xBC\x9A\xE5\x91\x98ID,\xE4\xB8\x8B\xE5\x8D\x95\xE6\x97\xB6"
        "\xE9\x97\xB4,\xE5\xAE\x9E\xE4\xBB\x98\xE9\x87\x91\xE9\xA2\x9DY\xE5\xA7\x93\xE5\x90\x8D,\xE5\x9F\x8E"
        "\xE5\xB8\x82,\xE6\xB8\xA0\xE9\x81\x93\r\nA1,U1,2024-03-05 14:22:01,129.00,\xE5\xBC\xA0\xE4\x94\xFF\xFF\xFF"
        "0004 0001 199701\x10" "1  2   29.33\n 00004 000[ 19970118  1 19970101  2   29.33\n 000007,-29.00,,,"
        "\xE7\x9B\xB4\xE6\x92\xAD\r\n";
    check_every_cut(crash);
}

TEST_CASE("Parallel import: a file with no valid row fails with the same error and line", "[io][import][parts]") {
    const std::string csv = "customer,date,amount\nA,2024-01-01,x\nB,bad,1\n\nC,2024-01-01,y\n";
    ImportOptions o;
    o.file_name = "bad.csv";
    check_every_cut(csv, o);
    const auto r = import_with(csv, 3, 1, o);
    REQUIRE(!r);
    CHECK(r.error().code == "io.no_valid_rows");
    CHECK(r.error().where.line == 2);
}

TEST_CASE("Parallel import: a cut inside a quoted line break falls back to one pass", "[io][import][parts]") {
    // Every line but the header ends inside or after a quoted cell that spans lines.
    std::string csv = "customer,note,date,amount\n";
    for (int i = 0; i < 40; ++i) csv += "c" + std::to_string(i % 7) + ",\"line one\nline two\",2024-01-0" + std::to_string(1 + i % 9) + "," + std::to_string(i) + "\n";
    csv += "c1,\"unclosed,2024-01-01,1\n";
    ImportOptions o;
    o.mapping = *parse_column_spec("customer=1,date=3,amount=4");
    check_every_cut(csv, o);
}

TEST_CASE("Parallel import of a larger file: rows and rejects far from the start keep their lines",
          "[io][import][parts]") {
    std::string csv = "customer,date,amount\n";
    for (int i = 0; i < 20000; ++i) {
        csv += "c" + std::to_string((i * 7919) % 3001) + ",2024-0" + std::to_string(1 + i % 9) + "-1" +
               std::to_string(i % 10) + "," + std::to_string(i % 500) + "." + std::to_string(i % 100) + "\n";
        if (i % 4999 == 17) csv += "bad,2024-02-30,1\n";
    }
    const std::string one = dump(import_with(csv, 1, 0));
    for (std::size_t size : {1000u, 4096u, 65536u, 100000u}) {
        const auto r = import_with(csv, 4, size);
        if (has_threads()) CHECK(r->report.parts > 1);
        CHECK(dump(r) == one);
    }
    const auto r = import_with(csv, 4, 4096);
    REQUIRE(r);
    REQUIRE(r->report.rejected.size() == 4);
    CHECK(r->report.rejected[0].where.line == 20);
    CHECK(r->report.rejected[3].where.line == 1 + 15015 + 3 + 1);
}

TEST_CASE("Parallel import of many customers per part: ids first seen in any part are numbered as one pass",
          "[io][import][parts]") {
    // 60000 rows in three parts of 20000, each with more distinct ids than the merge looks up in
    // one go; ids come back in later parts, some skip a part, many are new in the second or third.
    std::string csv = "customer,date,amount\n";
    for (int i = 0; i < 60000; ++i) {
        const int id = i < 20000 ? (i * 7919) % 30000 : i < 40000 ? (i * 104729) % 50000 : (i * 31) % 70000;
        csv += "k" + std::to_string(id) + ",2024-03-0" + std::to_string(1 + i % 9) + "," + std::to_string(i % 97) + "\n";
    }
    const auto one = import_with(csv, 1, 0);
    REQUIRE(one);
    CHECK(one->report.customers > 40000);
    const std::string expected = dump(one);
    for (unsigned threads : {2u, 3u}) {
        const auto r = import_with(csv, threads, csv.size() / 3 + 1);
        if (has_threads()) CHECK(r->report.parts == 3);
        CHECK(dump(r) == expected);
    }
}
