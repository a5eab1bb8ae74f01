// settings_terms.cpp — 设置 → 违禁词 Compliance terms: the words the content scan looks for in
// calendar items, SOP steps and scripts (core/rules/content_terms.hpp, core/plan/assess_content).
//
// A term is switched on or off, given another level, or deleted; a new one is added with a word,
// a level and a category; 恢复内置 brings the shipped list back (the user's own terms stay). A
// filter narrows the list by word. Every change is one Edit (core/edit/edit.hpp), sealed, so
// each is one undo step.
#include <imgui.h>

#include "core/edit/history.hpp"
#include "views/toolkit.hpp"
#include "views/settings.hpp"

namespace yt::app {

namespace {

const char* const kLevels[] = {"block", "warn", "info"};
const char* const kCategories[] = {"absolute", "medical", "cosmetics"};

int index_of(const char* const* keys, int n, const std::string& k) {
    for (int i = 0; i < n; ++i)
        if (k == keys[i]) return i;
    return 0;
}

// One undo step: sealed before and after.
void send(const ViewEnv& e, Edit edit) {
    e.sink.seal();
    (void)e.sink.submit(std::move(edit));  // a refused edit changes nothing
    e.sink.seal();
}

bool combo(const char* id, const char* const* keys, int n, const char* prefix, Lang l, int& current) {
    bool changed = false;
    const std::string shown = T(l, (std::string(prefix) + keys[current]).c_str());
    if (ImGui::BeginCombo(id, shown.c_str())) {
        for (int i = 0; i < n; ++i)
            if (ImGui::Selectable(T(l, (std::string(prefix) + keys[i]).c_str()), i == current) && i != current) {
                current = i;
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

void SettingsView::draw_terms(const ViewEnv& e) {
    const Lang l = e.lang;
    const std::vector<ContentTerm>& terms = e.ws.compliance.terms;
    int on = 0;
    for (const ContentTerm& t : terms) on += t.enabled ? 1 : 0;
    const std::string head = trf("ui.terms.head", l, {std::to_string(terms.size()), std::to_string(on)}) + "###terms_head";
    const bool open = ImGui::CollapsingHeader(head.c_str());
    note_widget(e, "terms.head");
    if (!open) return;
    ui::text_wrapped(T(l, "ui.terms.about"), true);
    if (ImGui::Button(label(l, "ui.terms.restore", "terms_restore").c_str())) send(e, make_edit("restore_content_terms", "", "", "", ""));
    note_widget(e, "terms.restore");

    // A new term: word, level, category.
    ImGui::SetNextItemWidth(160);
    ui::input_string("###terms_new_word", term_word);
    note_widget(e, "terms.new_word");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    combo("###terms_new_level", kLevels, 3, "content.level.", l, term_level);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    combo("###terms_new_category", kCategories, 3, "content.category.", l, term_category);
    ImGui::SameLine();
    ImGui::BeginDisabled(term_word.empty());
    if (ImGui::Button(label(l, "ui.terms.add", "terms_add").c_str())) {
        ContentTerm t;
        t.id = ui::fresh_id(terms, "user.");
        t.word = term_word;
        t.level = kLevels[term_level];
        t.category = kCategories[term_category];
        send(e, insert_edit("compliance.terms", t));
        term_word.clear();
    }
    ImGui::EndDisabled();
    note_widget(e, "terms.add");

    ImGui::SetNextItemWidth(240);
    ui::input_string(label(l, "ui.terms.filter", "terms_filter").c_str(), term_filter);
    note_widget(e, "terms.filter");

    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("###terms", 6, flags, ImVec2(0, 300))) return;
    ImGui::TableSetupColumn(T(l, "ui.terms.on"), ImGuiTableColumnFlags_WidthFixed, 40.0f);
    ImGui::TableSetupColumn(T(l, "ui.terms.word"), ImGuiTableColumnFlags_WidthFixed, 110.0f);
    ImGui::TableSetupColumn(T(l, "ui.terms.level"), ImGuiTableColumnFlags_WidthFixed, 90.0f);
    ImGui::TableSetupColumn(T(l, "ui.terms.category"), ImGuiTableColumnFlags_WidthFixed, 100.0f);
    ImGui::TableSetupColumn(T(l, "ui.source"));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 60.0f);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (const ContentTerm& t : terms) {
        if (!term_filter.empty() && t.word.find(term_filter) == std::string::npos) continue;
        ImGui::PushID(t.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool enabled = t.enabled;
        if (ImGui::Checkbox("###on", &enabled)) send(e, set_at("compliance.terms", t.id, "enabled", enabled));
        note_widget(e, ("term.on." + t.id).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t.word.c_str());
        if (!t.exceptions.empty() && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", trf("ui.terms.exceptions", l, {ui::join(t.exceptions, "、")}).c_str());
        ImGui::TableNextColumn();
        int level = index_of(kLevels, 3, t.level);
        ImGui::SetNextItemWidth(-1);
        if (combo("###level", kLevels, 3, "content.level.", l, level)) send(e, set_at("compliance.terms", t.id, "level", std::string(kLevels[level])));
        note_widget(e, ("term.level." + t.id).c_str());
        ImGui::TableNextColumn();
        const std::string cat_key = "content.category." + t.category;
        ImGui::TextUnformatted(has_tr(cat_key) ? T(l, cat_key.c_str()) : t.category.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", t.source.c_str());
        if (!t.note.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.note.c_str());
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(label(l, "ui.terms.delete", "del").c_str())) send(e, erase_edit("compliance.terms", t.id));
        note_widget(e, ("term.del." + t.id).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace yt::app
