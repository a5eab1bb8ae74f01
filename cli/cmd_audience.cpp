// cmd_audience.cpp — `yutang audience WORKSPACE.json [--orders FILE [--columns …]] [--id ID] [--json]
// [--export OUT.csv [--unmasked]]`: the workspace's saved audiences (人群包) evaluated over the
// shop's orders by assess() — the same figures the app's Tiers tab shows.
//
// Text: one block per audience: its name and id, members and share of all customers, members per
// segment, or its error named. --json: {"customers":N,"audiences":[{"id","name","count","share",
// "segments":{key:n,…,"none":n},"error":{"code","message"}|null}…]}. --export writes the audience
// given by --id (required then) as the SCRM tag list 客户ID,手机号,标签 (core/plan/assess_audiences.hpp),
// phones masked unless --unmasked. Exit 0, or 2 on unreadable input, an unknown --id or an export
// of an audience with an error.
#include <iostream>

#include "cli/cli_common.hpp"
#include "cli/plan_inputs.hpp"

namespace yt::cli {

namespace {

constexpr const char* kUsage = "yutang audience WORKSPACE.json [--orders FILE] [--id ID] [--json] [--export OUT.csv [--unmasked]]";

std::string share_text(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
    return buf;
}

void print_json(const AudienceFigures& f, const std::vector<const AudienceFigure*>& shown, Lang lang) {
    std::cout << "{\"customers\":" << f.customers << ",\"audiences\":[";
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const AudienceFigure& a = *shown[i];
        std::cout << (i ? ",\n " : "\n ") << "{\"id\":\"" << json_escape(a.id) << "\",\"name\":\"" << json_escape(a.name)
                  << "\",\"count\":" << a.count << ",\"share\":" << json_number(a.share) << ",\"segments\":{";
        for (int s = 0; s <= kSegments; ++s)
            std::cout << (s ? "," : "") << "\"" << (s < kSegments ? segment_key(s) : "none") << "\":" << a.by_segment[static_cast<std::size_t>(s)];
        std::cout << "},\"error\":";
        if (a.error)
            std::cout << "{\"code\":\"" << json_escape(a.error->code) << "\",\"message\":\"" << json_escape(describe(*a.error, lang)) << "\"}";
        else
            std::cout << "null";
        std::cout << "}";
    }
    std::cout << "]}\n";
}

void print_text(const AudienceFigures& f, const std::vector<const AudienceFigure*>& shown, Lang lang) {
    if (shown.empty()) {
        std::cout << tr("cli.audience.none", lang) << "\n";
        return;
    }
    if (!f.ready) std::cout << tr("cli.audience.no_orders", lang) << "\n";
    for (const AudienceFigure* a : shown) {
        std::cout << (a->name.empty() ? a->id : a->name) << " (" << a->id << ")";
        if (a->error) {
            std::cout << (lang == Lang::En ? ": " : "：") << describe(*a->error, lang) << "\n";
            continue;
        }
        std::cout << (lang == Lang::En ? ": " : "：")
                  << trf("cli.audience.count", lang, {std::to_string(a->count), share_text(a->share), std::to_string(f.customers)}) << "\n";
        for (int s = 0; s <= kSegments; ++s) {
            const std::uint32_t n = a->by_segment[static_cast<std::size_t>(s)];
            if (n == 0) continue;
            const std::string name = s < kSegments ? tr(segment_name_key(s), lang) : tr("tiering.stage.none", lang);
            std::cout << "  " << name << "  " << n << "\n";
        }
    }
}

}  // namespace

int cmd_audience(const Args& args, Lang lang) {
    if (args.positional.size() != 1 || (args.has("export") && !args.has("id")) || (args.has("unmasked") && !args.has("export")))
        return fail(Error("cli.usage", {kUsage}), lang);
    Result<PlanInputs> in = load_plan_inputs(args);
    if (!in) return fail(in.error(), lang);
    if (in->edited_outside) std::cerr << tr("cli.edited_outside", lang) << "\n";
    const Assessment a = assess(in->ws, in->table(), in->clock);
    const AudienceFigures& f = a.audiences;

    std::vector<const AudienceFigure*> shown;
    const std::string id = args.get("id");
    for (const AudienceFigure& x : f.list)
        if (id.empty() || x.id == id) shown.push_back(&x);
    if (!id.empty() && shown.empty()) return fail(Error("cli.audience.unknown", {id}, Location{"", 0, 0, "--id"}), lang);

    if (args.has("export")) {
        const AudienceFigure& fig = *shown.front();
        if (fig.error) return fail(*fig.error, lang);
        if (!in->table()) return fail(Error("cli.audience.no_orders_export", {}, Location{"", 0, 0, "--orders"}), lang);
        const Audience* saved = nullptr;
        for (const Audience& x : in->ws.audiences)
            if (x.id == id) saved = &x;
        const std::string csv = audience_csv(*saved, fig, *in->table(), !args.has("unmasked"));
        Status st = write_file(args.get("export"), csv);
        if (!st) return fail(st.error(), lang);
        std::cerr << trf("cli.audience.exported", lang, {std::to_string(fig.count), args.get("export")}) << "\n";
        return 0;
    }
    if (args.flags.count("json")) print_json(f, shown, lang);
    else print_text(f, shown, lang);
    return 0;
}

}  // namespace yt::cli
