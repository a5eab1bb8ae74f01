// calendar_side.cpp — the side panel of the 内容日历 view: the editor (calendar_editor.cpp), the
// findings of the visible range, the value-vs-promotion meter per channel and touches per customer
// per tier (see calendar.hpp).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/calendar/recurrence.hpp"
#include "views/calendar.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

using cal_ui::has;

void CalendarView::draw_side(const ViewEnv& e) {
    draw_editor(e);
    draw_findings(e);
    draw_meters(e);
}

void CalendarView::draw_meters(const ViewEnv& e) {
    const Lang l = e.lang;
    const CalendarFigures& d = e.d.calendar;
    Day a = 0, b = 0;
    range(a, b);
    if (ImGui::CollapsingHeader(label(l, "ui.cal.ratio_head", "cal_ratio_head").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float h = ImGui::GetTextLineHeight() * 0.8f;
        bool any = false;
        for (const ChannelMix& m : d.mix(a, b)) {
            const int n = m.value + m.promo;
            if (n == 0) continue;
            any = true;
            const std::string cname = cal::channel_name(m.channel, l);
            const double share = m.promo_share();
            const bool over = share > m.max_promo_share + 1e-9;
            // The channel and its figures above the bar (the target marker never crosses them).
            ImGui::TextUnformatted(cname.c_str());
            note_widget(e, ("cal.ratio_name." + m.channel).c_str());
            char text[160];
            std::snprintf(text, sizeof text, "%s %.0f%% / %s %.0f%%  %s %.0f/%.0f%s", cal::marker("tutorial", l).c_str(),
                          (1 - share) * 100, cal::marker("promo", l).c_str(), share * 100, T(l, "ui.cal.target"),
                          (1 - m.max_promo_share) * 100, m.max_promo_share * 100, over ? T(l, "ui.cal.over_target") : "");
            flow_line(ImGui::CalcTextSize(text).x);
            if (over) ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1), "%s", text);
            else ImGui::TextUnformatted(text);
            note_widget(e, ("cal.ratio." + m.channel).c_str());
            const float w = ImGui::GetContentRegionAvail().x;
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::Dummy(ImVec2(w, h));
            const bool hovered = ImGui::IsItemHovered();
            const float split = p.x + w * static_cast<float>(1.0 - share);
            dl->AddRectFilled(p, ImVec2(split, p.y + h), cal::fill_colour("review"), 3.0f, ImDrawFlags_RoundCornersLeft);
            dl->AddRectFilled(ImVec2(split, p.y), ImVec2(p.x + w, p.y + h), over ? IM_COL32(235, 110, 90, 255) : cal::fill_colour("promo"), 3.0f,
                              ImDrawFlags_RoundCornersRight);
            dl->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_Border), 3.0f);
            // The target: a dashed line where the promotion share may start.
            const float tx = p.x + w * static_cast<float>(1.0 - m.max_promo_share);
            for (float y = p.y; y < p.y + h; y += 4) dl->AddLine(ImVec2(tx, y), ImVec2(tx, std::min(y + 2, p.y + h)), IM_COL32(60, 60, 60, 255), 2.0f);
            if (hovered)
                ImGui::SetTooltip("%s", trf("ui.cal.ratio_tip", l, {cname, std::to_string(n), std::to_string(m.value), std::to_string(m.promo),
                                                                    ui::pct(share), ui::pct(m.max_promo_share)}).c_str());
        }
        if (!any) ImGui::TextDisabled("%s", T(l, "ui.cal.nothing_here"));
    }
    if (ImGui::CollapsingHeader(label(l, "ui.cal.touch_head", "cal_touch_head").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        const std::vector<TierLoad> loads = d.load(a, b);
        if (loads.empty()) ImGui::TextDisabled("%s", T(l, "ui.cal.nothing_here"));
        for (const TierLoad& t : loads) {
            const std::string key = "tiering.seg." + t.tier;
            const std::string name = has_tr(key) ? std::string(tr(key, l)) : t.tier;
            ImGui::TextUnformatted(name.c_str());
            const float w = ImGui::GetContentRegionAvail().x;
            char day[64], week[64];
            std::snprintf(day, sizeof day, "%s %s / %s", T(l, "ui.cal.per_day"), ui::num(t.max_day).c_str(), ui::num(t.cap_day).c_str());
            std::snprintf(week, sizeof week, "%s %s / %s", T(l, "ui.cal.per_week"), ui::num(t.max_week).c_str(), ui::num(t.cap_week).c_str());
            bool cut = false;
            const bool h1 = ui::fill_bar(t.cap_day > 0 ? t.max_day / t.cap_day : -1, 0.9, day, w, l, true, &cut);
            note_widget(e, ("cal.touch_day." + t.tier).c_str());
            note_cut(e, ("cal.touch_day." + t.tier).c_str(), cut);
            const bool h2 = ui::fill_bar(t.cap_week > 0 ? t.max_week / t.cap_week : -1, 0.9, week, w, l, true, &cut);
            note_widget(e, ("cal.touch_week." + t.tier).c_str());
            note_cut(e, ("cal.touch_week." + t.tier).c_str(), cut);
            if (h1 || h2) ImGui::SetTooltip("%s", T(l, "ui.cal.touch_tip"));
        }
    }
}

void CalendarView::draw_findings(const ViewEnv& e) {
    const Lang l = e.lang;
    const CalendarFigures& d = e.d.calendar;
    Day a = 0, b = 0;
    range(a, b);
    const std::vector<std::size_t> shown = d.findings_in(a, b);
    // The count is of the period on screen, and says so (a week has fewer than its month).
    const char* head_key = mode == Mode::Week ? "ui.cal.findings_head_week" : "ui.cal.findings_head_month";
    const std::string head = trf(head_key, l, {std::to_string(shown.size())}) + "###cal_findings_head";
    if (!ImGui::CollapsingHeader(head.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (shown.empty()) {
        ImGui::TextDisabled("%s", T(l, "ui.cal.no_findings"));
        return;
    }
    // The list scrolls inside at most ~40 % of the panel, so the meters below stay in view.
    const float lh = ImGui::GetTextLineHeight();
    const float w = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    std::vector<std::vector<std::string>> text(shown.size());
    float total = 0;
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const Finding& f = d.findings[shown[k]];
        text[k] = ui::wrap_lines(finding_message(f, l), w - lh - 10);
        total += lh * static_cast<float>(text[k].size()) + 4 + ImGui::GetStyle().ItemSpacing.y;
    }
    const float max_h = std::max(lh * 6, ImGui::GetIO().DisplaySize.y * 0.4f);
    ImGui::BeginChild("###cal_findings", ImVec2(0, std::min(total + 4, max_h)), false);
    for (std::size_t k = 0; k < shown.size(); ++k) {
        const Finding& f = d.findings[shown[k]];
        const FindingLink& link = d.links[shown[k]];
        const std::vector<std::string>& lines = text[k];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const bool picked = !link.items.empty() && has(link.items, sel_id);
        ImGui::PushID(static_cast<int>(k));
        const bool clicked = ImGui::Selectable("##finding", picked, 0, ImVec2(w, lh * static_cast<float>(lines.size()) + 4));
        ImGui::PopID();
        note_widget(e, ("cal.finding" + std::to_string(k)).c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
            ImGui::TextWrapped("%s", finding_fix(f, l).c_str());
            if (!link.items.empty()) ImGui::TextDisabled("%s", trf("ui.cal.finding_items", l, {std::to_string(link.items.size())}).c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ui::severity_icon(static_cast<int>(f.severity), p.x + 2, p.y + 3, lh - 2);
        for (std::size_t i = 0; i < lines.size(); ++i)
            ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + lh + 6, p.y + 2 + lh * static_cast<float>(i)), ImGui::GetColorU32(ImGuiCol_Text),
                                                lines[i].c_str());
        if (clicked) {
            // Navigate to the finding's day and select its first item there (or at all).
            if (link.focus) anchor = link.focus;
            for (const ContentItem& it : e.ws.calendar.items) {
                if (link.items.empty() || it.id != link.items.front()) continue;
                const Day lo = link.from ? link.from : it.day, hi = std::max(link.to, lo);
                std::vector<Day> days = occurrence_days(it, lo, hi);
                if (days.empty()) days = occurrence_days(it, lo, lo + 366);
                const Day when = days.empty() ? it.day : days.front();
                select(it.id, when);
                anchor = when;
            }
        }
    }
    ImGui::EndChild();
}

}  // namespace yt::app
