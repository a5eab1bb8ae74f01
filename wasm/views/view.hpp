// view.hpp — the contract every panel (tab) follows.
//
// A view draws the Workspace and the Derived figures and sends every edit as a Command to the
// sink. It keeps only view state (selection, scroll, filters, text being typed), never domain
// data, and never `static` locals.
#pragma once
#include <array>
#include <map>
#include <string>

#include "app/derived.hpp"
#include "core/edit/command.hpp"
#include "core/i18n/i18n.hpp"
#include "core/model/workspace.hpp"

namespace yt::app {

// Screen rectangles (x, y, w, h) of named widgets, published through the test hook so browser
// tests can click real widgets without guessing coordinates.
using WidgetRects = std::map<std::string, std::array<float, 4>>;

struct ViewEnv {
    const Workspace& ws;
    const Derived& d;
    CommandSink& sink;
    Lang lang;
    WidgetRects& widgets;
};

// Records the last item's rectangle under `name` (see WidgetRects).
void note_widget(const ViewEnv& e, const char* name);

// Translated label with a language-independent ImGui id: "文本###id".
std::string label(Lang lang, const char* key, const char* id);
inline const char* T(Lang lang, const char* key) { return tr(key, lang); }
// InputText over a std::string that grows as the user types; true when the text changed.
bool input_string(const char* label, std::string& s);
// Thousands-separated integer ("12,345").
std::string thousands(long long v);
// Money with two decimals and separators ("¥12,345.60").
std::string money(double v);


}  // namespace yt::app
