// main.cpp — the app's entry point: SDL2 window + OpenGL (WebGL2 in the browser), Dear ImGui,
// the idle-aware frame loop, and the App. Platform differences live in platform_*.cpp.
//
// Idle: a frame is drawn only when there was input, a resize, a command from the test hook, or
// within a few frames after one (ImGui needs them to settle hover and popups); otherwise the
// loop returns at once and the canvas keeps its last image, so an idle page uses no CPU.
#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/damage.hpp"
#include "app/modal_dim.hpp"
#include "platform/platform_impl.hpp"

namespace {

constexpr int kFramesAfterInput = 4;

void load_fonts(yt::app::Platform& p, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // keeps the atlas of ~7,900 glyphs at a size WebGL uploads quickly
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    const float size = 16.0f;
    std::string path = p.asset_path("zh.ttf");
    // Chinese (full CJK block, punctuation, fullwidth) plus arrows, maths (≥ ≤ ×) and shapes.
    static const ImWchar extra[] = {0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2600, 0x26FF, 0};
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesChineseFull());
    builder.AddRanges(extra);
    static ImVector<ImWchar> ranges;  // must outlive the atlas build
    builder.BuildRanges(&ranges);
    ImFont* f = io.Fonts->AddFontFromFileTTF(path.c_str(), size * dpr, &cfg, ranges.Data);
    if (!f) {
        std::fprintf(stderr, "font %s missing; falling back to the built-in font\n", path.c_str());
        io.Fonts->AddFontDefault();
    }
    io.FontGlobalScale = 1.0f / dpr;
    auto t0 = std::chrono::steady_clock::now();
    io.Fonts->Build();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("font atlas %dx%d, %d glyphs, built in %.0f ms (dpr %.2f)\n", io.Fonts->TexWidth, io.Fonts->TexHeight,
                f ? f->Glyphs.Size : 0, ms, static_cast<double>(dpr));
}

}  // namespace

int main(int argc, char** argv) {
    int max_frames = 0;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--frames") == 0) max_frames = std::atoi(argv[i + 1]);

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    yt::platform::gl_attributes();
    SDL_Window* window = SDL_CreateWindow("鱼塘 Yutang", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                          SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!window) {
        std::fprintf(stderr, "SDL_CreateWindow: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GLContext gl = SDL_GL_CreateContext(window);
    if (!gl) {
        std::fprintf(stderr, "SDL_GL_CreateContext: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(window, gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to persist
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle page drawing
    ImGui::StyleColorsLight();
    ImGui::GetStyle().FrameRounding = 3.0f;
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init(yt::platform::glsl_version());

    auto platform = yt::platform::make_platform();
    load_fonts(*platform, yt::platform::device_pixel_ratio(window));
    yt::app::App app(*platform);
    app.start();

    int pending = max_frames > 0 ? max_frames : kFramesAfterInput;
    std::vector<SDL_Event> deferred;  // key events held for the next frame (see below)
    yt::platform::attach(&app, [&pending] { pending = std::max(pending, kFramesAfterInput); });
    bool running = true;
    // While an import reads or models a large file, frames only do its work and one is drawn each
    // kDrawEveryMs: showing a frame costs the browser 10-20 ms with software rendering, and with
    // --disable-gpu its compositor then reads the canvas back (40-60 ms of waiting for SwiftShader
    // here); drawing every third frame made the 1M-customer import ~35% slower (2.7 s against
    // 2.0 s). Five drawn frames a second still move the progress bar.
    constexpr double kDrawEveryMs = 200;
    yt::app::Damage damage;  // what each drawn frame changed against the one before
    auto last_drawn = std::chrono::steady_clock::now();
    // Returns 0 to quit, 1 after a frame (drawn, or an import step between drawn ones), 2 when idle.
    auto frame = [&]() -> int {
        // Dear ImGui 1.86 reads keys as state, so a key pressed and released between two frames
        // would be lost. Each key may change state once per frame: from the second change on,
        // that event and every later key or text event wait for the next frame, in order.
        std::vector<SDL_Event> batch;
        batch.swap(deferred);
        SDL_Event ev;
        while (SDL_PollEvent(&ev)) batch.push_back(ev);
        std::vector<SDL_Scancode> changed;
        bool deferring = false;
        for (SDL_Event& e : batch) {
            const bool keyish = e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT;
            const bool key = e.type == SDL_KEYDOWN || e.type == SDL_KEYUP;
            if (key && !e.key.repeat &&
                std::find(changed.begin(), changed.end(), e.key.keysym.scancode) != changed.end())
                deferring = true;
            if (deferring && keyish) {
                deferred.push_back(e);
                continue;
            }
            if (key && !e.key.repeat) changed.push_back(e.key.keysym.scancode);
            ImGui_ImplSDL2_ProcessEvent(&e);
            if (key) {
                // The backend reads modifiers from SDL_GetModState(), which already reflects
                // events still waiting in this batch; the event's own modifiers are the truth.
                const Uint16 mod = e.key.keysym.mod;
                io.KeyShift = (mod & KMOD_SHIFT) != 0;
                io.KeyCtrl = (mod & KMOD_CTRL) != 0;
                io.KeyAlt = (mod & KMOD_ALT) != 0;
                io.KeySuper = (mod & KMOD_GUI) != 0;
            }
            if (e.type == SDL_QUIT) running = false;
            if (e.type == SDL_KEYDOWN && !e.key.repeat && e.key.keysym.scancode == SDL_SCANCODE_F1) app.toggle_help();
            if (e.type == SDL_DROPFILE) {
                yt::platform::file_dropped(e.drop.file);
                SDL_free(e.drop.file);
            }
            pending = std::max(pending, kFramesAfterInput);
        }
        if (!deferred.empty()) pending = std::max(pending, 2);
        if (app.busy()) pending = std::max(pending, 1);  // chunked work (imports) runs between frames
        if (!running) return 0;
        if (pending <= 0) return 2;  // idle: keep the last image
        --pending;
        // Work frames (above) never draw, so a step never pays for showing a frame. The finished
        // import is used (with the plan's first assess) in frames of their own too. Input is
        // drawn at once.
        const double since_drawn =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - last_drawn).count();
        if (app.busy() && batch.empty() && app.work_between_frames(since_drawn < kDrawEveryMs)) {
            pending = std::max(pending, 1);  // the next frame draws what this one did
            return 1;
        }
        last_drawn = std::chrono::steady_clock::now();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        app.before_frame();
        ImGui::NewFrame();
        app.draw();
        // A modal dialog's dimming as a tint of what is behind it, not a full-screen layer that
        // a software renderer pays 15-20 ms a frame to blend (modal_dim.hpp).
        const yt::app::ModalDim dim = yt::app::begin_modal_dim();
        ImGui::Render();
        ImDrawData* drawn = ImGui::GetDrawData();
        const ImVec4 clear = yt::app::end_modal_dim(dim, drawn, yt::app::App::page_colour());
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(window, &w, &h);
        // Where the canvas keeps its pixels, only what changed is drawn (app/damage.hpp).
        if (yt::platform::take_repaint()) damage.forget();
        using Kind = yt::app::Damage::Kind;
        yt::app::Damage::Region region{Kind::Whole, yt::app::framebuffer_rect(*drawn)};
        if (yt::platform::keeps_frame()) region = damage.update(*drawn, clear);
        if (region.kind == Kind::Part && !(yt::app::framebuffer_rect(*drawn) == yt::app::PixelRect{0, 0, w, h}))
            region.kind = Kind::Whole;
        yt::platform::count_draw(static_cast<int>(region.kind));
        if (region.kind != Kind::None) {
            glViewport(0, 0, w, h);
            const yt::app::PixelRect& r = region.rect;
            if (region.kind == Kind::Part) {
                yt::app::clip_to(*drawn, r);
                glEnable(GL_SCISSOR_TEST);
                glScissor(r.x0, h - r.y1, r.x1 - r.x0, r.y1 - r.y0);
            }
            glClearColor(clear.x, clear.y, clear.z, clear.w);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
            ImGui_ImplOpenGL3_RenderDrawData(drawn);
            SDL_GL_SwapWindow(window);
        }
        app.count_frame();
        yt::platform::after_frame(*platform, io.WantTextInput);
        // A held mouse button (dragging a slider, a scrollbar) keeps frames coming, as does a
        // dialog's dimming while it fades in (the few frames after input would leave it half done).
        if (ImGui::IsMouseDown(0) || ImGui::IsMouseDown(1) || dim.fading) pending = std::max(pending, 1);
        return running ? 1 : 0;
    };
    yt::platform::run(frame, max_frames);

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    std::printf("frames rendered: %llu\n", static_cast<unsigned long long>(app.frames()));
    return 0;
}
