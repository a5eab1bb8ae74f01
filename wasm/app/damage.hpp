// damage.hpp — the part of the page a frame changes, so that a canvas which keeps its pixels
// between frames (WebGL's preserveDrawingBuffer) is drawn again only there, and not at all when
// nothing changed. A software renderer (the SwiftShader Chromium uses without a GPU) pays by the
// pixel: a large import's progress dialog, drawn five times a second over the whole page, made each
// of those frames a main-thread task of 57-73 ms, most of it rendering pixels that had not changed.
//
// A frame's draw lists are compared, in order, with the last frame's: a list whose vertices,
// indices or commands differ changes the box its vertices covered then and the box they cover now.
// A pixel outside every such box is covered by the same lists, drawn the same way, as before, so it
// keeps its colour. The rectangle is whole framebuffer pixels, and commands are clipped to it the
// way the OpenGL backend rounds its scissor, so the pixels drawn inside equal a whole frame's.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <vector>

namespace yt::app {

// Framebuffer pixels, rows from the top: columns [x0, x1), rows [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    bool operator==(const PixelRect& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

class Damage {
public:
    enum class Kind { Whole, Part, None };  // in the order of yutang.draws()'s counts
    struct Region {
        Kind kind = Kind::Whole;
        PixelRect rect;  // Part: what to clear and draw; Whole: the framebuffer
    };
    // What `data` (the frame about to be drawn, cleared to `clear`) changes against the last frame
    // given here. Whole for the first frame, after forget(), and when the display, its scale, the
    // clear colour or the font texture changed, or when a part cannot be clipped exactly (a scale
    // that is not a power of two, a display not at the origin).
    Region update(const ImDrawData& data, const ImVec4& clear);
    // The next frame is drawn whole (the canvas's pixels may be lost).
    void forget() { known_ = false; }

private:
    struct List {
        std::uint64_t hash = 0;
        ImVec4 box{0, 0, 0, 0};  // the vertices' bounds, display coordinates; empty: x > z
    };
    std::vector<List> last_;
    bool known_ = false;
    ImVec2 size_{0, 0}, scale_{0, 0};
    ImVec4 clear_{0, 0, 0, 0};
    ImTextureID font_ = nullptr;
};

// Clips every command of `data` to `rect` as the OpenGL backend would draw it: each command's
// scissor (in framebuffer pixels, rounded as imgui_impl_opengl3 rounds it) is cut to `rect` and
// written back as a clip rectangle the backend turns into exactly those pixels. Needs a power-of-two
// framebuffer scale and the display at the origin (Damage gives Part only then).
void clip_to(ImDrawData& data, const PixelRect& rect);

// The framebuffer's size in pixels, as the OpenGL backend computes it.
PixelRect framebuffer_rect(const ImDrawData& data);

}  // namespace yt::app
