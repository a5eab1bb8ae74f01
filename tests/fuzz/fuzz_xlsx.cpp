// fuzz_xlsx.cpp — libFuzzer target for the .xlsx reader (core/io/xlsx.cpp) and its writer.
//
// Build and run with Debian's clang: `./build.sh fuzz 60` (tests/fuzz/run.sh); seeds in
// tests/fuzz/seeds/xlsx. Each input is read as a workbook (first sheet, then sheet "2") with small
// caps; what comes out must be UTF-8 CSV text with the sheet among the listed ones, and that text
// written back as a workbook must read again. Errors must carry a code. The importer then
// previews the input as an order file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/io/importer.hpp"
#include "core/io/xlsx.hpp"
#include "core/io/xlsx_write.hpp"

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    yt::XlsxLimits lim;
    lim.max_entry = 4u << 20;
    lim.max_total = 8u << 20;
    lim.max_strings = 20000;
    lim.max_string_bytes = 1u << 20;
    for (const char* sheet : {"", "2"}) {
        auto r = yt::workbook_to_csv(bytes, sheet, lim);
        if (!r) {
            check(!r.error().code.empty());
            continue;
        }
        check(valid_utf8(r->text));
        bool listed = false;
        for (const auto& s : r->sheets) listed |= s == r->sheet;
        check(listed);
        const std::string again = yt::csv_to_xlsx(r->text, r->sheet);
        auto back = yt::workbook_to_csv(again);
        check(back.ok());
    }
    yt::ImportOptions o;
    (void)yt::preview_orders(bytes, o, 5);
    return 0;
}
