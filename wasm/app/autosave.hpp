// autosave.hpp — the workspace in storage: two alternating slots, each checked on load.
//
// Each save writes "<seq>\n<workspace envelope>" into slot seq % 2, so a save interrupted half-way
// (crash, full disk) leaves the other slot intact. Loading takes the valid slot with the highest
// seq and reports any slot that is corrupt. If a slot was written by a newer version (schema too
// new), nothing is loaded and autosave stays off, so this version cannot overwrite newer work.
// Under a passphrase a slot holds "<seq>\n<sealed box>" (core/persist/sealed.hpp) instead; the
// newest valid slot still wins, and when it is sealed load() returns the box for the app to open.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/platform.hpp"
#include "core/persist/sealed.hpp"
#include "core/plan/workspace.hpp"

namespace yt::app {

struct SlotProblem {
    int slot = 0;
    Error error;
};

struct LoadOutcome {
    std::optional<Workspace> workspace;  // empty: nothing usable stored
    std::uint64_t seq = 0;               // seq of the slot loaded (0 when none)
    int slot = -1;
    std::vector<SlotProblem> problems;   // corrupt or unreadable slots
    bool newer_version = false;          // a slot holds a newer schema: do not autosave
    std::optional<Error> storage_error;  // storage unavailable
    std::optional<SealedBox> sealed;     // the newest slot is encrypted: the workspace is in here
};

class Autosave {
public:
    static constexpr const char* kSlotKeys[2] = {"yutang.ws.0", "yutang.ws.1"};
    explicit Autosave(Platform& p) : p_(p) {}
    LoadOutcome load();
    // Saves into the next slot. On failure the in-memory workspace is untouched and the error
    // is returned for the UI to show.
    Status save(const Workspace& ws);
    // Saves already serialised text (a workspace envelope or a sealed box) into the next slot.
    Status save_text(const std::string& envelope);
    std::uint64_t seq() const { return seq_; }
    bool blocked() const { return blocked_; }

private:
    Platform& p_;
    std::uint64_t seq_ = 0;
    bool blocked_ = false;
};

}  // namespace yt::app
