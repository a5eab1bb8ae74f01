// xlsx.hpp — reading Excel workbooks (.xlsx, .xlsm: Office Open XML spreadsheets) as UTF-8 text
// cells, so the order importer can treat a shop back-end's export like any CSV.
//
//   if (yt::is_workbook(bytes)) {
//       auto csv = yt::workbook_to_csv(bytes, "订单");       // "" = first visible sheet, or "2"
//       ... csv->text (UTF-8 CSV), csv->sheets (all sheet names), csv->sheet (the one read)
//   }
// What a cell becomes: shared and inline strings (rich text runs joined) as typed; numbers in a
// date or time format as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (1900 and 1904 date systems); other
// numbers in their shortest form with at most 15 significant digits (Excel's precision, so
// 0.1+0.2 stored as 0.30000000000000004 reads 0.3); numbers stored as text ("00123") unchanged;
// booleans TRUE/FALSE; errors (#N/A) as shown; formulas by their cached value. Rows keep their
// sheet row numbers (an error on line 57 is Excel's row 57).
//
// Refused, each with its own error code and nothing half-read: encrypted workbooks (a password-
// protected .xlsx is an OLE compound file holding "EncryptionInfo"), old binary .xls, ZIP64 and
// compression other than stored/deflate, entries larger than the limits or inflating more than
// max_ratio times their compressed size (zip bombs), shared-string tables past their caps, XML
// that is malformed or declares a DOCTYPE (entity expansion), and zips that are not workbooks.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/result.hpp"

namespace yt {

struct XlsxLimits {
    std::size_t max_entry = std::size_t{512} << 20;   // uncompressed bytes of one part
    std::size_t max_total = std::size_t{1} << 30;     // uncompressed bytes of all parts read
    std::size_t max_ratio = 200;                      // uncompressed / compressed, parts over 1 MiB
    std::size_t max_strings = 4'000'000;              // shared strings
    std::size_t max_string_bytes = std::size_t{256} << 20;  // their text
    std::size_t max_cell_bytes = 32767;               // Excel's own cell limit
    int max_columns = 16384;                          // XFD
    int max_rows = 1048576;
};

// True for a zip ("PK\3\4") or an OLE compound file (D0 CF 11 E0 …): what Excel writes.
bool is_workbook(std::string_view bytes);

struct WorkbookCsv {
    std::string text;                 // UTF-8 CSV, comma-separated, "\n" line ends, no BOM
    std::vector<std::string> sheets;  // worksheet names in workbook order (chart sheets left out)
    std::string sheet;                // the sheet read
    int rows = 0, columns = 0;        // its used range (from A1)
};

// `sheet`: "" = the first visible worksheet; else a sheet name or a 1-based number.
// Errors (all io.*): xlsx_encrypted, xls_file, xlsx_corrupt {part}, xlsx_zip64,
// xlsx_compression {method}, xlsx_too_large {part, MiB}, xlsx_zip_bomb {part, ratio},
// xlsx_too_many_strings {count, cap}, xlsx_bad_xml {part, line, reason}, xlsx_not_workbook,
// xlsx_no_sheet {sheet, names}, xlsx_cell_too_long {cell}.
Result<WorkbookCsv> workbook_to_csv(std::string_view bytes, std::string_view sheet = {},
                                    const XlsxLimits& limits = {});

// The worksheet names only (reads the workbook part, not the sheets). Same errors.
Result<std::vector<std::string>> workbook_sheets(std::string_view bytes, const XlsxLimits& limits = {});

namespace xlsx {
// Exposed for tests: an Excel serial day number as text ("2024-03-05", "2024-03-05 14:30:00").
std::string serial_to_text(double serial, bool date1904);
// True when an Excel number format code shows a date or time.
bool is_date_format(std::string_view code);
// A number cell's stored text in its shortest form with at most 15 significant digits.
std::string number_text(std::string_view stored);
}  // namespace xlsx

}  // namespace yt
