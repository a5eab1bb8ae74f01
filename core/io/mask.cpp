// mask.cpp — phone and name masking (see mask.hpp).
#include "core/io/mask.hpp"

#include <vector>

namespace yt {

namespace {

// Splits UTF-8 text into characters (invalid bytes count as one character each).
std::vector<std::string_view> chars_of(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + len > s.size()) len = 1;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) { len = 1; break; }
        out.push_back(s.substr(i, len));
        i += len;
    }
    return out;
}

}  // namespace

std::string mask_phone(std::string_view phone) {
    const auto cs = chars_of(phone);
    const std::size_t n = cs.size();
    std::size_t hide_from, hide_to;  // [from, to) hidden
    if (n >= 8) { hide_from = n - 8; hide_to = n - 4; }
    else if (n >= 3) { hide_from = 1; hide_to = n - 1; }
    else { hide_from = 0; hide_to = n; }
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        if (i >= hide_from && i < hide_to) out.push_back('*');
        else out.append(cs[i].data(), cs[i].size());
    }
    return out;
}

std::string mask_name(std::string_view name) {
    const auto cs = chars_of(name);
    std::string out;
    if (cs.size() == 1) return "*";
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (i == 0 || cs[i] == " ") out.append(cs[i].data(), cs[i].size());
        else out.push_back('*');
    }
    return out;
}

std::string mask_customer_id(std::string_view id) {
    if (id.empty()) return std::string();
    int digits = 0;
    bool phone_like = true;
    for (char c : id) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c != '+' && c != '-' && c != ' ') phone_like = false;
    }
    return phone_like && digits >= 7 ? mask_phone(id) : mask_name(id);
}

}  // namespace yt
