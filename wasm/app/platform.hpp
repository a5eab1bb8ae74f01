// platform.hpp — the thin, named seam between the app and where it runs (browser or desktop).
//
// Everything browser-specific (storage, text input, files, clipboard, wake-ups) sits behind this
// interface; wasm/platform/platform_web.cpp and platform_native.cpp implement it. The app and the
// views never include SDL or Emscripten headers.
#pragma once
#include <optional>
#include <string>

#include "core/model/result.hpp"

namespace yt::app {

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
    // The user's preferred language ("zh", "en") as the system reports it.
    virtual std::string preferred_language() const = 0;
};

}  // namespace yt::app
