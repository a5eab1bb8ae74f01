// personas.hpp — the 角色 Personas tab: personas, their accounts and groups, KOCs / 团长,
// operators, the script library, and the findings of the platform-rule checker.
//
// Layout: the main panel (left, scrolls) holds persona cards with an edit panel, the accounts
// table (friends against caps), the group planner (per persona: fill level, QR codes, how many
// groups and when to open the next), the KOC registry, the operator workload table and the script
// library; the findings panel (right) lists check() results, and clicking one selects the object
// it concerns, opens its section and scrolls the main panel to its row.
//
// Every edit is an Edit value (core/edit/edit.hpp; undo/redo): the builders below set one field
// of one object (consecutive edits of that field coalesce into one undo step; the view seals
// when a field loses focus), insert, erase, move or hand an account or group over. The figures come from RoleFigures (app/derived_roles.hpp).
//
// Widgets published for browser tests (note_widget): "persona_card.<id>", "persona_add",
// "persona_name" (edit panel), "acc_row.<id>", "acc_plus.<id>", "acc_minus.<id>", "account_add",
// "grp_row.<id>", "grp_plus.<id>", "grp_minus.<id>", "koc_add", "op_add", "scripts_export",
// "file:group_stats" (import a group-statistics export), "ghealth_row.<n>" and "ghealth_flags.<n>"
// (the n-th group of the import), "finding.<n>" (the n-th finding of RoleFigures::findings, visible
// ones only) and "sel.<kind>.<id>" (the highlighted row or card of the selected object, once it is
// drawn); the script library's widgets are listed in personas_scripts.cpp.
//
// "Export CSV" does not save anything itself: it leaves a PendingDownload in `download`, and the
// App passes take_download() to Platform::download().
//
// Files: personas.cpp (layout, selection, findings), personas_cards.cpp (persona cards and the edit
// panel), personas_tables.cpp (accounts, groups, KOCs, operators), personas_scripts.cpp (the
// script library: list, filters, editor, import/export), personas_health.cpp (group health), personas_journeys.cpp (journeys),
// personas_edit.cpp (the edits). The widgets it shares with other views (fill bars, wrapped text,
// key combos, text fields) are in toolkit.hpp.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/history.hpp"
#include "core/plan/handover.hpp"
#include "views/toolkit.hpp"
#include "views/view.hpp"

namespace yt::app {

struct PersonasView {
    // The selected object: kind is "persona", "account", "group", "operator" or "koc".
    std::string sel_kind, sel_id;
    bool scroll_pending = false;   // scroll the main panel to the selected row when it is drawn
    std::string open_section;      // section to open on the next draw (a finding was clicked)
    std::string delete_armed;      // "<kind>:<id>" whose delete button waits for its second click
    std::string error;             // the last refused edit, in the UI language
    bool scroll_now = false;       // this frame's copies of scroll_pending / open_section
    std::string open_now;
    std::optional<PendingDownload> download;  // set by "export CSV"
    ui::Typing typing;  // the text field being typed in ("<kind>.<id>.<field>") and its text
    // The script library's search text, persona and category filters ("" = all) and the entry
    // open in the editor ("" = none).
    std::string script_query, script_persona, script_category, script_open;
    // Journeys: the one open in the editor ("" = none), the task list's operator ("" = all) and
    // days (7 or 30 from today).
    std::string journey_open, journey_who;
    int journey_days = 7;

    void draw(const ViewEnv& e);
    void select(const std::string& kind, const std::string& id, bool scroll);
    // Opens a script in the library's editor (filters cleared so it is listed) and scrolls to it.
    void open_script(const std::string& id);
    // Opens a journey in its editor and scrolls to it.
    void open_journey(const std::string& id);
    bool selected(const std::string& kind, const std::string& id) const { return sel_kind == kind && sel_id == id; }
    // The file waiting to be saved, if any (and forget it).
    std::optional<PendingDownload> take_download();

    // Parts of draw() (one file each, see above).
    void draw_findings(const ViewEnv& e);
    void draw_personas(const ViewEnv& e);
    void draw_persona_editor(const ViewEnv& e);
    void draw_accounts(const ViewEnv& e);
    void draw_owners(const ViewEnv& e);
    void draw_groups(const ViewEnv& e);
    void draw_kocs(const ViewEnv& e);
    void draw_group_health(const ViewEnv& e);  // personas_health.cpp
    void draw_operators(const ViewEnv& e);
    void draw_scripts(const ViewEnv& e);
    void draw_script_editor(const ViewEnv& e, const ScriptEntry& s);
    void draw_journeys(const ViewEnv& e);  // personas_journeys.cpp
    void draw_journey_editor(const ViewEnv& e, const Sop& s);
    // Submits `c`; `discrete` seals before and after (a click), else the edit may coalesce with the
    // previous one of the same field (typing, dragging). Records a refusal in `error`.
    bool submit(const ViewEnv& e, Edit c, bool discrete);
    // A row or card of the selected object was drawn: highlight, publish, scroll once.
    void mark_selected_row(const ViewEnv& e, const std::string& kind, const std::string& id);
    // A text field over `current`: `on_change(text)` is called with every change (submit a
    // coalescing update there); the sink is sealed when the field loses focus. Multi-line when
    // height > 0. `id` ("<kind>.<id>.<field>") is also the ImGui id.
    void text_field(const ViewEnv& e, const std::string& id, const std::string& current, float width,
                    const std::function<void(const std::string&)>& on_change, float height = 0);
    // "Delete" (×, or the text of `label_key`) that needs a second click; true on the confirming click.
    bool delete_button(const ViewEnv& e, const std::string& kind, const std::string& id, const char* label_key = nullptr);
};

// The script library as a file to download, "scripts-<date>.csv": every entry, or only those of
// `persona` when it is not empty.
PendingDownload scripts_download(const Workspace& ws, Day today, const std::string& persona = "");
// The persona that imported rows without a 人设 column go to: the library's persona filter, else
// the first persona ("" when there is none).
std::string script_import_persona(const PersonasView& v, const Workspace& ws);

// Edits of this view (personas_edit.cpp). `field` is the path of what was edited ("name",
// "friends", "steps.2.day"): only that value goes into the edit, and consecutive edits of the same
// field of the same object coalesce into one undo step.
namespace roles_cmd {
Edit update_persona(const std::string& field, Persona value);
Edit update_account(const std::string& field, Account value);
Edit update_group(const std::string& field, Group value);
Edit update_operator(const std::string& field, Operator value);
Edit update_koc(const std::string& field, Koc value);
Edit set_monthly_new_friends(int value);
// Handover: validated on apply with plan_account_reassign / plan_group_transfer (counts of earlier
// transfers are not kept in the workspace yet, so they are taken as 0), undone exactly.
Edit reassign_account(const std::string& account, const std::string& new_operator);
Edit transfer_group(const std::string& group, const std::string& new_owner);
// Insert and erase.
Edit add_persona(Persona p);
Edit erase_persona(const std::string& id);
Edit add_account(Account a);
Edit erase_account(const std::string& id);
Edit add_group(Group g);
Edit erase_group(const std::string& id);
Edit add_operator(Operator o);
Edit erase_operator(const std::string& id);
Edit add_koc(Koc k);
Edit erase_koc(const std::string& id);
// The script library (personas_scripts.cpp): `index` >= 0 places the new entry there (a
// duplicate right after its original); move_script puts an entry at `index` (one undo step).
Edit update_script(const std::string& field, ScriptEntry s);
Edit add_script(ScriptEntry s, int index = -1);
Edit erase_script(const std::string& id);
Edit move_script(const std::string& id, int index);
// Journeys (calendar.sops), edited beside the scripts they send.
Edit update_journey(const std::string& field, Sop s);
Edit add_journey(Sop s);
Edit erase_journey(const std::string& id);
}  // namespace roles_cmd

// Drawing helpers shared by the personas_*.cpp files (personas.cpp); the generic widgets they
// draw with are in toolkit.hpp.
namespace roles_ui {
// Name of an object for messages (its name, else its id; the id when it is not found).
std::string subject_name(const Workspace& ws, const std::string& kind, const std::string& id);
// A section of the tab (ui::section) that opens with the view's open_section request.
bool section(PersonasView& v, Lang l, const char* key, const char* id);
}  // namespace roles_ui

}  // namespace yt::app
