// catalog.cpp — lists of built-in channels and content types (see catalog.hpp).
#include "core/calendar/catalog.hpp"

#include <algorithm>

namespace yt {
namespace {
const char* const kChannels[] = {"moments", "group", "private", "official", "live", "miniprogram"};
const char* const kValueTypes[] = {"tutorial", "tryon", "review", "life"};
const char* const kPromoTypes[] = {"promo", "live_perk", "launch", "coupon"};

template <std::size_t N>
bool contains(const char* const (&list)[N], const std::string& s) {
    return std::find(std::begin(list), std::end(list), s) != std::end(list);
}
}  // namespace

bool is_promotion_type(const std::string& type) { return contains(kPromoTypes, type); }
bool is_builtin_channel(const std::string& channel) { return contains(kChannels, channel); }

std::vector<std::string> builtin_channels() { return {std::begin(kChannels), std::end(kChannels)}; }
std::vector<std::string> value_types() { return {std::begin(kValueTypes), std::end(kValueTypes)}; }
std::vector<std::string> promotion_types() { return {std::begin(kPromoTypes), std::end(kPromoTypes)}; }

std::vector<std::string> content_types() {
    std::vector<std::string> out = value_types();
    for (const char* t : kPromoTypes) out.emplace_back(t);
    return out;
}

std::vector<std::string> all_channels(const CalendarPlan& plan) {
    std::vector<std::string> out = builtin_channels();
    for (const std::string& c : plan.custom_channels)
        if (!c.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    return out;
}

std::string channel_name_key(const std::string& channel) {
    return is_builtin_channel(channel) ? "calendar.channel." + channel : channel;
}

std::string type_name_key(const std::string& type) {
    return contains(kValueTypes, type) || contains(kPromoTypes, type) ? "calendar.type." + type : type;
}

}  // namespace yt
