// main.cpp — `yutang`, the command-line front end of the core: batch work, checks, benchmarks.
// Each subcommand lives in cli/cmd_NAME.cpp and its options in one table (cli/commands.cpp); this
// file dispatches and prints the list of subcommands.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "core/persist/persist.hpp"

namespace {

using yt::Lang;

void help(Lang l) {
    const bool en = l == Lang::En;
    if (en) {
        std::cout << "yutang " << yt::app_version() << " — offline planner for private-domain operations\n\n"
                  << "usage: yutang [--lang zh|en] COMMAND [options]\n\ncommands:\n";
    } else {
        std::cout << "鱼塘 yutang " << yt::app_version() << " — 离线私域运营规划工具\n\n"
                  << "用法：yutang [--lang zh|en] 子命令 [选项]\n\n子命令：\n";
    }
    for (const yt::cli::Command& c : yt::cli::commands())
        std::cout << "  " << yt::cli::usage_line(c, l) << "   " << (en ? c.en : c.zh) << "\n";
    std::cout << (en ? "\n  yutang COMMAND --help lists the options of a command.\n"
                     : "\n  yutang 子命令 --help 列出该子命令的全部选项。\n");
    std::cout << (en ? "  check, calendar, report, apply and scripts open an encrypted workspace with --passphrase-file FILE.\n"
                     : "  check、calendar、report、apply、scripts 用 --passphrase-file 文件 打开加密的工作区。\n");
    std::cout << (en ? "\n  --help, --version\n" : "\n  --help 帮助，--version 版本\n");
}

// The language of messages: YUTANG_LANG, then --lang wherever it is on the line (so that even an
// error in the options is reported in the language asked for).
Lang message_language(int argc, char** argv) {
    Lang lang = Lang::Zh;
    if (const char* e = std::getenv("YUTANG_LANG")) lang = yt::parse_lang(e);
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--") break;
        std::string v;
        if (a == "--lang" && i + 1 < argc) v = argv[i + 1];
        else if (a.rfind("--lang=", 0) == 0) v = a.substr(7);
        if (!v.empty() && v.rfind("--", 0) != 0) lang = yt::parse_lang(v);
    }
    return lang;
}

}  // namespace

int main(int argc, char** argv) {
    const Lang lang = message_language(argc, argv);
    int i = 1;
    for (; i < argc; ++i) {  // --lang before the subcommand
        const std::string a = argv[i];
        std::string v;
        if (a == "--lang" && i + 1 < argc) v = argv[++i];
        else if (a.rfind("--lang=", 0) == 0) v = a.substr(7);
        else if (a == "--lang") return yt::cli::fail(yt::Error("cli.missing_value", {a}), lang);
        else break;
        if (yt::Status st = yt::cli::check_value(yt::cli::lang_option(), v); !st) return yt::cli::fail(st.error(), lang);
    }
    if (i >= argc || std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0 ||
        std::strcmp(argv[i], "help") == 0) {
        help(lang);
        return i >= argc ? 2 : 0;
    }
    if (std::strcmp(argv[i], "--version") == 0) {
        std::cout << "yutang " << yt::app_version() << "\n";
        return 0;
    }
    const yt::cli::Command* cmd = yt::cli::find_command(argv[i]);
    if (!cmd) {
        std::vector<std::string> names;
        for (const yt::cli::Command& c : yt::cli::commands()) names.push_back(c.name);
        const std::string near = yt::cli::closest(argv[i], names);
        if (near.empty()) return yt::cli::fail(yt::Error("cli.unknown_command", {argv[i]}), lang);
        return yt::cli::fail(yt::Error("cli.unknown_command_near", {argv[i], near}), lang);
    }
    yt::Result<yt::cli::Args> args = yt::cli::parse_command_line(*cmd, argc, argv, i + 1);
    if (!args) return yt::cli::fail(args.error(), lang);
    if (args->flags.count("help")) {
        std::cout << yt::cli::command_help(*cmd, lang);
        return 0;
    }
    return cmd->run(*args, lang);
}
