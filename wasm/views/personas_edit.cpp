// personas_edit.cpp — the edits of the 角色 view (see personas.hpp): Edit values (core/edit/edit.hpp).
#include <algorithm>

#include "views/personas.hpp"

namespace yt::app {

namespace roles_cmd {
Edit update_persona(const std::string& field, Persona v) { return set_field("roles.personas", v, field); }
Edit update_account(const std::string& field, Account v) { return set_field("roles.accounts", v, field); }
Edit update_group(const std::string& field, Group v) { return set_field("roles.groups", v, field); }
Edit update_operator(const std::string& field, Operator v) { return set_field("roles.operators", v, field); }
Edit update_koc(const std::string& field, Koc v) { return set_field("roles.kocs", v, field); }
Edit set_monthly_new_friends(int value) { return set_value("roles.monthly_new_friends", std::max(0, value), "ui.roles.cmd.growth"); }
Edit reassign_account(const std::string& account, const std::string& op) {
    return make_edit("reassign", "roles.accounts", account, "", value_json(op));
}
Edit transfer_group(const std::string& group, const std::string& owner) {
    return make_edit("transfer", "roles.groups", group, "", value_json(owner));
}
Edit add_persona(Persona p) { return insert_edit("roles.personas", p); }
Edit erase_persona(const std::string& id) { return erase_edit("roles.personas", id); }
Edit add_account(Account a) { return insert_edit("roles.accounts", a); }
Edit erase_account(const std::string& id) { return erase_edit("roles.accounts", id); }
Edit add_group(Group g) { return insert_edit("roles.groups", g); }
Edit erase_group(const std::string& id) { return erase_edit("roles.groups", id); }
Edit add_operator(Operator o) { return insert_edit("roles.operators", o); }
Edit erase_operator(const std::string& id) { return erase_edit("roles.operators", id); }
Edit add_koc(Koc k) { return insert_edit("roles.kocs", k); }
Edit erase_koc(const std::string& id) { return erase_edit("roles.kocs", id); }
Edit update_script(const std::string& field, ScriptEntry s) { return set_field("roles.scripts", s, field); }
Edit add_script(ScriptEntry s, int index) { return insert_edit("roles.scripts", s, index); }
Edit erase_script(const std::string& id) { return erase_edit("roles.scripts", id); }
Edit move_script(const std::string& id, int index) { return move_edit("roles.scripts", id, index); }
Edit update_journey(const std::string& field, Sop s) { return set_field("calendar.sops", s, field); }
Edit add_journey(Sop s) { return insert_edit("calendar.sops", s); }
Edit erase_journey(const std::string& id) { return erase_edit("calendar.sops", id); }
}  // namespace roles_cmd

}  // namespace yt::app
