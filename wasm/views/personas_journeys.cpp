// personas_journeys.cpp — 角色 → 旅程 Journeys: the lifecycle SOPs (ws.calendar.sops) with what
// the orders make of them, their editor, and the daily task list per operator.
//
// The list shows each journey with its switch, trigger, audience and the figures of
// core/plan/journeys.hpp: customers entering a day, messages a day and the most steps one
// customer receives in a day and a week (these reach the operators' workload above and the
// calendar's touch check). "Add" offers the built-in examples not in the plan and an empty
// journey. The editor (for `journey_open`) edits name, trigger, audience and the steps — day,
// channel, text, persona, account, script, coupon — each an update command that coalesces per
// field; steps are added and removed with one command each. The task list exports the next 7 or
// 30 days for one operator or all as CSV, a printable HTML checklist (opened in a new tab) or .ics.
//
// Widgets: "journeys.add" (options "journeys.add.opt.<id|blank>"), per journey "journey.on.<id>",
// "journey.row.<id>" (opens the editor), "journey.fig.<id>"; the editor "field.journey.<id>.name",
// "journey.ed.trigger" (options "journey.ed.trigger.opt.<key>"), "journey.ed.audience" (options
// "journey.ed.audience.opt.<id|none>"), per step n "field.journey.<id>.step<n>.day",
// "field.journey.<id>.step<n>.title", "field.journey.<id>.step<n>.coupon", "journey.ed.step<n>.channel",
// "journey.ed.step<n>.persona", "journey.ed.step<n>.account", "journey.ed.step<n>.script",
// "journey.ed.step<n>.sent_as" (options
// "<name>.opt.<id|none>"), "journey.ed.step<n>.del", "journey.ed.add_step", "journey.ed.delete",
// "journey.ed.close", "journey.finding.<id>.<n>" (the compliance findings about its steps),
// "sel.sop.<id>" (when opened from a finding); the task list "journeys.who" (options "journeys.who.opt.<id|all>"),
// "journeys.days", "journeys.export.csv", "journeys.export.html", "journeys.export.ics".
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/calendar/catalog.hpp"
#include "core/calendar/sop.hpp"
#include "core/plan/journey_tasks.hpp"
#include "views/personas.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

using namespace roles_ui;
using namespace ui;

namespace {

// A combo over ids (roles_ui::key_combo, "" published as "none").
template <class F>
bool pick(const ViewEnv& e, const std::string& name, const std::vector<std::string>& ids, const std::string& current,
          F&& name_of, const char* none_key, std::string& out, float min_width = 90) {
    return key_combo(e, name, ids, current, name_of, none_key, "none", out, min_width);
}

template <class V>
std::vector<std::string> ids_of(const V& list) {
    std::vector<std::string> out;
    for (const auto& x : list) out.push_back(x.id);
    return out;
}
template <class V>
std::string name_in(const V& list, const std::string& id) {
    for (const auto& x : list)
        if (x.id == id) return x.name.empty() ? x.id : x.name;
    return id;
}

std::string audience_name(const Workspace& ws, const std::string& id, Lang l) {
    if (id.empty()) return T(l, "ui.journeys.everyone");
    for (const Audience& a : ws.audiences)
        if (a.id == id) return a.name.empty() ? a.id : a.name;
    return trf("ui.roles.missing", l, {id});
}

std::string fresh_journey_id(const std::vector<Sop>& sops) {
    for (int n = 1;; ++n) {
        const std::string id = "j" + std::to_string(n);
        if (std::none_of(sops.begin(), sops.end(), [&](const Sop& s) { return s.id == id; })) return id;
    }
}

PendingDownload tasks_download(const ViewEnv& e, const PersonasView& v, const std::string& kind) {
    JourneyTaskOptions opt;
    opt.from = e.d.today;
    opt.to = e.d.today + std::max(1, v.journey_days) - 1;
    opt.who = v.journey_who;
    opt.lang = e.lang;
    opt.name = e.ws.name;
    opt.excel_bom = true;
    opt.stamp_utc = e.now;
    for (const AccountCapacity& c : e.d.roles.capacity.accounts)
        if (c.growth > 0) opt.new_friends_per_day[c.id] = c.growth / 30.0;
    const std::vector<JourneyTask> tasks = journey_tasks(e.ws, e.d.journeys, opt);
    PendingDownload d;
    const std::string base = "journey-tasks-" + format_day(opt.from) + (opt.who.empty() ? "" : "-" + opt.who);
    if (kind == "csv") {
        d.filename = base + ".csv";
        d.mime = "text/csv";
        d.data = export_journey_tasks_csv(e.ws, tasks, opt);
    } else if (kind == "ics") {
        d.filename = base + ".ics";
        d.mime = "text/calendar";
        d.data = export_journey_tasks_ics(e.ws, tasks, opt);
    } else {
        d.filename = base + ".html";
        d.mime = "text/html";
        d.data = export_journey_tasks_html(e.ws, tasks, opt);
        d.show = true;
    }
    d.note = trf("ui.journeys.exported", e.lang, {std::to_string(tasks.size())});
    return d;
}

}  // namespace

void PersonasView::draw_journeys(const ViewEnv& e) {
    const Lang l = e.lang;
    if (!section(*this, l, "ui.journeys.title", "journeys")) return;
    const Workspace& ws = e.ws;
    const JourneyFigures& j = e.d.journeys;
    if (!journey_open.empty() &&
        std::none_of(ws.calendar.sops.begin(), ws.calendar.sops.end(), [&](const Sop& s) { return s.id == journey_open; }))
        journey_open.clear();

    if (j.from_orders) {
        text_wrapped(trf("ui.journeys.basis", l, {format_day(j.as_of), num(j.new_friends_per_day)}), true);
        if (j.repurchase_interval_days > 0)
            text_wrapped(trf("ui.journeys.interval", l, {num(j.repurchase_interval_days), std::to_string(j.repeat_buyers),
                                                         std::to_string(repurchase_start_days(j))}),
                         true);
    } else {
        text_wrapped(trf("ui.journeys.no_orders", l, {num(j.new_friends_per_day)}), true);
    }

    // ---- add: a built-in example not in the plan, or an empty journey
    std::vector<std::string> offer;
    const std::vector<Sop> builtin = builtin_sops();
    for (const Sop& b : builtin)
        if (std::none_of(ws.calendar.sops.begin(), ws.calendar.sops.end(), [&](const Sop& s) { return s.id == b.id; }))
            offer.push_back(b.id);
    offer.push_back("blank");
    std::string picked;
    if (pick(e, "journeys.add", offer, "", [&](const std::string& id) {
            if (id == "blank") return std::string(T(l, "ui.journeys.blank"));
            for (const Sop& b : builtin)
                if (b.id == id) return b.name;
            return id;
        }, "ui.journeys.add", picked, 120)) {
        Sop s;
        for (const Sop& b : builtin)
            if (b.id == picked) s = b;
        if (picked == "blank") {
            s.id = fresh_journey_id(ws.calendar.sops);
            s.name = T(l, "ui.journeys.new_name");
            s.trigger = "new_friend";
            SopStep st;
            st.channel = "private";
            st.type = "life";
            s.steps.push_back(st);
        }
        if (submit(e, roles_cmd::add_journey(s), true)) journey_open = s.id;
    }

    // ---- the list
    if (ws.calendar.sops.empty()) text_wrapped(T(l, "ui.journeys.empty"), true);
    for (std::size_t i = 0; i < ws.calendar.sops.size(); ++i) {
        const Sop& s = ws.calendar.sops[i];
        ImGui::PushID(s.id.c_str());
        bool on = s.enabled;
        if (ImGui::Checkbox("###on", &on)) {
            Sop v = s;
            v.enabled = on;
            submit(e, roles_cmd::update_journey("enabled", v), true);
        }
        note_widget(e, ("journey.on." + s.id).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.journeys.on_tip"));
        ImGui::SameLine();
        const std::string head = (s.name.empty() ? s.id : s.name) + " · " + trigger_name(s.trigger, l) + " · " +
                                 audience_name(ws, s.audience, l);
        // The head wraps when the line is too short for it (a phone in English): a selectable as
        // high as its lines, the lines drawn over it where Dear ImGui would draw its label.
        const float room = std::max(20.0f, ImGui::GetContentRegionAvail().x);
        const std::vector<std::string> lines = wrap_lines(head, room);
        const float line_h = ImGui::GetTextLineHeight(), x = ImGui::GetCursorScreenPos().x;
        if (ImGui::Selectable("###row", journey_open == s.id, 0, ImVec2(0, line_h * static_cast<float>(lines.size()))))
            journey_open = journey_open == s.id ? "" : s.id;
        const std::string row = "journey.row." + s.id;
        note_widget(e, row.c_str());
        const float y = ImGui::GetItemRectMin().y + std::floor(ImGui::GetStyle().ItemSpacing.y * 0.5f);
        for (std::size_t k = 0; k < lines.size(); ++k) {
            ImGui::GetWindowDrawList()->AddText(ImVec2(x, y + line_h * static_cast<float>(k)), ImGui::GetColorU32(ImGuiCol_Text),
                                                lines[k].c_str());
            note_cut(e, row.c_str(), ImGui::CalcTextSize(lines[k].c_str()).x > room + 0.5f);
        }
        const JourneyFigure* f = j.journey(s.id);
        if (f) {
            std::string fig = s.enabled ? trf("ui.journeys.figures", l, {num(f->inflow_per_day), std::to_string(f->shape.steps),
                                                                          num(f->messages_per_day), std::to_string(f->shape.peak_day),
                                                                          std::to_string(f->shape.peak_week)})
                                        : std::string(T(l, "ui.journeys.off"));
            if (s.enabled && s.trigger == "birthday" && j.from_orders && f->inflow_per_day <= 0) fig += " " + std::string(T(l, "ui.journeys.no_birthday"));
            if (s.enabled && !f->audience_ok) fig += " " + std::string(T(l, "ui.journeys.audience_missing"));
            ImGui::Indent();
            text_wrapped(fig, true);
            ImGui::Unindent();
            note_widget(e, ("journey.fig." + s.id).c_str());
        }
        ImGui::PopID();
        if (journey_open == s.id) draw_journey_editor(e, s);
    }

    // ---- the daily task list
    ImGui::Spacing();
    ImGui::TextUnformatted(T(l, "ui.journeys.tasks"));
    std::string who = journey_who;
    if (pick(e, "journeys.who", ids_of(ws.roles.operators), journey_who, [&](const std::string& id) { return name_in(ws.roles.operators, id); },
             "ui.journeys.all_operators", who, 110))
        journey_who = who;
    ImGui::SameLine();
    const std::string days_label = trf("ui.journeys.days", l, {std::to_string(journey_days)});
    flow_line(button_width(days_label.c_str()));
    if (ImGui::Button((days_label + "###journeys_days").c_str())) journey_days = journey_days == 7 ? 30 : 7;
    note_text(e, "journeys.days", days_label);
    for (const char* kind : {"csv", "html", "ics"}) {
        const std::string text = T(l, (std::string("ui.journeys.export.") + kind).c_str());
        flow_line(button_width(text.c_str()));
        if (ImGui::Button((text + "###journeys_export_" + kind).c_str())) download = tasks_download(e, *this, kind);
        note_text(e, (std::string("journeys.export.") + kind).c_str(), text);
    }
}

void PersonasView::draw_journey_editor(const ViewEnv& e, const Sop& s) {
    const Lang l = e.lang;
    const Workspace& ws = e.ws;
    const RolesPlan& r = ws.roles;
    ImGui::PushID(("ed." + s.id).c_str());
    ImGui::Indent();
    ImGui::Separator();
    mark_selected_row(e, "sop", s.id);  // opened from a finding: scrolled to, published as sel.sop.<id>
    // The compliance scan's findings about this journey's steps.
    int n_found = 0;
    for (const Finding& f : e.d.content.findings)
        if (f.subject_kind == "sop" && f.subject == s.id) {
            severity_text(static_cast<int>(f.severity), finding_message(f, l));
            note_widget(e, ("journey.finding." + s.id + "." + std::to_string(n_found++)).c_str());
        }
    const float w = std::min(320.0f, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(T(l, "ui.journeys.name"));
    text_field(e, "journey." + s.id + ".name", s.name, w, [&](const std::string& v) {
        Sop x = s;
        x.name = v;
        submit(e, roles_cmd::update_journey("name", x), false);
    });
    std::string picked;
    ImGui::TextUnformatted(T(l, "ui.journeys.trigger"));
    ImGui::SameLine();
    if (pick(e, "journey.ed.trigger", sop_triggers(), s.trigger, [&](const std::string& k) { return trigger_name(k, l); }, nullptr, picked, 120)) {
        Sop x = s;
        x.trigger = picked;
        submit(e, roles_cmd::update_journey("trigger", x), true);
    }
    ImGui::TextUnformatted(T(l, "ui.journeys.audience"));
    ImGui::SameLine();
    picked = s.audience;
    if (pick(e, "journey.ed.audience", ids_of(ws.audiences), s.audience, [&](const std::string& id) { return audience_name(ws, id, l); },
             "ui.journeys.everyone", picked, 120)) {
        Sop x = s;
        x.audience = picked;
        submit(e, roles_cmd::update_journey("audience", x), true);
    }

    // ---- steps
    const std::vector<std::string> channels = all_channels(ws.calendar);
    std::vector<std::string> script_ids;
    for (const ScriptEntry& x : r.scripts) script_ids.push_back(x.id);
    auto script_name = [&](const std::string& id) {
        for (const ScriptEntry& x : r.scripts)
            if (x.id == id) return (x.trigger.empty() ? x.id : x.trigger) + " (" + x.id + ")";
        return trf("ui.roles.missing", l, {id});
    };
    for (std::size_t n = 0; n < s.steps.size(); ++n) {
        const SopStep& st = s.steps[n];
        const std::string k = "step" + std::to_string(n);
        ImGui::PushID(static_cast<int>(n));
        ImGui::Separator();
        auto set = [&](const char* field, const std::function<void(SopStep&)>& change, bool discrete) {
            Sop x = s;
            change(x.steps[n]);
            submit(e, roles_cmd::update_journey("steps." + std::to_string(n) + "." + field, x), discrete);
        };
        ImGui::TextUnformatted(trf("ui.journeys.step", l, {std::to_string(n + 1)}).c_str());
        ImGui::SameLine();
        // Room for four digits beside the − and + buttons (which grow with touch-sized frames).
        const ImGuiStyle& style = ImGui::GetStyle();
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000").x + 2 * style.FramePadding.x +
                                2 * (ImGui::GetFrameHeight() + style.ItemInnerSpacing.x));
        int day = st.day;
        if (ImGui::InputInt("###day", &day, 1, 7)) set("day", [&](SopStep& x) { x.day = std::clamp(day, 0, 3650); }, false);
        note_text(e, ("field.journey." + s.id + "." + k + ".day").c_str(), std::to_string(day),
                  2 * (ImGui::GetFrameHeight() + style.ItemInnerSpacing.x));  // cut when the digits lack room
        if (ImGui::IsItemDeactivatedAfterEdit()) e.sink.seal();
        ImGui::SameLine();
        ImGui::TextUnformatted(T(l, "ui.journeys.day_after"));
        if (pick(e, "journey.ed." + k + ".channel", channels, st.channel, [&](const std::string& c) { const std::string key = channel_name_key(c); return has_tr(key) ? std::string(T(l, key.c_str())) : c; }, nullptr, picked))
            set("channel", [&](SopStep& x) { x.channel = picked; }, true);
        ImGui::SameLine();
        const std::string del = T(l, "ui.journeys.del_step");
        flow_line(button_width(del.c_str()));
        if (ImGui::SmallButton((del + "###del").c_str())) {
            Sop x = s;
            x.steps.erase(x.steps.begin() + static_cast<std::ptrdiff_t>(n));
            submit(e, roles_cmd::update_journey("steps", x), true);
            ImGui::PopID();
            break;
        }
        note_text(e, ("journey.ed." + k + ".del").c_str(), del);
        ImGui::TextUnformatted(T(l, "ui.journeys.text"));
        ImGui::SameLine();
        text_field(e, "journey." + s.id + "." + k + ".title", st.title, std::min(w, ImGui::GetContentRegionAvail().x), [&](const std::string& v) {
            set("title", [&](SopStep& x) { x.title = v; }, false);
        });
        if (pick(e, "journey.ed." + k + ".persona", ids_of(r.personas), st.persona, [&](const std::string& id) { return name_in(r.personas, id); },
                 "ui.journeys.any_persona", picked))
            set("persona", [&](SopStep& x) { x.persona = picked; }, true);
        ImGui::SameLine();
        flow_line(90);
        if (pick(e, "journey.ed." + k + ".account", ids_of(r.accounts), st.account, [&](const std::string& id) { return name_in(r.accounts, id); },
                 "ui.journeys.any_account", picked))
            set("account", [&](SopStep& x) { x.account = picked; }, true);
        if (pick(e, "journey.ed." + k + ".script", script_ids, st.script, script_name, "ui.journeys.no_script", picked, 120))
            set("script", [&](SopStep& x) { x.script = picked; }, true);
        // One by one from the sidebar, or WeCom's mass-send tool (counted against the monthly quota).
        if (pick(e, "journey.ed." + k + ".sent_as", {"mass"}, st.sent_as,
                 [&](const std::string&) { return std::string(T(l, "calendar.sent_as.mass")); }, "ui.journeys.one_by_one", picked, 120))
            set("sent_as", [&](SopStep& x) { x.sent_as = picked; }, true);
        ImGui::TextUnformatted(T(l, "ui.journeys.coupon"));
        ImGui::SameLine();
        text_field(e, "journey." + s.id + "." + k + ".coupon", st.coupon, std::min(160.0f, ImGui::GetContentRegionAvail().x),
                   [&](const std::string& v) { set("coupon", [&](SopStep& x) { x.coupon = v; }, false); });
        ImGui::PopID();
    }
    ImGui::Separator();
    const std::string add = T(l, "ui.journeys.add_step");
    if (ImGui::Button((add + "###add_step").c_str())) {
        Sop x = s;
        SopStep st;
        st.day = s.steps.empty() ? 0 : s.steps.back().day + 1;
        st.channel = "private";
        st.type = "life";
        x.steps.push_back(st);
        submit(e, roles_cmd::update_journey("steps", x), true);
    }
    note_text(e, "journey.ed.add_step", add);
    ImGui::SameLine();
    const std::string close = T(l, "ui.journeys.close");
    flow_line(button_width(close.c_str()));
    if (ImGui::Button((close + "###close").c_str())) journey_open.clear();
    note_text(e, "journey.ed.close", close);
    ImGui::SameLine();
    flow_line(button_width(T(l, "ui.journeys.delete")));
    const bool gone = delete_button(e, "journey", s.id, "ui.journeys.delete");
    note_widget(e, "journey.ed.delete");
    if (gone && submit(e, roles_cmd::erase_journey(s.id), true)) journey_open.clear();
    ImGui::Unindent();
    ImGui::PopID();
}

}  // namespace yt::app
