// term_match.cpp — code-point search with full-width and case folding (see term_match.hpp).
#include "core/rules/term_match.hpp"

#include <algorithm>

namespace yt {

namespace {

constexpr char32_t kBad = 0xFFFD;

// Decodes one code point at s[i]; advances i past it (one byte for a malformed sequence).
char32_t next_cp(std::string_view s, std::size_t& i) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return kBad;
    }
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (int k = 1; k < len; ++k) {
        const unsigned char c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((c >> 6) != 0x2) {
            ++i;
            return kBad;
        }
        cp = (cp << 6) | (c & 0x3Fu);
    }
    // Overlong forms and surrogates are malformed too.
    static const char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kBad;
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

// Full-width ASCII (U+FF01..U+FF5E) and the ideographic space read as ASCII; letters lower case.
char32_t fold(char32_t c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == 0x3000) c = ' ';
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    return c;
}

bool ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }

std::vector<char32_t> decode(std::string_view s, std::vector<std::size_t>* starts = nullptr) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (starts) starts->push_back(i);
        out.push_back(fold(next_cp(s, i)));
    }
    if (starts) starts->push_back(s.size());
    return out;
}

bool equal_at(const std::vector<char32_t>& text, std::size_t at, const std::vector<char32_t>& w) {
    if (at + w.size() > text.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
        if (text[at + k] != w[k] || w[k] == kBad) return false;
    return true;
}

std::vector<std::size_t> raw_find(const std::vector<char32_t>& text, const std::vector<char32_t>& w) {
    std::vector<std::size_t> out;
    if (w.empty() || w.size() > text.size()) return out;
    const bool lead = ascii_alnum(w.front()), trail = ascii_alnum(w.back());
    for (std::size_t at = 0; at + w.size() <= text.size(); ++at) {
        if (!equal_at(text, at, w)) continue;
        if (lead && at > 0 && ascii_alnum(text[at - 1])) continue;
        if (trail && at + w.size() < text.size() && ascii_alnum(text[at + w.size()])) continue;
        out.push_back(at);
    }
    return out;
}

}  // namespace

FoldedText::FoldedText(std::string_view utf8) : cps(decode(utf8)) {}

std::vector<std::size_t> find_word(const FoldedText& text, std::string_view word, const std::vector<std::string>& exceptions) {
    const std::vector<char32_t> w = decode(word);
    std::vector<std::size_t> hits = raw_find(text.cps, w);
    if (hits.empty() || exceptions.empty()) return hits;
    // Spans of the text covered by an exception that contains the word.
    std::vector<std::pair<std::size_t, std::size_t>> covered;
    for (const std::string& ex : exceptions) {
        const std::vector<char32_t> e = decode(ex);
        if (raw_find(e, w).empty()) continue;  // an exception without the word shields nothing
        for (std::size_t at : raw_find(text.cps, e)) covered.emplace_back(at, at + e.size());
    }
    std::vector<std::size_t> out;
    for (std::size_t h : hits) {
        bool inside = false;
        for (const auto& c : covered) inside = inside || (h >= c.first && h + w.size() <= c.second);
        if (!inside) out.push_back(h);
    }
    return out;
}

std::size_t code_points(std::string_view utf8) { return decode(utf8).size(); }

std::string excerpt(std::string_view utf8, std::size_t at, std::size_t len, std::size_t context) {
    std::vector<std::size_t> starts;
    const std::size_t n = decode(utf8, &starts).size();
    if (at > n) at = n;
    const std::size_t a = at > context ? at - context : 0;
    const std::size_t b = std::min(n, at + len + context);
    std::string out = a > 0 ? "…" : "";
    out.append(utf8.substr(starts[a], starts[b] - starts[a]));
    if (b < n) out += "…";
    return out;
}

}  // namespace yt
