// cmd_check.cpp — `yutang check WORKSPACE.json [--json] [--today YYYY-MM-DD] [--horizon MONTHS]
// [--days N]`: the plan-time checks (platform rules, capacity, workload, and the content calendar).
//
// Runs core/rules check() on the roles plan and core/calendar check_calendar() on the calendar
// from `today` for `days` days (default 30). Workload includes the calendar's items per day over
// that window. `today` defaults to the current date in China (UTC+8). Without --json, prints a
// readable list (errors first); with --json, a JSON array of
//   {"rule","severity","subject_kind","subject","value","limit","message","fix",
//    "message_key","fix_key","args"}
// where message and fix are rendered in the chosen language.
// Boolean flags: --json. Exit 0 = no error findings, 1 = error findings, 2 = unreadable input.
#include <algorithm>
#include <ctime>
#include <iostream>
#include <string>

#include "cli/cli_common.hpp"
#include "core/calendar/checks.hpp"
#include "core/persist/persist.hpp"
#include "core/roles/calendar_load.hpp"
#include "core/rules/check.hpp"

namespace yt::cli {

namespace {

Day today_in_china() {
    const std::int64_t t = static_cast<std::int64_t>(std::time(nullptr)) + 8 * 3600;
    return static_cast<Day>(t >= 0 ? t / 86400 : (t - 86399) / 86400);
}

Result<int> positive_int(const Args& args, const std::string& key, int def, int max) {
    if (!args.has(key)) return def;
    const std::string s = args.get(key);
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos || std::stoi(s) < 1 ||
        std::stoi(s) > max)
        return Error("cli.usage", {"--" + key + " 1.." + std::to_string(max)}, Location{"", 0, 0, key});
    return std::stoi(s);
}

std::string quoted(const std::string& s) { return "\"" + json_escape(s) + "\""; }

std::string finding_json(const Finding& f, Lang lang) {
    std::string o = "{\"rule\":" + quoted(f.rule) + ",\"severity\":" + quoted(severity_name(f.severity));
    o += ",\"subject_kind\":" + quoted(f.subject_kind) + ",\"subject\":" + quoted(f.subject);
    o += ",\"value\":" + json_number(f.value) + ",\"limit\":" + json_number(f.limit);
    o += ",\"message\":" + quoted(trf(f.message, lang, f.args));
    o += ",\"fix\":" + quoted(f.fix.empty() ? std::string() : trf(f.fix, lang, f.args));
    o += ",\"message_key\":" + quoted(f.message) + ",\"fix_key\":" + quoted(f.fix) + ",\"args\":[";
    for (std::size_t i = 0; i < f.args.size(); ++i) o += (i ? "," : "") + quoted(f.args[i]);
    return o + "]}";
}

std::string kind_label(const std::string& kind, Lang lang) {
    const std::string key = "rules.kind." + kind;
    return has_tr(key) ? tr(key, lang) : kind;
}

}  // namespace

int cmd_check(const Args& args, Lang lang) {
    if (args.positional.empty()) return fail(Error("cli.usage", {"yutang check WORKSPACE.json"}), lang);
    const std::string path = args.positional[0];
    Result<Workspace> loaded = read_workspace(args, path);
    if (!loaded) return fail(loaded.error(), lang);
    const Workspace& ws = *loaded;

    Derived d;
    d.today = today_in_china();
    if (args.has("today")) {
        std::optional<Day> t = parse_day(args.get("today"));
        if (!t) return fail(Error("cli.usage", {"--today YYYY-MM-DD"}, Location{"", 0, 0, "today"}), lang);
        d.today = *t;
    }
    Result<int> horizon = positive_int(args, "horizon", 0, 120);
    if (!horizon) return fail(horizon.error(), lang);
    if (*horizon > 0) d.horizon_months = *horizon;
    Result<int> days = positive_int(args, "days", 30, 3660);
    if (!days) return fail(days.error(), lang);
    const Day from = *d.today, to = *d.today + *days - 1;
    d.items_per_day = calendar_items_per_day(ws.calendar, ws.roles, from, to);

    std::vector<Finding> findings = check(ws, d);
    const std::map<std::string, int> no_tiers;  // the CLI has no tiering results
    std::vector<Finding> cal = check_calendar(CalendarCheckInput{ws.calendar, ws.roles, ws.rules, no_tiers, from, to});
    findings.insert(findings.end(), cal.begin(), cal.end());
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return int(a.severity) > int(b.severity); });

    int counts[3] = {0, 0, 0};
    for (const auto& f : findings) ++counts[int(f.severity)];

    if (args.flags.count("json")) {
        std::cout << "[";
        for (std::size_t i = 0; i < findings.size(); ++i)
            std::cout << (i ? ",\n " : "\n ") << finding_json(findings[i], lang);
        std::cout << (findings.empty() ? "]\n" : "\n]\n");
    } else {
        std::cout << trf("rules.cli.as_of", lang,
                         {format_day(*d.today), std::to_string(horizon_months(ws, d)), format_day(from), format_day(to)})
                  << "\n\n";
        for (const auto& f : findings) {
            std::cout << "[" << tr(std::string("rules.severity.") + severity_name(f.severity), lang) << "] "
                      << kind_label(f.subject_kind, lang) << " " << f.subject << (lang == Lang::En ? ": " : "：")
                      << trf(f.message, lang, f.args) << "\n";
            if (!f.fix.empty()) std::cout << "    " << trf("rules.cli.fix", lang, {trf(f.fix, lang, f.args)}) << "\n";
        }
        if (findings.empty()) std::cout << tr("rules.cli.none", lang) << "\n";
        else
            std::cout << "\n"
                      << trf("rules.cli.summary", lang,
                             {std::to_string(counts[2]), std::to_string(counts[1]), std::to_string(counts[0])})
                      << "\n";
    }
    return counts[int(Severity::Error)] > 0 ? 1 : 0;
}

}  // namespace yt::cli
