// layout.cpp — detection of an order file's layout from a sample of its start (see layout.hpp):
// encoding, delimiter, title rows, header row, column mapping; and the preview built from it.
#include "core/io/layout.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>

#include "core/io/status.hpp"
#include "core/io/values.hpp"

namespace yt::io {

bool has_high_byte(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t acc = 0;
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        acc |= w;
    }
    for (; n > 0; ++p, --n) acc |= static_cast<unsigned char>(*p);
    return (acc & 0x8080808080808080ull) != 0;
}

bool is_blank(const FieldList& f) {
    for (auto v : f)
        if (!io::trim_cell(v).empty()) return false;
    return true;
}

std::string safe_text(std::string_view s, std::size_t max) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (out.size() >= max) {
            out += "\xE2\x80\xA6";  // …
            break;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c));
            ++i;
            continue;
        }
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + len <= s.size() && io::is_valid_utf8(s.substr(i, len))) {
            out.append(s.data() + i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

namespace {

std::vector<std::string> to_strings(const FieldList& f) {
    std::vector<std::string> out;
    out.reserve(f.size());
    for (auto v : f) out.push_back(safe_text(v, 1024));
    return out;
}

bool row_has_date(const std::vector<std::string>& r) {
    for (const auto& c : r)
        if (io::parse_order_date(c)) return true;
    return false;
}

bool first_row_is_header(const std::vector<std::vector<std::string>>& recs) {
    const auto& first = recs[0];
    if (row_has_date(first)) return false;
    for (const auto& c : first)
        if (!key_for_header(c).empty()) return true;
    // A column that is dates or amounts below the first row but not in it.
    for (std::size_t col = 0; col < first.size(); ++col) {
        std::size_t n = 0, typed = 0;
        for (std::size_t r = 1; r < recs.size(); ++r) {
            if (col >= recs[r].size() || io::trim_cell(recs[r][col]).empty()) continue;
            ++n;
            typed += io::parse_order_date(recs[r][col]) || io::parse_amount(recs[r][col]);
        }
        const std::string& h = first[col];
        if (n > 0 && typed * 10 >= n * 9 && !io::parse_order_date(h) && !io::parse_amount(h)) return true;
    }
    return false;
}

}  // namespace

Result<Layout> detect_layout(std::string_view input, const ImportOptions& opt) {
    Location where{opt.file_name, 0, 0, ""};
    auto fail = [&](const char* code, std::vector<std::string> args = {}) {
        return Error(code, std::move(args), where);
    };
    Layout lay;
    auto det = detect_encoding(input, opt.encoding);
    if (!det) return Error(det.error().code, det.error().args, where);
    lay.enc = *det;

    const std::string_view body = input.substr(lay.enc.bom);
    const bool complete = body.size() <= kSampleRaw;
    const std::string_view raw_sample = body.substr(0, kSampleRaw);
    std::string decoded;
    std::string_view sample = raw_sample;
    if (lay.enc.encoding != Encoding::Utf8) {
        io::decode_append(lay.enc.encoding, raw_sample, complete, decoded);
        sample = decoded;
    }
    if (io::trim_cell(sample).find_first_not_of("\r\n\t ,;|\f\v") == std::string_view::npos && complete)
        return fail("io.empty_file");

    if (!opt.delimiter.empty()) {
        auto d = io::parse_dialect(opt.delimiter);
        if (!d) return fail("io.bad_option", {"delimiter", opt.delimiter});
        lay.dialect = *d;
    } else {
        lay.dialect = io::detect_dialect(sample, complete);
    }

    RecordReader reader(lay.dialect);
    std::vector<std::vector<std::string>> recs;
    std::size_t pos = 0, used = 0;
    while (recs.size() <= kSampleRows) {
        if (reader.next(sample, pos, complete) != RecordReader::Got::Record) break;
        used = pos;
        if (is_blank(reader.fields())) continue;
        recs.push_back(to_strings(reader.fields()));
    }
    if (recs.empty()) return fail(complete ? "io.empty_file" : "io.missing_columns");
    if (used > 0 && !sample.empty())
        lay.raw_bytes_per_record = static_cast<double>(used) / static_cast<double>(recs.size()) *
                                   static_cast<double>(raw_sample.size()) / static_cast<double>(sample.size());

    // Exports often start with a title line ("订单导出 2024-03-05") above the header.
    auto filled = [](const std::vector<std::string>& r) {
        std::size_t n = 0;
        for (const auto& c : r) n += !io::trim_cell(c).empty();
        return n;
    };
    std::size_t one_cell = 0;
    while (one_cell < 5 && one_cell < recs.size() && filled(recs[one_cell]) <= 1) ++one_cell;
    if (one_cell < recs.size() && filled(recs[one_cell]) >= 2) lay.title_rows = one_cell;
    recs.erase(recs.begin(), recs.begin() + static_cast<std::ptrdiff_t>(lay.title_rows));

    switch (opt.header) {
        case HeaderMode::Yes: lay.has_header = true; break;
        case HeaderMode::No: lay.has_header = false; break;
        case HeaderMode::Auto: lay.has_header = first_row_is_header(recs); break;
    }
    if (lay.has_header) {
        lay.header = recs.front();
        recs.erase(recs.begin());
    }
    if (recs.empty() && complete) return fail(lay.has_header ? "io.header_only" : "io.empty_file");
    if (recs.size() > kSampleRows) recs.resize(kSampleRows);
    lay.rows = std::move(recs);

    std::map<std::size_t, std::size_t> widths;
    std::size_t widest = lay.header.size();
    for (const auto& r : lay.rows) {
        ++widths[r.size()];
        widest = std::max(widest, r.size());
    }
    lay.columns = static_cast<int>(widest);
    std::size_t best = 0;
    for (const auto& [w, n] : widths)
        if (n > best) { best = n; lay.modal_fields = w; }
    if (lay.has_header) lay.modal_fields = std::max(lay.modal_fields, lay.header.size());

    if (opt.mapping) {
        lay.mapping = *opt.mapping;
    } else {
        if (lay.has_header) lay.mapping = mapping_from_header(lay.header);
        guess_columns(lay.mapping, lay.rows);
        if (lay.has_header) prefer_unique_keys(lay.mapping, lay.header, lay.rows);
    }
    return lay;
}

std::vector<std::string> missing_keys(const ColumnMapping& m) {
    std::vector<std::string> out;
    if (m.customer < 0) out.push_back("customer");
    if (m.date < 0) out.push_back("date");
    if (m.amount < 0) out.push_back("amount");
    return out;
}

Preview make_preview(const Layout& lay, int rows) {
    Preview p;
    p.encoding = encoding_name(lay.enc.encoding);
    p.delimiter = io::dialect_name(lay.dialect);
    p.has_header = lay.has_header;
    p.header = lay.header;
    const std::size_t n = std::min(lay.rows.size(), static_cast<std::size_t>(std::max(rows, 0)));
    p.rows.assign(lay.rows.begin(), lay.rows.begin() + static_cast<std::ptrdiff_t>(n));
    p.columns = lay.columns;
    p.mapping = lay.mapping;
    p.column_keys.assign(static_cast<std::size_t>(std::max(lay.columns, lay.mapping.max_column() + 1)), "");
    for (const auto& key : mapping_keys()) {
        const int c = lay.mapping.column_of(key);
        if (c >= 0) p.column_keys[static_cast<std::size_t>(c)] = key;
    }
    p.missing = missing_keys(lay.mapping);
    for (int c = 0; c < static_cast<int>(p.column_keys.size()); ++c)
        if (p.column_keys[static_cast<std::size_t>(c)].empty()) p.ignored.push_back(c);
    p.warnings = mapping_warnings(lay.mapping, lay.header);
    if (lay.mapping.status >= 0) {
        const auto col = static_cast<std::size_t>(lay.mapping.status);
        for (const auto& r : lay.rows) {
            const std::string v = col < r.size() ? std::string(io::trim_cell(r[col])) : std::string();
            auto it = std::find_if(p.statuses.begin(), p.statuses.end(), [&](const StatusSample& s) { return s.value == v; });
            if (it == p.statuses.end()) p.statuses.push_back({v, classify_status(v), 1});
            else ++it->rows;
        }
        std::stable_sort(p.statuses.begin(), p.statuses.end(),
                         [](const StatusSample& a, const StatusSample& b) { return a.rows > b.rows; });
    }
    return p;
}

}  // namespace yt::io
