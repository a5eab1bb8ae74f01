// cmd_apply.cpp — `yutang apply WORKSPACE.json --commands FILE.jsonl --out OUT.json`: replays
// edits (one JSON object per line, the same form as the app's dispatch; core/edit/edit.hpp) on a workspace.
// Used for batch edits and to replay an edit log from a bug report. Stops at the first bad line.
#include <iostream>
#include <sstream>

#include "cli/cli_common.hpp"
#include "core/edit/history.hpp"
#include "core/persist/persist.hpp"

namespace yt::cli {

int cmd_apply(const Args& args, Lang lang) {
    if (args.positional.empty())
        return fail(Error("cli.usage", {"apply WORKSPACE.json --commands FILE.jsonl [--out OUT.json]"}), lang);
    const std::string path = args.positional[0];
    bool sealed = false;
    auto ws = read_workspace(args, path, &sealed);
    if (!ws) return fail(ws.error(), lang);
    const std::string cpath = args.get("commands");
    auto cmds = read_file(cpath);
    if (!cmds) return fail(cmds.error(), lang);
    History history(*ws);
    std::istringstream in(*cmds);
    std::string line;
    int n = 0, applied = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto edit = edit_from_json(line);
        Status st = edit ? history.submit(std::move(edit.value())) : Status(edit.error());
        if (!st) {
            Error e = st.error();
            e.where.file = cpath;
            e.where.line = n;
            return fail(e, lang);
        }
        history.seal();
        ++applied;
    }
    // An encrypted workspace stays encrypted (with the same passphrase) when written to a file.
    auto text = workspace_text(args, *ws, sealed && args.has("out"));
    if (!text) return fail(text.error(), lang);
    const std::string& out = *text;
    if (args.has("out")) {
        Status st = write_file(args.get("out"), out);
        if (!st) return fail(st.error(), lang);
        std::cerr << trf("cli.applied", lang, {std::to_string(applied)}) << "\n";
    } else {
        std::cout << out;
    }
    return 0;
}

}  // namespace yt::cli
