// values.hpp — parsing the cells of an order file: dates (with or without a time) and amounts.
//
// Both parsers are hand-written for speed (the importer calls them millions of times) and never
// allocate. They accept what Chinese shops' exports contain; anything else is rejected, never guessed.
#pragma once
#include <optional>
#include <string_view>

#include "core/model/dates.hpp"

namespace yt::io {

std::string_view trim_cell_slow(std::string_view s);  // trim_cell's general case
// Strips ASCII spaces/tabs, the ideographic space U+3000 and NBSP U+00A0 from both ends.
inline std::string_view trim_cell(std::string_view s) {
    if (s.empty()) return s;
    const auto f = static_cast<unsigned char>(s.front()), b = static_cast<unsigned char>(s.back());
    if (f == ' ' || f == '\t' || f == 0xE3 || f == 0xC2 || b == ' ' || b == '\t' || b == 0x80 || b == 0xA0)
        return trim_cell_slow(s);
    return s;
}

// Dates: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD, YYYY年M月D日, each optionally followed by a time
// ("14:22", "8:01:00", "14:22:01.5", ISO "T14:22:01Z" / "+08:00"). Years 1900..2199. The time is
// checked and dropped: a Day has no time of day.
std::optional<Day> parse_order_date(std::string_view s);

// Amounts: optional sign (-, U+2212, U+FF0D) or accounting parentheses "(12.50)"; optional currency
// ¥ ￥ $ RMB CNY before and 元 RMB CNY after; thousands separators (1,234.50); at most 15
// significant digits. Returns nullopt for anything else (empty included).
std::optional<double> parse_amount(std::string_view s);

}  // namespace yt::io
