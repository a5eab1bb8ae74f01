// gb18030_table.hpp — declarations of the generated GB18030 tables (core/io/gb18030_table.cpp).
//
// Hand-written decoder data instead of iconv: Emscripten 3.1.6's musl iconv decodes 4-byte GB18030
// codes for U+10000.. wrongly (checked: 0x9439FC36 gave U+4364C, not U+1F600), and the core may only
// depend on the standard library. Regenerate with core/io/gen/gen_gb18030_table.py.
#pragma once
#include <cstddef>
#include <cstdint>

namespace yt::io {

// 2-byte codes: index (lead - 0x81) * 190 + trail_index, where trail_index is trail - 0x40 for
// 0x40..0x7E and trail - 0x41 for 0x80..0xFE. Value 0 = invalid code.
inline constexpr std::size_t kGb2ByteCount = 126 * 190;
extern const std::uint16_t kGb2Byte[kGb2ByteCount];

// 4-byte codes 0x81308130..0x8431A439 (linear index 0..39419): runs starting at linear index
// `start` whose code points go up from `cp` (cp 0 = invalid codes). Sorted by start; the first is 0.
struct Gb4Range {
    std::uint16_t start;
    std::uint16_t cp;
};
extern const Gb4Range kGb4Ranges[];
extern const std::size_t kGb4RangeCount;
inline constexpr std::uint32_t kGb4BmpCount = 39420;

}  // namespace yt::io
