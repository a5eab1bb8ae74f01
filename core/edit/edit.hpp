// edit.hpp — every change to a Workspace is an Edit: a plain value naming what changes and to what.
//
//   Edit e = set_field("roles.personas", persona, "name");   // views build values, never text
//   Result<Edit> undo = apply(ws, e);                        // the inverse edit, or an error (ws unchanged)
//   std::string line = edit_json(e);                         // the one text form: hook, `yutang apply`, logs
//   Result<Edit> again = edit_from_json(line);
//
// Where: `section` names a part of the Workspace (edit_sections(): "name", "settings.theme",
// "rules", "roles.personas", "economics.product", "" for the whole workspace, ...). In a list
// section `target` is an element's id. `field` is a path inside the target ("a.aov",
// "steps.2.day"; members by their JSON names, array elements by index); "" is the whole target.
// Kinds:
//   set      the value at (section, target, field) becomes `value` (a JSON text of the whole value)
//   update   `value` (a JSON object, maybe partial) is merged over the value at that place
//   insert   a list element: `value` merged over the element's defaults, id = target, at `index`
//   erase    the element `target` leaves its list;  move: it goes to position `index`
//   reassign an account (target) to another operator (value), checked like a handover
//   transfer a group (target) to another owner account (value), checked against WeCom's limits
//   apply_template  the items of a cadence template (value: {id, from, to, personas, ...})
//   restore_content_terms  the shipped compliance terms back as shipped, the user's own kept
//   batch    `parts` applied in order as one step (all or nothing)
// Undo is by inverse edit: apply() returns the edit that puts back exactly what it changed (the
// previous value of that one place), so history holds small values rather than copies of the
// workspace (see README, "Undo memory").
#pragma once
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/result.hpp"
#include "core/model/json.hpp"
#include "core/model/serial.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

struct Edit {
    std::string kind;     // set, update, insert, erase, move, reassign, transfer, apply_template, restore_content_terms, batch
    std::string section;  // edit_sections()
    std::string target;   // an element's id in a list section (JSON "id")
    std::string field;    // a path inside the target; "" = all of it
    std::string value;    // JSON text; "" when the kind takes none
    int index = -1;       // insert / move: position in the list (-1 = at the end)
    std::string label;    // i18n key naming the edit in Undo's tooltip; "" = "cmd.<kind>"
    std::vector<Edit> parts;  // batch

    bool operator==(const Edit& o) const {
        return kind == o.kind && section == o.section && target == o.target && field == o.field && value == o.value &&
               index == o.index && label == o.label && parts == o.parts;
    }
};

// Applies `e`; returns the edit that undoes it. On error the workspace is unchanged.
Result<Edit> apply(Workspace& ws, const Edit& e);

// The JSON form: {"type":kind,"section":…,"id":target,"field":…,"value":…,"index":…,"label":…,"parts":[…]}
// (members left out when empty). edit_from_json also reads the older forms (set_name, set_brand,
// set_theme, set_language, set_mask, set_rule, set_tiering, set_festival_years).
std::string edit_json(const Edit& e);
Result<Edit> edit_from_json(std::string_view json);

// The sections an edit may name, and those that are lists of elements with ids.
std::vector<std::string> edit_sections();
std::vector<std::string> list_sections();

// The i18n key naming an edit ("cmd.rename", "cmd.update", ...).
std::string edit_label(const Edit& e);

// Two edits of the same place: typing or dragging sends one per frame, and History keeps them as
// one undo step until it is sealed. Only set and update edits coalesce.
bool same_place(const Edit& a, const Edit& b);

// ---- building edits from typed values (the value is written with cereal, as the workspace is saved)

// The member "v" of cereal's output, as compact JSON text.
std::string compact_value(const std::string& cereal_text);

// JSON text of a value as the workspace file writes it (compact: one text per value).
template <class T>
std::string value_json(const T& v) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
        ar(cereal::make_nvp("v", v));
    }
    return compact_value(os.str());
}

Edit make_edit(std::string kind, std::string section, std::string target, std::string field, std::string value,
               std::string label = {});

// The value at `section` (a value section) becomes `v`.
template <class T>
Edit set_value(std::string section, const T& v, std::string label = {}) {
    return make_edit("set", std::move(section), "", "", value_json(v), std::move(label));
}
// One field of a list element: `whole` is the element as the view changed it; only the value at
// `field` (a path such as "name" or "steps.2.day") goes into the edit.
Edit set_field_json(std::string section, const std::string& whole_json, const std::string& id, std::string field,
                    std::string label = {});
template <class T>
Edit set_field(std::string section, const T& whole, std::string field, std::string label = {}) {
    return set_field_json(std::move(section), value_json(whole), whole.id, std::move(field), std::move(label));
}
// A value at (section, target, field) given directly.
template <class T>
Edit set_at(std::string section, std::string target, std::string field, const T& v, std::string label = {}) {
    return make_edit("set", std::move(section), std::move(target), std::move(field), value_json(v), std::move(label));
}
template <class T>
Edit insert_edit(std::string section, const T& element, int index = -1, std::string label = {}) {
    Edit e = make_edit("insert", std::move(section), element.id, "", value_json(element), std::move(label));
    e.index = index;
    return e;
}
// The items of cadence template `id` for the days from..to ("YYYY-MM-DD"), as one step.
struct TemplateRequest {
    std::string id, from, to;
    std::vector<std::string> personas, groups, tiers;
    std::string campaign;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(from), CEREAL_NVP(to), CEREAL_NVP(personas), CEREAL_NVP(groups), CEREAL_NVP(tiers),
           CEREAL_NVP(campaign));
    }
};
inline Edit template_edit(const TemplateRequest& r) { return make_edit("apply_template", "", "", "", value_json(r)); }
Edit erase_edit(std::string section, std::string id, std::string label = {});
Edit move_edit(std::string section, std::string id, int index, std::string label = {});
Edit batch_edit(std::string label, std::vector<Edit> parts);

}  // namespace yt
