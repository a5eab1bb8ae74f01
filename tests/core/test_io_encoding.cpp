// test_io_encoding.cpp — encoding detection and decoding (UTF-8, UTF-16 LE/BE, GB18030 incl. 4-byte).
//
// Expected bytes were produced with Python 3.11: s.encode('gb18030'), s.encode('utf-16-le'), ...
#include <catch2/catch.hpp>

#include <string>

#include "core/io/encoding.hpp"

using namespace yt;

namespace {

std::string decode_all(Encoding e, const std::string& in) {
    std::string out;
    const std::size_t used = io::decode_append(e, in, true, out);
    REQUIRE(used == in.size());
    return out;
}

// Feeds the input one byte at a time (final only at the end), as the importer's chunks may cut
// a sequence anywhere.
std::string decode_bytewise(Encoding e, const std::string& in) {
    std::string out, pending;
    for (char c : in) {
        pending.push_back(c);
        const std::size_t used = io::decode_append(e, pending, false, out);
        pending.erase(0, used);
    }
    io::decode_append(e, pending, true, out);
    return out;
}

std::uint32_t gb_one(const std::string& bytes, std::size_t* len = nullptr) {
    std::uint32_t cp = 0;
    const std::size_t n = io::gb18030_decode_one(bytes, cp);
    if (len) *len = n;
    return cp;
}

}  // namespace

TEST_CASE("GB18030 single code points: 1, 2 and 4 bytes", "[io][encoding]") {
    std::size_t n = 0;
    CHECK(gb_one("A", &n) == 'A');
    CHECK(n == 1);
    CHECK(gb_one("\xA2\xE3", &n) == 0x20AC);  // €
    CHECK(n == 2);
    CHECK(gb_one("\xD5\xC5", &n) == 0x5F20);  // 张
    CHECK(gb_one("\xA3\xA0", &n) == 0xE5E5);  // private use, 2-byte in GB18030
    CHECK(n == 2);
    CHECK(gb_one("\x81\x30\x81\x30", &n) == 0x0080);  // first 4-byte code
    CHECK(n == 4);
    CHECK(gb_one("\x81\x30\x84\x36", &n) == 0x00A5);  // ¥ is 4-byte
    CHECK(gb_one("\x84\x31\xA4\x39", &n) == 0xFFFF);  // last BMP code
    CHECK(gb_one("\x94\x39\xFC\x36", &n) == 0x1F600);  // 😀, supplementary plane
    CHECK(n == 4);
    CHECK(gb_one("\x90\x30\x81\x30") == 0x10000);
    CHECK(gb_one("\xE3\x32\x9A\x35") == 0x10FFFF);
}

TEST_CASE("GB18030 invalid and cut sequences", "[io][encoding]") {
    std::size_t n = 0;
    CHECK(gb_one("\x80", &n) == 0xFFFFFFFFu);
    CHECK(n == 1);
    CHECK(gb_one("\xFF", &n) == 0xFFFFFFFFu);
    CHECK(gb_one("\x84\x31\xA5\x30", &n) == 0xFFFFFFFFu);  // just past the BMP range
    CHECK(n == 1);
    CHECK(gb_one("\xE3\x32\x9A\x36") == 0xFFFFFFFFu);  // past U+10FFFF
    CHECK(gb_one("\x81\x20") == 0xFFFFFFFFu);          // bad trail byte
    gb_one("\xD5", &n);
    CHECK(n == 0);  // cut: needs more input
    gb_one("\x81\x30\x81", &n);
    CHECK(n == 0);
    // Invalid input becomes the marker byte 0xFF, never silently dropped.
    CHECK(decode_all(Encoding::Gb18030, std::string("a\x80" "b", 3)) == "a\xFF" "b");
    CHECK(decode_all(Encoding::Gb18030, "x\xD5") == "x\xFF");  // cut at the very end
}

TEST_CASE("GB18030 text decodes to the UTF-8 Python gives", "[io][encoding]") {
    // "张三丰,€\u0080,😀¥,\ue5e5,北京\n" in GB18030 (Python) and in UTF-8.
    const std::string gb =
        "\xD5\xC5\xC8\xFD\xB7\xE1\x2C\xA2\xE3\x81\x30\x81\x30\x2C\x94\x39\xFC\x36\x81\x30\x84\x36\x2C\xA3\xA0"
        "\x2C\xB1\xB1\xBE\xA9\x0A";
    const std::string utf8 =
        "\xE5\xBC\xA0\xE4\xB8\x89\xE4\xB8\xB0,\xE2\x82\xAC\xC2\x80,\xF0\x9F\x98\x80\xC2\xA5,\xEE\x97\xA5,"
        "\xE5\x8C\x97\xE4\xBA\xAC\n";
    CHECK(decode_all(Encoding::Gb18030, gb) == utf8);
    CHECK(decode_bytewise(Encoding::Gb18030, gb) == utf8);
    CHECK(io::gb18030_error_count(gb) == 0);
    CHECK(io::utf8_error_count(gb) > 0);
}

TEST_CASE("UTF-16 LE and BE decode, surrogate pairs included", "[io][encoding]") {
    // "客户ID\tA1😀\n" (Python: .encode('utf-16-le') / 'utf-16-be'), no BOM.
    const std::string le("\xA2\x5B\x37\x62\x49\x00\x44\x00\x09\x00\x41\x00\x31\x00\x3D\xD8\x00\xDE\x0A\x00", 20);
    const std::string be("\x5B\xA2\x62\x37\x00\x49\x00\x44\x00\x09\x00\x41\x00\x31\xD8\x3D\xDE\x00\x00\x0A", 20);
    const std::string utf8 = "\xE5\xAE\xA2\xE6\x88\xB7ID\tA1\xF0\x9F\x98\x80\n";
    CHECK(decode_all(Encoding::Utf16LE, le) == utf8);
    CHECK(decode_all(Encoding::Utf16BE, be) == utf8);
    CHECK(decode_bytewise(Encoding::Utf16LE, le) == utf8);
    CHECK(decode_bytewise(Encoding::Utf16BE, be) == utf8);
    // A lone surrogate and an odd trailing byte are marked, not dropped.
    CHECK(decode_all(Encoding::Utf16LE, std::string("\x3D\xD8\x41\x00", 4)) == "\xFF" "A");
    CHECK(decode_all(Encoding::Utf16LE, std::string("\x41\x00\x42", 3)) == "A\xFF");
}

TEST_CASE("UTF-8 validation", "[io][encoding]") {
    CHECK(io::is_valid_utf8("plain ascii, long enough to use the word loop"));
    CHECK(io::is_valid_utf8("\xE5\xBC\xA0\xE4\xB8\x89 \xF0\x9F\x98\x80"));
    CHECK_FALSE(io::is_valid_utf8("\xC0\xAF"));          // overlong
    CHECK_FALSE(io::is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(io::is_valid_utf8("\xF4\x90\x80\x80"));  // > U+10FFFF
    CHECK_FALSE(io::is_valid_utf8("ab\xE5\xBC"));        // cut
    CHECK(io::utf8_valid_prefix("ok\xFFno") == 2);
    CHECK(io::utf8_error_count("\xFF\xFE" "a\x80") == 3);
}

TEST_CASE("Encoding detection", "[io][encoding]") {
    auto det = [](const std::string& s) { return detect_encoding(s); };
    SECTION("BOMs") {
        auto r = det("\xEF\xBB\xBF" "a,b\n");
        REQUIRE(r);
        CHECK(r->encoding == Encoding::Utf8);
        CHECK(r->bom == 3);
        r = det(std::string("\xFF\xFE" "a\x00", 4));
        REQUIRE(r);
        CHECK(r->encoding == Encoding::Utf16LE);
        CHECK(r->bom == 2);
        r = det(std::string("\xFE\xFF\x00" "a", 4));
        REQUIRE(r);
        CHECK(r->encoding == Encoding::Utf16BE);
    }
    SECTION("UTF-8 vs GB18030 without BOM") {
        auto r = det("id,name\n1,\xE5\xBC\xA0\xE4\xB8\x89\n");
        REQUIRE(r);
        CHECK(r->encoding == Encoding::Utf8);
        r = det("id,name\n1,\xD5\xC5\xC8\xFD\xB7\xE1\n");
        REQUIRE(r);
        CHECK(r->encoding == Encoding::Gb18030);
        r = det("customer,date,amount\nC1,2024-01-01,5\n");
        REQUIRE(r);
        CHECK(r->encoding == Encoding::Utf8);
    }
    SECTION("Chinese text far from the start is still seen") {
        std::string s = "id,date,amount,name\n";
        while (s.size() < 200000) s += "1,2024-01-01,5,abc\n";
        s += "2,2024-01-02,6,\xD5\xC5\xC8\xFD\n";
        auto r = det(s);
        REQUIRE(r);
        CHECK(r->encoding == Encoding::Gb18030);
    }
    SECTION("UTF-16 without BOM by its zero bytes") {
        const std::string le("\x41\x00\x2C\x00\x42\x00\x0A\x00\x31\x00\x2C\x00\x32\x00\x0A\x00", 16);
        auto r = det(le);
        REQUIRE(r);
        CHECK(r->encoding == Encoding::Utf16LE);
    }
    SECTION("unreadable input") {
        CHECK(det("").error().code == "io.empty_file");
        CHECK(det(std::string("PK\x03\x04\x14\x00", 6)).error().code == "io.spreadsheet_file");
        CHECK(det("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").error().code == "io.spreadsheet_file");
        std::string garbage;
        std::uint32_t x = 12345;
        for (int i = 0; i < 4096; ++i) {
            x = x * 1103515245u + 12345u;
            garbage.push_back(static_cast<char>(x >> 24));
        }
        CHECK(det(garbage).error().code == "io.binary_file");
    }
    SECTION("forced encoding keeps the guess out but still skips its BOM") {
        auto r = detect_encoding("\xEF\xBB\xBF" "abc", Encoding::Gb18030);
        REQUIRE(r);
        CHECK(r->encoding == Encoding::Gb18030);
        CHECK(r->bom == 0);
        r = detect_encoding("\xEF\xBB\xBF" "abc", Encoding::Utf8);
        REQUIRE(r);
        CHECK(r->bom == 3);
    }
}

TEST_CASE("Encoding names", "[io][encoding]") {
    CHECK(parse_encoding("GBK") == Encoding::Gb18030);
    CHECK(parse_encoding("utf8") == Encoding::Utf8);
    CHECK(parse_encoding("UTF-16LE") == Encoding::Utf16LE);
    CHECK_FALSE(parse_encoding("latin1"));
    CHECK(std::string(encoding_name(Encoding::Gb18030)) == "gb18030");
}
