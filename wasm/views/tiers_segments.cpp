// tiers_segments.cpp — the Tiers tab's overview: the dataset line, the 8-segment table (click a
// row to filter the customer list), a bar chart of segment sizes, the R×F heatmap (counts drawn
// as text, so it reads without colour) and the lifecycle distribution. Shared formatting helpers.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "views/tiers_parts.hpp"

namespace yt::app {

// [SECTION] helpers --------------------------------------------------------------------------

std::string tiers_pct(double part, double whole) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
    return b;
}

std::string tiers_num(double v, int decimals) {
    if (std::isnan(v)) return "—";
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}

std::string tiers_segment_name(int s, Lang l) { return tr(segment_name_key(s), l); }
std::string tiers_segment_rfm(int s) { return tr(segment_rfm_name_key(s), Lang::En); }
std::string tiers_stage_name(int s, Lang l) { return tr(stage_name_key(s), l); }

// [SECTION] dataset line ---------------------------------------------------------------------

void tiers_draw_dataset_line(const ViewEnv& e) {
    Lang l = e.lang;
    if (!e.d.orders) return;
    const auto& t = *e.d.orders;
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s: %s   %s: %s   %s: %s   %s: %s   %s – %s", T(l, "ui.dataset"), e.ws.dataset.name.c_str(),
                T(l, "ui.customers"), thousands(static_cast<long long>(t.customers())).c_str(), T(l, "ui.orders"),
                thousands(static_cast<long long>(t.orders())).c_str(), T(l, "ui.revenue"), money(e.d.revenue).c_str(),
                format_day(e.d.first_day).c_str(), format_day(e.d.last_day).c_str());
}

// [SECTION] segment table --------------------------------------------------------------------

void tiers_draw_segments(TiersView& v, const ViewEnv& e) {
    Lang l = e.lang;
    const TierFigures& td = e.d.tiers;
    const Tiers& t = *td.tiers;
    const bool clv = td.clv && td.clv->usable();
    const double scored = static_cast<double>(t.summary.buyers);
    ImGui::TextUnformatted(T(l, "ui.tiers.segments"));
    ImGui::SameLine();
    const char* rule_key = t.segments.thresholds.inclusive ? "ui.tiers.thresholds_manual" : "ui.tiers.thresholds";
    ImGui::TextDisabled("%s", trf(rule_key, l,
                                  {tr("ui.tiers.split." + t.segments.thresholds.rule, l),
                                   tiers_num(t.segments.thresholds.r_days, 1), tiers_num(t.segments.thresholds.f, 2),
                                   money(t.segments.thresholds.m), format_day(t.summary.as_of)})
                                  .c_str());
    const int cols = clv ? 7 : 5;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("###tiers_segments", cols, flags)) return;
    ImGui::TableSetupColumn(T(l, "ui.tiers.segment"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("RFM", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(T(l, "ui.customers"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T(l, "ui.tiers.share"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(T(l, "ui.revenue"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    if (clv) {
        ImGui::TableSetupColumn(T(l, "ui.tiers.avg_clv"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn(T(l, "ui.tiers.total_clv"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    }
    ImGui::TableHeadersRow();
    double revenue = 0, clv_total = 0;
    for (int s = 0; s < kSegments; ++s) {
        const SegmentRow& row = t.table[static_cast<std::size_t>(s)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string id = tiers_segment_name(s, l) + "###tiers_seg_" + segment_key(s);
        if (ImGui::Selectable(id.c_str(), v.selected_segment == s, ImGuiSelectableFlags_SpanAllColumns))
            v.selected_segment = v.selected_segment == s ? -1 : s;
        note_widget(e, ("tiers.seg." + std::string(segment_key(s))).c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tiers_segment_rfm(s).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(thousands(row.customers).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tiers_pct(row.customers, scored).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(money(row.revenue).c_str());
        revenue += row.revenue;
        if (clv) {
            const auto k = static_cast<std::size_t>(s);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(td.segment_clv_n[k] ? money(td.segment_clv[k] / td.segment_clv_n[k]).c_str() : "—");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(money(td.segment_clv[k]).c_str());
            clv_total += td.segment_clv[k];
        }
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(T(l, "ui.tiers.total"));
    ImGui::TableNextColumn();
    if (t.segments.unscored) ImGui::TextDisabled("%s", trf("ui.tiers.unscored", l, {thousands(t.segments.unscored)}).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(thousands(t.summary.buyers).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("100%");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(money(revenue).c_str());
    if (clv) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(scored > 0 ? money(clv_total / scored).c_str() : "—");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(money(clv_total).c_str());
    }
    ImGui::EndTable();
}

// [SECTION] charts ---------------------------------------------------------------------------

namespace {

const ImU32 kSegmentColours[kSegments] = {
    IM_COL32(214, 69, 65, 255),  IM_COL32(230, 126, 34, 255), IM_COL32(142, 68, 173, 255), IM_COL32(192, 57, 43, 255),
    IM_COL32(39, 174, 96, 255),  IM_COL32(52, 152, 219, 255), IM_COL32(127, 140, 141, 255), IM_COL32(149, 165, 166, 255),
};

void draw_bars(const ViewEnv& e, const Tiers& t) {
    Lang l = e.lang;
    ImGui::TextUnformatted(T(l, "ui.tiers.bar_chart"));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    const float name_w = 130.0f, count_w = 110.0f;
    const float bar_w = std::max(40.0f, width - name_w - count_w);
    std::uint32_t most = 1;
    for (auto c : t.segments.counts) most = std::max(most, c);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (int s = 0; s < kSegments; ++s) {
        const float y = origin.y + row_h * static_cast<float>(s);
        const std::uint32_t n = t.segments.counts[static_cast<std::size_t>(s)];
        dl->AddText(ImVec2(origin.x, y), ImGui::GetColorU32(ImGuiCol_Text), tiers_segment_name(s, l).c_str());
        const float w = bar_w * static_cast<float>(n) / static_cast<float>(most);
        dl->AddRectFilled(ImVec2(origin.x + name_w, y + 2), ImVec2(origin.x + name_w + std::max(w, 1.0f), y + row_h - 2),
                          kSegmentColours[s]);
        const std::string label = thousands(n) + "  " + tiers_pct(n, t.summary.buyers);
        dl->AddText(ImVec2(origin.x + name_w + w + 6, y), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    }
    ImGui::Dummy(ImVec2(width, row_h * kSegments));
}

void draw_heatmap(const ViewEnv& e) {
    Lang l = e.lang;
    const TierFigures& td = e.d.tiers;
    const int b = td.bins;
    if (b < 1 || td.rf.size() != static_cast<std::size_t>(b * b)) return;
    ImGui::TextUnformatted(T(l, "ui.tiers.heatmap"));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cell = std::clamp((ImGui::GetContentRegionAvail().x - 60) / static_cast<float>(b), 34.0f, 72.0f);
    const float ch = std::min(cell, 34.0f);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float lx = 40.0f, ty = ImGui::GetTextLineHeightWithSpacing();
    std::uint32_t most = 1;
    for (auto c : td.rf) most = std::max(most, c);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddText(ImVec2(o.x, o.y), text, "R \\ F");
    for (int f = 1; f <= b; ++f) {
        const std::string s = "F" + std::to_string(f);
        dl->AddText(ImVec2(o.x + lx + cell * static_cast<float>(f - 1) + cell / 2 - 8, o.y), text, s.c_str());
    }
    // Rows: R from high (recent) at the top to low; columns: F low to high.
    for (int ri = 0; ri < b; ++ri) {
        const int r = b - ri;
        const float y = o.y + ty + ch * static_cast<float>(ri);
        const std::string rs = "R" + std::to_string(r);
        dl->AddText(ImVec2(o.x + 4, y + ch / 2 - 8), text, rs.c_str());
        for (int f = 1; f <= b; ++f) {
            const std::uint32_t n = td.rf[static_cast<std::size_t>((r - 1) * b + (f - 1))];
            const float shade = std::sqrt(static_cast<float>(n) / static_cast<float>(most));
            const ImVec2 a(o.x + lx + cell * static_cast<float>(f - 1), y);
            const ImVec2 z(a.x + cell - 2, a.y + ch - 2);
            dl->AddRectFilled(a, z, IM_COL32(30, 110, 200, static_cast<int>(25 + 200 * shade)));
            const std::string num = thousands(n);
            const ImVec2 sz = ImGui::CalcTextSize(num.c_str());
            const ImU32 col = shade > 0.55f ? IM_COL32(255, 255, 255, 255) : text;
            dl->AddText(ImVec2(a.x + (cell - 2 - sz.x) / 2, a.y + (ch - 2 - sz.y) / 2), col, num.c_str());
        }
    }
    ImGui::Dummy(ImVec2(lx + cell * static_cast<float>(b), ty + ch * static_cast<float>(b)));
}

void draw_lifecycle(const ViewEnv& e, const Tiers& t) {
    Lang l = e.lang;
    const auto& th = t.lifecycle.thresholds;
    ImGui::TextUnformatted(T(l, "ui.tiers.lifecycle"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("ui.tiers.lifecycle_rule", l, {std::to_string(th.new_days), std::to_string(th.active_days),
                                                                  std::to_string(th.dormant_days)})
                                  .c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("###tiers_lifecycle", kStages, flags)) return;
    for (int s = 0; s < kStages; ++s) ImGui::TableSetupColumn(tiers_stage_name(s, l).c_str());
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    for (int s = 0; s < kStages; ++s) {
        ImGui::TableNextColumn();
        const std::uint32_t n = t.lifecycle.counts[static_cast<std::size_t>(s)];
        ImGui::Text("%s  (%s)", thousands(n).c_str(), tiers_pct(n, t.summary.buyers).c_str());
        note_widget(e, (std::string("tiers.stage.") + stage_key(s)).c_str());
    }
    ImGui::EndTable();
}

}  // namespace

void tiers_draw_charts(const ViewEnv& e) {
    const Tiers& t = *e.d.tiers.tiers;
    ImGui::Spacing();
    draw_bars(e, t);
    ImGui::Spacing();
    draw_heatmap(e);
    ImGui::Spacing();
    draw_lifecycle(e, t);
    ImGui::Spacing();
}

}  // namespace yt::app
