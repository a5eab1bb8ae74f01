// xlsx_write.cpp — one-sheet .xlsx files (see xlsx_write.hpp): the five parts Excel needs, each
// raw-deflated with zlib into a plain zip (no ZIP64: exports stay far below 4 GB).
#include "core/io/xlsx_write.hpp"

#include <zlib.h>

#include <cstdint>

namespace yt {

namespace {

void put16(std::string& o, unsigned v) {
    o += static_cast<char>(v & 0xFF);
    o += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& o, std::uint32_t v) {
    put16(o, v & 0xFFFF);
    put16(o, v >> 16);
}

std::string deflate_raw(std::string_view in) {
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, static_cast<uLong>(in.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(&out[0]);
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string out, cd;
    for (const auto& part : parts) {
        const std::string& name = part.first;
        const std::string& data = part.second;
        const auto crc = static_cast<std::uint32_t>(
            crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
        const std::string body = deflate_raw(data);
        const auto at = static_cast<std::uint32_t>(out.size());
        auto header = [&](std::string& o, bool central) {
            if (central) put16(o, 20);  // version made by
            put16(o, 20);               // version needed
            put16(o, 0x0800);           // UTF-8 names
            put16(o, 8);                // deflate
            put16(o, 0);                // time 00:00
            put16(o, 0x21);             // date 1980-01-01
            put32(o, crc);
            put32(o, static_cast<std::uint32_t>(body.size()));
            put32(o, static_cast<std::uint32_t>(data.size()));
            put16(o, static_cast<unsigned>(name.size()));
            put16(o, 0);
        };
        out += "PK\x03\x04";
        header(out, false);
        out += name;
        out += body;
        cd += "PK\x01\x02";
        header(cd, true);
        put16(cd, 0); put16(cd, 0); put16(cd, 0); put32(cd, 0);  // comment, disk, attributes
        put32(cd, at);
        cd += name;
    }
    const auto cd_at = static_cast<std::uint32_t>(out.size());
    out += cd;
    out += "PK\x05\x06";
    put16(out, 0); put16(out, 0);
    put16(out, static_cast<unsigned>(parts.size())); put16(out, static_cast<unsigned>(parts.size()));
    put32(out, static_cast<std::uint32_t>(cd.size())); put32(out, cd_at); put16(out, 0);
    return out;
}

void xml_escape_into(std::string& o, std::string_view s) {
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': o += "&amp;"; break;
            case '<': o += "&lt;"; break;
            case '>': o += "&gt;"; break;
            case '"': o += "&quot;"; break;
            default:
                if (c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;  // not allowed in XML 1.0
                o += ch;
        }
    }
}

std::string column_name(std::size_t c) {
    std::string s;
    for (++c; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s;
}

// Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters.
std::string sheet_title(std::string_view name) {
    std::string s;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size() && chars < 31; ++chars) {
        std::size_t n = 1;
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
        std::string_view ch = name.substr(i, n);
        s += (ch.size() == 1 && std::string_view(":\\/?*[]").find(ch[0]) != std::string_view::npos) ? std::string("_") : std::string(ch);
        i += n;
    }
    return s.empty() ? "Sheet1" : s;
}

bool plain_number(std::string_view s) {
    std::size_t i = 0, digits = 0;
    if (i < s.size() && s[i] == '-') ++i;
    const std::size_t int_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++digits; }
    const std::size_t int_len = i - int_start;
    if (int_len == 0 || (int_len > 1 && s[int_start] == '0')) return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t frac = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++digits; }
        if (i == frac) return false;
    }
    return i == s.size() && digits <= 15;
}

}  // namespace

std::string write_xlsx(const std::vector<std::vector<XlsxCell>>& rows, std::string_view sheet_name) {
    std::string sheet =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::string rn = std::to_string(r + 1);
        sheet += "<row r=\"" + rn + "\">";
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const XlsxCell& cell = rows[r][c];
            if (cell.text.empty()) continue;
            const std::string ref = column_name(c) + rn;
            if (cell.number) {
                sheet += "<c r=\"" + ref + "\"><v>" + cell.text + "</v></c>";
            } else {
                sheet += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">";
                xml_escape_into(sheet, cell.text);
                sheet += "</t></is></c>";
            }
        }
        sheet += "</row>";
    }
    sheet += "</sheetData></worksheet>";
    std::string title;
    xml_escape_into(title, sheet_title(sheet_name));
    const std::string rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
    const std::string doc_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    return make_zip({
        {"[Content_Types].xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
         "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
         "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
         "</Types>"},
        {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" + rels_ns +
                            "\"><Relationship Id=\"rId1\" Type=\"" + doc_rel +
                            "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" +
                                doc_rel + "\"><sheets><sheet name=\"" + title +
                                "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" +
                                           rels_ns + "\"><Relationship Id=\"rId1\" Type=\"" + doc_rel +
                                           "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" +
                                           doc_rel + "/styles\" Target=\"styles.xml\"/></Relationships>"},
        {"xl/styles.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
         "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
         "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
         "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
         "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
         "</styleSheet>"},
        {"xl/worksheets/sheet1.xml", sheet},
    });
}

std::string csv_to_xlsx(std::string_view csv, std::string_view sheet_name) {
    if (csv.size() >= 3 && csv.compare(0, 3, "\xEF\xBB\xBF") == 0) csv.remove_prefix(3);
    std::vector<std::vector<XlsxCell>> rows;
    std::vector<XlsxCell> row;
    std::string field;
    bool quoted = false, was_quoted = false;
    auto end_field = [&] {
        XlsxCell c;
        c.number = !was_quoted && plain_number(field);
        c.text = std::move(field);
        row.push_back(std::move(c));
        field.clear();
        was_quoted = false;
    };
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char ch = csv[i];
        if (quoted) {
            if (ch == '"' && i + 1 < csv.size() && csv[i + 1] == '"') { field += '"'; ++i; }
            else if (ch == '"') quoted = false;
            else field += ch;
        } else if (ch == '"' && field.empty()) {
            quoted = was_quoted = true;
        } else if (ch == ',') {
            end_field();
        } else if (ch == '\r' || ch == '\n') {
            if (ch == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
            end_field();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            field += ch;
        }
    }
    if (!field.empty() || !row.empty() || was_quoted) {
        end_field();
        rows.push_back(std::move(row));
    }
    return write_xlsx(rows, sheet_name);
}

std::string xlsx_file_name(std::string_view csv_name) {
    std::string s(csv_name);
    if (s.size() >= 4 && s.compare(s.size() - 4, 4, ".csv") == 0) s.resize(s.size() - 4);
    return s + ".xlsx";
}

}  // namespace yt
