// cmd_report.cpp — `yutang report WORKSPACE.json [--orders FILE [--columns …]] [--today YYYY-MM-DD]
// [--lang zh|en] --html OUT.html`: the printable plan (cover, segments, personas and accounts with
// capacity, the month's calendar, journeys, open findings) as one self-contained HTML page, built
// by core/plan/report_html.hpp from the same Assessment `check` prints and the app shows.
// Open the file in a browser and print it (or save it as PDF from the print dialog).
// Exit 0 = written, 2 = unreadable input or the file cannot be written.
#include <iostream>
#include <string>

#include "cli/cli_common.hpp"
#include "cli/plan_inputs.hpp"
#include "core/plan/report_html.hpp"

namespace yt::cli {

int cmd_report(const Args& args, Lang lang) {
    if (args.positional.empty())
        return fail(Error("cli.usage", {"yutang report WORKSPACE.json --html OUT.html"}), lang);
    Result<PlanInputs> in = load_plan_inputs(args);
    if (!in) return fail(in.error(), lang);
    if (in->edited_outside) std::cerr << tr("cli.edited_outside", lang) << "\n";
    const Assessment a = assess(in->ws, in->table(), in->clock);
    ReportOptions opt;
    opt.lang = lang;
    opt.generated = today_in_china();
    const std::string out = args.get("html");
    Status st = write_file(out, report_html(in->ws, a, opt));
    if (!st) return fail(st.error(), lang);
    std::cout << trf("report.cli.written", lang, {out, std::to_string(a.findings.size())}) << "\n";
    return 0;
}

}  // namespace yt::cli
