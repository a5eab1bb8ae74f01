// tiers_import.cpp — the order import dialog: file facts, detected encoding / delimiter / header
// (each can be forced), a preview of the first rows with a mapping combo per column, the missing
// required columns, then the progress of the chunked import and its report (rejected rows with
// line numbers). A warehouse's per-customer summary is offered its CLV model instead
// (tiers_summary.cpp). A restore after reload shows only an inline progress bar (or its error).
// It only draws: the import's state and its steps are the App's Dataset (app/dataset.hpp).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/io/columns.hpp"
#include "core/io/importer.hpp"
#include "core/tiering/clv_summary.hpp"
#include "app/dataset.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

namespace {

const char* const kPopup = "###tiers_import_dialog";
constexpr Encoding kEnc[] = {Encoding::Auto, Encoding::Utf8, Encoding::Utf16LE, Encoding::Utf16BE, Encoding::Gb18030};
constexpr const char* kDelims[] = {"", "comma", "tab", "semicolon", "pipe", "whitespace"};
constexpr const char* kHeader[] = {"ui.tiers.auto", "ui.tiers.yes", "ui.tiers.no"};  // HeaderMode order

void note_rect(const ViewEnv& e, const std::string& name, ImVec2 pos, ImVec2 size) {
    yt::app::note_rect(e, name.c_str(), pos.x, pos.y, size.x, size.y);
}

std::string key_label(const std::string& key, Lang l) {
    if (key.empty()) return T(l, "ui.tiers.key.none");
    return tr("ui.tiers.key." + key, l);
}

std::string file_size(std::size_t bytes) {
    char b[32];
    if (bytes >= (1u << 20)) std::snprintf(b, sizeof b, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
    else if (bytes >= 1024) std::snprintf(b, sizeof b, "%.1f KB", static_cast<double>(bytes) / 1024);
    else std::snprintf(b, sizeof b, "%zu B", bytes);
    return b;
}

// A label, then the combo after it on the same line ("编码 [自动 ▼]").
bool labeled_combo(const char* text, const char* id, float width, const char* preview) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    return ImGui::BeginCombo(id, preview);
}

// Width that fits every text of `texts` in a combo (arrow and padding included).
float combo_width(const std::vector<std::string>& texts) {
    float w = 60;
    for (const auto& t : texts) w = std::max(w, ImGui::CalcTextSize(t.c_str()).x);
    return w + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2 + 4;
}

void draw_header_combo(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    const int h = static_cast<int>(ds.import().options.header);
    std::vector<std::string> header_names;
    for (const char* k : kHeader) header_names.push_back(T(l, k));
    if (labeled_combo(T(l, "ui.tiers.header"), "###tiers_header", combo_width(header_names), T(l, kHeader[h]))) {
        for (int k = 0; k < 3; ++k)
            if (ImGui::Selectable(T(l, kHeader[k]), k == h)) {
                ds.set_header(static_cast<HeaderMode>(k));
                break;
            }
        ImGui::EndCombo();
    }
    note_widget(e, "tiers.header");
}

// A workbook with several worksheets: which one to read (also shown when that sheet failed).
void draw_sheet_picker(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    const OrderImport& m = ds.import();
    if (m.sheets.size() < 2) return;
    const std::string now = !m.options.sheet.empty() ? m.options.sheet
                            : m.preview && !m.preview->sheet.empty() ? m.preview->sheet
                                                                     : m.sheets.front();
    const std::vector<std::string> sheets = m.sheets;  // set_sheet() re-previews
    const bool open = labeled_combo(T(l, "ui.tiers.sheet"), "###tiers_sheet", combo_width(sheets), now.c_str());
    note_widget(e, "tiers.sheet");
    if (!open) return;
    std::optional<std::string> chosen;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (ImGui::Selectable((sheets[i] + "###tiers_sheet_" + std::to_string(i)).c_str(), sheets[i] == now))
            chosen = sheets[i];
        note_widget(e, ("tiers.sheet." + std::to_string(i)).c_str());
    }
    ImGui::EndCombo();
    if (chosen) ds.set_sheet(*chosen);
}

void draw_options(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    const OrderImport& m = ds.import();
    const Preview& p = *m.preview;
    if (!p.sheets.empty()) {  // a workbook: cells are already text, only the header row can be forced
        draw_sheet_picker(ds, e);
        if (!ds.import().preview) return;
        if (ds.import().sheets.size() > 1) ImGui::SameLine(0, 24);
        draw_header_combo(ds, e);
        return;
    }
    ImGui::TextDisabled("%s", trf("ui.tiers.detected", l, {p.encoding, tr("ui.tiers.delim." + p.delimiter, l),
                                                          T(l, p.has_header ? "ui.tiers.yes" : "ui.tiers.no")})
                                  .c_str());
    // Overrides, each label before its field.
    const std::string enc_now = m.options.encoding == Encoding::Auto ? T(l, "ui.tiers.auto") : encoding_name(m.options.encoding);
    std::vector<std::string> enc_names;
    for (Encoding en : kEnc) enc_names.push_back(en == Encoding::Auto ? T(l, "ui.tiers.auto") : encoding_name(en));
    if (labeled_combo(T(l, "ui.tiers.encoding"), "###tiers_enc", combo_width(enc_names), enc_now.c_str())) {
        for (std::size_t k = 0; k < enc_names.size(); ++k)
            if (ImGui::Selectable(enc_names[k].c_str(), kEnc[k] == m.options.encoding)) ds.set_encoding(kEnc[k]);
        ImGui::EndCombo();
    }
    note_widget(e, "tiers.encoding");
    ImGui::SameLine(0, 24);
    auto delim_name = [&](const std::string& d) {
        return d.empty() ? std::string(T(l, "ui.tiers.auto")) : std::string(tr("ui.tiers.delim." + d, l));
    };
    std::vector<std::string> delim_names;
    for (const char* d : kDelims) delim_names.push_back(delim_name(d));
    if (labeled_combo(T(l, "ui.tiers.delimiter"), "###tiers_delim", combo_width(delim_names),
                      delim_name(m.options.delimiter).c_str())) {
        for (const char* d : kDelims)
            if (ImGui::Selectable(delim_name(d).c_str(), m.options.delimiter == d)) {
                ds.set_delimiter(d);
                break;
            }
        ImGui::EndCombo();
    }
    note_widget(e, "tiers.delimiter");
    ImGui::SameLine(0, 24);
    draw_header_combo(ds, e);
}

std::string column_name(const Preview& p, int c, Lang l) {
    if (p.has_header && c < static_cast<int>(p.header.size()) && !p.header[static_cast<std::size_t>(c)].empty())
        return p.header[static_cast<std::size_t>(c)];
    return std::string(T(l, "ui.tiers.column")) + " " + std::to_string(c + 1);
}

// The customer key: an explicit choice among the columns, with the nickname warning under it.
void draw_customer_key(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    const Preview p = *ds.import().preview;
    const int cols = std::clamp(p.columns, 1, 64);
    const std::string now = p.mapping.customer >= 0 ? column_name(p, p.mapping.customer, l) : T(l, "ui.tiers.key.none");
    std::vector<std::string> names;
    for (int c = 0; c < cols; ++c) names.push_back(column_name(p, c, l));
    std::optional<int> chosen;
    if (labeled_combo(T(l, "ui.tiers.customer_key"), "###tiers_customer_key", combo_width(names), now.c_str())) {
        for (int c = 0; c < cols; ++c) {
            if (ImGui::Selectable((names[static_cast<std::size_t>(c)] + "###tiers_ck" + std::to_string(c)).c_str(),
                                  c == p.mapping.customer))
                chosen = c;
            note_widget(e, ("tiers.ck." + std::to_string(c)).c_str());
        }
        ImGui::EndCombo();
    }
    note_widget(e, "tiers.customer_key");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", T(l, "ui.tiers.customer_key_hint"));
    if (chosen) ds.map_column(*chosen, "customer");
    if (!ds.import().preview) return;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    for (const Error& w : ds.import().preview->warnings) {
        ImGui::TextColored(kTiersWarn, "%s", trf(w.code, l, w.args).c_str());
        note_widget(e, "tiers.key_warning");
    }
    ImGui::PopTextWrapPos();
}

void draw_preview_table(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    // Copy what the loop needs: choosing a mapping re-previews (replaces imp.preview).
    const Preview p = *ds.import().preview;
    const int cols = std::clamp(p.columns, 1, 64);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("###tiers_preview", cols, flags, ImVec2(0, 260))) return;
    // Each column as wide as its widest text: the key combo, the header, the cells.
    std::vector<std::string> key_names;
    key_names.push_back(key_label("", l));
    for (const auto& k : mapping_keys()) key_names.push_back(key_label(k, l));
    float key_w = 0;
    for (const auto& k : key_names) key_w = std::max(key_w, ImGui::CalcTextSize(k.c_str()).x);
    key_w += ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
    for (int c = 0; c < cols; ++c) {
        float w = std::max(key_w, ImGui::CalcTextSize(column_name(p, c, l).c_str()).x);
        for (const auto& row : p.rows)
            if (c < static_cast<int>(row.size())) w = std::max(w, ImGui::CalcTextSize(row[static_cast<std::size_t>(c)].c_str()).x);
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, std::min(w + 4, 420.0f));
    }
    ImGui::TableSetupScrollFreeze(0, 2);
    // Row 1: the key each column is mapped to (editable).
    ImGui::TableNextRow();
    std::optional<std::pair<int, std::string>> chosen;
    for (int c = 0; c < cols; ++c) {
        ImGui::TableSetColumnIndex(c);
        const std::string cur = c < static_cast<int>(p.column_keys.size()) ? p.column_keys[static_cast<std::size_t>(c)] : "";
        ImGui::SetNextItemWidth(-FLT_MIN);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const ImVec2 size(ImGui::CalcItemWidth(), ImGui::GetFrameHeight());
        const std::string id = "###tiers_map" + std::to_string(c);
        const bool required = cur == "customer" || cur == "date" || cur == "amount";
        if (required) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.2f, 0.45f, 0.3f, 0.6f));
        const bool open = ImGui::BeginCombo(id.c_str(), key_label(cur, l).c_str());
        if (required) ImGui::PopStyleColor();
        note_rect(e, "tiers.map." + std::to_string(c), pos, size);
        if (open) {
            if (ImGui::Selectable(key_label("", l).c_str(), cur.empty())) chosen = std::make_pair(c, std::string());
            for (const auto& k : mapping_keys())
                if (ImGui::Selectable(key_label(k, l).c_str(), k == cur)) chosen = std::make_pair(c, k);
            ImGui::EndCombo();
        }
    }
    // Row 2: the header cells.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < cols; ++c) {
        ImGui::TableSetColumnIndex(c);
        if (p.has_header && c < static_cast<int>(p.header.size())) ImGui::TextUnformatted(p.header[static_cast<std::size_t>(c)].c_str());
        else ImGui::TextDisabled("%s %d", T(l, "ui.tiers.column"), c + 1);
        const ImVec2 a = ImGui::GetItemRectMin();
        note_rect(e, "tiers.head." + std::to_string(c), a,
                  ImVec2(ImGui::GetColumnWidth(), ImGui::GetItemRectMax().y - a.y));
        note_rect(e, "tiers.head_text." + std::to_string(c), a, ImGui::GetItemRectSize());
    }
    for (std::size_t r = 0; r < p.rows.size(); ++r) {
        const auto& row = p.rows[r];
        ImGui::TableNextRow();
        for (int c = 0; c < cols && c < static_cast<int>(row.size()); ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TextUnformatted(row[static_cast<std::size_t>(c)].c_str());
            if (r == 0) note_widget(e, ("tiers.cell_text." + std::to_string(c)).c_str());
        }
    }
    ImGui::EndTable();
    if (chosen) ds.map_column(chosen->first, chosen->second);
}

// The order-status choice: which classes count as purchases, with the values seen in the preview.
void draw_status_choice(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    const Preview& p = *ds.import().preview;
    if (p.mapping.status < 0) return;
    ImGui::TextUnformatted(T(l, "ui.tiers.statuses_counted"));
    tiers_status_checkboxes(e, ds.import().options.statuses, "tiers.imp_status.", [&](const StatusPolicy& next) {
        ds.set_statuses(next);
    });
    std::string seen;
    for (const auto& s : p.statuses) {
        if (!seen.empty()) seen += "  ";
        seen += (s.value.empty() ? std::string(T(l, "io.status.blank")) : s.value) + " → " +
                (ds.import().options.statuses.includes(s.status) ? T(l, "ui.tiers.counted") : T(l, "ui.tiers.excluded"));
    }
    if (!seen.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
        ImGui::TextDisabled("%s", trf("ui.tiers.statuses_seen", l, {seen}).c_str());
        ImGui::PopTextWrapPos();
    }
}

void draw_preview(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    draw_options(ds, e);
    if (!ds.import().preview) return;
    draw_customer_key(ds, e);
    if (!ds.import().preview) return;
    draw_preview_table(ds, e);
    if (!ds.import().preview) return;
    const Preview& p = *ds.import().preview;
    if (!p.ignored.empty()) {
        std::string names;
        for (int c : p.ignored) names += (names.empty() ? "" : l == Lang::Zh ? "、" : ", ") + column_name(p, c, l);
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
        ImGui::TextDisabled("%s", trf("ui.tiers.ignored", l, {std::to_string(p.ignored.size()), names}).c_str());
        ImGui::PopTextWrapPos();
        note_widget(e, "tiers.ignored");
    }
    draw_status_choice(ds, e);
    const auto& missing = ds.import().preview->missing;
    if (!missing.empty()) {
        std::string names;
        for (const auto& k : missing) names += (names.empty() ? "" : ", ") + key_label(k, l);
        // Wrapped (Chinese too) so the request is read whole on a phone.
        for (const std::string& line : ui::wrap_lines(trf("ui.tiers.missing", l, {names}), ImGui::GetContentRegionAvail().x))
            ImGui::TextColored(kTiersBad, "%s", line.c_str());
        // A warehouse's summary, not orders: modelled here instead (tiers_summary.cpp).
        if (looks_like_clv_summary(ds.import().preview->header)) tiers_draw_summary_offer(ds, e);
    } else {
        ImGui::TextDisabled("%s", T(l, "ui.tiers.mapping_hint"));
    }
    ImGui::BeginDisabled(!missing.empty());
    const bool go = ImGui::Button(label(l, "ui.tiers.import_go", "tiers_import_go").c_str(), ImVec2(120, 0));
    ImGui::EndDisabled();
    note_widget(e, "tiers.import_go");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(label(l, "ui.tiers.cancel", "tiers_cancel").c_str(), ImVec2(120, 0));
    note_widget(e, "tiers.cancel");
    if (go && missing.empty()) ds.request_import();
    else if (cancel) ds.cancel_import();
}

void draw_counts(const ImportReport& r, Lang l) {
    ImGui::TextUnformatted(trf("ui.tiers.counts", l, {thousands(r.rows_read), thousands(r.rows_accepted),
                                                      thousands(r.rows_excluded), thousands(r.rows_rejected)})
                               .c_str());
}

void draw_running(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    ImGui::ProgressBar(static_cast<float>(ds.import().progress), ImVec2(-FLT_MIN, 0), ui::pct(ds.import().progress).c_str());
    note_widget(e, "tiers.progress");
    if (ds.import().importer) draw_counts(ds.import().importer->report(), l);
    if (ds.import().reader || ds.import().modelling) {
        draw_counts(ds.import().report, l);
        ImGui::TextUnformatted(T(l, "ui.tiers.modelling"));
    }
    tiers_draw_summary_running(ds, e);
    if (ImGui::Button(label(l, "ui.tiers.cancel", "tiers_cancel").c_str(), ImVec2(120, 0))) ds.cancel_import();
    note_widget(e, "tiers.cancel");
}

void draw_rejects(const ImportReport& r, Lang l) {
    if (r.rejected.empty()) return;
    ImGui::TextUnformatted(T(l, "ui.tiers.rejected_rows"));
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("###tiers_rejects", 2, flags, ImVec2(0, 200))) return;
    ImGui::TableSetupColumn(T(l, "ui.tiers.line"), ImGuiTableColumnFlags_WidthFixed, 80.0f);
    ImGui::TableSetupColumn(T(l, "ui.tiers.reason"));
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(r.rejected.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const Error& err = r.rejected[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d", err.where.line);
            ImGui::TableNextColumn();
            std::string why = trf(err.code, l, err.args);
            if (!err.where.field.empty()) why += " [" + err.where.field + "]";
            ImGui::TextUnformatted(why.c_str());
        }
    ImGui::EndTable();
}

void draw_finished(Dataset& ds, const ViewEnv& e) {
    if (ds.import().summary) return tiers_draw_summary_result(ds, e);
    Lang l = e.lang;
    const ImportReport& r = ds.import().report;
    ImGui::TextUnformatted(T(l, "ui.tiers.import_done"));
    draw_counts(r, l);
    ImGui::TextUnformatted(trf("ui.tiers.report_more", l, {thousands(r.customers), thousands(r.refunds),
                                                           thousands(r.rows_blank), format_day(r.first_day),
                                                           format_day(r.last_day)})
                               .c_str());
    tiers_draw_notices(e, r);
    draw_rejects(r, l);
    if (ImGui::Button(label(l, "ui.tiers.close", "tiers_close").c_str(), ImVec2(120, 0))) ds.close_import();
    note_widget(e, "tiers.close");
}

void draw_failed(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x);
    ImGui::TextColored(kTiersBad, "%s", T(l, ds.import().summarising ? "ui.tiers.summary_failed" : "ui.tiers.import_failed"));
    if (ds.import().error) ImGui::TextColored(kTiersBad, "%s", describe(*ds.import().error, l).c_str());
    ImGui::PopTextWrapPos();
    if (ds.import().report.rows_read > 0) {
        draw_counts(ds.import().report, l);
        draw_rejects(ds.import().report, l);
    }
    ImGui::TextDisabled("%s", T(l, "ui.tiers.data_kept"));
    draw_sheet_picker(ds, e);
    if (ds.import().preview) {
        if (ImGui::Button(label(l, "ui.tiers.back", "tiers_back").c_str(), ImVec2(120, 0))) {
            ds.back_to_preview();
        }
        note_widget(e, "tiers.back");
        ImGui::SameLine();
    }
    if (ImGui::Button(label(l, "ui.tiers.close", "tiers_close").c_str(), ImVec2(120, 0))) ds.close_import();
    note_widget(e, "tiers.close");
}

void draw_restoring(Dataset& ds, const ViewEnv& e) {
    Lang l = e.lang;
    if (ds.import().stage == OrderImport::Stage::Running) {
        const char* what = ds.import().recounting ? "ui.tiers.recounting" : "ui.tiers.restoring";
        ImGui::TextUnformatted(trf(what, l, {ds.import().file_name}).c_str());
        ImGui::ProgressBar(static_cast<float>(ds.import().progress), ImVec2(-FLT_MIN, 0));
        note_widget(e, "tiers.progress");
    } else if (ds.import().stage == OrderImport::Stage::Failed) {
        std::string msg = trf("ui.tiers.restore_failed", l, {ds.import().file_name});
        if (ds.import().error) msg += " " + describe(*ds.import().error, l);
        ImGui::TextColored(kTiersBad, "%s", msg.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("x###tiers_restore_close")) ds.close_import();
    }
}

}  // namespace

void tiers_draw_import(Dataset& ds, const ViewEnv& e) {
    using S = OrderImport::Stage;
    if (ds.import().stage == S::Closed) return;
    if (ds.import().restoring) {
        draw_restoring(ds, e);
        return;
    }
    Lang l = e.lang;
    if (!ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
    const ImVec2 disp = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(disp.x - 40, 900.0f), std::min(disp.y - 40, 640.0f)), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(disp.x / 2, disp.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(T(l, "ui.tiers.import_title")) + kPopup;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    ImGui::Text("%s  (%s)", ds.import().file_name.c_str(), file_size(ds.import().file_bytes).c_str());
    ImGui::Separator();
    switch (ds.import().stage) {
        case S::Preview: draw_preview(ds, e); break;
        case S::Running: draw_running(ds, e); break;
        case S::Finished: draw_finished(ds, e); break;
        case S::Failed: draw_failed(ds, e); break;
        case S::Closed: break;
    }
    if (ds.import().stage == S::Closed) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace yt::app
