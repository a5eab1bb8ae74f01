// tiers_summary.cpp — a warehouse's per-customer summary in the import dialog (app/summary_model.hpp):
// the offer under the preview (calibration end, the plan's CLV settings it uses, the button that
// models it), the progress line while it runs, and its result: customers, both fits, the CLV total,
// the CLV per segment and per owner, and the per-customer table as a download.
#include <imgui.h>

#include <algorithm>

#include "app/dataset.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

void tiers_draw_summary_offer(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    ui::text_wrapped(T(l, "ui.tiers.summary_hint"));
    note_widget(e, "tiers.summary_hint");
    const TieringSettings& s = e.ws.tiering;
    ui::text_wrapped(trf("ui.tiers.summary_settings", l, {std::to_string(s.clv_horizon), tr("ui.tiers.unit." + s.clv_unit, l),
                                                          tiers_pct(s.clv_margin, 1), tiers_pct(s.clv_discount_annual, 1)}),
                     true);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T(l, "ui.tiers.summary_end"));
    ImGui::SameLine();
    std::string end = ds.import().summary_end;
    if (ui::input_text("###tiers_summary_end", end, 150))
        ds.set_summary_end(end);
    note_widget(e, "tiers.summary_end");
    ImGui::SameLine();
    if (ImGui::Button(label(l, "ui.tiers.summary_go", "tiers_summary_go").c_str())) ds.start_summary();
    note_widget(e, "tiers.summary_go");
}

void tiers_draw_summary_running(const Dataset& ds, const ViewEnv& e) {
    const SummaryModel* m = ds.import().summary.get();
    if (!m) return;
    ImGui::TextUnformatted(T(e.lang, m->reading() ? "ui.tiers.summary_reading" : "ui.tiers.summary_fitting"));
    note_widget(e, "tiers.summary_running");
}

namespace {

// One row of a totals table: what (a segment or an owner), its customers, their CLV.
void total_row(const std::string& what, std::uint32_t customers, double clv) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(what.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(thousands(customers).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(money(clv).c_str());
}

void total_columns(Lang l, const char* what_key) {
    ImGui::TableSetupColumn(T(l, what_key));
    ImGui::TableSetupColumn(T(l, "ui.tiers.summary_customers"));
    ImGui::TableSetupColumn(T(l, "ui.tiers.summary_clv"));
}

void segment_table(const ViewEnv& e, const ClvBreakdown& b) {
    Lang l = e.lang;
    if (!b.segmented) {
        ui::text_wrapped(T(l, "ui.tiers.summary_no_segments"), true);
        note_widget(e, "tiers.summary_no_segments");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!begin_table("###tiers_summary_segments", 3, flags, 420)) return;
    total_columns(l, "ui.tiers.summary_segment");
    table_headers(e, "tbl.tiers_summary_segments");
    for (int k = 0; k < kSegments; ++k)
        total_row(tiers_segment_name(k, l), b.segment_customers[static_cast<std::size_t>(k)],
                  b.segment_clv[static_cast<std::size_t>(k)]);
    end_table(e, "tbl.tiers_summary_segments");
}

void owner_table(const ViewEnv& e, const ClvBreakdown& b) {
    Lang l = e.lang;
    if (b.owners.empty()) return;
    ImGui::TextUnformatted(trf("ui.tiers.summary_owners", l, {thousands(b.owners.size())}).c_str());
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    const float rows = static_cast<float>(std::min<std::size_t>(b.owners.size(), 8) + 1);
    if (!begin_table("###tiers_summary_owners", 3, flags, 420, rows * ImGui::GetFrameHeightWithSpacing() + 4)) return;
    total_columns(l, "ui.tiers.summary_owner");
    ImGui::TableSetupScrollFreeze(0, 1);
    table_headers(e, "tbl.tiers_summary_owners");
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(b.owners.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const ClvOwnerTotal& o = b.owners[static_cast<std::size_t>(i)];
            total_row(o.owner, o.customers, o.clv);
        }
    end_table(e, "tbl.tiers_summary_owners");
}

}  // namespace

void tiers_draw_summary_result(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    const SummaryModel& m = *ds.import().summary;
    const ClvSummaryFile& f = m.file();
    const ClvResult& r = m.result();
    const TieringSettings& s = e.ws.tiering;
    ui::text_wrapped(T(l, "ui.tiers.summary_done"));
    note_widget(e, "tiers.summary_done");
    ui::text_wrapped(trf("ui.tiers.clv_setup", l, {f.inputs.calibration_end ? format_day(f.inputs.calibration_end) : "—",
                                                   thousands(f.inputs.customers), thousands(f.inputs.repeat_buyers),
                                                   std::to_string(m.options().horizon), tr("ui.tiers.unit." + s.clv_unit, l),
                                                   tiers_pct(m.options().margin, 1), tiers_pct(m.options().discount_annual, 1)}),
                     true);
    if (!r.status) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kTiersBad, "%s", describe(r.status.error(), l).c_str());
        ImGui::PopTextWrapPos();
        note_widget(e, "tiers.summary_unfitted");
    } else {
        ImGui::TextUnformatted(trf("ui.tiers.clv_total", l, {money(r.total_clv), ui::fixed(r.total_expected_purchases, 0)}).c_str());
        note_widget(e, "tiers.summary_total");
    }
    tiers_draw_fits(e, r, "tiers_summary");
    segment_table(e, m.breakdown());
    owner_table(e, m.breakdown());

    // The per-customer table.
    tiers_clv_download_button(e, "tiers_summary_export", "tiers.summary_export", "summary", r.status.ok(),
                              [&](bool mask) { return m.customers_csv(mask); });
    flow_line(button_width(T(l, "ui.tiers.back")));
    if (ImGui::Button(label(l, "ui.tiers.back", "tiers_back").c_str())) ds.back_to_preview();
    note_widget(e, "tiers.back");
    flow_line(button_width(T(l, "ui.tiers.close")));
    if (ImGui::Button(label(l, "ui.tiers.close", "tiers_close").c_str())) ds.close_import();
    note_widget(e, "tiers.close");
}

}  // namespace yt::app
