// commands.cpp — every subcommand of `yutang` and the one table of options each accepts. The
// parser (cli/options.cpp) refuses what a table does not list, and `yutang CMD --help` prints the
// table, so a new option is added here and nowhere else. Options several subcommands share come
// in groups: reading an order file, opening a workspace, the plan's inputs.
#include <initializer_list>

#include "cli/options.hpp"

namespace yt::cli {
int cmd_demo(const Args&, Lang);
int cmd_funnel(const Args&, Lang);
int cmd_check(const Args&, Lang);
int cmd_apply(const Args&, Lang);
int cmd_festivals(const Args&, Lang);
int cmd_calendar(const Args&, Lang);
int cmd_calbench(const Args&, Lang);
int cmd_editbench(const Args&, Lang);
int cmd_clv(const Args&, Lang);
int cmd_tier(const Args&, Lang);
int cmd_gen(const Args&, Lang);
int cmd_bench(const Args&, Lang);
int cmd_seal(const Args&, Lang);
int cmd_report(const Args&, Lang);
int cmd_scripts(const Args&, Lang);
int cmd_groups(const Args&, Lang);
int cmd_journeys(const Args&, Lang);
int cmd_audience(const Args&, Lang);

namespace {

using V = Value;
using Group = std::vector<Option>;

Group join(std::initializer_list<Group> groups) {
    Group out;
    for (const Group& g : groups) out.insert(out.end(), g.begin(), g.end());
    return out;
}

Option json_flag(const char* zh, const char* en) { return {"json", V::None, "", "", zh, en}; }
Option out_file(const char* zh, const char* en, bool required = false) { return {"out", V::Text, "文件", "FILE", zh, en, required}; }

// Every subcommand takes these.
const Group kCommon = {
    {"lang", V::Choice, "zh|en", "zh|en", "提示与输出的语言（也可写在子命令前，或设环境变量 YUTANG_LANG）",
     "language of messages and output (also before the subcommand, or YUTANG_LANG)"},
    {"help", V::None, "", "", "显示此帮助", "show this help"},
};

// Reading an order export (tier, clv, bench, and --orders of the plan commands).
const Group kImport = {
    {"columns", V::Text, "列映射", "SPEC",
     "列映射，按序号（从 1 起）或表头名：customer=2,date=3,amount=5（另有 order、status、owner、product、refund、paid、name、phone…）",
     "column mapping by 1-based index or header name: customer=2,date=3,amount=5 (also order, status, owner, product, refund, paid, name, phone, …)"},
    {"delimiter", V::Text, "名称", "NAME", "分隔符：comma、tab、semicolon、pipe 或 whitespace（默认自动识别）",
     "the field separator: comma, tab, semicolon, pipe or whitespace (detected by default)"},
    {"header", V::Choice, "yes|no", "yes|no", "第一行是不是表头（默认自动识别）", "whether the first row is a header (detected by default)"},
    {"sheet", V::Text, "工作表名|序号", "NAME|N", "读取 .xlsx/.xlsm 的哪个工作表（默认第一个可见的）",
     "which worksheet of an .xlsx/.xlsm workbook (default: the first visible one)"},
    {"statuses", V::Text, "类别,…", "CLASS,…",
     "计为购买的订单状态类别（默认 completed,paid,partial_refund,refunding,unknown；另有 refunded、closed、unpaid）",
     "the order-status classes counted as purchases (default completed,paid,partial_refund,refunding,unknown; the others: refunded, closed, unpaid)"},
    {"threads", V::Count, "N", "N", "导入用几个线程（0 即每核一个，默认；结果都一样）",
     "threads for the import (0, the default, is one per core; the result is the same)"},
};

const Option kPassphrase = {"passphrase-file", V::Text, "文件", "FILE", "加密工作区的密码，从这个文件读（一行）",
                            "the passphrase of an encrypted workspace, read from this file (one line)"};
const Option kIterations = {"iterations", V::Count, "N", "N", "加密时 PBKDF2 的迭代次数（100000–10000000，默认 600000）",
                            "PBKDF2 iterations when encrypting (100000–10000000, default 600000)"};

// What check, calendar and report assess: the workspace, the shop's orders and today.
const Group kPlanInputs = join({
    {kPassphrase,
     {"orders", V::Text, "订单文件", "FILE", "店铺的订单导出（CSV/TSV/XLSX），与网页里导入的一样参与测算",
      "the shop's order export (CSV/TSV/XLSX), assessed as the app does with imported orders"},
     {"today", V::Date, "日期", "DATE", "把这一天当作今天（默认中国的当前日期；示例工作区用它自己的日期）",
      "take this day as today (default: the date in China; the demo workspace keeps its own)"}},
    kImport,
});

const std::vector<Command> kCommands = {
    {"demo", cmd_demo, "", "", 0, "写出内置示例工作区", "write the built-in demo workspace",
     join({{out_file("写到这个文件（默认打印出来）", "write it to this file (default: print it)")}, kCommon})},
    {"apply", cmd_apply, "工作区.json", "WORKSPACE.json", 1, "逐行执行编辑命令（与网页 dispatch 的形式相同）",
     "replay edit commands (the page's dispatch forms)",
     join({{{"commands", V::Text, "命令.jsonl", "FILE.jsonl", "编辑命令，每行一个 JSON 对象", "the edit commands, one JSON object a line", true},
            out_file("写出改好的工作区（默认打印出来；加密的工作区仍加密）",
                     "write the edited workspace here (default: print it; an encrypted one stays encrypted)"),
            kPassphrase, kIterations},
           kCommon})},
    {"check", cmd_check, "工作区.json", "WORKSPACE.json", 1, "检查平台规则、容量、工作量和日历（有错误时退出码为 1）",
     "check platform rules, capacity, workload and the calendar (exit 1 when there are errors)",
     join({{json_flag("以 JSON 输出全部问题和主要数字", "print every finding and the headline figures as JSON")}, kPlanInputs, kCommon})},
    {"report", cmd_report, "工作区.json", "WORKSPACE.json", 1,
     "可打印的方案（封面、分层、人设与账号、本月日历、SOP、待处理问题），在浏览器里打开后打印或存为 PDF",
     "the printable plan (cover, segments, personas and accounts, the month's calendar, SOPs, open findings): open it in a browser to print or save as PDF",
     join({{{"html", V::Text, "方案.html", "PLAN.html", "写出方案的 HTML 文件", "write the plan to this HTML file", true}}, kPlanInputs, kCommon})},
    {"scripts", cmd_scripts, "工作区.json", "WORKSPACE.json", 1,
     "话术库：列出（可搜索、筛选），导出为 SCRM 快捷回复 CSV，或从这样的 CSV 导入（UTF-8 或 GB18030；有错的行整份不导入）",
     "the script library: list it (search, filters), export it as SCRM quick-reply CSV, or import such a CSV (UTF-8 or GB18030; a bad row refuses the whole file)",
     join({{{"persona", V::Text, "ID", "ID", "只列出或导出这个人设的话术；导入时，没有“人设”的行归它", "list or export only this persona's scripts; on import, rows without a 人设 go to it"},
            {"category", V::Choice, "welcome|faq|keyword|objection|crisis|festival", "welcome|faq|keyword|objection|crisis|festival",
             "只列出这个分类", "list only this category"},
            {"search", V::Text, "文字", "TEXT", "只列出标题、关键词、内容或备注里有这段文字的", "list only scripts whose title, keywords, reply or note hold this text"},
            {"export", V::Text, "输出.csv", "OUT.csv", "导出为 SCRM 快捷回复 CSV（分组,标题,内容,关键词,人设,备注,编号）",
             "export as SCRM quick-reply CSV (分组,标题,内容,关键词,人设,备注,编号)"},
            {"import", V::Text, "输入.csv", "IN.csv", "导入这个 CSV（需要 --out）", "import this CSV (needs --out)"},
            out_file("导入后的工作区写到这里（加密的工作区仍加密）", "write the workspace with the import here (an encrypted one stays encrypted)"),
            kPassphrase, kIterations,
            json_flag("以 JSON 输出列表，或导入的结果", "print the list, or what the import did, as JSON")},
           kCommon})},
    {"audience", cmd_audience, "工作区.json", "WORKSPACE.json", 1,
     "人群包：按订单计算每个保存的人群包的人数、占比和各分层人数；可导出为企业微信 SCRM 标签 CSV（客户ID,手机号,标签）",
     "saved audiences: each one's members, share and members per segment from the orders; export one as a WeCom SCRM tag CSV (客户ID,手机号,标签)",
     join({{{"id", V::Text, "ID", "ID", "只看这个人群包（--export 时必填）", "only this audience (required with --export)"},
            {"export", V::Text, "输出.csv", "OUT.csv", "把 --id 的人群包导出为标签 CSV（默认手机号脱敏）",
             "export the --id audience as a tag CSV (phones masked by default)"},
            {"unmasked", V::None, "", "", "导出时手机号不脱敏（用于在 SCRM 里打标签）", "export phones in full (to tag in an SCRM)"},
            json_flag("以 JSON 输出", "print JSON")},
           kPlanInputs, kCommon})},
    {"seal", cmd_seal, "工作区.json", "WORKSPACE.json", 1, "按网页的方式加密工作区（--open 解密）",
     "encrypt a workspace as the app stores it (--open decrypts)",
     join({{out_file("写出的文件", "the file to write", true), kPassphrase,
            {"open", V::None, "", "", "解密：写出明文的工作区", "decrypt: write the plain workspace"}, kIterations},
           kCommon})},
    {"tier", cmd_tier, "订单文件", "FILE", 1,
     "RFM 与八类客户分层、生命周期（及两次导出之间的迁移）；先列出按订单状态排除了什么",
     "RFM, the 8 segments and lifecycle (and the migration between two exports); first what the order statuses excluded",
     join({{{"as-of", V::Date, "日期", "DATE", "按这一天计算（默认最后一笔订单的日期）", "tier as of this day (default: the last order's date)"},
            {"binning", V::Choice, "quintile|quartile|tercile|custom", "quintile|quartile|tercile|custom",
             "RFM 打分的分档（默认 quintile；custom 用 --cuts-r/f/m）", "RFM score bins (default quintile; custom uses --cuts-r/f/m)"},
            {"cuts-r", V::Text, "天,…", "DAYS,…", "custom 分档的 R 分界（天，升序，如 7,30,90）", "custom R cut-offs in days, ascending (e.g. 7,30,90)"},
            {"cuts-f", V::Text, "次,…", "N,…", "custom 分档的 F 分界（如 2,3,5）", "custom F cut-offs (e.g. 2,3,5)"},
            {"cuts-m", V::Text, "金额,…", "AMOUNT,…", "custom 分档的 M 分界（如 100,300,800）", "custom M cut-offs (e.g. 100,300,800)"},
            {"split", V::Choice, "mean|median|manual", "mean|median|manual", "八类分层的高低划分（默认 mean；manual 用 --manual-r/f/m）",
             "how the 8 segments split high from low (default mean; manual uses --manual-r/f/m)"},
            {"manual-r", V::Number, "天", "DAYS", "manual 划分：最近购买在这么多天内为高（默认 30）", "manual split: recent within this many days is high (default 30)"},
            {"manual-f", V::Number, "次", "N", "manual 划分：购买次数至少这么多为高（默认 2）", "manual split: at least this many purchases is high (default 2)"},
            {"manual-m", V::Number, "金额", "AMOUNT", "manual 划分：消费金额至少这么多为高（默认 200）", "manual split: at least this much spent is high (default 200)"},
            {"new-days", V::Count, "天", "DAYS", "生命周期：首购在这么多天内为新客（默认 30）", "lifecycle: first purchase within this many days is new (default 30)"},
            {"active-days", V::Count, "天", "DAYS", "生命周期：最近购买在这么多天内为活跃（默认 90）", "lifecycle: last purchase within this many days is active (default 90)"},
            {"dormant-days", V::Count, "天", "DAYS", "生命周期：最近购买在这么多天内为沉睡，再久为流失（默认 180）",
             "lifecycle: last purchase within this many days is dormant, longer ago churned (default 180)"},
            {"no-merge", V::None, "", "", "同一客户同一天的多笔订单不合并为一次购买", "do not merge one customer's orders on one day into one purchase"},
            {"compare", V::Text, "之前的订单文件", "EARLIER_FILE", "与同一店铺之前的导出比较：谁在分层之间移动了",
             "compare with the shop's earlier export: who moved between segments"},
            json_flag("以 JSON 输出", "print JSON")},
           kImport, kCommon})},
    {"clv", cmd_clv, "订单文件", "FILE", 1, "BG/NBD + Gamma-Gamma 预测客户终身价值",
     "BG/NBD + Gamma-Gamma customer lifetime value",
     join({{{"calibration-end", V::Date, "日期", "DATE", "拟合所用数据的截止日（默认最后一笔订单的日期）",
             "the last day of the data the models are fitted on (default: the last order's date)"},
            {"unit", V::Choice, "day|week|month", "day|week|month", "时间单位（默认 week）", "the time unit (default week)"},
            {"horizon", V::Count, "N", "N", "预测多少个时间单位（默认 39）", "how many time units ahead (default 39)"},
            {"margin", V::Number, "比例", "RATE", "毛利率，0–1（默认 0.5）", "gross margin, 0–1 (default 0.5)"},
            {"discount", V::Number, "比例", "RATE", "年折现率（默认 0.1）", "annual discount rate (default 0.1)"},
            out_file("每位客户一行写到这个 CSV 文件", "write one row per customer to this CSV file"),
            {"mask", V::None, "", "", "--out 文件里的客户编号脱敏", "mask the customer ids in the --out file"},
            {"summary", V::None, "", "",
             "FILE 是每位客户一行的汇总（customer, frequency, recency, T, monetary_value；天数为整数，见 docs/summary.md），不是订单",
             "FILE holds one summary row per customer (customer, frequency, recency, T, monetary_value; whole days; see "
             "docs/summary.md), not orders"},
            json_flag("以 JSON 输出", "print JSON")},
           kImport, kCommon})},
    {"gen", cmd_gen, "", "", 0, "生成模拟订单数据", "write synthetic order histories",
     join({{{"customers", V::Count, "N", "N", "客户数（默认 10000）", "how many customers (default 10000)"},
            out_file("写出的 CSV 文件", "the CSV file to write", true),
            {"seed", V::Count, "N", "N", "随机数种子（默认 1）", "random seed (default 1)"},
            json_flag("以 JSON 输出写了什么", "say what was written as JSON")},
           kCommon})},
    {"bench", cmd_bench, "", "", 0, "分层全流程基准测试：导入、汇总、RFM、两个模型的拟合",
     "benchmark: import, summary, RFM, both fits",
     join({{{"customers", V::Count, "N", "N", "模拟多少位客户（默认 1000000）", "how many customers to simulate (default 1000000)"},
            {"file", V::Text, "订单文件", "FILE", "改用这个订单文件（读文件计入用时）", "use this order file instead (reading it is timed)"},
            {"repeat", V::Count, "N", "N", "运行几次，报最好的一次（默认 1）", "runs; the best is reported too (default 1)"},
            {"seed", V::Count, "N", "N", "模拟数据的随机数种子（默认 1）", "random seed of the simulated data (default 1)"},
            json_flag("以 JSON 输出", "print JSON")},
           kImport, kCommon})},
    {"festivals", cmd_festivals, "年份", "YEAR", 1, "节日与大促日期（含农历）", "festivals and shopping festivals (lunar ones included)",
     join({{json_flag("以 JSON 输出", "print JSON")}, kCommon})},
    {"calendar", cmd_calendar, "工作区.json", "WORKSPACE.json", 1, "展开排期、检查并导出", "expand the content calendar, check it and export it",
     join({{{"from", V::Date, "日期", "DATE", "从这一天", "from this day", true},
            {"to", V::Date, "日期", "DATE", "到这一天（含）", "to this day (included)", true},
            {"ics", V::Text, "文件", "FILE", "导出日历文件 .ics", "export an .ics calendar"},
            {"csv", V::Text, "文件", "FILE", "导出 CSV", "export CSV"},
            {"xlsx", V::Text, "文件", "FILE", "导出 Excel 工作簿", "export an Excel workbook"},
            {"html", V::Text, "文件", "FILE", "导出可打印的执行清单", "export a printable checklist"},
            {"who", V::Text, "ID", "ID", "--html 清单只列这个人设或运营人员的内容", "the --html checklist lists only this persona's or operator's items"},
            json_flag("以 JSON 输出排期和问题", "print the occurrences and findings as JSON")},
           kPlanInputs, kCommon})},
    {"groups", cmd_groups, "", "", 0, "客户群健康：读企业微信客户群统计导出，列出每个群的增长、退群率、发言率、人均消息和标记",
     "customer-group health: from a WeCom group-statistics export, each group's growth, churn, speaking ratio, messages per member and flags",
     join({{{"stats", V::Text, "统计文件", "FILE", "客户群统计导出（CSV/TSV，UTF-8、GB18030 或 UTF-16；按日或按周期）",
             "the customer-group statistics export (CSV/TSV, UTF-8, GB18030 or UTF-16; per day or per period)", true},
            {"workspace", V::Text, "工作区.json", "WORKSPACE.json", "用这个工作区的规则阈值，并按群名对应计划中的群与 KOC/团长",
             "use this workspace's rule thresholds and match its groups and KOCs / group leaders by name"},
            kPassphrase,
            json_flag("以 JSON 输出", "print JSON")},
           kCommon})},
    {"journeys", cmd_journeys, "工作区.json", "WORKSPACE.json", 1,
     "旅程（生命周期 SOP）：按订单测算每天进入人数、消息量、运营工作量与触达，导出每日任务清单",
     "journeys (lifecycle SOPs): entrants a day from the orders, messages, operators' workload and touches; export the daily task list",
     join({{{"from", V::Date, "日期", "DATE", "任务清单从这一天（默认今天）", "task list from this day (default: today)"},
            {"to", V::Date, "日期", "DATE", "到这一天（含；默认往后 6 天）", "to this day (included; default: six days on)"},
            {"who", V::Text, "运营ID", "OPERATOR", "只列这个运营的任务", "list only this operator's tasks"},
            {"csv", V::Text, "文件", "FILE", "导出任务清单 CSV", "export the task list as CSV"},
            {"html", V::Text, "文件", "FILE", "导出可打印的任务清单", "export a printable task checklist"},
            {"ics", V::Text, "文件", "FILE", "导出日历文件 .ics（每天每位运营一个全天事件）", "export an .ics calendar (one all-day event per day and operator)"},
            json_flag("以 JSON 输出测算和任务", "print the figures and tasks as JSON")},
           kPlanInputs, kCommon})},
    {"calbench", cmd_calbench, "", "", 0, "日历生成与检查的基准测试", "benchmark: generate and check a year's calendar", kCommon},
    {"editbench", cmd_editbench, "", "", 0, "撤销历史的内存与编辑耗时基准测试（示例方案上的一段编辑）",
     "benchmark: the memory undo holds and the time an edit takes (a session of edits on the demo plan)",
     join({{{"edits", V::Count, "N", "N", "编辑次数（默认 1000）", "how many edits (default 1000)"}}, kCommon})},
    {"funnel", cmd_funnel, "[方案.json]", "[SCENARIO.json]", 1, "漏斗 + 用户池测算：LTV、CAC、回本月份、ROI（方案文件或 --demo）",
     "funnel + pool model: LTV, CAC, payback, ROI (a scenario file or --demo)",
     join({{{"demo", V::None, "", "", "用内置示例的经济参数", "use the built-in demo's economics"},
            {"scenario", V::Text, "ID", "ID", "哪个方案（ID 或从 0 起的序号；默认当前方案）",
             "which scenario (id or 0-based index; default: the active one)"},
            {"churn", V::Number, "比例", "RATE", "改用这个月流失率，0–1（例如来自 CLV 模型）", "use this monthly churn, 0–1 (e.g. from the CLV model)"},
            {"account-friends", V::Text, "N,…", "N,…", "各账号的好友数，用于渠道风险", "friends per account, for the channel risk"},
            json_flag("以 JSON 输出", "print JSON")},
           kCommon})},
};

}  // namespace

const std::vector<Command>& commands() { return kCommands; }
const Option& lang_option() { return kCommon.front(); }

}  // namespace yt::cli
