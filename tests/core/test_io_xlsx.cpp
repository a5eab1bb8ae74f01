// test_io_xlsx.cpp — reading .xlsx workbooks (core/io/xlsx.hpp): cell values (shared, inline and
// rich text strings, date formats in both date systems, numbers without float noise, numbers
// stored as text), the sheet choice, the import through the same detection as CSV, and every
// refusal (encrypted, .xls, zip bombs, DOCTYPE, malformed XML, bad CRC, caps, not a workbook).
// Workbooks are assembled here part by part (stored or deflated entries); workbooks written by
// openpyxl are checked by tests/cli/xlsx.test.mjs.
#include <catch2/catch.hpp>
#include <zlib.h>

#include <string>
#include <utility>
#include <vector>

#include "core/i18n/i18n.hpp"
#include "core/io/importer.hpp"
#include "core/io/csv_write.hpp"
#include "core/io/xlsx.hpp"
#include "core/io/xlsx_write.hpp"

using namespace yt;

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

void put16(std::string& o, unsigned v) { o += static_cast<char>(v & 0xFF); o += static_cast<char>((v >> 8) & 0xFF); }
void put32(std::string& o, unsigned long v) { put16(o, v & 0xFFFF); put16(o, (v >> 16) & 0xFFFF); }

// A zip of `parts`, stored or raw-deflated; `flags` goes into every header (bit 0 = encrypted).
std::string make_zip(const Parts& parts, bool deflate = false, unsigned flags = 0) {
    std::string out, cd;
    for (const auto& [name, data] : parts) {
        const unsigned long crc = crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
        std::string body = data;
        if (deflate) {
            uLongf n = compressBound(static_cast<uLong>(data.size()));
            std::string z(n, '\0');
            REQUIRE(compress2(reinterpret_cast<Bytef*>(&z[0]), &n, reinterpret_cast<const Bytef*>(data.data()),
                              static_cast<uLong>(data.size()), 9) == Z_OK);
            body = z.substr(2, n - 6);  // raw deflate: without the zlib header and Adler-32
        }
        const unsigned long at = out.size();
        out += "PK\x03\x04";
        put16(out, 20); put16(out, flags); put16(out, deflate ? 8 : 0); put16(out, 0); put16(out, 0);
        put32(out, crc); put32(out, body.size()); put32(out, data.size());
        put16(out, name.size()); put16(out, 0);
        out += name + body;
        cd += "PK\x01\x02";
        put16(cd, 20); put16(cd, 20); put16(cd, flags); put16(cd, deflate ? 8 : 0); put16(cd, 0); put16(cd, 0);
        put32(cd, crc); put32(cd, body.size()); put32(cd, data.size());
        put16(cd, name.size()); put16(cd, 0); put16(cd, 0); put16(cd, 0); put16(cd, 0); put32(cd, 0); put32(cd, at);
        cd += name;
    }
    const unsigned long cd_at = out.size();
    out += cd + "PK\x05\x06";
    put16(out, 0); put16(out, 0); put16(out, parts.size()); put16(out, parts.size());
    put32(out, cd.size()); put32(out, cd_at); put16(out, 0);
    return out;
}

const char* const kNs = R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

std::string rel(const std::string& id, const std::string& type, const std::string& target) {
    return "<Relationship Id=\"" + id + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" +
           type + "\" Target=\"" + target + "\"/>";
}

// A workbook with the given sheets (name, sheetData XML), shared strings and styles.
Parts book(const std::vector<std::pair<std::string, std::string>>& sheets, const std::string& sst,
           const std::string& cell_xfs = "<xf numFmtId=\"0\"/>", const std::string& num_fmts = "", bool date1904 = false) {
    std::string wb = std::string("<workbook") + kNs + ">" + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets>";
    std::string rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    Parts p;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const std::string id = "rId" + std::to_string(i + 10);
        wb += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"" + id + "\"/>";
        rels += rel(id, "worksheet", "worksheets/sheet" + std::to_string(i + 1) + ".xml");
        p.emplace_back("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml",
                       std::string("<worksheet") + kNs + "><sheetData>" + sheets[i].second + "</sheetData></worksheet>");
    }
    wb += "</sheets></workbook>";
    rels += rel("rId1", "sharedStrings", "sharedStrings.xml") + rel("rId2", "styles", "styles.xml") + "</Relationships>";
    p.emplace_back("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                                      rel("rId1", "officeDocument", "xl/workbook.xml") + "</Relationships>");
    p.emplace_back("xl/workbook.xml", wb);
    p.emplace_back("xl/_rels/workbook.xml.rels", rels);
    p.emplace_back("xl/sharedStrings.xml", std::string("<sst") + kNs + ">" + sst + "</sst>");
    p.emplace_back("xl/styles.xml", std::string("<styleSheet") + kNs + ">" + num_fmts + "<cellXfs>" + cell_xfs +
                                        "</cellXfs></styleSheet>");
    return p;
}

std::string csv_of(const std::string& zip, std::string_view sheet = {}, const XlsxLimits& lim = {}) {
    auto r = workbook_to_csv(zip, sheet, lim);
    if (!r) FAIL("workbook_to_csv: " << r.error().code << " " << (r.error().args.empty() ? "" : r.error().args[0]));
    return r->text;
}

std::string error_of(const std::string& zip, const XlsxLimits& lim = {}) {
    auto r = workbook_to_csv(zip, {}, lim);
    return r ? std::string("ok") : r.error().code;
}

Parts replace(Parts p, const std::string& name, const std::string& data) {
    for (auto& [n, d] : p)
        if (n == name) d = data;
    return p;
}

// Orders: a header of shared strings, ids as text with leading zeros, dates as serials in a
// custom Chinese date format (style 1), amounts with float noise.
const std::string kSst = "<si><t>会员编号</t></si><si><r><rPr><b/></rPr><t>下单</t></r><r><t>日期</t></r>"
                         "<rPh><t>xiadan</t></rPh></si><si><t>金额</t></si><si><t>00123</t></si>";
const std::string kXfs = "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"49\"/>";
const std::string kFmts = "<numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>";
const std::string kOrders =
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"s\" s=\"2\"><v>3</v></c><c r=\"B2\" s=\"1\"><v>45000</v></c><c r=\"C2\"><v>12.300000000000001</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><r><t>王</t></r><r><t>,五</t></r></is></c><c r=\"B4\" s=\"1\"><v>45001.5</v></c>"
    "<c r=\"C4\"><f>SUM(1,2)</f><v>1E2</v></c></row>"
    "<row r=\"5\"><c t=\"inlineStr\"><is><t>A\"1</t></is></c><c s=\"1\"><v>45002</v></c><c><v>0.30000000000000004</v></c>"
    "<c r=\"F5\" t=\"b\"><v>1</v></c></row>";

}  // namespace

TEST_CASE("xlsx: serial dates, date formats and number text", "[io][xlsx]") {
    using namespace yt::xlsx;
    CHECK(serial_to_text(45000, false) == "2023-03-15");
    CHECK(serial_to_text(45000.5, false) == "2023-03-15 12:00:00");
    CHECK(serial_to_text(45000.9999884, false) == "2023-03-15 23:59:59");  // to the nearest second
    CHECK(serial_to_text(1, false) == "1900-01-01");
    CHECK(serial_to_text(59, false) == "1900-02-28");
    CHECK(serial_to_text(61, false) == "1900-03-01");  // after Excel's phantom 1900-02-29
    CHECK(serial_to_text(0.75, false) == "18:00:00");
    CHECK(serial_to_text(0, true) == "1904-01-01");
    CHECK(serial_to_text(45000 - 1462, true) == "2023-03-15");

    CHECK(is_date_format("yyyy-mm-dd"));
    CHECK(is_date_format("yyyy\"年\"m\"月\"d\"日\""));
    CHECK(is_date_format("[$-804]yyyy/m/d h:mm"));
    CHECK(is_date_format("m/d/yy;@"));
    CHECK_FALSE(is_date_format("0.00"));
    CHECK_FALSE(is_date_format("#,##0;[Red]-#,##0"));
    CHECK_FALSE(is_date_format("[h]:mm:ss"));  // a duration
    CHECK_FALSE(is_date_format("0\"天\""));     // quoted text is not a format token
    CHECK_FALSE(is_date_format("General"));
    CHECK_FALSE(is_date_format("@"));

    CHECK(number_text("12.300000000000001") == "12.3");
    CHECK(number_text("0.30000000000000004") == "0.3");
    CHECK(number_text("1E2") == "100");
    CHECK(number_text("-0") == "0");
    CHECK(number_text("123456789012") == "123456789012");
    CHECK(number_text("129.9") == "129.9");
    CHECK(number_text("-5.5") == "-5.5");
    CHECK(number_text("abc") == "abc");
}

TEST_CASE("xlsx: cells become CSV text, rows keep their sheet row numbers", "[io][xlsx]") {
    const std::string z = make_zip(book({{"订单", kOrders}}, kSst, kXfs, kFmts));
    CHECK(csv_of(z) == "会员编号,下单日期,金额\n"
                       "00123,2023-03-15,12.3\n"
                       "\n"
                       "\"王,五\",2023-03-16 12:00:00,100\n"
                       "\"A\"\"1\",2023-03-17,0.3,,,TRUE\n");
    // The same workbook deflated, and in the 1904 date system (serials 1462 days smaller).
    CHECK(csv_of(make_zip(book({{"订单", kOrders}}, kSst, kXfs, kFmts), true)) == csv_of(z));
    const std::string z1904 = make_zip(book({{"订单", kOrders}}, kSst, kXfs, kFmts, true));
    CHECK(csv_of(z1904).find("00123,2027-03-16,12.3") != std::string::npos);
}

TEST_CASE("xlsx: the sheet is chosen by name or number; hidden sheets are not the default", "[io][xlsx]") {
    const std::string one = "<row r=\"1\"><c t=\"inlineStr\"><is><t>first</t></is></c></row>";
    const std::string two = "<row r=\"1\"><c t=\"inlineStr\"><is><t>second</t></is></c></row>";
    const std::string z = make_zip(book({{"封面", one}, {"Orders", two}}, ""));
    auto r = workbook_to_csv(z);
    REQUIRE(r);
    CHECK(r->sheets == std::vector<std::string>{"封面", "Orders"});
    CHECK(r->sheet == "封面");
    CHECK(r->text == "first\n");
    CHECK(csv_of(z, "Orders") == "second\n");
    CHECK(csv_of(z, "orders") == "second\n");
    CHECK(csv_of(z, "2") == "second\n");
    auto missing = workbook_to_csv(z, "汇总");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == "io.xlsx_no_sheet");
    CHECK(missing.error().args == std::vector<std::string>{"汇总", "封面, Orders"});
    auto names = workbook_sheets(z);
    REQUIRE(names);
    CHECK(names->size() == 2);

    Parts hidden = book({{"封面", one}, {"Orders", two}}, "");
    for (auto& [n, d] : hidden)
        if (n == "xl/workbook.xml") d.replace(d.find("sheetId=\"1\""), 0, "state=\"hidden\" ");
    CHECK(csv_of(make_zip(hidden)) == "second\n");
}

TEST_CASE("xlsx: a workbook imports like the same orders as CSV", "[io][xlsx][import]") {
    std::string rows = "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c></row>";
    std::string csv = "会员编号,下单日期,金额\n";
    for (int i = 0; i < 300; ++i) {
        const std::string id = (i % 7 < 3 ? "000" : "00") + std::to_string(100 + i % 40);
        const int serial = 45000 + (i * 37) % 400;
        rows += "<row r=\"" + std::to_string(i + 2) + "\"><c t=\"inlineStr\"><is><t>" + id + "</t></is></c><c s=\"1\"><v>" +
                std::to_string(serial) + "</v></c><c><v>" + std::to_string(10 + i % 13) + ".5</v></c></row>";
        csv += id + "," + xlsx::serial_to_text(serial, false) + "," + std::to_string(10 + i % 13) + ".5\n";
    }
    const std::string z = make_zip(book({{"订单", rows}}, kSst, kXfs, kFmts), true);
    ImportOptions o;
    o.file_name = "orders.xlsx";
    auto a = import_orders(z, o);
    auto b = import_orders(csv);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->report.rows_accepted == 300);
    CHECK(a->orders.customer_ids.size() == b->orders.customer_ids.size());
    CHECK(a->orders.customer == b->orders.customer);
    CHECK(a->orders.day == b->orders.day);
    CHECK(a->orders.amount == b->orders.amount);
    for (std::uint32_t i = 0; i < a->orders.customer_ids.size(); ++i)
        CHECK(a->orders.customer_ids.at(i) == b->orders.customer_ids.at(i));  // "000100" kept as text

    // Stored behind a header line (as the app stores an import), the workbook is read where it lies.
    const std::string head = "{\"format\":\"yutang-import\"}\n";
    ImportOptions skip = o;
    skip.skip = head.size();
    auto stored = Importer::start(std::make_shared<const std::string>(head + z), skip);
    REQUIRE(stored);
    while (!stored->done()) REQUIRE(stored->step(1000));
    const OrderTable c = stored->take();
    CHECK(c.customer == a->orders.customer);
    CHECK(c.day == a->orders.day);
    CHECK(c.amount == a->orders.amount);

    auto p = preview_orders(z, o, 5);
    REQUIRE(p);
    CHECK(p->sheets == std::vector<std::string>{"订单"});
    CHECK(p->missing.empty());
    CHECK(p->header.at(1) == "下单日期");
    CHECK(p->rows.at(0).at(1) == "2023-03-15");
}

TEST_CASE("xlsx: bad workbooks are refused with their own error", "[io][xlsx]") {
    const Parts good = book({{"订单", kOrders}}, kSst, kXfs, kFmts);
    // Malformed XML, with the part and line.
    auto bad = workbook_to_csv(make_zip(replace(good, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>")));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "io.xlsx_bad_xml");
    CHECK(bad.error().args.at(0) == "xl/worksheets/sheet1.xml");
    // A DOCTYPE (entity expansion) is refused before any entity is declared.
    const std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                               "<sst><si><t>&b;</t></si></sst>";
    auto dtd = workbook_to_csv(make_zip(replace(good, "xl/sharedStrings.xml", laughs)));
    REQUIRE_FALSE(dtd);
    CHECK(dtd.error().code == "io.xlsx_bad_xml");
    CHECK(dtd.error().args.at(2) == "DOCTYPE");
    // A damaged entry fails its CRC.
    std::string z = make_zip(good);
    z[z.find("00123")] = '9';
    CHECK(error_of(z) == "io.xlsx_corrupt");
    CHECK(error_of(z.substr(0, z.size() / 2)) == "io.xlsx_corrupt");
    // Zip-level encryption, the password-protected OLE form, old .xls.
    CHECK(error_of(make_zip(good, false, 1)) == "io.xlsx_encrypted");
    std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    ole.resize(512, '\0');
    const std::string name16("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);
    CHECK(error_of(ole + name16) == "io.xlsx_encrypted");
    CHECK(error_of(ole + std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16)) == "io.xls_file");
    // Not a workbook; a workbook without worksheets.
    CHECK(error_of(make_zip({{"word/document.xml", "<w/>"}})) == "io.xlsx_not_workbook");
    CHECK(error_of(make_zip(book({}, ""))) == "io.xlsx_no_sheet");
    // A zip bomb: 8 MiB of spaces deflate to a few KB.
    std::string big = std::string("<worksheet><sheetData/>") + std::string(8u << 20, ' ') + "</worksheet>";
    auto bomb = workbook_to_csv(make_zip(replace(good, "xl/worksheets/sheet1.xml", big), true));
    REQUIRE_FALSE(bomb);
    CHECK(bomb.error().code == "io.xlsx_zip_bomb");
    XlsxLimits small;
    small.max_entry = 1 << 20;
    CHECK(error_of(make_zip(replace(good, "xl/worksheets/sheet1.xml", big)), small) == "io.xlsx_too_large");
    // Shared strings past their caps: the declared count, or the entries themselves.
    small = XlsxLimits{};
    small.max_strings = 3;
    CHECK(error_of(make_zip(good), small) == "io.xlsx_too_many_strings");
    Parts counted = replace(good, "xl/sharedStrings.xml", std::string("<sst") + kNs + " uniqueCount=\"99999999\">" + kSst + "</sst>");
    CHECK(error_of(make_zip(counted)) == "io.xlsx_too_many_strings");
    // A shared string index out of range.
    CHECK(error_of(make_zip(replace(good, "xl/worksheets/sheet1.xml", std::string("<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>99</v></c></row></sheetData></worksheet>")))) ==
          "io.xlsx_corrupt");
}

TEST_CASE("Every xlsx error code has Chinese and English text", "[io][xlsx]") {
    for (const char* code : {"io.xls_file", "io.xlsx_encrypted", "io.xlsx_corrupt", "io.xlsx_zip64", "io.xlsx_compression",
                             "io.xlsx_too_large", "io.xlsx_zip_bomb", "io.xlsx_too_many_strings", "io.xlsx_bad_xml",
                             "io.xlsx_not_workbook", "io.xlsx_no_sheet"}) {
        INFO(code);
        CHECK(has_tr(code));
        CHECK(std::string(tr(code, Lang::Zh)) != std::string(tr(code, Lang::En)));
    }
}

TEST_CASE("xlsx export: a CSV table as a workbook reads back cell for cell", "[io][xlsx]") {
    CsvWriter w;
    w.text("客户ID").text("备注").text("金额").text("次数").end_row();
    w.text("00123").text("=HYPERLINK(\"x\")").number(129.5, 2).integer(3).end_row();
    w.text("13800000001234567").text("a<b & \"c\"\x01").number(-0.25).integer(0).end_row();
    w.text("王,五").text("line1\nline2").text("").integer(12).end_row();
    const std::string book = csv_to_xlsx(w.str(), "分层名单: [all]");
    CHECK(book.compare(0, 4, "PK\x03\x04") == 0);
    auto back = workbook_to_csv(book);
    REQUIRE(back);
    CHECK(back->sheets == std::vector<std::string>{"分层名单_ _all_"});
    CHECK(back->text == "客户ID,备注,金额,次数\n"
                        "00123,\"'=HYPERLINK(\"\"x\"\")\",129.5,3\n"  // text stays text; the guard is kept
                        "13800000001234567,\"a<b & \"\"c\"\"\",-0.25,0\n"
                        "\"王,五\",\"line1\nline2\",,12\n");
    CHECK(xlsx_file_name("tiers-all.csv") == "tiers-all.xlsx");
}
