// term_match.hpp — finding a word in copy the way a reader sees it: on code points, not bytes.
//
// Text and word are decoded from UTF-8 (a malformed byte reads as U+FFFD, which matches nothing
// a user types), full-width ASCII forms (１００％, ＴＯＰ１) read as their ASCII twins and ASCII
// letters ignore case, so 100%, １００％ and top1 are found as written. A word that begins or
// ends with an ASCII letter or digit matches only where the text has no letter or digit next to
// it (TOP1 is not in TOP10, 100% not in 1100%). An occurrence inside one of the exceptions at
// that spot (第一 inside 第一次) is skipped. Offsets count code points.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace yt {

// Text decoded and folded once, searched for many words.
struct FoldedText {
    std::vector<char32_t> cps;
    explicit FoldedText(std::string_view utf8);
};

// Code-point offsets of the occurrences of `word` in `text`, ascending, skipping those that lie
// inside an occurrence of an exception. An empty word matches nothing.
std::vector<std::size_t> find_word(const FoldedText& text, std::string_view word,
                                   const std::vector<std::string>& exceptions = {});

// Number of code points of `utf8` (as FoldedText counts them).
std::size_t code_points(std::string_view utf8);

// The text around code points [at, at + len): up to `context` code points either side, with "…"
// where it was cut.
std::string excerpt(std::string_view utf8, std::size_t at, std::size_t len, std::size_t context = 8);

}  // namespace yt
