// options.hpp — the command line of each subcommand as one table (cli/commands.cpp): its --help
// is printed from the table and parse_command_line() accepts exactly what the table lists, so the
// two cannot drift. Anything else — an unknown option, a missing or malformed value, an option
// given twice, a missing required option, an extra argument — is an Error (exit 2) that names
// the option; an unknown option comes with the closest known one.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_common.hpp"

namespace yt::cli {

// What an option's value must look like; checked before the subcommand runs.
enum class Value {
    None,    // a flag: --json
    Text,    // any non-empty text: a file, an id, a list the subcommand reads
    Number,  // a finite decimal number: 0.5, -3, 1e6
    Count,   // a whole number ≥ 0: 1000000
    Date,    // YYYY-MM-DD (also YYYYMMDD, YYYY/MM/DD)
    Choice,  // one of the words in `meta`, split by '|': zh|en
};

struct Option {
    const char* name;     // without the leading "--"
    Value value;
    const char* meta_zh;  // the value as help shows it ("文件"); for Value::Choice the words ("zh|en")
    const char* meta_en;
    const char* zh;       // what it does, one line
    const char* en;
    bool required = false;
};

struct Command {
    const char* name;
    int (*run)(const Args&, Lang);
    const char* operands_zh;  // the positional arguments in the usage line ("工作区.json"); "" for none
    const char* operands_en;
    std::size_t max_operands;
    const char* zh;  // what the subcommand does, one line
    const char* en;
    std::vector<Option> options;  // every option it accepts, --lang and --help included
};

// Every subcommand, in the order `yutang --help` lists them (cli/commands.cpp).
const std::vector<Command>& commands();
const Command* find_command(std::string_view name);
// --lang, which every subcommand takes (and `yutang` before the subcommand).
const Option& lang_option();

// Parses argv[first..] for `cmd`: "--name VALUE", "--name=VALUE", "--flag", "-h", and "--" (all
// that follows is positional). With --help only the options themselves are checked (not
// required options or the number of arguments), so `CMD --x 1 --help` tells whether --x is accepted.
Result<Args> parse_command_line(const Command& cmd, int argc, char** argv, int first);
// Checks one value against its option (Error names the option).
Status check_value(const Option& o, const std::string& value);

// "report WORKSPACE.json --html PLAN.html [options]" (required options shown).
std::string usage_line(const Command& cmd, Lang lang);
// The usage line, what it does and one line per option.
std::string command_help(const Command& cmd, Lang lang);
// Columns a UTF-8 text takes in a terminal: CJK and full-width characters take two.
std::size_t display_width(std::string_view s);

// The candidate closest to `word` by edit distance (transpositions count one, case ignored), or
// one that starts with it; "" when none is close enough to be a likely typo.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace yt::cli
