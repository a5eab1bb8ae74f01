// platform_native.cpp — the desktop build (development and headless smoke tests): desktop GL,
// storage as files under $XDG_DATA_HOME/yutang (or ~/.local/share/yutang), assets from the build.
#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "native/platform_crypto.hpp"
#include "platform/platform_impl.hpp"

#ifndef YT_ASSET_DIR
#define YT_ASSET_DIR "assets"
#endif

namespace yt::platform {

namespace {

std::filesystem::path data_dir() {
    if (const char* d = std::getenv("YUTANG_DATA_DIR")) return d;
    if (const char* x = std::getenv("XDG_DATA_HOME")) return std::filesystem::path(x) / "yutang";
    if (const char* h = std::getenv("HOME")) return std::filesystem::path(h) / ".local/share/yutang";
    return "yutang-data";
}

class NativePlatform : public app::Platform {
public:
    Result<std::optional<std::string>> storage_get(const std::string& key) override {
        std::ifstream f(data_dir() / key, std::ios::binary);
        if (!f) return std::optional<std::string>{};
        std::stringstream ss;
        ss << f.rdbuf();
        return std::optional<std::string>{ss.str()};
    }
    Status storage_set(const std::string& key, const std::string& value) override {
        std::error_code ec;
        std::filesystem::create_directories(data_dir(), ec);
        auto path = data_dir() / key;
        auto tmp = path;
        tmp += ".tmp";
        {
            std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
            if (!f.write(value.data(), static_cast<std::streamsize>(value.size())))
                return Error("storage.failed_write", {tmp.string()});
        }
        std::filesystem::rename(tmp, path, ec);
        if (ec) return Error("storage.failed_write", {path.string()});
        return ok_status();
    }
    std::string asset_path(const std::string& rel) const override { return std::string(YT_ASSET_DIR) + "/" + rel; }
    void text_input(bool active, float x, float y, float h) override {
        if (active) {
            SDL_Rect r{static_cast<int>(x), static_cast<int>(y), 1, static_cast<int>(h)};
            SDL_SetTextInputRect(&r);
        }
    }
    Status download(const std::string& filename, const std::string& /*mime*/, const std::string& data) override {
        std::ofstream f(filename, std::ios::binary);
        if (!f.write(data.data(), static_cast<std::streamsize>(data.size()))) return Error("cli.cannot_write", {filename});
        return ok_status();
    }
    Result<std::string> open_html(const std::string& name, const std::string& html) override {
        std::error_code ec;
        std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
        if (ec) dir = ".";
        const std::string path = (dir / name).string();
        Status st = download(path, "text/html", html);
        if (!st) return st.error();
        return path;
    }
    std::string preferred_language() const override {
        const char* l = std::getenv("LANG");
        return l && std::string(l).rfind("en", 0) == 0 ? "en" : "zh";
    }
    // There is no system picker without a toolkit; files reach the desktop build by dropping
    // them on the window (SDL_DROPFILE, see file_dropped).
    void pick_file(const std::string&, const std::string&) override {}
    void blob_put(const std::string& key, std::string data) override {
        app::PlatformEvent e;
        e.key = key;
        Status st = storage_set("blob." + key, data);
        e.kind = st ? app::PlatformEvent::Kind::BlobSaved : app::PlatformEvent::Kind::BlobFailed;
        if (!st) e.error = st.error().code;
        events_.push_back(std::move(e));
    }
    void blob_get(const std::string& key) override {
        app::PlatformEvent e;
        e.key = key;
        auto got = storage_get("blob." + key);
        if (got && *got) {
            e.kind = app::PlatformEvent::Kind::BlobLoaded;
            e.data = std::move(**got);
        } else {
            e.kind = app::PlatformEvent::Kind::BlobMissing;
        }
        events_.push_back(std::move(e));
    }
    void blob_delete(const std::string& key) override {
        std::error_code ec;
        std::filesystem::remove(data_dir() / ("blob." + key), ec);
    }
    void request_storage_info(bool persist) override {
        app::PlatformEvent e;
        e.kind = app::PlatformEvent::Kind::StorageEstimate;
        std::error_code ec;
        for (auto& f : std::filesystem::directory_iterator(data_dir(), ec))
            if (f.is_regular_file(ec)) e.used += static_cast<double>(f.file_size(ec));
        auto space = std::filesystem::space(data_dir(), ec);
        e.quota = ec ? 0.0 : static_cast<double>(space.available) + e.used;
        e.persisted = persist;  // files on disk are not evicted
        events_.push_back(std::move(e));
    }
    void announce_saved(std::uint64_t) override {}
    void key_derive(const std::string& id, const std::string& pass, const std::string& salt, std::uint32_t iterations,
                    const std::string& tag) override {
        crypto_.derive(id, pass, salt, iterations, tag, events_);
    }
    void key_forget(const std::string& id) override { crypto_.forget(id); }
    void encrypt(const std::string& id, const std::string& tag, const std::string& aad, std::string plain) override {
        crypto_.encrypt(id, tag, aad, plain, events_);
    }
    void decrypt(const std::string& id, const std::string& tag, const std::string& iv, const std::string& aad,
                 std::string sealed) override {
        crypto_.decrypt(id, tag, iv, aad, sealed, events_);
    }
    std::string random_bytes(std::size_t n) override { return crypto_.random_bytes(n); }
    // Removes the data folder's files (the workspace slots, blobs, settings).
    void wipe_storage() override {
        app::PlatformEvent e;
        e.kind = app::PlatformEvent::Kind::Wiped;
        std::error_code ec;
        for (auto& f : std::filesystem::directory_iterator(data_dir(), ec)) {
            if (!f.is_regular_file(ec)) continue;
            e.data += f.path().filename().string() + "\n";
            std::filesystem::remove(f.path(), ec);
        }
        events_.push_back(std::move(e));
    }
    // The desktop build is for development: it does not lock itself.
    void set_idle_lock(int) override {}
    std::vector<app::PlatformEvent> take_events() override {
        std::vector<app::PlatformEvent> out;
        out.swap(events_);
        return out;
    }
    void push(app::PlatformEvent e) { events_.push_back(std::move(e)); }

private:
    std::vector<app::PlatformEvent> events_;
    native::PlatformCrypto crypto_;
};

NativePlatform* g_platform = nullptr;

}  // namespace

void gl_attributes() {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
}

const char* glsl_version() { return "#version 130"; }

float device_pixel_ratio(SDL_Window* w) {
    int ww = 0, dw = 0, h = 0;
    SDL_GetWindowSize(w, &ww, &h);
    SDL_GL_GetDrawableSize(w, &dw, &h);
    return ww > 0 && dw > ww ? static_cast<float>(dw) / static_cast<float>(ww) : 1.0f;
}

std::unique_ptr<app::Platform> make_platform() {
    auto p = std::make_unique<NativePlatform>();
    g_platform = p.get();
    return p;
}

void file_dropped(const char* path) {
    if (!g_platform || !path) return;
    std::ifstream f(path, std::ios::binary);
    if (!f) return;
    std::stringstream ss;
    ss << f.rdbuf();
    app::PlatformEvent e;
    e.kind = app::PlatformEvent::Kind::File;
    e.name = std::filesystem::path(path).filename().string();
    e.data = ss.str();
    g_platform->push(std::move(e));
}

void run(const std::function<int()>& frame, int max_frames) {
    int drawn = 0;
    for (;;) {
        int r = frame();
        if (r == 0) return;
        if (r == 1 && max_frames > 0 && ++drawn >= max_frames) return;
        if (r == 2 && max_frames > 0) return;  // a bounded run has nothing more to draw
        if (r == 2) SDL_WaitEventTimeout(nullptr, 100);  // sleep until input arrives
    }
}

void attach(app::App*, std::function<void()>) {}

void after_frame(app::Platform&, bool) {}

// Natively the buffers are swapped: every frame is drawn whole.
bool keeps_frame() { return false; }
bool take_repaint() { return false; }
void count_draw(int) {}

}  // namespace yt::platform
