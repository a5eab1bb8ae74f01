// test_workspace_robustness.cpp — damaged workspace files and stored imports: every malformed,
// truncated, byte-flipped, enormous or wrongly encoded file gives an Error with a translated
// code (never a crash, never a partly read workspace); stored imports round-trip.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>

#include "core/i18n/i18n.hpp"
#include "core/io/import_blob.hpp"
#include "core/plan/demo.hpp"
#include "core/persist/persist.hpp"

using namespace yt;

namespace {

// A small workspace (a few KB saved) so that every prefix can be tried.
Workspace small_workspace() {
    Workspace ws;
    ws.name = "小店 \"测试\"";
    ws.brand = "花漾";
    Persona p;
    p.id = "p1";
    p.name = "小婉";
    p.taboo_words = {"最便宜", "第一"};
    ws.roles.personas.push_back(p);
    ContentItem it;
    it.id = "it1";
    it.day = kDemoToday;
    it.channel = "moments";
    it.type = "promo";
    it.title = "双十一预售，第一波";
    it.notes = "记得@所有人\n链接在评论区";
    it.repeat.kind = "weekly";
    it.repeat.weekdays = {0, 3};
    ws.calendar.items.push_back(it);
    return ws;
}

// The load failed with a code that both languages can describe.
bool clean_error(const Result<Workspace>& r) {
    return !r && r.error().code.rfind("persist.", 0) == 0 && has_tr(r.error().code);
}

// The text re-wrapped with a checksum that matches its payload, so the payload itself is tested.
std::string with_checksum(const std::string& payload) {
    return std::string("{\"format\":\"yutang.workspace\",\"schema\":1,\"app\":\"0.1.0\",\"checksum\":\"fnv1a64:") +
           hex64(fnv1a64(payload)) + "\",\"payload\":" + payload + "}";
}

// UTF-8 to UTF-16LE (no surrogates needed for the BMP text of a workspace, but handled).
std::string utf16le(const std::string& s, bool bom) {
    std::string out = bom ? std::string("\xFF\xFE", 2) : std::string();
    auto unit = [&out](unsigned u) {
        out.push_back(static_cast<char>(u & 0xFF));
        out.push_back(static_cast<char>(u >> 8));
    };
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        unsigned cp;
        int n;
        if (c < 0x80) { cp = c; n = 0; }
        else if (c < 0xE0) { cp = c & 0x1F; n = 1; }
        else if (c < 0xF0) { cp = c & 0x0F; n = 2; }
        else { cp = c & 0x07; n = 3; }
        for (int k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += static_cast<std::size_t>(n) + 1;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + (cp >> 10));
            unit(0xDC00 + (cp & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("workspace file: every prefix of a saved workspace is refused cleanly", "[persist][robust]") {
    const std::string text = save_workspace_json(small_workspace());
    REQUIRE(text.size() > 1000);
    REQUIRE(text.size() < 8000);
    REQUIRE(load_workspace_json(text));
    // The whole file minus its final newline still loads; anything shorter must not.
    for (std::size_t n = 0; n + 1 < text.size(); ++n) {
        auto r = load_workspace_json(std::string_view(text).substr(0, n));
        INFO("prefix of " << n << " bytes");
        REQUIRE(clean_error(r));
    }
    // The demo workspace (about 56 KB), at a stride.
    const std::string demo = save_workspace_json(demo_workspace(kDemoToday));
    for (std::size_t n = 0; n + 1 < demo.size(); n += 211) {
        INFO("demo prefix of " << n << " bytes");
        REQUIRE(clean_error(load_workspace_json(std::string_view(demo).substr(0, n))));
    }
}

TEST_CASE("workspace file: flipped bytes give an error or the very same workspace", "[persist][robust]") {
    const std::string text = save_workspace_json(small_workspace());
    int errors = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (unsigned char x : {0x01, 0x20, 0x80}) {
            std::string bad = text;
            bad[i] = static_cast<char>(static_cast<unsigned char>(bad[i]) ^ x);
            auto r = load_workspace_json(bad);
            INFO("byte " << i << " xor " << int(x));
            if (r) REQUIRE(save_workspace_json(*r) == text);  // e.g. the "app" field, which is not checked
            else { REQUIRE(clean_error(r)); ++errors; }
        }
    }
    CHECK(errors > static_cast<int>(text.size()) * 2);  // nearly every flip is caught
}

TEST_CASE("workspace file: malformed envelopes and payloads", "[persist][robust]") {
    const std::string payload = save_workspace_json(small_workspace());
    auto code = [](const std::string& s) {
        auto r = load_workspace_json(s);
        return r ? std::string("ok") : r.error().code;
    };
    CHECK(code("") == "persist.empty");
    CHECK(code(" \r\n\t") == "persist.empty");
    CHECK(code("null") == "persist.not_workspace");
    CHECK(code("[]") == "persist.not_workspace");
    CHECK(code("\"yutang.workspace\"") == "persist.not_workspace");
    CHECK(code("{\"format\":\"other\"}") == "persist.not_workspace");
    CHECK(code("{\"format\":\"yutang.workspace\"}") == "persist.bad_envelope");
    CHECK(code("{\"format\":\"yutang.workspace\",\"schema\":-1,\"payload\":{}}") == "persist.bad_envelope");
    CHECK(code("{\"format\":\"yutang.workspace\",\"schema\":1.5,\"payload\":{}}") == "persist.bad_envelope");
    CHECK(code("{\"format\":\"yutang.workspace\",\"schema\":1,\"payload\":[]}") == "persist.bad_envelope");
    CHECK(code("{\"format\":\"yutang.workspace\",\"schema\":1,\"payload\":{}}") == "persist.bad_envelope");
    CHECK(code("{\"format\":\"yutang.workspace\",\"schema\":1,\"checksum\":7,\"payload\":{}}") == "persist.bad_envelope");
    CHECK(code("{\"format\":\"yutang.workspace\",\"schema\":99,\"payload\":{}}") == "persist.too_new");
    CHECK(code(payload + "x") == "persist.not_json");
    CHECK(code(payload + payload) == "persist.not_json");
    CHECK(code(std::string("{\"format\":\"yutang.workspace\"}\0", 30)) == "persist.bad_envelope");  // NUL ends the text
    // Correct checksums over payloads cereal cannot read: missing fields, wrong types.
    CHECK(code(with_checksum("{}")) == "persist.bad_payload");
    CHECK(code(with_checksum("{\"name\":\"x\"}")) == "persist.bad_payload");
    CHECK(code(with_checksum("{\"name\":7,\"brand\":\"\"}")) == "persist.bad_payload");
    std::string wrong_type = payload;
    const std::size_t at = wrong_type.find("\"mask_personal\":true");
    REQUIRE(at != std::string::npos);
    wrong_type.replace(at, 20, "\"mask_personal\":\"yes\"");
    const std::size_t body = wrong_type.find("\"payload\":") + 10;
    CHECK(code(with_checksum(wrong_type.substr(body, wrong_type.size() - body - 2))) == "persist.bad_payload");
    // Schema 0 never existed.
    std::string zero = payload;
    const std::string now = "\"schema\":" + std::to_string(kSchemaVersion);
    zero.replace(zero.find(now), now.size(), "\"schema\":0");
    CHECK(code(zero) == "persist.schema_unknown");
}

TEST_CASE("workspace file: enormous nesting and strings give an error, not a stack overflow",
          "[persist][robust]") {
    const std::size_t big = 50u << 20;  // 50 MB
    // Unclosed, closed, and inside an otherwise valid envelope.
    CHECK(clean_error(load_workspace_json(std::string(big, '['))));
    std::string closed = std::string(200000, '[') + std::string(200000, ']');
    CHECK(clean_error(load_workspace_json(closed)));
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    objects += "1";
    objects += std::string(100000, '}');
    CHECK(clean_error(load_workspace_json(objects)));
    const std::string deep_payload = std::string(100000, '[') + std::string(100000, ']');
    CHECK(clean_error(load_workspace_json(with_checksum("{\"name\":" + deep_payload + "}"))));
    // Brackets inside strings are text, not nesting: a long string of them is a valid name.
    Workspace ws = small_workspace();
    ws.name = std::string(100000, '[');
    auto back = load_workspace_json(save_workspace_json(ws));
    REQUIRE(back);
    CHECK(back->name == ws.name);
    // A 50 MB string where the envelope should be, and a 10 MB payload that is not a workspace
    // (read all the way to cereal: checksum, copy, re-write).
    std::string huge_string = "{\"format\":\"" + std::string(big, 'x') + "\"}";
    CHECK(load_workspace_json(huge_string).error().code == "persist.not_workspace");
    std::string huge_payload = with_checksum("{\"name\":\"" + std::string(big / 5, 'y') + "\"}");
    CHECK(load_workspace_json(huge_payload).error().code == "persist.bad_payload");
}

TEST_CASE("workspace file: UTF-16 and GB18030 files are refused", "[persist][robust]") {
    const std::string text = save_workspace_json(small_workspace());
    CHECK(clean_error(load_workspace_json(utf16le(text, true))));
    CHECK(clean_error(load_workspace_json(utf16le(text, false))));
    // The name 小店 re-encoded by an editor as GB18030 (D0A1 B5EA): the checksum no longer matches.
    std::string gb = text;
    const std::size_t at = gb.find("小店");
    REQUIRE(at != std::string::npos);
    gb.replace(at, std::string("小店").size(), "\xD0\xA1\xB5\xEA");
    CHECK(load_workspace_json(gb).error().code == "persist.checksum");
    // A UTF-8 BOM (added by some Windows editors) is harmless: the same workspace loads.
    auto bom = load_workspace_json("\xEF\xBB\xBF" + text);
    REQUIRE(bom);
    CHECK(save_workspace_json(*bom) == text);
}

TEST_CASE("stored import: pack and unpack round-trip; a damaged header is refused", "[io][robust]") {
    ImportOptions o;
    o.encoding = Encoding::Gb18030;
    o.delimiter = "tab";
    o.header = HeaderMode::No;
    o.mapping = *parse_column_spec("customer=1,date=2,amount=3,city=5");
    const std::string bytes = std::string("会员\t日期\t金额\n\0\xFF\r\n", 23) + std::string(3000, 'z');
    const std::string blob = pack_import("订单 \"11月\".tsv", o, bytes);
    auto s = unpack_import(blob);
    REQUIRE(s);
    CHECK(s->file_name == "订单 \"11月\".tsv");
    CHECK(s->options.file_name == s->file_name);
    CHECK(s->options.encoding == Encoding::Gb18030);
    CHECK(s->options.delimiter == "tab");
    CHECK(s->options.header == HeaderMode::No);
    REQUIRE(s->options.mapping);
    CHECK(format_column_spec(*s->options.mapping) == format_column_spec(*o.mapping));
    CHECK(s->bytes == bytes);

    auto plain = unpack_import(pack_import("a.csv", ImportOptions{}, ""));
    REQUIRE(plain);
    CHECK(plain->options.encoding == Encoding::Auto);
    CHECK(plain->options.header == HeaderMode::Auto);
    CHECK_FALSE(plain->options.mapping);
    CHECK(plain->bytes.empty());

    const std::string header = blob.substr(0, blob.find('\n'));
    for (const std::string& bad : {std::string(), std::string("no newline at all"), header,
                                   "\n" + bytes, "{\"format\":\"other\"}\n" + bytes, "[1,2]\n" + bytes,
                                   std::string("{\"format\":\"yutang-import\",\"encoding\":\"ebcdic\"}\n"),
                                   std::string("{\"format\":\"yutang-import\",\"columns\":\"customer=x\"}\n"),
                                   header.substr(0, header.size() - 1) + "\n" + bytes}) {
        auto r = unpack_import(bad);
        INFO(bad.substr(0, 60));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "io.bad_stored_import");
    }
    // Every truncation of the header is refused.
    for (std::size_t n = 0; n < header.size(); ++n)
        CHECK_FALSE(unpack_import(header.substr(0, n) + "\n" + bytes));
}

TEST_CASE("workspace file: doubles of every magnitude survive save and load exactly", "[persist][robust]") {
    // The checksum is taken over the payload as re-written after parsing, so a parse that loses
    // the last bit of a double (rapidjson without kParseFullPrecisionFlag) refuses a good file.
    Workspace ws = demo_workspace(kDemoToday);
    REQUIRE(ws.rules.rules.size() >= 3);
    std::uint64_t x = 88172645463325252ull;
    for (int round = 0; round < 40; ++round) {
        for (auto& r : ws.rules.rules) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const int exp = static_cast<int>(x % 80) - 40;
            r.value = static_cast<double>(x >> 11) / 9007199254740992.0 * std::pow(10.0, exp);
        }
        const std::string text = save_workspace_json(ws);
        auto back = load_workspace_json(text);
        INFO(text.substr(text.find("\"rules\""), 200));
        REQUIRE(back);
        for (std::size_t i = 0; i < ws.rules.rules.size(); ++i) REQUIRE(back->rules.rules[i].value == ws.rules.rules[i].value);
    }
}
