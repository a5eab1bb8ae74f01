// view.hpp — the contract every panel (tab) follows.
//
// A view draws the Workspace and the Derived figures and sends every change as an Edit value to the
// sink. It keeps only view state (selection, scroll, filters, text being typed), never domain
// data, and never `static` locals. The layout widgets are declared here (layout.cpp); the other
// widgets views share are in toolkit.hpp, never in another view's header. The Tiers view draws
// the App's Dataset (app/dataset.hpp), which it reaches through ViewEnv::dataset.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/derived.hpp"
#include "core/edit/history.hpp"
#include "core/i18n/i18n.hpp"
#include "core/plan/workspace.hpp"

namespace yt::app {

// Screen rectangles (x, y, w, h) of named widgets, published through the test hook so browser
// tests can click real widgets without guessing coordinates and check the layout: `visible` is
// the part its window shows (empty when scrolled away), `cut` says its text does not fit
// (ellipsised or clipped).
struct WidgetRect : std::array<float, 4> {
    std::array<float, 4> visible{};
    bool cut = false;
};
using WidgetRects = std::map<std::string, WidgetRect>;

// A file the user asked to save (the App hands it to Platform::download).
// The App confirms each one in the banner with its name and row count (and `note`, e.g. whether
// personal data are masked).
struct PendingDownload {
    std::string filename, mime, data;
    std::string note;
    bool show = false;  // an HTML page to open in a new tab (Platform::open_html), not a file to save
};

// What views ask of the app beyond workspace edits, handled by the App after the frame: files to
// offer as downloads, and file pickers to open (the file arrives later; see App).
struct Outbox {
    std::vector<PendingDownload> downloads;
    struct Pick { std::string purpose, accept; };
    std::vector<Pick> picks;
    // Data protection (Settings → 数据保护, the lock screen): not workspace edits, so not commands.
    struct Protect {
        enum class Kind { SetPassphrase, RemovePassphrase, Unlock, Lock, Wipe, IdleMinutes } kind;
        std::string text;  // the passphrase
        int minutes = 0;
    };
    std::vector<Protect> protect;
};

// What Settings and the lock screen show about data protection (app/vault.hpp).
struct ProtectStatus {
    bool on = false;          // a passphrase is set
    bool locked = false;      // the workspace is sealed and not yet opened
    bool busy = false;        // unlocking, saving sealed or re-encrypting
    std::uint32_t iterations = 0;
    int idle_minutes = 15;    // auto-lock after this long without input (0: never)
    std::string error;        // the last unlock or change error, in words
};

// Storage use as the platform last reported it (Settings shows it).
struct StorageUse {
    bool known = false;
    double used = 0, quota = 0;  // bytes
    bool persisted = false;
};

class Dataset;  // app/dataset.hpp

struct ViewEnv {
    const Workspace& ws;
    const Derived& d;
    EditSink& sink;
    Lang lang;
    WidgetRects& widgets;
    Outbox* out = nullptr;  // null in tests that do not exercise files
    const StorageUse* storage = nullptr;
    const ProtectStatus* protect = nullptr;
    std::int64_t now = 0;  // the time (UTC seconds) for export stamps: the app reads the clock, the core never does
    Dataset* dataset = nullptr;  // the orders' import and storage (the Tiers view draws it); null in tests without it
};

// The file types a picker offers for a purpose ("orders", "workspace").
const char* file_accept(const std::string& purpose);
// A button that opens the file picker for `purpose`. Its rectangle is published as
// "file:<purpose>" so the page can open the picker inside the click itself (browsers only allow
// pickers during a user gesture); a click also asks through the Outbox, for keyboard use.
bool file_button(const ViewEnv& e, const std::string& text, const std::string& purpose);

// Records the last item's rectangle under `name` (see WidgetRects). It counts as cut when its
// window clips it sideways and cannot scroll sideways.
void note_widget(const ViewEnv& e, const char* name);
// The same, for an item that shows `text` in its frame (button, combo, tab): cut also when the
// text is wider than the frame less its padding and `reserve` (a combo's arrow).
void note_text(const ViewEnv& e, const char* name, const std::string& text, float reserve = 0);
// Records a rectangle the view drew itself (screen x, y, w, h) under `name`.
void note_rect(const ViewEnv& e, const char* name, float x, float y, float w, float h);
// Marks a published widget as cut (for text a view draws itself).
void note_cut(const ViewEnv& e, const char* name, bool cut);

// [SECTION] layout toolkit (layout.cpp): widgets that fit their text, and report when they do not.
// A combo as wide as its preview needs (at least `min_width`, at most the rest of the line; in a
// table its column grows to it); a preview that still does not fit shows whole in a tooltip.
// Published as `name`.
bool begin_combo(const ViewEnv& e, const char* name, const char* id, const std::string& preview,
                 float min_width = 0, int combo_flags = 0);
// BeginTable() that, on narrow screens, scrolls sideways with its first column pinned instead of
// squeezing its columns (`min_width`: the width stretch columns need; the table is as high as its
// rows were last frame); fixed columns that drew past their width grow to fit on the next frame.
// `height` is for tables with their own scrolling.
bool begin_table(const char* id, int columns, int flags, float min_width = 0, float height = 0);
// TableHeadersRow() that publishes each header cell as "<name>.h<column>" (cut when ellipsised).
void table_headers(const ViewEnv& e, const char* name);
// EndTable() that first marks "<name>.h<column>" cut when any cell of that column drew past it
// (published as "<name>.c<column>" when the table has no header row).
void end_table(const ViewEnv& e, const char* name);
// A slider whose value is drawn beside the handle, or centred over the frame when neither side
// has room; in a table its column keeps room for the value (`name` may be null).
bool value_slider(const ViewEnv& e, const char* name, const char* id, int data_type, void* v, const void* lo,
                  const void* hi, const char* format, int slider_flags = 0);
// Puts the next item (`width` wide) on the current line when it fits there, else on the next.
void flow_line(float width);
// The width of a button showing `text`.
float button_width(const char* text);
// A panel beside another (a child window), or stacked one below the other (a group in the tab's
// own scrolling) on narrow screens or when the caller says so (`stack`, the same for all three
// calls of one pair of panes). pane_beside() goes between two panes.
// narrow_screen(): true on phones (< 700 CSS px): panels stack, the calendar lists days.
bool narrow_screen();
void begin_pane(const char* id, float width, bool border = false, int window_flags = 0, bool stack = narrow_screen());
void end_pane(bool stack = narrow_screen());
void pane_beside(bool stack = narrow_screen());
// Before ImGui::NewFrame(): a wheel notch (or a finger's pan) over a panel or table already at
// the end it scrolls towards moves the nearest window around it that can still scroll, so a list
// that fills a phone's screen does not trap the page.
void hand_wheel_outward();
// Where a wheel step goes now, for the test hook: the window under the pointer (its scroll and
// how far it scrolls) and the window Dear ImGui keeps scrolling for a while after a step.
struct WheelTarget {
    std::string hovered, locked;
    float scroll = 0, scroll_max = 0;
    bool ctrl = false, shift = false;  // a held modifier turns a wheel step into zoom / sideways
};
WheelTarget wheel_target();
// Scrolls the window holding the active text field (or the nearest one around it that scrolls)
// by `dy` pixels: the soft keyboard of a phone covers the field.
void scroll_active_into_view(float dy);
// True once after a frame in which a table changed the sizes it keeps (the layout needs another
// frame to settle).
bool take_layout_changed();
// note_widget() for a selectable that spans its table row.
void note_row(const ViewEnv& e, const char* name);
// Inside a table: whether the current column was given its width (not fitted to its content).
bool column_has_set_width();

// Translated label with a language-independent ImGui id: "文本###id".
std::string label(Lang lang, const char* key, const char* id);
inline const char* T(Lang lang, const char* key) { return tr(key, lang); }
// Thousands-separated integer ("12,345").
std::string thousands(long long v);
// Money with two decimals and separators ("¥12,345.60").
std::string money(double v);

}  // namespace yt::app
