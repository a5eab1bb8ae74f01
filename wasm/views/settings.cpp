// settings.cpp — 设置: language, workspace name and brand, masking, theme, compliance terms, platform rules.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "core/edit/history.hpp"
#include "core/edit/history.hpp"
#include "views/settings.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

void SettingsView::draw(const ViewEnv& e, std::uint64_t version) {
    const Workspace& ws = e.ws;
    Lang l = e.lang;
    // Refresh the edit buffers when the workspace changed elsewhere (undo, dispatch) and the
    // fields are not being typed in.
    if (synced_version != version && !ImGui::IsAnyItemActive()) {
        name_buf = ws.name;
        brand_buf = ws.brand;
        synced_version = version;
    }
    int lang_index = l == Lang::En ? 1 : 0;
    const char* langs[] = {T(l, "ui.lang_zh"), T(l, "ui.lang_en")};
    ImGui::SetNextItemWidth(240);
    bool lang_changed = ImGui::Combo(label(l, "ui.language", "language").c_str(), &lang_index, langs, 2);
    note_widget(e, "language");
    if (lang_changed) {
        (void)e.sink.submit(set_value("settings.language", std::string(lang_index == 1 ? "en" : "zh")));
        e.sink.seal();
    }
    ImGui::SetNextItemWidth(360);
    if (ui::input_string(label(l, "ui.workspace_name", "ws_name").c_str(), name_buf))
        (void)e.sink.submit(set_value("name", name_buf));
    note_widget(e, "ws_name");
    if (ImGui::IsItemDeactivated()) e.sink.seal();
    ImGui::SetNextItemWidth(360);
    if (ui::input_string(label(l, "ui.brand", "ws_brand").c_str(), brand_buf))
        (void)e.sink.submit(set_value("brand", brand_buf));
    if (ImGui::IsItemDeactivated()) e.sink.seal();
    bool mask = ws.settings.mask_personal;
    if (ImGui::Checkbox(label(l, "ui.mask", "mask").c_str(), &mask)) {
        (void)e.sink.submit(set_value("settings.mask_personal", mask));
        e.sink.seal();
    }
    // The planning date: the device's date, or pinned for what-if planning (one command each).
    {
        bool pinned = ws.settings.today > 0;
        if (ImGui::Checkbox(label(l, "ui.pin_today", "pin_today").c_str(), &pinned)) {
            const int day = pinned ? static_cast<int>(e.d.today) : 0;
            (void)e.sink.submit(set_value("settings.today", day));
            e.sink.seal();
        }
        note_widget(e, "pin_today");
        if (pinned) {
            ImGui::SameLine();
            if (date_buf_for != ws.settings.today) {
                date_buf = format_day(ws.settings.today);
                date_buf_for = ws.settings.today;
            }
            ImGui::SetNextItemWidth(120);
            if (ui::input_string("###pin_date", date_buf))
                if (std::optional<Day> d = parse_day(date_buf); d && *d != ws.settings.today)
                    (void)e.sink.submit(set_value("settings.today", static_cast<int>(*d)));
            if (ImGui::IsItemDeactivated()) e.sink.seal();
            note_widget(e, "pin_date");
        }
    }
    // Theme: light or dark, one command per switch.
    ImGui::TextUnformatted(T(l, "ui.theme"));
    for (const char* t : {"light", "dark"}) {
        ImGui::SameLine();
        std::string key = std::string("ui.theme_") + t;
        if (ImGui::RadioButton(label(l, key.c_str(), (std::string("theme.") + t).c_str()).c_str(), ws.settings.theme == t) &&
            ws.settings.theme != t) {
            (void)e.sink.submit(set_value("settings.theme", std::string(t)));
            e.sink.seal();
        }
        note_widget(e, (std::string("theme.") + t).c_str());
    }
    // The words the content scan looks for (settings_terms.cpp).
    draw_terms(e);
    // A colleague's plan: compared, then taken in part or whole (settings_plan.cpp).
    file_button(e, T(l, "ui.plan.import"), "plan");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.plan.import_tip"));
    draw_plan_dialog(e);
    // Storage: what the browser reports, and whether it may clear it.
    ImGui::Spacing();
    ImGui::TextUnformatted(T(l, "ui.storage"));
    ImGui::Separator();
    if (e.storage && e.storage->known) {
        auto mb = [](double b) {
            char buf[32];
            std::snprintf(buf, sizeof buf, b >= 1e9 ? "%.1f GB" : "%.2f MB", b >= 1e9 ? b / 1e9 : b / 1e6);
            return std::string(buf);
        };
        ImGui::TextUnformatted(trf("ui.storage_use", l, {mb(e.storage->used), mb(e.storage->quota)}).c_str());
        ImGui::TextWrapped("%s", T(l, e.storage->persisted ? "ui.storage_persisted" : "ui.storage_not_persisted"));
    } else {
        ImGui::TextDisabled("%s", T(l, "ui.storage_unknown"));
    }
    note_widget(e, "storage_use");
    protect.draw(e);
    ImGui::Spacing();
    ImGui::TextUnformatted(T(l, "ui.rules"));
    ImGui::Separator();
    // On a phone the pinned names take under half the screen and wrap, so the values show.
    const bool narrow = narrow_screen();
    const float name_w = std::floor(ImGui::GetContentRegionAvail().x * 0.4f);
    if (begin_table("###rules", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp, 760)) {
        for (const char* k : {"ui.rule_id", "ui.value", "ui.unit", "ui.source", "ui.date"})
            if (narrow && k == std::string("ui.rule_id")) ImGui::TableSetupColumn(T(l, k), ImGuiTableColumnFlags_WidthFixed, name_w);
            else ImGui::TableSetupColumn(T(l, k));
        table_headers(e, "tbl.rules");
        for (const auto& r : ws.rules.rules) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (narrow) ImGui::TextWrapped("%s", tr("rules.name." + r.id, l));
            else ImGui::TextUnformatted(tr("rules.name." + r.id, l));
            ImGui::TableNextColumn();
            // Editable: applied as it is typed (ImGui keeps the text while the field is active),
            // coalesced into one undo step that ends when the field is left.
            double v = r.value;
            ImGui::SetNextItemWidth(-1);
            if (ImGui::InputDouble(("###rule." + r.id).c_str(), &v, 0.0, 0.0, "%g") && v != r.value) {
                (void)e.sink.submit(set_at("rules", r.id, "value", v));  // failure leaves the rule as it was
            }
            if (ImGui::IsItemDeactivated()) e.sink.seal();
            note_widget(e, ("rule." + r.id).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(rule_unit_text(r, l).c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", rule_source_text(r, l).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.date.c_str());
        }
        end_table(e, "tbl.rules");
    }
}

}  // namespace yt::app
