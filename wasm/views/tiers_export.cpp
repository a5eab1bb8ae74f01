// tiers_export.cpp — the tier list export for SCRM tag import: one CSV row per customer (all
// scored customers, or one segment) with the customer id, name and phone (masked or in full, as
// chosen in the export bar: masked to share, in full to tag in an SCRM), the segment's Chinese name as the tag, the lifecycle stage, R/F/M, orders,
// revenue, last purchase and CLV. UTF-8 with BOM and CRLF (core/io/csv_write.hpp) so Excel reads it,
// or the same table as an .xlsx workbook (core/io/xlsx_write.hpp).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/io/csv_write.hpp"
#include "core/io/xlsx_write.hpp"
#include "core/io/mask.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

std::string TiersView::export_file_name(int segment, bool mask) const {
    return std::string("tiers-") + (segment >= 0 && segment < kSegments ? segment_key(segment) : "all") +
           (mask ? "-masked" : "-unmasked") + ".csv";
}

std::string TiersView::export_csv(const ViewEnv& e, int segment, bool mask) const {
    CsvWriter w;
    if (!e.d.orders || !e.d.tiers.tiers) return w.take();
    const OrderTable& t = *e.d.orders;
    const Tiers& tt = *e.d.tiers.tiers;
    const TiersClv* clv = e.d.tiers.clv.get();
    const bool names = !t.customer_names.empty(), phones = !t.customer_phones.empty();
    Lang l = e.lang;
    w.text(T(l, "ui.tiers.csv.id"));
    if (names) w.text(T(l, "ui.tiers.csv.name"));
    if (phones) w.text(T(l, "ui.tiers.csv.phone"));
    w.text(T(l, "ui.tiers.csv.tag")).text(T(l, "ui.tiers.csv.rfm")).text(T(l, "ui.tiers.csv.stage"));
    w.text("R").text("F").text("M").text(T(l, "ui.tiers.csv.r_range")).text(T(l, "ui.tiers.csv.f_range"));
    w.text(T(l, "ui.tiers.csv.m_range")).text(T(l, "ui.tiers.csv.orders")).text(T(l, "ui.tiers.csv.revenue"));
    w.text(T(l, "ui.tiers.csv.last")).text("CLV").end_row();
    // Names looked up once, not per row (a million rows).
    std::string seg_zh[kSegments], seg_rfm[kSegments], stage_zh[kStages];
    for (int k = 0; k < kSegments; ++k) {
        seg_zh[k] = tiers_segment_name(k, Lang::Zh);
        seg_rfm[k] = tiers_segment_rfm(k);
    }
    for (int k = 0; k < kStages; ++k) stage_zh[k] = tiers_stage_name(k, Lang::Zh);
    // What each score covers, once per score: "2–3 单".
    auto labels = [&](const std::vector<ScoreRange>& v, const char* unit) {
        std::vector<std::string> out(v.size() + 1);
        for (std::size_t s = 0; s < v.size(); ++s) out[s + 1] = tiers_range_label(v[s], unit, l);
        return out;
    };
    const auto r_lab = labels(tt.rfm.r_ranges, "ui.tiers.days_n"), f_lab = labels(tt.rfm.f_ranges, "ui.tiers.orders_n"),
               m_lab = labels(tt.rfm.m_ranges, "ui.tiers.money_n");
    auto lab = [](const std::vector<std::string>& v, int s) { return static_cast<std::size_t>(s) < v.size() ? v[static_cast<std::size_t>(s)] : std::string(); };
    const std::size_t n = tt.summary.size();
    for (std::size_t c = 0; c < n; ++c) {
        const int seg = tt.segments.segment[c];
        if (seg >= kSegments || (segment >= 0 && seg != segment)) continue;
        const std::string& id = t.customer_ids.at(static_cast<std::uint32_t>(c));
        w.text(mask ? mask_customer_id(id) : id);  // nickname ids are personal data too
        if (names) w.text(tiers_masked(c < t.customer_names.size() ? t.customer_names[c] : std::string(), 1, mask));
        if (phones) w.text(tiers_masked(c < t.customer_phones.size() ? t.customer_phones[c] : std::string(), 2, mask));
        w.text(seg_zh[seg]).text(seg_rfm[seg]);
        const int st = tt.lifecycle.stage[c];
        w.text(st < kStages ? stage_zh[st] : std::string());
        w.integer(tt.rfm.r[c]).integer(tt.rfm.f[c]).integer(tt.rfm.m[c]);
        w.text(lab(r_lab, tt.rfm.r[c])).text(lab(f_lab, tt.rfm.f[c])).text(lab(m_lab, tt.rfm.m[c])).integer(tt.summary.orders[c]);
        w.number(tt.summary.revenue[c], 2).text(format_day(tt.summary.last[c]));
        const float v = clv && c < clv->result.clv.size() ? clv->result.clv[c] : NAN;
        w.number(static_cast<double>(v), 2).end_row();
    }
    return w.take();
}

void tiers_draw_export_bar(TiersView& v, const ViewEnv& e) {
    Lang l = e.lang;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T(l, "ui.tiers.export_scope"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    const std::string cur = v.export_segment >= 0 ? tiers_segment_name(v.export_segment, l) : T(l, "ui.tiers.all_customers");
    if (begin_combo(e, "tiers.export_scope", "###tiers_export_scope", cur)) {
        if (ImGui::Selectable(T(l, "ui.tiers.all_customers"), v.export_segment < 0)) v.export_segment = -1;
        for (int s = 0; s < kSegments; ++s)
            if (ImGui::Selectable(tiers_segment_name(s, l).c_str(), v.export_segment == s)) v.export_segment = s;
        ImGui::EndCombo();
    }
    // Masked or in full: chosen at each export (the file name records it). On a phone the
    // choices and the buttons flow onto further lines.
    const bool mask = v.export_masked(e);
    const std::string mask_text = T(l, mask ? "export.masked" : "export.unmasked");
    flow_line(std::max(160.0f, button_width(mask_text.c_str()) + ImGui::GetFrameHeight()));
    if (begin_combo(e, "tiers.export_mask", "###tiers_export_mask", mask_text, 160)) {
        if (ImGui::Selectable(T(l, "export.masked"), mask)) v.export_mask = 1;
        if (ImGui::Selectable(T(l, "export.unmasked"), !mask)) v.export_mask = 0;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "export.mask_tip"));
    flow_line(button_width(T(l, "ui.tiers.export")));
    const bool go = ImGui::Button(label(l, "ui.tiers.export", "tiers_export").c_str());
    note_widget(e, "tiers.export");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.tiers.export_tip"));
    flow_line(button_width(T(l, "ui.tiers.export_xlsx")));
    const bool go_xlsx = ImGui::Button(label(l, "ui.tiers.export_xlsx", "tiers_export_xlsx").c_str());
    note_widget(e, "tiers.export_xlsx");
    if (go && e.out)
        e.out->downloads.push_back(PendingDownload{v.export_file_name(v.export_segment, mask), "text/csv;charset=utf-8",
                                                   v.export_csv(e, v.export_segment, mask),
                                                   T(l, mask ? "export.note_masked" : "export.note_unmasked")});
    if (go_xlsx && e.out)  // the same table as a workbook
        e.out->downloads.push_back(PendingDownload{xlsx_file_name(v.export_file_name(v.export_segment, mask)), kXlsxMime,
                                                   csv_to_xlsx(v.export_csv(e, v.export_segment, mask), T(l, "ui.tiers.sheet_name")),
                                                   T(l, mask ? "export.note_masked" : "export.note_unmasked")});
}

}  // namespace yt::app
