// toolkit.hpp — widgets and text helpers that several views draw with, in one place.
//
// A view includes this (never another view's header) for: combos over keys, text fields over a
// std::string, fill bars with their level word, wrapped text (Chinese included), severity icons,
// list texts ("a, b" <-> {"a", "b"}), number and percent texts, collapsing sections and fresh
// ids. The layout widgets (begin_combo, begin_table, panes, note_widget...) are part of the view
// contract in view.hpp (layout.cpp). Nothing here keeps state between frames.
//
// Names published for browser tests: key_combo's options "<name>.opt.<key>".
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "views/view.hpp"

namespace yt::app::ui {

// [SECTION] inputs ---------------------------------------------------------------------------

// A combo over `keys` shown through `name_of`, at least `min_width` wide; with `empty_key` a first
// option "" named by that text key. Options are published as "<name>.opt.<key>" (`empty_tag` for
// ""). True, with the pick in `out`, when another option was chosen.
bool key_combo(const ViewEnv& e, const std::string& name, const std::vector<std::string>& keys, const std::string& current,
               const std::function<std::string(const std::string&)>& name_of, const char* empty_key, const char* empty_tag,
               std::string& out, float min_width);
// InputText over a std::string that grows as the user types; true when the text changed.
// `flags`: extra ImGuiInputTextFlags (e.g. Password).
bool input_string(const char* label, std::string& s, int flags = 0);
// The same, `width` pixels wide; and multi-line, `width` × `height`.
bool input_text(const char* id, std::string& s, float width);
bool input_multiline(const char* id, std::string& s, float width, float height);
// A text field over `current`, a value of the workspace: `on_change(text)` gets every change
// (submit a coalescing edit there) and the sink is sealed when the field loses focus. While it is
// active its text lives in `typing` (typing.key == key: ImGui copies its own buffer back whenever
// it differs from ours, so a normalised copy or a date typed halfway would fight the typing);
// otherwise it shows `current`. Multi-line when height > 0; `id` is the ImGui label, published as
// `name`.
struct Typing {
    std::string key, buf;  // the field being typed in and its text
};
void bound_text(const ViewEnv& e, Typing& typing, const std::string& key, const std::string& id, const std::string& name,
                const std::string& current, float width, float height,
                const std::function<void(const std::string&)>& on_change);
// A collapsing header ("文本###id"), open by default; `open` opens it now (e.g. a finding was clicked).
bool section(Lang l, const char* key, const char* id, bool open = false);

// [SECTION] levels and severities ------------------------------------------------------------

// 0 ok, 1 near the cap (>= near), 2 full (== cap), 3 over; -1 cap unknown (ratio < 0).
int fill_level(double ratio, double near);
// The i18n key naming a fill level ("ui.roles.level.ok", ...).
const char* level_key(int level);
// A fill bar `width` wide: the share drawn in green / amber / red (over the cap: red with a hatched
// end), `text` written over it and, with `status`, the level's word ("正常", "将满", ...) at its
// right end, so the level is never told by colour alone. True when the bar is hovered.
// `cut` (when given) is set when the text does not fit beside the level's word.
bool fill_bar(double ratio, double near, const std::string& text, float width, Lang l, bool status = true,
              bool* cut = nullptr);
// A severity icon (error: red disc with a cross, warning: amber triangle, info: blue disc with
// "i"), `size` pixels square, drawn at screen (x, y).
void severity_icon(int severity, float x, float y, float size);
// The severity icon, then `text` wrapped beside it (one finding in a list or under a field).
void severity_text(int severity, const std::string& text);

// [SECTION] wrapped text ---------------------------------------------------------------------

// Text broken into lines of at most `width` pixels in the current font: breaks at spaces and
// between Chinese characters (ImGui 1.86 wraps only at spaces, so a Chinese sentence after a
// number would break badly), never before closing punctuation.
std::vector<std::string> wrap_lines(const std::string& text, float width);
// Wrapped to the available width with wrap_lines().
void text_wrapped(const std::string& text, bool disabled = false);

// [SECTION] texts ----------------------------------------------------------------------------

// Text list helpers: "a, b" <-> {"a", "b"} (also splits on "，", "、", ";").
std::string join(const std::vector<std::string>& v, const char* sep = ", ");
std::vector<std::string> split_list(const std::string& s);
// 1,234 / 12.5 / "—" when not finite.
std::string num(double v);
// A ratio as a percent with `decimals` digits: 0.125 -> "13%" / "12.5%".
std::string pct(double ratio, int decimals = 0);
// A number with `decimals` digits, or "—" for NaN.
std::string fixed(double v, int decimals);

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

}  // namespace yt::app::ui
