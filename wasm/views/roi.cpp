// roi.cpp — 漏斗 ROI: the economics scenarios and their assumptions.
#include <imgui.h>

#include "views/view.hpp"

namespace yt::app {

void RoiView::draw(const ViewEnv& e) {
    Lang l = e.lang;
    ImGui::TextDisabled("%s", T(l, "ui.read_only_note"));
    const auto& sc = e.ws.economics.scenarios;
    if (sc.empty()) return;
    if (ImGui::BeginTable("###scen", 1 + static_cast<int>(sc.size()), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(T(l, "ui.assumption"));
        for (const auto& s : sc) ImGui::TableSetupColumn(s.name.c_str());
        ImGui::TableHeadersRow();
        auto row = [&](const char* name, auto get) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name);
            for (const auto& s : sc) {
                ImGui::TableNextColumn();
                ImGui::Text("%.2f", static_cast<double>(get(s.a)));
            }
        };
        row(T(l, "ui.horizon"), [](const Assumptions& a) { return a.horizon_months; });
        row("AOV", [](const Assumptions& a) { return a.aov; });
        row("Gross margin", [](const Assumptions& a) { return a.gross_margin; });
        row("Public CAC", [](const Assumptions& a) { return a.public_cac; });
        row("First purchase rate", [](const Assumptions& a) { return a.first_purchase_rate; });
        row("Repeat rate", [](const Assumptions& a) { return a.repeat_rate; });
        row("Monthly churn", [](const Assumptions& a) { return a.monthly_churn; });
        ImGui::EndTable();
    }
}

}  // namespace yt::app
