// calendar.cpp — 内容日历: the planned content items, by date.
#include <imgui.h>

#include <algorithm>
#include <vector>

#include "views/calendar.hpp"

namespace yt::app {

void CalendarView::draw(const ViewEnv& e) {
    Lang l = e.lang;
    ImGui::TextDisabled("%s", T(l, "ui.read_only_note"));
    std::vector<const ContentItem*> items;
    for (const auto& it : e.ws.calendar.items) items.push_back(&it);
    std::sort(items.begin(), items.end(), [](const ContentItem* a, const ContentItem* b) {
        return a->day != b->day ? a->day < b->day : a->minute < b->minute;
    });
    if (ImGui::BeginTable("###items", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                             ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (const char* k : {"ui.date", "ui.time", "ui.channel", "ui.type", "ui.title"}) ImGui::TableSetupColumn(T(l, k));
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(items.size()));
        while (clip.Step()) {
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const ContentItem& it = *items[static_cast<size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_day(it.day).c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%02d:%02d", it.minute / 60, it.minute % 60);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr("calendar.channel." + it.channel, l));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr("calendar.type." + it.type, l));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(it.title.c_str());
            }
        }
        ImGui::EndTable();
    }
}

}  // namespace yt::app
