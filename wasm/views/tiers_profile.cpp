// tiers_profile.cpp — the four-dimension profile (用户画像四维): basic attributes, preferences and
// behaviour from the imported attribute columns (top values with their share of all customers
// and, when a segment row is selected, of that segment), and commercial value (customers per M
// score). Shown only when the import had attribute columns or RFM scores.
#include <imgui.h>

#include <algorithm>
#include <numeric>

#include "views/tiers_parts.hpp"

namespace yt::app {

namespace {

constexpr std::size_t kTopValues = 8;

void draw_attribute(const ViewEnv& e, const AttributeProfile& a, int segment, std::uint32_t seg_size) {
    Lang l = e.lang;
    const std::string title = std::string(tr("ui.tiers.key." + a.name, l)) + "  ·  " +
                              tr("ui.tiers.dim." + a.dimension, l);
    ImGui::TextUnformatted(title.c_str());
    std::vector<std::size_t> order(a.values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a.counts[x] > a.counts[y]; });
    if (order.size() > kTopValues) order.resize(kTopValues);
    std::uint32_t total = a.unknown;
    for (auto c : a.counts) total += c;
    const bool with_seg = segment >= 0 && segment < kSegments;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    const std::string id = "###tiers_prof_" + a.name;
    if (!ImGui::BeginTable(id.c_str(), with_seg ? 4 : 3, flags)) return;
    ImGui::TableSetupColumn(T(l, "ui.tiers.value"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(T(l, "ui.customers"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T(l, "ui.tiers.share"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    if (with_seg) ImGui::TableSetupColumn(tiers_segment_name(segment, l).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    const std::string name = "tbl.prof_" + a.name;
    table_headers(e, name.c_str());
    for (std::size_t k : order) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.values[k].c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(thousands(a.counts[k]).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tiers_pct(a.counts[k], total).c_str());
        if (with_seg) {
            ImGui::TableNextColumn();
            const std::uint32_t n = k < a.by_segment.size() ? a.by_segment[k][static_cast<std::size_t>(segment)] : 0;
            ImGui::TextUnformatted(tiers_pct(n, seg_size).c_str());
        }
    }
    end_table(e, name.c_str());
}

}  // namespace

void tiers_draw_profile(const TiersView& v, const ViewEnv& e) {
    Lang l = e.lang;
    const ProfileCounts* p = e.d.tiers.profile.get();
    if (!p) return;
    const bool open = ImGui::CollapsingHeader(label(l, "ui.tiers.profile", "tiers_profile").c_str());
    note_widget(e, "tiers.profile");
    if (!open) return;
    const int seg = v.selected_segment;
    const std::uint32_t seg_size = seg >= 0 && seg < kSegments ? p->segments[static_cast<std::size_t>(seg)] : 0;
    if (p->attributes.empty()) ImGui::TextDisabled("%s", T(l, "ui.tiers.no_attributes"));
    for (const auto& a : p->attributes) draw_attribute(e, a, seg, seg_size);
    // Commercial value: customers per M score.
    if (!p->value_bands.empty()) {
        ImGui::TextUnformatted(T(l, "ui.tiers.value_bands"));
        std::string line;
        for (std::size_t k = 0; k < p->value_bands.size(); ++k)
            line += (line.empty() ? "" : "   ") + std::string("M") + std::to_string(k + 1) + ": " + thousands(p->value_bands[k]);
        ImGui::TextUnformatted(line.c_str());
    }
}

}  // namespace yt::app
