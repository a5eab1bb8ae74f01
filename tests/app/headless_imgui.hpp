// headless_imgui.hpp — the ImGui context every headless app test draws into: a display of the
// given size, 60 Hz frames, the app's Chinese font with the symbol ranges the app adds (arrows,
// shapes such as the calendar's ● ◆ marks), and key-map entries for the keys tests press.
// Created and destroyed with the object, so each test starts from a clean context. frame() and
// view_frame() draw one frame of the whole app or of one view alone.
#pragma once
#include <imgui.h>

#include <string>

namespace yt::test {

struct HeadlessImGui {
    explicit HeadlessImGui(float height = 800, float width = 1280) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_A] = 'A';
        io.KeyMap[ImGuiKey_Enter] = 13;
        ImGui::StyleColorsLight();
        ImGui::GetStyle().FrameRounding = 3.0f;
        ImFontConfig cfg;
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        const ImWchar extra[] = {0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2600, 0x26FF, 0};
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(io.Fonts->GetGlyphRangesChineseFull());
        builder.AddRanges(extra);
        builder.BuildRanges(&ranges);
        font = io.Fonts->AddFontFromFileTTF((std::string(YT_ASSET_DIR) + "/zh.ttf").c_str(), 16.0f, &cfg, ranges.Data);
        io.Fonts->GetTexDataAsRGBA32(&tex, &atlas_w, &atlas_h);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // One frame of the whole app (anything with draw()); the number of vertices drawn.
    template <class App>
    static int frame(App& app) {
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
        return ImGui::GetDrawData()->TotalVtxCount;
    }
    // One frame of `draw` alone in a full-screen window, as a tab body; the vertices drawn.
    template <class Draw>
    static int view_frame(Draw&& draw) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("###view", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        draw();
        ImGui::End();
        ImGui::Render();
        return ImGui::GetDrawData()->TotalVtxCount;
    }

    ImVector<ImWchar> ranges;
    ImFont* font = nullptr;
    unsigned char* tex = nullptr;  // the font atlas, RGBA (owned by ImGui)
    int atlas_w = 0, atlas_h = 0;
};

}  // namespace yt::test
