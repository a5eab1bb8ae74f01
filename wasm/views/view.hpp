// view.hpp — the contract every panel (tab) follows.
//
// A view draws the Workspace and the Derived figures and sends every edit as a Command to the
// sink. It keeps only view state (selection, scroll, filters, text being typed), never domain
// data, and never `static` locals.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/derived.hpp"
#include "core/edit/command.hpp"
#include "core/i18n/i18n.hpp"
#include "core/plan/workspace.hpp"

namespace yt::app {

// Screen rectangles (x, y, w, h) of named widgets, published through the test hook so browser
// tests can click real widgets without guessing coordinates.
using WidgetRects = std::map<std::string, std::array<float, 4>>;

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

struct ViewEnv {
    const Workspace& ws;
    const Derived& d;
    CommandSink& sink;
    Lang lang;
    WidgetRects& widgets;
    Outbox* out = nullptr;  // null in tests that do not exercise files
    const StorageUse* storage = nullptr;
    const ProtectStatus* protect = nullptr;
    std::int64_t now = 0;  // the time (UTC seconds) for export stamps: the app reads the clock, the core never does
};

// The file types a picker offers for a purpose ("orders", "workspace").
const char* file_accept(const std::string& purpose);
// A button that opens the file picker for `purpose`. Its rectangle is published as
// "file:<purpose>" so the page can open the picker inside the click itself (browsers only allow
// pickers during a user gesture); a click also asks through the Outbox, for keyboard use.
bool file_button(const ViewEnv& e, const std::string& text, const std::string& purpose);

// Records the last item's rectangle under `name` (see WidgetRects).
void note_widget(const ViewEnv& e, const char* name);

// Translated label with a language-independent ImGui id: "文本###id".
std::string label(Lang lang, const char* key, const char* id);
inline const char* T(Lang lang, const char* key) { return tr(key, lang); }
// InputText over a std::string that grows as the user types; true when the text changed.
// `flags`: extra ImGuiInputTextFlags (e.g. Password).
bool input_string(const char* label, std::string& s, int flags = 0);
// Thousands-separated integer ("12,345").
std::string thousands(long long v);
// Money with two decimals and separators ("¥12,345.60").
std::string money(double v);


}  // namespace yt::app
