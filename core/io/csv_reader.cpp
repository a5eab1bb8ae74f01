// csv_reader.cpp — the record/field splitter and the delimiter guess (see csv_reader.hpp).
//
// Hand-written: no Debian CSV library builds for wasm with the core's no-dependency rule, and the
// importer's speed target (>= 300 MB/s) needs a splitter that returns views, not strings.
#include "core/io/csv_reader.hpp"

#include <algorithm>
#include <cstring>

namespace yt::io {

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t'; }

// Fields of one line split by `delim` outside double quotes (quotes toggled per line).
int count_delims(std::string_view line, char delim) {
    int n = 0;
    bool q = false;
    for (char c : line) {
        if (c == '"') q = !q;
        else if (c == delim && !q) ++n;
    }
    return n;
}

int count_ws_fields(std::string_view line) {
    int n = 0;
    bool in = false;
    for (char c : line) {
        if (is_ws(c)) in = false;
        else if (!in) { in = true; ++n; }
    }
    return n;
}

}  // namespace

const char* dialect_name(const Dialect& d) {
    if (d.whitespace) return "whitespace";
    switch (d.delimiter) {
        case '\t': return "tab";
        case ';': return "semicolon";
        case '|': return "pipe";
        default: return "comma";
    }
}

std::optional<Dialect> parse_dialect(std::string_view s) {
    Dialect d;
    if (s == "comma" || s == ",") d.delimiter = ',';
    else if (s == "tab" || s == "\t" || s == "\\t" || s == "tsv") d.delimiter = '\t';
    else if (s == "semicolon" || s == ";") d.delimiter = ';';
    else if (s == "pipe" || s == "|") d.delimiter = '|';
    else if (s == "whitespace" || s == "space" || s == " ") d.whitespace = true;
    else return std::nullopt;
    return d;
}

Dialect detect_dialect(std::string_view sample, bool complete) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos < sample.size() && lines.size() < 30) {
        std::size_t nl = sample.find('\n', pos);
        if (nl == std::string_view::npos) {
            if (!complete) break;
            nl = sample.size();
        }
        std::string_view line = sample.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        bool blank = true;
        for (char c : line) if (!is_ws(c)) { blank = false; break; }
        if (!blank) lines.push_back(line);
        pos = nl + 1;
    }
    Dialect best;
    if (lines.empty()) return best;
    const char kCandidates[] = {'\t', ',', ';', '|'};
    int best_count = 0;
    for (char c : kCandidates) {  // all lines agree on a count >= 1: take the largest
        const int k = count_delims(lines[0], c);
        if (k < 1 || k <= best_count) continue;
        bool same = true;
        for (auto l : lines) if (count_delims(l, c) != k) { same = false; break; }
        if (same) { best.delimiter = c; best_count = k; }
    }
    if (best_count > 0) return best;
    // No exact agreement: a delimiter present on most lines.
    std::size_t best_lines = 0;
    for (char c : kCandidates) {
        std::size_t n = 0;
        for (auto l : lines) n += count_delims(l, c) > 0;
        if (n * 5 >= lines.size() * 4 && n > best_lines) { best.delimiter = c; best_lines = n; }
    }
    if (best_lines > 0) return best;
    std::size_t ws_lines = 0;
    for (auto l : lines) ws_lines += count_ws_fields(l) >= 2;
    if (ws_lines * 5 >= lines.size() * 4) best.whitespace = true;
    return best;
}

RecordReader::RecordReader(Dialect d) : dialect_(d) {
    std::memset(stop_, 0, sizeof stop_);
    const char ws_stops[] = {' ', '\t', '\n', '\r', '"'};
    const char delim_stops[] = {d.delimiter, '\n', '\r', '"'};
    const char* stops = d.whitespace ? ws_stops : delim_stops;
    const int n = d.whitespace ? 5 : 4;
    for (int i = 0; i < n; ++i) {
        stop_[static_cast<unsigned char>(stops[i])] = 1;
        pat_[i] = 0x0101010101010101ull * static_cast<unsigned char>(stops[i]);
    }
    npat_ = n;
    dpat_ = 0x0101010101010101ull * static_cast<unsigned char>(d.delimiter);
    fields_.resize(16);
}

const char* RecordReader::find_stop(const char* p, const char* e) const {
    // Eight bytes at a time: a stop byte makes some byte of w ^ pattern zero.
    while (e - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        std::uint64_t hit = 0;
        for (int k = 0; k < npat_; ++k) {
            const std::uint64_t x = w ^ pat_[k];
            hit |= (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
        }
        if (hit) break;  // the byte loop below finds it within these 8 bytes
        p += 8;
    }
    while (p < e && !stop_[static_cast<unsigned char>(*p)]) ++p;
    return p;
}

namespace {

// 0x80 in each byte of the result where x has a zero byte; exact (no borrow between bytes).
inline std::uint64_t zero_bytes(std::uint64_t x) {
    constexpr std::uint64_t k7f = 0x7F7F7F7F7F7F7F7Full;
    return ~(((x & k7f) + k7f) | x | k7f);
}

inline int lowest_byte(std::uint64_t m) {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctzll(m) >> 3;
#else
    int i = 0;
    while (!(m & 0x80)) { m >>= 8; ++i; }
    return i;
#endif
}

}  // namespace

bool RecordReader::split_simple(const char* p, const char* end) {
    // Locals, not members, in the loop: the compiler cannot keep members in registers across
    // the stores into fields_.
    std::string_view* out = fields_.data();
    std::size_t n = 0, cap = fields_.size();
    const std::uint64_t dpat = dpat_;
    const char delim = dialect_.delimiter;
    constexpr std::uint64_t qpat = 0x0101010101010101ull * static_cast<unsigned char>('"');
    constexpr std::uint64_t rpat = 0x0101010101010101ull * static_cast<unsigned char>('\r');
    auto put = [&](const char* s, const char* e) {
        if (n == cap) {
            fields_.resize(cap * 2 + 16);
            out = fields_.data();
            cap = fields_.size();
        }
        out[n++] = std::string_view(s, static_cast<std::size_t>(e - s));
    };
    const char* s = p;
    const char* q = p;
    while (end - q >= 8) {  // little-endian: byte i of the word is q[i]
        std::uint64_t w;
        std::memcpy(&w, q, 8);
        if (zero_bytes(w ^ qpat) | zero_bytes(w ^ rpat)) return false;
        for (std::uint64_t m = zero_bytes(w ^ dpat); m != 0; m &= m - 1) {
            const char* at = q + lowest_byte(m);
            put(s, at);
            s = at + 1;
        }
        q += 8;
    }
    for (; q < end; ++q) {
        const char c = *q;
        if (c == '"' || c == '\r') return false;
        if (c == delim) {
            put(s, q);
            s = q + 1;
        }
    }
    put(s, end);
    nfields_ = n;
    return true;
}

const char* RecordReader::split_clean(const char* p, const char* limit, bool last) {
    std::string_view* out = fields_.data();
    std::size_t n = 0, cap = fields_.size();
    const std::uint64_t dpat = dpat_;
    const char delim = dialect_.delimiter;
    constexpr std::uint64_t npat = 0x0101010101010101ull * static_cast<unsigned char>('\n');
    auto put = [&](const char* s, const char* e) {
        if (n == cap) {
            fields_.resize(cap * 2 + 16);
            out = fields_.data();
            cap = fields_.size();
        }
        out[n++] = std::string_view(s, static_cast<std::size_t>(e - s));
    };
    const char* s = p;
    const char* q = p;
    while (limit - q >= 8) {
        std::uint64_t w;
        std::memcpy(&w, q, 8);
        for (std::uint64_t m = zero_bytes(w ^ dpat) | zero_bytes(w ^ npat); m != 0; m &= m - 1) {
            const char* at = q + lowest_byte(m);
            put(s, at);
            if (*at == '\n') {
                nfields_ = n;
                return at + 1;
            }
            s = at + 1;
        }
        q += 8;
    }
    for (; q < limit; ++q) {
        if (*q == '\n') {
            put(s, q);
            nfields_ = n;
            return q + 1;
        }
        if (*q == delim) {
            put(s, q);
            s = q + 1;
        }
    }
    if (!last) return nullptr;
    put(s, limit);
    nfields_ = n;
    return limit;
}

RecordReader::Got RecordReader::next(std::string_view text, std::size_t& pos, bool eof) {
    const char* const b = text.data();
    const char* const e = b + text.size();
    const char* p = b + pos;
    if (p >= e) return eof ? Got::End : Got::NeedMore;
    if (!dialect_.whitespace) {
        // Fastest path: a stretch of text known to hold no quote and no CR.
        if (b != clean_text_ || text.size() != clean_size_ || pos < clean_from_ || pos >= clean_to_) {
            constexpr std::size_t kWindow = 1 << 20;
            const std::size_t to = std::min(text.size(), pos + kWindow);
            const char* stop = b + to;
            if (const void* q = std::memchr(p, '"', static_cast<std::size_t>(stop - p))) stop = static_cast<const char*>(q);
            if (const void* r = std::memchr(p, '\r', static_cast<std::size_t>(stop - p))) stop = static_cast<const char*>(r);
            clean_text_ = b;
            clean_size_ = text.size();
            clean_from_ = pos;
            clean_to_ = static_cast<std::size_t>(stop - b);
        }
        if (pos < clean_to_) {
            const char* limit = b + clean_to_;
            if (const char* after = split_clean(p, limit, limit == e && eof)) {
                unclosed_ = false;
                record_line_ = line_;
                line_ += after[-1] == '\n' ? 1 : 0;
                pos = static_cast<std::size_t>(after - b);
                return Got::Record;
            }
        }
        // Fast path: a line without quotes or stray CRs is split on the delimiter alone.
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)));
        if (nl != nullptr || eof) {
            const char* end = nl ? nl : e;
            if (end > p && end[-1] == '\r') --end;
            if (split_simple(p, end)) {
                unclosed_ = false;
                record_line_ = line_;
                line_ += nl ? 1 : 0;
                pos = static_cast<std::size_t>((nl ? nl + 1 : e) - b);
                return Got::Record;
            }
        }
    }
    nfields_ = 0;
    fixups_.clear();
    scratch_.clear();
    unclosed_ = false;
    int newlines = 0;
    const bool ws = dialect_.whitespace;
    const char delim = dialect_.delimiter;
    if (ws) while (p < e && is_ws(*p)) ++p;
    for (;;) {
        // One field.
        if (p < e && *p == '"') {
            const char* q = p + 1;
            const char* seg = q;
            bool copied = false;
            const std::size_t off = scratch_.size();
            const char* close;
            for (;;) {
                const char* x = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(e - q)));
                if (x == nullptr) {
                    if (!eof) return Got::NeedMore;
                    unclosed_ = true;
                    close = e;
                    break;
                }
                if (x + 1 == e && !eof) return Got::NeedMore;
                if (x + 1 < e && x[1] == '"') {  // doubled quote
                    scratch_.append(seg, x + 1);
                    copied = true;
                    q = x + 2;
                    seg = q;
                    continue;
                }
                close = x;
                break;
            }
            newlines += static_cast<int>(std::count(p, close, '\n'));
            p = close == e ? e : close + 1;
            // Text between the closing quote and the delimiter is kept (lenient, like Excel).
            const char* junk = p;
            while (p < e && !(stop_[static_cast<unsigned char>(*p)] && *p != '"')) ++p;
            if (copied || p != junk) {
                scratch_.append(seg, close);
                scratch_.append(junk, p);
                fixups_.push_back({nfields_, off});
                push(scratch_.data(), scratch_.size() - off);  // pointer fixed up at the end
            } else {
                push(seg, static_cast<std::size_t>(close - seg));
            }
        } else {
            const char* s = p;
            for (;;) {
                p = find_stop(p, e);
                if (p < e && *p == '"') { ++p; continue; }  // a quote inside an unquoted field is text
                break;
            }
            push(s, static_cast<std::size_t>(p - s));
        }
        // Between fields.
        if (p == e) {
            if (!eof) return Got::NeedMore;
            break;
        }
        char c = *p;
        if (ws) {
            if (is_ws(c)) {
                while (p < e && is_ws(*p)) ++p;
                if (p == e) {
                    if (!eof) return Got::NeedMore;
                    break;
                }
                c = *p;
                if (c != '\n' && c != '\r') continue;
            }
        } else if (c == delim) {
            ++p;
            continue;
        }
        if (c == '\n') {
            ++p;
            ++newlines;
            break;
        }
        if (c == '\r') {
            ++p;
            if (p == e && !eof) return Got::NeedMore;
            if (p < e && *p == '\n') ++p;
            ++newlines;
            break;
        }
        ++p;  // not reached: an unquoted field stops only at stop bytes
    }
    for (const auto& [index, off] : fixups_) fields_[index] = std::string_view(scratch_.data() + off, fields_[index].size());
    record_line_ = line_;
    line_ += newlines;
    pos = static_cast<std::size_t>(p - b);
    return Got::Record;
}

}  // namespace yt::io
