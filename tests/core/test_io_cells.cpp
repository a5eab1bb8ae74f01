// test_io_cells.cpp — cell parsers (dates, amounts), the record reader, delimiter guess, column
// mapping, CSV writing and masking.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/io/columns.hpp"
#include "core/io/csv_reader.hpp"
#include "core/io/csv_write.hpp"
#include "core/io/mask.hpp"
#include "core/io/values.hpp"

using namespace yt;

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, io::Dialect d, std::vector<int>* lines = nullptr) {
    io::RecordReader r(d);
    std::vector<std::vector<std::string>> out;
    std::size_t pos = 0;
    while (r.next(text, pos, true) == io::RecordReader::Got::Record) {
        std::vector<std::string> row;
        for (auto f : r.fields()) row.emplace_back(f);
        out.push_back(row);
        if (lines) lines->push_back(r.record_line());
    }
    return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("Order dates", "[io][values]") {
    const Day d0305 = days_from_civil(2024, 3, 5);
    CHECK(io::parse_order_date("2024-03-05") == d0305);
    CHECK(io::parse_order_date("2024/3/5") == d0305);
    CHECK(io::parse_order_date("2024.03.05") == d0305);
    CHECK(io::parse_order_date("20240305") == d0305);
    CHECK(io::parse_order_date("2024年3月5日") == d0305);
    CHECK(io::parse_order_date("2024-03-05 14:22:01") == d0305);
    CHECK(io::parse_order_date("2024/3/5 8:01") == d0305);
    CHECK(io::parse_order_date("2024-03-05T14:22:01.250+08:00") == d0305);
    CHECK(io::parse_order_date("2024-03-05T14:22:01Z") == d0305);
    CHECK(io::parse_order_date(" 2024-03-05 ") == d0305);
    CHECK(io::parse_order_date("2024-02-29") == days_from_civil(2024, 2, 29));
    CHECK(io::parse_order_date("1900-01-01") == days_from_civil(1900, 1, 1));
    CHECK(io::parse_order_date("2199-12-31") == days_from_civil(2199, 12, 31));

    CHECK_FALSE(io::parse_order_date(""));
    CHECK_FALSE(io::parse_order_date("2023-02-29"));
    CHECK_FALSE(io::parse_order_date("2024-13-01"));
    CHECK_FALSE(io::parse_order_date("2024-00-10"));
    CHECK_FALSE(io::parse_order_date("2024-03-05 25:00"));
    CHECK_FALSE(io::parse_order_date("2024-03-05 12"));
    CHECK_FALSE(io::parse_order_date("2024/3-5"));
    CHECK_FALSE(io::parse_order_date("05/03/2024"));
    CHECK_FALSE(io::parse_order_date("2024030512"));
    CHECK_FALSE(io::parse_order_date("0001-01-01"));
    CHECK_FALSE(io::parse_order_date("yesterday"));
    CHECK_FALSE(io::parse_order_date("29.33"));
}

TEST_CASE("Fast date arithmetic agrees with days_from_civil", "[io][values]") {
    for (int y : {1900, 1999, 2000, 2023, 2024, 2100, 2199})
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= days_in_month(y, m); ++d) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
                REQUIRE(io::parse_order_date(buf) == days_from_civil(y, m, d));
            }
}

TEST_CASE("Amounts", "[io][values]") {
    CHECK(io::parse_amount("129.00") == 129.0);
    CHECK(io::parse_amount("0.1") == 0.1);
    CHECK(io::parse_amount("12") == 12.0);
    CHECK(io::parse_amount(".5") == 0.5);
    CHECK(io::parse_amount("5.") == 5.0);
    CHECK(io::parse_amount("1,234.50") == 1234.5);
    CHECK(io::parse_amount("1,234,567") == 1234567.0);
    CHECK(io::parse_amount("¥99") == 99.0);
    CHECK(io::parse_amount("￥ 1,000.00") == 1000.0);
    CHECK(io::parse_amount("88元") == 88.0);
    CHECK(io::parse_amount("RMB 20") == 20.0);
    CHECK(io::parse_amount("20 CNY") == 20.0);
    CHECK(io::parse_amount(" 7.25 ") == 7.25);
    CHECK(io::parse_amount("-20") == -20.0);
    CHECK(io::parse_amount("−20.5") == -20.5);  // U+2212
    CHECK(io::parse_amount("¥-3") == -3.0);
    CHECK(io::parse_amount("-¥3") == -3.0);
    CHECK(io::parse_amount("(12.50)") == -12.5);
    CHECK(io::parse_amount("+4") == 4.0);
    CHECK(io::parse_amount("0") == 0.0);
    CHECK(io::parse_amount("123456789012.34") == 123456789012.34);

    CHECK_FALSE(io::parse_amount(""));
    CHECK_FALSE(io::parse_amount("abc"));
    CHECK_FALSE(io::parse_amount("1.2.3"));
    CHECK_FALSE(io::parse_amount("12a"));
    CHECK_FALSE(io::parse_amount("1,23"));
    CHECK_FALSE(io::parse_amount("1,2345"));
    CHECK_FALSE(io::parse_amount(",123"));
    CHECK_FALSE(io::parse_amount("(-5)"));
    CHECK_FALSE(io::parse_amount("-"));
    CHECK_FALSE(io::parse_amount("¥"));
    CHECK_FALSE(io::parse_amount("1e5"));
    CHECK_FALSE(io::parse_amount("99999999999999999999"));
}

TEST_CASE("Trimming cells", "[io][values]") {
    CHECK(io::trim_cell("  a b \t") == "a b");
    CHECK(io::trim_cell("\xE3\x80\x80" "x" "\xC2\xA0") == "x");
    CHECK(io::trim_cell("   ") == "");
    CHECK(io::trim_cell("\xE6\x80\x80") == "\xE6\x80\x80");  // ends in 0x80 but is a letter
}

TEST_CASE("Record reader: RFC 4180 quoting and line ends", "[io][csv]") {
    io::Dialect csv;
    std::vector<int> lines;
    const std::string text =
        "a,b,c\r\n"
        "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        "1,,3\n"
        "last,\"q\"junk,end";
    const Rows rows = read_all(text, csv, &lines);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"a", "b", "c"});
    CHECK(rows[1] == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
    CHECK(rows[2] == std::vector<std::string>{"1", "", "3"});
    CHECK(rows[3] == std::vector<std::string>{"last", "qjunk", "end"});
    CHECK(lines == std::vector<int>{1, 2, 4, 5});

    SECTION("bare CR line ends and a quote inside an unquoted field") {
        const Rows r = read_all("a,b\rc,d\"e\r", csv);
        REQUIRE(r.size() == 2);
        CHECK(r[1] == std::vector<std::string>{"c", "d\"e"});
    }
    SECTION("trailing delimiter gives an empty last field") {
        const Rows r = read_all("a,b,\n", csv);
        REQUIRE(r.size() == 1);
        CHECK(r[0].size() == 3);
    }
    SECTION("unclosed quote runs to the end and is flagged") {
        io::RecordReader r(csv);
        std::size_t pos = 0;
        const std::string t = "a,\"open\nb,c\n";
        REQUIRE(r.next(t, pos, true) == io::RecordReader::Got::Record);
        CHECK(r.unclosed_quote());
        CHECK(r.fields()[1] == "open\nb,c\n");
        CHECK(r.next(t, pos, true) == io::RecordReader::Got::End);
    }
    SECTION("incremental: a cut record consumes nothing until more text comes") {
        io::RecordReader r(csv);
        std::size_t pos = 0;
        CHECK(r.next("a,\"b", pos, false) == io::RecordReader::Got::NeedMore);
        CHECK(r.next("a,b", pos, false) == io::RecordReader::Got::NeedMore);
        CHECK(r.next("a,b\r", pos, false) == io::RecordReader::Got::NeedMore);
        CHECK(pos == 0);
        CHECK(r.next("a,b\r\n", pos, false) == io::RecordReader::Got::Record);
        CHECK(pos == 5);
    }
}

TEST_CASE("Record reader: a lone CR or a quote anywhere in a long CRLF text", "[io][csv]") {
    // The reader looks ahead for quotes and lone CRs many bytes at a time: each line end of 40
    // CRLF lines is in turn a lone CR (a line end, as LF is), and each line in turn holds a quoted
    // comma, at every offset from the steps' edges.
    io::Dialect csv;
    std::vector<std::string> lines;
    for (int i = 0; i < 40; ++i) lines.push_back("c" + std::to_string(i) + "," + std::string(i % 7, 'x') + ",9");
    auto text_of = [&](int lone_cr, int quoted) {
        std::string t;
        for (int i = 0; i < 40; ++i) {
            t += i == quoted ? "c" + std::to_string(i) + ",\"y,z\",9" : lines[i];
            t += i == lone_cr ? "\r" : "\r\n";
        }
        return t;
    };
    for (int k = 0; k < 40; ++k) {
        INFO("line " << k);
        const Rows cr = read_all(text_of(k, -1), csv);
        REQUIRE(cr.size() == 40);
        for (int i = 0; i < 40; ++i) CHECK(cr[i] == read_all(lines[i] + "\n", csv)[0]);
        const Rows q = read_all(text_of(-1, k), csv);
        REQUIRE(q.size() == 40);
        CHECK(q[k] == std::vector<std::string>{"c" + std::to_string(k), "y,z", "9"});
        if (k > 0) CHECK(q[k - 1] == read_all(lines[k - 1] + "\n", csv)[0]);
    }
}

TEST_CASE("Record reader: tabs and whitespace", "[io][csv]") {
    io::Dialect tsv;
    tsv.delimiter = '\t';
    CHECK(read_all("a b\tc\n", tsv)[0] == std::vector<std::string>{"a b", "c"});
    io::Dialect ws;
    ws.whitespace = true;
    const Rows r = read_all(" 00004 0001 19970101  2   29.33\n\n  x\t \"a b\"  y  \n", ws);
    REQUIRE(r.size() == 3);
    CHECK(r[0] == std::vector<std::string>{"00004", "0001", "19970101", "2", "29.33"});
    CHECK(r[1] == std::vector<std::string>{""});
    CHECK(r[2] == std::vector<std::string>{"x", "a b", "y"});
}

TEST_CASE("Delimiter detection", "[io][csv]") {
    CHECK(std::string(io::dialect_name(io::detect_dialect("a,b,c\n1,2,3\n", true))) == "comma");
    CHECK(std::string(io::dialect_name(io::detect_dialect("a\tb\tc\n1\t2,5\t3\n", true))) == "tab");
    CHECK(std::string(io::dialect_name(io::detect_dialect("a;b\n1;2\n", true))) == "semicolon");
    CHECK(std::string(io::dialect_name(io::detect_dialect("a|b\n1|2\n", true))) == "pipe");
    CHECK(std::string(io::dialect_name(io::detect_dialect(" 00004 0001 19970101  2   29.33\n", true))) ==
          "whitespace");
    // Quoted commas do not count: two fields per line.
    CHECK(std::string(io::dialect_name(io::detect_dialect("id;\"1,5\"\nx;\"2,5\"\n", true))) == "semicolon");
    // A title line above the header does not hide the delimiter.
    CHECK(std::string(io::dialect_name(io::detect_dialect("订单导出\na\tb\tc\n1\t2\t3\n", true))) == "tab");
    // The last, cut line of a partial sample is ignored.
    CHECK(std::string(io::dialect_name(io::detect_dialect("a;b\n1;2\n3,", false))) == "semicolon");
    CHECK(io::parse_dialect("tab")->delimiter == '\t');
    CHECK(io::parse_dialect("whitespace")->whitespace);
    CHECK_FALSE(io::parse_dialect("colon"));
}

TEST_CASE("Header names map to keys in Chinese and English", "[io][columns]") {
    CHECK(key_for_header("会员ID") == "customer");
    CHECK(key_for_header("用户ID") == "customer");
    CHECK(key_for_header("客户编号") == "customer");
    CHECK(key_for_header("买家ID") == "customer");
    CHECK(key_for_header("Customer ID") == "customer");
    CHECK(key_for_header("customer_id") == "customer");
    CHECK(key_for_header("member_id") == "customer");
    CHECK(key_for_header("下单时间") == "date");
    CHECK(key_for_header("付款时间") == "date");
    CHECK(key_for_header("Order Date") == "date");
    CHECK(key_for_header("实付金额(元)") == "amount");
    CHECK(key_for_header("实付金额（元）") == "amount");
    CHECK(key_for_header("payment") == "amount");
    CHECK(key_for_header("订单号") == "order");
    CHECK(key_for_header("收货人") == "name");
    CHECK(key_for_header("手机号") == "phone");
    CHECK(key_for_header("性别") == "gender");
    CHECK(key_for_header("省份") == "province");
    CHECK(key_for_header("偏好品类") == "category");
    CHECK(key_for_header("渠道") == "channel");
    CHECK(key_for_header("来源") == "source");
    CHECK(key_for_header("生日") == "birthday");
    CHECK(key_for_header("会员等级") == "level");
    CHECK(key_for_header("备注") == "");
    // Fallbacks by contained words.
    CHECK(key_for_header("商品实付金额汇总") == "amount");
    CHECK(key_for_header("最近下单日期") == "date");
    CHECK(key_for_header("子订单编号") == "order");

    const ColumnMapping m =
        mapping_from_header({"订单号", "订单金额", "会员ID", "城市", "实付金额", "下单时间", "性别", "备注"});
    CHECK(m.order == 0);
    CHECK(m.amount == 4);  // 实付金额 ranks above 订单金额
    CHECK(m.customer == 2);
    CHECK(m.date == 5);
    CHECK(m.column_of("city") == 3);
    CHECK(m.column_of("gender") == 6);
    CHECK(std::string(attribute_dimension("city")) == "basic");
    CHECK(std::string(attribute_dimension("tags")) == "preference");
    CHECK(std::string(attribute_dimension("channel")) == "behaviour");
}

TEST_CASE("Column specs", "[io][columns]") {
    auto m = parse_column_spec("customer=2,date=3,amount=5");
    REQUIRE(m);
    CHECK(m->customer == 1);
    CHECK(m->date == 2);
    CHECK(m->amount == 4);
    CHECK(format_column_spec(*m) == "customer=2,date=3,amount=5");
    m = parse_column_spec("customer=会员ID; amount=3 ; city=4", {"x", "会员ID", "y", "z"});
    REQUIRE(m);
    CHECK(m->customer == 1);
    CHECK(m->amount == 2);
    CHECK(m->column_of("city") == 3);
    CHECK(parse_column_spec("customer").error().code == "io.bad_column_spec");
    CHECK(parse_column_spec("shoe=2").error().code == "io.bad_column_spec");
    CHECK(parse_column_spec("date=0").error().code == "io.bad_column_spec");
    CHECK(parse_column_spec("date=日期", {"a"}).error().code == "io.unknown_column");
}

TEST_CASE("Column guess from cells", "[io][columns]") {
    ColumnMapping m;
    guess_columns(m, {{"00004", "0001", "19970101", "2", "29.33"}, {"00004", "0001", "19970118", "2", "29.73"}});
    CHECK(m.date == 2);
    CHECK(m.amount == 4);
    CHECK(m.customer == 0);
}

TEST_CASE("CSV writing", "[io][csv]") {
    CHECK(csv_quote("plain") == "plain");
    CHECK(csv_quote("a,b") == "\"a,b\"");
    CHECK(csv_quote("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_quote("two\nlines") == "\"two\nlines\"");
    CHECK(csv_quote(" pad") == "\" pad\"");
    CHECK(csv_quote("a\tb", '\t') == "\"a\tb\"");
    CHECK(csv_quote("a,b", '\t') == "a,b");
    std::string row;
    csv_append_row(row, {"会员ID", "x,y", ""});
    CHECK(row == "会员ID,\"x,y\",\r\n");

    CsvWriter w;
    w.text("id").text("amount").end_row();
    w.text("=HYPERLINK()").number(129.5, 2).end_row();
    w.text("张三").number(0.1).integer(-7).end_row();
    CHECK(w.str() == "\xEF\xBB\xBF" "id,amount\r\n'=HYPERLINK(),129.50\r\n张三,0.1,-7\r\n");

    CsvWriter::Options o;
    o.bom = false;
    o.crlf = false;
    o.guard_formulas = false;
    o.delimiter = ';';
    CsvWriter plain(o);
    plain.row({"-5", "a;b"});
    CHECK(plain.str() == "-5;\"a;b\"\n");

    // What the writer writes, the reader reads back.
    io::Dialect csv;
    const std::vector<std::string> cells = {"x, y", "say \"hi\"", "two\nlines", "", "张三"};
    std::string text;
    csv_append_row(text, cells);
    const Rows back = read_all(text, csv);
    REQUIRE(back.size() == 1);
    CHECK(back[0] == cells);
}

TEST_CASE("Masking phone numbers and names", "[io][mask]") {
    CHECK(mask_phone("13812345678") == "138****5678");
    CHECK(mask_phone("+8613812345678") == "+86138****5678");
    CHECK(mask_phone("010-12345678") == "010-****5678");
    CHECK(mask_phone("12345") == "1***5");
    CHECK(mask_phone("12") == "**");
    CHECK(mask_phone("") == "");
    CHECK(mask_name("张三丰") == "张**");
    CHECK(mask_name("张三") == "张*");
    CHECK(mask_name("张") == "*");
    CHECK(mask_name("John Smith") == "J*** *****");
    CHECK(mask_name("") == "");
}
