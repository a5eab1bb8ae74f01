// group_stats.cpp — reading a customer-group statistics export (see group_stats.hpp).
#include "core/groups/group_stats.hpp"

#include <cmath>

#include "core/io/named_table.hpp"
#include "core/io/values.hpp"

namespace yt {

namespace {

// Header names per key (normalised: lower case, no spaces/_/brackets). From the WeCom API docs
// (playbook-facts §2.1, /cgi-bin/externalcontact/groupchat/statistic): member_total 截至当天客户群
// 总人数, new_member_cnt 客户群新增群人数, member_has_msg 截至当天有发过消息的群成员数, msg_total
// 截至当天客户群消息总数 (both the field names and their descriptions). Assumptions, not in the
// API: 群名称 and 群主 (the admin console's per-group export names the group; the API groups by
// owner or day), 退群人数 (the API has no leavers field), 日期/统计周期 and the short forms
// (群人数, 发言人数, 消息数 ...) seen in SCRM exports.
const io::HeaderAlias kAliases[] = {
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

}  // namespace

Result<GroupStatsFile> read_group_stats(std::string_view bytes, const std::string& file_name) {
    GroupStatsFile out;
    io::NamedColumns cols(kAliases, kKeys, file_name);
    bool have_header = false, any = false;
    auto row = [&](const io::FieldList& f, int line) -> Status {
        any = true;
        if (!have_header) {
            // Title lines ("客户群统计 2024-03") come before the header: the header is the first
            // line that names a group and its members.
            cols.match(f);
            if (!cols.has(kName) || !cols.has(kMembers)) {
                if (line >= 5 || f.size() > 2) {
                    std::string miss;
                    if (!cols.has(kName)) miss = "群名称";
                    if (!cols.has(kMembers)) miss += std::string(miss.empty() ? "" : ", ") + "群人数";
                    return Error("groups.missing_columns", {miss}, Location{file_name, line, 0, ""});
                }
                return ok_status();
            }
            out.columns = cols.found();
            have_header = true;
            out.per_day = cols.has(kDate);
            return ok_status();
        }
        if (Status st = cols.decodable(f, line); !st) return st;
        auto cell = [&](int k) { return cols.cell(f, k); };
        auto bad = [&](const char* code, int k) { return Error(code, {io::cell_arg(cell(k))}, cols.where(line, k)); };
        GroupStatsRow r;
        r.line = line;
        r.name = std::string(cell(kName));
        r.owner = std::string(cell(kOwner));
        if (r.name.empty()) return Error("groups.no_name", {}, cols.where(line, kName));
        if (!parse_count(cell(kMembers), r.members)) return bad("groups.bad_count", kMembers);
        int* counts[] = {&r.joins, &r.quits, &r.speakers, &r.messages};
        const int keys[] = {kJoins, kQuits, kSpeakers, kMessages};
        for (int i = 0; i < 4; ++i) {
            if (cell(keys[i]).empty()) continue;
            if (!parse_count(cell(keys[i]), *counts[i])) return bad("groups.bad_count", keys[i]);
        }
        if (cols.has(kDate)) {
            const auto d = io::parse_order_date(cell(kDate));
            if (!d) return bad("io.bad_date", kDate);
            r.first = r.last = *d;
        } else if (cols.has(kPeriod) && !cell(kPeriod).empty()) {
            if (!parse_period(cell(kPeriod), r.first, r.last)) return bad("groups.bad_period", kPeriod);
        }
        out.rows.push_back(std::move(r));
        return ok_status();
    };
    auto enc = io::for_each_record(bytes, file_name, row);
    if (!enc) return enc.error();
    out.encoding = *enc;
    if (!have_header) {
        if (!any) return Error("io.empty_file", {}, Location{file_name, 0, 0, ""});
        return Error("groups.missing_columns", {"群名称, 群人数"}, Location{file_name, 0, 0, ""});
    }
    if (out.rows.empty()) return Error("io.header_only", {}, Location{file_name, 0, 0, ""});
    return out;
}

}  // namespace yt
