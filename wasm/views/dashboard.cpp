// dashboard.cpp — 总览: the plan at a glance (customers, roles, calendar, scenarios).
#include <imgui.h>

#include "views/dashboard.hpp"

namespace yt::app {

void DashboardView::draw(const ViewEnv& e) {
    const Workspace& ws = e.ws;
    Lang l = e.lang;
    ImGui::Text("%s", ws.brand.c_str());
    if (ws.dataset.name == "demo") ImGui::TextDisabled("%s", T(l, "ui.demo_note"));
    ImGui::Spacing();
    if (ImGui::BeginTable("###dash", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        auto row = [&](const char* key, const std::string& value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(T(l, key));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value.c_str());
        };
        if (e.d.orders) {
            row("ui.customers", thousands(static_cast<long long>(e.d.orders->customers())));
            row("ui.orders", thousands(static_cast<long long>(e.d.orders->orders())));
            row("ui.revenue", money(e.d.revenue));
        } else {
            row("ui.customers", T(l, "ui.no_data"));
        }
        row("ui.personas", std::to_string(ws.roles.personas.size()));
        row("ui.accounts", std::to_string(ws.roles.accounts.size()));
        row("ui.groups", std::to_string(ws.roles.groups.size()));
        row("ui.operators", std::to_string(ws.roles.operators.size()));
        row("ui.kocs", std::to_string(ws.roles.kocs.size()));
        row("ui.items", std::to_string(ws.calendar.items.size()));
        row("ui.scenarios", std::to_string(ws.economics.scenarios.size()));
        ImGui::EndTable();
    }
}

}  // namespace yt::app
