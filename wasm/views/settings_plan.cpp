// settings_plan.cpp — 导入同事的方案 Import a colleague's plan: the dialog listing what differs
// (added / removed / changed, with the changed fields) per list, a tick per change, and Take
// selected, which applies them as one command so one undo takes them all back.
#include <imgui.h>

#include "core/persist/persist.hpp"
#include "views/settings.hpp"

namespace yt::app {

namespace {
const char* const kPopup = "###plan_import_dialog";

const char* kind_key(PlanChange::Kind k) {
    return k == PlanChange::Kind::Added ? "ui.plan.added" : k == PlanChange::Kind::Removed ? "ui.plan.removed" : "ui.plan.changed";
}
}  // namespace

Status SettingsView::open_plan(const Workspace& mine, const std::string& name, const std::string& text) {
    auto got = load_workspace_json(text);  // checks the envelope, refuses a newer schema, migrates older ones
    if (!got) return got.error();
    plan = PlanImport{};
    plan.file_name = name;
    plan.changes = diff_plans(mine, *got);
    plan.take.assign(plan.changes.size(), 1);
    plan.theirs = std::move(*got);
    return ok_status();
}

Status SettingsView::take_plan(const ViewEnv& e) {
    if (!plan.theirs) return ok_status();
    std::vector<PlanChange> chosen;
    for (std::size_t i = 0; i < plan.changes.size(); ++i)
        if (plan.take[i]) chosen.push_back(plan.changes[i]);
    Status st = ok_status();
    if (!chosen.empty()) {
        e.sink.seal();
        st = e.sink.submit(set_value("", merge_plans(e.ws, *plan.theirs, chosen), "cmd.import_plan"));
        e.sink.seal();
    }
    close_plan();
    return st;
}

void SettingsView::draw_plan_dialog(const ViewEnv& e) {
    if (!plan.theirs) return;
    Lang l = e.lang;
    if (!ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    const ImVec2 disp = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(disp.x - 40, 820.0f), std::min(disp.y - 40, 600.0f)), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(disp.x / 2, disp.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(T(l, "ui.plan.title")) + kPopup;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::TextUnformatted(trf("ui.plan.from", l, {plan.file_name, std::to_string(plan.changes.size())}).c_str());
    if (plan.changes.empty()) ImGui::TextDisabled("%s", T(l, "ui.plan.same"));
    if (ImGui::SmallButton(label(l, "ui.plan.all", "plan_all").c_str())) plan.take.assign(plan.take.size(), 1);
    note_widget(e, "plan.all");
    ImGui::SameLine();
    if (ImGui::SmallButton(label(l, "ui.plan.none", "plan_none").c_str())) plan.take.assign(plan.take.size(), 0);
    note_widget(e, "plan.none");
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("###plan_changes", 4, flags, ImVec2(0, std::max(120.0f, ImGui::GetContentRegionAvail().y - 40)))) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 28.0f);
        ImGui::TableSetupColumn(T(l, "ui.plan.section"), ImGuiTableColumnFlags_WidthFixed, 130.0f);
        ImGui::TableSetupColumn(T(l, "ui.plan.item"));
        ImGui::TableSetupColumn(T(l, "ui.plan.what"));
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < plan.changes.size(); ++i) {
            const PlanChange& c = plan.changes[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool on = plan.take[i] != 0;
            if (ImGui::Checkbox(("###plan_take" + std::to_string(i)).c_str(), &on)) plan.take[i] = on ? 1 : 0;
            note_widget(e, ("plan.take." + std::to_string(i)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr("ui.plan.section." + c.section, l));
            ImGui::TableNextColumn();
            const std::string rule_key = "rules.name." + c.id;  // rules have no name of their own
            ImGui::TextUnformatted(c.section == "rules" && has_tr(rule_key) ? tr(rule_key, l) : c.name.c_str());
            ImGui::TableNextColumn();
            std::string what = T(l, kind_key(c.kind));
            if (!c.fields.empty()) {
                what += ": ";
                for (std::size_t k = 0; k < c.fields.size(); ++k) what += (k ? ", " : "") + c.fields[k];
            }
            ImGui::TextWrapped("%s", what.c_str());
        }
        ImGui::EndTable();
    }
    std::size_t ticked = 0;
    for (char t : plan.take) ticked += t ? 1 : 0;
    ImGui::BeginDisabled(ticked == 0);
    const bool go = ImGui::Button(label(l, "ui.plan.take", "plan_take").c_str());
    ImGui::EndDisabled();
    note_widget(e, "plan.take");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(label(l, "ui.tiers.cancel", "plan_cancel").c_str());
    note_widget(e, "plan.cancel");
    if (go) (void)take_plan(e);
    else if (cancel) close_plan();
    if (!plan.theirs) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace yt::app
