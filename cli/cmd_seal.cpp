// cmd_seal.cpp — `yutang seal WORKSPACE.json --passphrase-file F --out OUT.json [--iterations N]`:
// writes the workspace encrypted as the app stores it under a passphrase (core/persist/sealed.hpp),
// so the other commands open it with --passphrase-file. `--open` writes the plain file back.
#include <iostream>

#include "cli/cli_common.hpp"
#include "core/persist/sealed.hpp"

namespace yt::cli {

int cmd_seal(const Args& args, Lang lang) {
    if (args.positional.empty())
        return fail(Error("cli.usage", {"seal WORKSPACE.json --passphrase-file FILE --out OUT.json [--open]"}), lang);
    auto ws = read_workspace(args, args.positional[0]);
    if (!ws) return fail(ws.error(), lang);
    const bool open = args.flags.count("open") > 0;
    auto text = workspace_text(args, *ws, !open);
    if (!text) return fail(text.error(), lang);
    Status st = write_file(args.get("out"), *text);
    if (!st) return fail(st.error(), lang);
    if (!open) {
        auto box = read_sealed(*text);
        std::cerr << trf("cli.sealed", lang, {args.get("out"), std::to_string(box ? box->iterations : 0)}) << "\n";
    }
    return 0;
}

}  // namespace yt::cli
