// calendar_grid.cpp — the month grid and the week swimlanes of the 内容日历 view, their item
// boxes and the festival overlay (see calendar.hpp).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/calendar/catalog.hpp"
#include "core/calendar/festivals.hpp"
#include "core/calendar/recurrence.hpp"
#include "views/calendar.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

namespace {

const ImU32 kInk = IM_COL32(32, 32, 32, 255);
const ImU32 kFestivalInk = IM_COL32(190, 90, 0, 255);

// Festival shading of one day: 0 none, 1 inside a campaign window or phase, 2 the festival day.
struct DayMarks {
    int tint = 0;
    std::string label;               // shown in the cell: the festival, else a phase that starts
    std::vector<std::string> names;  // everything on that day (tooltip)
};

void add_name(DayMarks& m, const std::string& s) {
    if (std::find(m.names.begin(), m.names.end(), s) == m.names.end()) m.names.push_back(s);
}

std::vector<DayMarks> festival_marks(const ViewEnv& e, Day g0, Day g1, Lang l) {
    std::vector<DayMarks> out(static_cast<std::size_t>(g1 - g0 + 1));
    auto at = [&](Day d) -> DayMarks* { return d >= g0 && d <= g1 ? &out[static_cast<std::size_t>(d - g0)] : nullptr; };
    for (const Festival& f : e.d.calendar.festivals(g0, g1, e.ws.calendar.festival_windows)) {
        const std::string name = tr(festival_name_key(f.id), l);
        for (Day d = std::max(f.start, g0); d <= std::min(f.end, g1); ++d) {
            at(d)->tint = std::max(at(d)->tint, 1);
            add_name(*at(d), name);
        }
        for (const FestivalPhase& p : f.phases) {
            const std::string phase = name + "·" + tr(phase_name_key(p.id), l);
            for (Day d = std::max(p.start, g0); d <= std::min(p.end, g1); ++d) {
                at(d)->tint = std::max(at(d)->tint, 1);
                add_name(*at(d), phase);
            }
            if (DayMarks* m = at(p.start); m && m->label.empty()) m->label = phase;
        }
        if (DayMarks* m = at(f.date)) {
            m->tint = 2;
            m->label = name;
        }
    }
    return out;
}

ImU32 tint_colour(int tint) { return tint >= 2 ? IM_COL32(255, 170, 90, 120) : IM_COL32(255, 214, 153, 70); }

// The label of a festival, clipped to `max_w` pixels, with every name of the day as a tooltip.
void festival_label(const DayMarks& m, float x, float y, float max_w) {
    if (m.label.empty() || max_w < 12) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    const ImVec4 clip(x, y, x + max_w, y + h);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, y), kFestivalInk, m.label.c_str(), nullptr, 0.0f, &clip);
    if (ImGui::IsMouseHoveringRect(ImVec2(x, y), ImVec2(x + max_w, y + h)) && !m.names.empty()) {
        ImGui::BeginTooltip();
        for (const std::string& s : m.names) ImGui::TextUnformatted(s.c_str());
        ImGui::EndTooltip();
    }
}

// The `n` items of a day (in time order) a full month cell shows: the selected item, then one-off
// items and items with findings before routine series, then back in time order.
std::vector<const ContentItem*> pick_shown(const std::vector<const ContentItem*>& day, std::size_t n, const CalendarFigures& d,
                                           const std::string& selected) {
    if (day.size() <= n) return day;
    std::vector<std::size_t> order(day.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto rank = [&](std::size_t i) {
        if (day[i]->id == selected) return -1;
        return (day[i]->repeat.kind.empty() ? 0 : 2) + (d.worst(day[i]->id) >= static_cast<int>(Severity::Warning) ? 0 : 1);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    order.resize(n);
    std::sort(order.begin(), order.end());
    std::vector<const ContentItem*> out;
    for (std::size_t i : order) out.push_back(day[i]);
    return out;
}

void publish(const ViewEnv& e, const std::string& name, float x, float y, float w, float h) { note_rect(e, name.c_str(), x, y, w, h); }

}  // namespace

// Right click (a long press on touch screens): edit, duplicate to the next day, delete.
void CalendarView::item_menu(const ViewEnv& e, const ContentItem& it, Day day) {
    const Lang l = e.lang;
    const std::string popup = "###cal_menu_" + it.id + "_" + std::to_string(day);
    if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) {
        select(it.id, day);
        ImGui::OpenPopup(popup.c_str());
    }
    if (!ImGui::BeginPopup(popup.c_str())) return;
    if (ImGui::MenuItem(T(l, "ui.cal.menu_edit"))) select(it.id, day);
    note_widget(e, "cal.menu.edit");
    if (ImGui::MenuItem(T(l, "ui.cal.menu_duplicate"))) {
        ContentItem copy = it;
        copy.id = ui::fresh_id(e.ws.calendar.items, "item-");
        copy.day = day + 1;
        copy.repeat = Recurrence{};  // one occurrence, on the next day
        if (submit(e, cal::insert_item(copy), true)) select(copy.id, copy.day);
    }
    note_widget(e, "cal.menu.duplicate");
    if (ImGui::MenuItem(T(l, "ui.cal.menu_delete")) && submit(e, cal::erase_item(it.id), true)) sel_id.clear();
    note_widget(e, "cal.menu.delete");
    ImGui::EndPopup();
}

void CalendarView::item_box(const ViewEnv& e, const ContentItem& it, Day day, float x, float y, float w, float h,
                            bool with_time) {
    const Lang l = e.lang;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::PushID(it.id.c_str());
    ImGui::PushID(day);
    ImGui::InvisibleButton("##box", ImVec2(std::max(1.0f, w), std::max(1.0f, h)));
    ImGui::PopID();
    ImGui::PopID();
    const std::string name = "cal.item." + it.id;
    if (!e.widgets.count(name)) note_widget(e, name.c_str());
    if (ImGui::IsItemActivated()) {
        select(it.id, day);
        drag_id = it.id;
        drag_day = day;
        dragging = false;
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(0)) dragging = true;
    const bool hovered = ImGui::IsItemHovered();
    item_menu(e, it, day);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool promo = is_promotion_type(it.type);
    const bool lifted = dragging && drag_id == it.id && drag_day == day;
    const ImVec2 a(x, y), b(x + w, y + h);
    ImU32 fill = cal::fill_colour(it.type);
    if (lifted) fill = (fill & 0x00FFFFFFu) | 0x60000000u;
    dl->AddRectFilled(a, b, fill, 3.0f);
    dl->AddRect(a, b, cal::border_colour(it.type), 3.0f, 0, promo ? 2.0f : 1.0f);
    if (sel_id == it.id) dl->AddRect(ImVec2(x - 1, y - 1), ImVec2(x + w + 1, y + h + 1), ImGui::GetColorU32(ImGuiCol_CheckMark), 3.0f, 0, 2.5f);
    else if (hovered) dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Text, 0.5f), 3.0f);
    const int worst = e.d.calendar.worst(it.id);
    const float icon = std::min(h, ImGui::GetFontSize() + 2);
    const float mark = worst >= static_cast<int>(Severity::Warning) ? icon : 0.0f;
    const ImVec4 clip(x + 2, y, x + w - 2 - mark, y + h);
    const float size = std::min(ImGui::GetFontSize(), h - 2);  // month boxes use a smaller size
    if (with_time && h >= 2 * size + 2) {
        // Two lines (week lanes): marker and time, then the title.
        const std::string top = cal::marker(it.type, l) + " " + format_hhmm(it.minute);
        const std::string title = it.title.empty() ? std::string(tr(type_name_key(it.type), l)) : it.title;
        const float pad = (h - 2 * size) / 3;
        dl->AddText(ImGui::GetFont(), size, ImVec2(x + 3, y + pad), kInk, top.c_str(), nullptr, 0.0f, &clip);
        const ImVec4 clip2(x + 2, y, x + w - 2, y + h);  // the mark sits on the first line only
        dl->AddText(ImGui::GetFont(), size, ImVec2(x + 3, y + 2 * pad + size), kInk, title.c_str(), nullptr, 0.0f, &clip2);
    } else {
        const std::string text = cal::box_label(it, with_time, l);
        dl->AddText(ImGui::GetFont(), size, ImVec2(x + 3, y + (h - size) * 0.5f), kInk, text.c_str(), nullptr, 0.0f, &clip);
    }
    if (mark > 0) ui::severity_icon(worst, x + w - icon + 1, y + 1, icon - 2);

    if (hovered && !dragging) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(cal::box_label(it, true, l).c_str());
        ImGui::TextDisabled("%s · %s · %s%s", format_day(day).c_str(), cal::channel_name(it.channel, l).c_str(),
                            tr(type_name_key(it.type), l), promo ? T(l, "ui.cal.is_promo") : T(l, "ui.cal.is_value"));
        for (const Persona& p : e.ws.roles.personas)
            if (p.id == it.persona) ImGui::TextDisabled("%s %s", T(l, "calendar.field.persona"), p.name.c_str());
        if (!it.campaign.empty()) ImGui::TextDisabled("%s %s", T(l, "calendar.field.campaign"), it.campaign.c_str());
        if (!it.coupon_id.empty()) ImGui::TextDisabled("%s %s", T(l, "calendar.field.coupon"), it.coupon_id.c_str());
        if (worst >= 0) {
            int shown = 0;
            for (std::size_t i = 0; i < e.d.calendar.findings.size() && shown < 3; ++i) {
                const FindingLink& k = e.d.calendar.links[i];
                if (std::find(k.items.begin(), k.items.end(), it.id) == k.items.end()) continue;
                const Finding& f = e.d.calendar.findings[i];
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
                ImGui::TextWrapped("! %s", finding_message(f, l).c_str());
                ImGui::PopTextWrapPos();
                ++shown;
            }
        }
        ImGui::TextDisabled("%s", T(l, "ui.cal.box_hint"));
        ImGui::EndTooltip();
    }
}

void CalendarView::draw_month(const ViewEnv& e) {
    const Lang l = e.lang;
    Day m0 = 0, m1 = 0, g0 = 0, g1 = 0;
    range(m0, m1);
    grid_range(g0, g1);
    const int rows = (g1 - g0 + 1) / 7;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float lh = ImGui::GetTextLineHeight();
    const float head = lh + 6;
    const float cw = std::floor(avail.x / 7);
    const float ch = std::max(lh * 4 + 16, std::floor((avail.y - head) / static_cast<float>(rows)));
    for (int k = 0; k < 7; ++k)
        dl->AddText(ImVec2(o.x + k * cw + 4, o.y + 2), ImGui::GetColorU32(ImGuiCol_Text), tr("ui.cal.wd." + std::to_string(k), l));

    const std::vector<ContentItem>& items = e.ws.calendar.items;
    std::vector<std::vector<const ContentItem*>> by_day(static_cast<std::size_t>(g1 - g0 + 1));
    for (const Occurrence& oc : expand_occurrences(items, g0, g1)) by_day[static_cast<std::size_t>(oc.day - g0)].push_back(&items[oc.item]);
    const std::vector<DayMarks> marks = festival_marks(e, g0, g1, l);

    const float bh = std::floor(ImGui::GetFontSize() * 0.8125f) + 3;
    for (Day d = g0; d <= g1; ++d) {
        const std::size_t idx = static_cast<std::size_t>(d - g0);
        const float x0 = o.x + static_cast<float>(idx % 7) * cw, y0 = o.y + head + static_cast<float>(idx / 7) * ch;
        const float x1 = x0 + cw - 1, y1 = y0 + ch - 1;
        const bool inside = d >= m0 && d <= m1;
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), ImGui::GetColorU32(inside ? ImGuiCol_FrameBg : ImGuiCol_TextDisabled, inside ? 0.35f : 0.10f));
        if (marks[idx].tint) dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), tint_colour(marks[idx].tint));
        dl->AddRect(ImVec2(x0, y0), ImVec2(x1, y1), ImGui::GetColorU32(ImGuiCol_Border));
        if (d == today) dl->AddRect(ImVec2(x0 + 1, y0 + 1), ImVec2(x1 - 1, y1 - 1), ImGui::GetColorU32(ImGuiCol_CheckMark), 0, 0, 2.0f);
        const std::string date = format_day(d);
        publish(e, "cal.day." + date, x0, y0, cw, ch);
        cells.push_back(Cell{{x0, y0, x0 + cw, y0 + ch}, d, ""});

        const std::string num = std::to_string(civil_from_days(d).d);
        dl->AddText(ImVec2(x0 + 4, y0 + 2), ImGui::GetColorU32(inside ? ImGuiCol_Text : ImGuiCol_TextDisabled), num.c_str());
        const float plus_w = lh + 4;
        const float num_w = ImGui::CalcTextSize(num.c_str()).x;
        festival_label(marks[idx], x0 + 10 + num_w, y0 + 2, cw - num_w - plus_w - 16);
        ImGui::SetCursorScreenPos(ImVec2(x1 - plus_w - 1, y0 + 1));
        ImGui::PushID(d);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 0));
        if (ImGui::SmallButton("+")) add_item(e, d, "");
        ImGui::PopStyleVar();
        ImGui::PopID();
        publish(e, "cal.new." + date, ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
                ImGui::GetItemRectSize().y);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trf("ui.cal.new_on", l, {date}).c_str());

        const float ys = y0 + lh + 5;
        const int fits = std::max(0, static_cast<int>((y1 - 2 - ys) / (bh + 1)));
        const int n = static_cast<int>(by_day[idx].size());
        const int shown = n <= fits ? n : std::max(0, fits - 1);
        const std::vector<const ContentItem*> list = pick_shown(by_day[idx], static_cast<std::size_t>(shown), e.d.calendar, sel_id);
        for (int k = 0; k < shown; ++k)
            item_box(e, *list[static_cast<std::size_t>(k)], d, x0 + 3, ys + static_cast<float>(k) * (bh + 1), cw - 7, bh, false);
        if (shown < n) {
            // More than fit: "+N" opens the week with this day.
            const std::string more = trf("ui.cal.more", l, {std::to_string(n - shown)});
            ImGui::SetCursorScreenPos(ImVec2(x0 + 3, ys + static_cast<float>(shown) * (bh + 1)));
            ImGui::PushID(d);
            if (ImGui::InvisibleButton("##more", ImVec2(cw - 7, bh))) {
                mode = Mode::Week;
                anchor = d;
            }
            ImGui::PopID();
            dl->AddText(ImGui::GetFont(), bh - 3, ImVec2(x0 + 5, ys + static_cast<float>(shown) * (bh + 1) + 1),
                        ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_CheckMark : ImGuiCol_TextDisabled), more.c_str());
        }
    }
    ImGui::SetCursorScreenPos(o);
    ImGui::Dummy(ImVec2(cw * 7, head + ch * static_cast<float>(rows)));
}

void CalendarView::draw_agenda(const ViewEnv& e) {
    const Lang l = e.lang;
    Day a = 0, b = 0;
    range(a, b);
    const std::vector<ContentItem>& items = e.ws.calendar.items;
    std::vector<std::vector<const ContentItem*>> by_day(static_cast<std::size_t>(b - a + 1));
    for (const Occurrence& oc : expand_occurrences(items, a, b)) by_day[static_cast<std::size_t>(oc.day - a)].push_back(&items[oc.item]);
    const std::vector<DayMarks> marks = festival_marks(e, a, b, l);
    const float w = ImGui::GetContentRegionAvail().x;
    const float bh = ImGui::GetFrameHeight();
    for (Day d = a; d <= b; ++d) {
        const std::size_t idx = static_cast<std::size_t>(d - a);
        const Ymd y = civil_from_days(d);
        // The day: date, weekday and festival, and a button that adds an item on it.
        std::string head = trf("ui.cal.agenda_day", l, {std::to_string(y.m), std::to_string(y.d),
                                                        tr("ui.cal.wd." + std::to_string(weekday(d)), l)});
        if (!marks[idx].label.empty()) head += "  " + marks[idx].label;
        ImGui::AlignTextToFramePadding();
        if (d == today) ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_CheckMark), "%s", head.c_str());
        else ImGui::TextUnformatted(head.c_str());
        note_widget(e, ("cal.agenda." + format_day(d)).c_str());
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - bh));
        ImGui::PushID(d);
        if (ImGui::Button("+", ImVec2(bh, bh))) add_item(e, d, "");
        ImGui::PopID();
        note_widget(e, ("cal.new." + format_day(d)).c_str());
        cells.push_back(Cell{{ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y}, d, ""});
        for (const ContentItem* it : by_day[idx]) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            item_box(e, *it, d, p.x + 8, p.y, w - 8, bh, true);
            ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + bh + ImGui::GetStyle().ItemSpacing.y));
        }
        if (by_day[idx].empty()) ImGui::TextDisabled("%s", T(l, "ui.cal.agenda_empty"));
        ImGui::Spacing();
    }
    ImGui::Dummy(ImVec2(1, 1));
}

void CalendarView::draw_week(const ViewEnv& e) {
    const Lang l = e.lang;
    Day a = 0, b = 0;
    range(a, b);
    const std::vector<ContentItem>& items = e.ws.calendar.items;
    std::vector<std::string> lanes = all_channels(e.ws.calendar);
    const std::vector<Occurrence> occ = expand_occurrences(items, a, b);
    for (const Occurrence& oc : occ)
        if (std::find(lanes.begin(), lanes.end(), items[oc.item].channel) == lanes.end()) lanes.push_back(items[oc.item].channel);
    std::vector<std::vector<const ContentItem*>> cell(lanes.size() * 7);
    for (const Occurrence& oc : occ) {
        const auto lane = std::find(lanes.begin(), lanes.end(), items[oc.item].channel) - lanes.begin();
        cell[static_cast<std::size_t>(lane) * 7 + static_cast<std::size_t>(oc.day - a)].push_back(&items[oc.item]);
    }
    const std::vector<DayMarks> marks = festival_marks(e, a, b, l);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float lh = ImGui::GetTextLineHeight();
    const float lw = 92, bh = 2 * ImGui::GetFontSize() + 5;  // two-line boxes
    const float cw = std::floor((avail - lw) / 7);
    const float head = lh * 2 + 8;
    for (int k = 0; k < 7; ++k) {
        const Day d = a + k;
        const float x0 = o.x + lw + static_cast<float>(k) * cw;
        if (marks[static_cast<std::size_t>(k)].tint) dl->AddRectFilled(ImVec2(x0, o.y), ImVec2(x0 + cw - 1, o.y + head), tint_colour(marks[static_cast<std::size_t>(k)].tint));
        const Ymd y = civil_from_days(d);
        const std::string text = std::string(tr("ui.cal.wd." + std::to_string(k), l)) + " " + std::to_string(y.m) + "/" + std::to_string(y.d);
        dl->AddText(ImVec2(x0 + 4, o.y + 2), ImGui::GetColorU32(d == today ? ImGuiCol_CheckMark : ImGuiCol_Text), text.c_str());
        festival_label(marks[static_cast<std::size_t>(k)], x0 + 4, o.y + lh + 4, cw - 8);
        ImGui::SetCursorScreenPos(ImVec2(x0 + cw - lh - 8, o.y + 1));
        ImGui::PushID(d);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 0));
        if (ImGui::SmallButton("+")) add_item(e, d, "");
        ImGui::PopStyleVar();
        ImGui::PopID();
        publish(e, "cal.new." + format_day(d), ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
                ImGui::GetItemRectSize().y);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trf("ui.cal.new_on", l, {format_day(d)}).c_str());
    }
    float y = o.y + head;
    for (std::size_t ln = 0; ln < lanes.size(); ++ln) {
        std::size_t most = 1;
        for (int k = 0; k < 7; ++k) most = std::max(most, cell[ln * 7 + static_cast<std::size_t>(k)].size());
        const float h = static_cast<float>(most) * (bh + 2) + 8;
        const std::string lane_name = cal::channel_name(lanes[ln], l);
        const ImVec4 clip(o.x, y, o.x + lw - 4, y + h);
        dl->AddRectFilled(ImVec2(o.x, y), ImVec2(o.x + lw - 2, y + h - 1), ImGui::GetColorU32(ImGuiCol_Header, 0.45f));
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(o.x + 4, y + 4), ImGui::GetColorU32(ImGuiCol_Text),
                    lane_name.c_str(), nullptr, 0.0f, &clip);
        for (int k = 0; k < 7; ++k) {
            const Day d = a + k;
            const float x0 = o.x + lw + static_cast<float>(k) * cw;
            dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + cw - 1, y + h - 1), ImGui::GetColorU32(ImGuiCol_FrameBg, 0.35f));
            if (marks[static_cast<std::size_t>(k)].tint)
                dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + cw - 1, y + h - 1), tint_colour(marks[static_cast<std::size_t>(k)].tint));
            dl->AddRect(ImVec2(x0, y), ImVec2(x0 + cw - 1, y + h - 1), ImGui::GetColorU32(ImGuiCol_Border));
            publish(e, "cal.lane." + lanes[ln] + "." + format_day(d), x0, y, cw, h);
            cells.push_back(Cell{{x0, y, x0 + cw, y + h}, d, lanes[ln]});
            const auto& list = cell[ln * 7 + static_cast<std::size_t>(k)];
            for (std::size_t i = 0; i < list.size(); ++i)
                item_box(e, *list[i], d, x0 + 3, y + 4 + static_cast<float>(i) * (bh + 2), cw - 7, bh, true);
        }
        y += h;
    }
    ImGui::SetCursorScreenPos(o);
    ImGui::Dummy(ImVec2(lw + cw * 7, y - o.y));
}

}  // namespace yt::app
