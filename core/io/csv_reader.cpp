// csv_reader.cpp — the record/field splitter and the delimiter guess (see csv_reader.hpp).
//
// Hand-written: no Debian CSV library builds for wasm with the core's no-dependency rule, and the
// importer's speed target (>= 300 MB/s) needs a splitter that returns views, not strings.
#include "core/io/csv_reader.hpp"

#include <algorithm>
#include <cstring>

#include "core/io/prefetch.hpp"

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
    // For each candidate: the most common non-zero count per line and the share of lines having
    // exactly that count. The best share wins (a title line above the header only lowers it a
    // little), then the larger count, then the order below.
    const char kCandidates[] = {'\t', ',', ';', '|'};
    double best_share = 0;
    int best_count = 0;
    for (char c : kCandidates) {
        std::vector<int> counts;
        for (auto l : lines) counts.push_back(count_delims(l, c));
        int mode = 0;
        std::size_t mode_n = 0;
        for (int k : counts) {
            if (k == 0) continue;
            const auto n = static_cast<std::size_t>(std::count(counts.begin(), counts.end(), k));
            if (n > mode_n || (n == mode_n && k > mode)) { mode = k; mode_n = n; }
        }
        if (mode == 0) continue;
        const double share = static_cast<double>(mode_n) / static_cast<double>(lines.size());
        if (share > best_share || (share == best_share && mode > best_count)) {
            best.delimiter = c;
            best_share = share;
            best_count = mode;
        }
    }
    if (best_share >= 0.5) return best;
    std::size_t ws_lines = 0;
    for (auto l : lines) ws_lines += count_ws_fields(l) >= 2;
    Dialect fallback;
    if (ws_lines * 5 >= lines.size() * 4) fallback.whitespace = true;
    else if (best_count > 0) fallback = best;
    return fallback;
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
            if (*at == '\n') {
                put(s, at > s && at[-1] == '\r' ? at - 1 : at);  // CRLF
                nfields_ = n;
                return at + 1;
            }
            put(s, at);
            s = at + 1;
        }
        q += 8;
    }
    for (; q < limit; ++q) {
        if (*q == '\n') {
            put(s, q > s && q[-1] == '\r' ? q - 1 : q);
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

const char* RecordReader::split_clean_ws(const char* p, const char* limit, bool last) {
    std::size_t n = 0;
    auto put = [&](const char* s, const char* e) {
        if (n == fields_.size()) fields_.resize(fields_.size() * 2 + 16);
        fields_[n++] = std::string_view(s, static_cast<std::size_t>(e - s));
    };
    const char* q = p;
    for (;;) {
        while (q < limit && (*q == ' ' || *q == '\t' || *q == '\r')) ++q;
        if (q == limit) {
            if (!last) return nullptr;
            if (n == 0) put(q, q);
            nfields_ = n;
            return limit;
        }
        if (*q == '\n') {
            if (n == 0) put(q, q);
            nfields_ = n;
            return q + 1;
        }
        const char* s = q;
        while (q < limit && !stop_[static_cast<unsigned char>(*q)]) ++q;  // no quote here: stops are ws, CR, LF
        put(s, q);
    }
}

void RecordReader::update_clean(std::string_view text, std::size_t pos) {
    constexpr std::size_t kWindow = 1 << 20;  // look this far ahead at most
    const char* const b = text.data();
    if (b != clean_text_ || text.size() != clean_size_) {
        clean_text_ = b;
        clean_size_ = text.size();
        clean_to_ = 0;
    }
    if (pos < clean_to_) return;  // the last search still holds
    // One pass for both bytes, eight at a time (a libc memchr per byte value would read the text
    // twice, and in wasm it reads four bytes at a time); each search resumes where the last one
    // stopped being valid, so a file is scanned once.
    constexpr std::uint64_t qpat = 0x0101010101010101ull * static_cast<unsigned char>('"');
    constexpr std::uint64_t rpat = 0x0101010101010101ull * static_cast<unsigned char>('\r');
    constexpr std::uint64_t lpat = 0x0101010101010101ull * static_cast<unsigned char>('\n');
    const char* const e = b + std::min(text.size(), pos + kWindow);
    const char* p = b + pos;
    for (;;) {
        // 64 bytes a step while none is a quote or a lone CR (the usual case: one test per step),
        // then 8 at a time to the byte. A step with a CR tests each CR against the byte after it
        // (a second load one byte on), so CRLF line ends do not stop the steps. This is the first
        // read of the text: asked for ahead.
        while (e - p > 64) {
            prefetch_ahead(p, e);
            std::uint64_t quote = 0, cr = 0;
            for (int k = 0; k < 8; ++k) {
                std::uint64_t w;
                std::memcpy(&w, p + 8 * k, 8);
                quote |= zero_bytes(w ^ qpat);
                cr |= zero_bytes(w ^ rpat);
            }
            if (cr) {
                cr = 0;
                for (int k = 0; k < 8; ++k) {
                    std::uint64_t w, next;
                    std::memcpy(&w, p + 8 * k, 8);
                    std::memcpy(&next, p + 8 * k + 1, 8);
                    cr |= zero_bytes(w ^ rpat) & ~zero_bytes(next ^ lpat);
                }
            }
            if (quote | cr) break;
            p += 64;
        }
        for (; e - p >= 8; p += 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            if (const std::uint64_t m = zero_bytes(w ^ qpat) | zero_bytes(w ^ rpat)) {
                p += lowest_byte(m);
                break;
            }
        }
        while (p < e && *p != '"' && *p != '\r') ++p;
        if (p < e && *p == '\r' && p + 1 < b + text.size() && p[1] == '\n') {  // CRLF: fine
            ++p;
            continue;
        }
        break;
    }
    clean_to_ = static_cast<std::size_t>(p - b);
}

RecordReader::Got RecordReader::next(std::string_view text, std::size_t& pos, bool eof) {
    const char* const b = text.data();
    const char* const e = b + text.size();
    const char* p = b + pos;
    if (p >= e) return eof ? Got::End : Got::NeedMore;
    {
        // Fast path: text known to hold no quote and no lone CR (CRLF is fine) is split on the
        // delimiter (or runs of spaces and tabs) and LF alone.
        update_clean(text, pos);
        if (pos < clean_to_) {
            const char* limit = b + clean_to_;
            const bool last = limit == e && eof;
            if (const char* after = dialect_.whitespace ? split_clean_ws(p, limit, last) : split_clean(p, limit, last)) {
                unclosed_ = false;
                record_line_ = line_;
                line_ += after[-1] == '\n' ? 1 : 0;
                pos = static_cast<std::size_t>(after - b);
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
