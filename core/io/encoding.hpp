// encoding.hpp — text encodings of imported files: detection and incremental decoding to UTF-8.
//
// Handles what Chinese spreadsheets write: UTF-8 (with or without BOM), UTF-16 LE/BE (Excel's
// "Unicode text", with a BOM; without one it is recognised by its zero bytes) and GB18030/GBK
// (Chinese Excel's "CSV"). Decoders never fail: an invalid sequence becomes the byte 0xFF, which
// is never valid UTF-8, so the importer rejects exactly the rows that contain one.
// Hand-written (not iconv): the core depends on the standard library only, and Emscripten's
// musl iconv decodes 4-byte GB18030 codes above U+FFFF wrongly.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/result.hpp"

namespace yt {

enum class Encoding { Auto = 0, Utf8, Utf16LE, Utf16BE, Gb18030 };

// "auto", "utf-8", "utf-16le", "utf-16be", "gb18030".
const char* encoding_name(Encoding e);
// Accepts the names above and common aliases (utf8, gbk, gb2312, cp936, ucs-2le ...), any case.
std::optional<Encoding> parse_encoding(std::string_view s);

struct DetectedEncoding {
    Encoding encoding = Encoding::Utf8;
    std::size_t bom = 0;  // bytes of byte-order mark to skip
};

// Looks at the start of `bytes` (and, for ASCII-only starts, at the first non-ASCII byte).
// Errors: io.empty_file, io.binary_file, io.spreadsheet_file (xlsx/xls given instead of CSV).
// `forced` != Auto skips the guess but still skips a matching BOM.
Result<DetectedEncoding> detect_encoding(std::string_view bytes, Encoding forced = Encoding::Auto);

namespace io {

inline constexpr char kBadByte = '\xFF';  // marks an undecodable input sequence in decoded text

// Appends UTF-8 for code point `cp` (assumed valid) to `out`.
void append_utf8(std::string& out, std::uint32_t cp);

// Length of the longest prefix of `s` that is valid UTF-8; s.size() when all of it is.
std::size_t utf8_valid_prefix(std::string_view s);
inline bool is_valid_utf8(std::string_view s) { return utf8_valid_prefix(s) == s.size(); }
// Number of invalid sequences (each counted once, resynchronising on the next byte).
std::size_t utf8_error_count(std::string_view s);
// Number of invalid GB18030 sequences in `s`.
std::size_t gb18030_error_count(std::string_view s);

// Decodes `in` (UTF-16LE/BE or GB18030) and appends UTF-8 to `out`. Returns the number of input
// bytes consumed: all of them when `final`, else it stops before a sequence cut by the end.
std::size_t decode_append(Encoding enc, std::string_view in, bool final, std::string& out);

// A whole file as UTF-8 text: the encoding detected (errors as detect_encoding), the BOM skipped,
// UTF-16/GB18030 decoded into `storage`. The text views `bytes` (UTF-8) or `storage`.
Result<Encoding> whole_text(std::string_view bytes, std::string& storage, std::string_view& text);

// Decodes one GB18030 sequence at the start of `in`. Returns its length (1, 2 or 4) and sets `cp`
// (cp = 0xFFFFFFFF when invalid; the length is then 1). Returns 0 when `in` ends inside a sequence.
std::size_t gb18030_decode_one(std::string_view in, std::uint32_t& cp);

}  // namespace io
}  // namespace yt
