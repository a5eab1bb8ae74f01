// dashboard.cpp — 总览: the plan's front page, read from the Assessment (core/plan/assess.hpp).
//
// At the top, 打印方案 opens the printable plan in a new tab. Sections, one column so a phone
// shows them stacked: the first-run checklist (ticks itself from
// the workspace), findings by severity (click → the tab where it is fixed), the customer pool and
// its segments, capacity runway per account, the next 14 days of content, and the active
// scenario's LTV:CAC and payback. Tab indexes follow app.hpp's Tab (0 总览 … 5 设置).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/plan/finding_catalog.hpp"
#include "core/plan/import_change.hpp"
#include "core/calendar/catalog.hpp"
#include "core/calendar/exports.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/plan/demo.hpp"
#include "core/plan/report_html.hpp"
#include "core/tiering/segments.hpp"
#include "views/dashboard.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

namespace {

constexpr int kTiers = 1, kPersonas = 2, kCalendar = 3, kRoi = 4;

// The tab where a finding is fixed: the catalogue's area (calendar, the economics plan, else
// roles); content findings where the content is (scripts and journeys on Personas, the rest in
// the Calendar).
int tab_of(const Finding& f) {
    const FindingKind* k = finding_kind(f.rule);
    const std::string area = k ? k->area : "roles";
    if (area == "content") return f.subject_kind == "script" || f.subject_kind == "sop" ? kPersonas : kCalendar;
    return area == "calendar" ? kCalendar : area == "plan" ? kRoi : kPersonas;
}

// A full-width selectable line that links to a tab; named for the test hook.
void link_line(const ViewEnv& e, DashboardView& v, const std::string& text, int tab, const std::string& name) {
    ImGui::PushID(name.c_str());
    if (ImGui::Selectable(text.c_str(), false)) v.go_to = tab;
    note_widget(e, name.c_str());
    ImGui::PopID();
}

void checklist(const ViewEnv& e, DashboardView& v) {
    Lang l = e.lang;
    const Workspace& ws = e.ws;
    const bool own_data = !ws.dataset.name.empty() && ws.dataset.name != "demo" && ws.dataset.name != "blank";
    struct Step {
        const char* key;
        bool done;
        int tab;
    } steps[] = {
        {"ui.dash.step_import", own_data, kTiers},
        {"ui.dash.step_tiers", own_data && e.d.tiers.tiers != nullptr, kTiers},
        {"ui.dash.step_roles", !ws.roles.personas.empty() && !ws.roles.accounts.empty(), kPersonas},
        {"ui.dash.step_calendar", !ws.calendar.items.empty(), kCalendar},
        {"ui.dash.step_roi", !ws.economics.scenarios.empty(), kRoi},
    };
    int done = 0;
    for (const Step& s : steps) done += s.done ? 1 : 0;
    if (done == 5) return;
    if (!ui::section(l, "ui.dash.checklist", "checklist")) return;
    int i = 0;
    for (const Step& s : steps) {
        // ○ to do, ● done (the font has the geometric shapes; ballot boxes it lacks).
        const std::string text = std::string(s.done ? "● " : "○ ") + T(l, s.key) + (s.done ? T(l, "ui.dash.step_done") : "");
        link_line(e, v, text, s.tab, "dash.step." + std::to_string(i++));
    }
}

void findings(const ViewEnv& e, DashboardView& v) {
    Lang l = e.lang;
    const Derived& d = e.d;
    const std::string head = trf("ui.dash.findings", l, {std::to_string(d.errors), std::to_string(d.warnings), std::to_string(d.infos)});
    if (!ui::section(l, "ui.dash.findings_title", "findings")) return;
    ImGui::TextUnformatted(head.c_str());
    note_widget(e, "dash.findings");
    if (d.findings.empty()) {
        ImGui::TextDisabled("%s", T(l, "ui.dash.no_findings"));
        return;
    }
    const std::size_t shown = std::min<std::size_t>(d.findings.size(), 12);
    for (std::size_t i = 0; i < shown; ++i) {
        const Finding& f = d.findings[i];
        const char* mark = f.severity == Severity::Error ? "✖ " : f.severity == Severity::Warning ? "▲ " : "● ";
        ImGui::PushStyleColor(ImGuiCol_Text, f.severity == Severity::Error     ? ImVec4(0.85f, 0.2f, 0.15f, 1)
                                             : f.severity == Severity::Warning ? ImVec4(0.8f, 0.5f, 0.05f, 1)
                                                                               : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        ImGui::PushTextWrapPos(0);
        link_line(e, v, mark + finding_message(f, l), tab_of(f), "dash.finding." + std::to_string(i));
        if (v.go_to >= 0 && v.go_kind.empty()) {  // this line was clicked: the object it is about
            v.go_kind = f.subject_kind;
            v.go_id = f.subject;
        }
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (d.findings.size() > shown)
        ImGui::TextDisabled("%s", trf("ui.dash.more_findings", l, {std::to_string(d.findings.size() - shown)}).c_str());
}

void pool(const ViewEnv& e, DashboardView& v) {
    Lang l = e.lang;
    const Derived& d = e.d;
    if (!ui::section(l, "ui.dash.pool", "pool")) return;
    if (!d.orders || d.orders->orders() == 0) {
        link_line(e, v, T(l, "ui.dash.no_orders"), kTiers, "dash.pool");
        return;
    }
    link_line(e, v,
              trf("ui.dash.pool_line", l,
                  {thousands(static_cast<long long>(d.orders->customers())), thousands(static_cast<long long>(d.orders->orders())),
                   money(d.revenue), format_day(d.first_day), format_day(d.last_day)}),
              kTiers, "dash.pool");
    if (!d.tiers.tiers) return;
    const auto& counts = d.tiers.tiers->segments.counts;
    double total = 0;
    for (int k = 0; k < kSegments; ++k) total += counts[k];
    if (ImGui::BeginTable("###dash_segments", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (int k = 0; k < kSegments; ++k) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(k);
            if (ImGui::Selectable(T(l, segment_name_key(k).c_str()), false, ImGuiSelectableFlags_SpanAllColumns)) v.go_to = kTiers;
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(thousands(static_cast<long long>(counts[k])).c_str());
            ImGui::TableNextColumn();
            ImGui::ProgressBar(total > 0 ? static_cast<float>(counts[k] / total) : 0.f, ImVec2(-1, 0),
                               (std::to_string(static_cast<int>(total > 0 ? counts[k] * 100.0 / total + 0.5 : 0)) + "%").c_str());
        }
        ImGui::EndTable();
    }
}

// What changed since the previous import: customers who moved between segments, new and gone
// (kept with the dataset, so it survives a reload; an undo of the import takes it away).
void since_import(const ViewEnv& e, DashboardView& v) {
    const SegmentChange& c = e.ws.dataset.change;
    if (c.matrix.empty()) return;
    Lang l = e.lang;
    if (!ui::section(l, "ui.dash.change", "change")) return;
    ImGui::PushTextWrapPos(0);
    link_line(e, v,
              trf("ui.dash.change_line", l,
                  {c.from_name, c.from_imported_at, thousands(c.matched), thousands(moved_customers(c)), thousands(c.new_total),
                   thousands(c.gone_total)}),
              kTiers, "dash.change");
    int i = 0;
    for (const SegmentMove& m : largest_moves(c, 5))
        link_line(e, v,
                  trf("ui.dash.change_move", l,
                      {T(l, segment_name_key(m.from).c_str()), T(l, segment_name_key(m.to).c_str()), thousands(m.customers)}),
                  kTiers, "dash.change." + std::to_string(i++));
    ImGui::PopTextWrapPos();
}

void runway(const ViewEnv& e, DashboardView& v) {
    Lang l = e.lang;
    const RoleFigures& r = e.d.roles;
    if (!ui::section(l, "ui.dash.runway", "runway") || !r.ready) return;
    // The question behind the table, answered in a sentence: can the accounts take next month's
    // new friends (the Personas tab's forecast), and which account needs room first.
    {
        double free = 0;
        std::string first_full;
        double soonest = 1e9;
        for (const Account& a : e.ws.roles.accounts) {
            const AccountCapacity* c = r.account(a.id);
            if (!c || c->cap <= 0) continue;
            free += std::max(0.0, c->cap - c->friends);
            if (c->months_until_full >= 0 && c->months_until_full < soonest) {
                soonest = c->months_until_full;
                first_full = a.name.empty() ? a.id : a.name;
            }
        }
        const long long need = e.ws.roles.monthly_new_friends;
        std::string answer = trf(need <= free ? "ui.dash.capacity_ok" : "ui.dash.capacity_short", l,
                                 {thousands(need), thousands(static_cast<long long>(free))});
        if (!first_full.empty() && soonest <= 1.0) answer += trf("ui.dash.capacity_first", l, {first_full});
        ImGui::PushTextWrapPos(0);
        link_line(e, v, answer, kPersonas, "dash.capacity");
        ImGui::PopTextWrapPos();
    }
    for (const Account& a : e.ws.roles.accounts) {
        const AccountCapacity* c = r.account(a.id);
        if (!c) continue;
        std::string months = c->months_until_full < 0 ? T(l, "ui.dash.runway_never")
                                                     : trf("ui.dash.runway_months", l, {ui::fixed(c->months_until_full, 1)});
        link_line(e, v,
                  trf("ui.dash.runway_line", l, {a.name.empty() ? a.id : a.name, thousands(static_cast<long long>(c->friends)), thousands(static_cast<long long>(c->cap)), months}),
                  kPersonas, "dash.runway." + a.id);
    }
}

void next_days(const ViewEnv& e, DashboardView& v) {
    Lang l = e.lang;
    const Day today = e.d.today;
    if (!ui::section(l, "ui.dash.next14", "next14")) return;
    const std::vector<Occurrence> occ = expand_occurrences(e.ws.calendar.items, today, today + 13);
    if (occ.empty()) {
        link_line(e, v, T(l, "ui.dash.next_empty"), kCalendar, "dash.next");
        return;
    }
    const std::size_t shown = std::min<std::size_t>(occ.size(), 20);
    Day last = 0;
    for (std::size_t i = 0; i < shown; ++i) {
        const ContentItem& it = e.ws.calendar.items[occ[i].item];
        if (occ[i].day != last) {
            ImGui::TextDisabled("%s", format_day(occ[i].day).c_str());
            last = occ[i].day;
        }
        link_line(e, v, "  " + format_hhmm(it.minute) + "  " + T(l, channel_name_key(it.channel).c_str()) + " · " + it.title, kCalendar,
                  "dash.next." + std::to_string(i));
    }
    if (occ.size() > shown) ImGui::TextDisabled("%s", trf("ui.dash.more_items", l, {std::to_string(occ.size() - shown)}).c_str());
}

void economics(const ViewEnv& e, DashboardView& v) {
    Lang l = e.lang;
    const EconomicsFigures& ec = e.d.economics;
    if (!ui::section(l, "ui.dash.economics", "economics")) return;
    if (!ec.funnel) {
        link_line(e, v, T(l, "ui.dash.no_scenario"), kRoi, "dash.economics");
        return;
    }
    const FunnelSummary& s = ec.funnel->summary;
    const std::string ratio = s.ltv_cac ? ui::fixed(*s.ltv_cac, 1) : "—";
    const std::string payback = s.payback_month ? trf("ui.dash.payback_months", l, {std::to_string(*s.payback_month)})
                                                : std::string(T(l, "ui.dash.no_payback"));
    link_line(e, v, trf("ui.dash.economics_line", l, {money(s.ltv), ratio, payback}), kRoi, "dash.economics");
}

// 打印方案: the printable plan (core/plan/report_html.hpp) from this frame's Assessment, opened in
// a new tab by the App (Platform::open_html), which confirms it in the banner.
void print_button(const ViewEnv& e) {
    const bool clicked = ImGui::Button(label(e.lang, "ui.dash.print", "dash_print").c_str());
    note_widget(e, "dash.print");
    if (!clicked || !e.out) return;
    ReportOptions opt;
    opt.lang = e.lang;
    opt.generated = e.d.clock.value_or(e.d.today);
    opt.inline_print = false;  // the page keeps the app's CSP; the platform wires its print button
    e.out->downloads.push_back({"yutang-plan-" + format_day(opt.generated) + ".html", "text/html",
                                report_html(e.ws, e.d, opt), "", true});
}

}  // namespace

void DashboardView::draw(const ViewEnv& e) {
    const Workspace& ws = e.ws;
    Lang l = e.lang;
    ImGui::TextUnformatted(ws.brand.c_str());
    if (ws.dataset.name == "demo") ImGui::TextDisabled("%s", T(l, "ui.demo_note"));
    const std::string src = std::string("plan.today.") + (e.d.today_source.empty() ? "default" : e.d.today_source);
    ImGui::TextDisabled("%s", trf("ui.dash.today", l, {format_day(e.d.today), T(l, src.c_str())}).c_str());
    print_button(e);
    // A clean start: a blank plan instead of the demo, or the demo's content cleared once the
    // user's own orders are in (each one undoable step).
    if (ws.dataset.name == "demo") {
        ImGui::SameLine();
        if (ImGui::Button(label(l, "ui.dash.new_blank", "dash_new_blank").c_str())) want_blank = true;
        note_widget(e, "dash.new_blank");
    } else if (has_demo_content(ws)) {
        ImGui::TextWrapped("%s", T(l, "ui.dash.demo_left"));
        if (ImGui::Button(label(l, "ui.dash.clear_demo", "dash_clear_demo").c_str())) want_clear_demo = true;
        note_widget(e, "dash.clear_demo");
    }
    checklist(e, *this);
    findings(e, *this);
    pool(e, *this);
    since_import(e, *this);
    runway(e, *this);
    next_days(e, *this);
    economics(e, *this);
}

}  // namespace yt::app
