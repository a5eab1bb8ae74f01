// tiers.cpp — 用户分层: the tab's layout. The panels are drawn by tiers_import.cpp (the import of
// the App's Dataset), tiers_segments.cpp, tiers_customers.cpp and tiers_clv.cpp,
// tiers_profile.cpp, tiers_settings.cpp and tiers_export.cpp (declared in tiers_parts.hpp).
#include <imgui.h>

#include <algorithm>

#include "app/dataset.hpp"
#include "views/tiers.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

// [SECTION] layout ---------------------------------------------------------------------------

void TiersView::draw(const ViewEnv& e) {
    Lang l = e.lang;
    file_button(e, T(l, "ui.import_orders"), "orders");
    note_widget(e, "tiers.import");
    ImGui::SameLine();
    tiers_draw_dataset_line(e);
    if (Dataset* ds = e.dataset) {
        tiers_draw_import(*ds, e);
        if (!ds->notice().empty()) {
            ImGui::TextDisabled("%s", T(l, ds->notice().c_str()));
            ImGui::SameLine();
            if (ImGui::SmallButton("x###tiers_notice")) ds->clear_notice();
        }
    }
    if (!error.empty()) ImGui::TextColored(kTiersBad, "%s", error.c_str());
    if (!e.d.orders) {
        ImGui::TextUnformatted(T(l, "ui.no_data"));
        if (!e.d.orders_error.empty()) ImGui::TextWrapped("%s", e.d.orders_error.c_str());
        return;
    }
    tiers_draw_statuses(*this, e);
    const TierFigures& td = e.d.tiers;
    if (td.error) {
        ImGui::TextColored(kTiersBad, "%s", describe(*td.error, l).c_str());
        // The settings stay editable so a bad value can be corrected.
        tiers_draw_settings(*this, e);
        return;
    }
    if (!td.tiers) return;
    tiers_draw_export_bar(*this, e);
    const float left_w = std::max(420.0f, ImGui::GetContentRegionAvail().x * 0.5f);
    begin_pane("###tiers_left", left_w);
    tiers_draw_segments(*this, e);
    tiers_draw_audiences(*this, e);
    tiers_draw_charts(e);
    tiers_draw_settings(*this, e);
    tiers_draw_clv(e);
    tiers_draw_profile(*this, e);
    end_pane();
    pane_beside();
    begin_pane("###tiers_right", 0);
    tiers_draw_customers(*this, e);
    end_pane();
}

}  // namespace yt::app
