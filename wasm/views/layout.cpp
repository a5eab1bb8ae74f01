// layout.cpp — the views' layout toolkit: named widgets report their rectangle, the part of it
// that is visible and whether their text is cut (the browser layout tests fail on cut text and
// on overlapping widgets), and widgets that size themselves to their text.
#define IMGUI_DEFINE_MATH_OPERATORS
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "views/view.hpp"

namespace yt::app {

namespace {

// Set when a table changed the sizes it keeps for the next frame: the layout needs another frame
// to settle (the app draws only after input otherwise).
bool g_layout_changed = false;

void store(ImGuiStorage& st, ImGuiID key, float v) {
    // A few pixels are not worth another frame (stretch columns creep towards their width over
    // frames; the next frame drawn for other reasons takes the new value).
    if (std::fabs(st.GetFloat(key, 0.0f) - v) > 4.0f) g_layout_changed = true;
    st.SetFloat(key, v);
}

// The last item's frame: for labelled items (combo, slider) the box without the label.
ImRect last_frame() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    return (g.LastItemData.StatusFlags & ImGuiItemStatusFlags_HasDisplayRect) ? g.LastItemData.DisplayRect
                                                                               : g.LastItemData.NavRect;
}

float text_width(const std::string& text) {
    return ImGui::CalcTextSize(text.c_str(), nullptr, true).x;
}

}  // namespace

void note_widget(const ViewEnv& e, const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    WidgetRect r;
    static_cast<std::array<float, 4>&>(r) = {a.x, a.y, b.x - a.x, b.y - a.y};
    // The visible part: the item within its window's clip rectangle (text cut by a table column
    // is found by end_table, which knows what each column holds).
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    const float x0 = std::max(a.x, clip.Min.x), y0 = std::max(a.y, clip.Min.y);
    const float x1 = std::min(b.x, clip.Max.x), y1 = std::min(b.y, clip.Max.y);
    if (x1 > x0 && y1 > y0) {
        r.visible = {x0, y0, x1 - x0, y1 - y0};
        // Clipped sideways where nothing scrolls sideways: part of it cannot be seen at all. (A
        // selectable reaches half an item spacing past its window's edge; that is not text.)
        const float slack = ImGui::GetStyle().ItemSpacing.x + 1.0f;
        r.cut = (x1 - x0) < (b.x - a.x) - slack && ImGui::GetScrollMaxX() <= 0.0f;
    }
    auto it = e.widgets.find(name);
    if (it != e.widgets.end() && it->second.cut) r.cut = true;  // marked before it was published (end_table)
    e.widgets[name] = r;
}

void note_rect(const ViewEnv& e, const char* name, float x, float y, float w, float h) {
    WidgetRect r;
    static_cast<std::array<float, 4>&>(r) = {x, y, w, h};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 ca = dl->GetClipRectMin(), cb = dl->GetClipRectMax();
    const float x0 = std::max(x, ca.x), y0 = std::max(y, ca.y), x1 = std::min(x + w, cb.x), y1 = std::min(y + h, cb.y);
    if (x1 > x0 && y1 > y0) r.visible = {x0, y0, x1 - x0, y1 - y0};
    e.widgets[name] = r;
}

void note_text(const ViewEnv& e, const char* name, const std::string& text, float reserve) {
    note_widget(e, name);
    const ImRect f = last_frame();
    const float room = f.GetWidth() - 2 * ImGui::GetStyle().FramePadding.x - reserve;
    if (text_width(text) > room + 0.5f) e.widgets[name].cut = true;
}

void note_cut(const ViewEnv& e, const char* name, bool cut) {
    if (cut) e.widgets[name].cut = true;
}

namespace {
// What a table keeps between frames in its host window's storage: the height of its rows (a
// sideways-scrolling table is sized to them) and the width its columns need.
ImGuiID height_key(ImGuiID table_id) { return table_id ^ 0x9e3779b9u; }
ImGuiID need_key(ImGuiID table_id) { return table_id ^ 0x7f4a7c15u; }
ImGuiID column_key(ImGuiID table_id, int column) { return table_id ^ (0x85ebca6bu * static_cast<unsigned>(column + 1)); }
ImGuiID seen_key(ImGuiID table_id, int column) { return table_id ^ (0xc2b2ae35u * static_cast<unsigned>(column + 1)); }
// The widest a stretch column's cells drew past it, and the width of its header then (kept:
// see end_table).
ImGuiID body_key(ImGuiID table_id, int column) { return table_id ^ (0x165667b1u * static_cast<unsigned>(column + 1)); }
ImGuiID body_head_key(ImGuiID table_id, int column) { return table_id ^ (0xd3a2646cu * static_cast<unsigned>(column + 1)); }
// The widest a column's widgets need to be this frame (combos their preview, sliders their value).
ImGuiID cell_key(ImGuiID table_id, int column) { return table_id ^ (0x27d4eb2fu * static_cast<unsigned>(column + 1)); }

// A widget in a table cell that needs `width` to show its text. A slider that fills its cell
// does not draw past it, and a combo a few pixels too narrow draws only into the cell's padding:
// the column would not learn it otherwise.
void note_cell_need(float width) {
    ImGuiTable* t = ImGui::GetCurrentTable();
    if (!t || t->CurrentColumn < 0) return;
    float* slot = t->OuterWindow->StateStorage.GetFloatRef(cell_key(t->ID, t->CurrentColumn), 0.0f);
    *slot = std::max(*slot, width);
}
}  // namespace

bool begin_combo(const ViewEnv& e, const char* name, const char* id, const std::string& preview, float min_width,
                 int combo_flags) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float arrow = (combo_flags & ImGuiComboFlags_NoArrowButton) ? 0.0f : ImGui::GetFrameHeight();
    const float need = text_width(preview) + 2 * st.FramePadding.x + arrow;
    const float left = ImGui::GetContentRegionAvail().x;
    const float w = std::max(min_width > 0 ? min_width : ImGui::CalcItemWidth(), std::min(need, left));
    ImGui::SetNextItemWidth(w);
    const bool open = ImGui::BeginCombo(id, preview.c_str(), combo_flags);
    // In a table, the column learns how wide the combo wants to be (it grows on the next frame).
    if (ImGui::GetCurrentTable() && !open) {
        ImGuiWindow* win = ImGui::GetCurrentWindow();
        win->DC.CursorMaxPos.x = std::max(win->DC.CursorMaxPos.x, ImGui::GetItemRectMin().x + need);
        note_cell_need(need);
    }
    note_text(e, name, preview, arrow);
    if (e.widgets[name].cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", preview.c_str());
    return open;
}

namespace {
// Fixed columns that drew past their width last frame grow to what they hold (a longer
// language, a longer name); done before the layout of the table locks.
void grow_columns(ImGuiStorage* st, int columns) {
    ImGuiTable* t = ImGui::GetCurrentTable();
    for (int c = 0; t && c < columns; ++c) {
        const float w = st->GetFloat(column_key(t->ID, c), 0.0f);
        if (w <= 0) continue;
        // Only this column widens (TableSetColumnWidth() would take the room from its neighbour).
        ImGuiTableColumn& col = t->Columns[c];
        if (!(col.Flags & ImGuiTableColumnFlags_WidthStretch) && w > col.WidthRequest) {
            col.WidthRequest = w;
            t->IsSettingsDirty = true;
        }
        st->SetFloat(column_key(t->ID, c), 0.0f);
    }
    for (int c = 0; t && c < columns; ++c) st->SetFloat(cell_key(t->ID, c), 0.0f);
}
}  // namespace

bool begin_table(const char* id, int columns, int flags, float min_width, float height) {
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID tid = ImGui::GetID(id);
    const float need = st->GetFloat(need_key(tid), 0.0f);
    // Sideways scrolling on phones, and wherever the columns need more room than there is.
    const bool own_scroll = (flags & (ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY)) != 0;
    if (own_scroll || (!narrow_screen() && need <= ImGui::GetContentRegionAvail().x + 0.5f)) {
        if (!ImGui::BeginTable(id, columns, flags, ImVec2(0, height))) return false;
        grow_columns(st, columns);
        return true;
    }
    const float h = st->GetFloat(height_key(tid), 0.0f);
    const float outer_h = h > 0 ? h + ImGui::GetStyle().ScrollbarSize + 2 : 0;
    // At least as wide as the room it has: stretch columns share what the others leave (on a
    // phone a table that needs little would otherwise squeeze them to its last measure).
    const float inner = std::max({min_width, need, ImGui::GetContentRegionAvail().x});
    if (!ImGui::BeginTable(id, columns, flags | ImGuiTableFlags_ScrollX, ImVec2(0, outer_h), inner))
        return false;
    grow_columns(st, columns);
    ImGui::TableSetupScrollFreeze(1, 0);
    return true;
}

void table_headers(const ViewEnv& e, const char* name) {
    ImGuiTable* t = ImGui::GetCurrentTable();
    if (!t) return;
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
    for (int c = 0; c < t->ColumnsCount; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* text = ImGui::TableGetColumnName(c);
        const float room = ImGui::GetContentRegionAvail().x;
        ImGui::PushID(c);
        ImGui::TableHeader(text);
        ImGui::PopID();
        const std::string key = std::string(name) + ".h" + std::to_string(c);
        note_widget(e, key.c_str());
        const bool cut = text_width(text ? text : "") > room + 0.5f;
        note_cut(e, key.c_str(), cut);
        if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
    }
}

void end_table(const ViewEnv& e, const char* name) {
    if (ImGuiTable* t = ImGui::GetCurrentTable()) {
        // A sideways-scrolling table is sized to its rows on the next frame (see begin_table).
        if ((t->Flags & ImGuiTableFlags_ScrollX) && !(t->Flags & ImGuiTableFlags_ScrollY))
            store(t->OuterWindow->StateStorage,
                height_key(t->ID), std::max(t->RowPosY2, t->InnerWindow->DC.CursorMaxPos.y + t->CellPaddingY) - t->InnerWindow->Pos.y);
        // Columns still fitting themselves (the table's first frames) measure nothing useful yet.
        bool fitting = false;
        for (int c = 0; c < t->ColumnsCount; ++c) fitting |= t->Columns[c].AutoFitQueue != 0 || t->Columns[c].CannotSkipItemsQueue != 0;
        const float pad = 2 * t->CellPaddingX + 1;
        float fixed = 0, per_given = 0, stretch_room = 0, widest_own = 0;
        int stretch_count = 0;
        bool short_of_room = false;  // a column holds more than it was given
        for (int c = 0; c < t->ColumnsCount; ++c) {
            const ImGuiTableColumn& col = t->Columns[c];
            if (!col.IsEnabled || col.MaxX <= col.MinX) continue;
            const float body = std::max(col.ContentMaxXFrozen, col.ContentMaxXUnfrozen);
            const bool body_over = body > col.MaxX + 0.5f;
            // What the column needs: its header, its cells where they drew past it, and what its
            // widgets asked for.
            const float cells = t->OuterWindow->StateStorage.GetFloat(cell_key(t->ID, c), 0.0f);
            const float need = std::max({col.ContentMaxXHeadersIdeal, body_over ? body : col.WorkMinX, col.WorkMinX + cells}) - col.WorkMinX + pad;
            if (col.Flags & ImGuiTableColumnFlags_WidthStretch) {
                // A stretch column needs its header (at least two characters: room for a bar or
                // a number) and its cells where they drew past it, a pixel spare (Dear ImGui
                // rounds each share down). Its share of the stretch room is what it was really
                // given (weights of proportional tables follow their content and the language),
                // so the room that fits every stretch column is the widest need-to-given ratio.
                // A column scrolled out of sight measured nothing this frame: it keeps the need
                // it had when last seen (else the table would narrow, show it cut, widen, …).
                // Cells that drew past the column are remembered at their widest: once the column
                // is wide enough they no longer say what they need (the table would narrow, cut
                // them, widen, …). Wrapped text never draws past, so it never widens its column.
                // The memory is of one language: a header of another width (the other language)
                // starts it again, else the column would ask for room its weight no longer backs.
                const float head_text = col.ContentMaxXHeadersIdeal - col.WorkMinX;
                const float head = std::max(head_text, 2 * ImGui::GetFontSize());
                ImGuiStorage& st = t->OuterWindow->StateStorage;
                float* drew_past = st.GetFloatRef(body_key(t->ID, c), 0.0f);
                if (head_text > 0 && std::fabs(st.GetFloat(body_head_key(t->ID, c), 0.0f) - head_text) > 0.5f) {
                    *drew_past = 0;
                    st.SetFloat(body_head_key(t->ID, c), head_text);
                }
                if (body_over && !fitting) *drew_past = std::max(*drew_past, body - col.WorkMinX);
                float own = std::max({head, *drew_past, cells}) + pad + 1;
                if (col.IsVisibleX) store(t->OuterWindow->StateStorage, seen_key(t->ID, c), own);
                else own = std::max(own, t->OuterWindow->StateStorage.GetFloat(seen_key(t->ID, c), 0.0f));
                const float given = std::max(col.WidthGiven + pad, 1.0f);
                short_of_room |= own - 1 > given + 0.5f;
                widest_own = std::max(widest_own, own);
                ++stretch_count;
                per_given = std::max(per_given, own / given);
                stretch_room += given;
            } else {
                fixed += std::max(col.WidthRequest + pad, need);
                short_of_room |= need > col.WidthRequest + pad + 0.5f;
                if (!fitting && need > col.WidthRequest + pad + 0.5f) store(t->OuterWindow->StateStorage, column_key(t->ID, c), need - pad);
            }
            if (!body_over) continue;
            std::string key = std::string(name) + ".h" + std::to_string(c);
            if (!e.widgets.count(key)) {
                key = std::string(name) + ".c" + std::to_string(c);
                WidgetRect& r = e.widgets[key];
                static_cast<std::array<float, 4>&>(r) = {col.MinX, t->OuterRect.Min.y, col.MaxX - col.MinX, 1};
                // Visible only where the table's window shows its top (it may be scrolled away).
                const ImRect clip = t->OuterWindow->ClipRect;
                if (clip.Contains(ImVec2(col.MinX, t->OuterRect.Min.y))) r.visible = r;
            }
            e.widgets[key].cut = true;
        }
        // The width the table asks for changes only when a column is short of room, or when it
        // needs clearly less: where every column fits, what it asks is the width it has, give or
        // take Dear ImGui's rounding, and following that would let it creep wider frame after
        // frame (columns whose widgets fill them take their weight from their width).
        // (At most twice what equal shares of the widest stretch need would take: a column short
        // of room whose weight is very small must not ask for many times the table.)
        const float most = 2 * (fixed + widest_own * static_cast<float>(stretch_count));
        const float need = std::min(fixed + per_given * stretch_room, most) + 2.0f * static_cast<float>(t->ColumnsCount);
        const float had = t->OuterWindow->StateStorage.GetFloat(need_key(t->ID), 0.0f);
        if (!fitting && (short_of_room || had <= 0 || need < had - 12.0f)) store(t->OuterWindow->StateStorage, need_key(t->ID), need);
    }
    ImGui::EndTable();
}

bool value_slider(const ViewEnv& e, const char* name, const char* id, int data_type, void* v, const void* lo,
                  const void* hi, const char* format, int slider_flags) {
    // Dear ImGui's SliderScalar draws the value centred, under the handle; this is the same
    // widget with the value drawn on the side of the handle that has room.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiStyle& style = g.Style;
    const ImGuiID gid = window->GetID(id);
    const float w = ImGui::CalcItemWidth();
    const ImVec2 label_size = ImGui::CalcTextSize(id, nullptr, true);
    const ImRect frame(window->DC.CursorPos, window->DC.CursorPos + ImVec2(w, label_size.y + style.FramePadding.y * 2.0f));
    const ImRect total(frame.Min, frame.Max + ImVec2(label_size.x > 0 ? style.ItemInnerSpacing.x + label_size.x : 0, 0));
    const bool inputable = (slider_flags & ImGuiSliderFlags_NoInput) == 0;
    char buf[64];
    const char* end = buf + ImGui::DataTypeFormatString(buf, IM_ARRAYSIZE(buf), data_type, v, format);
    float tw = ImGui::CalcTextSize(buf, end).x;
    const float pad = style.FramePadding.x;
    note_cell_need(tw + 2 * pad);  // in a table, room for the value at least over the handle
    ImGui::ItemSize(total, style.FramePadding.y);
    if (!ImGui::ItemAdd(total, gid, &frame, inputable ? ImGuiItemFlags_Inputable : 0)) {
        if (name) note_widget(e, name);
        return false;
    }
    const bool hovered = ImGui::ItemHoverable(frame, gid);
    bool typing = inputable && ImGui::TempInputIsActive(gid);
    if (!typing) {
        const bool tabbed = inputable && (g.LastItemData.StatusFlags & ImGuiItemStatusFlags_FocusedByTabbing) != 0;
        const bool clicked = hovered && g.IO.MouseClicked[0];
        if (tabbed || clicked || g.NavActivateId == gid || g.NavActivateInputId == gid) {
            ImGui::SetActiveID(gid, window);
            ImGui::SetFocusID(gid, window);
            ImGui::FocusWindow(window);
            g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right);
            if (inputable && (tabbed || (clicked && g.IO.KeyCtrl) || g.NavActivateInputId == gid)) typing = true;
        }
    }
    bool changed = false;
    if (typing) {
        const bool clamp = (slider_flags & ImGuiSliderFlags_AlwaysClamp) != 0;
        changed = ImGui::TempInputScalar(frame, gid, id, data_type, v, format, clamp ? lo : nullptr, clamp ? hi : nullptr);
    } else {
        const ImU32 col = ImGui::GetColorU32(g.ActiveId == gid ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
        ImGui::RenderNavHighlight(frame, gid);
        ImGui::RenderFrame(frame.Min, frame.Max, col, true, style.FrameRounding);
        ImRect grab;
        changed = ImGui::SliderBehavior(frame, gid, data_type, v, lo, hi, format, slider_flags, &grab);
        if (changed) {
            ImGui::MarkItemEdited(gid);
            end = buf + ImGui::DataTypeFormatString(buf, IM_ARRAYSIZE(buf), data_type, v, format);
            tw = ImGui::CalcTextSize(buf, end).x;
        }
        if (grab.Max.x > grab.Min.x)
            window->DrawList->AddRectFilled(grab.Min, grab.Max,
                                            ImGui::GetColorU32(g.ActiveId == gid ? ImGuiCol_SliderGrabActive : ImGuiCol_SliderGrab),
                                            style.GrabRounding);
        // The side with more room: right of the handle when the handle is in the left half.
        const bool right = grab.GetCenter().x < frame.GetCenter().x;
        float x0 = right ? grab.Max.x + pad : frame.Min.x + pad;
        float x1 = right ? frame.Max.x - pad : grab.Min.x - pad;
        // Too narrow beside the handle: centred over the whole frame, as Dear ImGui draws it.
        const bool beside = tw <= x1 - x0 + 0.5f;
        if (!beside) x0 = frame.Min.x + pad, x1 = frame.Max.x - pad;
        const float x = beside ? (right ? std::max(x0, x1 - tw) : x0) : std::max(x0, (x0 + x1 - tw) * 0.5f);
        ImGui::RenderTextClipped(ImVec2(x, frame.Min.y), ImVec2(frame.Max.x, frame.Max.y), buf, end, nullptr, ImVec2(0, 0.5f));
        if (name) {
            note_widget(e, name);
            note_cut(e, name, tw > x1 - x0 + 0.5f);
        }
        if (label_size.x > 0)
            ImGui::RenderText(ImVec2(frame.Max.x + style.ItemInnerSpacing.x, frame.Min.y + style.FramePadding.y), id);
        return changed;
    }
    if (name) note_widget(e, name);
    return changed;
}

void flow_line(float width) {
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    const float x = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + sp;
    if (x + width <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

float button_width(const char* text) {
    return ImGui::CalcTextSize(text, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void begin_pane(const char* id, float width, bool border, int window_flags, bool stack) {
    if (stack) {
        ImGui::PushID(id);
        ImGui::BeginGroup();
        return;
    }
    ImGui::BeginChild(id, ImVec2(width, 0), border, window_flags);
}

void end_pane(bool stack) {
    if (stack) {
        ImGui::EndGroup();
        ImGui::PopID();
        ImGui::Separator();
        return;
    }
    ImGui::EndChild();
}

void pane_beside(bool stack) {
    if (!stack) ImGui::SameLine();
}

void hand_wheel_outward() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    // Dear ImGui keeps wheeling the window it last scrolled until the pointer moves or two
    // seconds of frames pass. A still pointer (a finger's pans, a test's wheel) over another tab
    // would keep scrolling the last tab's hidden panel: the lock ends when that window was not
    // drawn last frame or is no longer under the pointer.
    if (ImGuiWindow* locked = g.WheelingWindow) {
        bool under = false;
        for (ImGuiWindow* h = g.HoveredWindow; h && !under; h = h->ParentWindow) under = h == locked;
        if (!locked->Active || !under) {
            g.WheelingWindow = nullptr;
            g.WheelingWindowTimer = 0.0f;
        }
    }
    const float wheel = g.IO.MouseWheel;
    if (wheel == 0.0f || !g.HoveredWindow) return;
    // The window Dear ImGui will scroll: the hovered one, or the nearest around it that scrolls.
    const auto scrolls = [](const ImGuiWindow* w) { return w->ScrollMax.y > 0 && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse); };
    ImGuiWindow* w = g.HoveredWindow;
    while ((w->Flags & ImGuiWindowFlags_ChildWindow) && !scrolls(w) && w->ParentWindow) w = w->ParentWindow;
    const auto at_end = [wheel](const ImGuiWindow* x) { return wheel > 0 ? x->Scroll.y <= 0.0f : x->Scroll.y >= x->ScrollMax.y; };
    if (!(w->Flags & ImGuiWindowFlags_ChildWindow) || !at_end(w)) return;
    for (ImGuiWindow* p = w->ParentWindow; p; p = p->ParentWindow) {
        if (!scrolls(p) || at_end(p)) continue;
        // The step Dear ImGui takes for one notch (imgui.cpp, UpdateMouseWheel).
        const float step = std::floor(std::min(5 * p->CalcFontSize(), p->InnerRect.GetHeight() * 0.67f));
        ImGui::SetScrollY(p, p->Scroll.y - wheel * step);
        g.IO.MouseWheel = 0.0f;
        return;
    }
}

WheelTarget wheel_target() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    WheelTarget t;
    if (const ImGuiWindow* h = g.HoveredWindow) t = {h->Name, "", h->Scroll.y, h->ScrollMax.y};
    if (g.WheelingWindow) t.locked = g.WheelingWindow->Name;
    t.ctrl = g.IO.KeyCtrl;
    t.shift = g.IO.KeyShift;
    return t;
}

void scroll_active_into_view(float dy) {
    ImGuiWindow* w = ImGui::GetCurrentContext()->ActiveIdWindow;
    while (w && w->ScrollMax.y <= 0 && w->ParentWindow) w = w->ParentWindow;
    if (w) ImGui::SetScrollY(w, std::min(w->ScrollMax.y, w->Scroll.y + dy));
}

bool take_layout_changed() {
    const bool changed = g_layout_changed;
    g_layout_changed = false;
    return changed;
}

void note_row(const ViewEnv& e, const char* name) {
    note_widget(e, name);
    WidgetRect& r = e.widgets[name];
    r.cut = false;  // a row's selectable spans the row; its cells are checked by end_table
    // A selectable reaches half an item spacing into the rows above and below (touch sizes have
    // more spacing than a row's padding): the row itself is what it shows.
    const float sp = ImGui::GetStyle().ItemSpacing.y, up = std::floor(sp * 0.5f), down = sp - up;
    for (std::array<float, 4>* a : {static_cast<std::array<float, 4>*>(&r), &r.visible}) {
        if ((*a)[3] <= 0) continue;
        (*a)[1] += up;
        (*a)[3] = std::max(0.0f, (*a)[3] - up - down);
    }
}

bool column_has_set_width() {
    const ImGuiTable* t = ImGui::GetCurrentTable();
    if (!t || t->CurrentColumn < 0) return false;
    const ImGuiTableColumn& c = t->Columns[t->CurrentColumn];
    return (c.Flags & ImGuiTableColumnFlags_WidthFixed) && c.InitStretchWeightOrWidth > 0;
}

bool narrow_screen() { return ImGui::GetIO().DisplaySize.x < 700.0f; }

}  // namespace yt::app
