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

std::string tiers_pct(double part, double whole) { return ui::pct(whole > 0 ? part / whole : 0.0, 1); }

std::string tiers_segment_name(int s, Lang l) { return tr(segment_name_key(s), l); }
std::string tiers_segment_rfm(int s, Lang l) { return tr(segment_rfm_name_key(s), l); }
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
                                   ui::fixed(t.segments.thresholds.r_days, 1), ui::fixed(t.segments.thresholds.f, 2),
                                   money(t.segments.thresholds.m), format_day(t.summary.as_of)})
                                  .c_str());
    const int cols = clv ? 7 : 5;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!begin_table("###tiers_segments", cols, flags, 640)) return;
    ImGui::TableSetupColumn(T(l, "ui.tiers.segment"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("RFM", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(T(l, "ui.customers"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T(l, "ui.tiers.share"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(T(l, "ui.revenue"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    if (clv) {
        ImGui::TableSetupColumn(T(l, "ui.tiers.avg_clv"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn(T(l, "ui.tiers.total_clv"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    }
    table_headers(e, "tbl.tiers_segments");
    double revenue = 0, clv_total = 0;
    for (int s = 0; s < kSegments; ++s) {
        const SegmentRow& row = t.table[static_cast<std::size_t>(s)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string id = tiers_segment_name(s, l) + "###tiers_seg_" + segment_key(s);
        if (ImGui::Selectable(id.c_str(), v.selected_segment == s, ImGuiSelectableFlags_SpanAllColumns))
            v.selected_segment = v.selected_segment == s ? -1 : s;
        note_row(e, ("tiers.seg." + std::string(segment_key(s))).c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tiers_segment_rfm(s, l).c_str());
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
    end_table(e, "tbl.tiers_segments");
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

}  // namespace

// A score's real range as a label: "1 单", "3–4 单" (F), "0–30 天" (R). Tied values share a score,
// so a score may cover one value or several, and scores nobody has are left out of the map.
std::string tiers_range_label(const ScoreRange& r, const char* unit_key, Lang l) {
    char b[64];
    if (r.lo == r.hi) std::snprintf(b, sizeof b, "%.0f", r.lo);
    else std::snprintf(b, sizeof b, "%.0f–%.0f", r.lo, r.hi);
    return trf(unit_key, l, {b});
}

std::string tiers_score_ranges(const RfmScores& rfm, char dim, Lang l) {
    const std::vector<ScoreRange>& v = dim == 'r' ? rfm.r_ranges : dim == 'f' ? rfm.f_ranges : rfm.m_ranges;
    const char* unit = dim == 'r' ? "ui.tiers.days_n" : dim == 'f' ? "ui.tiers.orders_n" : "ui.tiers.money_n";
    std::string out;
    for (std::size_t s = 0; s < v.size(); ++s) {
        if (v[s].count == 0) continue;
        if (!out.empty()) out += "\n";
        out += static_cast<char>(dim - 'a' + 'A');
        out += std::to_string(s + 1) + "  " + tiers_range_label(v[s], unit, l);
    }
    return out;
}

namespace {

void draw_heatmap(const ViewEnv& e) {
    Lang l = e.lang;
    const TierFigures& td = e.d.tiers;
    const int b = td.bins;
    if (b < 1 || td.rf.size() != static_cast<std::size_t>(b * b) || !td.tiers) return;
    const RfmScores& rfm = td.tiers->rfm;
    ImGui::TextUnformatted(T(l, "ui.tiers.heatmap"));
    // Only the scores customers have (ties merge quantiles: when most bought once, F1..F3 may be
    // one value), each labelled with the values it covers.
    std::vector<int> fs, rs;
    for (int s = 1; s <= b; ++s) {
        if (static_cast<std::size_t>(s - 1) < rfm.f_ranges.size() && rfm.f_ranges[s - 1].count > 0) fs.push_back(s);
        if (static_cast<std::size_t>(s - 1) < rfm.r_ranges.size() && rfm.r_ranges[s - 1].count > 0) rs.push_back(s);
    }
    if (fs.empty() || rs.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::vector<std::string> fl, rl;
    float lx = 40.0f, colw = 34.0f;
    for (int f : fs) {
        fl.push_back("F" + std::to_string(f) + " " + tiers_range_label(rfm.f_ranges[f - 1], "ui.tiers.orders_n", l));
        colw = std::max(colw, ImGui::CalcTextSize(fl.back().c_str()).x + 8);
    }
    for (int r : rs) {
        rl.push_back("R" + std::to_string(r) + " " + tiers_range_label(rfm.r_ranges[r - 1], "ui.tiers.days_n", l));
        lx = std::max(lx, ImGui::CalcTextSize(rl.back().c_str()).x + 10);
    }
    const float nf = static_cast<float>(fs.size());
    const float cell = std::clamp((ImGui::GetContentRegionAvail().x - lx) / nf, colw, std::max(colw, 96.0f));
    const float ch = 34.0f;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float ty = ImGui::GetTextLineHeightWithSpacing();
    std::uint32_t most = 1;
    for (auto c : td.rf) most = std::max(most, c);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddText(ImVec2(o.x, o.y), text, "R \\ F");
    for (std::size_t i = 0; i < fs.size(); ++i) {
        const ImVec2 sz = ImGui::CalcTextSize(fl[i].c_str());
        dl->AddText(ImVec2(o.x + lx + cell * static_cast<float>(i) + (cell - sz.x) / 2, o.y), text, fl[i].c_str());
    }
    // Rows: R from high (recent) at the top to low; columns: F low to high.
    for (std::size_t ri = 0; ri < rs.size(); ++ri) {
        const int r = rs[rs.size() - 1 - ri];
        const float y = o.y + ty + ch * static_cast<float>(ri);
        dl->AddText(ImVec2(o.x + 4, y + ch / 2 - 8), text, rl[rs.size() - 1 - ri].c_str());
        for (std::size_t fi = 0; fi < fs.size(); ++fi) {
            const int f = fs[fi];
            const std::uint32_t n = td.rf[static_cast<std::size_t>((r - 1) * b + (f - 1))];
            const float shade = std::sqrt(static_cast<float>(n) / static_cast<float>(most));
            const ImVec2 a(o.x + lx + cell * static_cast<float>(fi), y);
            const ImVec2 z(a.x + cell - 2, a.y + ch - 2);
            dl->AddRectFilled(a, z, IM_COL32(30, 110, 200, static_cast<int>(25 + 200 * shade)));
            const std::string num = thousands(n);
            const ImVec2 sz = ImGui::CalcTextSize(num.c_str());
            const ImU32 col = shade > 0.55f ? IM_COL32(255, 255, 255, 255) : text;
            dl->AddText(ImVec2(a.x + (cell - 2 - sz.x) / 2, a.y + (ch - 2 - sz.y) / 2), col, num.c_str());
        }
    }
    ImGui::Dummy(ImVec2(lx + cell * nf, ty + ch * static_cast<float>(rs.size())));
    note_widget(e, "tiers.heatmap");
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
    table_headers(e, "tbl.tiers_lifecycle");
    ImGui::TableNextRow();
    for (int s = 0; s < kStages; ++s) {
        ImGui::TableNextColumn();
        const std::uint32_t n = t.lifecycle.counts[static_cast<std::size_t>(s)];
        ImGui::Text("%s  (%s)", thousands(n).c_str(), tiers_pct(n, t.summary.buyers).c_str());
        note_widget(e, (std::string("tiers.stage.") + stage_key(s)).c_str());
    }
    end_table(e, "tbl.tiers_lifecycle");
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
