// test_frame_fill.cpp — what a frame fills over the whole page, which a software renderer pays for
// by the pixel: a modal dialog's dimming drawn as a tint of what is behind it (app/modal_dim.hpp),
// the same colours Dear ImGui's translucent full-page rectangle gives, without that rectangle and
// with nothing in front of the dialog touched; and the main window's background left to the clear
// colour (App::page_colour()).
#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>
#include <vector>

#include "app/app.hpp"
#include "app/modal_dim.hpp"
#include "headless_imgui.hpp"
#include "memory_platform.hpp"

namespace {

// One frame: a full-screen window with text, and a modal dialog over it; tinted or as ImGui draws.
ImVec4 dialog_frame(bool tint, ImVec4 clear, yt::app::ModalDim* out = nullptr) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("###back", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted("behind the dialog");
    ImGui::End();
    if (!ImGui::IsPopupOpen("dialog")) ImGui::OpenPopup("dialog");
    ImGui::SetNextWindowPos(ImVec2(400, 300));
    ImGui::SetNextWindowSize(ImVec2(300, 200));
    if (ImGui::BeginPopupModal("dialog", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextUnformatted("in front");
        ImGui::EndPopup();
    }
    const yt::app::ModalDim dim = tint ? yt::app::begin_modal_dim() : yt::app::ModalDim{};
    ImGui::Render();
    if (out) *out = dim;
    return tint ? yt::app::end_modal_dim(dim, ImGui::GetDrawData(), clear) : clear;
}

// The rectangles of the last frame that cover the whole display (a rectangle's 4 vertices run
// from its top-left corner to its bottom-right one).
int full_page_rects() {
    int n = 0;
    const ImDrawData* dd = ImGui::GetDrawData();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = dd->CmdLists[l]->VtxBuffer;
        for (int i = 0; i + 3 < v.Size; ++i)
            n += v[i].pos.x <= 0 && v[i].pos.y <= 0 && v[i + 2].pos.x >= size.x && v[i + 2].pos.y >= size.y;
    }
    return n;
}

std::vector<ImU32> colours(const char* window) {
    std::vector<ImU32> out;
    for (const ImDrawVert& v : ImGui::FindWindowByName(window)->DrawList->VtxBuffer) out.push_back(v.col);
    return out;
}

unsigned channel(ImU32 c, int shift) { return (c >> shift) & 0xff; }

}  // namespace

TEST_CASE("a modal dialog dims what is behind it as ImGui's dimming layer would, without drawing that layer") {
    yt::test::HeadlessImGui ui;
    const ImVec4 clear(0.94f, 0.94f, 0.94f, 1.0f);
    const float style_alpha = ImGui::GetStyle().Colors[ImGuiCol_ModalWindowDimBg].w;
    for (int i = 0; i < 30; ++i) dialog_frame(false, clear);  // the dimming's fade-in is over

    // As ImGui draws it: one rectangle over the whole display, behind the dialog.
    dialog_frame(false, clear);
    const int rects = full_page_rects();  // the window behind and the dimming
    REQUIRE(rects == 2);
    const std::vector<ImU32> back = colours("###back");
    std::vector<ImU32> front = colours("dialog");
    const ImU32 d = ImGui::GetColorU32(ImGuiCol_ModalWindowDimBg);
    // ImGui adds its rectangle's 4 vertices to the dialog's list (its command moved to the front).
    REQUIRE(front.size() > 4);
    CHECK(std::vector<ImU32>(front.end() - 4, front.end()) == std::vector<ImU32>(4, d));
    front.resize(front.size() - 4);
    const unsigned a = channel(d, IM_COL32_A_SHIFT);
    REQUIRE(a > 0);

    const ImVec4 tinted_clear = dialog_frame(true, clear);
    CHECK(full_page_rects() == rects - 1);
    // Behind: each vertex colour is what blending the layer's colour over it gives (to rounding);
    // its alpha is its own.
    const std::vector<ImU32> back_tinted = colours("###back");
    REQUIRE(back_tinted.size() == back.size());
    int changed = 0;
    for (std::size_t i = 0; i < back.size(); ++i) {
        for (int shift : {IM_COL32_R_SHIFT, IM_COL32_G_SHIFT, IM_COL32_B_SHIFT}) {
            const double blended = channel(back[i], shift) * (1 - a / 255.0) + channel(d, shift) * (a / 255.0);
            CHECK(std::abs(channel(back_tinted[i], shift) - blended) <= 0.5 + 1e-9);
        }
        CHECK(channel(back_tinted[i], IM_COL32_A_SHIFT) == channel(back[i], IM_COL32_A_SHIFT));
        changed += back_tinted[i] != back[i];
    }
    CHECK(changed > 0);
    // In front: the dialog as it was.
    CHECK(colours("dialog") == front);
    // The clear colour lies behind everything: dimmed too.
    CHECK(tinted_clear.x == Approx(clear.x * (1 - a / 255.0) + channel(d, IM_COL32_R_SHIFT) / 255.0 * (a / 255.0)).margin(1e-6));
    CHECK(tinted_clear.w == clear.w);
    // The style's colour is restored for the next frame.
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_ModalWindowDimBg].w == style_alpha);

    // A frame without the dialog: nothing changes.
    ImGui::NewFrame();
    ImGui::Begin("###back");
    ImGui::End();
    const yt::app::ModalDim none = yt::app::begin_modal_dim();
    ImGui::Render();
    CHECK_FALSE(none.active);
    const ImVec4 same = yt::app::end_modal_dim(none, ImGui::GetDrawData(), clear);
    CHECK(same.x == clear.x);
}

TEST_CASE("the main window leaves its background to the frame's clear colour, which is that background") {
    yt::test::HeadlessImGui ui;
    yt::test::MemoryPlatform p;
    yt::app::App app(p);
    app.start();
    for (int i = 0; i < 3; ++i) yt::test::HeadlessImGui::frame(app);
    CHECK(full_page_rects() == 0);  // nothing fills the page again over the clear
    CHECK(yt::test::HeadlessImGui::shows("鱼塘"));
    // The light theme's window background is opaque: it is the clear colour.
    const ImVec4 light = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    REQUIRE(light.w == 1.0f);
    ImVec4 c = yt::app::App::page_colour();
    CHECK(c.x == light.x);
    CHECK(c.z == light.z);
    CHECK(c.w == 1.0f);
    // The dark theme's is slightly translucent: blended over the 0.94 grey the page was cleared to.
    ImGui::StyleColorsDark();
    const ImVec4 dark = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    REQUIRE(dark.w < 1.0f);
    c = yt::app::App::page_colour();
    CHECK(c.x == Approx(dark.x * dark.w + 0.94f * (1 - dark.w)));
    CHECK(c.w == 1.0f);
}

TEST_CASE("a dialog's dimming asks for frames until it has faded in, and then for none") {
    yt::test::HeadlessImGui ui;
    const ImVec4 clear(0.94f, 0.94f, 0.94f, 1.0f);
    yt::app::ModalDim dim;
    dialog_frame(true, clear);  // the dialog opens (a new window shows from its second frame)
    dialog_frame(true, clear, &dim);
    REQUIRE(dim.active);
    CHECK(dim.fading);  // ImGui fades the dimming in over ~0.17 s of frames
    int frames = 2;
    while (dim.fading && frames < 100) {
        dialog_frame(true, clear, &dim);
        ++frames;
    }
    CHECK(frames > 4);  // more than the few frames drawn after input (1/60 s each here)
    CHECK_FALSE(dim.fading);
    CHECK(dim.colour.w == Approx(ImGui::GetStyle().Colors[ImGuiCol_ModalWindowDimBg].w));  // fully dimmed
}
