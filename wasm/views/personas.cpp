// personas.cpp — 角色: the tab's layout, selection, the findings panel and the helpers of the
// personas_*.cpp files (the generic widgets are in toolkit.hpp).
//
// [SECTIONS] helpers · selection and edits · layout · findings
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/roles/scripts_csv.hpp"
#include "views/personas.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

// ---- helpers ----------------------------------------------------------------------------------

namespace roles_ui {

std::string subject_name(const Workspace& ws, const std::string& kind, const std::string& id) {
    auto pick = [&id](const auto& list) -> std::string {
        for (const auto& x : list)
            if (x.id == id) return x.name.empty() ? x.id : x.name;
        return id;
    };
    const RolesPlan& r = ws.roles;
    if (kind == "persona") return pick(r.personas);
    if (kind == "account") return pick(r.accounts);
    if (kind == "group") return pick(r.groups);
    if (kind == "operator") return pick(r.operators);
    if (kind == "koc") return pick(r.kocs);
    if (kind == "tier") {
        std::string k = "tiering.seg." + id;
        return has_tr(k) ? tr(k, parse_lang(ws.settings.language)) : id;
    }
    return id;
}

bool section(PersonasView& v, Lang l, const char* key, const char* id) { return ui::section(l, key, id, v.open_now == id); }

}  // namespace roles_ui

using namespace roles_ui;
using namespace ui;

// ---- selection and edits ----------------------------------------------------------------------

void PersonasView::text_field(const ViewEnv& e, const std::string& id, const std::string& current, float width,
                              const std::function<void(const std::string&)>& on_change, float height) {
    ui::bound_text(e, typing, id, "##" + id, "field." + id, current, width, height, on_change);
}

void PersonasView::select(const std::string& kind, const std::string& id, bool scroll) {
    sel_kind = kind;
    sel_id = id;
    scroll_pending = scroll;
    if (kind == "persona" || kind == "tier") open_section = "personas";
    else if (kind == "account") open_section = "accounts";
    else if (kind == "group") open_section = "groups";
    else if (kind == "koc") open_section = "kocs";
    else if (kind == "operator") open_section = "operators";
    else open_section.clear();
}

void PersonasView::open_script(const std::string& id) {
    script_open = id;
    script_query.clear();
    script_persona.clear();
    script_category.clear();
    open_section = "scripts";
    sel_kind = "script";
    sel_id = id;
    scroll_pending = true;
}

void PersonasView::open_journey(const std::string& id) {
    journey_open = id;
    open_section = "journeys";
    sel_kind = "sop";
    sel_id = id;
    scroll_pending = true;
}

std::optional<PendingDownload> PersonasView::take_download() {
    std::optional<PendingDownload> d = std::move(download);
    download.reset();
    return d;
}

PendingDownload scripts_download(const Workspace& ws, Day today, const std::string& persona) {
    return PendingDownload{"scripts-" + format_day(today) + ".csv", "text/csv;charset=utf-8", export_scripts_csv(ws.roles, persona), ""};
}

std::string script_import_persona(const PersonasView& v, const Workspace& ws) {
    for (const Persona& p : ws.roles.personas)
        if (p.id == v.script_persona) return p.id;
    return ws.roles.personas.empty() ? "" : ws.roles.personas.front().id;
}

bool PersonasView::submit(const ViewEnv& e, Edit c, bool discrete) {
    if (discrete) e.sink.seal();
    Status st = e.sink.submit(std::move(c));
    if (discrete) e.sink.seal();
    if (!st) error = describe(st.error(), e.lang);
    else error.clear();
    return st.ok();
}

void PersonasView::mark_selected_row(const ViewEnv& e, const std::string& kind, const std::string& id) {
    if (!selected(kind, id)) return;
    std::string name = "sel." + kind + "." + id;
    note_widget(e, name.c_str());
    if (scroll_now) {
        ImGui::SetScrollFromPosY(ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y, 0.25f);
        scroll_now = false;
    }
}

bool PersonasView::delete_button(const ViewEnv& e, const std::string& kind, const std::string& id,
                                 const char* label_key) {
    const std::string key = kind + ":" + id;
    const bool armed = delete_armed == key;
    const std::string text = armed ? T(e.lang, "ui.roles.confirm_delete") : label_key ? T(e.lang, label_key) : "×";
    if (armed) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.85f, 0.25f, 0.2f, 1));
    const bool clicked = ImGui::SmallButton((text + "###del_" + key).c_str());
    if (armed) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(e.lang, armed ? "ui.roles.confirm_tip" : "ui.roles.delete_tip"));
    if (!clicked) return false;
    if (armed) {
        delete_armed.clear();
        return true;
    }
    delete_armed = key;
    return false;
}

// ---- layout -----------------------------------------------------------------------------------

void PersonasView::draw(const ViewEnv& e) {
    const Lang l = e.lang;
    const RoleFigures& d = e.d.roles;
    scroll_now = scroll_pending;
    scroll_pending = false;
    open_now = open_section;
    open_section.clear();

    const RolesPlan& r = e.ws.roles;
    long long friends = 0;
    for (const auto& a : r.accounts) friends += a.friends;
    ImGui::TextUnformatted(trf("ui.roles.summary", l,
                               {std::to_string(r.personas.size()), std::to_string(r.accounts.size()), thousands(friends),
                                std::to_string(r.groups.size()), std::to_string(r.kocs.size()),
                                std::to_string(r.operators.size())})
                               .c_str());
    const std::string as_of = trf("ui.roles.as_of", l, {format_day(d.today), std::to_string(d.horizon),
                                                          T(l, ("plan.today." + d.today_source).c_str())});
    flow_line(ImGui::CalcTextSize(as_of.c_str()).x);
    ImGui::TextDisabled("%s", as_of.c_str());
    if (!error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.1f, 1));
        text_wrapped(trf("ui.roles.refused", l, {error}));
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton("x###roles_error_close")) error.clear();
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float findings_w = std::clamp(avail.x * 0.27f, 260.0f, 380.0f);
    begin_pane("###roles_main", avail.x - findings_w - ImGui::GetStyle().ItemSpacing.x);
    draw_personas(e);
    draw_accounts(e);
    draw_owners(e);
    draw_groups(e);
    draw_kocs(e);
    draw_group_health(e);
    draw_operators(e);
    draw_scripts(e);
    draw_journeys(e);
    ImGui::Dummy(ImVec2(1, 40));  // room to scroll the last row away from the edge
    end_pane();
    pane_beside();
    begin_pane("###roles_findings", 0, true);
    draw_findings(e);
    end_pane();
}

// ---- findings ---------------------------------------------------------------------------------

void PersonasView::draw_findings(const ViewEnv& e) {
    const Lang l = e.lang;
    const RoleFigures& d = e.d.roles;
    ImGui::TextUnformatted(T(l, "ui.roles.findings"));
    ImGui::TextDisabled("%s", trf("rules.cli.summary", l, {std::to_string(d.errors), std::to_string(d.warnings),
                                                            std::to_string(d.infos)})
                                  .c_str());
    ImGui::Separator();
    if (d.findings.empty()) {
        text_wrapped(T(l, "rules.cli.none"));
        return;
    }
    const float icon = ImGui::GetTextLineHeight();
    const float pad = 4.0f;
    const float wrap = std::max(60.0f, ImGui::GetContentRegionAvail().x - 2 * pad);
    for (std::size_t i = 0; i < d.findings.size(); ++i) {
        const Finding& f = d.findings[i];
        const std::string sev = std::string(T(l, (std::string("rules.severity.") + severity_name(f.severity)).c_str()));
        const std::string kind = std::string(T(l, ("rules.kind." + f.subject_kind).c_str()));
        const std::string head = sev + "  ·  " + kind + " " + subject_name(e.ws, f.subject_kind, f.subject);
        const std::string msg = finding_message(f, l);
        const std::string fix = trf("rules.cli.fix", l, {finding_fix(f, l)});
        const std::vector<std::string> msg_lines = wrap_lines(msg, wrap), fix_lines = wrap_lines(fix, wrap);
        const float line = ImGui::GetTextLineHeight();
        const float h = icon + 2 + line * static_cast<float>(msg_lines.size() + fix_lines.size()) + 2 + 2 * pad;
        ImGui::PushID(static_cast<int>(i));
        const bool is_sel = selected(f.subject_kind, f.subject);
        if (ImGui::Selectable("##finding", is_sel, 0, ImVec2(0, h))) select(f.subject_kind, f.subject, true);
        if (ImGui::IsItemVisible()) note_widget(e, ("finding." + std::to_string(i)).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.roles.finding_tip"));
        ImVec2 p = ImGui::GetItemRectMin();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        severity_icon(static_cast<int>(f.severity), p.x + pad, p.y + pad, icon);
        const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        dl->AddText(ImVec2(p.x + pad + icon + 6, p.y + pad), text, head.c_str());
        float y = p.y + pad + icon + 2;
        for (const auto& s : msg_lines) {
            dl->AddText(ImVec2(p.x + pad, y), text, s.c_str());
            y += line;
        }
        y += 2;
        for (const auto& s : fix_lines) {
            dl->AddText(ImVec2(p.x + pad, y), dim, s.c_str());
            y += line;
        }
        ImGui::PopID();
        ImGui::Separator();
    }
}

}  // namespace yt::app
