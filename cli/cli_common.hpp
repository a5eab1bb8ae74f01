// cli_common.hpp — small helpers shared by the `yutang` subcommands: the parsed arguments, reading
// files, printing errors in the user's language, JSON output.
//
// Each subcommand is `int cmd_NAME(const Args&, Lang)` in cli/cmd_NAME.cpp, registered with the
// table of the options it accepts in cli/commands.cpp. Exit codes: 0 success, 1 "ran fine but
// found errors" (check), 2 bad input.
#pragma once
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/i18n/i18n.hpp"
#include "core/model/result.hpp"
#include "core/plan/workspace.hpp"

namespace yt::cli {

// A subcommand's arguments, checked against its option table (cli/options.hpp): every key is
// an option the table lists and every value has its option's form.
struct Args {
    std::vector<std::string> positional;       // after the subcommand name
    std::map<std::string, std::string> opts;   // --key value  /  --key=value
    std::set<std::string> flags;               // --flag (an option without a value)
    bool has(const std::string& k) const { return opts.count(k) || flags.count(k); }
    std::string get(const std::string& k, const std::string& def = "") const {
        auto it = opts.find(k);
        return it == opts.end() ? def : it->second;
    }
};

// Reads a whole file (binary). Errors: "cli.cannot_read" with the path.
Result<std::string> read_file(const std::string& path);
Status write_file(const std::string& path, const std::string& data);

// The passphrase in --passphrase-file FILE (one trailing line end dropped); an error when absent.
Result<std::string> passphrase_arg(const Args& args);
// Reads a workspace file: a plain .yutang.json, or an encrypted one (the app's stored form, with
// or without its "<seq>" line, or an encrypted export), opened with --passphrase-file. Errors name
// the file. *sealed tells which it was.
// `edited_outside` (optional): a plain file whose checksum no longer matches opens, and says so.
Result<Workspace> read_workspace(const Args& args, const std::string& path, bool* sealed = nullptr,
                                 bool* edited_outside = nullptr);
// The workspace as a file: encrypted with the --passphrase-file passphrase when `seal`.
Result<std::string> workspace_text(const Args& args, const Workspace& ws, bool seal);

// Prints describe(e) to stderr and returns 2.
int fail(const Error& e, Lang lang);

// JSON string escaping (UTF-8 passes through; control characters escaped).
std::string json_escape(const std::string& s);
// A finite double as JSON (NaN/Inf -> null), shortest round-trip form.
std::string json_number(double v);

}  // namespace yt::cli
