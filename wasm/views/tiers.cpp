// tiers.cpp — 用户分层: the imported customers and their tiers.
#include <imgui.h>

#include "views/tiers.hpp"

namespace yt::app {

void TiersView::draw(const ViewEnv& e) {
    Lang l = e.lang;
    ImGui::TextDisabled("%s", T(l, "ui.read_only_note"));
    if (!e.d.orders) {
        ImGui::TextUnformatted(T(l, "ui.no_data"));
        if (!e.d.orders_error.empty()) ImGui::TextWrapped("%s", e.d.orders_error.c_str());
        return;
    }
    const auto& t = *e.d.orders;
    ImGui::Text("%s: %s", T(l, "ui.dataset"), e.ws.dataset.name.c_str());
    ImGui::Text("%s: %s   %s: %s   %s: %s", T(l, "ui.customers"), thousands(static_cast<long long>(t.customers())).c_str(),
                T(l, "ui.orders"), thousands(static_cast<long long>(t.orders())).c_str(), T(l, "ui.revenue"),
                money(e.d.revenue).c_str());
    ImGui::Text("%s – %s", format_day(e.d.first_day).c_str(), format_day(e.d.last_day).c_str());
}

}  // namespace yt::app
