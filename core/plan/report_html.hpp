// report_html.hpp — the printable plan: one self-contained HTML page built from the Workspace and
// its Assessment (core/plan/assess.hpp), for the boss who wants the plan on paper.
//
// Sections, each starting a new A4 page when printed: the cover (plan name, brand, plan period,
// the month shown, generated date, whether it is the demo), the segment summary (customers and
// revenue per segment, or "no orders imported"), personas and accounts with capacity (friends,
// cap, free places, operator), the month's calendar (a 7-column grid with festivals), journeys
// (the SOPs) and the open findings (every finding of the Assessment, by severity, with its area).
//
// The page has inline CSS only (`@page { size: A4 }`, print styles), no external resource and
// no script; every piece of user text is HTML-escaped. Texts come from the i18n catalogue
// (keys "report.*", core/plan/messages_report.cpp) in the language asked for. The page has a
// "打印 / Print" button (id "yt-print", hidden in print): with `inline_print` it carries its own
// onclick (a file opened from disk); without, the opener wires it (the app's page has a CSP that
// forbids inline script in pages it opens).
#pragma once
#include <string>

#include "core/i18n/i18n.hpp"
#include "core/model/dates.hpp"
#include "core/plan/assess.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

struct ReportOptions {
    Lang lang = Lang::Zh;
    Day generated = 0;          // the date the report is made (the device's date); 0 = the plan's today
                                // (the calendar shows the month of the plan's today, a.today)
    bool inline_print = true;   // the print button carries onclick="window.print()"
};

std::string report_html(const Workspace& ws, const Assessment& a, const ReportOptions& opt);

}  // namespace yt
