// cmd_journeys.cpp — `yutang journeys WORKSPACE.json [--orders FILE [--columns …]] [--today DATE]
// [--from DATE] [--to DATE] [--who OPERATOR] [--csv FILE] [--html FILE] [--ics FILE] [--json]`:
// the journeys (lifecycle SOPs) measured against the orders — entrants a day per trigger, the
// repurchase interval, each journey's messages a day and what one customer receives — the
// operators' workload with its journey part, the touch findings journeys add to, and the daily
// task list per operator as CSV, a printable HTML checklist or .ics (default range: today and
// the six days after). The same assess() as the app's 日历 → 旅程 section.
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>

#include "cli/cli_common.hpp"
#include "cli/plan_inputs.hpp"
#include "core/plan/journey_tasks.hpp"

namespace yt::cli {
namespace {

Result<Day> day_or(const Args& args, const char* name, Day fallback) {
    if (!args.has(name)) return fallback;
    const std::string v = args.get(name);
    auto d = parse_day(v);
    if (!d) return Error("calendar.bad_date", {v});
    return *d;
}

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}
std::string q(const std::string& s) { return "\"" + json_escape(s) + "\""; }

std::string journeys_json(const Workspace& ws, const Assessment& a, const std::vector<JourneyTask>& tasks, Day from, Day to) {
    const JourneyFigures& j = a.journeys;
    std::string t;
    for (const auto& [k, v] : j.triggers) {
        std::string segs;
        for (const auto& [s, share] : v.segments) segs += (segs.empty() ? "" : ",") + q(s) + ":" + json_number(share);
        t += (t.empty() ? "" : ",") + q(k) + ":{\"per_day\":" + json_number(k == "new_friend" ? j.new_friends_per_day : v.per_day) +
             ",\"customers\":" + std::to_string(v.customers) + ",\"window_days\":" + std::to_string(v.window_days) +
             ",\"segments\":{" + segs + "}}";
    }
    std::string js;
    for (std::size_t i = 0; i < j.journeys.size(); ++i) {
        const JourneyFigure& f = j.journeys[i];
        const Sop& s = ws.calendar.sops[i];
        std::string tiers;
        for (const std::string& x : f.tiers) tiers += (tiers.empty() ? "" : ",") + q(x);
        js += std::string(i ? ",\n" : "\n") + "  {\"id\":" + q(f.id) + ",\"name\":" + q(s.name) + ",\"trigger\":" + q(f.trigger) +
              ",\"audience\":" + q(s.audience) + ",\"enabled\":" + (f.enabled ? "true" : "false") +
              ",\"audience_ok\":" + (f.audience_ok ? "true" : "false") + ",\"audience_share\":" + json_number(f.audience_share) + ",\"inflow_per_day\":" + json_number(f.inflow_per_day) +
              ",\"steps\":" + std::to_string(f.shape.steps) + ",\"peak_day\":" + std::to_string(f.shape.peak_day) +
              ",\"peak_week\":" + std::to_string(f.shape.peak_week) + ",\"span_days\":" + std::to_string(f.shape.span_days) +
              ",\"messages_per_day\":" + json_number(f.messages_per_day) + ",\"tiers\":[" + tiers + "]}";
    }
    std::string ops;
    for (const OperatorLoad& o : a.roles.workload.operators)
        ops += (ops.empty() ? "" : ",") + std::string("{\"id\":") + q(o.id) + ",\"hours_needed\":" + json_number(o.hours_needed) +
               ",\"hours_available\":" + json_number(o.hours_available) + ",\"chats_per_day\":" + json_number(o.chats_per_day) +
               ",\"journey_per_day\":" + json_number(o.journey_per_day) + ",\"over\":" + (o.over ? "true" : "false") + "}";
    std::string touches;
    for (const auto& [tier, x] : j.touches)
        touches += (touches.empty() ? "" : ",") + q(tier) + ":{\"day\":" + json_number(x.day) + ",\"week\":" + json_number(x.week) + "}";
    std::string findings;
    for (const Finding& f : a.calendar.findings)
        if (f.message.find("_journey") != std::string::npos)
            findings += (findings.empty() ? "" : ",") + std::string("{\"rule\":") + q(f.rule) + ",\"subject\":" + q(f.subject) +
                        ",\"value\":" + json_number(f.value) + ",\"limit\":" + json_number(f.limit) + "}";
    std::string tk;
    for (const JourneyTask& x : tasks)
        tk += (tk.empty() ? "" : ",\n  ") + std::string("{\"day\":") + q(format_day(x.day)) + ",\"operator\":" + q(x.operator_id) +
              ",\"account\":" + q(x.account) + ",\"journey\":" + q(x.journey) + ",\"step\":" + std::to_string(x.step) +
              ",\"step_day\":" + std::to_string(x.step_day) + ",\"title\":" + q(x.title) + ",\"script\":" + q(x.script) +
              ",\"coupon\":" + q(x.coupon) + ",\"customers\":" + json_number(x.customers) + "}";
    return "{\"today\":" + q(format_day(a.today)) + ",\"from_orders\":" + (j.from_orders ? "true" : "false") +
           ",\"as_of\":" + (j.as_of ? q(format_day(j.as_of)) : "null") +
           ",\"repurchase_interval_days\":" + json_number(j.repurchase_interval_days) +
           ",\"repeat_buyers\":" + std::to_string(j.repeat_buyers) + ",\"repurchase_start_days\":" + std::to_string(repurchase_start_days(j)) +
           ",\"triggers\":{" + t + "},\"journeys\":[" + js + "\n],\"touches\":{" + touches + "},\"operators\":[" + ops +
           "],\"findings\":[" + findings + "],\"from\":" + q(format_day(from)) + ",\"to\":" + q(format_day(to)) +
           ",\"tasks\":[\n  " + tk + "\n]}\n";
}

}  // namespace

int cmd_journeys(const Args& args, Lang lang) {
    Result<PlanInputs> loaded = load_plan_inputs(args);
    if (!loaded) return fail(loaded.error(), lang);
    const Workspace& w = loaded->ws;
    const Assessment a = assess(w, loaded->table(), loaded->clock);
    auto from = day_or(args, "from", a.today);
    if (!from) return fail(from.error(), lang);
    auto to = day_or(args, "to", *from + 6);
    if (!to) return fail(to.error(), lang);
    if (*from > *to) return fail(Error("calendar.bad_range", {format_day(*from), format_day(*to)}), lang);
    if (*to - *from > 366) return fail(Error("calendar.range_too_long", {"1"}), lang);

    JourneyTaskOptions opt;
    opt.from = *from;
    opt.to = *to;
    opt.who = args.get("who");
    opt.lang = lang;
    opt.name = w.name;
    opt.stamp_utc = static_cast<std::int64_t>(std::time(nullptr));
    for (const AccountCapacity& c : a.roles.capacity.accounts)
        if (c.growth > 0) opt.new_friends_per_day[c.id] = c.growth / 30.0;
    const std::vector<JourneyTask> tasks = journey_tasks(w, a.journeys, opt);
    struct Out {
        const char* flag;
        std::string (*fn)(const Workspace&, const std::vector<JourneyTask>&, const JourneyTaskOptions&);
    };
    for (const Out& o : {Out{"csv", export_journey_tasks_csv}, Out{"html", export_journey_tasks_html}, Out{"ics", export_journey_tasks_ics}}) {
        if (!args.has(o.flag)) continue;
        Status st = write_file(args.get(o.flag), o.fn(w, tasks, opt));
        if (!st) return fail(st.error(), lang);
    }
    if (args.has("json")) {
        std::cout << journeys_json(w, a, tasks, *from, *to);
        return 0;
    }
    const JourneyFigures& j = a.journeys;
    const bool zh = lang == Lang::Zh;
    std::cout << (zh ? "旅程（按 " : "Journeys (orders as of ") << (j.as_of ? format_day(j.as_of) : std::string("-"))
              << (zh ? " 的订单测算）\n" : ")\n");
    if (j.repurchase_interval_days > 0)
        std::cout << (zh ? "实测回购周期（中位数）：" : "Measured repurchase interval (median): ") << num(j.repurchase_interval_days)
                  << (zh ? " 天，" : " days over ") << j.repeat_buyers << (zh ? " 位复购客户；复购旅程在购买后第 " : " repeat buyers; the repurchase journey starts ")
                  << repurchase_start_days(j) << (zh ? " 天开始\n" : " days after a purchase\n");
    for (std::size_t i = 0; i < j.journeys.size(); ++i) {
        const JourneyFigure& f = j.journeys[i];
        const Sop& s = w.calendar.sops[i];
        std::cout << (f.enabled ? "  " : "  (" + std::string(zh ? "停用" : "off") + ") ") << s.name << " [" << trigger_name(f.trigger, lang)
                  << "]" << (zh ? "：每天约 " : ": about ") << num(f.inflow_per_day) << (zh ? " 人进入，" : " customers a day, ")
                  << f.shape.steps << (zh ? " 步，每天 " : " steps, ") << num(f.messages_per_day)
                  << (zh ? " 条消息；每位客户一天最多 " : " messages a day; one customer gets at most ") << f.shape.peak_day
                  << (zh ? " 条、一周最多 " : " a day and ") << f.shape.peak_week << (zh ? " 条\n" : " a week\n");
    }
    for (const OperatorLoad& o : a.roles.workload.operators)
        std::cout << (zh ? "运营 " : "Operator ") << o.id << (zh ? "：每天 " : ": ") << num(o.hours_needed) << "/" << num(o.hours_available)
                  << (zh ? " 小时，聊天 " : " hours, ") << num(o.chats_per_day) << (zh ? " 次（其中旅程 " : " chats (") << num(o.journey_per_day)
                  << (zh ? "）\n" : " from journeys)\n");
    for (const Finding& f : a.calendar.findings)
        if (f.message.find("_journey") != std::string::npos) std::cout << "[" << tr(std::string("rules.severity.") + severity_name(f.severity), lang) << "] " << finding_message(f, lang) << "\n";
    std::cout << (zh ? "任务清单 " : "Task list ") << format_day(*from) << " – " << format_day(*to) << (zh ? "：" : ": ") << tasks.size()
              << (zh ? " 项\n" : " tasks\n");
    return 0;
}

}  // namespace yt::cli
