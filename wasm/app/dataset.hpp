// dataset.hpp — the customers' orders the plan is about, through their whole life in the app.
//
// import    A picked or dropped order file opens the import dialog: a preview with the detected
//           encoding, delimiter, header and column mapping, each editable (a workbook: its sheet).
//           The import then runs in chunks between frames (busy() keeps frames coming; step(),
//           once per frame, parses one chunk, sized to take about step_target_ms), then models
//           the orders (tiers, lifecycle, both CLV fits: core's TiersJob, a part per frame), with
//           progress, cancel and errors that keep the data held before.
// store     A finished import is used at once (the held orders in Derived) and recorded as the
//           workspace's dataset with its status choice (one undo step); the rows it read (before
//           the status choice) and its report are stored with the options (core/io/stored_rows,
//           written a part per frame after the model; IndexedDB in the browser, a file natively;
//           sealed when a passphrase is set, through the Vault).
// restore   After a reload or an unlock, load() asks for the stored copy and restore() reads its
//           rows back (a copy stored by an older version holds the file: it is imported again
//           with the same options), chunked, without a dialog (the demo's bundled file and a
//           blank plan need no stored copy).
// re-import A new file replaces the held orders; the replaced ones are kept for the session, so
//           undo and redo across imports (and opening another workspace) bring back the very
//           orders that dataset names (follow()).
//
// summary   A warehouse's per-customer summary picked instead of orders is not imported: the
//           dialog models its CLV a part per frame (app/summary_model.hpp) and shows the result;
//           the held orders stay.
//
// The App owns one Dataset and drives the lifecycle; the Tiers view only draws it (import() and
// notice()) and calls the dialog's actions below. Tests call those actions directly too.
//
// Files: dataset.cpp (load, store, restore, follow), dataset_import.cpp (the import: preview,
// options, chunked steps, cancel).
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/derived.hpp"
#include "app/platform.hpp"
#include "app/summary_model.hpp"
#include "core/edit/history.hpp"
#include "core/io/importer.hpp"
#include "core/io/stored_rows.hpp"
#include "core/plan/assess_tiers.hpp"
#include "core/plan/import_change.hpp"

namespace yt::app {

class Vault;

// A finished import, to be used.
struct CompletedImport {
    std::string file_name;
    ImportOptions options;                      // as used (mapping, encoding, delimiter, header)
    OrderTable orders;                          // the purchases under options.statuses
    // Every row before the status choice, when a choice applies (else none): a new file's rows
    // until the packer below has written them, then (as a restored copy's from the start) only
    // their stored copy.
    std::shared_ptr<const ImportedOrders> rows;
    RowsCopy rows_copy;
    ImportReport report;
    bool restored = false;                      // true when it was the stored copy (restore())
    // The tiers and CLV of `orders`, computed a part per frame after the file is read (so no frame
    // blocks for all of it); apply() installs them with the orders.
    std::optional<TiersJob> model;
    bool model_done = false;
    OrderFacts facts;                           // totals, owners and products of `orders`, after the model
    bool facts_done = false;
    // A new file replacing the user's own orders: how customers moved between segments (recorded
    // with the dataset), matched a part per frame after the model against the held orders.
    std::shared_ptr<const Tiers> change_before;  // the held orders' tiers while still to match (else null)
    std::unique_ptr<ImportChangeRun> change;
    std::optional<SegmentChange> change_result;
    // A new file's rows in their stored form (core/io/stored_rows.hpp), written a part per frame
    // after the model (what is stored instead of the file: a reload reads it without parsing).
    std::optional<StoredRowsWriter> packer;
    std::shared_ptr<const std::string> packed_rows;
    // A new file's undo step, applied once to a copy of the workspace in a part of its own before
    // apply() (model_step()): see there why.
    bool edit_tried = false;
};

// The import in progress (dialog or restore).
struct OrderImport {
    enum class Stage { Closed, Preview, Running, Finished, Failed };
    Stage stage = Stage::Closed;
    bool restoring = false;                     // restore(): no dialog, progress inline
    bool recounting = false;                    // ... of the held copy, for a new status choice (recount())
    bool restoring_outdated = false;            // ... of a form older versions stored (the file, or raw rows):
                                                //     its rows are stored again, packed
    bool start_requested = false;               // Import was pressed: the next step() starts it
    std::string file_name;
    std::shared_ptr<const std::string> bytes;   // released once the import has finished
    std::size_t at = 0;                         // where the file (or stored rows) begins in bytes,
    std::size_t file_bytes = 0;                 // and its size (a stored copy's header is skipped)
    ImportOptions options;                      // what the preview and the import use (statuses too)
    std::vector<std::string> sheets;            // a workbook's worksheets (a picker when several)
    std::shared_ptr<const std::string> sheet_csv;  // the chosen sheet as CSV text (dataset_import.cpp)
    std::string sheet_csv_for, sheet_csv_name;  // the options.sheet it was made for; its name
    std::optional<Preview> preview;
    std::optional<Error> error;                 // the preview or the import failed
    std::optional<Importer> importer;           // while Running, reading the file
    std::unique_ptr<StoredRowsReader> stored;   // ... or reading a stored copy's rows (restore)
    // While Running, after the file is read: its rows under the status choice, a part per frame
    // (`raw` is every row, kept for a later status choice) ...
    std::shared_ptr<const ImportedOrders> raw;
    std::unique_ptr<OrderReader> reader;
    // ... then the model of the purchases, a part per frame.
    std::optional<CompletedImport> modelling;
    ImportReport report;                        // after Running (finished)
    // A per-customer summary picked instead of orders is modelled in the dialog, not imported
    // (app/summary_model.hpp): `summary` runs while Running and holds the result when Finished.
    std::unique_ptr<SummaryModel> summary;
    std::string summary_end;                    // the calibration end typed for it ("" = none)
    bool summarising = false;                   // Running / Finished / Failed are the summary's
    double progress = 0;                        // reading the file is the first kReadShare of it,
    static constexpr double kReadShare = 0.6;   // the status choice the next kFilterShare
    static constexpr double kFilterShare = 0.1;
};

class Dataset {
public:
    Dataset(Platform& p, Vault& vault, const Workspace& ws, History& history, Derived& d)
        : p_(p), vault_(vault), ws_(ws), history_(history), d_(d) {}

    // ---- the lifecycle (the App) ----
    // The orders of ws.dataset: the demo's bundled file (imported at once), none for a blank
    // plan, else the stored copy is asked for (pending() until restore() or restore_failed()).
    void load();
    // The stored copy arrived ("packed": the file and its import options): imported again.
    void restore(std::string packed);
    // The stored copy could not be read: the plan shows `message` instead of customers.
    void restore_failed(std::string message);
    // Once per frame: parses one chunk of a running import or computes parts of its model, or
    // uses a finished one (a frame after it finished).
    void step();
    // Uses a finished import: the held orders; a new file is also recorded and stored.
    void apply(CompletedImport c);
    // After a change (undo, redo, another workspace): when ws.dataset no longer names the held
    // orders, bring back the ones it names. The App calls it while nothing else needs frames.
    void follow();
    // Forgets everything (the session is reset).
    void reset();
    // An import is running, or its result (or its storing) waits for the next frame.
    bool busy() const { return importing() || done_.has_value() || store_pending_; }
    // Starting, reading or modelling a file (a step then needs no drawing to follow it).
    bool importing() const { return imp_.stage == OrderImport::Stage::Running || imp_.start_requested; }
    // A finished import waits to be used by the next step().
    bool finished() const { return done_.has_value() && !store_pending_; }
    bool pending() const { return pending_; }  // the stored copy was asked for and is not back

    // ---- the import dialog (the Tiers view's actions) ----
    // A picked or dropped file: the dialog opens on its preview, counting the statuses the
    // workspace counts.
    void open_import(const std::string& name, std::shared_ptr<const std::string> bytes);
    // Bind `key` ("" = none) to a 0-based column, force encoding / delimiter / header (each
    // re-previews; the latter three re-detect the mapping); pick a workbook's sheet.
    void map_column(int column, const std::string& key);
    void set_encoding(Encoding enc);
    void set_delimiter(const std::string& delimiter);
    void set_header(HeaderMode mode);
    void set_sheet(const std::string& sheet);
    void set_statuses(const StatusPolicy& statuses);  // which order statuses the import counts
    bool start_import();     // starts the import; false (and error set) when the file cannot be read
    // The Import button: the import starts at the next step(), not in the frame that shows the
    // click (starting finds the file's layout again: ~20 ms for a 100 MB file in the browser).
    void request_import() { imp_.start_requested = imp_.bytes != nullptr; }
    bool start_requested() const { return imp_.start_requested; }
    void cancel_import();    // Cancel: stops a running import (notice "cancelled") or closes the preview
    void close_import();     // Close after the report or an error
    void back_to_preview();  // Back from a failed import (or a summary's result) to its preview
    // The preview is a per-customer summary (looks_like_clv_summary): models it with the plan's
    // CLV settings and segment split as of imp_.summary_end (YYYY-MM-DD or "" for none). False
    // (stage Failed, error set) for a date that cannot be read or CLV settings that cannot be used.
    bool start_summary();
    void set_summary_end(std::string text) { imp_.summary_end = std::move(text); }
    void clear_notice() { notice_.clear(); }
    // Parses one chunk of a running import; a finished one is returned once (step() uses it).
    std::optional<CompletedImport> take_import();

    const OrderImport& import() const { return imp_; }
    const std::string& notice() const { return notice_; }  // "ui.tiers.cancelled" etc. (a text key)

    // Bytes parsed per frame at the start of each import; when step_target_ms > 0 the size then
    // follows the time taken (at most doubling a frame) for that import only, and a restore starts
    // at kFirstChunk: the first chunks after a reload run several times slower than later ones
    // (fresh memory, code not yet optimised by the browser). An import does not start at the size
    // the one before it ended with: its first steps also write its id table, four times the
    // bytes a step reads (a quarter of a chunk: pump()), which a large chunk would write all at
    // once (a frame of ~100 ms for a million customers in the browser).
    static constexpr std::size_t kFirstChunk = 256u << 10;
    std::size_t chunk_bytes = 2u << 20;
    std::size_t chunk_now() const { return chunk_now_; }  // the running import's chunk
    double step_target_ms = 30;          // aim of each frame's work (under 50 ms with the drawing); 0 = fixed chunks

private:
    void restore_import(const std::string& name, std::shared_ptr<const std::string> bytes, ImportOptions options,
                        bool rows);
    void pump();
    void stored_step();
    void rows_taken();
    void rows_read(ImportedOrders raw);
    void filter_step();
    void model(OrderTable orders, std::shared_ptr<const ImportedOrders> imported);
    void model_step();
    void summary_step();
    bool swap_replaced();
    bool recount();
    DatasetInfo info_of(const CompletedImport& c) const;  // what ws.dataset records of it
    Edit dataset_edit(const DatasetInfo& info, const StatusPolicy& statuses) const;  // apply()'s undo step
    static std::string key_of(const DatasetInfo& d);  // which orders a dataset means

    Platform& p_;
    Vault& vault_;
    const Workspace& ws_;
    History& history_;
    Derived& d_;

    OrderImport imp_;
    std::optional<CompletedImport> done_;  // finished, not yet used
    bool store_pending_ = false;           // used, its stored copy not yet handed to storage
    std::string notice_;
    bool pending_ = false;
    std::string orders_of_;  // key_of() the dataset the held orders belong to
    std::size_t chunk_now_ = 0;  // the running import's chunk (chunk_bytes at its start)
    // The stored form of a file (core/io/import_blob): its header, then the file's bytes, kept
    // apart so a large file is never copied to be stored (a restored copy: all in `body`).
    struct Packed {
        std::string head;
        std::shared_ptr<const std::string> body;
        void put(Vault& v) const;
    };
    // The user's own orders an import replaced, kept for this session so undo (and redo) of the
    // import brings back that very file, and the stored copy follows it; `packed_now_` is the
    // stored form of the orders held now (empty for the demo's).
    struct Stash {
        std::string key;  // key_of()
        std::optional<OrderTable> orders;
        RowsCopy rows_copy;
        StatusPolicy statuses;
        ImportReport report;
        std::optional<Packed> packed;
    };
    Stash replaced_;
    std::optional<Packed> packed_now_;
};

}  // namespace yt::app
