// exports.cpp — ICS, CSV and HTML checklist writers for the content calendar (see exports.hpp).
#include "core/calendar/exports.hpp"

#include <cstdio>

#include "core/calendar/catalog.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/io/csv_write.hpp"

namespace yt {
namespace {

constexpr int kEventMinutes = 30;
constexpr const char* kDtStamp = "20000101T000000Z";  // fixed: same plan, same bytes
const char* const kWeekKeys[] = {"calendar.weekday.0", "calendar.weekday.1", "calendar.weekday.2", "calendar.weekday.3",
                                 "calendar.weekday.4", "calendar.weekday.5", "calendar.weekday.6"};

// "YYYYMMDDTHHMMSS" for `minute` minutes after the start of day `d` (minute >= 0; past midnight
// moves to the next day).
std::string ics_local(Day d, int minute) {
    d += minute / 1440;
    minute %= 1440;
    const Ymd v = civil_from_days(d);
    char b[32];
    std::snprintf(b, sizeof b, "%04d%02d%02dT%02d%02d00", v.y, v.m, v.d, minute / 60, minute % 60);
    return b;
}

// The minute of the day an item goes out, 0..1439 (a hand-edited file may hold any int; the CSV
// shows the same wrapped time).
int day_minute(int minute) { return ((minute % 1440) + 1440) % 1440; }

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += sep;
        out += v[i];
    }
    return out;
}

struct Names {
    const RolesPlan& roles;
    Lang lang;
    const std::map<std::string, std::string>& tier_names;
    std::string persona(const std::string& id) const {
        for (const Persona& p : roles.personas)
            if (p.id == id) return p.name.empty() ? id : p.name;
        return id;
    }
    std::string account(const std::string& id) const {
        for (const Account& a : roles.accounts)
            if (a.id == id) return a.name.empty() ? id : a.name;
        return id;
    }
    std::string groups(const std::vector<std::string>& ids) const {
        std::vector<std::string> out;
        for (const std::string& id : ids) {
            std::string n = id;
            for (const Group& g : roles.groups)
                if (g.id == id && !g.name.empty()) n = g.name;
            out.push_back(n);
        }
        return join(out, lang == Lang::En ? ", " : "、");
    }
    std::string tiers(const std::vector<std::string>& keys) const {
        std::vector<std::string> out;
        for (const std::string& k : keys) {
            const std::string key = "tiering.seg." + k;
            auto named = tier_names.find(k);
            out.push_back(named != tier_names.end() ? named->second : has_tr(key) ? tr(key, lang) : k);
        }
        return join(out, lang == Lang::En ? ", " : "、");
    }
    std::string channel(const std::string& c) const { return tr(channel_name_key(c), lang); }
    std::string type(const std::string& t) const { return tr(type_name_key(t), lang); }
};

std::string kind_of(const std::string& type, Lang lang) {
    return tr(is_promotion_type(type) ? "calendar.kind.promotion" : "calendar.kind.value", lang);
}

bool item_for(const ContentItem& it, const RolesPlan& roles, const std::string& who) {
    if (who.empty() || it.persona == who) return true;
    for (const Account& a : roles.accounts) {
        if (a.operator_id != who) continue;
        if (!it.account.empty() && a.id == it.account) return true;
        if (it.account.empty() && a.persona == it.persona && !it.persona.empty()) return true;
        for (const Group& g : roles.groups)
            if (g.owner_account == a.id)
                for (const std::string& gid : it.groups)
                    if (gid == g.id) return true;
    }
    return false;
}

}  // namespace

std::string ics_escape_text(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r':
                if (i + 1 < s.size() && s[i + 1] == '\n') break;  // CRLF -> one \n
                out += "\\n";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;  // other controls are not allowed
                out += c;
        }
    }
    return out;
}

std::string ics_fold_line(const std::string& line) {
    std::string out;
    std::size_t i = 0;
    std::size_t limit = 75;  // octets on the first physical line; 74 after the leading space
    while (line.size() - i > limit) {
        std::size_t cut = i + limit;
        while (cut > i && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a sequence
        if (cut == i) cut = i + limit;  // no sequence start in reach: not UTF-8, cut anywhere
        out.append(line, i, cut - i);
        out += "\r\n ";
        i = cut;
        limit = 74;
    }
    out.append(line, i, std::string::npos);
    out += "\r\n";
    return out;
}


std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string export_ics(const CalendarPlan& plan, const RolesPlan& roles, const CalendarExportOptions& opt) {
    const Names names{roles, opt.lang, opt.tier_names};
    const std::string stamp = ics_utc_stamp(opt.stamp_utc);
    std::string out;
    auto line = [&out](const std::string& l) { out += ics_fold_line(l); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Yutang//Content Calendar//ZH");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    if (!opt.calendar_name.empty()) line("X-WR-CALNAME:" + ics_escape_text(opt.calendar_name));
    line("X-WR-TIMEZONE:Asia/Shanghai");
    line("BEGIN:VTIMEZONE");
    line("TZID:Asia/Shanghai");
    line("BEGIN:STANDARD");
    line("DTSTART:19700101T000000");
    line("TZOFFSETFROM:+0800");
    line("TZOFFSETTO:+0800");
    line("TZNAME:CST");
    line("END:STANDARD");
    line("END:VTIMEZONE");
    const Lang L = opt.lang;
    for (const Occurrence& o : expand_occurrences(plan.items, opt.from, opt.to)) {
        const ContentItem& it = plan.items[o.item];
        const std::string channel = names.channel(it.channel);
        const std::string title = it.title.empty() ? names.type(it.type) : it.title;
        std::string desc;
        auto field = [&](const char* key, const std::string& value) {
            if (value.empty()) return;
            if (!desc.empty()) desc += "\n";
            desc += std::string(tr(key, L)) + (L == Lang::En ? ": " : "：") + value;
        };
        field("calendar.field.channel", channel);
        field("calendar.field.type", names.type(it.type) + " (" + kind_of(it.type, L) + ")");
        field("calendar.field.persona", it.persona.empty() ? "" : names.persona(it.persona));
        field("calendar.field.account", it.account.empty() ? "" : names.account(it.account));
        field("calendar.field.tiers", names.tiers(it.tiers));
        field("calendar.field.groups", names.groups(it.groups));
        field("calendar.field.campaign", it.campaign);
        field("calendar.field.coupon", it.coupon_id);
        field("calendar.field.notes", it.notes);
        line("BEGIN:VEVENT");
        line("UID:" + ics_escape_text(occurrence_uid(it, o.day)) + "@yutang");  // ids are user text too
        line("DTSTAMP:" + stamp);
        line("DTSTART;TZID=Asia/Shanghai:" + ics_local(o.day, day_minute(it.minute)));
        line("DTEND;TZID=Asia/Shanghai:" + ics_local(o.day, day_minute(it.minute) + kEventMinutes));
        line("SUMMARY:" + ics_escape_text("[" + channel + "] " + title));
        if (!desc.empty()) line("DESCRIPTION:" + ics_escape_text(desc));
        line("CATEGORIES:" + ics_escape_text(channel) + "," + ics_escape_text(names.type(it.type)));
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

std::string ics_utc_stamp(std::int64_t t) {
    if (t <= 0) return kDtStamp;
    const Ymd d = civil_from_days(static_cast<Day>(t / 86400));
    const int s = static_cast<int>(t % 86400);
    char b[24];
    std::snprintf(b, sizeof b, "%04d%02d%02dT%02d%02d%02dZ", d.y, d.m, d.d, s / 3600, s / 60 % 60, s % 60);
    return b;
}

std::string export_calendar_csv(const CalendarPlan& plan, const RolesPlan& roles, const CalendarExportOptions& opt) {
    const Names names{roles, opt.lang, opt.tier_names};
    const Lang L = opt.lang;
    CsvWriter::Options o;
    o.bom = opt.excel_bom;
    CsvWriter w(o);  // RFC 4180, CRLF; text starting with = + - @ is guarded against formulas
    const char* head[] = {"calendar.field.date",    "calendar.field.time",    "calendar.field.channel",
                          "calendar.field.type",    "calendar.field.kind",    "calendar.field.persona",
                          "calendar.field.account", "calendar.field.tiers",   "calendar.field.groups",
                          "calendar.field.title",   "calendar.field.campaign", "calendar.field.coupon",
                          "calendar.field.notes",   "calendar.field.uid"};
    for (const char* h : head) w.text(tr(h, L));
    w.end_row();
    for (const Occurrence& o : expand_occurrences(plan.items, opt.from, opt.to)) {
        const ContentItem& it = plan.items[o.item];
        w.row({format_day(o.day), format_hhmm(it.minute), names.channel(it.channel), names.type(it.type),
               kind_of(it.type, L), it.persona.empty() ? "" : names.persona(it.persona),
               it.account.empty() ? "" : names.account(it.account), names.tiers(it.tiers), names.groups(it.groups),
               it.title, it.campaign, it.coupon_id, it.notes, occurrence_uid(it, o.day)});
    }
    return w.take();
}

std::string export_checklist_html(const CalendarPlan& plan, const RolesPlan& roles, const CalendarExportOptions& opt) {
    const Names names{roles, opt.lang, opt.tier_names};
    const Lang L = opt.lang;
    std::string who_name = opt.who;
    for (const Persona& p : roles.personas)
        if (p.id == opt.who && !p.name.empty()) who_name = p.name;
    for (const Operator& o : roles.operators)
        if (o.id == opt.who && !o.name.empty()) who_name = o.name;
    std::string title = tr("calendar.checklist.title", L);
    if (!opt.calendar_name.empty()) title = opt.calendar_name + " · " + title;
    if (!who_name.empty()) title += " · " + who_name;
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"";
    out += L == Lang::En ? "en" : "zh-CN";
    out += "\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) + "</title>\n";
    out += "<style>body{font-family:sans-serif;margin:2em}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em;"
           "border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;"
           "padding:4px 6px;text-align:left;vertical-align:top}td.box{width:1.5em}.promo{color:#b00}"
           "@media print{h2{page-break-after:avoid}tr{page-break-inside:avoid}}</style></head><body>\n";
    out += "<h1>" + html_escape(title) + "</h1>\n";
    out += "<p>" + html_escape(format_day(opt.from) + " – " + format_day(opt.to)) + "</p>\n";
    Day current = opt.from - 1;
    bool open = false;
    int count = 0;
    for (const Occurrence& o : expand_occurrences(plan.items, opt.from, opt.to)) {
        const ContentItem& it = plan.items[o.item];
        if (!item_for(it, roles, opt.who)) continue;
        if (o.day != current) {
            if (open) out += "</table>\n";
            current = o.day;
            out += "<h2>" + html_escape(format_day(o.day) + " " + tr(kWeekKeys[weekday(o.day)], L)) + "</h2>\n";
            out += "<table><tr><th></th><th>" + html_escape(tr("calendar.field.time", L)) + "</th><th>" +
                   html_escape(tr("calendar.field.channel", L)) + "</th><th>" +
                   html_escape(tr("calendar.field.type", L)) + "</th><th>" +
                   html_escape(tr("calendar.field.persona", L)) + "</th><th>" +
                   html_escape(tr("calendar.field.audience", L)) + "</th><th>" +
                   html_escape(tr("calendar.field.title", L)) + "</th></tr>\n";
            open = true;
        }
        std::string audience = names.groups(it.groups);
        const std::string tiers = names.tiers(it.tiers);
        if (!tiers.empty()) audience += (audience.empty() ? "" : " / ") + tiers;
        std::string persona = it.persona.empty() ? "" : names.persona(it.persona);
        if (!it.account.empty()) persona += (persona.empty() ? "" : " · ") + names.account(it.account);
        std::string text = html_escape(it.title);
        if (!it.notes.empty()) text += "<br><small>" + html_escape(it.notes) + "</small>";
        out += std::string("<tr") + (is_promotion_type(it.type) ? " class=\"promo\"" : "") +
               "><td class=\"box\">&#9744;</td><td>" + html_escape(format_hhmm(it.minute)) + "</td><td>" +
               html_escape(names.channel(it.channel)) + "</td><td>" + html_escape(names.type(it.type)) + "</td><td>" +
               html_escape(persona) + "</td><td>" + html_escape(audience) + "</td><td>" + text + "</td></tr>\n";
        ++count;
    }
    if (open) out += "</table>\n";
    if (count == 0) out += "<p>" + html_escape(tr("calendar.checklist.empty", L)) + "</p>\n";
    out += "</body></html>\n";
    return out;
}

}  // namespace yt
