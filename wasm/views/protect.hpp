// protect.hpp — data protection in the UI: the lock screen the app shows while the stored data are
// sealed, and the 数据保护 section of Settings (passphrase, auto-lock, lock now, forget all data).
// Both only ask (Outbox::protect); the App and its Vault do the work (app/vault.hpp).
//
// Named widgets: "lock.pass", "lock.unlock", "lock.wipe_text", "lock.wipe" (lock screen);
// "protect.pass", "protect.pass2", "protect.set", "protect.remove", "protect.idle",
// "protect.lock", "protect.wipe_text", "protect.wipe" (Settings).
#pragma once
#include <string>

#include "views/view.hpp"

namespace yt::app {

// The typed confirmation that forgets every stored value (either word, in either language).
bool wipe_confirmed(const std::string& typed);

struct LockView {
    std::string pass, wipe_text;
    void draw(const ViewEnv& e);
};

struct ProtectSettings {
    std::string pass, pass2, wipe_text;
    std::string note;  // why the passphrase was not accepted
    void draw(const ViewEnv& e);
};

}  // namespace yt::app
