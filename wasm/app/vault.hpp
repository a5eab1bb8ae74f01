// vault.hpp — encryption at rest for the app: the passphrase, the lock, sealed saves and the
// re-encryption when the passphrase is set, changed or removed.
//
// With a passphrase, each workspace slot holds a sealed box (core/persist/sealed.hpp) and the
// imported orders are stored sealed under "orders.<key id>" (the id names the salt, so boxes of
// two passphrases never share a key); without one, as before ("orders", plain slots). The
// platform does the cryptography (WebCrypto in the browser, asynchronously) and keeps the key, so
// every step here is a request whose answer arrives as an event that handle() consumes.
//
// Changing the passphrase is crash-safe in this order: (1) the orders are written under the new
// key's name, (2) the workspace, sealed under the new key, is written into the next slot and then
// into the other one too, (3) the old orders are deleted and the old key forgotten. A reload
// before (2) finds the old slots and the old orders; after the first write of (2) the newest slot
// names the new key, whose orders are already stored. A failure at any step leaves the old state.
#pragma once
#include <cstdint>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/autosave.hpp"
#include "app/platform.hpp"
#include "core/persist/sealed.hpp"
#include "views/view.hpp"

namespace yt::app {

class Vault {
public:
    static constexpr const char* kSettingsKey = "yutang.protect";  // device settings (idle time)
    Vault(Platform& p, Autosave& a) : p_(p), a_(a) {}

    // After Autosave::load(): when the newest slot is sealed the vault keeps the box and is locked.
    void start(const LoadOutcome& got);
    const ProtectStatus& status() const { return st_; }
    void set_error(std::string e) { st_.error = std::move(e); }
    bool on() const { return st_.on; }
    bool locked() const { return st_.locked; }
    bool busy() const { return st_.busy; }

    void unlock(const std::string& passphrase);
    // Forgets every key; the app then starts again from storage (locked).
    void lock();
    // The workspace envelope to store: written at once when off, sealed first when on (busy until
    // the Saved outcome).
    Status save(std::string envelope);
    // The stored orders, given as a header and the file's bytes (stored joined).
    void put_orders(std::string_view head, std::shared_ptr<const std::string> body);
    // Asks for the stored orders: "orders" when off (the app handles it), sealed ones come back
    // as an Orders outcome.
    void get_orders();
    // Sets ("" removes) the passphrase and re-encrypts what is stored (see the file comment).
    void change(const std::string& passphrase, std::string envelope, bool has_orders);
    void set_idle_minutes(int minutes);
    // The UI language for the lock screen (kept with the device settings, not secret); "" = unknown.
    const std::string& language() const { return lang_; }
    void remember_language(const std::string& lang);

    struct Outcome {
        enum class Kind { Unlocked, UnlockFailed, Saved, SaveFailed, Orders, OrdersFailed, Changed, ChangeFailed };
        Kind kind;
        std::string data;  // Unlocked: the workspace envelope; Orders: the packed import
        Error error;
    };
    // Takes the events that belong to the vault (true) and says what the app must do.
    bool handle(PlatformEvent& ev, std::vector<Outcome>& out);
    // Outcomes of steps that finished without an event (e.g. removing the passphrase when no
    // orders are stored); the app collects them once a frame.
    void drain(std::vector<Outcome>& out);

private:
    std::string orders_key() const { return st_.on ? "orders." + id_ : "orders"; }
    void rekey_orders();
    void rekey_put(std::string plain);
    void rekey_workspace();
    void rekey_fail(const Error& e);
    bool handle_event(PlatformEvent& ev);
    SealedBox box(const std::string& content, const PlatformEvent& encrypted) const;

    Platform& p_;
    Autosave& a_;
    ProtectStatus st_;
    std::string lang_;
    void store_settings();
    std::string id_, salt_;              // the current key (when on)
    std::optional<SealedBox> locked_box_;  // the newest slot while locked
    // Re-encryption in progress.
    struct Rekey {
        bool active = false, to_on = false, has_orders = false;
        std::string id, salt, envelope, read_key, put_key;
    } rk_;
    std::vector<Outcome> pending_;  // outcomes not yet taken by the app
};

}  // namespace yt::app
