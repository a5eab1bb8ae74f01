// damage.cpp — the part of the page a frame changes, and commands clipped to it (damage.hpp).
#include "app/damage.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace yt::app {

namespace {

constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;

// A 64-bit hash of bytes, eight at a time (a frame's lists are a few hundred KB at most).
std::uint64_t hash_bytes(std::uint64_t h, const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    const auto mixin = [&h](std::uint64_t w) {
        h ^= w;
        h *= kMul;
        h ^= h >> 29;
    };
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, b + i, 8);
        mixin(w);
    }
    std::uint64_t tail = n;  // the length, so that trailing zero bytes still count
    for (std::size_t k = 0; i + k < n; ++k) tail ^= std::uint64_t{b[i + k]} << (8 * (k + 1));
    mixin(tail);
    return h;
}

bool power_of_two(float v) {
    int e = 0;
    return v > 0 && std::frexp(v, &e) == 0.5f;
}

const ImVec4 kNoBox{1, 1, 0, 0};  // x > z: empty

bool box_empty(const ImVec4& b) { return b.x > b.z || b.y > b.w; }

ImVec4 unite(const ImVec4& a, const ImVec4& b) {
    if (box_empty(a)) return b;
    if (box_empty(b)) return a;
    return ImVec4(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.z, b.z), std::max(a.w, b.w));
}

ImVec4 intersect(const ImVec4& a, const ImVec4& b) {
    const ImVec4 r(std::max(a.x, b.x), std::max(a.y, b.y), std::min(a.z, b.z), std::min(a.w, b.w));
    return box_empty(r) ? kNoBox : r;
}

// What one list draws and where: the hash of its vertices, indices and commands, and the box its
// vertices span within the clip rectangles of its commands.
void fingerprint(const ImDrawList& l, std::uint64_t& hash, ImVec4& box) {
    std::uint64_t h = 0x243F6A8885A308D3ull;
    h = hash_bytes(h, l.VtxBuffer.Data, static_cast<std::size_t>(l.VtxBuffer.Size) * sizeof(ImDrawVert));
    h = hash_bytes(h, l.IdxBuffer.Data, static_cast<std::size_t>(l.IdxBuffer.Size) * sizeof(ImDrawIdx));
    ImVec4 clips = kNoBox;
    for (const ImDrawCmd& c : l.CmdBuffer) {
        h = hash_bytes(h, &c.ClipRect, sizeof c.ClipRect);
        const std::uint64_t fields[] = {reinterpret_cast<std::uintptr_t>(c.TextureId), c.VtxOffset, c.IdxOffset,
                                        c.ElemCount, reinterpret_cast<std::uintptr_t>(c.UserCallback),
                                        reinterpret_cast<std::uintptr_t>(c.UserCallbackData)};
        h = hash_bytes(h, fields, sizeof fields);
        if (c.ElemCount > 0 || c.UserCallback) clips = unite(clips, c.ClipRect);
    }
    ImVec4 verts = kNoBox;
    for (const ImDrawVert& v : l.VtxBuffer) verts = unite(verts, ImVec4(v.pos.x, v.pos.y, v.pos.x, v.pos.y));
    hash = h;
    box = intersect(verts, clips);
}

}  // namespace

PixelRect framebuffer_rect(const ImDrawData& data) {
    return {0, 0, static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x),
            static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y)};
}

Damage::Region Damage::update(const ImDrawData& data, const ImVec4& clear) {
    const PixelRect fb = framebuffer_rect(data);
    const ImTextureID font = ImGui::GetCurrentContext() ? ImGui::GetIO().Fonts->TexID : nullptr;
    const bool same = known_ && data.DisplaySize.x == size_.x && data.DisplaySize.y == size_.y &&
                      data.FramebufferScale.x == scale_.x && data.FramebufferScale.y == scale_.y &&
                      std::memcmp(&clear, &clear_, sizeof clear) == 0 && font == font_;
    const bool exact = data.DisplayPos.x == 0 && data.DisplayPos.y == 0 && power_of_two(data.FramebufferScale.x) &&
                       power_of_two(data.FramebufferScale.y);
    std::vector<List> now(static_cast<std::size_t>(std::max(data.CmdListsCount, 0)));
    for (std::size_t i = 0; i < now.size(); ++i) fingerprint(*data.CmdLists[i], now[i].hash, now[i].box);
    ImVec4 changed = kNoBox;
    for (std::size_t i = 0; same && i < std::max(now.size(), last_.size()); ++i) {
        const bool both = i < now.size() && i < last_.size();
        if (both && now[i].hash == last_[i].hash) continue;
        if (i < now.size()) changed = unite(changed, now[i].box);
        if (i < last_.size()) changed = unite(changed, last_[i].box);
    }
    last_ = std::move(now);
    size_ = data.DisplaySize;
    scale_ = data.FramebufferScale;
    clear_ = clear;
    font_ = font;
    known_ = true;
    if (!same || !exact) return {Kind::Whole, fb};
    if (box_empty(changed)) return {Kind::None, {}};
    // Whole pixels around the box, one more on each side for the rasteriser's rounding.
    const ImVec2 s = data.FramebufferScale;
    PixelRect r{static_cast<int>(std::floor(changed.x * s.x)) - 1, static_cast<int>(std::floor(changed.y * s.y)) - 1,
                static_cast<int>(std::ceil(changed.z * s.x)) + 1, static_cast<int>(std::ceil(changed.w * s.y)) + 1};
    r = {std::max(r.x0, fb.x0), std::max(r.y0, fb.y0), std::min(r.x1, fb.x1), std::min(r.y1, fb.y1)};
    if (r.empty()) return {Kind::None, {}};
    if (r == fb) return {Kind::Whole, fb};
    return {Kind::Part, r};
}

void clip_to(ImDrawData& data, const PixelRect& rect) {
    const ImVec2 off = data.DisplayPos, s = data.FramebufferScale;
    const int fb_h = framebuffer_rect(data).y1;
    for (int l = 0; l < data.CmdListsCount; ++l)
        for (ImDrawCmd& c : data.CmdLists[l]->CmdBuffer) {
            if (c.UserCallback) continue;
            // As imgui_impl_opengl3 (1.86) turns the clip rectangle into its scissor.
            const ImVec2 mn((c.ClipRect.x - off.x) * s.x, (c.ClipRect.y - off.y) * s.y);
            const ImVec2 mx((c.ClipRect.z - off.x) * s.x, (c.ClipRect.w - off.y) * s.y);
            if (mx.x <= mn.x || mx.y <= mn.y) continue;  // drawn nowhere already
            const int x = static_cast<int>(mn.x), w = static_cast<int>(mx.x - mn.x);
            const int y_gl = static_cast<int>(static_cast<float>(fb_h) - mx.y), h = static_cast<int>(mx.y - mn.y);
            const PixelRect cut{std::max(x, rect.x0), std::max(fb_h - (y_gl + h), rect.y0), std::min(x + w, rect.x1),
                                std::min(fb_h - y_gl, rect.y1)};
            if (cut.empty()) {
                c.ClipRect = ImVec4(off.x, off.y, off.x, off.y);
                continue;
            }
            // Whole pixels over a power-of-two scale: the backend multiplies back to exactly these.
            c.ClipRect = ImVec4(off.x + static_cast<float>(cut.x0) / s.x, off.y + static_cast<float>(cut.y0) / s.y,
                                off.x + static_cast<float>(cut.x1) / s.x, off.y + static_cast<float>(cut.y1) / s.y);
        }
}

}  // namespace yt::app
