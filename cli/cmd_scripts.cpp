// cmd_scripts.cpp — `yutang scripts WORKSPACE.json`: the script library (话术库) listed, exported
// to or imported from CSV in the SCRM quick-reply layout (core/roles/scripts_csv.hpp).
//
//   yutang scripts ws.json [--persona ID] [--category KEY] [--search TEXT] [--json]   list
//   yutang scripts ws.json --export OUT.csv [--persona ID]                           export
//   yutang scripts ws.json --import IN.csv --out NEW.json [--persona ID] [--json]    import
// An import adds the file's rows (a row whose 编号 is already in the library replaces that
// entry); rows without a 人设 go to --persona. A bad row refuses the whole file (exit 2, the
// line named) and nothing is written.
#include <iostream>

#include "cli/cli_common.hpp"
#include "core/persist/persist.hpp"
#include "core/roles/capacity.hpp"
#include "core/roles/scripts.hpp"
#include "core/roles/scripts_csv.hpp"

namespace yt::cli {

namespace {

const char* kUsage =
    "scripts WORKSPACE.json [--persona ID] [--category KEY] [--search TEXT] [--json] | --export OUT.csv [--persona ID] | "
    "--import IN.csv --out NEW.json [--persona ID] [--json]";

std::string persona_name(const RolesPlan& r, const std::string& id) {
    const Persona* p = find_persona(r, id);
    return p && !p->name.empty() ? p->name : id;
}

void print_json(const RolesPlan& r, const std::vector<std::size_t>& rows) {
    std::cout << "{\"count\":" << rows.size() << ",\"scripts\":[";
    for (std::size_t n = 0; n < rows.size(); ++n) {
        const ScriptEntry& e = r.scripts[rows[n]];
        std::cout << (n ? "," : "") << "{\"id\":\"" << json_escape(e.id) << "\",\"persona\":\"" << json_escape(e.persona)
                  << "\",\"persona_name\":\"" << json_escape(persona_name(r, e.persona)) << "\",\"category\":\""
                  << json_escape(e.category) << "\",\"trigger\":\"" << json_escape(e.trigger) << "\",\"keywords\":[";
        for (std::size_t k = 0; k < e.keywords.size(); ++k) std::cout << (k ? "," : "") << "\"" << json_escape(e.keywords[k]) << "\"";
        const RenderedScript shown = render_script(e.reply);
        std::cout << "],\"reply\":\"" << json_escape(e.reply) << "\",\"note\":\"" << json_escape(e.note) << "\",\"preview\":\""
                  << json_escape(shown.text) << "\",\"unknown_variables\":[";
        for (std::size_t k = 0; k < shown.unknown.size(); ++k) std::cout << (k ? "," : "") << "\"" << json_escape(shown.unknown[k]) << "\"";
        std::cout << "]}";
    }
    std::cout << "]}\n";
}

void print_text(const RolesPlan& r, const std::vector<std::size_t>& rows, Lang lang) {
    for (std::size_t i : rows) {
        const ScriptEntry& e = r.scripts[i];
        std::cout << e.id << "\t" << persona_name(r, e.persona) << "\t" << tr("roles.category." + e.category, lang) << "\t"
                  << e.trigger << "\t";
        std::string reply = e.reply;
        for (char& c : reply)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        std::cout << reply << "\n";
    }
    std::cerr << trf("cli.scripts_listed", lang, {std::to_string(rows.size()), std::to_string(r.scripts.size())}) << "\n";
}

}  // namespace

int cmd_scripts(const Args& args, Lang lang) {
    if (args.positional.size() != 1 || (args.has("export") && args.has("import")) || (args.has("import") && !args.has("out")))
        return fail(Error("cli.usage", {kUsage}), lang);
    bool sealed = false;
    auto ws = read_workspace(args, args.positional[0], &sealed);
    if (!ws) return fail(ws.error(), lang);
    const std::string persona = args.get("persona");
    if (!persona.empty() && !find_persona(ws->roles, persona))
        return fail(Error("cli.unknown_persona", {persona}, Location{"", 0, 0, "--persona"}), lang);

    if (args.has("export")) {
        const std::string csv = export_scripts_csv(ws->roles, persona);
        Status st = write_file(args.get("export"), csv);
        if (!st) return fail(st.error(), lang);
        std::size_t n = 0;
        for (const ScriptEntry& e : ws->roles.scripts) n += persona.empty() || e.persona == persona ? 1 : 0;
        std::cerr << trf("cli.scripts_exported", lang, {std::to_string(n), args.get("export")}) << "\n";
        return 0;
    }
    if (args.has("import")) {
        const std::string path = args.get("import");
        auto bytes = read_file(path);
        if (!bytes) return fail(bytes.error(), lang);
        auto got = import_scripts_csv(*bytes, ws->roles, persona);
        if (!got) {
            Error e = got.error();
            e.where.file = path;
            return fail(e, lang);
        }
        ws->roles.scripts = std::move(got->scripts);
        auto text = workspace_text(args, *ws, sealed);
        if (!text) return fail(text.error(), lang);
        Status st = write_file(args.get("out"), *text);
        if (!st) return fail(st.error(), lang);
        if (args.flags.count("json"))
            std::cout << "{\"added\":" << got->added << ",\"updated\":" << got->updated << ",\"encoding\":\""
                      << json_escape(got->encoding) << "\",\"scripts\":" << ws->roles.scripts.size() << "}\n";
        std::cerr << trf("cli.scripts_imported", lang,
                         {std::to_string(got->added), std::to_string(got->updated), got->encoding, args.get("out")})
                  << "\n";
        return 0;
    }
    ScriptFilter f;
    f.persona = persona;
    f.category = args.get("category");
    f.query = args.get("search");
    if (!f.category.empty() && !is_script_category(f.category))
        return fail(Error("roles.bad_script_category", {f.category}, Location{"", 0, 0, "--category"}), lang);
    const std::vector<std::size_t> rows = find_scripts(ws->roles.scripts, f);
    if (args.flags.count("json")) print_json(ws->roles, rows);
    else print_text(ws->roles, rows, lang);
    return 0;
}

}  // namespace yt::cli
