// modal_dim.hpp — the dimming behind a modal dialog drawn as a tint of what lies behind it instead
// of the translucent rectangle over the whole screen Dear ImGui draws. A software renderer (the
// SwiftShader Chromium uses without a GPU) pays 15-20 ms a frame to blend that 1280x800 layer, which
// made every drawn frame of a large import, and of the import dialog, a main-thread task over 50 ms.
// The picture is the same to 8-bit rounding: blending colour d at alpha a over opaque content
// gives what mixing every vertex colour behind the dialog (and the clear colour) toward d by a gives.
#pragma once
#include <imgui.h>

namespace yt::app {

struct ModalDim {
    bool active = false;           // a modal dialog is open this frame
    ImVec4 colour{0, 0, 0, 0};     // the dimming colour; its alpha is the mix (fade-in included)
    const ImDrawList* behind = nullptr;  // the first draw list not dimmed (the dialog's)
    float style_alpha = 0;         // the style's dimming alpha, set to 0 from begin to end
    bool fading = false;           // the dimming is still fading in: draw another frame
};

// Between the frame's drawing and ImGui::Render(): keeps ImGui from drawing its dimming rectangle
// this frame and says what to tint instead.
ModalDim begin_modal_dim();
// After ImGui::Render(): mixes the vertex colours of every draw list before dim.behind toward the
// dimming colour, restores the style's colour, and returns `clear` dimmed the same way (the colour
// the frame is cleared to lies behind everything).
ImVec4 end_modal_dim(const ModalDim& dim, ImDrawData* data, ImVec4 clear);

}  // namespace yt::app
