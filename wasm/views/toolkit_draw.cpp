// toolkit_draw.cpp — the toolkit's drawn widgets: fill bars, severity icons and wrapped text
// (see toolkit.hpp).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "views/toolkit.hpp"

namespace yt::app::ui {

namespace {
ImU32 rgba(float r, float g, float b, float a = 1) { return ImGui::GetColorU32(ImVec4(r, g, b, a)); }
}  // namespace

// [SECTION] levels and severities ------------------------------------------------------------

int fill_level(double ratio, double near) {
    if (ratio < 0 || !std::isfinite(ratio)) return -1;
    if (ratio > 1.0 + 1e-9) return 3;
    if (ratio >= 1.0 - 1e-9) return 2;
    if (ratio >= near) return 1;
    return 0;
}

const char* level_key(int level) {
    switch (level) {
        case 0: return "ui.roles.level.ok";
        case 1: return "ui.roles.level.near";
        case 2: return "ui.roles.level.full";
        case 3: return "ui.roles.level.over";
        default: return "ui.roles.level.unknown";
    }
}

bool fill_bar(double ratio, double near, const std::string& text, float width, Lang l, bool status, bool* cut) {
    const int level = fill_level(ratio, near);
    const float bar_w = std::max(40.0f, width);
    const float h = ImGui::GetFrameHeight();
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(bar_w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
    if (level >= 0) {
        const float f = static_cast<float>(std::min(1.0, std::max(0.0, ratio)));
        ImU32 c = level == 0 ? rgba(0.30f, 0.70f, 0.35f, 0.75f) : level == 1 ? rgba(0.95f, 0.65f, 0.10f, 0.80f)
                                                                          : rgba(0.88f, 0.25f, 0.20f, 0.80f);
        if (f > 0) dl->AddRectFilled(p, ImVec2(p.x + bar_w * f, p.y + h), c, 3.0f);
        if (level == 3) {  // over the cap: a hatched end so "over" differs from "full" without colour
            for (float x = p.x + bar_w - 18; x < p.x + bar_w - 2; x += 5)
                dl->AddLine(ImVec2(x, p.y + h - 2), ImVec2(x + 4, p.y + 2), rgba(1, 1, 1, 0.9f), 1.5f);
        }
    }
    dl->AddRect(p, ImVec2(p.x + bar_w, p.y + h), ImGui::GetColorU32(ImGuiCol_Border), 3.0f);
    // The level's word at the right end (inside the bar), the figures at the left, clipped before it.
    float right = p.x + bar_w - 5;
    if (status) {
        const char* word = T(l, level_key(level));
        const ImVec2 ws = ImGui::CalcTextSize(word);
        const float x = p.x + bar_w - (level == 3 ? 22 : 5) - ws.x;
        const ImU32 col = level >= 2 ? rgba(0.6f, 0.05f, 0.0f) : ImGui::GetColorU32(ImGuiCol_Text);
        dl->AddText(ImVec2(x, p.y + (h - ws.y) * 0.5f), col, word);
        right = x - 6;
    }
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    if (cut) *cut = p.x + 5 + ts.x > right + 0.5f;
    dl->PushClipRect(p, ImVec2(std::max(p.x, right), p.y + h), true);
    dl->AddText(ImVec2(p.x + 5, p.y + (h - ts.y) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
    dl->PopClipRect();
    return hovered;
}

void severity_icon(int severity, float x, float y, float s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(x + s * 0.5f, y + s * 0.5f);
    const ImU32 white = rgba(1, 1, 1);
    if (severity == 2) {  // error: red disc with a white cross
        dl->AddCircleFilled(c, s * 0.5f, rgba(0.85f, 0.2f, 0.15f), 16);
        const float k = s * 0.2f;
        dl->AddLine(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), white, 2.0f);
        dl->AddLine(ImVec2(c.x - k, c.y + k), ImVec2(c.x + k, c.y - k), white, 2.0f);
    } else if (severity == 1) {  // warning: amber triangle with a dark "!"
        dl->AddTriangleFilled(ImVec2(c.x, y), ImVec2(x + s, y + s), ImVec2(x, y + s), rgba(0.95f, 0.65f, 0.1f));
        const ImU32 ink = rgba(0.2f, 0.15f, 0.0f);
        dl->AddLine(ImVec2(c.x, y + s * 0.35f), ImVec2(c.x, y + s * 0.7f), ink, 2.0f);
        dl->AddCircleFilled(ImVec2(c.x, y + s * 0.84f), 1.3f, ink);
    } else {  // info: blue disc with a white "i"
        dl->AddCircleFilled(c, s * 0.5f, rgba(0.25f, 0.5f, 0.85f), 16);
        dl->AddCircleFilled(ImVec2(c.x, y + s * 0.28f), 1.4f, white);
        dl->AddLine(ImVec2(c.x, y + s * 0.42f), ImVec2(c.x, y + s * 0.78f), white, 2.0f);
    }
}

void severity_text(int severity, const std::string& text) {
    const float s = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    severity_icon(severity, at.x, at.y, s);
    ImGui::Dummy(ImVec2(s, s));
    ImGui::SameLine();
    text_wrapped(text);
}

// [SECTION] wrapped text ---------------------------------------------------------------------

namespace {
// The code point at s[i] and its length in bytes (invalid bytes count as one character).
unsigned decode(const std::string& s, std::size_t i, std::size_t& n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return n = 1, c;
    n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + n > s.size() || n == 1) return n = 1, c;
    unsigned cp = c & (0x3f >> (n - 1));
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    return cp;
}
bool is_wide(unsigned cp) { return cp >= 0x2e80; }
// Characters a line should not start with (closing punctuation), kept with the one before.
bool no_break_before(unsigned cp) {
    switch (cp) {
        case 0xff0c: case 0x3002: case 0x3001: case 0xff1b: case 0xff1a: case 0xff1f: case 0xff01: case 0xff09:
        case 0x201d: case 0x2019: case 0x300b: case 0x3011: case ',': case '.': case ';': case ':': case ')': case '!':
        case '?':
            return true;
        default: return false;
    }
}
}  // namespace

std::vector<std::string> wrap_lines(const std::string& text, float width) {
    std::vector<std::string> out;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::size_t start = 0, brk = std::string::npos;  // line start; last break opportunity (byte index)
    float w = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        const unsigned cp = decode(text, i, n);
        if (cp == '\n') {
            out.push_back(text.substr(start, i - start));
            start = i + 1;
            brk = std::string::npos;
            w = 0;
            i += 1;
            continue;
        }
        if ((is_wide(cp) && !no_break_before(cp)) && i > start) brk = i;  // may break before a wide character
        const float adv = font->GetCharAdvance(static_cast<ImWchar>(cp <= 0xffff ? cp : '?')) * scale;
        if (w + adv > width && i > start) {
            std::size_t cut = cp == ' ' ? i : (brk != std::string::npos && brk > start ? brk : i);
            out.push_back(text.substr(start, cut - start));
            start = cut;
            while (start < text.size() && text[start] == ' ') ++start;
            brk = std::string::npos;
            w = ImGui::CalcTextSize(text.c_str() + start, text.c_str() + std::max(start, i)).x;
            if (start > i) {  // skipped the space that overflowed
                i = start;
                continue;
            }
        }
        w += adv;
        i += n;
        if (cp == ' ' || (is_wide(cp) && i < text.size())) {
            std::size_t m = 1;
            const unsigned next = decode(text, i, m);
            if (!no_break_before(next)) brk = i;  // may break after a space or a wide character
        }
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

void text_wrapped(const std::string& text, bool disabled) {
    const float width = std::max(20.0f, ImGui::GetContentRegionAvail().x);
    ImGui::BeginGroup();
    for (const std::string& line : wrap_lines(text, width)) {
        if (disabled) ImGui::TextDisabled("%s", line.c_str());
        else ImGui::TextUnformatted(line.c_str());
    }
    ImGui::EndGroup();
}

}  // namespace yt::app::ui
