// encoding.cpp — encoding detection and decoders (UTF-8 checks, UTF-16 LE/BE, GB18030) to UTF-8.
//
// GB18030 is decoded with the generated tables in gb18030_table.cpp for the 2-byte codes and the
// BMP part of the 4-byte codes; 4-byte codes from 0x90308130 map linearly to U+10000..U+10FFFF.
#include "core/io/encoding.hpp"

#include <algorithm>
#include <cstring>

#include "core/io/gb18030_table.hpp"
#include "core/io/prefetch.hpp"

namespace yt {

namespace {

constexpr std::size_t kSample = 64 * 1024;
constexpr std::uint32_t kInvalid = 0xFFFFFFFFu;

bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::uint64_t load64(const unsigned char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

constexpr std::uint64_t kHigh = 0x8080808080808080ull;

// Position of the first byte >= 0x80, or s.size().
std::size_t first_non_ascii(std::string_view s) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t i = 0, n = s.size();
    // A whole ASCII file is read here before anything else: 64 bytes a step (one test per step;
    // the compiler can use vector loads; the text asked for ahead), then 8 at a time within the
    // step that has the byte.
    while (i + 64 <= n) {
        io::prefetch_ahead(s.data() + i, s.data() + n);
        std::uint64_t any = 0;
        for (int k = 0; k < 8; ++k) any |= load64(b + i + 8 * k);
        if (any & kHigh) break;
        i += 64;
    }
    while (i + 8 <= n && (load64(b + i) & kHigh) == 0) i += 8;
    while (i < n && b[i] < 0x80) ++i;
    return i;
}

// Control characters that do not occur in text (NUL included; tab, CR, LF, FF, VT and ^Z do).
std::size_t control_count(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A) || c == 0x7F) ++n;
    return n;
}

// Decodes one UTF-8 sequence at p (p < e). Returns its length, or 0 if invalid / cut by `e`
// (`cut` tells which).
std::size_t utf8_one(const unsigned char* p, const unsigned char* e, bool& cut) {
    cut = false;
    const unsigned c = p[0];
    if (c < 0x80) return 1;
    std::size_t need;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; }
    else return 0;
    for (std::size_t k = 1; k <= need; ++k) {
        if (p + k >= e) { cut = true; return 0; }
        const unsigned t = p[k];
        if ((t & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (t & 0x3F);
    }
    if (need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
    if (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
    return need + 1;
}

}  // namespace

const char* encoding_name(Encoding e) {
    switch (e) {
        case Encoding::Auto: return "auto";
        case Encoding::Utf8: return "utf-8";
        case Encoding::Utf16LE: return "utf-16le";
        case Encoding::Utf16BE: return "utf-16be";
        case Encoding::Gb18030: return "gb18030";
    }
    return "auto";
}

std::optional<Encoding> parse_encoding(std::string_view s) {
    struct Alias { const char* name; Encoding e; };
    static const Alias kAliases[] = {
        {"auto", Encoding::Auto},        {"utf-8", Encoding::Utf8},       {"utf8", Encoding::Utf8},
        {"utf-8-sig", Encoding::Utf8},   {"utf-16le", Encoding::Utf16LE}, {"utf16le", Encoding::Utf16LE},
        {"ucs-2le", Encoding::Utf16LE},  {"utf-16", Encoding::Utf16LE},   {"unicode", Encoding::Utf16LE},
        {"utf-16be", Encoding::Utf16BE}, {"utf16be", Encoding::Utf16BE},  {"ucs-2be", Encoding::Utf16BE},
        {"gb18030", Encoding::Gb18030},  {"gbk", Encoding::Gb18030},      {"gb2312", Encoding::Gb18030},
        {"cp936", Encoding::Gb18030},    {"ansi", Encoding::Gb18030},
    };
    for (const auto& a : kAliases)
        if (ieq(s, a.name)) return a.e;
    return std::nullopt;
}

Result<DetectedEncoding> detect_encoding(std::string_view b, Encoding forced) {
    if (b.empty()) return Error("io.empty_file");
    DetectedEncoding d;
    Encoding bom_enc = Encoding::Auto;
    std::size_t bom = 0;
    if (starts_with(b, "\xEF\xBB\xBF")) { bom_enc = Encoding::Utf8; bom = 3; }
    else if (starts_with(b, "\xFF\xFE")) { bom_enc = Encoding::Utf16LE; bom = 2; }
    else if (starts_with(b, "\xFE\xFF")) { bom_enc = Encoding::Utf16BE; bom = 2; }
    else if (starts_with(b, "\x84\x31\x95\x33")) { bom_enc = Encoding::Gb18030; bom = 4; }
    if (forced != Encoding::Auto) {
        d.encoding = forced;
        d.bom = bom_enc == forced ? bom : 0;
        return d;
    }
    if (bom_enc != Encoding::Auto) {
        d.encoding = bom_enc;
        d.bom = bom;
        return d;
    }
    if (starts_with(b, "PK\x03\x04") || starts_with(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return Error("io.spreadsheet_file");

    const std::string_view sample = b.substr(0, kSample);
    std::size_t zeros_even = 0, zeros_odd = 0;
    for (std::size_t i = 0; i < sample.size(); ++i)
        if (sample[i] == 0) ++(i % 2 ? zeros_odd : zeros_even);
    if (zeros_even + zeros_odd > 0) {
        const std::size_t units = sample.size() / 2;
        if (units >= 2 && zeros_odd * 10 >= units * 3 && zeros_even * 20 < units) {
            d.encoding = Encoding::Utf16LE;
            return d;
        }
        if (units >= 2 && zeros_even * 10 >= units * 3 && zeros_odd * 20 < units) {
            d.encoding = Encoding::Utf16BE;
            return d;
        }
        return Error("io.binary_file");
    }
    if (control_count(sample) * 100 > sample.size()) return Error("io.binary_file");

    const std::size_t first = first_non_ascii(b);
    if (first == b.size()) return d;  // pure ASCII: UTF-8
    std::string_view window = b.substr(first, kSample);
    if (window.size() == kSample) {  // end the window at a line end so no sequence is cut
        const std::size_t nl = window.rfind('\n');
        if (nl != std::string_view::npos && nl > 0) window = window.substr(0, nl);
    }
    if (control_count(window) * 100 > window.size()) return Error("io.binary_file");
    const std::size_t u8 = io::utf8_error_count(window);
    if (u8 == 0) return d;
    const std::size_t gb = io::gb18030_error_count(window);
    std::size_t high = 0;
    for (unsigned char c : window) high += c >= 0x80;
    const std::size_t errors = std::min(u8, gb);
    if (errors >= 8 && errors * 20 > high) return Error("io.binary_file");
    d.encoding = gb < u8 ? Encoding::Gb18030 : Encoding::Utf8;
    return d;
}

namespace io {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::size_t utf8_valid_prefix(std::string_view s) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char* p = b;
    const unsigned char* e = b + s.size();
    while (p < e) {
        if (e - p >= 8 && (load64(p) & kHigh) == 0) { p += 8; continue; }
        if (*p < 0x80) { ++p; continue; }
        bool cut;
        const std::size_t n = utf8_one(p, e, cut);
        if (n == 0) return static_cast<std::size_t>(p - b);
        p += n;
    }
    return s.size();
}

std::size_t utf8_error_count(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char* e = p + s.size();
    std::size_t errors = 0;
    while (p < e) {
        if (e - p >= 8 && (load64(p) & kHigh) == 0) { p += 8; continue; }
        bool cut;
        const std::size_t n = utf8_one(p, e, cut);
        if (n == 0) { ++errors; ++p; } else { p += n; }
    }
    return errors;
}

std::size_t gb18030_decode_one(std::string_view in, std::uint32_t& cp) {
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    cp = kInvalid;
    if (n == 0) return 0;
    const unsigned b0 = p[0];
    if (b0 < 0x80) { cp = b0; return 1; }
    if (b0 == 0x80 || b0 == 0xFF) return 1;
    if (n < 2) return 0;
    const unsigned b1 = p[1];
    if (b1 >= 0x40 && b1 <= 0xFE && b1 != 0x7F) {
        const std::size_t idx = (b0 - 0x81) * 190 + (b1 < 0x7F ? b1 - 0x40 : b1 - 0x41);
        const std::uint16_t v = kGb2Byte[idx];
        if (v == 0) return 1;
        cp = v;
        return 2;
    }
    if (b1 < 0x30 || b1 > 0x39) return 1;
    if (n < 4) return 0;
    const unsigned b2 = p[2], b3 = p[3];
    if (b2 < 0x81 || b2 > 0xFE || b3 < 0x30 || b3 > 0x39) return 1;
    const std::uint32_t linear = (((b0 - 0x81) * 10 + (b1 - 0x30)) * 126 + (b2 - 0x81)) * 10 + (b3 - 0x30);
    if (linear < kGb4BmpCount) {
        const Gb4Range* end = kGb4Ranges + kGb4RangeCount;
        const Gb4Range* r = std::upper_bound(kGb4Ranges, end, linear,
                                             [](std::uint32_t v, const Gb4Range& g) { return v < g.start; });
        --r;  // kGb4Ranges[0].start == 0, so r is valid
        if (r->cp == 0) return 1;
        cp = r->cp + (linear - r->start);
        return 4;
    }
    constexpr std::uint32_t kSupplementary = 189000;  // linear index of 0x90308130
    if (linear >= kSupplementary && linear < kSupplementary + 0x100000) {
        cp = 0x10000 + (linear - kSupplementary);
        return 4;
    }
    return 1;
}

std::size_t gb18030_error_count(std::string_view s) {
    std::size_t errors = 0, i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
        std::uint32_t cp;
        std::size_t n = gb18030_decode_one(s.substr(i), cp);
        if (n == 0) { ++errors; break; }
        if (cp == kInvalid) ++errors;
        i += n;
    }
    return errors;
}

namespace {

// Writes UTF-8 for cp at o; returns the new end.
char* put_utf8(char* o, std::uint32_t cp) {
    if (cp < 0x80) {
        *o++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
        *o++ = static_cast<char>(0xC0 | (cp >> 6));
        *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = static_cast<char>(0xE0 | (cp >> 12));
        *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        *o++ = static_cast<char>(0xF0 | (cp >> 18));
        *o++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return o;
}

std::size_t decode_utf16(bool le, std::string_view in, bool final, std::string& out) {
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    const std::size_t base = out.size();
    out.resize(base + n / 2 * 3 + 4);  // a 2-byte unit gives at most 3 bytes, a pair 4
    char* o = &out[base];
    std::size_t i = 0;
    auto unit = [&](std::size_t k) -> std::uint32_t {
        return le ? (p[k] | (p[k + 1] << 8)) : ((p[k] << 8) | p[k + 1]);
    };
    while (i + 2 <= n) {
        const std::uint32_t u = unit(i);
        if (u < 0x80) { *o++ = static_cast<char>(u); i += 2; continue; }
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 4 > n) {
                if (!final) break;
                *o++ = io::kBadByte;
                i += 2;
                continue;
            }
            const std::uint32_t u2 = unit(i + 2);
            if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                o = put_utf8(o, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                i += 4;
            } else {
                *o++ = io::kBadByte;
                i += 2;
            }
            continue;
        }
        if (u >= 0xDC00 && u <= 0xDFFF) { *o++ = io::kBadByte; i += 2; continue; }
        o = put_utf8(o, u);
        i += 2;
    }
    if (final && i < n) { *o++ = io::kBadByte; i = n; }  // odd trailing byte
    out.resize(static_cast<std::size_t>(o - out.data()));
    return i;
}

std::size_t decode_gb18030(std::string_view in, bool final, std::string& out) {
    const std::size_t n = in.size();
    const std::size_t base = out.size();
    out.resize(base + n + n / 2 + 4);  // 1 -> 1, 2 -> <= 3, 4 -> <= 4
    char* o = &out[base];
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    std::size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) { *o++ = static_cast<char>(p[i++]); continue; }
        std::uint32_t cp;
        const std::size_t len = gb18030_decode_one(in.substr(i), cp);
        if (len == 0) {
            if (!final) break;
            *o++ = io::kBadByte;
            ++i;
            continue;
        }
        if (cp == kInvalid) *o++ = io::kBadByte; else o = put_utf8(o, cp);
        i += len;
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
    return i;
}

}  // namespace

Result<Encoding> whole_text(std::string_view bytes, std::string& storage, std::string_view& text) {
    const auto det = detect_encoding(bytes);
    if (!det) return det.error();
    text = bytes.substr(det->bom);
    if (det->encoding != Encoding::Utf8) {
        storage.clear();
        decode_append(det->encoding, text, true, storage);
        text = storage;
    }
    return det->encoding;
}

std::size_t decode_append(Encoding enc, std::string_view in, bool final, std::string& out) {
    switch (enc) {
        case Encoding::Utf16LE: return decode_utf16(true, in, final, out);
        case Encoding::Utf16BE: return decode_utf16(false, in, final, out);
        case Encoding::Gb18030: return decode_gb18030(in, final, out);
        case Encoding::Auto:
        case Encoding::Utf8: break;
    }
    out.append(in.data(), in.size());
    return in.size();
}

}  // namespace io
}  // namespace yt
