// calendar.cpp — 内容日历: layout, navigation, selection and dragging (see calendar.hpp).
#include <imgui.h>

#include <algorithm>

#include "core/calendar/view_support.hpp"
#include "core/plan/demo.hpp"
#include "views/calendar.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

namespace {

constexpr float kSideWidth = 370.0f;

// A button drawn as pressed while `on`.
bool toggle_button(const std::string& text, bool on) {
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(text.c_str());
    if (on) ImGui::PopStyleColor();
    return pressed;
}

const ContentItem* find_item(const Workspace& ws, const std::string& id) {
    for (const ContentItem& it : ws.calendar.items)
        if (it.id == id) return &it;
    return nullptr;
}

}  // namespace

void CalendarView::range(Day& from, Day& to) const {
    if (mode == Mode::Week) {
        from = anchor - weekday(anchor);
        to = from + 6;
        return;
    }
    const Ymd m = civil_from_days(anchor);
    from = days_from_civil(m.y, m.m, 1);
    to = from + days_in_month(m.y, m.m) - 1;
}

void CalendarView::grid_range(Day& from, Day& to) const {
    range(from, to);
    from -= weekday(from);
    to += 6 - weekday(to);
}

void CalendarView::select(const std::string& id, Day day) {
    if (sel_id != id) typing.key.clear();
    sel_id = id;
    sel_day = day;
}

void CalendarView::navigate(int step) {
    if (step == 0) {
        anchor = today;
        return;
    }
    if (mode == Mode::Week) {
        anchor += 7 * step;
        return;
    }
    const Ymd m = civil_from_days(anchor);
    int k = m.y * 12 + (m.m - 1) + step;
    anchor = days_from_civil(k / 12, k % 12 + 1, 1);
}

bool CalendarView::submit(const ViewEnv& e, Edit c, bool discrete) {
    if (discrete) e.sink.seal();
    Status st = e.sink.submit(std::move(c));
    if (discrete) e.sink.seal();
    if (!st) {
        error = describe(st.error(), e.lang);
        return false;
    }
    error.clear();
    return true;
}

void CalendarView::add_item(const ViewEnv& e, Day day, const std::string& channel) {
    ContentItem it;
    it.id = ui::fresh_id(e.ws.calendar.items, "item-");
    it.day = day;
    it.minute = 10 * 60;
    it.channel = channel.empty() ? "moments" : channel;
    if (!e.ws.roles.personas.empty()) it.persona = e.ws.roles.personas.front().id;
    it.type = "tutorial";
    it.title = tr("ui.cal.new_title", e.lang);
    const std::string id = it.id;
    if (submit(e, cal::insert_item(std::move(it)), true)) {
        select(id, day);
        focus_title = true;
    }
}

void CalendarView::drop(const ViewEnv& e, float x, float y) {
    const ContentItem* it = find_item(e.ws, drag_id);
    if (!it || x < grid_rect[0] || x >= grid_rect[2] || y < grid_rect[1] || y >= grid_rect[3]) return;  // outside the grid
    for (const Cell& c : cells) {
        if (x < c.r[0] || x >= c.r[2] || y < c.r[1] || y >= c.r[3]) continue;
        ContentItem moved = shift_item(*it, c.day - drag_day);
        if (!c.channel.empty()) moved.channel = c.channel;
        if (moved.day == it->day && moved.channel == it->channel) return;
        if (submit(e, cal::update_item("move", std::move(moved)), true)) select(drag_id, c.day);
        return;
    }
}

void CalendarView::draw(const ViewEnv& e) {
    // "Today" as the 角色 view has it (the demo's date, else the platform clock, else the data).
    today = e.d.roles.ready ? e.d.roles.today : e.d.calendar.ready ? e.d.calendar.today : kDemoToday;
    if (anchor == 0) anchor = today;
    if (!sel_id.empty() && !find_item(e.ws, sel_id)) sel_id.clear();  // deleted, or undone
    cells.clear();

    draw_toolbar(e);
    draw_template(e);
    draw_festivals(e);
    if (narrow_screen()) {
        // Phones: the days as a list (month or week), the side panel below it.
        draw_agenda(e);
        ImGui::Separator();
        draw_side(e);
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float grid_w = std::max(420.0f, avail.x - kSideWidth - ImGui::GetStyle().ItemSpacing.x);
    ImGui::BeginChild("###cal_grid", ImVec2(grid_w, 0), false,
                      mode == Mode::Week ? 0 : ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    {
        const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
        grid_rect = {p.x, p.y, p.x + sz.x, p.y + sz.y};
    }
    if (mode == Mode::Month) draw_month(e);
    else draw_week(e);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("###cal_side", ImVec2(0, 0), false);
    draw_side(e);
    ImGui::EndChild();

    // Dragging: the box pressed follows the mouse; releasing over a day (lane) moves it there.
    if (!drag_id.empty()) {
        const ImGuiIO& io = ImGui::GetIO();
        if (dragging) {
            if (const ContentItem* it = find_item(e.ws, drag_id)) {
                const std::string text = cal::box_label(*it, true, e.lang);
                const ImVec2 p(io.MousePos.x + 8, io.MousePos.y + 4);
                const ImVec2 sz = ImGui::CalcTextSize(text.c_str());
                ImDrawList* fg = ImGui::GetForegroundDrawList();
                fg->AddRectFilled(p, ImVec2(p.x + sz.x + 8, p.y + sz.y + 4), cal::fill_colour(it->type), 3.0f);
                fg->AddRect(p, ImVec2(p.x + sz.x + 8, p.y + sz.y + 4), cal::border_colour(it->type), 3.0f);
                fg->AddText(ImVec2(p.x + 4, p.y + 2), IM_COL32(32, 32, 32, 255), text.c_str());
            }
        }
        if (ImGui::IsMouseReleased(0)) {
            if (dragging) drop(e, io.MousePos.x, io.MousePos.y);
            drag_id.clear();
            dragging = false;
        } else if (!ImGui::IsMouseDown(0)) {
            drag_id.clear();
            dragging = false;
        }
    }
}

void CalendarView::draw_toolbar(const ViewEnv& e) {
    const Lang l = e.lang;
    if (toggle_button(label(l, "ui.cal.month", "cal_month"), mode == Mode::Month)) mode = Mode::Month;
    note_widget(e, "cal.month");
    ImGui::SameLine(0, 2);
    if (toggle_button(label(l, "ui.cal.week", "cal_week"), mode == Mode::Week) && mode != Mode::Week) {
        // The week shown is one of the month on screen: the selected item's, else today's, else
        // its first — never a week of another month (the selection may be from one left behind).
        Day a = 0, b = 0;
        range(a, b);
        if (!sel_id.empty() && sel_day >= a && sel_day <= b) anchor = sel_day;
        else if (today >= a && today <= b) anchor = today;
        else anchor = a;
        mode = Mode::Week;
    }
    note_widget(e, "cal.week");
    // The rest flows onto further lines when the screen is narrow (phones).
    const float fh = ImGui::GetFrameHeight(), sp = ImGui::GetStyle().ItemSpacing.x;
    flow_line(2 * fh + button_width(T(l, "ui.cal.today")) + 4 + sp);
    if (ImGui::ArrowButton("###cal_prev", ImGuiDir_Left)) navigate(-1);
    note_widget(e, "cal.prev");
    ImGui::SameLine(0, 2);
    if (ImGui::Button(label(l, "ui.cal.today", "cal_today").c_str())) navigate(0);
    note_widget(e, "cal.today");
    ImGui::SameLine(0, 2);
    if (ImGui::ArrowButton("###cal_next", ImGuiDir_Right)) navigate(1);
    note_widget(e, "cal.next");
    Day a = 0, b = 0;
    range(a, b);
    const Ymd ya = civil_from_days(a), yb = civil_from_days(b);
    std::string period;
    if (mode == Mode::Month) {
        period = trf("ui.cal.month_title", l, {std::to_string(ya.y), std::to_string(ya.m), tr("ui.cal.month_name." + std::to_string(ya.m), l)});
    } else {
        period = trf("ui.cal.week_title", l, {format_day(a), format_day(b).substr(ya.y == yb.y ? 5 : 0)});
    }
    flow_line(ImGui::CalcTextSize(period.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(period.c_str());
    note_widget(e, "cal.period");
    flow_line(button_width(T(l, "ui.cal.template_open")));
    if (ImGui::Button(label(l, "ui.cal.template_open", "cal_template").c_str())) {
        error.clear();
        ImGui::OpenPopup("###cal_tpl_popup");
    }
    note_widget(e, "cal.template");
    flow_line(button_width(T(l, "ui.cal.fest_open")));
    if (ImGui::Button(label(l, "ui.cal.fest_open", "cal_festivals").c_str())) {
        fest_year = 0;
        fest_scroll = 3;
        ImGui::OpenPopup("###cal_fest_popup");
    }
    note_widget(e, "cal.festivals");

    // Exports, right-aligned when they fit on the line. What they cover is asked each time (not
    // silently the visible month).
    const char* ranges[] = {"ui.cal.export_visible", "ui.cal.export_30", "ui.cal.export_90", "ui.cal.export_all"};
    const std::string range_text = T(l, ranges[std::clamp(export_range, 0, 3)]);
    float range_w = 0;
    for (const char* k : ranges) range_w = std::max(range_w, ImGui::CalcTextSize(T(l, k)).x);
    range_w += fh + 2 * ImGui::GetStyle().FramePadding.x;
    float w_exports = range_w;
    for (const char* k : {"ui.cal.export_ics", "ui.cal.export_csv", "ui.cal.export_xlsx", "ui.cal.export_html"})
        w_exports += 4 + button_width(T(l, k));
    const float line_end = ImGui::GetWindowContentRegionMax().x;
    const float after = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 12;
    if (after + w_exports <= line_end) ImGui::SameLine(std::max(after, line_end - w_exports));
    if (begin_combo(e, "cal.export_range", "###cal_export_range", range_text, range_w)) {
        for (int i = 0; i < 4; ++i)
            if (ImGui::Selectable(T(l, ranges[i]), export_range == i)) export_range = i;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.cal.export_all_tip"));
    Day ex_from = a, ex_to = b;
    cal::export_span(e.d.calendar, export_range, a, b, ex_from, ex_to);
    struct Fmt {
        const char* format;
        const char* key;
        const char* widget;
    };
    for (const Fmt& f : {Fmt{"ics", "ui.cal.export_ics", "cal.export.ics"}, Fmt{"csv", "ui.cal.export_csv", "cal.export.csv"},
                         Fmt{"xlsx", "ui.cal.export_xlsx", "cal.export.xlsx"}, Fmt{"html", "ui.cal.export_html", "cal.export.html"}}) {
        flow_line(button_width(T(l, f.key)));
        const bool pressed = ImGui::Button(label(l, f.key, f.widget).c_str());
        note_widget(e, f.widget);
        if (pressed && e.out) e.out->downloads.push_back(cal::export_file(e.ws, f.format, ex_from, ex_to, l, e.now));
    }

    // Legend: what the colours and marks mean, in words.
    auto swatch = [](unsigned fill, unsigned border) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + h * 1.4f, p.y + h), fill, 2.0f);
        ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + h * 1.4f, p.y + h), border, 2.0f);
        ImGui::Dummy(ImVec2(h * 1.4f, h));
        ImGui::SameLine(0, 4);
    };
    // Each entry of the legend (swatch and words) stays on one line; entries flow.
    const float sw = ImGui::GetTextLineHeight() * 1.4f + 4;
    auto entry = [&](const std::string& text) { flow_line(sw + ImGui::CalcTextSize(text.c_str()).x + 14); };
    const std::string value_text = cal::marker("tutorial", l) + " " + T(l, "ui.cal.legend_value");
    const std::string promo_text = cal::marker("promo", l) + " " + T(l, "ui.cal.legend_promo");
    swatch(cal::fill_colour("tutorial"), cal::border_colour("tutorial"));
    ImGui::TextUnformatted(value_text.c_str());
    entry(promo_text);
    swatch(cal::fill_colour("promo"), cal::border_colour("promo"));
    ImGui::TextUnformatted(promo_text.c_str());
    entry(T(l, "ui.cal.legend_finding"));
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ui::severity_icon(static_cast<int>(Severity::Warning), p.x, p.y + 1, h - 2);
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine(0, 4);
        ImGui::TextUnformatted(T(l, "ui.cal.legend_finding"));
    }
    entry(T(l, "ui.cal.legend_festival"));
    swatch(IM_COL32(255, 214, 153, 110), IM_COL32(230, 150, 40, 255));
    ImGui::TextUnformatted(T(l, "ui.cal.legend_festival"));
    if (!error.empty()) {
        flow_line(ImGui::CalcTextSize(error.c_str()).x);
        ImGui::TextColored(ImVec4(0.8f, 0.15f, 0.1f, 1), "%s", error.c_str());
    } else if (!status.empty()) {
        flow_line(ImGui::CalcTextSize(status.c_str()).x);
        ImGui::TextDisabled("%s", status.c_str());
    }
}

}  // namespace yt::app
