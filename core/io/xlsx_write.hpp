// xlsx_write.hpp — a minimal .xlsx writer for exports people open in Excel (tier lists, the
// calendar): one worksheet, text as inline strings, numbers as numbers, parts deflated (zlib).
//
//   std::string bytes = yt::csv_to_xlsx(csv_text, "分层名单");   // any export CsvWriter made
// Text cells get the same formula guard as CSV exports (csv_guard_formula: a leading = + - @ gets
// a ' in front) — already applied when the text comes from a CsvWriter. Characters XML cannot
// hold (control characters other than tab and line ends) are dropped.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace yt {

struct XlsxCell {
    std::string text;     // the text, or the number's text when `number`
    bool number = false;  // written as a number cell (text must be a plain decimal number)
};

// A workbook with one sheet holding `rows`. Text cells are written as given (guard them first).
std::string write_xlsx(const std::vector<std::vector<XlsxCell>>& rows, std::string_view sheet_name);

// A CSV text (UTF-8, optional BOM, RFC 4180 quoting, any line ends) as a workbook. A field is a
// number when it is a plain decimal ("-12.5", "3") that Excel keeps exactly: no leading zeros
// ("00123" stays text), at most 15 digits (longer ids and phone numbers stay text).
std::string csv_to_xlsx(std::string_view csv, std::string_view sheet_name);

// The export's file name with ".xlsx" for its ".csv" (or added).
std::string xlsx_file_name(std::string_view csv_name);

inline constexpr const char* kXlsxMime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace yt
