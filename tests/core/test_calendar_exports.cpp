// test_calendar_exports.cpp — ICS (RFC 5545 folding, escaping, UIDs, time zone), CSV quoting and
// the HTML checklist's escaping and filters.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "core/calendar/exports.hpp"
#include "core/calendar/recurrence.hpp"

using namespace yt;

namespace {

const Day kMon = days_from_civil(2026, 3, 2);

struct Plan {
    CalendarPlan plan;
    RolesPlan roles;
    Plan() {
        Persona p;
        p.id = "p1";
        p.name = "小婉";
        Persona q;
        q.id = "p2";
        q.name = "阿杰";
        roles.personas = {p, q};
        Account a;
        a.id = "acc1";
        a.name = "小婉-1号";
        a.persona = "p1";
        a.operator_id = "op1";
        roles.accounts = {a};
        Operator o;
        o.id = "op1";
        o.name = "运营小周";
        roles.operators = {o};
        ContentItem daily;
        daily.id = "tip";
        daily.day = kMon;
        daily.minute = 20 * 60;
        daily.channel = "moments";
        daily.persona = "p1";
        daily.type = "tryon";
        daily.title = "试色：新色号, 上脸实拍; 第\\1期";
        daily.notes = "第一行\n第二行";
        daily.repeat.kind = "daily";
        daily.repeat.until_day = kMon + 2;
        ContentItem late;
        late.id = "late";
        late.day = kMon + 1;
        late.minute = 23 * 60 + 45;
        late.channel = "private";
        late.persona = "p2";
        late.type = "coupon";
        late.title = "<script>alert(\"x\")</script>";
        late.tiers = {"important_value"};
        plan.items = {daily, late};
    }
};

std::vector<std::string> physical_lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = s.find("\r\n", i);
        REQUIRE(j != std::string::npos);  // every line ends with CRLF
        out.push_back(s.substr(i, j - i));
        i = j + 2;
    }
    return out;
}

}  // namespace

TEST_CASE("ICS text escaping and line folding", "[calendar][exports]") {
    CHECK(ics_escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    CHECK(ics_escape_text("x\r\ny") == "x\\ny");
    CHECK(ics_fold_line("SHORT") == "SHORT\r\n");
    std::string longline = "SUMMARY:";
    for (int i = 0; i < 40; ++i) longline += "试色";  // 3-octet characters
    const std::string folded = ics_fold_line(longline);
    std::string unfolded;
    bool first = true;
    for (const std::string& l : physical_lines(folded)) {
        CHECK(l.size() <= 75);
        if (!first) {
            REQUIRE(l[0] == ' ');
            CHECK((static_cast<unsigned char>(l[1]) & 0xC0) != 0x80);  // never starts inside a sequence
        }
        unfolded += first ? l : l.substr(1);
        first = false;
    }
    CHECK(unfolded == longline);
}

TEST_CASE("ICS export: events, time zone, stable UIDs, deterministic bytes", "[calendar][exports]") {
    Plan p;
    CalendarExportOptions opt;
    opt.from = kMon;
    opt.to = kMon + 6;
    opt.calendar_name = "花漾, 测试";
    const std::string ics = export_ics(p.plan, p.roles, opt);
    CHECK(ics == export_ics(p.plan, p.roles, opt));
    const auto lines = physical_lines(ics);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(ics.find('\n') == ics.find("\r\n") + 1);  // no bare LF anywhere before the first CRLF
    std::size_t bare_lf = 0;
    for (std::size_t i = 0; i < ics.size(); ++i)
        if (ics[i] == '\n' && (i == 0 || ics[i - 1] != '\r')) ++bare_lf;
    CHECK(bare_lf == 0);
    int events = 0;
    for (const std::string& l : lines) {
        CHECK(l.size() <= 75);
        if (l == "BEGIN:VEVENT") ++events;
    }
    CHECK(events == 4);
    CHECK(ics.find("TZID:Asia/Shanghai\r\n") != std::string::npos);
    CHECK(ics.find("TZOFFSETTO:+0800") != std::string::npos);
    CHECK(ics.find("X-WR-CALNAME:花漾\\, 测试") != std::string::npos);
    CHECK(ics.find("UID:tip-20260302@yutang") != std::string::npos);
    CHECK(ics.find("UID:tip-20260304@yutang") != std::string::npos);
    CHECK(ics.find("DTSTART;TZID=Asia/Shanghai:20260302T200000") != std::string::npos);
    CHECK(ics.find("DTEND;TZID=Asia/Shanghai:20260302T203000") != std::string::npos);
    // 23:45 + 30 minutes ends the next day.
    CHECK(ics.find("DTEND;TZID=Asia/Shanghai:20260304T001500") != std::string::npos);
    CHECK(ics.find("DTSTAMP:20000101T000000Z") != std::string::npos);  // no time given: the fixed stamp
    CHECK(ics_utc_stamp(1796416496) == "20261204T203456Z");  // the export time, when given
    CalendarExportOptions timed = opt;
    timed.stamp_utc = 1796416496;
    CHECK(export_ics(p.plan, p.roles, timed).find("DTSTAMP:20261204T203456Z") != std::string::npos);
    CHECK(ics.find("SUMMARY:[朋友圈] 试色：新色号\\, 上脸实拍\\; 第\\\\1期") != std::string::npos);
    // English labels when asked.
    opt.lang = Lang::En;
    CHECK(export_ics(p.plan, p.roles, opt).find("SUMMARY:[Moments]") != std::string::npos);
}

TEST_CASE("CSV export quotes per RFC 4180", "[calendar][exports]") {
    Plan p;
    p.plan.items[1].campaign = "=HYPERLINK(\"x\")";  // user text a spreadsheet would run
    CalendarExportOptions opt;
    opt.from = kMon;
    opt.to = kMon + 6;
    opt.excel_bom = true;
    const std::string csv = export_calendar_csv(p.plan, p.roles, opt);
    CHECK(csv.rfind("\xEF\xBB\xBF日期,时间,渠道", 0) == 0);
    CHECK(csv.find("2026-03-02,20:00,朋友圈,试色/种草,价值,小婉,,,,\"试色：新色号, 上脸实拍; 第\\1期\"") !=
          std::string::npos);
    CHECK(csv.find("\"第一行\n第二行\"") != std::string::npos);
    CHECK(csv.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
    const std::string tier = has_tr("tiering.seg.important_value") ? tr("tiering.seg.important_value", Lang::Zh)
                                                                   : "important_value";
    CHECK(csv.find("," + tier + ",") != std::string::npos);
    // A tiers list may name a saved audience: the export writes its name, not its id.
    for (ContentItem& it : p.plan.items)
        if (std::find(it.tiers.begin(), it.tiers.end(), "important_value") != it.tiers.end()) it.tiers = {"a_sh"};
    opt.tier_names["a_sh"] = "上海客户";
    const std::string named = export_calendar_csv(p.plan, p.roles, opt);
    CHECK(named.find(",上海客户,") != std::string::npos);
    CHECK(named.find("a_sh") == std::string::npos);
    std::size_t rows = 0;
    for (std::size_t i = csv.find("\r\n"); i != std::string::npos; i = csv.find("\r\n", i + 2)) ++rows;
    CHECK(rows == 5);  // header + 4 occurrences
    opt.excel_bom = false;
    opt.lang = Lang::En;
    CHECK(export_calendar_csv(p.plan, p.roles, opt).rfind("Date,Time,Channel", 0) == 0);
}

TEST_CASE("HTML checklist escapes text and filters by persona or operator", "[calendar][exports]") {
    CHECK(html_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    Plan p;
    CalendarExportOptions opt;
    opt.from = kMon;
    opt.to = kMon + 6;
    const std::string all = export_checklist_html(p.plan, p.roles, opt);
    CHECK(all.find("<script>") == std::string::npos);
    CHECK(all.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") != std::string::npos);
    CHECK(all.find("2026-03-03 周二") != std::string::npos);
    opt.who = "p2";
    const std::string p2 = export_checklist_html(p.plan, p.roles, opt);
    CHECK(p2.find("alert") != std::string::npos);
    CHECK(p2.find("试色") == std::string::npos);
    opt.who = "op1";  // operates acc1, which is 小婉's account
    const std::string op = export_checklist_html(p.plan, p.roles, opt);
    CHECK(op.find("运营小周") != std::string::npos);
    CHECK(op.find("试色") != std::string::npos);
    CHECK(op.find("alert") == std::string::npos);
    opt.who = "nobody";
    CHECK(export_checklist_html(p.plan, p.roles, opt).find("这段时间没有安排内容") != std::string::npos);
}
