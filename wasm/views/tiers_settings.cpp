// tiers_settings.cpp — the tiering settings (binning, high/low split, same-day merge, as-of date,
// lifecycle days, CLV horizon / unit / margin / discount). Each change is one edit of the tiering settings
// (core/edit/edit.hpp), so it can be undone and is saved with the workspace.
#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <sstream>

#include "core/edit/history.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

namespace {

constexpr const char* kBinnings[] = {"quintile", "quartile", "tercile", "custom"};
constexpr const char* kSplits[] = {"mean", "median", "manual"};
constexpr const char* kUnits[] = {"day", "week", "month"};

std::string join(const std::vector<double>& v) {
    std::string out;
    for (double x : v) {
        char b[40];
        std::snprintf(b, sizeof b, "%g", x);
        out += (out.empty() ? "" : ",") + std::string(b);
    }
    return out;
}

// "30, 90,180" -> {30, 90, 180}; nothing when a part is not a number.
std::optional<std::vector<double>> number_list(const char* text) {
    std::vector<double> out;
    std::string part;
    std::stringstream ss(text);
    while (std::getline(ss, part, ',')) {
        const auto b = part.find_first_not_of(" \t"), e = part.find_last_not_of(" \t");
        if (b == std::string::npos) continue;
        part = part.substr(b, e - b + 1);
        char* end = nullptr;
        const double v = std::strtod(part.c_str(), &end);
        if (end != part.c_str() + part.size()) return std::nullopt;
        out.push_back(v);
    }
    return out;
}

template <std::size_t N>
void copy_to(std::array<char, N>& buf, const std::string& s) {
    std::snprintf(buf.data(), N, "%s", s.c_str());
}

void combo(TiersView& v, const ViewEnv& e, const char* key, const char* id, const char* field, const char* const* items,
           int n, const std::string& current, const char* item_prefix) {
    Lang l = e.lang;
    ImGui::SetNextItemWidth(150);
    const std::string name = std::string("tiers.") + id;
    if (begin_combo(e, name.c_str(), label(l, key, id).c_str(), tr(item_prefix + current, l))) {
        for (int k = 0; k < n; ++k)
            if (ImGui::Selectable(tr(item_prefix + std::string(items[k]), l), current == items[k]) && current != items[k])
                v.set_tiering(e, set_at("tiering", "", field, std::string(items[k])));
        ImGui::EndCombo();
    }
}

void int_field(TiersView& v, const ViewEnv& e, const char* key, const char* id, const char* field, int current, int step) {
    int x = current;
    ImGui::SetNextItemWidth(130);
    if (ImGui::InputInt(label(e.lang, key, id).c_str(), &x, step, step * 10, ImGuiInputTextFlags_EnterReturnsTrue) &&
        x != current)
        v.set_tiering(e, set_at("tiering", "", field, x));
    note_widget(e, (std::string("tiers.") + id).c_str());
}

void double_field(TiersView& v, const ViewEnv& e, const char* key, const char* id, const char* field, double current,
                  double step, const char* fmt) {
    double x = current;
    ImGui::SetNextItemWidth(130);
    if (ImGui::InputDouble(label(e.lang, key, id).c_str(), &x, step, step * 10, fmt, ImGuiInputTextFlags_EnterReturnsTrue) &&
        x != current)
        v.set_tiering(e, set_at("tiering", "", field, x));
    note_widget(e, (std::string("tiers.") + id).c_str());
}

}  // namespace

void TiersView::set_tiering(const ViewEnv& e, Edit edit) {
    e.sink.seal();
    Status st = e.sink.submit(std::move(edit));
    e.sink.seal();
    if (!st) error = describe(st.error(), e.lang);
    else error.clear();
}

void tiers_draw_settings(TiersView& v, const ViewEnv& e) {
    Lang l = e.lang;
    const TieringSettings& s = e.ws.tiering;
    if (!v.buffers_from || !(same_tier_settings(*v.buffers_from, s) && same_clv_settings(*v.buffers_from, s))) {
        copy_to(v.as_of_buf, s.as_of_day > 0 ? format_day(static_cast<Day>(s.as_of_day)) : std::string());
        copy_to(v.custom_buf[0], join(s.custom_r));
        copy_to(v.custom_buf[1], join(s.custom_f));
        copy_to(v.custom_buf[2], join(s.custom_m));
        v.buffers_from = s;
    }
    if (!ImGui::CollapsingHeader(label(l, "ui.tiers.settings", "tiers_settings").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    combo(v, e, "ui.tiers.binning", "binning", "binning", kBinnings, 4, s.binning, "ui.tiers.binning.");
    ImGui::SameLine();
    combo(v, e, "ui.tiers.split_rule", "split", "split", kSplits, 3, s.split, "ui.tiers.split.");
    if (s.binning == "custom") {
        const char* fields[] = {"custom_r", "custom_f", "custom_m"};
        const char* keys[] = {"ui.tiers.custom_r", "ui.tiers.custom_f", "ui.tiers.custom_m"};
        for (int k = 0; k < 3; ++k) {
            auto& buf = v.custom_buf[static_cast<std::size_t>(k)];
            ImGui::SetNextItemWidth(220);
            const std::string id = std::string("tiers_") + fields[k];
            if (ImGui::InputText(label(l, keys[k], id.c_str()).c_str(), buf.data(), buf.size(),
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
                const std::optional<std::vector<double>> list = number_list(buf.data());
                if (!list) v.error = T(l, "ui.tiers.bad_list");
                else v.set_tiering(e, set_at("tiering", "", fields[k], *list));
            }
        }
    }
    if (s.split == "manual") {
        double_field(v, e, "ui.tiers.manual_r", "manual_r", "manual_r_days", s.manual_r_days, 1, "%.0f");
        ImGui::SameLine();
        double_field(v, e, "ui.tiers.manual_f", "manual_f", "manual_f", s.manual_f, 1, "%.0f");
        ImGui::SameLine();
        double_field(v, e, "ui.tiers.manual_m", "manual_m", "manual_m", s.manual_m, 10, "%.2f");
    }
    bool merge = s.merge_same_day;
    if (ImGui::Checkbox(label(l, "ui.tiers.merge_same_day", "tiers_merge").c_str(), &merge))
        v.set_tiering(e, set_at("tiering", "", "merge_same_day", merge));
    note_widget(e, "tiers.merge");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    if (ImGui::InputTextWithHint(label(l, "ui.tiers.as_of", "tiers_as_of").c_str(), T(l, "ui.tiers.as_of_hint"),
                                 v.as_of_buf.data(), v.as_of_buf.size(), ImGuiInputTextFlags_EnterReturnsTrue)) {
        const std::string text = v.as_of_buf.data();
        if (text.empty()) v.set_tiering(e, set_at("tiering", "", "as_of_day", 0));
        else if (auto d = parse_day(text)) v.set_tiering(e, set_at("tiering", "", "as_of_day", static_cast<int>(*d)));
        else v.error = trf("ui.tiers.bad_date", l, {text});
    }
    note_widget(e, "tiers.as_of");
    int_field(v, e, "ui.tiers.new_days", "new_days", "new_days", s.new_days, 1);
    ImGui::SameLine();
    int_field(v, e, "ui.tiers.active_days", "active_days", "active_days", s.active_days, 1);
    ImGui::SameLine();
    int_field(v, e, "ui.tiers.dormant_days", "dormant_days", "dormant_days", s.dormant_days, 1);
    ImGui::Separator();
    int_field(v, e, "ui.tiers.horizon", "horizon", "clv_horizon", s.clv_horizon, 1);
    ImGui::SameLine();
    combo(v, e, "ui.tiers.unit", "unit", "clv_unit", kUnits, 3, s.clv_unit, "ui.tiers.unit.");
    double_field(v, e, "ui.tiers.margin", "margin", "clv_margin", s.clv_margin, 0.05, "%.2f");
    ImGui::SameLine();
    double_field(v, e, "ui.tiers.discount", "discount", "clv_discount_annual", s.clv_discount_annual, 0.01, "%.2f");
    ImGui::TextDisabled("%s", T(l, "ui.tiers.enter_hint"));
}

}  // namespace yt::app
