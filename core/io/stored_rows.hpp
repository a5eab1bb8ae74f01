// stored_rows.hpp — the compact stored form of an import: the rows as read (ImportedOrders, before
// any status choice) and the importer's report, as binary arrays after the stored copy's header
// line (import_blob.hpp, "form":"rows"). A reload reads them back instead of parsing the file
// again, which is unpacking numbers, not decoding and parsing text.
//
// Values are packed (integers as varints of their steps, amounts as cents): ~23 MB for a million
// customers' 2.8 million orders, where a shop's GB18030 export is ~100 MB and the rows' raw
// arrays 68 MB, which the browser's storage gave back more slowly. The raw form earlier versions
// wrote is still read.
//
// Both directions run in steps of about `max_bytes` (the app writes and reads between frames).
// Counts and the small parts are in the host's byte order: the copy stays on the device that
// wrote it (wasm and x86-64 are both little-endian). A copy that does not read back whole and
// consistent (ids in range, arrays of matching lengths) is io.bad_stored_import; nothing partial
// is used.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/io/importer.hpp"
#include "core/model/result.hpp"

namespace yt {

// Writes `table` (the rows as read) with `imported`'s status, refund and unpaid columns (null: a
// plain import, none of them) and `report`, in steps; body() is the stored form's binary part.
class StoredRowsWriter {
public:
    // The arguments must outlive the writer.
    StoredRowsWriter(const OrderTable& table, const ImportedOrders* imported, const ImportReport& report);
    ~StoredRowsWriter();
    StoredRowsWriter(StoredRowsWriter&&) noexcept;
    StoredRowsWriter& operator=(StoredRowsWriter&&) noexcept;
    // Writes about max_bytes more; true while work is left.
    bool step(std::size_t max_bytes);
    double progress() const;
    // The finished body (call once, after step() returned false).
    std::string take();

private:
    struct State;
    std::unique_ptr<State> s_;
};

// Reads a body written by StoredRowsWriter, in steps.
class StoredRowsReader {
public:
    // `body` must outlive the reader (the stored copy is read where it lies).
    explicit StoredRowsReader(std::string_view body);
    ~StoredRowsReader();
    StoredRowsReader(StoredRowsReader&&) noexcept;
    StoredRowsReader& operator=(StoredRowsReader&&) noexcept;
    // Reads about max_bytes more: true while work is left, false when done, an error
    // (io.bad_stored_import) when the copy is cut short or inconsistent.
    Result<bool> step(std::size_t max_bytes);
    double progress() const;
    // Once done: the rows and the report as they were written.
    ImportedOrders take_rows();
    ImportReport take_report();

private:
    struct State;
    std::unique_ptr<State> s_;
};

// Whether `body` is in the form this version writes (not an earlier version's raw form, which
// reads back as well but is worth storing again).
bool stored_rows_current(std::string_view body);

// The whole body at once (tests, the CLI).
std::string write_stored_rows(const OrderTable& table, const ImportedOrders* imported, const ImportReport& report);
Result<std::pair<ImportedOrders, ImportReport>> read_stored_rows(std::string_view body);

}  // namespace yt
