// tiers_statuses.cpp — which orders count: the order-status choice (one checkbox per status class)
// in the import dialog and in the tab, and the notices of what the import left out and why
// ("已排除 260 笔交易关闭订单").
#include <imgui.h>

#include "core/io/importer.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

void tiers_status_checkboxes(const ViewEnv& e, const StatusPolicy& policy, const std::string& widget_prefix,
                             const std::function<void(const StatusPolicy&)>& on_change) {
    Lang l = e.lang;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (int i = 0; i < kOrderStatuses; ++i) {
        const auto s = static_cast<OrderStatus>(i);
        const std::string key = order_status_key(s);
        const std::string text = tr("io.status." + key, l);
        if (i > 0) {
            // Wrap before a box that would not fit on this line.
            const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text.c_str()).x;
            ImGui::SameLine(0, 16);
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        bool on = policy.includes(s);
        if (ImGui::Checkbox((text + "###" + widget_prefix + key).c_str(), &on)) {
            StatusPolicy next = policy;
            next.at(s) = on;
            on_change(next);
        }
        note_widget(e, (widget_prefix + key).c_str());
    }
}

void tiers_draw_notices(const ViewEnv& e, const ImportReport& r) {
    Lang l = e.lang;
    const auto notes = import_notices(r);
    if (notes.empty()) return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    int k = 0;
    for (const Error& n : notes) {
        const bool warn = n.code.rfind("io.nickname", 0) == 0;
        if (warn) ImGui::TextColored(kTiersWarn, "%s", trf(n.code, l, n.args).c_str());
        else ImGui::TextUnformatted(trf(n.code, l, n.args).c_str());
        note_widget(e, ("tiers.notice." + std::to_string(k++)).c_str());
    }
    ImGui::PopTextWrapPos();
}

void tiers_draw_statuses(TiersView& v, const ViewEnv& e) {
    Lang l = e.lang;
    const ImportReport& r = e.d.import_report;
    const bool choice = e.d.rows_copy && !r.statuses.empty();  // a status column was read (one count per value)
    if (!choice && import_notices(r).empty()) return;
    if (!ImGui::CollapsingHeader(label(l, "ui.tiers.orders_counted", "tiers_statuses_head").c_str(),
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    tiers_draw_notices(e, r);
    if (!choice) return;
    ImGui::TextUnformatted(T(l, "ui.tiers.statuses_counted"));
    tiers_status_checkboxes(e, e.ws.tiering.statuses, "tiers.status.", [&](const StatusPolicy& next) {
        v.set_tiering(e, set_at("tiering", "", "statuses", next));
    });
}

}  // namespace yt::app
