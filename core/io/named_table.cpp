// named_table.cpp — header-matched reading of small exported tables (see named_table.hpp).
#include "core/io/named_table.hpp"

#include <algorithm>

#include "core/io/columns.hpp"
#include "core/io/encoding.hpp"
#include "core/io/layout.hpp"
#include "core/io/values.hpp"

namespace yt::io {

NamedColumns::NamedColumns(const HeaderAlias* aliases, int keys, std::string file_name)
    : aliases_(aliases), keys_(keys), file_(std::move(file_name)), col_(static_cast<std::size_t>(keys), -1) {}

int NamedColumns::match(const FieldList& f) {
    header_.clear();
    col_.assign(static_cast<std::size_t>(keys_), -1);
    int n = 0;
    for (const auto& c : f) header_.emplace_back(trim_cell(c));
    for (int c = 0; c < static_cast<int>(header_.size()); ++c) {
        const std::string name = normalise_header(header_[static_cast<std::size_t>(c)]);
        for (int k = 0; k < keys_; ++k) {
            if (!header_in_list(name, aliases_[k].names)) continue;
            if (col_[static_cast<std::size_t>(k)] < 0) {
                col_[static_cast<std::size_t>(k)] = c;
                ++n;
            }
            break;
        }
    }
    return n;
}

std::vector<std::string> NamedColumns::found() const {
    std::vector<std::string> out;
    for (int k = 0; k < keys_; ++k)
        if (has(k)) out.push_back(aliases_[k].key);
    return out;
}

std::string NamedColumns::missing(int n) const {
    std::string out;
    for (int k = 0; k < n && k < keys_; ++k)
        if (!has(k)) out += std::string(out.empty() ? "" : ", ") + aliases_[k].key;
    return out;
}

std::string_view NamedColumns::cell(const FieldList& f, int key) const {
    const int c = column(key);
    return c >= 0 && c < static_cast<int>(f.size()) ? trim_cell(f[static_cast<std::size_t>(c)]) : std::string_view();
}

Location NamedColumns::where(int line, int key) const {
    const int c = key >= 0 && key < keys_ ? column(key) : -1;
    return Location{file_, line, c + 1, c >= 0 && c < static_cast<int>(header_.size()) ? header_[static_cast<std::size_t>(c)] : ""};
}

Status NamedColumns::decodable(const FieldList& f, int line) const {
    for (int k = 0; k < keys_; ++k)
        if (cell(f, k).find(kBadByte) != std::string_view::npos) return Error("io.bad_encoding", {cell_arg(cell(f, k))}, where(line, k));
    return ok_status();
}

std::string cell_arg(std::string_view cell) { return safe_text(trim_cell(cell)); }

Result<std::string> for_each_record(std::string_view bytes, const std::string& file_name, const RecordFn& fn) {
    auto walk = RecordWalk::start(bytes, file_name);
    if (!walk) return walk.error();
    for (;;) {
        auto more = walk->step(std::size_t(-1), fn);
        if (!more) return more.error();
        if (!*more) return walk->encoding();
    }
}

Result<RecordWalk> RecordWalk::start(std::string_view bytes, const std::string& file_name) {
    RecordWalk w;
    auto text = std::make_shared<std::string>();
    const auto enc = whole_text(bytes, *text, w.body_);
    if (!enc) return Error(enc.error().code, enc.error().args, Location{file_name, 0, 0, ""});
    if (!text->empty()) w.decoded_ = std::move(text);  // body_ views it (the heap text keeps its address)
    w.encoding_ = encoding_name(*enc);
    w.reader_ = RecordReader(detect_dialect(w.body_, true));
    return w;
}

std::size_t RecordWalk::estimated_records() const {
    const std::size_t sample = std::min<std::size_t>(body_.size(), 64u << 10);
    const auto lines = static_cast<std::size_t>(std::count(body_.begin(), body_.begin() + static_cast<std::ptrdiff_t>(sample), '\n'));
    if (lines == 0) return 1;
    return body_.size() / std::max<std::size_t>(1, sample / lines) + 1;
}

Result<bool> RecordWalk::step(std::size_t records, const RecordFn& fn) {
    for (std::size_t n = 0; n < records;) {
        if (reader_.next(body_, pos_, true) != RecordReader::Got::Record) return false;
        const FieldList f = reader_.fields();
        if (is_blank(f)) continue;
        Status st = fn(f, reader_.record_line());
        if (!st) return st.error();
        ++n;
    }
    return pos_ < body_.size();
}

}  // namespace yt::io
