// exports.hpp — the content calendar as files: iCalendar (.ics), CSV and a printable HTML
// checklist per persona or operator (personal WeChat has no posting API: people post by hand).
//
// ICS (RFC 5545): UTF-8, CRLF line ends, lines folded at 75 octets without splitting a UTF-8
// sequence, TEXT values escaped (\\ \; \, \n), one VEVENT per occurrence with the stable UID
// "<item id>-<YYYYMMDD>@yutang", times in TZID Asia/Shanghai (a VTIMEZONE of UTC+8, no DST),
// DTSTAMP = the export time given by the caller (the core has no clock; without one a fixed
// 20000101T000000Z, so tests get the same bytes for the same plan), 30-minute events.
// CSV (core/io/csv_write.hpp): RFC 4180 quoting, CRLF, optional UTF-8 BOM for Excel, formula
// guard on text; one row per occurrence.
// HTML: a self-contained page, every text escaped.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "core/calendar/calendar_model.hpp"
#include "core/i18n/i18n.hpp"
#include "core/model/dates.hpp"
#include "core/roles/roles_model.hpp"

namespace yt {

struct CalendarExportOptions {
    Day from = 0, to = 0;          // inclusive
    Lang lang = Lang::Zh;
    std::string calendar_name;     // X-WR-CALNAME / page title (e.g. the workspace name)
    std::string who;               // checklist filter: a persona id or operator id ("" = everyone)
    bool excel_bom = false;        // CSV: start with a UTF-8 BOM
    std::int64_t stamp_utc = 0;    // ICS DTSTAMP: the export time, seconds since 1970 UTC (0: fixed stamp)
    // Names of tiers-list keys that are not segments: the saved audiences (id -> name).
    std::map<std::string, std::string> tier_names;
};

// "YYYYMMDDTHHMMSSZ" for seconds since 1970 UTC.
std::string ics_utc_stamp(std::int64_t seconds);

std::string export_ics(const CalendarPlan& plan, const RolesPlan& roles, const CalendarExportOptions& opt);
std::string export_calendar_csv(const CalendarPlan& plan, const RolesPlan& roles, const CalendarExportOptions& opt);
std::string export_checklist_html(const CalendarPlan& plan, const RolesPlan& roles, const CalendarExportOptions& opt);

// Helpers, exposed for tests.
std::string ics_escape_text(const std::string& s);
std::string ics_fold_line(const std::string& line);  // folded, with CRLF after every physical line
std::string html_escape(const std::string& s);

}  // namespace yt
