// report_html.cpp — the printable plan page (see report_html.hpp).
//
// [SECTION] page frame and styles   [SECTION] cover   [SECTION] segments
// [SECTION] personas and accounts   [SECTION] the month's calendar   [SECTION] journeys
// [SECTION] findings
#include "core/plan/report_html.hpp"

#include <algorithm>
#include <map>

#include "core/calendar/catalog.hpp"
#include "core/calendar/exports.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/model/number_text.hpp"
#include "core/plan/check.hpp"
#include "core/plan/finding_catalog.hpp"
#include "core/plan/journey_tasks.hpp"
#include "core/roles/capacity.hpp"
#include "core/tiering/segments.hpp"

namespace yt {
namespace {

// What every section writer needs: the inputs, the language and the page being written.
struct Page {
    const Workspace& ws;
    const Assessment& a;
    Lang L;
    std::string out;

    std::string t(const std::string& key) const { return html_escape(tr(key, L)); }
    std::string tf(const std::string& key, const std::vector<std::string>& args) const {
        return html_escape(trf(key, L, args));
    }
    void add(const std::string& s) { out += s; }
    void section(const char* id, const std::string& title_key) {
        out += std::string("<section id=\"") + id + "\"><h2>" + t(title_key) + "</h2>\n";
    }
    void end_section() { out += "</section>\n"; }
    void note(const std::string& key) { out += "<p class=\"note\">" + t(key) + "</p>\n"; }
    // <tr> of header cells from i18n keys.
    void head(std::initializer_list<const char*> keys) {
        out += "<thead><tr>";
        for (const char* k : keys) out += "<th>" + t(k) + "</th>";
        out += "</tr></thead>\n";
    }
    // <tr> of cells given as already escaped HTML.
    void row(std::initializer_list<std::string> cells, const char* cls = nullptr) {
        out += cls ? std::string("<tr class=\"") + cls + "\">" : std::string("<tr>");
        for (const std::string& c : cells) out += "<td>" + c + "</td>";
        out += "</tr>\n";
    }
};

std::string name_or_id(const std::string& name, const std::string& id) { return html_escape(name.empty() ? id : name); }

// A segment's name, or a saved audience's (a tiers list may name one).
std::string segment_name(const std::string& key, Lang L, const Workspace& ws) {
    for (const Audience& a : ws.audiences)
        if (a.id == key) return a.name.empty() ? a.id : a.name;
    const std::string k = "tiering.seg." + key;
    return has_tr(k) ? tr(k, L) : key;
}

std::string join(const std::vector<std::string>& v, Lang L) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? (L == Lang::En ? ", " : "、") : "") + v[i];
    return s;
}

Day add_months(Day d, int months) {
    const Ymd v = civil_from_days(d);
    int m = v.m - 1 + months;
    const int y = v.y + (m >= 0 ? m / 12 : (m - 11) / 12);
    m = ((m % 12) + 12) % 12 + 1;
    return days_from_civil(y, m, std::min(v.d, days_in_month(y, m)));
}

std::string month_title(Day first, Lang L) {
    const Ymd v = civil_from_days(first);
    return trf("report.month", L, {std::to_string(v.y), tr("report.mon." + std::to_string(v.m), L)});
}

// [SECTION] page frame and styles ----------------------------------------------------------------

const char* const kStyle =
    "@page{size:A4;margin:14mm 12mm}"
    "*{box-sizing:border-box}"
    "body{font-family:\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;"
    "font-size:10.5pt;color:#222;margin:0 auto;max-width:190mm;padding:8mm 0;line-height:1.45}"
    "h1{font-size:22pt;margin:0 0 4mm}h2{font-size:15pt;border-bottom:2px solid #2a6f5f;padding-bottom:1mm;margin:0 0 4mm}"
    "h3{font-size:12pt;margin:5mm 0 2mm}"
    "section{margin-top:10mm}"
    "table{border-collapse:collapse;width:100%;margin:0 0 4mm}"
    "th,td{border:1px solid #bbb;padding:1.2mm 1.8mm;text-align:left;vertical-align:top}"
    "th{background:#eef4f2}td.num,th.num{text-align:right}"
    "tr,td,th,.day{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}"
    ".note{color:#555}.cover{text-align:left;padding-top:30mm}.cover .brand{font-size:16pt;color:#2a6f5f}"
    ".cover dl{display:grid;grid-template-columns:auto 1fr;gap:2mm 6mm;margin-top:12mm}.cover dt{color:#555}"
    ".demo{display:inline-block;border:1px solid #c60;color:#c60;padding:1mm 3mm;margin-top:6mm}"
    ".month{table-layout:fixed}.month td{height:24mm;font-size:8pt;padding:1mm}"
    ".month td.out{background:#f6f6f6}.month .d{font-weight:bold;font-size:9pt}"
    ".fest{color:#a0522d;font-weight:bold}.promo{color:#b00}"
    ".sev-error{color:#b00;font-weight:bold}.sev-warning{color:#a60}.sev-info{color:#357}"
    "#yt-print{position:fixed;top:4mm;right:4mm;font-size:12pt;padding:2mm 5mm}"
    "@media print{.noprint{display:none}section{break-before:page;page-break-before:always;margin-top:0}"
    "body{padding:0;max-width:none}}";

// [SECTION] cover --------------------------------------------------------------------------------

void cover(Page& p, Day first, Day generated) {
    const Workspace& ws = p.ws;
    const Assessment& a = p.a;
    const std::string title = ws.name.empty() ? std::string(tr("report.untitled", p.L)) : ws.name;
    p.add("<div class=\"cover\" id=\"cover\"><h1>" + html_escape(title) + "</h1>\n");
    p.add("<div class=\"brand\">" + html_escape(ws.brand) + "</div>\n<dl>");
    auto item = [&](const char* key, const std::string& value_html) {
        p.add("<dt>" + p.t(key) + "</dt><dd>" + value_html + "</dd>");
    };
    item("report.cover.brand", html_escape(ws.brand.empty() ? "—" : ws.brand));
    item("report.cover.period", p.tf("report.range", {format_day(a.today), format_day(add_months(a.today, a.roles.horizon))}));
    item("report.cover.month", html_escape(month_title(first, p.L)));
    item("report.cover.today", html_escape(format_day(a.today)) + " (" + p.t("plan.today." + (a.today_source.empty() ? std::string("default") : a.today_source)) + ")");
    item("report.cover.generated", html_escape(format_day(generated ? generated : a.today)));
    item("report.cover.findings", p.tf("report.cover.findings_line", {std::to_string(a.findings.size()), std::to_string(a.errors),
                                                                       std::to_string(a.warnings), std::to_string(a.infos)}));
    p.add("</dl>\n");
    if (ws.dataset.name == "demo") p.add("<div class=\"demo\" id=\"demo-note\">" + p.t("report.cover.demo") + "</div>\n");
    p.add("</div>\n");
}

// [SECTION] segments -----------------------------------------------------------------------------

void segments(Page& p) {
    p.section("segments", "report.segments");
    const Tiers* t = p.a.tiers.tiers.get();
    if (!t) {
        p.note("report.segments.no_orders");
        p.end_section();
        return;
    }
    double customers = 0, revenue = 0;
    for (const SegmentRow& r : t->table) {
        customers += r.customers;
        revenue += r.revenue;
    }
    p.add("<p>" + p.tf("report.segments.total", {count_text(customers), count_text(revenue)}) + "</p>\n");
    p.add("<table id=\"segment-table\">");
    p.head({"report.col.segment", "report.col.customers", "report.col.customer_share", "report.col.revenue",
            "report.col.revenue_share"});
    for (int s = 0; s < kSegments; ++s) {
        const SegmentRow& r = t->table[static_cast<std::size_t>(s)];
        p.row({html_escape(tr(segment_name_key(s), p.L)), html_escape(count_text(r.customers)),
               html_escape(percent_text(customers > 0 ? r.customers / customers : 0)), html_escape(count_text(r.revenue)),
               html_escape(percent_text(revenue > 0 ? r.revenue / revenue : 0))});
    }
    p.add("</table>\n");
    p.end_section();
}

// [SECTION] personas and accounts ----------------------------------------------------------------

void account_rows(Page& p, const std::string& persona) {
    const RolesPlan& roles = p.ws.roles;
    for (const Account& acc : roles.accounts) {
        if (acc.persona != persona) continue;
        const AccountCapacity* c = p.a.roles.account(acc.id);
        const double cap = c ? c->cap : account_cap(acc, p.ws.rules);
        const double friends = c ? c->friends : acc.friends;
        const Operator* op = find_operator(roles, acc.operator_id);
        const std::string months = !c || c->months_until_full < 0 ? p.t("report.never")
                                                                  : p.tf("report.months", {count_text(c->months_until_full)});
        p.row({name_or_id(acc.name, acc.id), p.t("roles.platform." + std::to_string(acc.platform)),
               op ? name_or_id(op->name, op->id) : html_escape(acc.operator_id.empty() ? "—" : acc.operator_id),
               html_escape(count_text(friends)), cap > 0 ? html_escape(count_text(cap)) : p.t("report.unknown"),
               cap > 0 ? html_escape(count_text(std::max(0.0, cap - friends))) : p.t("report.unknown"), months});
    }
}

void roster(Page& p) {
    const RolesPlan& roles = p.ws.roles;
    p.section("roster", "report.roster");
    if (roles.personas.empty() && roles.accounts.empty()) p.note("report.roster.none");
    auto persona_block = [&](const std::string& id, const std::string& title_html, const std::string& about_html) {
        p.add("<h3>" + title_html + "</h3>\n");
        if (!about_html.empty()) p.add("<p>" + about_html + "</p>\n");
        const PersonaCapacity* pc = p.a.roles.persona(id);
        if (pc && pc->accounts > 0)
            p.add("<p>" + p.tf("report.persona.capacity", {count_text(pc->friends), count_text(pc->cap_total),
                                                           std::to_string(pc->accounts_needed_at_horizon),
                                                           std::to_string(p.a.roles.horizon)}) + "</p>\n");
        p.add("<table class=\"accounts\">");
        p.head({"report.col.account", "report.col.platform", "report.col.operator", "report.col.friends", "report.col.cap",
                "report.col.free", "report.col.full_in"});
        account_rows(p, id);
        p.add("</table>\n");
    };
    for (const Persona& ps : roles.personas) {
        std::vector<std::string> tiers;
        for (const std::string& k : ps.tiers) tiers.push_back(segment_name(k, p.L, p.ws));
        std::string about = html_escape(ps.bio);
        if (!tiers.empty()) about += (about.empty() ? "" : "<br>") + p.tf("report.persona.serves", {join(tiers, p.L)});
        persona_block(ps.id, name_or_id(ps.name, ps.id), about);
    }
    const bool orphans = std::any_of(roles.accounts.begin(), roles.accounts.end(), [&](const Account& acc) {
        return acc.persona.empty() || !find_persona(roles, acc.persona);
    });
    if (orphans) {
        // Accounts whose persona is missing are listed under their persona id, as written.
        std::vector<std::string> ids;
        for (const Account& acc : roles.accounts)
            if ((acc.persona.empty() || !find_persona(roles, acc.persona)) &&
                std::find(ids.begin(), ids.end(), acc.persona) == ids.end())
                ids.push_back(acc.persona);
        for (const std::string& id : ids) persona_block(id, p.t("report.persona.none") + (id.empty() ? "" : " " + html_escape(id)), "");
    }
    p.end_section();
}

// [SECTION] the month's calendar -----------------------------------------------------------------

void month_calendar(Page& p, Day first, Day last) {
    const Workspace& ws = p.ws;
    p.section("calendar", "report.calendar");
    p.add("<p>" + html_escape(month_title(first, p.L)) + "</p>\n");
    std::map<Day, std::vector<std::string>> cell;  // escaped lines per day
    for (const Festival& f : p.a.calendar.festivals(first, last, ws.calendar.festival_windows))
        if (f.date >= first && f.date <= last)
            cell[f.date].push_back("<div class=\"fest\">" + p.t(festival_name_key(f.id)) + "</div>");
    int items = 0;
    for (const Occurrence& o : expand_occurrences(ws.calendar.items, first, last)) {
        const ContentItem& it = ws.calendar.items[o.item];
        const std::string title = it.title.empty() ? std::string(tr(type_name_key(it.type), p.L)) : it.title;
        const Persona* ps = find_persona(ws.roles, it.persona);
        std::string who = ps ? " · " + html_escape(ps->name.empty() ? ps->id : ps->name) : "";
        cell[o.day].push_back(std::string("<div class=\"item") + (is_promotion_type(it.type) ? " promo" : "") + "\">" +
                              html_escape(format_hhmm(it.minute)) + " [" + p.t(channel_name_key(it.channel)) + "] " +
                              html_escape(title) + who + "</div>");
        ++items;
    }
    p.add("<table class=\"month\" id=\"month-grid\" data-items=\"" + std::to_string(items) + "\"><thead><tr>");
    for (int w = 0; w < 7; ++w) p.add("<th>" + p.t("calendar.weekday." + std::to_string(w)) + "</th>");
    p.add("</tr></thead>\n");
    const Day start = first - weekday(first), end = last + (6 - weekday(last));
    for (Day d = start; d <= end; ++d) {
        if (weekday(d) == 0) p.add("<tr>");
        const bool in = d >= first && d <= last;
        p.add(std::string("<td class=\"day") + (in ? "" : " out") + "\">");
        if (in) {
            p.add("<div class=\"d\">" + std::to_string(civil_from_days(d).d) + "</div>");
            for (const std::string& line : cell[d]) p.add(line);
        }
        p.add("</td>");
        if (weekday(d) == 6) p.add("</tr>\n");
    }
    p.add("</table>\n");
    if (items == 0) p.note("report.calendar.empty");
    p.end_section();
}

// [SECTION] journeys -----------------------------------------------------------------------------

void journeys(Page& p) {
    p.section("journeys", "report.journeys");
    if (p.ws.calendar.sops.empty()) p.note("report.journeys.none");
    for (const Sop& s : p.ws.calendar.sops) {
        std::string trigger = trigger_name(s.trigger, p.L);
        if (!s.enabled) trigger += p.t("journeys.off_suffix");
        p.add("<h3>" + name_or_id(s.name, s.id) + "</h3>\n<p>" + p.tf("report.journey.trigger", {trigger}) + "</p>\n");
        p.add("<table class=\"sop\">");
        p.head({"report.col.step_day", "report.col.channel", "report.col.type", "report.col.title"});
        for (const SopStep& st : s.steps)
            p.row({p.tf("report.day_n", {std::to_string(st.day)}), p.t(channel_name_key(st.channel)),
                   p.t(type_name_key(st.type)), html_escape(st.title)});
        p.add("</table>\n");
    }
    p.end_section();
}

// [SECTION] findings -----------------------------------------------------------------------------

// The object a finding is about, by name where the plan knows it.
std::string subject_text(const Workspace& ws, const Finding& f, Lang L) {
    const RolesPlan& r = ws.roles;
    std::string name = f.subject;
    if (f.subject_kind == "account") {
        if (const Account* x = find_account(r, f.subject)) name = x->name.empty() ? x->id : x->name;
    } else if (f.subject_kind == "persona") {
        if (const Persona* x = find_persona(r, f.subject)) name = x->name.empty() ? x->id : x->name;
    } else if (f.subject_kind == "operator") {
        if (const Operator* x = find_operator(r, f.subject)) name = x->name.empty() ? x->id : x->name;
    } else if (f.subject_kind == "group") {
        if (const Group* x = find_group(r, f.subject)) name = x->name.empty() ? x->id : x->name;
    } else if (f.subject_kind == "tier") {
        name = segment_name(f.subject, L, ws);
    } else if (f.subject_kind == "item") {
        for (const ContentItem& it : ws.calendar.items)
            if (it.id == f.subject && !it.title.empty()) name = it.title;
    }
    const std::string kind_key = "rules.kind." + f.subject_kind;
    return (has_tr(kind_key) ? std::string(tr(kind_key, L)) + " " : std::string()) + name;
}

void findings(Page& p) {
    const Assessment& a = p.a;
    p.add("<section id=\"findings\" data-count=\"" + std::to_string(a.findings.size()) + "\"><h2>" + p.t("report.findings") +
          "</h2>\n");
    p.add("<p>" + p.tf("report.cover.findings_line", {std::to_string(a.findings.size()), std::to_string(a.errors),
                                                       std::to_string(a.warnings), std::to_string(a.infos)}) + "</p>\n");
    if (a.findings.empty()) p.note("report.findings.none");
    for (Severity sev : {Severity::Error, Severity::Warning, Severity::Info}) {
        const std::string sname = severity_name(sev);
        const auto n = std::count_if(a.findings.begin(), a.findings.end(), [&](const Finding& f) { return f.severity == sev; });
        if (n == 0) continue;
        p.add("<h3 class=\"sev-" + sname + "\">" + p.tf("report.findings.severity", {tr("rules.severity." + sname, p.L),
                                                                                     std::to_string(n)}) + "</h3>\n");
        p.add("<table class=\"findings\">");
        p.head({"report.col.area", "report.col.subject", "report.col.finding", "report.col.fix"});
        for (const Finding& f : a.findings) {
            if (f.severity != sev) continue;
            const FindingKind* k = finding_kind(f.rule);
            p.row({p.t(std::string("report.area.") + (k ? k->area : "roles")), html_escape(subject_text(p.ws, f, p.L)),
                   html_escape(finding_message(f, p.L)), html_escape(finding_fix(f, p.L))},
                  "finding");
        }
        p.add("</table>\n");
    }
    p.end_section();
}

}  // namespace

std::string report_html(const Workspace& ws, const Assessment& a, const ReportOptions& opt) {
    Page p{ws, a, opt.lang, {}};
    const Ymd now = civil_from_days(a.today);  // the calendar shows the month of the plan's today
    const Day first = days_from_civil(now.y, now.m, 1), last = days_from_civil(now.y, now.m, days_in_month(now.y, now.m));
    const std::string title = trf("report.title", p.L, {ws.name.empty() ? std::string(tr("report.untitled", p.L)) : ws.name});
    p.add(std::string("<!DOCTYPE html>\n<html lang=\"") + (p.L == Lang::En ? "en" : "zh-CN") + "\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width\"><title>" + html_escape(title) + "</title>\n<style>" + kStyle +
          "</style></head><body>\n");
    p.add(std::string("<button id=\"yt-print\" class=\"noprint\" type=\"button\"") +
          (opt.inline_print ? " onclick=\"window.print()\"" : "") + ">" + p.t("report.print") + "</button>\n");
    cover(p, first, opt.generated);
    segments(p);
    roster(p);
    month_calendar(p, first, last);
    journeys(p);
    findings(p);
    p.add("</body></html>\n");
    return std::move(p.out);
}

}  // namespace yt
