// platform_native.cpp — the desktop build (development and headless smoke tests): desktop GL,
// storage as files under $XDG_DATA_HOME/yutang (or ~/.local/share/yutang), assets from the build.
#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

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
    std::string preferred_language() const override {
        const char* l = std::getenv("LANG");
        return l && std::string(l).rfind("en", 0) == 0 ? "en" : "zh";
    }
};

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

std::unique_ptr<app::Platform> make_platform() { return std::make_unique<NativePlatform>(); }

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

}  // namespace yt::platform
