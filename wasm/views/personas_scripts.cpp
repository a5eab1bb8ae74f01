// personas_scripts.cpp — 角色 → 话术库 Script library: search and filters, the list with per-row
// actions, the editor with the variable preview, CSV import and export.
//
// The list shows the entries that match the search text (core find_scripts: Chinese substring
// over trigger, keywords, reply and note) and the persona and category filters. Each row has
// edit, duplicate (a copy with a new id right after it), move up / down (past the neighbouring
// visible entry; one move command) and delete (two clicks). The editor (above the list, for the
// entry in `script_open`) edits persona, category, trigger, keywords, the multi-line reply and
// the note; each field is an update command that coalesces while typed (one undo step per field
// edit), and the preview fills the variables ({昵称} {商品} {优惠券}) from a sample customer and
// names any unknown {…}. The compliance scan's findings about an entry show under its reply and
// in the editor. 导入 opens the file picker ("file:scripts"; the App reads the file with
// import_scripts_csv and applies it as one undo step); 导出 downloads the shown persona's entries
// (all when no persona is chosen).
//
// Widgets: "scripts.search", "scripts.persona", "scripts.category" (filters; options
// "scripts.persona.opt.<id|all>", "scripts.category.opt.<key|all>"), "scripts.add",
// "scripts_export", "file:scripts", "scripts.count", per row "script.row.<id>", "script.edit.<id>",
// "script.dup.<id>", "script.up.<id>", "script.down.<id>", "script.del.<id>",
// "script.finding.<id>.<n>"; the editor "script.ed.persona" (options "script.ed.persona.opt.<id>"),
// "script.ed.category" (options "script.ed.category.opt.<key>"), "field.script.<id>.trigger",
// "field.script.<id>.keywords", "field.script.<id>.reply", "field.script.<id>.note",
// "script.ed.var.<n>" (insert a variable), "script.ed.preview", "script.ed.unknown",
// "script.ed.close".
#include <imgui.h>

#include <algorithm>

#include "core/roles/scripts.hpp"
#include "views/personas.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

using namespace roles_ui;
using namespace ui;

namespace {

std::string persona_label(const RolesPlan& r, const std::string& id, Lang l) {
    for (const Persona& p : r.personas)
        if (p.id == id) return p.name.empty() ? p.id : p.name;
    return id.empty() ? std::string(T(l, "ui.roles.none")) : trf("ui.roles.missing", l, {id});
}

std::string category_label(const std::string& key, Lang l) {
    const std::string k = "roles.category." + key;
    return has_tr(k) ? T(l, k.c_str()) : key;
}

// A filter or field combo (roles_ui::key_combo, "" published as "all").
template <class F>
bool choice(const ViewEnv& e, const std::string& name, const std::vector<std::string>& keys, const std::string& current,
            F&& name_of, const char* all_key, std::string& out) {
    return key_combo(e, name, keys, current, name_of, all_key, "all", out, 140);
}

std::vector<std::string> persona_ids(const RolesPlan& r) {
    std::vector<std::string> ids;
    for (const Persona& p : r.personas) ids.push_back(p.id);
    return ids;
}

}  // namespace

void PersonasView::draw_scripts(const ViewEnv& e) {
    const Lang l = e.lang;
    if (!section(*this, l, "ui.roles.sec.scripts", "scripts")) return;
    const RolesPlan& r = e.ws.roles;
    // A filter that names a persona no longer there shows everything.
    if (!script_persona.empty() && std::none_of(r.personas.begin(), r.personas.end(), [&](const Persona& p) { return p.id == script_persona; }))
        script_persona.clear();
    if (!script_open.empty() && std::none_of(r.scripts.begin(), r.scripts.end(), [&](const ScriptEntry& s) { return s.id == script_open; }))
        script_open.clear();

    // ---- toolbar: search, filters, add, import, export
    ImGui::SetNextItemWidth(200);
    input_string(("###scripts_search"), script_query);
    note_widget(e, "scripts.search");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.scripts.search_tip"));
    if (script_query.empty()) {  // a hint inside the empty field
        const ImVec2 a = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(a.x + ImGui::GetStyle().FramePadding.x, a.y + ImGui::GetStyle().FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), T(l, "ui.scripts.search_hint"));
    }
    ImGui::SameLine();
    std::string picked;
    if (choice(e, "scripts.persona", persona_ids(r), script_persona, [&](const std::string& id) { return persona_label(r, id, l); },
               "ui.scripts.all_personas", picked))
        script_persona = picked;
    ImGui::SameLine();
    if (choice(e, "scripts.category", script_categories(), script_category, [&](const std::string& k) { return category_label(k, l); },
               "ui.scripts.all_categories", picked))
        script_category = picked;

    const std::string add = label(l, "ui.scripts.add", "scripts_add");
    flow_line(button_width(T(l, "ui.scripts.add")));
    if (ImGui::Button(add.c_str())) {
        ScriptEntry s;
        s.id = fresh_script_id(r.scripts);
        s.persona = script_persona.empty() ? (r.personas.empty() ? "" : r.personas.front().id) : script_persona;
        s.category = script_category.empty() ? "faq" : script_category;
        s.trigger = T(l, "ui.scripts.new_trigger");
        if (submit(e, roles_cmd::add_script(s), true)) script_open = s.id;
    }
    note_widget(e, "scripts.add");
    const std::string import_text = T(l, "ui.scripts.import");
    flow_line(button_width(import_text.c_str()));
    file_button(e, import_text, "scripts");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.scripts.import_tip"));
    flow_line(button_width(T(l, "ui.roles.export_csv")));
    if (ImGui::Button(label(l, "ui.roles.export_csv", "scripts_export").c_str()))
        download = scripts_download(e.ws, e.d.roles.today, script_persona);
    note_widget(e, "scripts_export");

    const std::vector<std::size_t> rows = find_scripts(r.scripts, ScriptFilter{script_query, script_persona, script_category});
    ImGui::TextDisabled("%s", trf("ui.scripts.count", l, {std::to_string(rows.size()), std::to_string(r.scripts.size())}).c_str());
    note_widget(e, "scripts.count");

    // ---- the editor of the open entry
    for (const ScriptEntry& s : r.scripts)
        if (s.id == script_open) draw_script_editor(e, s);

    // ---- the list
    if (rows.empty()) {
        text_wrapped(T(l, r.scripts.empty() ? "ui.scripts.empty" : "ui.scripts.none_match"), true);
        return;
    }
    const float actions_w = button_width(T(l, "ui.scripts.edit")) + button_width(T(l, "ui.scripts.duplicate")) +
                            2 * ImGui::GetFrameHeight() + button_width(T(l, "ui.roles.confirm_delete")) + 5 * ImGui::GetStyle().ItemSpacing.x;
    const int flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    if (!begin_table("###scripts", 5, flags, 720)) return;
    float category_w = ImGui::CalcTextSize(T(l, "ui.scripts.col.category")).x;
    for (const std::string& k : script_categories()) category_w = std::max(category_w, ImGui::CalcTextSize(category_label(k, l).c_str()).x);
    ImGui::TableSetupColumn(T(l, "ui.scripts.col.category"), ImGuiTableColumnFlags_WidthFixed, category_w + 8);
    ImGui::TableSetupColumn(T(l, "ui.scripts.col.persona"), ImGuiTableColumnFlags_WidthFixed, 90);
    ImGui::TableSetupColumn(T(l, "ui.scripts.col.trigger"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(T(l, "ui.scripts.col.reply"), ImGuiTableColumnFlags_WidthStretch, 4);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, actions_w);
    table_headers(e, "tbl.scripts");
    for (std::size_t n = 0; n < rows.size(); ++n) {
        const ScriptEntry& s = r.scripts[rows[n]];
        ImGui::PushID(s.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool open = script_open == s.id;
        // The row (the category's name in the first cell) opens and closes the editor.
        if (ImGui::Selectable((category_label(s.category, l) + "###row_" + s.id).c_str(), open,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
            script_open = open ? "" : s.id;
        note_row(e, ("script.row." + s.id).c_str());
        ImGui::TableNextColumn();
        text_wrapped(persona_label(r, s.persona, l));
        ImGui::TableNextColumn();
        text_wrapped(s.trigger);
        if (!s.keywords.empty()) text_wrapped(trf("ui.scripts.keywords_are", l, {join(s.keywords, "、")}), true);
        ImGui::TableNextColumn();
        text_wrapped(s.reply);
        int k = 0;
        for (const Finding& f : e.d.content.findings)
            if (f.subject_kind == "script" && f.subject == s.id) {
                severity_text(static_cast<int>(f.severity), finding_message(f, l));
                note_widget(e, ("script.finding." + s.id + "." + std::to_string(k++)).c_str());
            }
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(label(l, "ui.scripts.edit", "edit").c_str())) script_open = open ? "" : s.id;
        note_widget(e, ("script.edit." + s.id).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(label(l, "ui.scripts.duplicate", "dup").c_str())) {
            ScriptEntry copy = s;
            copy.id = fresh_script_id(r.scripts);
            if (submit(e, roles_cmd::add_script(copy, static_cast<int>(rows[n]) + 1), true)) script_open = copy.id;
        }
        note_widget(e, ("script.dup." + s.id).c_str());
        ImGui::SameLine();
        // Up / down: to the place of the neighbouring entry shown (the filters may hide some).
        ImGui::BeginDisabled(n == 0);
        if (ImGui::ArrowButton("###up", ImGuiDir_Up)) submit(e, roles_cmd::move_script(s.id, static_cast<int>(rows[n - 1])), true);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", T(l, "ui.scripts.up"));
        note_widget(e, ("script.up." + s.id).c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(n + 1 == rows.size());
        if (ImGui::ArrowButton("###down", ImGuiDir_Down)) submit(e, roles_cmd::move_script(s.id, static_cast<int>(rows[n + 1])), true);
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", T(l, "ui.scripts.down"));
        note_widget(e, ("script.down." + s.id).c_str());
        ImGui::SameLine();
        if (delete_button(e, "script", s.id)) {
            if (submit(e, roles_cmd::erase_script(s.id), true) && open) script_open.clear();
        }
        note_widget(e, ("script.del." + s.id).c_str());
        ImGui::PopID();
    }
    end_table(e, "tbl.scripts");
}

void PersonasView::draw_script_editor(const ViewEnv& e, const ScriptEntry& s) {
    const Lang l = e.lang;
    const RolesPlan& r = e.ws.roles;
    ImGui::PushID(("script_editor_" + s.id).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(trf("ui.scripts.editing", l, {s.trigger.empty() ? s.id : s.trigger}).c_str());
    mark_selected_row(e, "script", s.id);  // opened from a finding: scrolled to, published as sel.script.<id>
    ImGui::SameLine();
    if (ImGui::SmallButton(label(l, "ui.scripts.close", "close").c_str())) script_open.clear();
    note_widget(e, "script.ed.close");

    float label_w = 0;
    for (const char* k : {"ui.scripts.col.persona", "ui.scripts.col.trigger", "ui.scripts.col.keywords", "ui.scripts.col.reply", "ui.scripts.col.note"})
        label_w = std::max(label_w, ImGui::CalcTextSize(T(l, k)).x);
    label_w += 16;
    auto row_label = [&](const char* key) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(T(l, key));
        ImGui::SameLine(label_w);
    };
    std::string picked;
    row_label("ui.scripts.col.persona");
    if (choice(e, "script.ed.persona", persona_ids(r), s.persona, [&](const std::string& id) { return persona_label(r, id, l); }, nullptr, picked)) {
        ScriptEntry v = s;
        v.persona = picked;
        submit(e, roles_cmd::update_script("persona", v), true);
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(T(l, "ui.scripts.col.category"));
    ImGui::SameLine();
    if (choice(e, "script.ed.category", script_categories(), s.category, [&](const std::string& k) { return category_label(k, l); }, nullptr, picked)) {
        ScriptEntry v = s;
        v.category = picked;
        submit(e, roles_cmd::update_script("category", v), true);
    }
    // A text field over one text of the entry: an update that coalesces while it is typed.
    auto field = [&](const char* key, const char* name, std::string ScriptEntry::*member, float height = 0) {
        row_label(key);
        text_field(e, "script." + s.id + "." + name, s.*member, -FLT_MIN, [&](const std::string& t) {
            ScriptEntry v = s;
            v.*member = t;
            submit(e, roles_cmd::update_script(name, v), false);
        }, height);
    };
    field("ui.scripts.col.trigger", "trigger", &ScriptEntry::trigger);
    row_label("ui.scripts.col.keywords");
    text_field(e, "script." + s.id + ".keywords", join(s.keywords, "、"), -FLT_MIN, [&](const std::string& t) {
        ScriptEntry v = s;
        v.keywords = split_keywords(t);
        submit(e, roles_cmd::update_script("keywords", v), false);
    });
    field("ui.scripts.col.reply", "reply", &ScriptEntry::reply, ImGui::GetTextLineHeight() * 4 + ImGui::GetStyle().FramePadding.y * 2);
    // Variables: a click appends one to the reply.
    ImGui::Dummy(ImVec2(label_w - ImGui::GetStyle().ItemSpacing.x, 1));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", T(l, "ui.scripts.insert_var"));
    const auto& vars = script_variables();
    for (std::size_t i = 0; i < 3 && i < vars.size(); ++i) {
        ImGui::SameLine();
        if (ImGui::SmallButton((vars[i] + "###var" + std::to_string(i)).c_str())) {
            ScriptEntry v = s;
            v.reply += vars[i];
            submit(e, roles_cmd::update_script("reply_var", v), true);
        }
        note_widget(e, ("script.ed.var." + std::to_string(i)).c_str());
    }
    field("ui.scripts.col.note", "note", &ScriptEntry::note);

    // The preview with a sample customer, and what would reach customers as typed.
    const SampleCustomer who;
    const RenderedScript shown = render_script(s.reply, who);
    ImGui::TextDisabled("%s", trf("ui.scripts.preview", l, {who.nickname, who.product, who.coupon}).c_str());
    ImGui::BeginGroup();
    text_wrapped(shown.text.empty() ? "—" : shown.text);
    ImGui::EndGroup();
    note_widget(e, "script.ed.preview");
    if (!shown.unknown.empty()) {
        severity_text(static_cast<int>(Severity::Warning), trf("ui.scripts.unknown_vars", l, {join(shown.unknown, "、")}));
        note_widget(e, "script.ed.unknown");
    }
    for (const Finding& f : e.d.content.findings)
        if (f.subject_kind == "script" && f.subject == s.id) severity_text(static_cast<int>(f.severity), finding_message(f, l));
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace yt::app
