// main.cpp — `yutang`, the command-line front end of the core: batch work, checks, benchmarks.
// Each subcommand lives in cli/cmd_NAME.cpp; this file dispatches and prints help.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>
#include <string>

#include "cli/cli_common.hpp"
#include "core/persist/persist.hpp"

namespace yt::cli {
int cmd_demo(const Args&, Lang);
int cmd_funnel(const Args&, Lang);
int cmd_check(const Args&, Lang);
int cmd_apply(const Args&, Lang);
int cmd_festivals(const Args&, Lang);
int cmd_calendar(const Args&, Lang);
int cmd_calbench(const Args&, Lang);
int cmd_clv(const Args&, Lang);
int cmd_tier(const Args&, Lang);
int cmd_gen(const Args&, Lang);
int cmd_bench(const Args&, Lang);
int cmd_seal(const Args&, Lang);
int cmd_report(const Args&, Lang);
int cmd_scripts(const Args&, Lang);
}  // namespace yt::cli

namespace {

using yt::Lang;
using yt::cli::Args;

struct Sub {
    const char* name;
    int (*fn)(const Args&, Lang);
    const char* flags;  // boolean options, space separated
    const char* zh;
    const char* en;
};

const Sub kSubs[] = {
    {"demo", yt::cli::cmd_demo, "", "demo [--out FILE.json]            写出内置示例工作区",
     "demo [--out FILE.json]            write the built-in demo workspace"},
    {"apply", yt::cli::cmd_apply, "",
     "apply 工作区.json --commands 命令.jsonl [--out 输出.json]   逐行执行编辑命令（与网页 dispatch 相同）",
     "apply WORKSPACE.json --commands FILE.jsonl [--out OUT.json]   replay edit commands (the page's dispatch forms)"},
    {"check", yt::cli::cmd_check, "json",
     "check 工作区.json [--json] [--today 日期] [--horizon 月数] [--days N]   检查平台规则、容量、工作量和日历",
     "check WORKSPACE.json [--json] [--today YYYY-MM-DD] [--horizon MONTHS] [--days N]   check platform rules, capacity, workload and the calendar"},
    {"report", yt::cli::cmd_report, "",
     "report 工作区.json --html 方案.html [--orders 订单文件] [--today 日期] [--lang zh|en]   可打印的方案（封面、分层、人设与账号、本月日历、SOP、待处理问题），浏览器打开后打印或存为 PDF",
     "report WORKSPACE.json --html PLAN.html [--orders FILE] [--today YYYY-MM-DD] [--lang zh|en]   the printable plan (cover, segments, personas and accounts, the month's calendar, SOPs, open findings): open it in a browser to print or save as PDF"},
    {"scripts", yt::cli::cmd_scripts, "json",
     "scripts 工作区.json [--persona ID] [--category 分类] [--search 文字] [--json]   列出话术库；--export 输出.csv [--persona ID] 导出为 SCRM 快捷回复 CSV；--import 输入.csv --out 新工作区.json [--persona ID] 导入（UTF-8 或 GB18030，有错的行整份不导入）",
     "scripts WORKSPACE.json [--persona ID] [--category KEY] [--search TEXT] [--json]   list the script library; --export OUT.csv [--persona ID] writes it as SCRM quick-reply CSV; --import IN.csv --out NEW.json [--persona ID] reads one (UTF-8 or GB18030; a bad row refuses the whole file)"},
    {"seal", yt::cli::cmd_seal, "open",
     "seal 工作区.json --passphrase-file 密码文件 --out 输出.json [--open]   按网页的方式加密工作区（--open 解密）",
     "seal WORKSPACE.json --passphrase-file FILE --out OUT.json [--open]   encrypt a workspace as the app stores it (--open decrypts)"},
    {"tier", yt::cli::cmd_tier, "json no-merge",
     "tier 订单文件（CSV/TSV/XLSX） [--sheet 工作表名|序号] [--columns customer=2,date=3,amount=5] [--as-of 日期] [--binning quintile|quartile|tercile] [--split mean|median] [--compare 之前的订单文件] [--statuses completed,paid,…] [--json]   RFM 与八类客户分层（及两次导入之间的迁移）；先列出按订单状态排除了什么",
     "tier FILE (CSV/TSV/XLSX) [--sheet NAME|N] [--columns customer=2,date=3,amount=5] [--as-of DATE] [--binning quintile|quartile|tercile] [--split mean|median] [--compare EARLIER_FILE] [--statuses completed,paid,…] [--json]   RFM and the 8 segments (and the migration between two exports); first what the order statuses excluded"},
    {"clv", yt::cli::cmd_clv, "json mask",
     "clv 订单文件 [--sheet 工作表名|序号] [--columns …] [--calibration-end 日期] [--unit day|week|month] [--horizon 39] [--out F.csv [--mask]] [--json]   BG/NBD + Gamma-Gamma 预测客户终身价值（--mask 导出时客户编号脱敏）",
     "clv FILE [--sheet NAME|N] [--columns …] [--calibration-end DATE] [--unit day|week|month] [--horizon 39] [--out F.csv [--mask]] [--json]   BG/NBD + Gamma-Gamma lifetime value (--mask hides customer ids in the file)"},
    {"gen", yt::cli::cmd_gen, "json", "gen --customers N --out 文件.csv [--seed S]   生成模拟订单数据",
     "gen --customers N --out FILE.csv [--seed S]   synthetic order histories"},
    {"bench", yt::cli::cmd_bench, "json", "bench [--customers 1000000] [--file F] [--repeat N] [--json]   分层全流程基准测试",
     "bench [--customers 1000000] [--file F] [--repeat N] [--json]   benchmark: import, summary, RFM, both fits"},
    {"festivals", yt::cli::cmd_festivals, "json", "festivals 年份 [--json]   节日与大促日期（含农历）",
     "festivals YEAR [--json]   festivals and shopping festivals (lunar ones included)"},
    {"calendar", yt::cli::cmd_calendar, "json",
     "calendar 工作区.json --from 日期 --to 日期 [--ics F] [--csv F] [--xlsx F] [--html F] [--who ID] [--json]   展开排期、检查并导出",
     "calendar WORKSPACE.json --from DATE --to DATE [--ics F] [--csv F] [--xlsx F] [--html F] [--who ID] [--json]   expand, check, export"},
    {"calbench", yt::cli::cmd_calbench, "", "calbench   日历生成与检查的基准测试", "calbench   benchmark: generate and check a year's calendar"},
    {"funnel", yt::cli::cmd_funnel, "json demo",
     "funnel 方案.json | --demo [--json] [--scenario ID]   漏斗 + 用户池测算：LTV、CAC、回本月份、ROI",
     "funnel SCENARIO.json | --demo [--json] [--scenario ID]   funnel + pool model: LTV, CAC, payback, ROI"},
};

void help(Lang l) {
    if (l == Lang::En) {
        std::cout << "yutang " << yt::app_version() << " — offline planner for private-domain operations\n\n"
                  << "usage: yutang [--lang zh|en] COMMAND [options]\n\ncommands:\n";
    } else {
        std::cout << "鱼塘 yutang " << yt::app_version() << " — 离线私域运营规划工具\n\n"
                  << "用法：yutang [--lang zh|en] 子命令 [选项]\n\n子命令：\n";
    }
    for (const auto& s : kSubs) std::cout << "  " << (l == Lang::En ? s.en : s.zh) << "\n";
    std::cout << (l == Lang::En ? "\n  check, calendar, report, apply and scripts open an encrypted workspace with --passphrase-file FILE.\n"
                                : "\n  check、calendar、report、apply、scripts 用 --passphrase-file 文件 打开加密的工作区。\n");
    std::cout << (l == Lang::En ? "\n  --help, --version\n" : "\n  --help 帮助，--version 版本\n");
}

}  // namespace

int main(int argc, char** argv) {
    Lang lang = Lang::Zh;
    if (const char* e = std::getenv("YUTANG_LANG")) lang = yt::parse_lang(e);
    int i = 1;
    for (; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--lang" && i + 1 < argc) lang = yt::parse_lang(argv[++i]);
        else if (a.rfind("--lang=", 0) == 0) lang = yt::parse_lang(a.substr(7));
        else break;
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
    for (const auto& s : kSubs) {
        if (std::strcmp(argv[i], s.name) != 0) continue;
        std::set<std::string> flags;
        std::string f = s.flags, tok;
        for (char c : f + " ") {
            if (c == ' ') { if (!tok.empty()) flags.insert(tok); tok.clear(); }
            else tok += c;
        }
        flags.insert("help");
        Args args = yt::cli::parse_args(argc, argv, i + 1, flags);
        if (args.flags.count("help")) {
            std::cout << (lang == Lang::En ? s.en : s.zh) << "\n";
            return 0;
        }
        return s.fn(args, lang);
    }
    return yt::cli::fail(yt::Error("cli.unknown_command", {argv[i]}), lang);
}
