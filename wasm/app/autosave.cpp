// autosave.cpp — two-slot storage of the workspace (see autosave.hpp).
#include "app/autosave.hpp"

#include "core/persist/persist.hpp"

namespace yt::app {

LoadOutcome Autosave::load() {
    LoadOutcome out;
    for (int s = 0; s < 2; ++s) {
        auto got = p_.storage_get(kSlotKeys[s]);
        if (!got) {
            out.storage_error = got.error();
            return out;
        }
        if (!got->has_value()) continue;
        const std::string& text = **got;
        std::size_t nl = text.find('\n');
        std::uint64_t seq = 0;
        bool seq_ok = nl != std::string::npos && nl > 0 && nl < 21;
        for (std::size_t i = 0; seq_ok && i < nl; ++i) {
            if (text[i] < '0' || text[i] > '9') seq_ok = false;
            else seq = seq * 10 + static_cast<std::uint64_t>(text[i] - '0');
        }
        if (!seq_ok) {
            out.problems.push_back({s, Error("storage.slot_corrupt", {std::to_string(s + 1)})});
            continue;
        }
        const std::string_view body = std::string_view(text).substr(nl + 1);
        if (looks_sealed(body)) {
            auto box = read_sealed(body);
            if (!box) {
                if (box.error().code == "persist.too_new") out.newer_version = true;
                out.problems.push_back({s, box.error()});
                continue;
            }
            if ((!out.workspace && !out.sealed) || seq > out.seq) {
                out.sealed = std::move(box.value());
                out.workspace.reset();
                out.seq = seq;
                out.slot = s;
            }
            continue;
        }
        auto ws = load_workspace_json(body);
        if (!ws) {
            if (ws.error().code == "persist.too_new") out.newer_version = true;
            out.problems.push_back({s, ws.error()});
            continue;
        }
        if ((!out.workspace && !out.sealed) || seq > out.seq) {
            out.workspace = std::move(ws.value());
            out.sealed.reset();
            out.seq = seq;
            out.slot = s;
        }
    }
    if (out.newer_version) {
        out.workspace.reset();
        out.sealed.reset();
        blocked_ = true;
    }
    seq_ = out.seq;
    return out;
}

Status Autosave::save(const Workspace& ws) { return save_text(save_workspace_json(ws)); }

Status Autosave::save_text(const std::string& envelope) {
    if (blocked_) return Error("storage.blocked_newer");
    std::uint64_t next = seq_ + 1;
    std::string text = std::to_string(next) + "\n" + envelope;
    Status st = p_.storage_set(kSlotKeys[next % 2], text);
    if (!st) return st;
    seq_ = next;
    return st;
}

}  // namespace yt::app
