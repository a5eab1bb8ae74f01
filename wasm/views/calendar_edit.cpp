// calendar_edit.cpp — the edits, box labels, colours and exports of the 内容日历 view
// (calendar.hpp).
#include <algorithm>
#include <cstdio>

#include "core/calendar/calendar_model.hpp"
#include "core/calendar/catalog.hpp"
#include "core/calendar/exports.hpp"
#include "core/io/xlsx_write.hpp"
#include "views/calendar.hpp"

namespace yt::app {

namespace {

// Box fills by content type: value types cool, promotion types warm (ABGR, as ImU32).
struct TypeFill {
    const char* type;
    unsigned fill;
};
constexpr TypeFill kFills[] = {
    {"tutorial", 0xFFE8E3C8}, {"tryon", 0xFFF0DCE8}, {"review", 0xFFD4EDD2}, {"life", 0xFFF5E6D2},
    {"promo", 0xFFC8D2FA},    {"live_perk", 0xFFBEDCFA}, {"launch", 0xFFE6C8F5}, {"coupon", 0xFFAAE6FA},
};

}  // namespace

namespace cal {

Edit update_item(const std::string& field, ContentItem value) { return set_field("calendar.items", value, field); }
Edit insert_item(ContentItem value) { return insert_edit("calendar.items", value); }
Edit erase_item(const std::string& id) { return erase_edit("calendar.items", id); }

std::string marker(const std::string& type, Lang l) {
    return tr(is_promotion_type(type) ? "ui.cal.marker_promo" : "ui.cal.marker_value", l);
}


int parse_hhmm(const std::string& s) {
    int h = -1, m = -1;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%d:%d%c", &h, &m, &tail) != 2) return -1;
    const std::size_t colon = s.find(':');
    if (colon == 0 || colon > 2 || s.size() - colon - 1 != 2) return -1;
    if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
    return h * 60 + m;
}

std::string box_label(const ContentItem& it, bool with_time, Lang l) {
    std::string s = marker(it.type, l) + " ";
    if (with_time) s += format_hhmm(it.minute) + " ";
    s += it.title.empty() ? std::string(tr(type_name_key(it.type), l)) : it.title;
    return s;
}

unsigned fill_colour(const std::string& type) {
    for (const auto& f : kFills)
        if (type == f.type) return f.fill;
    return is_promotion_type(type) ? 0xFFC8D2FA : 0xFFE6E6E6;
}

unsigned border_colour(const std::string& type) { return is_promotion_type(type) ? 0xFF1E3CC8 : 0xFF8C8C6E; }

std::string channel_name(const std::string& channel, Lang l) {
    if (channel == "group_deal") return tr("calendar.channel.group_deal", l);
    return tr(channel_name_key(channel), l);
}

void export_span(const CalendarFigures& d, int range, Day visible_from, Day visible_to, Day& from, Day& to) {
    switch (range) {
        case 1: from = d.today; to = d.today + 29; break;
        case 2: from = d.today; to = d.today + 89; break;
        case 3: from = d.from; to = d.to; break;
        default: from = visible_from; to = visible_to; break;
    }
}

PendingDownload export_file(const Workspace& ws, const std::string& format, Day from, Day to, Lang l, std::int64_t stamp_utc) {
    CalendarExportOptions opt;
    opt.from = from;
    opt.to = to;
    opt.lang = l;
    opt.stamp_utc = stamp_utc;
    opt.calendar_name = ws.name;
    for (const Audience& a : ws.audiences) opt.tier_names[a.id] = a.name.empty() ? a.id : a.name;
    const std::string stem = "yutang-calendar-" + format_day(opt.from) + "_" + format_day(opt.to);
    const std::string note = trf("export.cal_range", l, {format_day(opt.from), format_day(opt.to)});
    if (format == "ics") return {stem + ".ics", "text/calendar;charset=utf-8", export_ics(ws.calendar, ws.roles, opt), note};
    if (format == "csv") {
        opt.excel_bom = true;  // Excel opens UTF-8 CSV as UTF-8 only with a BOM
        return {stem + ".csv", "text/csv;charset=utf-8", export_calendar_csv(ws.calendar, ws.roles, opt), note};
    }
    if (format == "xlsx")  // the same table as the CSV, as a workbook
        return {stem + ".xlsx", kXlsxMime, csv_to_xlsx(export_calendar_csv(ws.calendar, ws.roles, opt), tr("calendar.export.sheet", l)), note};
    return {stem + ".html", "text/html;charset=utf-8", export_checklist_html(ws.calendar, ws.roles, opt), note};
}

}  // namespace cal

}  // namespace yt::app
