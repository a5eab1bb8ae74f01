// personas.cpp — 角色: personas, their accounts and groups, operators and KOCs.
#include <imgui.h>

#include "views/view.hpp"

namespace yt::app {

namespace {
bool begin_table(const char* id, int cols) {
    return ImGui::BeginTable(id, cols, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable |
                                           ImGuiTableFlags_SizingStretchProp);
}
void headers(Lang l, std::initializer_list<const char*> keys) {
    for (const char* k : keys) ImGui::TableSetupColumn(T(l, k));
    ImGui::TableHeadersRow();
}
void section(const char* title) {
    ImGui::Spacing();
    ImGui::TextUnformatted(title);
    ImGui::Separator();
}
void cell(const std::string& s) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(s.c_str());
}
}  // namespace

void PersonasView::draw(const ViewEnv& e) {
    const RolesPlan& r = e.ws.roles;
    Lang l = e.lang;
    ImGui::TextDisabled("%s", T(l, "ui.read_only_note"));
    section(T(l, "ui.personas"));
    if (begin_table("###personas", 5)) {
        headers(l, {"ui.name", "ui.bio", "ui.tone", "ui.mix", "ui.tiers_served"});
        for (const auto& p : r.personas) {
            ImGui::TableNextRow();
            cell(p.name);
            cell(p.bio);
            cell(p.tone);
            char mix[64];
            std::snprintf(mix, sizeof mix, "%.0f / %.0f / %.0f / %.0f", p.mix.life, p.mix.expertise, p.mix.emotion, p.mix.sales);
            cell(mix);
            std::string tiers;
            for (const auto& t : p.tiers) {
                if (!tiers.empty()) tiers += l == Lang::Zh ? "、" : ", ";
                std::string key = "tiering.seg." + t;
                tiers += tr(key, l);
            }
            cell(tiers);
        }
        ImGui::EndTable();
    }
    section(T(l, "ui.accounts"));
    if (begin_table("###accounts", 5)) {
        headers(l, {"ui.name", "ui.platform", "ui.persona", "ui.operator", "ui.friends"});
        for (const auto& a : r.accounts) {
            ImGui::TableNextRow();
            cell(a.name);
            cell(tr("ui.platform." + std::to_string(a.platform), l));
            cell(a.persona);
            cell(a.operator_id);
            cell(thousands(a.friends));
        }
        ImGui::EndTable();
    }
    section(T(l, "ui.groups"));
    if (begin_table("###groups", 4)) {
        headers(l, {"ui.name", "ui.type", "ui.owner", "ui.members"});
        for (const auto& g : r.groups) {
            ImGui::TableNextRow();
            cell(g.name);
            cell(g.type);
            cell(g.owner_account);
            cell(thousands(g.members));
        }
        ImGui::EndTable();
    }
}

}  // namespace yt::app
