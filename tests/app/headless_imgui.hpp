// headless_imgui.hpp — the ImGui context every headless app test draws into: a display of the
// given size, 60 Hz frames, the app's Chinese font with the symbol ranges the app adds (arrows,
// shapes such as the calendar's ● ◆ marks), and key-map entries for the keys tests press.
// Created and destroyed with the object, so each test starts from a clean context. frame() and
// view_frame() draw one frame of the whole app or of one view alone; drawn_text() and shows()
// read back what text the last frame put on screen.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharToUtf8

#include <array>
#include <cmath>
#include <map>
#include <string>
#include <string_view>

#include "app/ui_messages.hpp"

namespace yt::test {

struct HeadlessImGui {
    explicit HeadlessImGui(float height = 800, float width = 1280) {
        yt::app::register_ui_messages();  // the screens' words, as App does at start
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

    // One frame of the whole app (anything with draw()).
    template <class App>
    static void frame(App& app) {
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
    }
    // One frame of `draw` alone in a full-screen window, as a tab body.
    template <class Draw>
    static void view_frame(Draw&& draw) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("###view", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        draw();
        ImGui::End();
        ImGui::Render();
    }
    // The text the last rendered frame shows, read back from its draw lists: each glyph quad is
    // matched to its character by where it sits in the font atlas, in drawing order, with a new
    // line where the text moves to another line and a space at a gap. Glyphs a clip rectangle
    // cuts or hides are left out, so this is what is on screen, not what a view meant to draw.
    static std::string drawn_text() {
        std::map<std::array<float, 4>, ImWchar> by_uv;
        for (const ImFont* f : ImGui::GetIO().Fonts->Fonts)
            for (const ImFontGlyph& gl : f->Glyphs) by_uv.emplace(std::array<float, 4>{gl.U0, gl.V0, gl.U1, gl.V1}, static_cast<ImWchar>(gl.Codepoint));
        std::string out;
        const float line = ImGui::GetIO().Fonts->Fonts.empty() ? 16.0f : ImGui::GetIO().Fonts->Fonts[0]->FontSize;
        float last_x = 0, last_y = -1e9f;
        const ImDrawData* dd = ImGui::GetDrawData();
        for (int l = 0; dd && l < dd->CmdListsCount; ++l) {
            const ImDrawList* cl = dd->CmdLists[l];
            for (const ImDrawCmd& cmd : cl->CmdBuffer) {
                if (cmd.UserCallback) continue;
                const ImDrawIdx* idx = cl->IdxBuffer.Data + cmd.IdxOffset;
                for (unsigned k = 0; k + 6 <= cmd.ElemCount;) {
                    const unsigned v = idx[k];
                    const bool quad = idx[k + 1] == v + 1 && idx[k + 2] == v + 2 && idx[k + 3] == v && idx[k + 4] == v + 2 &&
                                      idx[k + 5] == v + 3;
                    const ImDrawVert* q = cl->VtxBuffer.Data + cmd.VtxOffset + v;
                    const auto it = quad ? by_uv.find({q[0].uv.x, q[0].uv.y, q[2].uv.x, q[2].uv.y}) : by_uv.end();
                    if (it == by_uv.end()) {
                        k += 3;
                        continue;
                    }
                    k += 6;
                    const ImVec4& clip = cmd.ClipRect;
                    if (q[0].pos.x < clip.x || q[0].pos.y < clip.y || q[2].pos.x > clip.z || q[2].pos.y > clip.w) continue;
                    // Glyph bottoms differ by up to half a line within one (a dash ends higher than 字).
                    if (std::abs(q[2].pos.y - last_y) > line * 0.6f) out += '\n';
                    else if (q[0].pos.x > last_x + line * 0.2f) out += ' ';
                    last_x = q[2].pos.x;
                    last_y = q[2].pos.y;
                    char utf8[5] = {};
                    ImTextCharToUtf8(utf8, it->second);
                    out += utf8;
                }
            }
        }
        return out;
    }
    // Whether the last rendered frame shows `text` (white space aside: the draw lists have none).
    static bool shows(std::string_view text) {
        const auto squeeze = [](std::string_view t) {
            std::string o;
            for (char c : t)
                if (c != ' ' && c != '\n') o += c;
            return o;
        };
        return squeeze(drawn_text()).find(squeeze(text)) != std::string::npos;
    }

    ImVector<ImWchar> ranges;
    ImFont* font = nullptr;
    unsigned char* tex = nullptr;  // the font atlas, RGBA (owned by ImGui)
    int atlas_w = 0, atlas_h = 0;
};

}  // namespace yt::test
