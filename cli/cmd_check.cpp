// cmd_check.cpp — `yutang check WORKSPACE.json [--orders FILE [--columns …]] [--today YYYY-MM-DD]
// [--json]`: every finding of the plan (platform rules, capacity, workload, the content calendar),
// from assess() — the same function the app's tabs show, over the same inputs (cli/plan_inputs.hpp).
//
// Without --json, prints a readable list (errors first); with --json, an object
//   {"today","today_source","findings":[{"rule","severity","subject_kind","subject","value","limit",
//    "message","fix","message_key","fix_key","args"}…],"figures":{…headline figures…}}
// where message and fix are rendered in the chosen language and the figures are the segment and
// lifecycle sizes, per-account revenue share and the calibrated economics (cli/plan_json.cpp).
// Exit 0 = no error findings, 1 = error findings, 2 = unreadable input.
#include <algorithm>
#include <ctime>
#include <iostream>
#include <string>

#include "cli/cli_common.hpp"
#include "cli/plan_json.hpp"
#include "cli/plan_inputs.hpp"

namespace yt::cli {

int cmd_check(const Args& args, Lang lang) {
    if (args.positional.empty()) return fail(Error("cli.usage", {"yutang check WORKSPACE.json"}), lang);
    Result<PlanInputs> in = load_plan_inputs(args);
    if (!in) return fail(in.error(), lang);
    if (in->edited_outside) std::cerr << tr("cli.edited_outside", lang) << "\n";
    const Assessment a = assess(in->ws, in->table(), in->clock);
    const std::vector<Finding>& findings = a.findings;

    if (args.flags.count("json")) {
        std::cout << "{\"today\":" << quoted(format_day(a.today)) << ",\"today_source\":" << quoted(a.today_source)
                  << ",\"findings\":[";
        for (std::size_t i = 0; i < findings.size(); ++i)
            std::cout << (i ? ",\n " : "\n ") << finding_json(findings[i], lang);
        std::cout << "],\n\"figures\":" << headline_json(in->ws, a) << "}\n";
    } else {
        std::cout << trf("rules.cli.as_of", lang,
                         {format_day(a.today), std::to_string(a.roles.horizon), format_day(a.calendar.from), format_day(a.calendar.to)})
                  << "\n\n";
        for (const auto& f : findings) {
            std::cout << "[" << tr(std::string("rules.severity.") + severity_name(f.severity), lang) << "] "
                      << kind_label(f.subject_kind, lang) << " " << f.subject << (lang == Lang::En ? ": " : "：")
                      << finding_message(f, lang) << "\n";
            if (!f.fix.empty()) std::cout << "    " << trf("rules.cli.fix", lang, {finding_fix(f, lang)}) << "\n";
        }
        if (findings.empty()) std::cout << tr("rules.cli.none", lang) << "\n";
        else
            std::cout << "\n"
                      << trf("rules.cli.summary", lang, {std::to_string(a.errors), std::to_string(a.warnings), std::to_string(a.infos)})
                      << "\n";
    }
    return a.errors > 0 ? 1 : 0;
}

}  // namespace yt::cli
