// group_stats.cpp — reading a customer-group statistics export (see group_stats.hpp).
#include "core/groups/group_stats.hpp"

#include <cmath>

#include "core/io/columns.hpp"
#include "core/io/csv_reader.hpp"
#include "core/io/encoding.hpp"
#include "core/io/layout.hpp"
#include "core/io/values.hpp"

namespace yt {

namespace {

struct Alias {
    const char* key;
    const char* names;  // normalised header names, '|'-separated
};

// Header names per key (normalised: lower case, no spaces/_/brackets). From the WeCom API docs
// (playbook-facts §2.1, /cgi-bin/externalcontact/groupchat/statistic): member_total 截至当天客户群
// 总人数, new_member_cnt 客户群新增群人数, member_has_msg 截至当天有发过消息的群成员数, msg_total
// 截至当天客户群消息总数 (both the field names and their descriptions). Assumptions, not in the
// API: 群名称 and 群主 (the admin console's per-group export names the group; the API groups by
// owner or day), 退群人数 (the API has no leavers field), 日期/统计周期 and the short forms
// (群人数, 发言人数, 消息数 ...) seen in SCRM exports.
const Alias kAliases[] = {
    {"name", "群名称|群名|客户群名称|客户群|群聊名称|群聊|groupname|chatname|group|name"},
    {"owner", "群主|群主名称|群主姓名|群主账号|owner|groupowner"},
    {"members", "群人数|群成员数|群成员总数|成员数|总人数|群总人数|客户群总人数|截至当天客户群总人数|membertotal|"
                "members|membercount"},
    {"joins", "新增人数|新增|入群人数|入群|新增群人数|新增成员数|客户群新增群人数|入群人次|newmembercnt|joins|joined|"
              "newmembers"},
    {"quits", "退群人数|退群|退群人次|流失人数|今日流失|quits|left|leavers"},
    {"speakers", "发言人数|有发言成员数|发言成员数|有发过消息的群成员数|截至当天有发过消息的群成员数|memberhasmsg|"
                 "speakers|activemembers"},
    {"messages", "消息数|聊天总数|消息总数|发言条数|客户群消息总数|截至当天客户群消息总数|msgtotal|messages|msgcount"},
    {"date", "日期|统计日期|stattime|date|day"},
    {"period", "统计周期|周期|时间范围|统计时间|period"},
};
constexpr int kKeys = sizeof kAliases / sizeof kAliases[0];
enum { kName, kOwner, kMembers, kJoins, kQuits, kSpeakers, kMessages, kDate, kPeriod };

int key_of(std::string_view header) {
    const std::string n = normalise_header(header);
    for (int k = 0; k < kKeys; ++k)
        if (header_in_list(n, kAliases[k].names)) return k;
    return -1;
}

bool parse_count(std::string_view cell, int& out) {
    cell = io::trim_cell(cell);
    if (!cell.empty() && cell.back() == '%') return false;
    for (const char* unit : {"\xE4\xBA\xBA", "\xE6\x9D\xA1", "\xE4\xB8\xAA"})  // 人 条 个
        if (cell.size() > 3 && cell.substr(cell.size() - 3) == unit) cell.remove_suffix(3);
    const auto v = io::parse_amount(cell);
    if (!v || *v < 0 || *v > 1e9 || std::floor(*v) != *v) return false;
    out = static_cast<int>(*v);
    return true;
}

// "2024-03-01~2024-03-30" (also ～ 至 到 — and " - ").
bool parse_period(std::string_view cell, Day& a, Day& b) {
    cell = io::trim_cell(cell);
    for (std::string_view sep : {"~", "\xEF\xBD\x9E", "\xE8\x87\xB3", "\xE5\x88\xB0", "\xE2\x80\x94", " - "}) {
        const std::size_t at = cell.find(sep);
        if (at == std::string_view::npos) continue;
        const auto x = io::parse_order_date(io::trim_cell(cell.substr(0, at)));
        const auto y = io::parse_order_date(io::trim_cell(cell.substr(at + sep.size())));
        if (!x || !y || *y < *x) return false;
        a = *x;
        b = *y;
        return true;
    }
    const auto d = io::parse_order_date(cell);
    if (!d) return false;
    a = b = *d;
    return true;
}

std::string cell_text(std::string_view s) {
    s = io::trim_cell(s);
    std::string out(s.substr(0, 64));
    for (char& c : out) if (c == io::kBadByte) c = '?';
    return out;
}

}  // namespace

Result<GroupStatsFile> read_group_stats(std::string_view bytes, const std::string& file_name) {
    std::string text;
    std::string_view body;
    const auto enc = io::whole_text(bytes, text, body);
    if (!enc) return Error(enc.error().code, enc.error().args, Location{file_name, 0, 0, ""});
    GroupStatsFile out;
    out.encoding = encoding_name(*enc);
    io::RecordReader reader(io::detect_dialect(body, true));
    std::size_t pos = 0;
    int col[kKeys];
    for (int& c : col) c = -1;
    std::vector<std::string> header;
    bool have_header = false, any = false;
    while (reader.next(body, pos, true) == io::RecordReader::Got::Record) {
        const io::FieldList f = reader.fields();
        const int line = reader.record_line();
        if (io::is_blank(f)) continue;
        any = true;
        auto where = [&](int c) {
            return Location{file_name, line, c + 1, c >= 0 && c < static_cast<int>(header.size()) ? header[c] : ""};
        };
        if (!have_header) {
            // Title lines ("客户群统计 2024-03") come before the header: the header is the first
            // line that names a group and its members.
            std::vector<std::string> cells;
            for (const auto& c : f) cells.emplace_back(io::trim_cell(c));
            int found[kKeys];
            for (int& c : found) c = -1;
            for (int c = 0; c < static_cast<int>(cells.size()); ++c) {
                const int k = key_of(cells[c]);
                if (k >= 0 && found[k] < 0) found[k] = c;
            }
            if (found[kName] < 0 || found[kMembers] < 0) {
                if (line >= 5 || f.size() > 2) {
                    std::string miss;
                    if (found[kName] < 0) miss = "群名称";
                    if (found[kMembers] < 0) miss += std::string(miss.empty() ? "" : ", ") + "群人数";
                    return Error("groups.missing_columns", {miss}, Location{file_name, line, 0, ""});
                }
                continue;
            }
            for (int k = 0; k < kKeys; ++k) {
                col[k] = found[k];
                if (found[k] >= 0) out.columns.push_back(kAliases[k].key);
            }
            header = std::move(cells);
            have_header = true;
            out.per_day = col[kDate] >= 0;
            continue;
        }
        auto cell = [&](int k) -> std::string_view {
            return col[k] >= 0 && col[k] < static_cast<int>(f.size()) ? io::trim_cell(f[col[k]]) : std::string_view();
        };
        for (int k = 0; k < kKeys; ++k)
            if (cell(k).find(io::kBadByte) != std::string_view::npos)
                return Error("io.bad_encoding", {cell_text(cell(k))}, where(col[k]));
        GroupStatsRow r;
        r.line = line;
        r.name = std::string(cell(kName));
        r.owner = std::string(cell(kOwner));
        if (r.name.empty()) return Error("groups.no_name", {}, where(col[kName]));
        if (!parse_count(cell(kMembers), r.members))
            return Error("groups.bad_count", {cell_text(cell(kMembers))}, where(col[kMembers]));
        int* counts[] = {&r.joins, &r.quits, &r.speakers, &r.messages};
        const int keys[] = {kJoins, kQuits, kSpeakers, kMessages};
        for (int i = 0; i < 4; ++i) {
            if (cell(keys[i]).empty()) continue;
            if (!parse_count(cell(keys[i]), *counts[i]))
                return Error("groups.bad_count", {cell_text(cell(keys[i]))}, where(col[keys[i]]));
        }
        if (col[kDate] >= 0) {
            const auto d = io::parse_order_date(cell(kDate));
            if (!d) return Error("io.bad_date", {cell_text(cell(kDate))}, where(col[kDate]));
            r.first = r.last = *d;
        } else if (col[kPeriod] >= 0 && !cell(kPeriod).empty()) {
            if (!parse_period(cell(kPeriod), r.first, r.last))
                return Error("groups.bad_period", {cell_text(cell(kPeriod))}, where(col[kPeriod]));
        }
        out.rows.push_back(std::move(r));
    }
    if (!have_header) {
        if (!any) return Error("io.empty_file", {}, Location{file_name, 0, 0, ""});
        return Error("groups.missing_columns", {"群名称, 群人数"}, Location{file_name, 0, 0, ""});
    }
    if (out.rows.empty()) return Error("io.header_only", {}, Location{file_name, 0, 0, ""});
    return out;
}

}  // namespace yt
