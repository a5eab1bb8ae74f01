// platform_impl.hpp — what each platform file (platform_web.cpp / platform_native.cpp) gives
// main.cpp: GL setup, the frame loop, the Platform services and the device pixel ratio.
#pragma once
#include <functional>
#include <memory>

#include "app/app.hpp"
#include "app/platform.hpp"

struct SDL_Window;

namespace yt::platform {

void gl_attributes();             // before SDL_CreateWindow
const char* glsl_version();       // for ImGui_ImplOpenGL3_Init
float device_pixel_ratio(SDL_Window* w);
std::unique_ptr<app::Platform> make_platform();
// Calls `frame` (0 = quit, 1 = drew, 2 = idle) forever on the web, or natively until it
// returns 0 or, when `max_frames` > 0, after that many drawn frames.
void run(const std::function<int()>& frame, int max_frames);
// Lets the web test hook and text bridge reach the app; wakes the loop.
void attach(app::App* app, std::function<void()> wake);
// A file dropped on the desktop window (SDL_DROPFILE): read and delivered as a File event.
// The browser delivers drops itself (web/yutang.js).
void file_dropped(const char* path);
// Called after each rendered frame: text-input focus and caret position for the IME bridge.
void after_frame(app::Platform& p, bool want_text_input);
// Whether the window keeps its pixels from one drawn frame to the next (the web canvas, created
// with preserveDrawingBuffer by web/yutang.js), so that a frame is drawn only where it changed
// (app/damage.hpp); false natively, where buffers are swapped.
bool keeps_frame();
// True once after the page asked for the next frame to be drawn whole (the test hook's repaint).
bool take_repaint();
// Counts a frame drawn whole, in part, or not at all (0, 1, 2: Damage::Kind Whole, Part, None).
void count_draw(int kind);

}  // namespace yt::platform
