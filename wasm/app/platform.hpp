// platform.hpp — the thin, named seam between the app and where it runs (browser or desktop).
//
// Everything browser-specific (storage, text input, files, clipboard, wake-ups) sits behind this
// interface; wasm/platform/platform_web.cpp and platform_native.cpp implement it. The app and the
// views never include SDL or Emscripten headers.
#pragma once
#include <cstdint>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/dates.hpp"
#include "core/model/result.hpp"

namespace yt::app {

// Something the platform delivers between frames (App::draw takes them at the start of a frame):
// a file the user picked or dropped, large data read back from storage, news about storage and
// about other tabs.
struct PlatformEvent {
    enum class Kind {
        File,             // key: the purpose given to pick_file ("" when dropped); name, data
        BlobLoaded,       // key, data
        BlobMissing,      // key: nothing stored under it
        BlobSaved,        // key
        BlobFailed,       // key, error (an i18n key: storage.quota, storage.disabled, ...)
        StorageEstimate,  // used, quota (bytes), persisted
        OtherTab,         // another tab of this app opened (name: its id)
        OtherTabSaved,    // another tab saved the workspace
        KeyReady,         // key: the request tag; a derived key is kept under the id asked for
        Encrypted,        // key: tag; name: the IV used; data: ciphertext with its GCM tag
        Decrypted,        // key: tag; data: the plaintext
        CryptoFailed,     // key: tag; error: persist.wrong_passphrase, persist.crypto, ...
        Wiped,            // data: what was removed, one item a line
        IdleLock,         // no input for the idle time given to set_idle_lock
    };
    Kind kind = Kind::File;
    std::string key;
    std::string name;
    std::string data;
    std::string error;
    double used = 0, quota = 0;
    bool persisted = false;
};

class Platform {
public:
    virtual ~Platform() = default;
    // Key-value storage (localStorage on the web, files natively). get: nullopt when absent;
    // an Error when storage cannot be used at all.
    virtual Result<std::optional<std::string>> storage_get(const std::string& key) = 0;
    virtual Status storage_set(const std::string& key, const std::string& value) = 0;
    // Where read-only assets (font, demo data) are found.
    virtual std::string asset_path(const std::string& rel) const = 0;
    // Text input: the app says when a text field is active and where its caret is (screen px).
    virtual void text_input(bool active, float x, float y, float line_height) = 0;
    // Offer bytes to the user as a download / saved file.
    virtual Status download(const std::string& filename, const std::string& mime, const std::string& data) = 0;
    // Shows a self-contained HTML page (the printable plan) in a new browser tab through a Blob
    // URL, with its "yt-print" button wired to the tab's print(); natively writes it to a file in
    // the temporary directory. Returns where it went (the tab's name, or the file's path).
    // Errors: "report.tab_blocked" (the browser refused the new tab), "cli.cannot_write".
    virtual Result<std::string> open_html(const std::string& name, const std::string& html) = 0;
    // The user's preferred language ("zh", "en") as the system reports it.
    virtual std::string preferred_language() const = 0;
    // The device's local date (Day), for what "today" means in a plan that is not the demo and
    // has no pinned date. The default reads the C library's clock (the browser's under Emscripten).
    virtual std::optional<Day> local_today() const;
    // Opens the system file picker (in the browser on the release of the click that asked, so
    // it keeps user activation). The chosen file arrives as a File event with key == purpose.
    virtual void pick_file(const std::string& purpose, const std::string& accept) = 0;
    // Large data (imported orders): IndexedDB in the browser, files natively. Results arrive as
    // BlobSaved / BlobFailed and BlobLoaded / BlobMissing events.
    virtual void blob_put(const std::string& key, std::string data) = 0;
    // The same for data given in two parts (a header and a large file, held until stored),
    // stored as one value; the browser joins them on its side, a slice per task.
    virtual void blob_put_parts(const std::string& key, std::string_view head, std::shared_ptr<const std::string> body) {
        blob_put(key, joined(head, body ? std::string_view(*body) : std::string_view()));
    }
    // head followed by body, in one new string.
    static std::string joined(std::string_view head, std::string_view body) {
        std::string data;
        data.reserve(head.size() + body.size());
        data.append(head).append(body);
        return data;
    }
    virtual void blob_get(const std::string& key) = 0;
    virtual void blob_delete(const std::string& key) = 0;
    // Asks for storage use (a StorageEstimate event) and, when `persist`, for persistent storage.
    virtual void request_storage_info(bool persist) = 0;
    // Tells other tabs this one saved (they show a notice instead of overwriting silently).
    virtual void announce_saved(std::uint64_t seq) = 0;
    // Encryption at rest (core/persist/sealed.hpp): AES-256-GCM under a key derived with
    // PBKDF2-SHA-256. The platform keeps derived keys under the id the app names (in the browser
    // as non-extractable WebCrypto keys, which never enter the app's memory); results arrive as
    // KeyReady / Encrypted / Decrypted / CryptoFailed events carrying `tag`.
    virtual void key_derive(const std::string& id, const std::string& passphrase, const std::string& salt,
                            std::uint32_t iterations, const std::string& tag) = 0;
    virtual void key_forget(const std::string& id) = 0;  // "" forgets every key
    // Encrypts under a fresh random IV.
    virtual void encrypt(const std::string& id, const std::string& tag, const std::string& aad, std::string plain) = 0;
    virtual void decrypt(const std::string& id, const std::string& tag, const std::string& iv, const std::string& aad,
                         std::string sealed) = 0;
    virtual std::string random_bytes(std::size_t n) = 0;
    // Removes every key of this app from storage (key-value, large data, the page's caches of
    // data; not the app's own files); a Wiped event says what went.
    virtual void wipe_storage() = 0;
    // An IdleLock event after `minutes` without user input (0: never).
    virtual void set_idle_lock(int minutes) = 0;
    // Everything delivered since the last call, in order.
    virtual std::vector<PlatformEvent> take_events() = 0;
    // A touch screen is the main pointer (phones, tablets): touch-sized targets.
    virtual bool touch_screen() const { return false; }
};

}  // namespace yt::app
