// fuzz_exports.cpp — libFuzzer target for the calendar exports (ICS, CSV, HTML checklist) and
// the CSV writer, with every user-typed text taken from the fuzz input.
//
// Build and run with Debian's clang: `./build.sh fuzz 60` (tests/fuzz/run.sh). Checked:
//  ICS  every line ends with CRLF (no bare CR or LF), no physical line is longer than 75 octets,
//       continuation lines start with a space, one VEVENT per occurrence (text cannot inject
//       lines), start and end are local date-times even for out-of-range minutes; when every
//       input text is valid UTF-8 the output is too and no fold splits a UTF-8 sequence (each
//       physical line is valid on its own).
//  CSV  the export parses back with the project's reader (core/io/csv_reader) into one row of 14
//       fields per occurrence whose text columns are the (formula-guarded) input; rows written
//       by CsvWriter with any options parse back to the same fields.
//  HTML every '<' opens one of the page's own tags; valid UTF-8 in, valid UTF-8 out.
// Failed checks abort, so libFuzzer keeps the input; YT_FUZZ_VERBOSE=1 prints the ICS and CSV.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "core/calendar/exports.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/io/csv_reader.hpp"
#include "core/io/csv_write.hpp"
#include "core/plan/demo.hpp"

namespace {

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n;
        std::uint32_t cp;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
        else return false;
        if (i + n >= s.size()) return false;  // the sequence runs past the end
        for (std::size_t k = 1; k <= n; ++k) {
            const unsigned char t = static_cast<unsigned char>(s[i + k]);
            if ((t & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (t & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += n + 1;
    }
    return true;
}

struct Texts {
    FuzzedDataProvider& in;
    bool all_valid = true;
    std::string next(std::size_t max = 120) {
        std::string s = in.ConsumeRandomLengthString(max);
        all_valid = all_valid && valid_utf8(s);
        return s;
    }
};

const char* const kChannels[] = {"moments", "group", "private", "official", "live", "miniprogram"};
const char* const kTypes[] = {"tutorial", "tryon", "review", "life", "promo", "live_perk", "launch", "coupon"};
const char* const kRepeats[] = {"", "daily", "weekly", "monthly"};

void check_ics(const std::string& ics, std::size_t occurrences, bool utf8_in) {
    check(ics.size() >= 2 && ics.compare(ics.size() - 2, 2, "\r\n") == 0);
    std::size_t start = 0, events = 0;
    std::string logical;
    auto finish_logical = [&] {
        if (logical == "BEGIN:VEVENT") ++events;
        for (const char* key : {"DTSTART;TZID=Asia/Shanghai:", "DTEND;TZID=Asia/Shanghai:"}) {
            if (logical.rfind(key, 0) != 0) continue;
            const std::string value = logical.substr(std::strlen(key));  // YYYYMMDDTHHMMSS
            check(value.size() == 15 && value[8] == 'T');
            for (std::size_t k = 0; k < value.size(); ++k) check(k == 8 || (value[k] >= '0' && value[k] <= '9'));
        }
        logical.clear();
    };
    while (start < ics.size()) {
        const std::size_t cr = ics.find('\r', start);
        check(cr != std::string::npos && cr + 1 < ics.size() && ics[cr + 1] == '\n');
        const std::string_view line(ics.data() + start, cr - start);
        check(line.find('\n') == std::string_view::npos);
        check(line.size() <= 75);
        if (utf8_in) check(valid_utf8(line));
        if (!line.empty() && line[0] == ' ' && start > 0) {
            logical.append(line.data() + 1, line.size() - 1);
        } else {
            finish_logical();
            logical.assign(line.data(), line.size());
        }
        start = cr + 2;
    }
    finish_logical();
    check(events == occurrences);
    if (utf8_in) check(valid_utf8(ics));
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text, char delimiter) {
    yt::io::Dialect d;
    d.delimiter = delimiter;
    yt::io::RecordReader r(d);
    std::vector<std::vector<std::string>> rows;
    std::size_t pos = 0;
    for (;;) {
        const auto got = r.next(text, pos, true);
        if (got == yt::io::RecordReader::Got::End) break;
        check(got == yt::io::RecordReader::Got::Record);
        check(!r.unclosed_quote());
        std::vector<std::string> row;
        for (std::string_view f : r.fields()) row.emplace_back(f);
        rows.push_back(std::move(row));
    }
    return rows;
}

bool same_row(const std::vector<std::string>& got, const std::vector<std::string>& want) {
    // A row of one empty field is an empty line, which a reader may see as no fields.
    if (want.size() == 1 && want[0].empty() && got.empty()) return true;
    return got == want;
}

void check_html(const std::string& html, bool utf8_in) {
    static const char* const kTags[] = {"!DOCTYPE html>", "html ", "/html>", "head>", "/head>", "meta ", "title>",
                                        "/title>", "style>", "/style>", "body>", "/body>", "h1>", "/h1>", "h2>",
                                        "/h2>", "p>", "/p>", "table>", "/table>", "tr>", "tr ", "/tr>", "th>",
                                        "/th>", "td>", "td ", "/td>", "br>", "small>", "/small>"};
    for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
        bool known = false;
        for (const char* t : kTags) known = known || html.compare(i + 1, std::strlen(t), t) == 0;
        check(known);
    }
    if (utf8_in) check(valid_utf8(html));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    Texts text{in};
    const std::uint8_t flags = in.ConsumeIntegral<std::uint8_t>();

    yt::RolesPlan roles;
    roles.personas.push_back(yt::Persona{});
    roles.personas[0].id = "p1";
    roles.personas[0].name = text.next();
    roles.accounts.push_back(yt::Account{});
    roles.accounts[0].id = "a1";
    roles.accounts[0].name = text.next();
    roles.accounts[0].persona = "p1";
    roles.accounts[0].operator_id = "o1";
    roles.groups.push_back(yt::Group{});
    roles.groups[0].id = "g1";
    roles.groups[0].name = text.next();
    roles.groups[0].owner_account = "a1";
    roles.operators.push_back(yt::Operator{});
    roles.operators[0].id = "o1";
    roles.operators[0].name = text.next();

    yt::CalendarExportOptions opt;
    opt.lang = (flags & 1) ? yt::Lang::En : yt::Lang::Zh;
    opt.excel_bom = (flags & 2) != 0;
    opt.calendar_name = text.next();
    const char* const whos[] = {"", "p1", "o1", "nobody"};
    opt.who = whos[(flags >> 2) & 3];
    opt.from = yt::kDemoToday + in.ConsumeIntegralInRange<int>(-40, 40);
    opt.to = opt.from + in.ConsumeIntegralInRange<int>(0, 60);

    yt::CalendarPlan plan;
    const int n_items = in.ConsumeIntegralInRange<int>(1, 4);
    for (int i = 0; i < n_items; ++i) {
        yt::ContentItem it;
        it.id = (flags & 16) ? text.next(40) : "it" + std::to_string(i);
        it.day = yt::kDemoToday + in.ConsumeIntegralInRange<int>(-40, 40);
        it.minute = (flags & 32) ? in.ConsumeIntegral<int>() : in.ConsumeIntegralInRange<int>(0, 1439);
        it.channel = in.ConsumeBool() ? kChannels[in.ConsumeIntegralInRange<int>(0, 5)] : text.next(20);
        it.type = in.ConsumeBool() ? kTypes[in.ConsumeIntegralInRange<int>(0, 7)] : text.next(20);
        it.persona = in.ConsumeBool() ? "p1" : text.next(10);
        it.account = in.ConsumeBool() ? "a1" : "";
        if (in.ConsumeBool()) it.groups.push_back("g1");
        if (in.ConsumeBool()) it.tiers.push_back(in.ConsumeBool() ? "champions" : text.next(20));
        it.title = text.next();
        it.notes = text.next(400);
        it.campaign = text.next();
        it.coupon_id = text.next(30);
        it.repeat.kind = kRepeats[in.ConsumeIntegralInRange<int>(0, 3)];
        if (it.repeat.kind == "weekly" && in.ConsumeBool()) it.repeat.weekdays = {0, 3, 6};
        it.repeat.until_day = in.ConsumeBool() ? 0 : it.day + in.ConsumeIntegralInRange<int>(0, 30);
        plan.items.push_back(std::move(it));
    }
    const bool utf8_in = text.all_valid;
    const std::size_t occurrences = yt::expand_occurrences(plan.items, opt.from, opt.to).size();

    const std::string ics = yt::export_ics(plan, roles, opt);
    if (std::getenv("YT_FUZZ_VERBOSE")) std::fwrite(ics.data(), 1, ics.size(), stderr);  // to study one input
    check_ics(ics, occurrences, utf8_in);

    // Calendar CSV: header + one row per occurrence, text columns as given.
    std::string csv = yt::export_calendar_csv(plan, roles, opt);
    if (std::getenv("YT_FUZZ_VERBOSE")) std::fwrite(csv.data(), 1, csv.size(), stderr);
    if (utf8_in) check(valid_utf8(csv));
    std::string_view body(csv);
    if (opt.excel_bom) {
        check(body.substr(0, yt::kUtf8Bom.size()) == yt::kUtf8Bom);
        body.remove_prefix(yt::kUtf8Bom.size());
    }
    const auto rows = parse_csv(body, ',');
    check(rows.size() == occurrences + 1);
    const auto occ = yt::expand_occurrences(plan.items, opt.from, opt.to);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        check(row.size() == 14);
        const yt::ContentItem& it = plan.items[occ[r - 1].item];
        check(row[9] == yt::csv_guard_formula(it.title));
        check(row[10] == yt::csv_guard_formula(it.campaign));
        check(row[11] == yt::csv_guard_formula(it.coupon_id));
        check(row[12] == yt::csv_guard_formula(it.notes));
        check(row[13] == yt::csv_guard_formula(yt::occurrence_uid(it, occ[r - 1].day)));
    }

    check_html(yt::export_checklist_html(plan, roles, opt), utf8_in);

    // CsvWriter with any options: what is written parses back.
    const char delims[] = {',', '\t', ';', '|'};
    yt::CsvWriter::Options wo;
    wo.delimiter = delims[(flags >> 6) & 3];
    wo.bom = in.ConsumeBool();
    wo.crlf = in.ConsumeBool();
    wo.guard_formulas = in.ConsumeBool();
    yt::CsvWriter w(wo);
    std::vector<std::vector<std::string>> want;
    const int n_rows = in.ConsumeIntegralInRange<int>(1, 4);
    for (int r = 0; r < n_rows; ++r) {
        std::vector<std::string> cells;
        const int n_cells = in.ConsumeIntegralInRange<int>(1, 5);
        for (int c = 0; c < n_cells; ++c) cells.push_back(text.next(40));
        w.row(cells);
        if (wo.guard_formulas)
            for (auto& c : cells) c = yt::csv_guard_formula(c);
        want.push_back(std::move(cells));
    }
    std::string_view written(w.str());
    if (wo.bom) written.remove_prefix(yt::kUtf8Bom.size());
    const auto got = parse_csv(written, wo.delimiter);
    // Empty lines may be skipped by the reader; compare the rows that are not a single empty cell.
    std::vector<std::vector<std::string>> want_nonempty, got_nonempty;
    for (const auto& r : want)
        if (!(r.size() == 1 && r[0].empty())) want_nonempty.push_back(r);
    for (const auto& r : got)
        if (!(r.empty() || (r.size() == 1 && r[0].empty()))) got_nonempty.push_back(r);
    check(got_nonempty.size() == want_nonempty.size());
    for (std::size_t r = 0; r < want_nonempty.size(); ++r) check(same_row(got_nonempty[r], want_nonempty[r]));
    return 0;
}
