// modal_dim.cpp — a modal dialog's dimming as a tint of the draw lists behind it (modal_dim.hpp).
#include "app/modal_dim.hpp"

#include <imgui_internal.h>  // the top-most modal and the window ImGui dims behind, DimBgRatio

namespace yt::app {

namespace {

inline unsigned mix8(unsigned v, unsigned d, unsigned a) { return (v * (255 - a) + d * a + 127) / 255; }

// Colour `c` (packed as ImGui packs vertex colours) mixed toward d by a / 255, its alpha kept.
inline ImU32 mix(ImU32 c, unsigned dr, unsigned dg, unsigned db, unsigned a) {
    const unsigned r = mix8((c >> IM_COL32_R_SHIFT) & 0xff, dr, a);
    const unsigned g = mix8((c >> IM_COL32_G_SHIFT) & 0xff, dg, a);
    const unsigned b = mix8((c >> IM_COL32_B_SHIFT) & 0xff, db, a);
    return (c & IM_COL32_A_MASK) | (r << IM_COL32_R_SHIFT) | (g << IM_COL32_G_SHIFT) | (b << IM_COL32_B_SHIFT);
}

}  // namespace

ModalDim begin_modal_dim() {
    ModalDim dim;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* modal = ImGui::GetTopMostAndVisiblePopupModal();
    if (!modal) return dim;
    ImVec4& c = g.Style.Colors[ImGuiCol_ModalWindowDimBg];
    dim.colour = ImVec4(c.x, c.y, c.z, c.w * g.Style.Alpha * g.DimBgRatio);  // as ImGui would draw it
    dim.behind = ImGui::FindBottomMostVisibleWindowWithinBeginStack(modal)->RootWindow->DrawList;
    dim.active = true;
    dim.fading = g.DimBgRatio < 1.0f;  // ImGui's fade-in, ~0.17 s of frame time
    dim.style_alpha = c.w;
    c.w = 0;  // ImGui draws no dimming rectangle at alpha 0
    return dim;
}

ImVec4 end_modal_dim(const ModalDim& dim, ImDrawData* data, ImVec4 clear) {
    if (!dim.active) return clear;
    ImGui::GetStyle().Colors[ImGuiCol_ModalWindowDimBg].w = dim.style_alpha;
    // The colour and alpha as the rectangle's vertices would carry them (8 bits each).
    const ImU32 packed = ImGui::ColorConvertFloat4ToU32(dim.colour);
    const unsigned dr = (packed >> IM_COL32_R_SHIFT) & 0xff, dg = (packed >> IM_COL32_G_SHIFT) & 0xff,
                   db = (packed >> IM_COL32_B_SHIFT) & 0xff, a = (packed >> IM_COL32_A_SHIFT) & 0xff;
    // Everything drawn before the dialog's list is behind it; a frame without that list (nothing
    // drawn for the dialog) is left undimmed rather than dimmed in front.
    int end = -1;
    for (int l = 0; data && l < data->CmdListsCount && end < 0; ++l)
        if (data->CmdLists[l] == dim.behind) end = l;
    if (a == 0 || end < 0) return clear;
    for (int l = 0; l < end; ++l)
        for (ImDrawVert& v : data->CmdLists[l]->VtxBuffer) v.col = mix(v.col, dr, dg, db, a);
    const float f = static_cast<float>(a) / 255.0f;
    const auto to = [f](float x, unsigned d) { return x + (static_cast<float>(d) / 255.0f - x) * f; };
    return ImVec4(to(clear.x, dr), to(clear.y, dg), to(clear.z, db), clear.w);
}

}  // namespace yt::app
