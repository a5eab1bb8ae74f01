// plan_inputs.cpp — loading a workspace, its orders and today for the plan commands.
#include "cli/plan_inputs.hpp"

#include <ctime>


namespace yt::cli {

Result<ImportResult> tiering_import_bytes(std::string_view bytes, const std::string& file_name, const Args& args);

Day today_in_china() {
    const std::int64_t t = static_cast<std::int64_t>(std::time(nullptr)) + 8 * 3600;
    return static_cast<Day>(t >= 0 ? t / 86400 : (t - 86399) / 86400);
}

Result<PlanInputs> load_plan_inputs(const Args& args) {
    if (args.positional.empty()) return Error("cli.usage", {"WORKSPACE.json"});
    PlanInputs in;
    // Plain or encrypted (--passphrase-file), as the app stores it.
    Result<Workspace> loaded = read_workspace(args, args.positional[0], nullptr, &in.edited_outside);
    if (!loaded) return loaded.error();
    in.ws = std::move(*loaded);
    in.clock = today_in_china();
    if (args.has("today")) {
        std::optional<Day> t = parse_day(args.get("today"));
        if (!t) return Error("cli.usage", {"--today YYYY-MM-DD"}, Location{"", 0, 0, "today"});
        in.clock = *t;
        in.ws.settings.today = *t;  // an explicit date wins over the demo's and a pinned one
    }
    if (args.has("orders")) {
        const std::string file = args.get("orders");
        Result<std::string> bytes = read_file(file);
        if (!bytes) return bytes.error();
        Result<ImportResult> r = tiering_import_bytes(*bytes, file, args);
        if (!r) return r.error();
        in.orders = std::move(*r);
    }
    return in;
}

}  // namespace yt::cli
