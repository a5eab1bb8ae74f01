// calendar_festivals.cpp — the "节日与大促" popup of the 内容日历 view: each festival's campaign
// window (days before and after) and whether it is a peak for this brand (the festival-gap check
// looks only at peaks), and the per-year phases of 618 and 双11 (deposit presale, spot sales, the
// day…) with where the dates come from. Every change is one value command on the workspace
// (calendar.festival_windows / calendar.festival_years), so undo restores it (see calendar.hpp).
#include <imgui.h>

#include <algorithm>

#include "core/calendar/festivals.hpp"
#include "views/calendar.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

namespace {

Edit set_windows(const std::vector<FestivalWindow>& v) { return set_value("calendar.festival_windows", v); }

Edit set_years(const std::vector<FestivalYear>& v) { return set_value("calendar.festival_years", v); }

// The plan's windows with `f`'s entry changed by `edit` (made from its current window when absent).
template <class F>
std::vector<FestivalWindow> with_window(std::vector<FestivalWindow> v, const Festival& f, F edit) {
    auto it = std::find_if(v.begin(), v.end(), [&](const FestivalWindow& w) { return w.id == f.id; });
    if (it == v.end()) {
        FestivalWindow w;
        w.id = f.id;
        w.days_before = f.date - f.start;
        w.days_after = f.end - f.date;
        v.push_back(w);
        it = v.end() - 1;
    }
    edit(*it);
    return v;
}

const FestivalYear* find_year(const std::vector<FestivalYear>& v, const std::string& festival, int year) {
    for (const FestivalYear& y : v)
        if (y.festival == festival && y.year == year) return &y;
    return nullptr;
}

// The phases of `festival` in `year` as the plan has them, else as built in (unclipped by edits).
FestivalYear current_year(const Workspace& ws, const std::string& festival, int year) {
    if (const FestivalYear* y = find_year(ws.calendar.festival_years, festival, year)) return *y;
    FestivalYear out;
    out.festival = festival;
    out.year = year;
    if (auto r = festivals_for_year(year))
        for (const Festival& f : r.value())
            if (f.id == festival) {
                for (const FestivalPhase& p : f.phases) out.phases.push_back(PhaseSpan{p.id, p.start, p.end});
                out.source = f.phases_source;
            }
    return out;
}

std::vector<FestivalYear> with_year(std::vector<FestivalYear> v, const FestivalYear& y) {
    auto it = std::find_if(v.begin(), v.end(), [&](const FestivalYear& x) { return x.festival == y.festival && x.year == y.year; });
    if (it == v.end()) v.push_back(y);
    else *it = y;
    return v;
}

}  // namespace

void CalendarView::draw_festivals(const ViewEnv& e) {
    const Lang l = e.lang;
    ImGui::SetNextWindowSize(ImVec2(std::clamp(ImGui::GetIO().DisplaySize.x - 16, 280.0f, 620.0f), 0));
    if (!ImGui::BeginPopup("###cal_fest_popup")) return;
    if (fest_year == 0) fest_year = civil_from_days(anchor ? anchor : today).y;
    ImGui::TextUnformatted(T(l, "ui.cal.fest_head"));
    ui::text_wrapped(T(l, "ui.cal.fest_help"), true);
    if (ImGui::ArrowButton("###fest_prev", ImGuiDir_Left) && fest_year > kFirstFestivalYear) --fest_year;
    note_widget(e, "cal.fest.prev");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d", fest_year);
    ImGui::SameLine();
    if (ImGui::ArrowButton("###fest_next", ImGuiDir_Right) && fest_year < kLastFestivalYear) ++fest_year;
    note_widget(e, "cal.fest.next");

    auto fests = festivals_for_year(fest_year, e.ws.calendar.festival_windows, e.ws.calendar.festival_years);
    if (!fests) {
        ImGui::EndPopup();
        return;
    }
    const float row_h = ImGui::GetFrameHeightWithSpacing();
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("###fest_table", 5, flags, ImVec2(0, std::min(12.5f, 1.0f + fests->size()) * row_h))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(T(l, "ui.cal.fest_name"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(T(l, "ui.cal.fest_date"));
        ImGui::TableSetupColumn(T(l, "ui.cal.fest_before"));
        ImGui::TableSetupColumn(T(l, "ui.cal.fest_after"));
        ImGui::TableSetupColumn(T(l, "ui.cal.fest_major"));
        ImGui::TableHeadersRow();
        // On opening, the list starts at the visible month's festivals.
        const Day from = anchor ? anchor - 31 : today;
        for (const Festival& f : *fests) {
            ImGui::PushID(f.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (fest_scroll > 0 && f.end >= from) {
                ImGui::SetScrollHereY(0.0f);
                --fest_scroll;
            }
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr(festival_name_key(f.id), l));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_day(f.date).substr(5).c_str());
            int before = f.date - f.start, after = f.end - f.date;
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(96);
            if (ImGui::InputInt("###before", &before, 1, 7) && before >= 0 && before <= 60)
                submit(e, set_windows(with_window(e.ws.calendar.festival_windows, f, [&](FestivalWindow& w) { w.days_before = before; })), false);
            note_widget(e, ("cal.fest.before." + f.id).c_str());
            if (ImGui::IsItemDeactivated()) e.sink.seal();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(96);
            if (ImGui::InputInt("###after", &after, 1, 7) && after >= 0 && after <= 60)
                submit(e, set_windows(with_window(e.ws.calendar.festival_windows, f, [&](FestivalWindow& w) { w.days_after = after; })), false);
            note_widget(e, ("cal.fest.after." + f.id).c_str());
            if (ImGui::IsItemDeactivated()) e.sink.seal();
            ImGui::TableNextColumn();
            bool major = f.major;
            if (ImGui::Checkbox("###major", &major))
                submit(e, set_windows(with_window(e.ws.calendar.festival_windows, f, [&](FestivalWindow& w) { w.major = major ? 1 : 0; })), true);
            note_widget(e, ("cal.fest.major." + f.id).c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    // Per-year phases of the two shopping festivals that announce them.
    for (const char* fid : {"618", "double_11"}) {
        const FestivalYear cur = current_year(e.ws, fid, fest_year);
        const bool own = find_year(e.ws.calendar.festival_years, fid, fest_year) != nullptr;
        ImGui::Spacing();
        ImGui::TextUnformatted(trf("ui.cal.fest_phases", l, {tr(festival_name_key(fid), l), std::to_string(fest_year)}).c_str());
        for (std::size_t i = 0; i < cur.phases.size(); ++i) {
            const PhaseSpan& p = cur.phases[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr(phase_name_key(p.id), l));
            const std::string key = std::string("fest.") + fid + "." + std::to_string(fest_year) + "." + p.id;
            for (int end = 0; end < 2; ++end) {
                ImGui::SameLine(end == 0 ? 110.0f : 250.0f);
                ImGui::SetNextItemWidth(130);
                text_field(e, (key + (end ? ".end" : ".start")).c_str(), format_day(end ? p.end : p.start), [&](const std::string& s) {
                    const auto d = parse_day(s);
                    if (!d) return;
                    FestivalYear v = cur;
                    (end ? v.phases[i].end : v.phases[i].start) = *d;
                    if (v.phases[i].start > v.phases[i].end) return;
                    if (!own) v.source = T(l, "ui.cal.fest_source_own");
                    submit(e, set_years(with_year(e.ws.calendar.festival_years, v)), false);
                });
            }
            ImGui::PopID();
        }
        ImGui::PushID(fid);
        ui::text_wrapped(trf("ui.cal.fest_source", l, {cur.source.empty() ? T(l, "ui.cal.fest_source_none") : cur.source}).c_str(), true);
        if (own) {
            if (ImGui::SmallButton(label(l, "ui.cal.fest_builtin", "fest_builtin").c_str())) {
                std::vector<FestivalYear> v = e.ws.calendar.festival_years;
                v.erase(std::remove_if(v.begin(), v.end(), [&](const FestivalYear& y) { return y.festival == fid && y.year == fest_year; }), v.end());
                submit(e, set_years(std::move(v)), true);
            }
            note_widget(e, (std::string("cal.fest.builtin.") + fid).c_str());
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button(label(l, "ui.cal.fest_close", "fest_close").c_str())) ImGui::CloseCurrentPopup();
    note_widget(e, "cal.fest.close");
    ImGui::EndPopup();
}

}  // namespace yt::app
