// csv_write.hpp — writing CSV (RFC 4180) for exports: tier lists, calendars, the script library.
//
//   yt::CsvWriter w;                 // UTF-8 with BOM (so Excel on Chinese Windows reads it), CRLF
//   w.text("会员ID").text("金额").end_row();
//   w.text(id).number(129.5, 2).end_row();
//   write_file(path, w.str());
// Text cells are quoted when needed and, by default, guarded against spreadsheet formulas
// (a leading = + - @ tab or CR gets a ' in front) because exported names and notes are user data.
// Every CSV and XLSX writer puts user text through csv_guard_formula (here or directly).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace yt {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One field per RFC 4180: quoted (with doubled quotes) when it contains the delimiter, a quote,
// CR or LF, or starts or ends with a space; otherwise unchanged.
std::string csv_quote(std::string_view field, char delimiter = ',');
void csv_append_field(std::string& out, std::string_view field, char delimiter = ',');
// Fields joined by the delimiter, each quoted as needed, then the line end ("\r\n" or "\n").
void csv_append_row(std::string& out, const std::vector<std::string>& fields, char delimiter = ',',
                    bool crlf = true);
// "'=1+1" for "=1+1": text a spreadsheet would run as a formula gets a leading apostrophe.
std::string csv_guard_formula(std::string_view text);

class CsvWriter {
public:
    struct Options {
        char delimiter = ',';
        bool bom = true;             // start with the UTF-8 byte-order mark
        bool crlf = true;            // RFC 4180 line ends
        bool guard_formulas = true;  // apply csv_guard_formula to text()
    };
    CsvWriter();
    explicit CsvWriter(Options o);

    CsvWriter& text(std::string_view s);
    CsvWriter& number(double v, int decimals = -1);  // -1: shortest exact form; NaN/Inf: empty cell
    CsvWriter& integer(std::int64_t v);
    CsvWriter& significant(double v, int digits);           // "%.<digits>g"; NaN/Inf: empty cell
    CsvWriter& row(const std::vector<std::string>& texts);  // text() each, then end_row()
    CsvWriter& end_row();

    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void sep();
    Options o_;
    std::string out_;
    bool row_started_ = false;
};

}  // namespace yt
