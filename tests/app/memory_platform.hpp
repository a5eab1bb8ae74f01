// memory_platform.hpp — the Platform the headless app tests run on: storage kept in memory so
// each test starts clean, with switches that imitate a full disk or disabled storage, and
// helpers that deliver files and blobs the way the browser does (as events between frames).
// The browser tests use the real localStorage and IndexedDB.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/platform.hpp"
#include "native/platform_crypto.hpp"

namespace yt::test {

class MemoryPlatform : public yt::app::Platform {
public:
    using Event = yt::app::PlatformEvent;
    std::map<std::string, std::string> store;
    std::map<std::string, std::string> blobs;
    std::vector<Event> events;
    std::vector<std::string> picked;  // purposes pick_file was asked for
    struct Download { std::string filename, mime, data; };
    std::vector<Download> downloads;
    std::vector<std::uint64_t> announced;
    bool fail_writes = false, disabled = false, fail_blobs = false;
    native::PlatformCrypto crypto;  // OpenSSL, as the desktop app
    int idle_minutes = 0;           // as last set by the app

    Result<std::optional<std::string>> storage_get(const std::string& key) override {
        if (disabled) return Error("storage.disabled");
        auto it = store.find(key);
        if (it == store.end()) return std::optional<std::string>{};
        return std::optional<std::string>{it->second};
    }
    Status storage_set(const std::string& key, const std::string& value) override {
        if (disabled) return Error("storage.disabled");
        if (fail_writes) return Error("storage.quota");
        store[key] = value;
        return ok_status();
    }
    std::string asset_path(const std::string& rel) const override { return std::string(YT_ASSET_DIR) + "/" + rel; }
    void text_input(bool, float, float, float) override {}
    Status download(const std::string& f, const std::string& m, const std::string& d) override {
        downloads.push_back({f, m, d});
        return ok_status();
    }
    std::vector<Download> pages;  // what open_html showed (filename = the page's name)
    Result<std::string> open_html(const std::string& name, const std::string& html) override {
        pages.push_back({name, "text/html", html});
        return name;
    }
    std::string preferred_language() const override { return "zh"; }
    void pick_file(const std::string& purpose, const std::string&) override { picked.push_back(purpose); }
    void blob_put(const std::string& key, std::string data) override {
        Event e;
        e.key = key;
        if (fail_blobs || disabled) {
            e.kind = Event::Kind::BlobFailed;
            e.error = disabled ? "storage.disabled" : "storage.quota";
        } else {
            blobs[key] = std::move(data);
            e.kind = Event::Kind::BlobSaved;
        }
        events.push_back(std::move(e));
    }
    void blob_get(const std::string& key) override {
        Event e;
        e.key = key;
        auto it = blobs.find(key);
        if (it == blobs.end()) e.kind = Event::Kind::BlobMissing;
        else { e.kind = Event::Kind::BlobLoaded; e.data = it->second; }
        events.push_back(std::move(e));
    }
    void blob_delete(const std::string& key) override { blobs.erase(key); }
    void request_storage_info(bool persist) override {
        Event e;
        e.kind = Event::Kind::StorageEstimate;
        e.used = 0;
        for (auto& [k, v] : store) e.used += static_cast<double>(v.size());
        for (auto& [k, v] : blobs) e.used += static_cast<double>(v.size());
        e.quota = 1e9;
        e.persisted = persist;
        events.push_back(std::move(e));
    }
    void announce_saved(std::uint64_t seq) override { announced.push_back(seq); }
    std::vector<Event> take_events() override {
        std::vector<Event> out;
        out.swap(events);
        return out;
    }
    void key_derive(const std::string& id, const std::string& pass, const std::string& salt, std::uint32_t iterations,
                    const std::string& tag) override {
        crypto.derive(id, pass, salt, iterations, tag, events);
    }
    void key_forget(const std::string& id) override { crypto.forget(id); }
    void encrypt(const std::string& id, const std::string& tag, const std::string& aad, std::string plain) override {
        crypto.encrypt(id, tag, aad, plain, events);
    }
    void decrypt(const std::string& id, const std::string& tag, const std::string& iv, const std::string& aad,
                 std::string sealed) override {
        crypto.decrypt(id, tag, iv, aad, sealed, events);
    }
    std::string random_bytes(std::size_t n) override { return crypto.random_bytes(n); }
    void wipe_storage() override {
        Event e;
        e.kind = Event::Kind::Wiped;
        for (auto& [k, v] : store) e.data += k + "\n";
        for (auto& [k, v] : blobs) e.data += "blob:" + k + "\n";
        store.clear();
        blobs.clear();
        events.push_back(std::move(e));
    }
    void set_idle_lock(int minutes) override { idle_minutes = minutes; }
    // The user left the page alone for the idle time.
    void idle() {
        Event e;
        e.kind = Event::Kind::IdleLock;
        events.push_back(std::move(e));
    }
    // A file the user picked (purpose) or dropped (purpose "").
    void deliver_file(const std::string& purpose, const std::string& name, std::string data) {
        Event e;
        e.kind = Event::Kind::File;
        e.key = purpose;
        e.name = name;
        e.data = std::move(data);
        events.push_back(std::move(e));
    }
};

}  // namespace yt::test
