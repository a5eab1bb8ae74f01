// mask.hpp — masking personal data (phone numbers, names) in lists and exports when the workspace
// setting mask_personal is on. UTF-8 aware: one '*' per hidden character.
#pragma once
#include <string>
#include <string_view>

namespace yt {

// "13812345678" -> "138****5678"; "+8613812345678" -> "+86138****5678"; "010-12345678" ->
// "010-****5678". 8+ characters: the four before the last four are hidden; 3..7: all but the
// first and last; shorter: all.
std::string mask_phone(std::string_view phone);

// "张三丰" -> "张**", "张三" -> "张*", "张" -> "*", "John Smith" -> "J*** *****": the first
// character is kept, every other one (spaces excepted) becomes '*'.
std::string mask_name(std::string_view name);

// A customer id in a masked export: ids that are phone-like (7+ digits, with + - or spaces) as
// mask_phone, every other id (nicknames, member names) as mask_name.
std::string mask_customer_id(std::string_view id);

}  // namespace yt
