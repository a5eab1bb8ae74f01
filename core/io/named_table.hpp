// named_table.hpp — reading a small exported table whose columns are found by header name.
//
// The readers of side files (a WeCom group-statistics export, a warehouse's per-customer CLV
// summary) share the same steps: decode the bytes (UTF-8, UTF-16, GB18030 detected), detect the
// delimiter, skip blank records, find each key's column from a list of header aliases, read a
// key's trimmed cell, refuse a cell with undecodable bytes, and name the line, column and header
// in every error. The order importer (importer.hpp) has its own, faster path.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/csv_reader.hpp"
#include "core/model/result.hpp"

namespace yt::io {

// One key and its header names (normalised as normalise_header does: lower case, no spaces, _,
// brackets), '|'-separated.
struct HeaderAlias {
    const char* key;
    const char* names;
};

// Where each key's column is in one file.
class NamedColumns {
public:
    NamedColumns(const HeaderAlias* aliases, int keys, std::string file_name);
    // Reads a header row: each key's column is the first cell naming it. Returns how many keys were found.
    int match(const FieldList& f);
    bool has(int key) const { return col_[static_cast<std::size_t>(key)] >= 0; }
    int column(int key) const { return col_[static_cast<std::size_t>(key)]; }
    const std::vector<std::string>& header() const { return header_; }
    // The keys found, in key order.
    std::vector<std::string> found() const;
    // The names of the keys in [0, n) that were not found, ", "-separated ("" when all were).
    std::string missing(int n) const;
    // Key k's trimmed cell in record f ("" when the column is absent or the record short).
    std::string_view cell(const FieldList& f, int key) const;
    // The error location of key k's cell on `line`.
    Location where(int line, int key) const;
    // io.bad_encoding for the first keyed cell of f holding an undecodable byte; ok otherwise.
    Status decodable(const FieldList& f, int line) const;

private:
    const HeaderAlias* aliases_;
    int keys_;
    std::string file_;
    std::vector<int> col_;
    std::vector<std::string> header_;
};

// A cell as an error argument: trimmed, at most 64 bytes of valid UTF-8.
std::string cell_arg(std::string_view cell);

using RecordFn = std::function<Status(const FieldList&, int)>;

// Decodes `bytes`, detects the delimiter and calls fn(fields, line) for every non-blank record
// (line: 1-based), stopping at the first error fn returns. Returns the encoding's name.
// Errors: io.empty_file, io.binary_file, io.spreadsheet_file, io.bad_encoding, and fn's.
Result<std::string> for_each_record(std::string_view bytes, const std::string& file_name, const RecordFn& fn);

// The same walk in parts, so a large table is read a part per frame: start() decodes the bytes
// (kept by the caller until the walk ends; UTF-16/GB18030 are decoded into the walk) and detects
// the delimiter; each step() reads up to `records` records (blank ones not counted).
class RecordWalk {
public:
    static Result<RecordWalk> start(std::string_view bytes, const std::string& file_name);
    // Calls fn for the next records; true while records are left. Errors: fn's.
    Result<bool> step(std::size_t records, const RecordFn& fn);
    double progress() const { return body_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(body_.size()); }
    const std::string& encoding() const { return encoding_; }
    // About how many records the text holds (from the line length of its first 64 KB), for reserving.
    std::size_t estimated_records() const;

private:
    RecordWalk() = default;
    std::shared_ptr<const std::string> decoded_;  // the decoded text (its address stays when the walk moves)
    std::string_view body_;
    std::string encoding_;
    RecordReader reader_;
    std::size_t pos_ = 0;
};

}  // namespace yt::io
