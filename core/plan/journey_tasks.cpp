// journey_tasks.cpp — the daily task list of the journeys and its three exports (journey_tasks.hpp).
#include "core/plan/journey_tasks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "core/calendar/exports.hpp"
#include "core/io/csv_write.hpp"

namespace yt {

namespace {

// Accounts and their shares for a step's sender key (account id, persona id or "").
std::vector<std::pair<const Account*, double>> senders(const RolesPlan& roles, const std::string& key) {
    std::vector<std::pair<const Account*, double>> out;
    for (const Account& a : roles.accounts)
        if (!key.empty() && a.id == key) return {{&a, 1.0}};
    double friends = 0;
    for (const Account& a : roles.accounts)
        if (key.empty() || a.persona == key) {
            out.push_back({&a, static_cast<double>(std::max(0, a.friends))});
            friends += std::max(0, a.friends);
        }
    for (auto& s : out) s.second = friends > 0 ? s.second / friends : 1.0 / static_cast<double>(out.size());
    return out;
}

std::string operator_name(const RolesPlan& roles, const std::string& id) {
    for (const Operator& o : roles.operators)
        if (o.id == id) return o.name.empty() ? id : o.name;
    return id;
}
std::string account_name(const RolesPlan& roles, const std::string& id) {
    for (const Account& a : roles.accounts)
        if (a.id == id) return a.name.empty() ? id : a.name;
    return id;
}
std::string script_title(const Workspace& ws, const std::string& id) {
    for (const ScriptEntry& e : ws.roles.scripts)
        if (e.id == id) return e.trigger.empty() ? id : e.trigger + " (" + id + ")";
    return id;
}
std::string customers_text(double n) {
    char b[32];
    std::snprintf(b, sizeof b, n < 10 ? "%.1f" : "%.0f", n);
    return b;
}
// "第 3 天 · 使用教程 · 话术：… · 优惠券：…"
std::string step_detail(const Workspace& ws, const JourneyTask& t, Lang L) {
    std::string s = trf("journeys.task.day", L, {std::to_string(t.step_day)}) + " · " + t.title;
    if (!t.script.empty()) s += " · " + std::string(tr("journeys.field.script", L)) + (L == Lang::En ? ": " : "：") + script_title(ws, t.script);
    if (!t.coupon.empty()) s += " · " + std::string(tr("journeys.field.coupon", L)) + (L == Lang::En ? ": " : "：") + t.coupon;
    return s;
}
std::string step_text(const Workspace& ws, const JourneyTask& t, Lang L) { return t.name + " · " + step_detail(ws, t, L); }

}  // namespace

std::string trigger_name(const std::string& trigger, Lang lang) {
    const std::string key = "journeys.trigger." + trigger;
    const char* t = tr(key, lang);
    return key == t ? trigger : std::string(t);
}

std::vector<JourneyTask> journey_tasks(const Workspace& ws, const JourneyFigures& j, const JourneyTaskOptions& opt) {
    std::vector<JourneyTask> one_day;  // the tasks of any day (steady state), day left 0
    for (const Sop& s : ws.calendar.sops) {
        const JourneyFigure* f = j.journey(s.id);
        if (!s.enabled || !f || f->inflow_per_day <= 0) continue;
        for (std::size_t k = 0; k < s.steps.size(); ++k) {
            const SopStep& st = s.steps[k];
            std::vector<std::pair<const Account*, double>> who;
            if (s.trigger == "new_friend") {
                for (const Account& a : ws.roles.accounts) {
                    auto it = opt.new_friends_per_day.find(a.id);
                    if (it != opt.new_friends_per_day.end() && it->second > 0 && j.new_friends_per_day > 0)
                        who.push_back({&a, it->second / j.new_friends_per_day});
                }
            } else {
                who = senders(ws.roles, !st.account.empty() ? st.account : st.persona);
            }
            for (const auto& [acc, share] : who) {
                if (!opt.who.empty() && acc->operator_id != opt.who) continue;
                JourneyTask t;
                t.operator_id = acc->operator_id;
                t.account = acc->id;
                t.journey = s.id;
                t.name = s.name.empty() ? s.id : s.name;
                t.step = static_cast<int>(k);
                t.step_day = st.day;
                t.channel = st.channel;
                t.title = st.title;
                t.script = st.script;
                t.coupon = st.coupon;
                t.customers = f->inflow_per_day * share;
                one_day.push_back(std::move(t));
            }
        }
    }
    std::stable_sort(one_day.begin(), one_day.end(), [](const JourneyTask& a, const JourneyTask& b) {
        return std::tie(a.operator_id, a.account) < std::tie(b.operator_id, b.account);
    });
    std::vector<JourneyTask> out;
    for (Day d = opt.from; d <= opt.to; ++d)
        for (JourneyTask t : one_day) {
            t.day = d;
            out.push_back(std::move(t));
        }
    return out;
}

std::string export_journey_tasks_csv(const Workspace& ws, const std::vector<JourneyTask>& tasks, const JourneyTaskOptions& opt) {
    const Lang L = opt.lang;
    CsvWriter::Options o;
    o.bom = opt.excel_bom;
    CsvWriter w(o);
    for (const char* h : {"journeys.field.date", "journeys.field.operator", "journeys.field.account", "journeys.field.journey",
                          "journeys.field.step_day", "journeys.field.channel", "journeys.field.title", "journeys.field.script",
                          "journeys.field.coupon", "journeys.field.customers"})
        w.text(tr(h, L));
    w.end_row();
    for (const JourneyTask& t : tasks) {
        w.text(format_day(t.day)).text(t.operator_id.empty() ? "" : operator_name(ws.roles, t.operator_id));
        w.text(account_name(ws.roles, t.account)).text(t.name).integer(t.step_day).text(t.channel).text(t.title);
        w.text(t.script.empty() ? "" : script_title(ws, t.script)).text(t.coupon).number(std::round(t.customers * 10) / 10);
        w.end_row();
    }
    return w.take();
}

std::string export_journey_tasks_html(const Workspace& ws, const std::vector<JourneyTask>& tasks, const JourneyTaskOptions& opt) {
    const Lang L = opt.lang;
    std::string title = tr("journeys.checklist.title", L);
    if (!opt.name.empty()) title = opt.name + " · " + title;
    if (!opt.who.empty()) title += " · " + operator_name(ws.roles, opt.who);
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(L == Lang::En ? "en" : "zh-CN") +
                      "\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) + "</title>\n";
    out += "<style>body{font-family:sans-serif;margin:2em}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em;"
           "border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;"
           "padding:4px 6px;text-align:left;vertical-align:top}td.box{width:1.5em}td.n{text-align:right}"
           "@media print{h2{page-break-after:avoid}tr{page-break-inside:avoid}}</style></head><body>\n";
    out += "<h1>" + html_escape(title) + "</h1>\n<p>" + html_escape(format_day(opt.from) + " – " + format_day(opt.to)) + "</p>\n";
    out += "<p>" + html_escape(tr("journeys.checklist.note", L)) + "</p>\n";
    Day current = 0;
    bool open = false;
    for (const JourneyTask& t : tasks) {
        if (!open || t.day != current) {
            if (open) out += "</table>\n";
            current = t.day;
            out += "<h2>" + html_escape(format_day(t.day)) + "</h2>\n<table><tr><th></th>";
            for (const char* h : {"journeys.field.operator", "journeys.field.account", "journeys.field.journey",
                                  "journeys.field.title", "journeys.field.customers"})
                out += "<th>" + html_escape(tr(h, L)) + "</th>";
            out += "</tr>\n";
            open = true;
        }
        out += "<tr><td class=\"box\">&#9744;</td><td>" + html_escape(t.operator_id.empty() ? "" : operator_name(ws.roles, t.operator_id)) +
               "</td><td>" + html_escape(account_name(ws.roles, t.account)) + "</td><td>" + html_escape(t.name) + "</td><td>" +
               html_escape(step_detail(ws, t, L)) + "</td><td class=\"n\">" +
               html_escape(customers_text(t.customers)) + "</td></tr>\n";
    }
    if (open) out += "</table>\n";
    else out += "<p>" + html_escape(tr("journeys.checklist.empty", L)) + "</p>\n";
    out += "</body></html>\n";
    return out;
}

std::string export_journey_tasks_ics(const Workspace& ws, const std::vector<JourneyTask>& tasks, const JourneyTaskOptions& opt) {
    const Lang L = opt.lang;
    const std::string stamp = ics_utc_stamp(opt.stamp_utc);
    std::string out;
    auto line = [&out](const std::string& l) { out += ics_fold_line(l); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Yutang//Journeys//ZH");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    std::string cal = tr("journeys.checklist.title", L);
    if (!opt.name.empty()) cal = opt.name + " · " + cal;
    line("X-WR-CALNAME:" + ics_escape_text(cal));
    for (std::size_t i = 0; i < tasks.size();) {
        std::size_t e = i;
        double customers = 0;
        std::string desc;
        while (e < tasks.size() && tasks[e].day == tasks[i].day && tasks[e].operator_id == tasks[i].operator_id) {
            desc += (desc.empty() ? "" : "\n") + account_name(ws.roles, tasks[e].account) + " · " + step_text(ws, tasks[e], L) +
                    " · " + trf("journeys.task.customers", L, {customers_text(tasks[e].customers)});
            customers += tasks[e].customers;
            ++e;
        }
        const JourneyTask& t = tasks[i];
        const Ymd y = civil_from_days(t.day), n = civil_from_days(t.day + 1);
        char d0[16], d1[16];
        std::snprintf(d0, sizeof d0, "%04d%02d%02d", y.y, y.m, y.d);
        std::snprintf(d1, sizeof d1, "%04d%02d%02d", n.y, n.m, n.d);
        const std::string who = t.operator_id.empty() ? std::string(tr("journeys.task.no_operator", L)) : operator_name(ws.roles, t.operator_id);
        line("BEGIN:VEVENT");
        line("UID:" + ics_escape_text("journeys-" + (t.operator_id.empty() ? std::string("none") : t.operator_id) + "-" + d0) + "@yutang");
        line("DTSTAMP:" + stamp);
        line(std::string("DTSTART;VALUE=DATE:") + d0);
        line(std::string("DTEND;VALUE=DATE:") + d1);
        line("SUMMARY:" + ics_escape_text(trf("journeys.task.summary", L, {who, std::to_string(e - i), customers_text(customers)})));
        line("DESCRIPTION:" + ics_escape_text(desc));
        line("END:VEVENT");
        i = e;
    }
    line("END:VCALENDAR");
    return out;
}

}  // namespace yt
