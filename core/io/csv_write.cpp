// csv_write.cpp — RFC 4180 field quoting and the CsvWriter used by every CSV export.
#include "core/io/csv_write.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace yt {

std::string csv_quote(std::string_view field, char delimiter) {
    std::string out;
    csv_append_field(out, field, delimiter);
    return out;
}

void csv_append_field(std::string& out, std::string_view field, char delimiter) {
    bool quote = !field.empty() && (field.front() == ' ' || field.back() == ' ');
    for (char c : field)
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') { quote = true; break; }
    if (!quote) {
        out.append(field.data(), field.size());
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void csv_append_row(std::string& out, const std::vector<std::string>& fields, char delimiter, bool crlf) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out.push_back(delimiter);
        csv_append_field(out, fields[i], delimiter);
    }
    out += crlf ? "\r\n" : "\n";
}

std::string csv_guard_formula(std::string_view text) {
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                          text[0] == '\t' || text[0] == '\r'))
        return "'" + std::string(text);
    return std::string(text);
}

CsvWriter::CsvWriter() : CsvWriter(Options{}) {}

CsvWriter::CsvWriter(Options o) : o_(o) {
    if (o_.bom) out_.append(kUtf8Bom.data(), kUtf8Bom.size());
}

void CsvWriter::sep() {
    if (row_started_) out_.push_back(o_.delimiter);
    row_started_ = true;
}

CsvWriter& CsvWriter::text(std::string_view s) {
    sep();
    if (o_.guard_formulas) csv_append_field(out_, csv_guard_formula(s), o_.delimiter);
    else csv_append_field(out_, s, o_.delimiter);
    return *this;
}

CsvWriter& CsvWriter::number(double v, int decimals) {
    sep();
    if (!std::isfinite(v)) return *this;
    char buf[64];
    if (decimals >= 0) {
        std::snprintf(buf, sizeof buf, "%.*f", decimals > 17 ? 17 : decimals, v);
    } else {
        std::snprintf(buf, sizeof buf, "%.15g", v);
        if (std::strtod(buf, nullptr) != v) std::snprintf(buf, sizeof buf, "%.17g", v);
    }
    out_ += buf;
    return *this;
}

CsvWriter& CsvWriter::significant(double v, int digits) {
    sep();
    if (!std::isfinite(v)) return *this;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits < 1 ? 1 : digits > 17 ? 17 : digits, v);
    out_ += buf;
    return *this;
}

CsvWriter& CsvWriter::integer(std::int64_t v) {
    sep();
    out_ += std::to_string(v);
    return *this;
}

CsvWriter& CsvWriter::row(const std::vector<std::string>& texts) {
    for (const auto& t : texts) text(t);
    return end_row();
}

CsvWriter& CsvWriter::end_row() {
    out_ += o_.crlf ? "\r\n" : "\n";
    row_started_ = false;
    return *this;
}

}  // namespace yt
