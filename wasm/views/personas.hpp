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
// personas_edit.cpp (the edits).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/history.hpp"
#include "core/plan/handover.hpp"
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
    std::string edit_key, edit_buf;  // the text field being typed in ("<kind>.<id>.<field>") and its text
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

// Drawing helpers shared by the personas_*.cpp files (personas.cpp).
namespace roles_ui {
// A combo over `keys` shown through `name_of`, at least `min_width` wide; with `empty_key` a first
// option "" named by that text key. Options are published as "<name>.opt.<key>" (`empty_tag` for
// ""). True, with the pick in `out`, when another option was chosen.
bool key_combo(const ViewEnv& e, const std::string& name, const std::vector<std::string>& keys, const std::string& current,
               const std::function<std::string(const std::string&)>& name_of, const char* empty_key, const char* empty_tag,
               std::string& out, float min_width);
// InputText / multi-line InputText over a std::string; true when the text changed.
bool input_text(const char* id, std::string& s, float width);
bool input_multiline(const char* id, std::string& s, float width, float height);
// 0 ok, 1 near the cap (>= near), 2 full (== cap), 3 over; -1 cap unknown (ratio < 0).
int fill_level(double ratio, double near);
// A fill bar `width` wide: the share drawn in green / amber / red (over the cap: red with a hatched
// end), `text` written over it and, with `status`, the level's word ("正常", "将满", ...) at its
// right end, so the level is never told by colour alone. True when the bar is hovered.
// `cut` (when given) is set when the text does not fit beside the level's word.
bool fill_bar(double ratio, double near, const std::string& text, float width, Lang l, bool status = true,
              bool* cut = nullptr);
// Text broken into lines of at most `width` pixels in the current font: breaks at spaces and
// between Chinese characters (ImGui 1.86 wraps only at spaces, so a Chinese sentence after a
// number would break badly), never before closing punctuation.
std::vector<std::string> wrap_lines(const std::string& text, float width);
// Wrapped to the available width with wrap_lines().
void text_wrapped(const std::string& text, bool disabled = false);
// The i18n key naming a fill level ("ui.roles.level.ok", ...).
const char* level_key(int level);
// A severity icon (error: red disc with a cross, warning: amber triangle, info: blue disc with
// "i"), `size` pixels square, drawn at screen (x, y).
void severity_icon(int severity, float x, float y, float size);
// The severity icon, then `text` wrapped beside it (one finding in a list or under a field).
void severity_text(int severity, const std::string& text);
// Text list helpers: "a, b" <-> {"a", "b"} (also splits on "，", "、", ";").
std::string join(const std::vector<std::string>& v, const char* sep = ", ");
std::vector<std::string> split_list(const std::string& s);
// 1,234 / 12.5 / "—" for negatives meaning "never".
std::string num(double v);
std::string pct(double ratio);
// Name of an object for messages (its name, else its id; the id when it is not found).
std::string subject_name(const Workspace& ws, const std::string& kind, const std::string& id);
// Opens with the view's open_section request; default open.
bool section(PersonasView& v, Lang l, const char* key, const char* id);
}  // namespace roles_ui

// A fresh id "<prefix><n>" not used by `items` (n from 1).
template <class V>
std::string fresh_id(const V& items, const std::string& prefix) {
    for (int n = 1;; ++n) {
        std::string id = prefix + std::to_string(n);
        bool used = false;
        for (const auto& x : items) used = used || x.id == id;
        if (!used) return id;
    }
}

}  // namespace yt::app
