// importer.hpp — importing an order export (CSV/TSV/whitespace; UTF-8, UTF-16, GB18030) into an
// OrderTable, one-shot or incrementally with progress and cancel.
//
// Use:
//   auto r = yt::import_orders(bytes, opts);                 // one shot
//   auto p = yt::preview_orders(bytes, opts, 20);            // what was detected, first rows
//   auto imp = yt::Importer::start(std::move(bytes), opts);  // from the UI: call step() per frame
//   while (!imp->done()) { auto s = imp->step(4 << 20); ... imp->progress() ... }
//   OrderTable t = imp->take();
// Encoding, delimiter, header row and column mapping are detected; each can be forced in
// ImportOptions (the preview's mapping can be edited and passed back as options.mapping).
// Rows whose status class the StatusPolicy leaves out (交易关闭, 退款成功, 等待买家付款 by default)
// and rows without a payment time and with a zero amount are not purchases: they are excluded,
// counted per status value in the report, and a customer whose every order was excluded is not a
// customer. Importer::take_imported() keeps them, so the app can apply another policy later
// (read_orders) without reading the file again.
// An Excel workbook (.xlsx/.xlsm) is read as UTF-8 CSV text first (core/io/xlsx.hpp; its
// options.sheet), so everything after works the same; its errors are io.xlsx_* and io.xls_file.
// Bad rows are never guessed at: each is rejected with its line, column and reason (kept up to
// max_rejects_kept, all counted). Files that cannot be read at all give one Error from start().
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/columns.hpp"
#include "core/io/encoding.hpp"
#include "core/model/order_status.hpp"
#include "core/model/orders.hpp"
#include "core/model/result.hpp"

namespace yt {

enum class HeaderMode { Auto = 0, Yes, No };

struct ImportOptions {
    std::string file_name;                 // used in error locations
    Encoding encoding = Encoding::Auto;
    std::string delimiter;                 // "" = detect; "comma", "tab", "semicolon", "pipe", "whitespace"
    HeaderMode header = HeaderMode::Auto;
    std::optional<ColumnMapping> mapping;  // explicit mapping (0-based columns); none = detect
    StatusPolicy statuses;                 // which status classes count (take(), import_orders)
    std::size_t max_rejects_kept = 1000;
    std::string sheet;                     // workbooks (.xlsx): sheet name or 1-based number; "" = first
    // A one-shot import (import_orders, or a step() that covers the whole input) parses parts of
    // the file on this many threads and merges them in file order: 0 = one per core; 1 = one
    // pass. Builds without threads (wasm) always make one pass. The result is the same either way.
    unsigned threads = 0;
    std::size_t part_bytes = 0;            // size of each part (0 = the input split evenly; tests set it small)
    // Bytes before the file in the buffer given to Importer::start (a stored copy's header line:
    // the file is read where it lies, not copied out of the stored copy first).
    std::size_t skip = 0;
};

// A status value seen in the preview's rows.
struct StatusSample {
    std::string value;  // trimmed cell ("" = blank)
    OrderStatus status = OrderStatus::Unknown;
    int rows = 0;       // in the preview's rows
};

// What the importer detected, and the first rows as decoded cells.
struct Preview {
    std::string encoding;   // encoding_name()
    std::string delimiter;  // "comma", "tab", ...
    bool has_header = false;
    std::vector<std::string> header;             // empty without a header row
    std::vector<std::vector<std::string>> rows;  // first data rows
    int columns = 0;                             // widest row seen
    ColumnMapping mapping;                       // the mapping an import would use
    std::vector<std::string> column_keys;        // per column: the key mapped to it, or ""
    std::vector<std::string> missing;            // required keys left unmapped
    std::vector<int> ignored;                    // columns mapped to no key (not imported)
    std::vector<Error> warnings;                 // io.nickname_key, io.nickname_key_alt
    std::vector<StatusSample> statuses;          // status values in `rows`, most frequent first
    std::vector<std::string> sheets;             // a workbook's worksheets (empty for text files)
    std::string sheet;                           // the one read
};

// One status value of the file and what became of its rows.
struct StatusCount {
    std::string value;  // as written, trimmed ("" = blank cell)
    OrderStatus status = OrderStatus::Unknown;
    bool included = true;       // the policy's choice for its class
    std::int64_t rows = 0;      // rows with this value (accepted ones, and unpaid or undated ones)
    std::int64_t excluded = 0;  // of which not purchases (by the choice, or unpaid)
    double excluded_amount = 0; // their amounts
};

struct ImportReport {
    std::string file_name, encoding, delimiter;
    bool has_header = false;
    std::vector<std::string> header;
    ColumnMapping mapping;
    std::int64_t rows_read = 0;      // data rows (blank rows not counted)
    std::int64_t rows_accepted = 0;  // purchases (rows_read = accepted + excluded + rejected)
    std::int64_t rows_rejected = 0;  // unreadable rows (see `rejected`)
    std::int64_t rows_excluded = 0;  // readable rows that are not purchases:
    std::int64_t excluded_by_status = 0;  //   their status class is left out (交易关闭 ...)
    std::int64_t excluded_unpaid = 0;     //   no payment time and a zero amount, or no date at all
    double excluded_amount = 0;           //   the amounts of the excluded rows
    std::int64_t excluded_customers = 0;  // ids whose every order was excluded: not customers
    std::int64_t refunds_subtracted = 0;  // partial refunds reduced by the refund column
    std::vector<StatusCount> statuses;    // per status value (status column mapped), most rows first
    std::vector<Error> warnings;          // about the mapping: io.nickname_key, io.nickname_key_alt
    std::int64_t rows_blank = 0;
    std::int64_t refunds = 0;        // accepted rows with a negative amount
    std::int64_t customers = 0;
    Day first_day = 0, last_day = 0; // over accepted rows
    std::vector<Error> rejected;     // the first max_rejects_kept rejected rows, in file order
    bool finished = false;
    bool cancelled = false;
    int parts = 1;                   // parts parsed in parallel (1 = one pass)
};

// Every readable row of a file before the status policy is applied (see read_orders). `table` has
// all dated rows and every customer id seen, also those with only excluded rows.
struct ImportedOrders {
    OrderTable table;
    StringPool status_values;            // distinct status cells (status column mapped)
    std::vector<std::uint32_t> status;   // per row: index into status_values; empty when unmapped
    std::vector<double> refund;          // per row: the refunded amount (>= 0); empty when unmapped
    // Rows not kept in `table` because they have no payment time (blank date, or blank payment
    // time with a zero amount), per status value (index), and without a status column.
    std::vector<std::int64_t> unpaid_by_status;
    std::vector<double> unpaid_amount_by_status;
    std::int64_t unpaid = 0;
    double unpaid_amount = 0;
    // True when no status, refund or unpaid row needs a policy: read_orders keeps every row.
    bool plain() const { return status.empty() && refund.empty() && unpaid == 0 && unpaid_by_status.empty(); }
};

// The purchases of `in` under `policy`: rows of excluded status classes and unpaid rows left out,
// customers without a kept row dropped (ids renumbered in first-seen order), partial refunds less
// the refund column. Updates `report` (counts, customers, refunds, dates, statuses) from the
// importer's report of the same file.
OrderTable read_orders(const ImportedOrders& in, const StatusPolicy& policy, ImportReport& report);
// The same from rows no longer needed: the table is moved when it is plain(), else the purchases
// are compacted where the rows lie (OrderReader below), not copied.
OrderTable read_orders(ImportedOrders&& in, const StatusPolicy& policy, ImportReport& report);
// read_orders() a part at a time, for callers that must not block for all of it (the app reads a
// million rows between frames): step(rows) reads the next `rows` rows and says whether any are
// left; take() reads what is left and gives read_orders()'s table and report. `in` and `report`
// must outlive the reader; read_orders() is this reader run to the end.
// Given the rows to keep (moved in), the reader writes each purchase over the rows already read
// (a row is never written before it is read), so its table takes no second copy of the per-order
// arrays: for a million customers' 2.8 million orders ~45 MB of fresh memory less, which a
// restore in the browser otherwise waits for page by page. Table and report are the same.
class OrderReader {
public:
    OrderReader(const ImportedOrders& in, const StatusPolicy& policy, ImportReport& report);
    OrderReader(ImportedOrders&& in, const StatusPolicy& policy, ImportReport& report);
    bool step(std::size_t rows);
    double progress() const;
    bool done() const;  // every row stepped (take() has only the table's end left)
    OrderTable take();

private:
    void start(const StatusPolicy& policy);
    const ImportedOrders* in_;
    ImportReport* rep_;
    std::vector<OrderStatus> cls_;
    std::vector<char> keep_;
    OrderTable out_;
    std::vector<std::uint32_t> remap_, owner_map_, product_map_;
    std::vector<std::string> kept_ids_;  // the customers kept, in their new order
    std::size_t next_ = 0;
    std::unique_ptr<ImportedOrders> own_;  // the rows moved in: purchases written over them,
    std::size_t kept_ = 0;                 // the first kept_ of its per-order arrays
};

// What the import left out and why, as codes with arguments (text at the edge): per excluded
// status value io.excluded.<class> {rows, value} or io.excluded_blank {rows}; io.excluded_unpaid
// {rows}; io.excluded_customers {ids}; io.refunds_subtracted {rows}; io.status_unknown {rows,
// values} (counted, not recognised); then the mapping warnings.
std::vector<Error> import_notices(const ImportReport& report);

struct ImportResult {
    OrderTable orders;
    ImportReport report;
};

class Importer {
public:
    // Detects encoding, delimiter, header and mapping. Errors: io.empty_file, io.binary_file,
    // io.spreadsheet_file, io.header_only, io.missing_columns, io.bad_mapping, io.bad_option.
    static Result<Importer> start(std::shared_ptr<const std::string> bytes, ImportOptions options);
    static Result<Importer> start(std::string bytes, ImportOptions options);
    // `bytes` must outlive the Importer (no copy is made).
    static Result<Importer> start_view(std::string_view bytes, ImportOptions options);

    Importer(Importer&&) noexcept;
    Importer& operator=(Importer&&) noexcept;
    ~Importer();

    // Parses at least one record and about max_bytes of input. Errors: io.cancelled after
    // cancel(); io.no_valid_rows when the file ends and no row was accepted.
    Status step(std::size_t max_bytes);
    double progress() const;  // 0..1
    // Bytes of the input parsed so far (of the raw input, before any decoding; progress() is
    // this over the input's size until done).
    std::size_t read_bytes() const;
    bool done() const;
    void cancel();
    const ImportReport& report() const;
    // The imported purchases under options.statuses (once done; empty after cancel); updates
    // report(). Call once (take() or take_imported()).
    OrderTable take();
    // Every readable row, for read_orders() with a policy chosen later. report() stays as read.
    ImportedOrders take_imported();
    // The detection result and up to `rows` first data rows (at most 200).
    Preview preview(int rows) const;

private:
    struct Impl;
    explicit Importer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

Result<ImportResult> import_orders(std::string_view bytes, const ImportOptions& options = {});
// Unlike Importer::start, succeeds with an incomplete mapping (see Preview::missing) so the user
// can complete it. Errors: those of detection (empty, binary, spreadsheet, bad option).
Result<Preview> preview_orders(std::string_view bytes, const ImportOptions& options = {}, int rows = 20);

}  // namespace yt
