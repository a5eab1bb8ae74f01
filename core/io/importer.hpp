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
    std::size_t max_rejects_kept = 1000;
    std::string sheet;                     // workbooks (.xlsx): sheet name or 1-based number; "" = first
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
    std::vector<std::string> sheets;             // a workbook's worksheets (empty for text files)
    std::string sheet;                           // the one read
};

struct ImportReport {
    std::string file_name, encoding, delimiter;
    bool has_header = false;
    std::vector<std::string> header;
    ColumnMapping mapping;
    std::int64_t rows_read = 0;      // data rows (blank rows not counted)
    std::int64_t rows_accepted = 0;
    std::int64_t rows_rejected = 0;
    std::int64_t rows_blank = 0;
    std::int64_t refunds = 0;        // accepted rows with a negative amount
    std::int64_t customers = 0;
    Day first_day = 0, last_day = 0; // over accepted rows
    std::vector<Error> rejected;     // the first max_rejects_kept rejected rows, in file order
    bool finished = false;
    bool cancelled = false;
};

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
    bool done() const;
    void cancel();
    const ImportReport& report() const;
    // The imported table (once done; empty after cancel). Call once.
    OrderTable take();
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
