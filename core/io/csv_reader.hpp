// csv_reader.hpp — splitting decoded UTF-8 text into records and fields (CSV/TSV/whitespace).
//
// RFC 4180 quoting (quoted fields with delimiters, doubled quotes, line breaks inside quotes) for
// every dialect; CR, LF and CRLF line ends. Fields are views into the text (or into the reader's
// scratch buffer for fields that needed unescaping): no allocation per field. The reader is
// incremental: given text that ends mid-record and eof = false it consumes nothing and says so.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yt::io {

struct Dialect {
    char delimiter = ',';     // ',', '\t', ';' or '|'; ignored when whitespace
    bool whitespace = false;  // fields separated by runs of spaces/tabs; leading ones ignored
};

// "comma", "tab", "semicolon", "pipe", "whitespace".
const char* dialect_name(const Dialect& d);
// Accepts those names and the characters themselves (",", "\t", "tab", "space", ...).
std::optional<Dialect> parse_dialect(std::string_view s);

// Guesses the dialect from the first lines of `sample` (`complete` = the sample is the whole
// text; otherwise its last, possibly cut, line is ignored).
Dialect detect_dialect(std::string_view sample, bool complete);

// The fields of the current record (views valid until the reader's next call).
struct FieldList {
    const std::string_view* p = nullptr;
    std::size_t n = 0;
    std::size_t size() const { return n; }
    bool empty() const { return n == 0; }
    const std::string_view& operator[](std::size_t i) const { return p[i]; }
    const std::string_view* begin() const { return p; }
    const std::string_view* end() const { return p + n; }
};

class RecordReader {
public:
    enum class Got { Record, NeedMore, End };

    explicit RecordReader(Dialect d = {});

    // Reads the record that starts at text[pos]. On Record, advances pos past it and fields()
    // holds its cells until the next call. NeedMore (only when !eof): the record is cut by the
    // end of `text`; nothing was consumed. End: pos == text.size() and eof.
    Got next(std::string_view text, std::size_t& pos, bool eof);

    FieldList fields() const { return FieldList{fields_.data(), nfields_}; }
    int record_line() const { return record_line_; }  // 1-based physical line where it started
    int next_line() const { return line_; }
    bool unclosed_quote() const { return unclosed_; }  // the last record hit the end inside quotes
    const Dialect& dialect() const { return dialect_; }
    // Call when the text passed to next() was changed in place (the reader caches a scan of it).
    void text_changed() { clean_text_ = nullptr; }

private:
    const char* find_stop(const char* p, const char* e) const;
    // Finds how far from pos the text holds no quote and no lone CR (sets clean_to_).
    void update_clean(std::string_view text, std::size_t pos);
    // Splits the record at p in quote- and CR-free text up to `limit`; returns the position after
    // its line end, or nullptr if none before `limit` (the end of the record when `last`).
    const char* split_clean(const char* p, const char* limit, bool last);
    // The same for the whitespace dialect: fields are runs of bytes other than space, tab, CR
    // and LF; a line without any is one empty field (as the general path reads it).
    const char* split_clean_ws(const char* p, const char* limit, bool last);

    Dialect dialect_;
    unsigned char stop_[256];   // bytes that end an unquoted field
    std::uint64_t pat_[5];      // the same bytes, each repeated 8 times
    int npat_ = 0;
    std::uint64_t dpat_ = 0;    // the delimiter repeated 8 times
    void push(const char* p, std::size_t n) {
        if (nfields_ == fields_.size()) fields_.resize(fields_.size() * 2 + 16);
        fields_[nfields_++] = std::string_view(p, n);
    }

    std::vector<std::string_view> fields_;  // the first nfields_ are the record's
    std::size_t nfields_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> fixups_;  // (field, offset in scratch_)
    std::string scratch_;
    // For the text (clean_text_, clean_size_): the first quote or lone CR at or after the last
    // position searched from (or the end of the window searched).
    const char* clean_text_ = nullptr;
    std::size_t clean_size_ = 0, clean_to_ = 0;
    int line_ = 1;
    int record_line_ = 1;
    bool unclosed_ = false;
};

}  // namespace yt::io
