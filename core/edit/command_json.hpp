// command_json.hpp — Commands from JSON: the test hook's dispatch() and replayable edit logs.
//
// Forms (all objects):
//   {"type":"set_name","value":"私域运营"}        {"type":"set_brand","value":"…"}
//   {"type":"set_language","value":"en"}         {"type":"set_mask","value":false}
//   {"type":"set_theme","value":"dark"}          {"type":"set_rule","id":"wechat.friend_cap","value":10000}
//   {"type":"set_tiering","value":{…partial TieringSettings…}}
//   {"type":"apply_template","id":"community_week","from":"2026-11-16","to":"2026-11-29",
//    "personas":[…],"groups":[…],"tiers":[…],"campaign":"…"}   (a template's items, one undo step)
//   {"type":"set_festival_years","value":[{"festival":"double_11","year":2026,"phases":[…],"source":"…"}]}
//    (the plan's per-year festival phases, replaced as a whole)
//   {"type":"restore_content_terms"}   (the shipped compliance terms back as shipped; the user's
//    own terms kept; one undo step)
//   {"type":"insert"|"update"|"erase","section":S,"id":"…","value":{…}}
//   {"type":"move","section":S,"id":"…","index":N}   (to position N of the list; one undo step)
// where S is one of list_sections(). For insert and update, `value` may be partial: it is merged
// over the default object (insert) or the current one (update) before it is read. An insert may
// give "index" (its position; a duplicate goes right after its original). A script
// (roles.scripts) needs a category key of script_categories() (roles.bad_script_category).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/edit/command.hpp"

namespace yt {

Result<CommandPtr> command_from_json(std::string_view json, const Workspace& current);
std::vector<std::string> list_sections();

}  // namespace yt
