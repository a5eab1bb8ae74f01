// test_fuzz_regressions.cpp — what the libFuzzer targets (tests/fuzz) found, replayed through the
// same code paths with the values the fuzzer built, so each fixed failure stays fixed.
#include <catch2/catch.hpp>

#include <climits>
#include <string>

#include "core/calendar/exports.hpp"
#include "edit_try.hpp"
#include "core/io/import_blob.hpp"
#include "core/plan/demo.hpp"
#include "core/persist/persist.hpp"

using namespace yt;

namespace {

// One plan item and the roles the exports fuzzer builds around it.
struct Plan {
    CalendarPlan calendar;
    RolesPlan roles;
    CalendarExportOptions opt;
    explicit Plan(ContentItem it) {
        it.day = kDemoToday;
        if (it.channel.empty()) it.channel = "official";
        if (it.type.empty()) it.type = "review";
        calendar.items.push_back(std::move(it));
        opt.from = kDemoToday;
        opt.to = kDemoToday;
    }
};

// Every physical line ends with CRLF, has no other CR or LF, and is at most 75 octets.
void require_ics_lines(const std::string& ics) {
    REQUIRE(ics.size() >= 2);
    REQUIRE(ics.compare(ics.size() - 2, 2, "\r\n") == 0);
    std::size_t start = 0;
    while (start < ics.size()) {
        const std::size_t cr = ics.find('\r', start);
        REQUIRE(cr != std::string::npos);
        REQUIRE(ics[cr + 1] == '\n');
        const std::string line = ics.substr(start, cr - start);
        INFO(line);
        REQUIRE(line.find('\n') == std::string::npos);
        REQUIRE(line.size() <= 75);
        start = cr + 2;
    }
}

std::string logical_line(const std::string& ics, const std::string& key) {
    const std::size_t at = ics.find("\r\n" + key);
    if (at == std::string::npos) return "";
    return ics.substr(at + 2, ics.find("\r\n", at + 2) - at - 2);
}

}  // namespace

TEST_CASE("fuzz: an item minute of INT_MAX or INT_MIN gives valid ICS times, no overflow", "[fuzz]") {
    // fuzz_exports crash-900444885c3a…: UBSan, exports.cpp `it.minute + kEventMinutes` overflowed.
    for (int minute : {INT_MAX, INT_MIN, -30, 1440 + 75, 1439}) {
        ContentItem it;
        it.id = "it0";
        it.minute = minute;
        Plan p(it);
        const std::string ics = export_ics(p.calendar, p.roles, p.opt);
        INFO("minute " << minute);
        require_ics_lines(ics);
        const int m = ((minute % 1440) + 1440) % 1440;  // the time of day the CSV shows too
        char start[64], end[64];
        std::snprintf(start, sizeof start, "DTSTART;TZID=Asia/Shanghai:20261115T%02d%02d00", m / 60, m % 60);
        const int e = m + 30;
        std::snprintf(end, sizeof end, "DTEND;TZID=Asia/Shanghai:202611%02dT%02d%02d00", 15 + e / 1440, e % 1440 / 60,
                      e % 60);
        CHECK(logical_line(ics, "DTSTART;") == start);
        CHECK(logical_line(ics, "DTEND;") == end);
    }
}

TEST_CASE("fuzz: an item id with line breaks cannot break or inject ICS lines", "[fuzz]") {
    // fuzz_exports crash-a86fefc7…: the UID line was written unescaped, so an id holding LF left a
    // bare LF in the file (and "\r\nBEGIN:VEVENT" in an id would have added an event).
    ContentItem it;
    it.id = "活动\n链接在评论区\r\nBEGIN:VEVENT\rX;Y,Z\\";
    Plan p(it);
    const std::string ics = export_ics(p.calendar, p.roles, p.opt);
    require_ics_lines(ics);
    CHECK(logical_line(ics, "UID:") == "UID:活动\\n链接在评论区\\nBEGIN:VEVENT\\nX\\;Y\\,Z\\\\-20261115@yutang");
    std::size_t events = 0;
    for (std::size_t at = ics.find("BEGIN:VEVENT\r\n"); at != std::string::npos; at = ics.find("BEGIN:VEVENT\r\n", at + 1))
        ++events;
    CHECK(events == 1);
}

TEST_CASE("fuzz: folding a line of UTF-8 continuation bytes ends", "[fuzz]") {
    // fuzz_exports timeout-10896c36…: ics_fold_line stepped back over continuation bytes looking
    // for a sequence start; with 75 or more in a row it found none and looped forever.
    const std::string junk(300, '\x80');
    const std::string folded = ics_fold_line("DESCRIPTION:" + junk);
    require_ics_lines(folded);
    std::string unfolded;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded.compare(i, 3, "\r\n ") == 0) i += 2;
        else if (folded.compare(i, 2, "\r\n") == 0) break;
        else unfolded += folded[i];
    }
    CHECK(unfolded == "DESCRIPTION:" + junk);
    // Valid UTF-8 is still folded only between sequences.
    const std::string zh = ics_fold_line("SUMMARY:" + std::string(100, 'x') + "鱼塘");
    for (std::size_t at = zh.find("\r\n "); at != std::string::npos; at = zh.find("\r\n ", at + 1))
        CHECK((static_cast<unsigned char>(zh[at + 3]) & 0xC0) != 0x80);

    ContentItem it;
    it.id = "it0";
    it.notes = junk;
    it.title = std::string(80, '\xBF');
    Plan p(it);
    require_ics_lines(export_ics(p.calendar, p.roles, p.opt));
}

TEST_CASE("fuzz: deeply nested workspace files are refused before any recursion", "[fuzz]") {
    // The loader parsed with rapidjson's recursive parser and then copied, wrote and read the
    // payload recursively: a file of '[' (or a payload nested that deep under a correct checksum)
    // overflowed the stack.
    const std::string deep = std::string(1u << 20, '[');
    auto r = load_workspace_json(deep);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "persist.not_workspace");
    const std::string payload = "{\"name\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
    const std::string file = std::string("{\"format\":\"yutang.workspace\",\"schema\":1,\"checksum\":\"fnv1a64:") +
                             hex64(fnv1a64(payload)) + "\",\"payload\":" + payload + "}";
    auto q = load_workspace_json(file);
    REQUIRE_FALSE(q);
    CHECK(q.error().code == "persist.not_workspace");
    // Nesting as deep as a real workspace's (8) and a little more still reaches cereal.
    const std::string shallow = "{\"name\":" + std::string(60, '[') + std::string(60, ']') + "}";
    const std::string ok_depth = std::string("{\"format\":\"yutang.workspace\",\"schema\":1,\"checksum\":\"fnv1a64:") +
                                 hex64(fnv1a64(shallow)) + "\",\"payload\":" + shallow + "}";
    auto s = load_workspace_json(ok_depth);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "persist.bad_payload");
}

TEST_CASE("fuzz: a stored import whose header is nested deeply is refused", "[fuzz]") {
    // unpack_import parses the header line with rapidjson's recursive parser: 100000 '[' overflow
    // the stack (ASan: stack-overflow in GenericReader::ParseArray, import_blob.cpp:37).
    auto r = unpack_import(std::string(100000, '[') + "\nabc");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "io.bad_stored_import");
}

TEST_CASE("fuzz: a command nested deeply is refused", "[fuzz]") {
    // Edit JSON was parsed recursively, and merge()/to_text() recurse
    // over `value`: 100000 '[' overflow the stack.
    const Workspace ws = demo_workspace(kDemoToday);
    auto r = try_edit(std::string(100000, '['), ws);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "cmd.not_json");
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto t = try_edit("{\"type\":\"set_tiering\",\"value\":{\"a\":" + deep + "}}", ws);
    REQUIRE_FALSE(t);
}

TEST_CASE("fuzz: a name with a NUL character is refused, not cut on the next load", "[fuzz]") {
    // fuzz_workspace: {"type":"set_brand","value":"花漾\u0000 Huayang"} was applied (string_value
    // keeps the length), saved as "花漾\u0000 Huayang", and read back by cereal as "花漾".
    Workspace ws = demo_workspace(kDemoToday);
    const std::string before = save_workspace_json(ws);
    History h(ws);
    for (const char* cmd : {R"({"type":"set_brand","value":"花漾\u0000 Huayang"})", R"({"type":"set_name","value":"\u0000"})"}) {
        auto c = try_edit(cmd, ws);
        if (c) {
            REQUIRE(h.submit(std::move(*c)));
            auto back = load_workspace_json(save_workspace_json(ws));
            REQUIRE(back);
            CHECK(back->brand == ws.brand);
            CHECK(back->name == ws.name);
        } else {
            CHECK(c.error().code == "cmd.bad_value");
        }
    }
    while (h.undo()) {
    }
    CHECK(save_workspace_json(ws) == before);
}
