// i18n.hpp — the string table (Chinese first, English too) shared by the app and the CLI.
//
// Strings are looked up by stable keys: error and finding codes ("io.bad_date"), and the words
// core renders itself (report, exports). Each module keeps its own table in
// <module>/messages.cpp; core_tables() in i18n.cpp lists them. A front end adds the words of its
// screens with add_message_table() (the app: wasm/app/ui_messages.hpp). Templates use {0}, {1},
// ... for arguments.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/result.hpp"

namespace yt {

enum class Lang { Zh = 0, En = 1 };

struct Msg {
    const char* key;
    const char* zh;
    const char* en;
};

struct MsgTable {
    const Msg* data;
    std::size_t size;
};

Lang parse_lang(std::string_view s);  // "en*" -> En, anything else -> Zh
const char* lang_code(Lang l);

// The template for `key`, or the key itself when it is unknown (always a stable pointer).
const char* tr(std::string_view key, Lang lang);
bool has_tr(std::string_view key);
// Keys defined more than once across the tables (only the first is ever shown).
std::vector<std::string> duplicate_message_keys();
// Substitutes {0}, {1}, ... in `templ`.
std::string format_msg(std::string_view templ, const std::vector<std::string>& args);
// tr + format_msg.
std::string trf(std::string_view key, Lang lang, const std::vector<std::string>& args);
// A full sentence for an Error: its message plus the location ("第 12 行" / "line 12").
std::string describe(const Error& e, Lang lang);

// Adds a front end's own table (its screens' words) after the core ones. Call before the texts
// are first asked for from more than one thread (the app does it once, at start).
void add_message_table(MsgTable t);

// Module tables (defined in each module's messages.cpp).
MsgTable core_messages();
MsgTable io_messages();
MsgTable tiering_messages();
MsgTable roles_messages();
MsgTable calendar_messages();
MsgTable economics_messages();
MsgTable rules_messages();
MsgTable report_messages();      // core/plan/messages_report.cpp (the printable plan)
MsgTable content_messages();     // core/rules/messages_content.cpp (compliance scan)
MsgTable groups_messages();      // core/groups/messages.cpp (group health)
MsgTable journeys_messages();    // core/plan/messages_journeys.cpp (journeys and their task lists)

}  // namespace yt
