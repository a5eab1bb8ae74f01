// cmd_calendar.cpp — `yutang calendar WORKSPACE.json --from DATE --to DATE [--orders FILE
// [--columns …]] [--today DATE] [--ics FILE] [--csv FILE] [--xlsx FILE] [--html FILE] [--who ID] [--json]`:
// expands a workspace's content calendar over a date range, writes the exports and prints the
// calendar findings about days in the range — the Assessment's (assess()), exactly what the
// Calendar tab shows for the same range. With --orders, touches are counted for the segments
// that have customers. Without --json it prints one line per day and the findings.
#include <ctime>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>

#include "cli/cli_common.hpp"
#include "cli/plan_inputs.hpp"
#include "core/calendar/catalog.hpp"
#include "core/io/xlsx_write.hpp"
#include "core/calendar/exports.hpp"
#include "core/calendar/recurrence.hpp"

namespace yt::cli {
namespace {

Result<Day> day_arg(const Args& args, const char* name) {
    if (!args.has(name)) return Error("calendar.missing_arg", {std::string("--") + name});
    const std::string v = args.get(name);
    auto d = parse_day(v);
    if (!d) return Error("calendar.bad_date", {v});
    return *d;
}

}  // namespace

int cmd_calendar(const Args& args, Lang lang) {
    if (args.positional.empty()) return fail(Error("calendar.missing_arg", {"WORKSPACE.json"}), lang);
    auto from = day_arg(args, "from");
    if (!from) return fail(from.error(), lang);
    auto to = day_arg(args, "to");
    if (!to) return fail(to.error(), lang);
    if (*from > *to) return fail(Error("calendar.bad_range", {format_day(*from), format_day(*to)}), lang);
    if (*to - *from > 3 * 366) return fail(Error("calendar.range_too_long", {"3"}), lang);
    Result<PlanInputs> loaded = load_plan_inputs(args);
    if (!loaded) return fail(loaded.error(), lang);
    const Workspace& w = loaded->ws;
    const Assessment a = assess(w, loaded->table(), loaded->clock);

    CalendarExportOptions opt;
    opt.from = *from;
    opt.to = *to;
    opt.lang = lang;
    opt.calendar_name = w.name;
    for (const Audience& a : w.audiences) opt.tier_names[a.id] = a.name.empty() ? a.id : a.name;
    opt.who = args.get("who");
    opt.stamp_utc = static_cast<std::int64_t>(std::time(nullptr));  // ICS DTSTAMP: when the file was made
    struct Out {
        const char* flag;
        std::string (*fn)(const CalendarPlan&, const RolesPlan&, const CalendarExportOptions&);
    };
    for (const Out& o : {Out{"ics", export_ics}, Out{"csv", export_calendar_csv}, Out{"html", export_checklist_html}}) {
        if (!args.has(o.flag)) continue;
        Status st = write_file(args.get(o.flag), o.fn(w.calendar, w.roles, opt));
        if (!st) return fail(st.error(), lang);
    }
    if (args.has("xlsx")) {  // the CSV's table as an Excel workbook
        Status st = write_file(args.get("xlsx"), csv_to_xlsx(export_calendar_csv(w.calendar, w.roles, opt), tr("calendar.export.sheet", lang)));
        if (!st) return fail(st.error(), lang);
    }

    std::vector<Finding> findings;
    for (std::size_t i : a.calendar.findings_in(*from, *to)) findings.push_back(a.calendar.findings[i]);
    const std::vector<Occurrence> occ = expand_occurrences(w.calendar.items, *from, *to);

    if (args.has("json")) {
        std::string out = "{\"from\":\"" + format_day(*from) + "\",\"to\":\"" + format_day(*to) + "\",\"occurrences\":[";
        for (std::size_t i = 0; i < occ.size(); ++i) {
            const ContentItem& it = w.calendar.items[occ[i].item];
            out += std::string(i ? "," : "") + "\n  {\"uid\":\"" + json_escape(occurrence_uid(it, occ[i].day)) +
                   "\",\"item\":\"" + json_escape(it.id) + "\",\"date\":\"" + format_day(occ[i].day) +
                   "\",\"time\":\"" + format_hhmm(it.minute) + "\",\"channel\":\"" + json_escape(it.channel) +
                   "\",\"type\":\"" + json_escape(it.type) + "\",\"promotion\":" +
                   (is_promotion_type(it.type) ? "true" : "false") + ",\"persona\":\"" + json_escape(it.persona) +
                   "\",\"title\":\"" + json_escape(it.title) + "\"}";
        }
        out += "\n],\"findings\":[";
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const Finding& f = findings[i];
            out += std::string(i ? "," : "") + "\n  {\"rule\":\"" + json_escape(f.rule) + "\",\"severity\":\"" +
                   severity_name(f.severity) + "\",\"subject_kind\":\"" + json_escape(f.subject_kind) +
                   "\",\"subject\":\"" + json_escape(f.subject) + "\",\"value\":" + json_number(f.value) +
                   ",\"limit\":" + json_number(f.limit) + ",\"message\":\"" + json_escape(f.message) +
                   "\",\"fix\":\"" + json_escape(f.fix) + "\",\"args\":[";
            const std::vector<std::string> args = finding_args(f, lang);
            for (std::size_t k = 0; k < args.size(); ++k) out += std::string(k ? "," : "") + "\"" + json_escape(args[k]) + "\"";
            out += "],\"text\":\"" + json_escape(finding_message(f, lang)) + "\",\"fix_text\":\"" +
                   json_escape(finding_fix(f, lang)) + "\"}";
        }
        out += "\n]}\n";
        std::cout << out;
        return 0;
    }
    Day current = *from - 1;
    int n = 0, promo = 0;
    auto flush = [&]() {
        if (n) std::cout << format_day(current) << "  " << n << (lang == Lang::En ? " items, " : " 条，")
                         << promo << (lang == Lang::En ? " promotional\n" : " 条促销\n");
    };
    for (const Occurrence& o : occ) {
        if (o.day != current) {
            flush();
            current = o.day;
            n = promo = 0;
        }
        ++n;
        if (is_promotion_type(w.calendar.items[o.item].type)) ++promo;
    }
    flush();
    for (const Finding& f : findings)
        std::cout << "[" << severity_name(f.severity) << "] " << f.rule << "  " << finding_message(f, lang) << "\n    → "
                  << finding_fix(f, lang) << "\n";
    return 0;
}

}  // namespace yt::cli
