// xlsx.cpp — Excel workbooks as UTF-8 CSV text (see xlsx.hpp).
//
// Libraries (both from Debian's archive, natively the -dev packages, for wasm built from the same
// source packages by build.sh):
// - zlib, for the deflate entries of the zip container: the reference inflate, tiny, everywhere,
//   and it lets the reader stream a part through a fixed buffer so every size cap holds while
//   inflating (minizip would add a file-oriented API this in-memory reader does not need).
// - expat, for the XML: a streaming (SAX) parser, so a 50 MB sheet is never held as a DOM (pugixml
//   builds one, several times the text's size); it stops on malformed input with a line number,
//   and a DOCTYPE handler lets the reader refuse any DTD (OOXML never has one) before an entity
//   is declared.
//
// [SECTION] zip container     central directory, stored and deflate entries, caps
// [SECTION] XML               expat with local names, DOCTYPE refused
// [SECTION] workbook parts    rels, workbook, styles, shared strings
// [SECTION] sheet → CSV
// [SECTION] public API
#include "core/io/xlsx.hpp"

#include <expat.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <optional>

#include "core/io/csv_write.hpp"
#include "core/model/dates.hpp"

namespace yt {

namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;
constexpr std::size_t kMaxEntries = 100000;

std::uint32_t le16(std::string_view b, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at]) | (static_cast<unsigned char>(b[at + 1]) << 8));
}
std::uint32_t le32(std::string_view b, std::size_t at) { return le16(b, at) | (le16(b, at + 2) << 16); }

bool ieq(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
        if (x != y) return false;
    }
    return true;
}

// [SECTION] zip container

struct ZipEntry {
    std::string name;
    std::uint32_t flags = 0, method = 0, crc = 0, csize = 0, usize = 0, local = 0;
};

using Sink = std::function<Status(const char* data, std::size_t n, bool last)>;

struct Zip {
    std::string_view bytes;
    XlsxLimits lim;
    std::vector<ZipEntry> entries;
    std::size_t total = 0;  // uncompressed bytes of the parts read so far

    static Result<Zip> open(std::string_view b, const XlsxLimits& lim) {
        Zip z;
        z.bytes = b;
        z.lim = lim;
        if (b.size() < 22) return Error("io.xlsx_corrupt", {"zip"});
        std::size_t eocd = std::string_view::npos;
        const std::size_t lowest = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
        for (std::size_t i = b.size() - 22 + 1; i-- > lowest;)
            if (b.compare(i, 4, "PK\x05\x06") == 0) { eocd = i; break; }
        if (eocd == std::string_view::npos) return Error("io.xlsx_corrupt", {"zip"});
        if (eocd >= 20 && b.compare(eocd - 20, 4, "PK\x06\x07") == 0) return Error("io.xlsx_zip64");
        const std::uint32_t n = le16(b, eocd + 10), cd_size = le32(b, eocd + 12), cd_off = le32(b, eocd + 16);
        if (n == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_off == 0xFFFFFFFFu) return Error("io.xlsx_zip64");
        if (static_cast<std::size_t>(cd_off) + cd_size > eocd) return Error("io.xlsx_corrupt", {"zip"});
        if (n > kMaxEntries) return Error("io.xlsx_corrupt", {"zip"});
        std::size_t p = cd_off;
        const std::size_t end = static_cast<std::size_t>(cd_off) + cd_size;
        z.entries.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            if (p + 46 > end || b.compare(p, 4, "PK\x01\x02") != 0) return Error("io.xlsx_corrupt", {"zip"});
            ZipEntry e;
            e.flags = le16(b, p + 8);
            e.method = le16(b, p + 10);
            e.crc = le32(b, p + 16);
            e.csize = le32(b, p + 20);
            e.usize = le32(b, p + 24);
            const std::size_t nl = le16(b, p + 28), el = le16(b, p + 30), cl = le16(b, p + 32);
            e.local = le32(b, p + 42);
            if (p + 46 + nl + el + cl > end) return Error("io.xlsx_corrupt", {"zip"});
            e.name.assign(b.data() + p + 46, nl);
            if (e.csize == 0xFFFFFFFFu || e.usize == 0xFFFFFFFFu || e.local == 0xFFFFFFFFu) return Error("io.xlsx_zip64");
            z.entries.push_back(std::move(e));
            p += 46 + nl + el + cl;
        }
        return z;
    }

    const ZipEntry* find(std::string_view name) const {
        for (const auto& e : entries)
            if (ieq(e.name, name)) return &e;
        return nullptr;
    }

    // Streams one entry's uncompressed bytes to `sink` in chunks, enforcing the size caps and the
    // CRC as it goes (a header that understates the size is caught, not trusted).
    Status stream(const ZipEntry& e, const Sink& sink) {
        if (e.flags & 1u) return Error("io.xlsx_encrypted");
        if (e.method != 0 && e.method != 8) return Error("io.xlsx_compression", {std::to_string(e.method)});
        if (e.usize > lim.max_entry) return Error("io.xlsx_too_large", {e.name, std::to_string(lim.max_entry / kMiB)});
        if (e.usize > kMiB && e.usize / std::max<std::uint32_t>(e.csize, 1) > lim.max_ratio)
            return Error("io.xlsx_zip_bomb", {e.name, std::to_string(e.usize / std::max<std::uint32_t>(e.csize, 1))});
        total += e.usize;
        if (total > lim.max_total) return Error("io.xlsx_too_large", {e.name, std::to_string(lim.max_total / kMiB)});
        const std::size_t lh = e.local;
        if (lh + 30 > bytes.size() || bytes.compare(lh, 4, "PK\x03\x04") != 0) return Error("io.xlsx_corrupt", {e.name});
        const std::size_t data = lh + 30 + le16(bytes, lh + 26) + le16(bytes, lh + 28);
        if (data > bytes.size() || e.csize > bytes.size() - data) return Error("io.xlsx_corrupt", {e.name});
        const std::string_view in = bytes.substr(data, e.csize);
        if (e.method == 0) {
            if (e.csize != e.usize) return Error("io.xlsx_corrupt", {e.name});
            if (crc32(0L, reinterpret_cast<const Bytef*>(in.data()), static_cast<uInt>(in.size())) != e.crc)
                return Error("io.xlsx_corrupt", {e.name});
            return sink(in.data(), in.size(), true);
        }
        z_stream zs{};
        if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) return Error("io.xlsx_corrupt", {e.name});
        struct Guard {
            z_stream* s;
            ~Guard() { inflateEnd(s); }
        } guard{&zs};
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        zs.avail_in = static_cast<uInt>(in.size());
        std::vector<char> buf(256 * 1024);
        std::size_t out = 0;
        uLong crc = crc32(0L, Z_NULL, 0);
        for (;;) {
            zs.next_out = reinterpret_cast<Bytef*>(buf.data());
            zs.avail_out = static_cast<uInt>(buf.size());
            const int r = inflate(&zs, Z_NO_FLUSH);
            if (r != Z_OK && r != Z_STREAM_END) return Error("io.xlsx_corrupt", {e.name});
            const std::size_t got = buf.size() - zs.avail_out;
            out += got;
            if (out > e.usize) return Error("io.xlsx_corrupt", {e.name});  // more than declared
            crc = crc32(crc, reinterpret_cast<const Bytef*>(buf.data()), static_cast<uInt>(got));
            const bool last = r == Z_STREAM_END;
            if (last && (out != e.usize || crc != e.crc)) return Error("io.xlsx_corrupt", {e.name});
            if (got > 0 || last) {
                Status st = sink(buf.data(), got, last);
                if (!st) return st;
            }
            if (last) return ok_status();
            if (got == 0 && zs.avail_in == 0) return Error("io.xlsx_corrupt", {e.name});  // truncated
        }
    }
};

// [SECTION] XML

std::string_view local_name(const char* n) {
    const char* c = std::strrchr(n, ':');
    return c ? std::string_view(c + 1) : std::string_view(n);
}

const char* attr(const char** a, std::string_view name) {
    for (; a && *a; a += 2)
        if (local_name(a[0]) == name) return a[1];
    return nullptr;
}

struct XmlHandler {
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view, const char**) {}
    virtual void end(std::string_view) {}
    virtual void text(const char*, int) {}
    std::optional<Error> failed;  // set by a handler to stop the parse
};

struct XmlParse {
    XML_Parser p;
    XmlHandler* h;
    bool doctype = false;
};

extern "C" {
static void xml_start(void* u, const XML_Char* n, const XML_Char** a) {
    auto* x = static_cast<XmlParse*>(u);
    x->h->start(local_name(n), a);
    if (x->h->failed) XML_StopParser(x->p, XML_FALSE);
}
static void xml_end(void* u, const XML_Char* n) {
    auto* x = static_cast<XmlParse*>(u);
    x->h->end(local_name(n));
    if (x->h->failed) XML_StopParser(x->p, XML_FALSE);
}
static void xml_text(void* u, const XML_Char* s, int len) {
    auto* x = static_cast<XmlParse*>(u);
    x->h->text(s, len);
    if (x->h->failed) XML_StopParser(x->p, XML_FALSE);
}
static void xml_doctype(void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* x = static_cast<XmlParse*>(u);
    x->doctype = true;
    XML_StopParser(x->p, XML_FALSE);
}
}

// Parses one zip entry as XML, streaming it from the inflater into expat.
Status parse_part(Zip& z, const ZipEntry& e, XmlHandler& h) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p) return Error("io.xlsx_bad_xml", {e.name, "0", "out of memory"});
    struct Guard {
        XML_Parser p;
        ~Guard() { XML_ParserFree(p); }
    } guard{p};
    XmlParse x{p, &h};
    XML_SetUserData(p, &x);
    XML_SetElementHandler(p, xml_start, xml_end);
    XML_SetCharacterDataHandler(p, xml_text);
    XML_SetStartDoctypeDeclHandler(p, xml_doctype);
    auto bad = [&](const char* reason) {
        return Error("io.xlsx_bad_xml", {e.name, std::to_string(XML_GetCurrentLineNumber(p)), reason});
    };
    Status st = z.stream(e, [&](const char* d, std::size_t n, bool last) -> Status {
        if (XML_Parse(p, d, static_cast<int>(n), last ? 1 : 0) == XML_STATUS_ERROR) {
            if (h.failed) return *h.failed;
            if (x.doctype) return bad("DOCTYPE");
            return bad(XML_ErrorString(XML_GetErrorCode(p)));
        }
        return ok_status();
    });
    if (!st) return st;
    if (h.failed) return *h.failed;
    return ok_status();
}

Status parse_part(Zip& z, std::string_view name, XmlHandler& h, bool required) {
    const ZipEntry* e = z.find(name);
    if (!e) return required ? Status(Error("io.xlsx_corrupt", {std::string(name)})) : ok_status();
    return parse_part(z, *e, h);
}

// OOXML escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
std::string unescape_ooxml(std::string s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (i + 7 <= s.size() && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_' &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2])) && std::isxdigit(static_cast<unsigned char>(s[i + 3])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 4])) && std::isxdigit(static_cast<unsigned char>(s[i + 5]))) {
            const unsigned cp = static_cast<unsigned>(std::strtoul(s.substr(i + 2, 4).c_str(), nullptr, 16));
            if (cp < 0x80) {
                out.push_back(static_cast<char>(cp));
            } else if (cp < 0x800) {
                out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
                out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            } else if (cp < 0xD800 || cp > 0xDFFF) {
                out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
                out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
                out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            }
            i += 7;
        } else {
            out.push_back(s[i++]);
        }
    }
    return out;
}

// [SECTION] workbook parts

struct Rels : XmlHandler {
    struct Rel { std::string id, type, target; };
    std::vector<Rel> rels;
    void start(std::string_view n, const char** a) override {
        if (n != "Relationship") return;
        const char* id = attr(a, "Id");
        const char* type = attr(a, "Type");
        const char* target = attr(a, "Target");
        if (target) rels.push_back({id ? id : "", type ? type : "", target});
    }
    const Rel* of_type(std::string_view suffix) const {
        for (const auto& r : rels)
            if (r.type.size() >= suffix.size() && r.type.compare(r.type.size() - suffix.size(), suffix.size(), suffix) == 0)
                return &r;
        return nullptr;
    }
};

// A relationship target resolved against the folder of the part that holds it ("xl/").
std::string resolve(std::string_view base_dir, std::string_view target) {
    std::string path = target.size() && target[0] == '/' ? std::string(target.substr(1))
                                                          : std::string(base_dir) + std::string(target);
    std::vector<std::string> parts;
    std::size_t s = 0;
    while (s <= path.size()) {
        std::size_t e = path.find('/', s);
        if (e == std::string::npos) e = path.size();
        std::string seg = path.substr(s, e - s);
        if (seg == "..") { if (!parts.empty()) parts.pop_back(); }
        else if (!seg.empty() && seg != ".") parts.push_back(seg);
        s = e + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string dir_of(std::string_view part) {
    const auto slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

struct WorkbookPart : XmlHandler {
    struct Sheet { std::string name, rid; bool hidden = false; };
    std::vector<Sheet> sheets;
    bool date1904 = false;
    void start(std::string_view n, const char** a) override {
        if (n == "sheet") {
            const char* name = attr(a, "name");
            const char* rid = attr(a, "id");
            const char* state = attr(a, "state");
            if (name && rid) sheets.push_back({name, rid, state && std::strcmp(state, "visible") != 0});
        } else if (n == "workbookPr") {
            const char* d = attr(a, "date1904");
            date1904 = d && (std::strcmp(d, "1") == 0 || std::strcmp(d, "true") == 0);
        }
    }
};

struct StylesPart : XmlHandler {
    std::map<int, std::string> formats;  // custom numFmts
    std::vector<int> xf_formats;         // cellXfs: numFmtId per style index
    bool in_cell_xfs = false;
    void start(std::string_view n, const char** a) override {
        if (n == "numFmt") {
            const char* id = attr(a, "numFmtId");
            const char* code = attr(a, "formatCode");
            if (id && code) formats[std::atoi(id)] = code;
        } else if (n == "cellXfs") {
            in_cell_xfs = true;
        } else if (n == "xf" && in_cell_xfs) {
            const char* id = attr(a, "numFmtId");
            xf_formats.push_back(id ? std::atoi(id) : 0);
        }
    }
    void end(std::string_view n) override {
        if (n == "cellXfs") in_cell_xfs = false;
    }
    std::vector<bool> date_styles() const {
        std::vector<bool> out(xf_formats.size());
        for (std::size_t i = 0; i < xf_formats.size(); ++i) {
            const int f = xf_formats[i];
            auto it = formats.find(f);
            if (it != formats.end()) out[i] = xlsx::is_date_format(it->second);
            else out[i] = (f >= 14 && f <= 22) || (f >= 27 && f <= 36) || (f >= 45 && f <= 47) || (f >= 50 && f <= 58);
        }
        return out;
    }
};

struct SharedStrings : XmlHandler {
    const XlsxLimits* lim = nullptr;
    std::vector<std::string> strings;
    std::size_t bytes = 0;
    std::string cur;
    bool in_si = false, in_t = false;
    int in_phonetic = 0;
    void start(std::string_view n, const char** a) override {
        if (n == "sst") {
            const char* u = attr(a, "uniqueCount");
            const double c = u ? std::atof(u) : 0;
            if (c > static_cast<double>(lim->max_strings))
                failed = Error("io.xlsx_too_many_strings", {u, std::to_string(lim->max_strings)});
            else if (c > 0)  // a hint only: a file may declare more than it holds
                strings.reserve(std::min<std::size_t>(static_cast<std::size_t>(c), std::size_t{1} << 16));
        } else if (n == "si") {
            in_si = true;
            cur.clear();
        } else if (n == "rPh") {
            ++in_phonetic;  // phonetic guides (furigana) are not part of the text
        } else if (n == "t" && in_si && in_phonetic == 0) {
            in_t = true;
        }
    }
    void end(std::string_view n) override {
        if (n == "t") {
            in_t = false;
        } else if (n == "rPh") {
            --in_phonetic;
        } else if (n == "si") {
            in_si = false;
            bytes += cur.size();
            if (strings.size() >= lim->max_strings || bytes > lim->max_string_bytes) {
                failed = Error("io.xlsx_too_many_strings", {std::to_string(strings.size() + 1), std::to_string(lim->max_strings)});
                return;
            }
            strings.push_back(unescape_ooxml(std::move(cur)));
            cur.clear();
        }
    }
    void text(const char* s, int n) override {
        if (in_t) cur.append(s, static_cast<std::size_t>(n));
    }
};

// [SECTION] sheet → CSV

struct SheetPart : XmlHandler {
    const XlsxLimits* lim = nullptr;
    const std::vector<std::string>* shared = nullptr;
    const std::vector<bool>* date_style = nullptr;
    bool date1904 = false;
    std::string sheet_name;
    std::string* out = nullptr;
    int rows_written = 0;  // sheet rows emitted (1-based count)
    int max_columns = 0;

    int row = 0;     // current row (1-based)
    int next_col = 0;
    std::vector<std::string> cells;
    // the current cell
    bool in_cell = false, in_v = false, in_is = false, in_t = false;
    int in_phonetic = 0;
    int col = 0;
    std::string type;
    int style = -1;
    std::string value;

    static bool parse_ref(const char* r, int& col_out, int& row_out) {
        int c = 0, i = 0;
        while (r[i] >= 'A' && r[i] <= 'Z' && i < 3) c = c * 26 + (r[i++] - 'A' + 1);
        if (c == 0) return false;
        long rr = 0;
        int digits = 0;
        while (r[i] >= '0' && r[i] <= '9' && digits < 8) { rr = rr * 10 + (r[i++] - '0'); ++digits; }
        if (r[i] != 0) return false;
        col_out = c - 1;
        row_out = static_cast<int>(rr);
        return true;
    }

    void start(std::string_view n, const char** a) override {
        if (in_cell) {
            if (n == "v") { in_v = true; }
            else if (n == "is") { in_is = true; }
            else if (n == "rPh") { ++in_phonetic; }
            else if (n == "t" && in_is && in_phonetic == 0) { in_t = true; }
            return;
        }
        if (n == "row") {
            const char* r = attr(a, "r");
            const int want = r ? std::atoi(r) : row + 1;
            if (want <= row || want > lim->max_rows) {
                failed = Error("io.xlsx_corrupt", {sheet_name});
                return;
            }
            row = want;
            next_col = 0;
            cells.clear();
        } else if (n == "c") {
            if (row == 0) { failed = Error("io.xlsx_corrupt", {sheet_name}); return; }
            in_cell = true;
            col = next_col;
            const char* r = attr(a, "r");
            int rr = 0;
            if (r && (!parse_ref(r, col, rr) || (rr != 0 && rr != row))) {
                failed = Error("io.xlsx_corrupt", {sheet_name});
                return;
            }
            if (col >= lim->max_columns) { failed = Error("io.xlsx_corrupt", {sheet_name}); return; }
            const char* t = attr(a, "t");
            type = t ? t : "n";
            const char* s = attr(a, "s");
            style = s ? std::atoi(s) : -1;
            value.clear();
        }
    }

    std::string cell_text() {
        if (type == "s") {
            char* end = nullptr;
            const long i = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end != 0 || i < 0 || static_cast<std::size_t>(i) >= shared->size()) {
                failed = Error("io.xlsx_corrupt", {sheet_name});
                return {};
            }
            return (*shared)[static_cast<std::size_t>(i)];
        }
        if (type == "inlineStr" || type == "str") return unescape_ooxml(value);
        if (type == "b") return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
        if (type == "e") return value;
        if (type == "d") {  // ISO 8601 date/time
            std::string v = value;
            if (v.size() > 10 && v[10] == 'T') v[10] = ' ';
            if (!v.empty() && v.back() == 'Z') v.pop_back();
            if (v.size() > 19) v.resize(19);  // drop fractions of a second
            if (v.size() == 19 && v.compare(10, 9, " 00:00:00") == 0) v.resize(10);
            return v;
        }
        // A number.
        if (value.empty()) return {};
        const bool is_date = style >= 0 && static_cast<std::size_t>(style) < date_style->size() && (*date_style)[style];
        if (is_date) {
            char* end = nullptr;
            const double d = std::strtod(value.c_str(), &end);
            if (*end == 0 && std::isfinite(d) && d >= 0 && d < 2958466) return xlsx::serial_to_text(d, date1904);
        }
        return xlsx::number_text(value);
    }

    void end(std::string_view n) override {
        if (in_cell) {
            if (n == "v") { in_v = false; return; }
            if (n == "t") { in_t = false; return; }
            if (n == "rPh") { --in_phonetic; return; }
            if (n == "is") { in_is = false; return; }
            if (n != "c") return;
            in_cell = false;
            std::string t = cell_text();
            if (failed) return;
            if (!t.empty()) {
                if (static_cast<int>(cells.size()) <= col) cells.resize(static_cast<std::size_t>(col) + 1);
                cells[static_cast<std::size_t>(col)] = std::move(t);
            }
            next_col = col + 1;
            return;
        }
        if (n == "row") emit_row();
    }

    void text(const char* s, int len) override {
        if (in_v || in_t) value.append(s, static_cast<std::size_t>(len));
    }

    void emit_row() {
        while (!cells.empty() && cells.back().empty()) cells.pop_back();
        if (cells.empty()) return;  // empty rows come out as blank lines before the next one
        for (; rows_written + 1 < row; ++rows_written) out->push_back('\n');
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out->push_back(',');
            csv_append_field(*out, cells[i], ',');
        }
        out->push_back('\n');
        rows_written = row;
        max_columns = std::max(max_columns, static_cast<int>(cells.size()));
    }
};

// The parts every request needs: the workbook's sheet list and where each sheet lives.
struct Book {
    Zip zip;
    std::string workbook_path, base;
    WorkbookPart wb;
    Rels rels;
    std::vector<std::size_t> sheet_rel;  // per listed sheet: index into rels.rels
    std::vector<std::string> names;      // worksheet names
    std::vector<bool> hidden;
};

Status check_not_cfb(std::string_view b) {
    if (b.size() >= 8 && b.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") == 0) {
        // A password-protected .xlsx is a compound file with an "EncryptionInfo" stream (its name
        // in the directory is UTF-16LE); any other compound file is an old binary .xls.
        static const char kName[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
        if (b.find(std::string_view(kName, sizeof kName - 1)) != std::string_view::npos)
            return Error("io.xlsx_encrypted");
        return Error("io.xls_file");
    }
    return ok_status();
}

Result<Book> open_book(std::string_view bytes, const XlsxLimits& lim) {
    Status cfb = check_not_cfb(bytes);
    if (!cfb) return cfb.error();
    auto z = Zip::open(bytes, lim);
    if (!z) return z.error();
    Book b;
    b.zip = std::move(*z);
    Rels root;
    Status st = parse_part(b.zip, "_rels/.rels", root, false);
    if (!st) return st.error();
    const Rels::Rel* office = root.of_type("/officeDocument");
    b.workbook_path = office ? resolve("", office->target) : "xl/workbook.xml";
    if (!b.zip.find(b.workbook_path)) return Error("io.xlsx_not_workbook");
    st = parse_part(b.zip, b.workbook_path, b.wb, true);
    if (!st) return st.error();
    b.base = dir_of(b.workbook_path);
    const std::string rels_path = b.base + "_rels/" + b.workbook_path.substr(b.base.size()) + ".rels";
    st = parse_part(b.zip, rels_path, b.rels, true);
    if (!st) return st.error();
    for (const auto& s : b.wb.sheets) {
        for (std::size_t i = 0; i < b.rels.rels.size(); ++i) {
            const auto& r = b.rels.rels[i];
            if (r.id != s.rid) continue;
            const std::string_view t = r.type;
            if (t.size() >= 10 && t.substr(t.size() - 10) == "/worksheet") {
                b.sheet_rel.push_back(i);
                b.names.push_back(s.name);
                b.hidden.push_back(s.hidden);
            }
            break;
        }
    }
    if (b.names.empty()) return Error("io.xlsx_no_sheet", {"", ""});
    return b;
}

}  // namespace

// [SECTION] public API

namespace xlsx {

std::string serial_to_text(double serial, bool date1904) {
    long long secs = std::llround(serial * 86400.0);
    long long days = secs / 86400;
    secs %= 86400;
    Day day;
    if (date1904) day = days_from_civil(1904, 1, 1) + static_cast<Day>(days);
    else if (days >= 61) day = days_from_civil(1899, 12, 30) + static_cast<Day>(days);
    else if (days >= 1) day = days_from_civil(1899, 12, 31) + static_cast<Day>(days);  // before the fake 1900-02-29
    else day = days_from_civil(1899, 12, 31);
    char t[16] = "";
    if (!date1904 && days == 0) {  // a time of day alone
        std::snprintf(t, sizeof t, "%02lld:%02lld:%02lld", secs / 3600, secs / 60 % 60, secs % 60);
        return t;
    }
    std::string out = format_day(day);
    if (secs != 0) {
        std::snprintf(t, sizeof t, " %02lld:%02lld:%02lld", secs / 3600, secs / 60 % 60, secs % 60);
        out += t;
    }
    return out;
}

bool is_date_format(std::string_view code) {
    bool in_quote = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (in_quote) { if (c == '"') in_quote = false; continue; }
        if (c == '"') { in_quote = true; continue; }
        if (c == '\\' || c == '_' || c == '*') { ++i; continue; }  // escaped, padding, fill
        if (c == ';') break;                                        // only the first section
        if (c == '[') {                                             // [Red], [$-804], [h] elapsed
            const auto close = code.find(']', i);
            if (close == std::string_view::npos) return false;
            const std::string_view inner = code.substr(i + 1, close - i - 1);
            if (!inner.empty() && (inner[0] == 'h' || inner[0] == 'H' || inner[0] == 'm' || inner[0] == 'M' ||
                                   inner[0] == 's' || inner[0] == 'S'))
                return false;  // a duration, not a point in time
            i = close;
            continue;
        }
        switch (c) {
            case 'y': case 'Y': case 'm': case 'M': case 'd': case 'D': case 'h': case 'H': case 's': case 'S':
                return true;
            default: break;
        }
    }
    return false;
}

std::string number_text(std::string_view stored) {
    const std::string s(stored);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != 0 || !std::isfinite(v)) return s;
    char buf[40];
    if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.15g", v);
    if (std::strcmp(buf, "-0") == 0) return "0";
    return buf;
}

}  // namespace xlsx

bool is_workbook(std::string_view b) {
    return (b.size() >= 4 && b.compare(0, 4, "PK\x03\x04") == 0) ||
           (b.size() >= 8 && b.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") == 0);
}

Result<std::vector<std::string>> workbook_sheets(std::string_view bytes, const XlsxLimits& limits) {
    auto b = open_book(bytes, limits);
    if (!b) return b.error();
    return b->names;
}

Result<WorkbookCsv> workbook_to_csv(std::string_view bytes, std::string_view sheet, const XlsxLimits& limits) {
    auto bk = open_book(bytes, limits);
    if (!bk) return bk.error();
    Book& b = *bk;
    std::size_t pick = b.names.size();
    if (sheet.empty()) {
        pick = 0;
        for (std::size_t i = 0; i < b.names.size(); ++i)
            if (!b.hidden[i]) { pick = i; break; }
    } else {
        for (std::size_t i = 0; i < b.names.size() && pick == b.names.size(); ++i)
            if (b.names[i] == sheet) pick = i;
        for (std::size_t i = 0; i < b.names.size() && pick == b.names.size(); ++i)
            if (ieq(b.names[i], sheet)) pick = i;
        if (pick == b.names.size() && sheet.find_first_not_of("0123456789") == std::string_view::npos &&
            sheet.size() < 6) {
            const std::size_t n = static_cast<std::size_t>(std::atoi(std::string(sheet).c_str()));
            if (n >= 1 && n <= b.names.size()) pick = n - 1;
        }
        if (pick == b.names.size()) {
            std::string list;
            for (const auto& n : b.names) list += (list.empty() ? "" : ", ") + n;
            return Error("io.xlsx_no_sheet", {std::string(sheet), list});
        }
    }

    StylesPart styles;
    SharedStrings sst;
    sst.lim = &limits;
    for (const auto& r : b.rels.rels) {
        const std::string_view t = r.type;
        auto ends = [&](std::string_view s) { return t.size() >= s.size() && t.substr(t.size() - s.size()) == s; };
        Status st = ok_status();
        if (ends("/styles")) st = parse_part(b.zip, resolve(b.base, r.target), styles, false);
        else if (ends("/sharedStrings")) st = parse_part(b.zip, resolve(b.base, r.target), sst, false);
        if (!st) return st.error();
    }
    const std::vector<bool> date_style = styles.date_styles();

    WorkbookCsv out;
    out.sheets = b.names;
    out.sheet = b.names[pick];
    SheetPart sp;
    sp.lim = &limits;
    sp.shared = &sst.strings;
    sp.date_style = &date_style;
    sp.date1904 = b.wb.date1904;
    sp.out = &out.text;
    const std::string path = resolve(b.base, b.rels.rels[b.sheet_rel[pick]].target);
    sp.sheet_name = path;
    Status st = parse_part(b.zip, path, sp, true);
    if (!st) return st.error();
    out.rows = sp.rows_written;
    out.columns = sp.max_columns;
    return out;
}

}  // namespace yt
