// memory_platform.hpp — the Platform the headless app tests run on: storage kept in memory so
// each test starts clean, with switches that imitate a full disk or disabled storage. The
// browser tests use the real localStorage.
#pragma once
#include <map>
#include <string>

#include "app/platform.hpp"

namespace yt::test {

class MemoryPlatform : public yt::app::Platform {
public:
    std::map<std::string, std::string> store;
    bool fail_writes = false, disabled = false;
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
    Status download(const std::string&, const std::string&, const std::string&) override { return ok_status(); }
    std::string preferred_language() const override { return "zh"; }
};

}  // namespace yt::test
