// tiers.cpp — 用户分层: the tab's layout and the import flow (preview, chunked import, cancel,
// restore). The panels are drawn by tiers_import.cpp, tiers_segments.cpp, tiers_customers.cpp and
// tiers_clv.cpp, tiers_profile.cpp, tiers_settings.cpp and tiers_export.cpp (declared in
// tiers_parts.hpp).
#include <imgui.h>

#include <algorithm>
#include <chrono>

#include "core/io/xlsx.hpp"
#include "views/tiers.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

// [SECTION] import flow ----------------------------------------------------------------------

namespace {
// What the importer reads: the file, or for a workbook its chosen sheet as CSV text, converted
// once per sheet choice and reused by every preview and the import (the workbook is what is
// stored, so a reload converts it again with the same options).
struct ImportInput {
    std::shared_ptr<const std::string> bytes;
    ImportOptions options;
};

Result<ImportInput> import_input(TiersImport& m) {
    if (m.sheets.empty()) return ImportInput{m.bytes, m.options};
    if (!m.sheet_csv || m.sheet_csv_for != m.options.sheet) {
        auto csv = workbook_to_csv(*m.bytes, m.options.sheet);
        if (!csv) {
            Error e = csv.error();
            e.where.file = m.file_name;
            return e;
        }
        m.sheet_csv = std::make_shared<const std::string>(std::move(csv->text));
        m.sheet_csv_for = m.options.sheet;
        m.sheet_csv_name = csv->sheet;
    }
    ImportInput in{m.sheet_csv, m.options};
    in.options.encoding = Encoding::Utf8;
    in.options.delimiter = "comma";
    return in;
}

void repreview(TiersImport& m) {
    auto in = import_input(m);
    auto p = in ? preview_orders(*in->bytes, in->options, 20) : Result<Preview>(in.error());
    if (p && !m.sheets.empty()) {
        p->sheets = m.sheets;
        p->sheet = m.sheet_csv_name;
    }
    if (p) {
        m.preview = std::move(*p);
        m.error.reset();
        m.stage = TiersImport::Stage::Preview;
    } else {
        m.preview.reset();
        m.error = p.error();
        m.stage = TiersImport::Stage::Failed;
    }
}
}  // namespace

void TiersView::open_import(const std::string& name, std::shared_ptr<const std::string> bytes) {
    if (imp.importer) imp.importer->cancel();
    imp = TiersImport{};
    notice.clear();
    imp.file_name = name;
    imp.bytes = bytes ? std::move(bytes) : std::make_shared<const std::string>();
    imp.file_bytes = imp.bytes->size();
    imp.options.file_name = name;
    if (is_workbook(*imp.bytes)) {
        auto sheets = workbook_sheets(*imp.bytes);
        if (sheets) imp.sheets = std::move(*sheets);
    }
    repreview(imp);
}

void TiersView::restore_import(const std::string& name, std::shared_ptr<const std::string> bytes, ImportOptions options) {
    if (imp.importer) imp.importer->cancel();
    imp = TiersImport{};
    notice.clear();
    imp.restoring = true;
    imp.file_name = name;
    imp.bytes = bytes ? std::move(bytes) : std::make_shared<const std::string>();
    imp.file_bytes = imp.bytes->size();
    imp.options = std::move(options);
    imp.options.file_name = name;
    start_import();
}

void TiersView::map_column(int column, const std::string& key) {
    if (!imp.preview || !imp.bytes || column < 0) return;
    ColumnMapping m = imp.preview->mapping;
    const auto& keys = imp.preview->column_keys;
    if (column < static_cast<int>(keys.size()) && !keys[static_cast<std::size_t>(column)].empty())
        m.set(keys[static_cast<std::size_t>(column)], -1);
    if (!key.empty()) m.set(key, column);
    imp.options.mapping = m;
    repreview(imp);
}

void TiersView::set_encoding(Encoding enc) {
    if (!imp.bytes) return;
    imp.options.encoding = enc;
    imp.options.mapping.reset();
    repreview(imp);
}

void TiersView::set_delimiter(const std::string& delimiter) {
    if (!imp.bytes) return;
    imp.options.delimiter = delimiter;
    imp.options.mapping.reset();
    repreview(imp);
}

void TiersView::set_sheet(const std::string& sheet) {
    if (!imp.bytes) return;
    imp.options.sheet = sheet;
    imp.options.mapping.reset();
    imp.report = ImportReport{};
    repreview(imp);
}

void TiersView::set_header(HeaderMode mode) {
    if (!imp.bytes) return;
    imp.options.header = mode;
    imp.options.mapping.reset();
    repreview(imp);
}

bool TiersView::start_import() {
    if (!imp.bytes) return false;
    // The mapping shown in the preview is the one imported (detected or edited).
    if (imp.preview && !imp.options.mapping) imp.options.mapping = imp.preview->mapping;
    auto in = import_input(imp);
    auto r = in ? Importer::start(in->bytes, in->options) : Result<Importer>(in.error());
    if (!r) {
        imp.error = r.error();
        imp.stage = TiersImport::Stage::Failed;
        return false;
    }
    imp.importer.emplace(std::move(*r));
    imp.error.reset();
    imp.progress = 0;
    imp.stage = TiersImport::Stage::Running;
    return true;
}

void TiersView::pump() {
    if (imp.stage != TiersImport::Stage::Running || !imp.importer) return;
    Importer& in = *imp.importer;
    const auto t0 = std::chrono::steady_clock::now();
    Status st = in.step(chunk_bytes);
    if (step_target_ms > 0) {
        // Keep each frame's share of the import near the target on any machine (native or wasm).
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        const double scale = std::clamp(step_target_ms / std::max(ms, 0.05), 0.5, 2.0);
        chunk_bytes = std::clamp<std::size_t>(static_cast<std::size_t>(static_cast<double>(chunk_bytes) * scale),
                                              std::size_t{64} << 10, std::size_t{16} << 20);
    }
    imp.progress = in.progress();
    if (!st) {
        imp.report = in.report();
        imp.error = st.error();
        imp.importer.reset();
        imp.stage = TiersImport::Stage::Failed;
        return;
    }
    if (!in.done()) return;
    imp.report = in.report();
    CompletedImport c;
    c.file_name = imp.file_name;
    c.options = imp.options;
    c.options.file_name = imp.file_name;
    c.options.mapping = imp.report.mapping;
    c.bytes = imp.bytes;
    ImportedOrders raw = in.take_imported();
    if (raw.plain()) {
        c.orders = read_orders(std::move(raw), imp.options.statuses, imp.report);
    } else {
        c.orders = read_orders(raw, imp.options.statuses, imp.report);
        c.imported = std::make_shared<const ImportedOrders>(std::move(raw));
    }
    c.report = imp.report;
    c.restored = imp.restoring;
    done = std::move(c);
    imp.importer.reset();
    imp.bytes.reset();  // the App has them now; a large file should not be held twice
    imp.sheet_csv.reset();
    imp.progress = 1;
    if (imp.restoring) imp = TiersImport{};  // nothing to show: the data simply come back
    else imp.stage = TiersImport::Stage::Finished;
}

void TiersView::cancel_import() {
    if (imp.stage == TiersImport::Stage::Running && imp.importer) {
        imp.importer->cancel();
        notice = "ui.tiers.cancelled";
    }
    imp = TiersImport{};
}

void TiersView::close_import() { imp = TiersImport{}; }

std::optional<CompletedImport> TiersView::take_import() {
    pump();
    std::optional<CompletedImport> d = std::move(done);
    done.reset();
    return d;
}

bool TiersView::busy() const { return imp.stage == TiersImport::Stage::Running; }

// [SECTION] layout ---------------------------------------------------------------------------

void TiersView::draw(const ViewEnv& e) {
    Lang l = e.lang;
    file_button(e, T(l, "ui.import_orders"), "orders");
    note_widget(e, "tiers.import");
    ImGui::SameLine();
    tiers_draw_dataset_line(e);
    tiers_draw_import(*this, e);
    if (!notice.empty()) {
        ImGui::TextDisabled("%s", T(l, notice.c_str()));
        ImGui::SameLine();
        if (ImGui::SmallButton("x###tiers_notice")) notice.clear();
    }
    if (!error.empty()) ImGui::TextColored(kTiersBad, "%s", error.c_str());
    if (!e.d.orders) {
        ImGui::TextUnformatted(T(l, "ui.no_data"));
        if (!e.d.orders_error.empty()) ImGui::TextWrapped("%s", e.d.orders_error.c_str());
        return;
    }
    tiers_draw_statuses(*this, e);
    const TierFigures& td = e.d.tiers;
    if (td.error) {
        ImGui::TextColored(kTiersBad, "%s", describe(*td.error, l).c_str());
        // The settings stay editable so a bad value can be corrected.
        tiers_draw_settings(*this, e);
        return;
    }
    if (!td.tiers) return;
    tiers_draw_export_bar(*this, e);
    const float left_w = std::max(420.0f, ImGui::GetContentRegionAvail().x * 0.5f);
    begin_pane("###tiers_left", left_w);
    tiers_draw_segments(*this, e);
    tiers_draw_audiences(*this, e);
    tiers_draw_charts(e);
    tiers_draw_settings(*this, e);
    tiers_draw_clv(e);
    tiers_draw_profile(*this, e);
    end_pane();
    pane_beside();
    begin_pane("###tiers_right", 0);
    tiers_draw_customers(*this, e);
    end_pane();
}

}  // namespace yt::app
