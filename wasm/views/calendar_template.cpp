// calendar_template.cpp — the "from template…" form of the 内容日历 view: pick a cadence template,
// dates, personas and groups; applying sends one "apply_template" command (core/edit), so one
// undo removes everything it made (see calendar.hpp).
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "core/calendar/templates.hpp"
#include "core/edit/history.hpp"
#include "views/calendar.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

namespace {

std::string template_name(const CadenceTemplate& t, Lang l) {
    const std::string key = "calendar.template." + t.id;
    return has_tr(key) ? std::string(tr(key, l)) : (t.name.empty() ? t.id : t.name);
}

}  // namespace

using cal_ui::checkbox_grid;
using cal_ui::has;
using cal_ui::hinted_input;
using cal_ui::toggled;

void CalendarView::draw_template(const ViewEnv& e) {
    const Lang l = e.lang;
    ImGui::SetNextWindowSize(ImVec2(400, 0));
    if (!ImGui::BeginPopup("###cal_tpl_popup")) return;
    ImGui::TextUnformatted(T(l, "ui.cal.template_head"));
    ImGui::Separator();
    // Built-in templates, replaced by the plan's own of the same id, then the plan's others.
    std::vector<CadenceTemplate> tpls = builtin_templates();
    for (const CadenceTemplate& t : e.ws.calendar.templates) {
        auto it = std::find_if(tpls.begin(), tpls.end(), [&](const CadenceTemplate& x) { return x.id == t.id; });
        if (it != tpls.end()) *it = t;
        else tpls.push_back(t);
    }
    if (tpls.empty()) {
        ImGui::EndPopup();
        return;
    }
    const CadenceTemplate* tpl = &tpls.front();
    for (const CadenceTemplate& t : tpls)
        if (t.id == tpl_id) tpl = &t;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (begin_combo(e, "cal.template_pick", "##cal_template", template_name(*tpl, l))) {
        for (const CadenceTemplate& t : tpls)
            if (ImGui::Selectable(template_name(t, l).c_str(), &t == tpl)) tpl_id = t.id;
        ImGui::EndCombo();
    }
    ImGui::TextDisabled("%s", trf(tpl->cycle_days > 0 ? "ui.cal.template_cycle" : "ui.cal.template_once", l,
                                  {std::to_string(tpl->cycle_days), std::to_string(tpl->slots.size())}).c_str());
    Day a = 0, b = 0;
    range(a, b);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    const std::string from_hint = format_day(std::max(a, today)), to_hint = format_day(b);
    hinted_input("##tpl_from", tpl_from, from_hint.c_str(), half);
    ImGui::SameLine();
    hinted_input("##tpl_to", tpl_to, to_hint.c_str(), half);
    bool group_slots = false, persona_slots = false;
    for (const TemplateSlot& s : tpl->slots) (s.channel == "group" ? group_slots : persona_slots) = true;
    if (persona_slots && !e.ws.roles.personas.empty()) {
        ImGui::TextDisabled("%s", T(l, "calendar.field.persona"));
        const auto& ps = e.ws.roles.personas;
        checkbox_grid("tpl_p", static_cast<int>(ps.size()), 2, [&](int i) { return ps[static_cast<std::size_t>(i)].name; },
            [&](int i) { return !has(tpl_off, "p:" + ps[static_cast<std::size_t>(i)].id); },
            [&](int i, bool on) { tpl_off = toggled(tpl_off, "p:" + ps[static_cast<std::size_t>(i)].id, !on); });
    }
    if (group_slots && !e.ws.roles.groups.empty()) {
        ImGui::TextDisabled("%s", T(l, "calendar.field.groups"));
        const auto& gs = e.ws.roles.groups;
        checkbox_grid("tpl_g", static_cast<int>(gs.size()), 2, [&](int i) { return gs[static_cast<std::size_t>(i)].name; },
            [&](int i) { return !has(tpl_off, "g:" + gs[static_cast<std::size_t>(i)].id); },
            [&](int i, bool on) { tpl_off = toggled(tpl_off, "g:" + gs[static_cast<std::size_t>(i)].id, !on); });
    }
    hinted_input("##tpl_campaign", tpl_campaign, T(l, "ui.cal.campaign_hint"), -FLT_MIN);
    if (!error.empty()) ui::text_wrapped(error);
    const bool apply = ImGui::Button(label(l, "ui.cal.apply", "cal_apply").c_str());
    note_widget(e, "cal.apply");
    ImGui::SameLine();
    if (ImGui::Button(label(l, "ui.cal.cancel", "cal_tpl_cancel").c_str())) ImGui::CloseCurrentPopup();
    if (apply) apply_template_form(e, *tpl, persona_slots, group_slots, from_hint, to_hint);
    ImGui::EndPopup();
}

void CalendarView::apply_template_form(const ViewEnv& e, const CadenceTemplate& tpl, bool persona_slots, bool group_slots,
                                       const std::string& from_hint, const std::string& to_hint) {
    const Lang l = e.lang;
    std::vector<std::string> personas, groups;
    if (persona_slots)
        for (const Persona& p : e.ws.roles.personas)
            if (!has(tpl_off, "p:" + p.id)) personas.push_back(p.id);
    if (group_slots)
        for (const Group& g : e.ws.roles.groups)
            if (!has(tpl_off, "g:" + g.id)) groups.push_back(g.id);
    TemplateRequest req;
    req.id = tpl.id;
    req.from = tpl_from.empty() ? from_hint : tpl_from;
    req.to = tpl_to.empty() ? to_hint : tpl_to;
    req.personas = std::move(personas);
    req.groups = std::move(groups);
    req.campaign = tpl_campaign;
    const std::size_t before = e.ws.calendar.items.size();
    if (submit(e, template_edit(req), true)) {
        status = trf("ui.cal.applied", l, {std::to_string(e.ws.calendar.items.size() - before), template_name(tpl, l)});
        ImGui::CloseCurrentPopup();
    }
}

}  // namespace yt::app
