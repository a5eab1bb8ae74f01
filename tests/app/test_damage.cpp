// test_damage.cpp — the part of the page a frame changes (app/damage.hpp): nothing when the frame
// is the same, the boxes of what changed (where it was and where it is) when one window changes,
// moves, appears or goes, the whole page when the display, its scale or the clear colour changed;
// and commands clipped to a rectangle give the OpenGL backend's own scissor cut to it, pixel for
// pixel, whatever the clip rectangle's fractions.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <random>
#include <string>

#include "app/damage.hpp"
#include "headless_imgui.hpp"

namespace {

using yt::app::Damage;
using yt::app::PixelRect;

// One frame: a full-page window with text, and a small window at `at` showing `label`; `tip` adds a
// tooltip-like window at (900, 600).
const ImDrawData& frame(const std::string& label, ImVec2 at = ImVec2(400, 300), bool tip = false) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("###page", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted("the page behind");
    ImGui::End();
    ImGui::SetNextWindowPos(at);
    ImGui::SetNextWindowSize(ImVec2(300, 120));
    ImGui::Begin("###box", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted(label.c_str());
    ImGui::End();
    if (tip) {
        ImGui::SetNextWindowPos(ImVec2(900, 600));
        ImGui::SetNextWindowSize(ImVec2(120, 60));
        ImGui::Begin("###tip", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
        ImGui::TextUnformatted("tip");
        ImGui::End();
    }
    ImGui::Render();
    return *ImGui::GetDrawData();
}

bool contains(const PixelRect& r, float x0, float y0, float x1, float y1) {
    return r.x0 <= x0 && r.y0 <= y0 && r.x1 >= x1 && r.y1 >= y1;
}

// The pixels imgui_impl_opengl3 (1.86) scissors a command to, rows from the top (its lines 461-467).
PixelRect backend_scissor(const ImVec4& c, const ImDrawData& d) {
    const ImVec2 off = d.DisplayPos, s = d.FramebufferScale;
    const int fb_h = static_cast<int>(d.DisplaySize.y * s.y);
    const ImVec2 mn((c.x - off.x) * s.x, (c.y - off.y) * s.y), mx((c.z - off.x) * s.x, (c.w - off.y) * s.y);
    if (mx.x <= mn.x || mx.y <= mn.y) return {};
    const int x = static_cast<int>(mn.x), y = static_cast<int>(fb_h - mx.y);
    const int w = static_cast<int>(mx.x - mn.x), h = static_cast<int>(mx.y - mn.y);
    if (w <= 0 || h <= 0) return {};
    return {x, fb_h - (y + h), x + w, fb_h - y};
}

PixelRect cut(const PixelRect& a, const PixelRect& b) {
    const PixelRect r{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
    return r.empty() ? PixelRect{} : r;
}

}  // namespace

TEST_CASE("a frame is drawn again only where it changed, and not at all when nothing did") {
    yt::test::HeadlessImGui ui;
    const ImVec4 clear(0.94f, 0.94f, 0.94f, 1);
    Damage damage;
    for (int i = 0; i < 3; ++i) frame("progress 10%");  // windows placed and sized
    CHECK(damage.update(frame("progress 10%"), clear).kind == Damage::Kind::Whole);  // the first frame
    CHECK(damage.update(frame("progress 10%"), clear).kind == Damage::Kind::None);

    SECTION("the small window's text changes: its box, not the page") {
        const Damage::Region r = damage.update(frame("progress 55%"), clear);
        REQUIRE(r.kind == Damage::Kind::Part);
        CHECK(contains(r.rect, 400, 300, 700, 420));  // the window's box: its vertices' bounds, with
        // their anti-aliased fringe, and a pixel more on each side
        CHECK(r.rect.x0 >= 396);
        CHECK(r.rect.y0 >= 296);
        CHECK(r.rect.x1 <= 704);
        CHECK(r.rect.y1 <= 424);
        CHECK(damage.update(frame("progress 55%"), clear).kind == Damage::Kind::None);
    }
    SECTION("the small window moves: where it was and where it is") {
        const Damage::Region r = damage.update(frame("progress 10%", ImVec2(800, 500)), clear);
        REQUIRE(r.kind == Damage::Kind::Part);
        CHECK(contains(r.rect, 400, 300, 1100, 620));
        CHECK(r.rect.x0 >= 396);
        CHECK(r.rect.y0 >= 296);
    }
    SECTION("a window appears, then goes") {
        const Damage::Region shown = damage.update(frame("progress 10%", ImVec2(400, 300), true), clear);
        REQUIRE(shown.kind == Damage::Kind::Part);
        CHECK(contains(shown.rect, 900, 600, 1020, 660));
        CHECK(shown.rect.x0 >= 896);
        CHECK(shown.rect.y0 >= 596);
        const Damage::Region gone = damage.update(frame("progress 10%"), clear);
        REQUIRE(gone.kind == Damage::Kind::Part);
        CHECK(contains(gone.rect, 900, 600, 1020, 660));
    }
    SECTION("a new clear colour, display size or scale, or forget(): the whole page") {
        CHECK(damage.update(frame("progress 10%"), ImVec4(0.5f, 0.5f, 0.5f, 1)).kind == Damage::Kind::Whole);
        CHECK(damage.update(frame("progress 10%"), ImVec4(0.5f, 0.5f, 0.5f, 1)).kind == Damage::Kind::None);
        damage.forget();
        CHECK(damage.update(frame("progress 10%"), ImVec4(0.5f, 0.5f, 0.5f, 1)).kind == Damage::Kind::Whole);
        ImGui::GetIO().DisplaySize = ImVec2(1000, 800);
        CHECK(damage.update(frame("progress 10%"), ImVec4(0.5f, 0.5f, 0.5f, 1)).kind == Damage::Kind::Whole);
    }
    SECTION("at twice the pixels, the box in framebuffer pixels; at 1.5, the whole page") {
        ImGui::GetIO().DisplayFramebufferScale = ImVec2(2, 2);
        CHECK(damage.update(frame("progress 10%"), clear).kind == Damage::Kind::Whole);
        const Damage::Region r = damage.update(frame("progress 77%"), clear);
        REQUIRE(r.kind == Damage::Kind::Part);
        CHECK(r.rect.x0 >= 794);
        CHECK(r.rect.x1 <= 1406);
        CHECK(r.rect.y1 <= 846);
        ImGui::GetIO().DisplayFramebufferScale = ImVec2(1.5f, 1.5f);
        CHECK(damage.update(frame("progress 10%"), clear).kind == Damage::Kind::Whole);
        CHECK(damage.update(frame("progress 12%"), clear).kind == Damage::Kind::Whole);  // not exact: whole
    }
}

TEST_CASE("commands clipped to a rectangle are scissored to exactly the backend's pixels within it") {
    yt::test::HeadlessImGui ui;
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> pos(-40.0f, 1320.0f), frac(0.0f, 1.0f);
    for (float scale : {1.0f, 2.0f}) {
        ImGui::GetIO().DisplayFramebufferScale = ImVec2(scale, scale);
        for (int round = 0; round < 200; ++round) {
            ImDrawList list(ImGui::GetDrawListSharedData());
            list._ResetForNewFrame();
            std::vector<ImVec4> clips;
            for (int i = 0; i < 12; ++i) {
                // Whole, half and arbitrary fractions, some rectangles empty or off the page.
                const float q = i % 3 == 0 ? 1.0f : i % 3 == 1 ? 0.5f : 0.0f;
                auto f = [&](float v) { return q > 0 ? std::round(v / q) * q : v + frac(rng); };
                float x0 = f(pos(rng)), y0 = f(pos(rng) * 0.6f), x1 = x0 + f(frac(rng) * 300), y1 = y0 + f(frac(rng) * 200);
                if (i == 5) x1 = x0;
                list.PushClipRect(ImVec2(x0, y0), ImVec2(x1, y1));
                list.AddRectFilled(ImVec2(x0, y0), ImVec2(x1 + 1, y1 + 1), IM_COL32(200, 10, 10, 255));
                list.PopClipRect();
            }
            ImDrawList* lists[] = {&list};
            ImDrawData d;
            d.Valid = true;
            d.CmdLists = lists;
            d.CmdListsCount = 1;
            d.DisplayPos = ImVec2(0, 0);
            d.DisplaySize = ImVec2(1280, 800);
            d.FramebufferScale = ImVec2(scale, scale);
            for (const ImDrawCmd& c : list.CmdBuffer) clips.push_back(c.ClipRect);
            const PixelRect fb = yt::app::framebuffer_rect(d);
            const PixelRect part{static_cast<int>(frac(rng) * fb.x1 / 2), static_cast<int>(frac(rng) * fb.y1 / 2),
                                 fb.x1 / 2 + static_cast<int>(frac(rng) * fb.x1 / 2), fb.y1 / 2 + static_cast<int>(frac(rng) * fb.y1 / 2)};
            yt::app::clip_to(d, part);
            REQUIRE(static_cast<std::size_t>(list.CmdBuffer.Size) == clips.size());
            for (std::size_t i = 0; i < clips.size(); ++i) {
                const PixelRect want = cut(backend_scissor(clips[i], d), part);
                const PixelRect got = backend_scissor(list.CmdBuffer[static_cast<int>(i)].ClipRect, d);
                INFO("scale " << scale << " clip " << clips[i].x << "," << clips[i].y << "," << clips[i].z << "," << clips[i].w);
                CHECK(got == want);
            }
        }
    }
}
