// catalog.hpp — the built-in channels and content types of the calendar, with their i18n keys.
//
// Channels: moments 朋友圈, group 社群, private 私聊, official 公众号, live 视频号/直播,
// miniprogram 小程序, plus the workspace's custom channels (shown by their own name).
// Content types are value (tutorial, tryon, review, life) or promotion (promo, live_perk, launch,
// coupon); is_promotion_type() (declared in calendar_model.hpp) tells which.
#pragma once
#include <string>
#include <vector>

#include "core/calendar/calendar_model.hpp"

namespace yt {

std::vector<std::string> builtin_channels();
std::vector<std::string> value_types();
std::vector<std::string> promotion_types();
std::vector<std::string> content_types();  // value types, then promotion types

bool is_builtin_channel(const std::string& channel);
// Built-in then custom channels of the plan, without duplicates.
std::vector<std::string> all_channels(const CalendarPlan& plan);

// "calendar.channel.<key>" for built-in channels, else the custom channel's own name.
std::string channel_name_key(const std::string& channel);
// "calendar.type.<key>" for built-in types, else the type's own text.
std::string type_name_key(const std::string& type);

}  // namespace yt
