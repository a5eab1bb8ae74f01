// layout.hpp — what an order file looks like: encoding, dialect, header row, title rows, column
// mapping, guessed from a sample of its start (internal to the importer; see importer.hpp).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/columns.hpp"
#include "core/io/csv_reader.hpp"
#include "core/io/encoding.hpp"
#include "core/io/importer.hpp"
#include "core/model/result.hpp"

namespace yt::io {

inline constexpr std::size_t kSampleRaw = 256 * 1024;  // bytes looked at for detection
inline constexpr std::size_t kSampleRows = 200;        // data rows kept for detection and preview

struct Layout {
    DetectedEncoding enc;
    Dialect dialect;
    bool has_header = false;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // sample data rows
    int columns = 0;                             // widest sample row (header included)
    std::size_t title_rows = 0;                  // one-cell rows before the header ("订单列表")
    std::size_t modal_fields = 0;
    ColumnMapping mapping;
    double raw_bytes_per_record = 32;
};

// Errors: io.empty_file, io.binary_file, io.spreadsheet_file, io.header_only, io.bad_option.
// The mapping may be incomplete (see missing_keys).
Result<Layout> detect_layout(std::string_view input, const ImportOptions& opt);
std::vector<std::string> missing_keys(const ColumnMapping& m);
Preview make_preview(const Layout& lay, int rows);

// Cell helpers shared with the importer.
bool has_high_byte(std::string_view s);
bool is_blank(const FieldList& f);
// A cell as an error argument or preview text: valid UTF-8 (invalid bytes -> U+FFFD), no control
// characters, at most about `max` bytes.
std::string safe_text(std::string_view s, std::size_t max = 64);
// Excel's way of keeping leading zeros: ="0001" -> 0001.
inline std::string_view strip_excel_text(std::string_view s) {
    if (s.size() >= 3 && s[0] == '=' && s[1] == '"' && s.back() == '"') return s.substr(2, s.size() - 3);
    return s;
}

}  // namespace yt::io
