// dataset_import.cpp — the import of an order file (see dataset.hpp): the preview and its
// options, the chunked import (each frame parses about step_target_ms worth), cancel, and the
// finished import handed to apply().
#include <algorithm>
#include <chrono>

#include "app/dataset.hpp"
#include "app/steps_within.hpp"
#include "core/io/values.hpp"
#include "core/io/xlsx.hpp"
#include "core/model/dates.hpp"

namespace yt::app {

namespace {
// What the importer reads: the file, or for a workbook its chosen sheet as CSV text, converted
// once per sheet choice and reused by every preview and the import (the workbook is what is
// stored, so a reload converts it again with the same options).
struct ImportInput {
    std::shared_ptr<const std::string> bytes;
    ImportOptions options;
};

Result<ImportInput> import_input(OrderImport& m) {
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

void repreview(OrderImport& m) {
    auto in = import_input(m);
    auto p = in ? preview_orders(*in->bytes, in->options, 20) : Result<Preview>(in.error());
    if (p && !m.sheets.empty()) {
        p->sheets = m.sheets;
        p->sheet = m.sheet_csv_name;
    }
    if (p) {
        m.preview = std::move(*p);
        m.error.reset();
        m.stage = OrderImport::Stage::Preview;
    } else {
        m.preview.reset();
        m.error = p.error();
        m.stage = OrderImport::Stage::Failed;
    }
}

// An option the detection depends on changed: the mapping is detected again.
void redetect(OrderImport& m) {
    m.options.mapping.reset();
    repreview(m);
}
}  // namespace

void Dataset::open_import(const std::string& name, std::shared_ptr<const std::string> bytes) {
    if (imp_.importer) imp_.importer->cancel();
    imp_ = OrderImport{};
    notice_.clear();
    imp_.file_name = name;
    imp_.bytes = bytes ? std::move(bytes) : std::make_shared<const std::string>();
    imp_.file_bytes = imp_.bytes->size();
    imp_.options.file_name = name;
    if (is_workbook(*imp_.bytes)) {
        auto sheets = workbook_sheets(*imp_.bytes);
        if (sheets) imp_.sheets = std::move(*sheets);
    }
    repreview(imp_);
    imp_.options.statuses = ws_.tiering.statuses;  // the dialog starts from the workspace's choice
    if (ws_.tiering.as_of_day > 0) imp_.summary_end = format_day(static_cast<Day>(ws_.tiering.as_of_day));
}

void Dataset::restore_import(const std::string& name, std::shared_ptr<const std::string> bytes, ImportOptions options,
                             bool rows) {
    if (imp_.importer) imp_.importer->cancel();
    imp_ = OrderImport{};
    notice_.clear();
    imp_.restoring = true;
    imp_.file_name = name;
    imp_.bytes = bytes ? std::move(bytes) : std::make_shared<const std::string>();
    imp_.at = std::min(options.skip, imp_.bytes->size());
    imp_.file_bytes = imp_.bytes->size() - imp_.at;
    imp_.options = std::move(options);
    imp_.options.file_name = name;
    if (!rows) {
        imp_.restoring_outdated = true;
        start_import();
        return;
    }
    // The rows as stored: read back where they lie, a part per frame.
    const std::string_view body = std::string_view(*imp_.bytes).substr(imp_.at);
    imp_.restoring_outdated = !stored_rows_current(body);
    imp_.stored = std::make_unique<StoredRowsReader>(body);
    imp_.progress = 0;
    imp_.stage = OrderImport::Stage::Running;
}

// Reads the stored rows for about step_target_ms; then they go on as a file's rows do.
void Dataset::stored_step() {
    StoredRowsReader& r = *imp_.stored;
    Result<bool> more = true;
    steps_within(step_target_ms, [&] {
        more = r.step(std::size_t{1} << 20);
        return more && *more;
    });
    imp_.progress = r.progress() * OrderImport::kReadShare;
    if (!more) {
        imp_.error = more.error();
        imp_.error->where.file = imp_.file_name;
        imp_.stored.reset();
        imp_.stage = OrderImport::Stage::Failed;
        return;
    }
    if (*more) return;
    imp_.report = r.take_report();
    ImportedOrders raw = r.take_rows();
    imp_.stored.reset();
    rows_read(std::move(raw));
}

// Every row is read (from the file or the stored copy): the status choice is applied next.
void Dataset::rows_read(ImportedOrders raw) {
    if (raw.plain()) return model(read_orders(std::move(raw), imp_.options.statuses, imp_.report), nullptr);
    imp_.raw = std::make_shared<const ImportedOrders>(std::move(raw));
    imp_.reader = std::make_unique<OrderReader>(*imp_.raw, imp_.options.statuses, imp_.report);
}

void Dataset::map_column(int column, const std::string& key) {
    if (!imp_.preview || !imp_.bytes || column < 0) return;
    ColumnMapping m = imp_.preview->mapping;
    const auto& keys = imp_.preview->column_keys;
    if (column < static_cast<int>(keys.size()) && !keys[static_cast<std::size_t>(column)].empty())
        m.set(keys[static_cast<std::size_t>(column)], -1);
    if (!key.empty()) m.set(key, column);
    imp_.options.mapping = m;
    repreview(imp_);
}

void Dataset::set_encoding(Encoding enc) {
    if (!imp_.bytes) return;
    imp_.options.encoding = enc;
    redetect(imp_);
}

void Dataset::set_delimiter(const std::string& delimiter) {
    if (!imp_.bytes) return;
    imp_.options.delimiter = delimiter;
    redetect(imp_);
}

void Dataset::set_sheet(const std::string& sheet) {
    if (!imp_.bytes) return;
    imp_.options.sheet = sheet;
    imp_.report = ImportReport{};
    redetect(imp_);
}

void Dataset::set_header(HeaderMode mode) {
    if (!imp_.bytes) return;
    imp_.options.header = mode;
    redetect(imp_);
}

bool Dataset::start_import() {
    if (!imp_.bytes) return false;
    // The mapping shown in the preview is the one imported (detected or edited).
    if (imp_.preview && !imp_.options.mapping) imp_.options.mapping = imp_.preview->mapping;
    auto in = import_input(imp_);
    auto r = in ? Importer::start(in->bytes, in->options) : Result<Importer>(in.error());
    if (!r) {
        imp_.error = r.error();
        imp_.stage = OrderImport::Stage::Failed;
        return false;
    }
    imp_.importer.emplace(std::move(*r));
    chunk_now_ = step_target_ms > 0 && imp_.restoring ? kFirstChunk : chunk_bytes;
    imp_.error.reset();
    imp_.progress = 0;
    imp_.stage = OrderImport::Stage::Running;
    return true;
}

void Dataset::pump() {
    if (recount()) return;
    if (imp_.start_requested) {  // the Import button, pressed in an earlier frame
        imp_.start_requested = false;
        start_import();
        return;
    }
    if (imp_.stage != OrderImport::Stage::Running) return;
    if (imp_.summary) return summary_step();
    if (imp_.modelling) return model_step();
    if (imp_.reader) return filter_step();
    if (imp_.stored) return stored_step();
    if (!imp_.importer) return;
    Importer& in = *imp_.importer;
    if (in.done()) return rows_taken();
    using Clock = std::chrono::steady_clock;
    const auto ms_since = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
    const auto t0 = Clock::now();
    const std::size_t read_before = in.read_bytes();
    // With a time target the chunk is read a quarter at a time, and the next quarter is not
    // started when the time taken so far and the last step's would pass the target: the chunk's
    // size comes from the frames before, and when the machine slows down within a frame a whole
    // chunk overran the 30 ms aim (steps of 51-56 ms in the browser). steps_within() keeps that rule.
    const std::size_t slice = step_target_ms > 0 ? std::max<std::size_t>(chunk_now_ / 4, std::size_t{64} << 10) : chunk_now_;
    Status st = ok_status();
    steps_within(step_target_ms, [&] {
        st = in.step(slice);
        if (!st || in.done()) return false;
        // Steps that read no text write the importer's tables (fast on a warm page, ~6x slower
        // right after a reload): more follow within half the frame's target.
        const std::size_t read = in.read_bytes() - read_before;
        return read == 0 ? ms_since(t0) < step_target_ms / 2 : read < chunk_now_;
    });
    const std::size_t read = in.read_bytes() - read_before;
    if (step_target_ms > 0 && read > 0) {
        // Keep each frame's share of the import near the target on any machine (native or wasm),
        // from what this frame read in the time it took (the tables' steps included).
        const double scale = std::clamp(step_target_ms / std::max(ms_since(t0), 0.05), 0.5, 2.0);
        chunk_now_ = std::clamp<std::size_t>(static_cast<std::size_t>(static_cast<double>(std::min(read, chunk_now_)) * scale),
                                              std::size_t{64} << 10, std::size_t{16} << 20);
    }
    imp_.progress = in.progress() * OrderImport::kReadShare;
    if (!st) {
        imp_.report = in.report();
        imp_.error = st.error();
        imp_.importer.reset();
        imp_.stage = OrderImport::Stage::Failed;
        return;
    }
}

// The file's parts are all read: the orders they made are taken from the importer (~20 ms in
// wasm for a million customers), in a frame after the last part's, then filtered.
void Dataset::rows_taken() {
    Importer& in = *imp_.importer;
    imp_.report = in.report();
    ImportedOrders raw = in.take_imported();
    imp_.importer.reset();
    rows_read(std::move(raw));
}

// Applies the status choice to rows for about step_target_ms; in a frame after the last rows'
// (the table taken ~19 ms and the model started ~14 ms in wasm for a million customers, which
// after the last rows' 20 ms made a frame of 54 ms), takes the table and starts the model.
void Dataset::filter_step() {
    OrderReader& r = *imp_.reader;
    if (!r.done()) {
        const bool more = steps_within(step_target_ms, [&] { return r.step(std::size_t{1} << 16); });
        imp_.progress = OrderImport::kReadShare + OrderImport::kFilterShare * r.progress();
        if (more || step_target_ms > 0) return;
    }
    OrderTable orders = r.take();
    imp_.reader.reset();
    model(std::move(orders), std::move(imp_.raw));
}

// The purchases are read: their tiers and CLV are computed next, a part per frame.
void Dataset::model(OrderTable orders, std::shared_ptr<const ImportedOrders> imported) {
    CompletedImport& c = imp_.modelling.emplace();
    c.file_name = imp_.file_name;
    c.options = imp_.options;
    c.options.file_name = imp_.file_name;
    c.options.mapping = imp_.report.mapping;
    // Rows stored packed are stored already: the copy is what a change of the status choice
    // reads again, and the rows read from it go now, before the model needs memory (derived.hpp).
    if (imported && imp_.restoring && !imp_.restoring_outdated) {
        c.rows_copy = RowsCopy{imp_.bytes, imp_.at};
        imported.reset();
    }
    // The file's bytes are not needed past the reading: a new file's rows are stored instead,
    // once they are written (model_step()), and so are those of a file an older version stored
    // and rows it stored raw.
    imp_.bytes.reset();
    c.orders = std::move(orders);
    c.rows = std::move(imported);
    c.report = imp_.report;
    c.restored = imp_.restoring;
    // The orders stay where they are now until the model and the stored rows are done (the job
    // and the writer read them).
    c.model.emplace(&c.orders, ws_.tiering, TierFigures{});
    // Against the previous import of the user's own orders (not the demo's or a blank plan's).
    if (!c.restored && ws_.dataset.name != "demo" && ws_.dataset.name != "blank" && !ws_.dataset.name.empty() && d_.orders)
        c.change_before = d_.tiers.tiers;
    if (!c.restored || imp_.restoring_outdated) c.packer.emplace(c.orders, c.rows.get(), c.report);
    imp_.progress = OrderImport::kReadShare + OrderImport::kFilterShare;
}

// Computes parts of the model (at least one; another while the last one would still fit in
// step_target_ms), then hands the finished import to step().
void Dataset::model_step() {
    CompletedImport& c = *imp_.modelling;
    // The model's parts, then (in a frame of its own: ~27 ms in wasm for a million customers)
    // the order facts the plan's first assess needs.
    // A new file's rows are then written in their stored form, a part per frame.
    steps_within(step_target_ms, [&] {
        if (!c.model_done) {
            c.model_done = !c.model->step();
            return !c.model_done;
        }
        if (c.change_before) {
            if (!c.change) {
                TieringSettings s = ws_.tiering;
                s.statuses = c.options.statuses;
                // The model's tiers are the new file's own when the plan's as-of date is the data's.
                c.change = std::make_unique<ImportChangeRun>(&*d_.orders, c.change_before.get(), ws_.dataset, c.orders,
                                                             c.model->index(), s.as_of_day == 0 ? c.model->tiers() : nullptr, s);
            }
            if (c.change->step()) return true;
            c.change_result = c.change->take();
            c.change.reset();
            c.change_before.reset();
            return false;
        }
        if (!c.facts_done) {
            assess_orders(&c.orders, c.facts);
            c.facts_done = true;
            return false;
        }
        if (!c.restored && !c.edit_tried) {
            // The browser compiles the app's WebAssembly a function at a time, the first time
            // each is called: applying the first edit in a page took 36-39 ms, nearly all of it
            // compiling (1.6 ms with the whole module compiled at the start; 0.3-0.4 ms the second
            // time in a page). Applied once here to a copy, in a frame of its own, that cost is
            // not added to the frame that uses the import (apply(): install and undo step).
            Workspace trial = ws_;
            (void)yt::apply(trial, dataset_edit(info_of(c), c.options.statuses));
            c.edit_tried = true;
            return false;
        }
        if (c.packer && c.packer->step(std::size_t{1} << 20)) return true;
        if (c.packer) {
            c.packed_rows = std::make_shared<const std::string>(c.packer->take());
            c.packer.reset();
            if (c.rows) c.rows_copy = RowsCopy{c.packed_rows, 0};  // and the rows go (derived.hpp)
            c.rows.reset();
        }
        return false;
    });
    constexpr double kBefore = OrderImport::kReadShare + OrderImport::kFilterShare;
    imp_.progress = kBefore + (1 - kBefore) * c.model->progress();
    if (!c.facts_done || c.packer || (!c.restored && !c.edit_tried)) return;
    done_ = std::move(c);
    imp_.modelling.reset();
    imp_.bytes.reset();  // the App has them now; a large file should not be held twice
    imp_.sheet_csv.reset();
    imp_.progress = 1;
    if (imp_.restoring) imp_ = OrderImport{};  // nothing to show: the data simply come back
    else imp_.stage = OrderImport::Stage::Finished;
}

bool Dataset::start_summary() {
    if (!imp_.bytes || imp_.stage != OrderImport::Stage::Preview) return false;
    imp_.summarising = true;
    auto fail = [&](Error e) {
        imp_.error = std::move(e);
        imp_.stage = OrderImport::Stage::Failed;
        return false;
    };
    std::optional<Day> end;
    const std::string text(io::trim_cell(imp_.summary_end));
    if (!text.empty()) {
        end = parse_day(text);
        if (!end) return fail(Error("tiering.bad_date", {text}));
    }
    // A workbook's chosen sheet is read as its CSV text, as the order import reads it.
    auto in = import_input(imp_);
    if (!in) return fail(in.error());
    auto m = SummaryModel::start(in->bytes, imp_.file_name, ws_.tiering, end);
    if (!m) return fail(m.error());
    imp_.summary = std::make_unique<SummaryModel>(std::move(*m));
    imp_.error.reset();
    imp_.progress = 0;
    imp_.stage = OrderImport::Stage::Running;
    return true;
}

// Reads or models the summary for about step_target_ms; its result (or error) ends the run.
void Dataset::summary_step() {
    SummaryModel& m = *imp_.summary;
    const bool more = steps_within(step_target_ms, [&] { return m.step(); });
    imp_.progress = m.progress();
    if (more) return;
    if (m.error()) {
        imp_.error = *m.error();
        imp_.stage = OrderImport::Stage::Failed;
        return;
    }
    imp_.stage = OrderImport::Stage::Finished;
}

void Dataset::cancel_import() {
    if (imp_.stage == OrderImport::Stage::Running && (imp_.importer || imp_.stored || imp_.reader || imp_.modelling || imp_.summary)) {
        if (imp_.importer) imp_.importer->cancel();
        notice_ = "ui.tiers.cancelled";
    }
    imp_ = OrderImport{};
}

void Dataset::close_import() { imp_ = OrderImport{}; }

void Dataset::back_to_preview() {
    imp_.summary.reset();
    imp_.summarising = false;
    imp_.stage = OrderImport::Stage::Preview;
    imp_.error.reset();
    imp_.report = ImportReport{};
}

void Dataset::set_statuses(const StatusPolicy& statuses) { imp_.options.statuses = statuses; }

std::optional<CompletedImport> Dataset::take_import() {
    pump();
    std::optional<CompletedImport> d = std::move(done_);
    done_.reset();
    return d;
}

}  // namespace yt::app
