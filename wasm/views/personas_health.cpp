// personas_health.cpp — the 群健康 / Group health section of the Personas tab: import a WeCom
// customer-group statistics export (the same file picker as the order import, purpose
// "group_stats"), then one row per group: members, net growth, churn, speaking ratio, messages per
// member (per member-day when the file has dates) and the flags, each figure's formula on hover.
// The thresholds are the rules group.zombie_* (edited in Settings → rules). The file is kept for
// the session only (Derived::group_stats); nothing in the workspace changes.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "core/plan/assess_groups.hpp"
#include "views/personas.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

using namespace roles_ui;
using namespace ui;

namespace {

// A cell's text, with `tip` (the formula) when hovered.
void cell(const std::string& text, const std::string& tip) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str());
    if (!tip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
}

}  // namespace

void PersonasView::draw_group_health(const ViewEnv& e) {
    const Lang l = e.lang;
    if (!section(*this, l, "ui.groups.sec", "group_health")) return;
    ImGui::TextDisabled("%s", T(l, "ui.groups.hint"));
    file_button(e, T(l, "ui.groups.import"), "group_stats");
    const Derived& d = e.d;
    if (d.group_stats) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", trf("ui.groups.file", l, {d.group_stats_name, d.group_stats->encoding,
                                                             T(l, d.group_stats->per_day ? "groups.form.per_day" : "groups.form.period")})
                                      .c_str());
    }
    if (!d.group_stats_error.empty()) severity_text(2, d.group_stats_error);
    if (!d.group_stats) return;

    const GroupHealthThresholds t = group_health_thresholds(e.ws.rules);
    const std::vector<GroupHealth> h = assess_group_health(e.ws, *d.group_stats);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (begin_table("###ghealth", 8, flags, 760)) {
        const char* cols[] = {"groups.col.name", "groups.col.members", "groups.col.growth", "groups.col.churn",
                              "groups.col.speaking", "groups.col.msgs", "groups.col.leads", "groups.col.flags"};
        for (int c = 0; c < 8; ++c)
            ImGui::TableSetupColumn(T(l, cols[c]), c == 7 ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed);
        table_headers(e, "tbl.ghealth");
        for (std::size_t i = 0; i < h.size(); ++i) {
            const GroupHealth& g = h[i];
            const std::string n = std::to_string(i);
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(g.name.c_str());
            note_widget(e, ("ghealth_row." + n).c_str());
            cell(std::to_string(g.members), g.days ? trf("ui.groups.days", l, {std::to_string(g.days), format_figure(g.avg_members, "%.1f")}) : "");
            cell(format_figure(g.growth, "%+.0f"), trf("groups.formula.growth", l, {g.joins >= 0 ? std::to_string(g.joins) : "—",
                                                                          g.quits >= 0 ? std::to_string(g.quits) : "—"}));
            cell(format_figure(g.churn * 100, "%.1f%%"),
                 trf("groups.formula.churn", l, {g.quits >= 0 ? std::to_string(g.quits) : "—", format_figure(g.avg_members, "%.1f")}));
            cell(format_figure(g.speaking_ratio * 100, "%.1f%%"), T(l, "groups.formula.speaking"));
            const bool per_day = !std::isnan(g.msgs_per_member_day);
            cell(per_day ? trf("ui.groups.per_day", l, {format_figure(g.msgs_per_member_day, "%.3f")}) : format_figure(g.msgs_per_member, "%.2f"),
                 std::string(T(l, "groups.formula.msgs")) + " = " + format_figure(g.msgs_per_member, "%.2f") +
                     (per_day ? "\n" + std::string(T(l, "groups.formula.msgs_day")) : ""));
            cell(g.in_plan ? trf("groups.leads", l, {std::to_string(g.active_kocs), std::to_string(g.active_leaders)})
                           : std::string(T(l, "groups.not_in_plan")),
                 g.in_plan ? trf("ui.groups.plan_group", l, {g.plan_id, g.plan_type}) : "");
            ImGui::TableNextColumn();
            std::string text, tip;
            if (g.zombie) {
                text = T(l, "groups.flag.zombie");
                tip = trf("groups.flag.zombie_why", l,
                          {format_figure(g.speaking_ratio * 100, "%.1f%%"), format_figure(t.zombie_speaking_ratio * 100, "%.1f%%"),
                           format_figure(g.msgs_per_member_day, "%.3f"), format_figure(t.zombie_msgs_per_member_day, "%.3f")});
            }
            if (g.deal_without_lead) {
                text += (text.empty() ? "" : "; ") + std::string(T(l, "groups.flag.no_lead"));
                tip += (tip.empty() ? "" : "\n") + trf("groups.flag.no_lead_why", l, {g.name});
            }
            if (!text.empty()) ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1), "%s", text.c_str());
            else ImGui::TextDisabled("%s", T(l, "ui.groups.ok"));
            note_widget(e, ("ghealth_flags." + n).c_str());
            if (!tip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
            ImGui::PopID();
        }
        end_table(e, "tbl.ghealth");
    }
}

}  // namespace yt::app
