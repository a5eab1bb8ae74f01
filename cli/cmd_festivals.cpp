// cmd_festivals.cpp — `yutang festivals YEAR [--json]`: the festivals and commerce dates of a
// year (1950–2100) with their campaign windows; lunar dates are computed (core/calendar/lunar).
#include <iostream>
#include <string>

#include "cli/cli_common.hpp"
#include "core/calendar/festivals.hpp"

namespace yt::cli {

int cmd_festivals(const Args& args, Lang lang) {
    if (args.positional.empty()) return fail(Error("calendar.missing_arg", {"YEAR"}), lang);
    const std::string& text = args.positional[0];
    if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos)
        return fail(Error("calendar.bad_year", {text}), lang);
    auto list = festivals_for_year(std::stoi(text));
    if (!list) return fail(list.error(), lang);
    if (args.has("json")) {
        std::string out = "[";
        bool first = true;
        for (const Festival& f : list.value()) {
            out += first ? "\n" : ",\n";
            first = false;
            const std::string key = festival_name_key(f.id);
            out += "  {\"id\":\"" + json_escape(f.id) + "\",\"name_zh\":\"" + json_escape(tr(key, Lang::Zh)) +
                   "\",\"name_en\":\"" + json_escape(tr(key, Lang::En)) + "\",\"date\":\"" + format_day(f.date) +
                   "\",\"start\":\"" + format_day(f.start) + "\",\"end\":\"" + format_day(f.end) +
                   "\",\"lunar\":" + (f.lunar ? "true" : "false") + ",\"major\":" + (f.major ? "true" : "false") +
                   ",\"phases\":[";
            for (std::size_t i = 0; i < f.phases.size(); ++i) {
                const FestivalPhase& p = f.phases[i];
                const std::string pk = phase_name_key(p.id);
                out += std::string(i ? "," : "") + "{\"id\":\"" + json_escape(p.id) + "\",\"name_zh\":\"" +
                       json_escape(tr(pk, Lang::Zh)) + "\",\"name_en\":\"" + json_escape(tr(pk, Lang::En)) +
                       "\",\"start\":\"" + format_day(p.start) + "\",\"end\":\"" + format_day(p.end) + "\"}";
            }
            out += "]}";
        }
        out += "\n]\n";
        std::cout << out;
        return 0;
    }
    for (const Festival& f : list.value()) {
        std::cout << format_day(f.date) << "  " << tr(festival_name_key(f.id), lang) << "  (" << format_day(f.start)
                  << " – " << format_day(f.end) << ")";
        for (const FestivalPhase& p : f.phases)
            std::cout << "  " << tr(phase_name_key(p.id), lang) << " " << format_day(p.start).substr(5) << "–"
                      << format_day(p.end).substr(5);
        std::cout << "\n";
    }
    return 0;
}

}  // namespace yt::cli
