// tiers_clv.cpp — the CLV panel: fitted BG/NBD (r, α, a, b) and Gamma-Gamma (p, q, v) parameters
// with log-likelihood, iterations and convergence, or why the models cannot be used (the tab then
// relies on the rule-based tiers); totals over the horizon; and the classic check of predicted vs
// actual customers by number of repeat purchases in the calibration period (0 … 7+); and the
// per-customer table of `yutang clv --out` as a download.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <utility>

#include "core/io/csv_write.hpp"
#include "core/tiering/clv_breakdown.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

void tiers_clv_download_button(const ViewEnv& e, const char* id, const char* widget, const char* stem, bool ready,
                               const std::function<std::string(bool mask)>& csv) {
    Lang l = e.lang;
    // Masked or in full as the workspace's setting says (the file name records it).
    const bool mask = e.ws.settings.mask_personal;
    const char* go_key = "ui.tiers.summary_export";
    flow_line(button_width(T(l, go_key)));
    if (ImGui::Button(label(l, go_key, id).c_str()) && e.out && ready)
        e.out->downloads.push_back(PendingDownload{std::string("clv-") + stem + (mask ? "-masked" : "-unmasked") + ".csv",
                                                   "text/csv;charset=utf-8", csv(mask),
                                                   T(l, mask ? "export.note_masked" : "export.note_unmasked")});
    note_widget(e, widget);
}

namespace {

// The per-customer table `yutang clv FILE --out` writes for the same orders and settings (ids
// masked when `mask`). The inputs are made again from the orders, with the model's calibration
// end: the model does not keep a million customers' inputs past its end.
std::string clv_customers_csv(const ViewEnv& e, bool mask) {
    CsvWriter w;
    const TiersClv* c = e.d.tiers.clv.get();
    if (!c || c->error || !e.d.orders || !e.d.tiers.index) return w.take();
    auto in = clv_inputs(*e.d.orders, *e.d.tiers.index, std::optional<Day>(c->calibration_end), c->unit);
    if (!in || in->size() != c->result.clv.size()) return w.take();
    const OrderTable& t = *e.d.orders;
    clv_customers_header(w);
    clv_customers_rows(w, [&](std::size_t i) -> std::string_view { return t.customer_ids.at(static_cast<std::uint32_t>(i)); },
                       *in, c->result, mask, 0, in->size());
    return w.take();
}

void param_row(const char* name, double v, int decimals = 4) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ui::fixed(v, decimals).c_str());
}

void text_row(const char* name, const std::string& v) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v.c_str());
}

// One model's table: its parameters, then log-likelihood, iterations, convergence and `last`.
template <class Fit>
void fit_table(const ViewEnv& e, const char* id, const char* widget, const Fit& fit,
               std::initializer_list<std::pair<const char*, double>> params, const char* last_key, double last) {
    const Lang l = e.lang;
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) return;
    for (const auto& [name, v] : params) param_row(name, v);
    param_row(T(l, "ui.tiers.loglik"), fit.loglik, 2);
    text_row(T(l, "ui.tiers.iterations"), std::to_string(fit.iterations));
    text_row(T(l, "ui.tiers.converged"), T(l, fit.converged ? "ui.tiers.yes" : "ui.tiers.no"));
    text_row(T(l, last_key), thousands(static_cast<long long>(last)));
    end_table(e, widget);
}

void draw_check(const ViewEnv& e, const FrequencyCheck& fc) {
    Lang l = e.lang;
    ImGui::TextUnformatted(T(l, "ui.tiers.check"));
    const int bins = static_cast<int>(fc.actual.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
    if (begin_table("###tiers_check", bins + 1, flags, 480)) {
        ImGui::TableSetupColumn(T(l, "ui.tiers.repeat_purchases"));
        for (int k = 0; k < bins; ++k) {
            const std::string h = std::to_string(k) + (k == bins - 1 ? "+" : "");
            ImGui::TableSetupColumn(h.c_str());
        }
        table_headers(e, "tbl.tiers_check");
        const char* names[] = {T(l, "ui.tiers.actual"), T(l, "ui.tiers.predicted")};
        for (int row = 0; row < 2; ++row) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(names[row]);
            const auto& v = row == 0 ? fc.actual : fc.expected;
            for (int k = 0; k < bins; ++k) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(thousands(std::llround(v[static_cast<std::size_t>(k)])).c_str());
            }
        }
        end_table(e, "tbl.tiers_check");
    }
    // Paired bars: actual (solid) and predicted (outlined), with a legend.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = std::max(240.0f, ImGui::GetContentRegionAvail().x), h = 120.0f;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    double most = 1;
    for (int k = 0; k < bins; ++k)
        most = std::max({most, fc.actual[static_cast<std::size_t>(k)], fc.expected[static_cast<std::size_t>(k)]});
    const float slot = w / static_cast<float>(std::max(1, bins));
    const float base = o.y + h;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (int k = 0; k < bins; ++k) {
        const float x = o.x + slot * static_cast<float>(k);
        const float ha = static_cast<float>(fc.actual[static_cast<std::size_t>(k)] / most) * (h - 4);
        const float he = static_cast<float>(fc.expected[static_cast<std::size_t>(k)] / most) * (h - 4);
        dl->AddRectFilled(ImVec2(x + slot * 0.15f, base - ha), ImVec2(x + slot * 0.48f, base), IM_COL32(30, 110, 200, 255));
        dl->AddRect(ImVec2(x + slot * 0.52f, base - he), ImVec2(x + slot * 0.85f, base), IM_COL32(230, 126, 34, 255), 0, 0, 2);
        const std::string lab = std::to_string(k) + (k == bins - 1 ? "+" : "");
        dl->AddText(ImVec2(x + slot * 0.42f, base + 2), text, lab.c_str());
    }
    ImGui::Dummy(ImVec2(w, h + ImGui::GetTextLineHeightWithSpacing()));
    ImGui::TextColored(ImVec4(0.12f, 0.43f, 0.78f, 1), "■ %s", T(l, "ui.tiers.actual"));
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.9f, 0.49f, 0.13f, 1), "□ %s", T(l, "ui.tiers.predicted"));
}

}  // namespace

// Both fits' tables side by side, or one under the other where half the width cannot hold a
// parameter's name and value; `widget` prefixes the tables' widget names.
void tiers_draw_fits(const ViewEnv& e, const ClvResult& r, const std::string& widget) {
    Lang l = e.lang;
    const int fit_columns = ImGui::GetContentRegionAvail().x < 640.0f ? 1 : 2;
    if (!ImGui::BeginTable(("###" + widget + "_fits").c_str(), fit_columns, ImGuiTableFlags_SizingStretchSame)) return;
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("BG/NBD");
    if (r.bg_ok || r.bg.iterations > 0)  // "alpha": no Greek glyphs in the UI font ranges
        fit_table(e, ("###" + widget + "_bg").c_str(), ("tbl." + widget + "_bg").c_str(), r.bg,
                  {{"r", r.bg.params.r}, {"alpha", r.bg.params.alpha}, {"a", r.bg.params.a}, {"b", r.bg.params.b}},
                  "ui.tiers.fit_rows", static_cast<double>(r.bg.rows));
    if (!r.bg_status) ImGui::TextColored(kTiersBad, "%s", describe(r.bg_status.error(), l).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("Gamma-Gamma");
    if (r.gg_ok || r.gg.iterations > 0)
        fit_table(e, ("###" + widget + "_gg").c_str(), ("tbl." + widget + "_gg").c_str(), r.gg,
                  {{"p", r.gg.params.p}, {"q", r.gg.params.q}, {"v", r.gg.params.v}}, "ui.tiers.repeat_buyers", r.gg.customers);
    if (!r.gg_status) ImGui::TextColored(kTiersBad, "%s", describe(r.gg_status.error(), l).c_str());
    end_table(e, ("tbl." + widget + "_fits").c_str());
}

void tiers_draw_clv(const ViewEnv& e) {
    Lang l = e.lang;
    if (!ImGui::CollapsingHeader(label(l, "ui.tiers.clv", "tiers_clv").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    note_widget(e, "tiers.clv");
    const TiersClv* c = e.d.tiers.clv.get();
    if (!c) return;
    if (c->error) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kTiersBad, "%s", trf("ui.tiers.clv_error", l, {describe(*c->error, l)}).c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    const ClvResult& r = c->result;
    const TieringSettings& s = e.ws.tiering;
    ImGui::TextDisabled("%s", trf("ui.tiers.clv_setup", l, {format_day(c->calibration_end), thousands(c->included),
                                                           thousands(c->repeat_buyers), std::to_string(s.clv_horizon),
                                                           tr("ui.tiers.unit." + s.clv_unit, l), tiers_pct(s.clv_margin, 1),
                                                           tiers_pct(s.clv_discount_annual, 1)})
                                  .c_str());
    if (!r.status) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kTiersBad, "%s", T(l, "ui.tiers.fallback"));
        ImGui::TextColored(kTiersBad, "%s", describe(r.status.error(), l).c_str());
        ImGui::PopTextWrapPos();
        note_widget(e, "tiers.clv_fallback");
    } else {
        ImGui::TextUnformatted(trf("ui.tiers.clv_total", l, {money(r.total_clv), ui::fixed(r.total_expected_purchases, 0)}).c_str());
        tiers_clv_download_button(e, "tiers_clv_export", "tiers.clv_export", "customers", true,
                                  [&](bool mask) { return clv_customers_csv(e, mask); });
    }
    tiers_draw_fits(e, r, "tiers");
    if (c->check) draw_check(e, *c->check);
}

}  // namespace yt::app
