// calendar_editor.cpp — the editor of the selected item in the 内容日历 side panel: every field
// an update command (text fields coalesce into one undo step per field), delete an erase (see
// calendar.hpp), and the small form helpers the view's panels share.
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "core/calendar/catalog.hpp"
#include "core/calendar/view_support.hpp"
#include "core/tiering/segments.hpp"
#include "views/calendar.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

namespace {

// Promotion mechanics as stored on items (the model keeps the Chinese word) and their labels.
struct Mechanic {
    const char* value;
    const char* key;
};
constexpr Mechanic kMechanics[] = {{"满减", "ui.cal.mech.discount"}, {"抽奖", "ui.cal.mech.lottery"},
                                   {"限量", "ui.cal.mech.limited"},  {"联名", "ui.cal.mech.collab"},
                                   {"大礼包", "ui.cal.mech.bundle"}, {"拼团", "ui.cal.mech.group_buy"}};
constexpr const char* kRepeatKinds[] = {"", "daily", "weekly", "monthly"};

// A label cell and the value cell of a two-column form row (the value fills the cell).
void form_row(const char* text) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
}

}  // namespace

namespace cal_ui {

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::vector<std::string> toggled(std::vector<std::string> v, const std::string& s, bool on) {
    v.erase(std::remove(v.begin(), v.end(), s), v.end());
    if (on) v.push_back(s);
    return v;
}

void checkbox_grid(const char* id, int n, int per_row, const std::function<std::string(int)>& name,
                   const std::function<bool(int)>& checked, const std::function<void(int, bool)>& on_toggle,
                   const std::function<void(int)>& drawn) {
    ImGui::PushID(id);
    // Fewer to a line when the longest label would not fit its column (English names).
    const float avail = ImGui::GetContentRegionAvail().x;
    float widest = 0;
    for (int i = 0; i < n; ++i) widest = std::max(widest, ImGui::CalcTextSize(name(i).c_str()).x);
    const float item = widest + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::GetStyle().ItemSpacing.x;
    per_row = std::max(1, std::min(per_row, static_cast<int>(avail / std::max(1.0f, item))));
    const float col = avail / static_cast<float>(per_row);
    const float x0 = ImGui::GetCursorScreenPos().x;
    for (int i = 0; i < n; ++i) {
        if (i % per_row) {
            ImGui::SameLine();
            ImGui::SetCursorScreenPos(ImVec2(x0 + col * static_cast<float>(i % per_row), ImGui::GetCursorScreenPos().y));
        }
        bool on = checked(i);
        ImGui::PushID(i);
        if (ImGui::Checkbox(name(i).c_str(), &on)) on_toggle(i, on);
        if (drawn) drawn(i);
        ImGui::PopID();
    }
    ImGui::PopID();
}

void hinted_input(const char* id, std::string& buf, const char* hint, float width) {
    ui::input_text(id, buf, width);
    if (buf.empty() && !ImGui::IsItemActive()) {
        const ImVec2 p = ImGui::GetItemRectMin();
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + pad.x, p.y + pad.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
    }
}

}  // namespace cal_ui

using cal_ui::checkbox_grid;
using cal_ui::has;
using cal_ui::toggled;

void CalendarView::text_field(const ViewEnv& e, const char* key, const std::string& current,
                              const std::function<void(const std::string&)>& on_change, float height) {
    // A date typed halfway is not a date yet, so the workspace cannot hold it (ui::bound_text).
    ui::bound_text(e, typing, sel_id + "." + key, std::string("##cal_") + key, std::string("cal.edit.") + key, current, -FLT_MIN,
                   height, on_change);
}

void CalendarView::draw_editor(const ViewEnv& e) {
    const Lang l = e.lang;
    const ContentItem* found = nullptr;
    for (const ContentItem& it : e.ws.calendar.items)
        if (it.id == sel_id) found = &it;
    if (!found) {
        ui::text_wrapped(T(l, "ui.cal.pick_hint"), true);
        ImGui::Separator();
        return;
    }
    const ContentItem cur = *found;  // a copy: a command may change the workspace during this frame
    auto update = [&](const char* field, const ContentItem& v, bool discrete) { submit(e, cal::update_item(field, v), discrete); };
    ImGui::TextUnformatted(T(l, "ui.cal.editor"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s  %s", cal::marker(cur.type, l).c_str(), cur.id.c_str());
    // What the compliance scan says about this item's words, where the words are typed.
    int said = 0;
    for (const Finding& f : e.d.content.findings) {
        if (f.subject_kind != "item" || f.subject != cur.id) continue;
        ui::severity_text(static_cast<int>(f.severity), finding_message(f, l));
        note_widget(e, ("cal.edit.finding." + std::to_string(said++)).c_str());
    }
    ImGui::Separator();
    if (!ImGui::BeginTable("###cal_edit", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, 74);
    ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);

    form_row(T(l, "calendar.field.title"));
    if (focus_title) {
        ImGui::SetKeyboardFocusHere();
        focus_title = false;
    }
    text_field(e, "title", cur.title, [&](const std::string& s) {
        ContentItem v = cur;
        v.title = s;
        update("title", v, false);
    });
    form_row(T(l, "calendar.field.date"));
    text_field(e, "date", format_day(cur.day), [&](const std::string& s) {
        if (auto d = parse_day(s)) update("date", shift_item(cur, *d - cur.day), false);
    });
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.cal.date_tip"));
    form_row(T(l, "calendar.field.time"));
    text_field(e, "time", format_hhmm(cur.minute), [&](const std::string& s) {
        const int m = cal::parse_hhmm(s);
        if (m < 0) return;
        ContentItem v = cur;
        v.minute = m;
        update("time", v, false);
    });

    form_row(T(l, "calendar.field.channel"));
    std::vector<std::string> channels = all_channels(e.ws.calendar);
    if (!has(channels, cur.channel)) channels.push_back(cur.channel);
    if (begin_combo(e, "cal.edit.channel", "##cal_channel", cal::channel_name(cur.channel, l))) {
        for (const std::string& c : channels)
            if (ImGui::Selectable(cal::channel_name(c, l).c_str(), c == cur.channel) && c != cur.channel) {
                ContentItem v = cur;
                v.channel = c;
                update("channel", v, true);
            }
        ImGui::EndCombo();
    }
    if (cur.channel == "private" || cur.channel == "group") {
        // How it goes out decides whether WeCom's monthly mass-send quota counts it.
        form_row(T(l, "calendar.field.sent_as"));
        const char* const ways[] = {"", "mass", "owner", "bot"};
        auto way_name = [&](const std::string& w) {
            return std::string(T(l, ("calendar.sent_as." + (w.empty() ? std::string(cur.channel == "private" ? "default_private" : "default_group") : w)).c_str()));
        };
        if (ImGui::BeginCombo("##cal_sent_as", way_name(cur.sent_as).c_str())) {
            for (const char* w : ways)
                if (ImGui::Selectable(way_name(w).c_str(), cur.sent_as == w) && cur.sent_as != w) {
                    ContentItem v = cur;
                    v.sent_as = w;
                    update("sent_as", v, true);
                }
            ImGui::EndCombo();
        }
        note_widget(e, "cal_sent_as");
    }
    form_row(T(l, "calendar.field.persona"));
    std::string pname = cur.persona.empty() ? "—" : cur.persona;
    for (const Persona& p : e.ws.roles.personas)
        if (p.id == cur.persona) pname = p.name;
    if (begin_combo(e, "cal.edit.persona", "##cal_persona", pname)) {
        if (ImGui::Selectable("—", cur.persona.empty()) && !cur.persona.empty()) {
            ContentItem v = cur;
            v.persona.clear();
            update("persona", v, true);
        }
        for (const Persona& p : e.ws.roles.personas)
            if (ImGui::Selectable((p.name + "##" + p.id).c_str(), p.id == cur.persona) && p.id != cur.persona) {
                ContentItem v = cur;
                v.persona = p.id;
                update("persona", v, true);
            }
        ImGui::EndCombo();
    }
    form_row(T(l, "calendar.field.type"));
    const std::string type_text = cal::marker(cur.type, l) + " " + tr(type_name_key(cur.type), l);
    if (begin_combo(e, "cal.edit.type", "##cal_type", type_text)) {
        for (const std::string& t : content_types()) {
            const std::string text = cal::marker(t, l) + " " + tr(type_name_key(t), l);
            if (ImGui::Selectable(text.c_str(), t == cur.type) && t != cur.type) {
                ContentItem v = cur;
                v.type = t;
                update("type", v, true);
            }
        }
        ImGui::EndCombo();
    }

    form_row(T(l, "calendar.field.tiers"));
    {
        std::vector<std::string> keys;
        for (int s = 0; s < kSegments; ++s) keys.push_back(segment_key(s));
        for (const Audience& a : e.ws.audiences) keys.push_back(a.id);  // saved audiences (人群包) too
        for (const std::string& t : cur.tiers)
            if (!has(keys, t)) keys.push_back(t);
        checkbox_grid("tiers", static_cast<int>(keys.size()), 2,
            [&](int i) {
                const std::string& key = keys[static_cast<std::size_t>(i)];
                for (const Audience& a : e.ws.audiences)
                    if (a.id == key) return trf("ui.aud.target", l, {a.name.empty() ? a.id : a.name});
                const std::string k = "tiering.seg." + key;
                return has_tr(k) ? std::string(tr(k, l)) : key;
            },
            [&](int i) { return has(cur.tiers, keys[static_cast<std::size_t>(i)]); },
            [&](int i, bool on) {
                ContentItem v = cur;
                v.tiers = toggled(cur.tiers, keys[static_cast<std::size_t>(i)], on);
                update("tiers", v, true);
            },
            [&](int i) { note_widget(e, ("cal.edit.tier." + keys[static_cast<std::size_t>(i)]).c_str()); });
    }
    if (!e.ws.roles.groups.empty()) {
        form_row(T(l, "calendar.field.groups"));
        const auto& gs = e.ws.roles.groups;
        checkbox_grid("groups", static_cast<int>(gs.size()), 2,
            [&](int i) { return gs[static_cast<std::size_t>(i)].name.empty() ? gs[static_cast<std::size_t>(i)].id : gs[static_cast<std::size_t>(i)].name; },
            [&](int i) { return has(cur.groups, gs[static_cast<std::size_t>(i)].id); },
            [&](int i, bool on) {
                ContentItem v = cur;
                v.groups = toggled(cur.groups, gs[static_cast<std::size_t>(i)].id, on);
                update("groups", v, true);
            });
    }
    form_row(T(l, "calendar.field.notes"));
    text_field(e, "notes", cur.notes, [&](const std::string& s) {
        ContentItem v = cur;
        v.notes = s;
        update("notes", v, false);
    }, ImGui::GetTextLineHeight() * 3 + 8);
    form_row(T(l, "calendar.field.campaign"));
    text_field(e, "campaign", cur.campaign, [&](const std::string& s) {
        ContentItem v = cur;
        v.campaign = s;
        update("campaign", v, false);
    });
    form_row(T(l, "calendar.field.coupon"));
    text_field(e, "coupon", cur.coupon_id, [&](const std::string& s) {
        ContentItem v = cur;
        v.coupon_id = s;
        update("coupon", v, false);
    });
    if (!cur.coupon_id.empty()) {
        // Validity window; an empty field clears it (the coupon is valid on the item's days).
        form_row(T(l, "ui.cal.coupon_from"));
        text_field(e, "coupon_from", cur.coupon_from ? format_day(cur.coupon_from) : "", [&](const std::string& s) {
            auto d = parse_day(s);
            if (!d && !s.empty()) return;
            ContentItem v = cur;
            v.coupon_from = d ? *d : 0;
            update("coupon_from", v, false);
        });
        form_row(T(l, "ui.cal.coupon_to"));
        text_field(e, "coupon_to", cur.coupon_to ? format_day(cur.coupon_to) : "", [&](const std::string& s) {
            auto d = parse_day(s);
            if (!d && !s.empty()) return;
            ContentItem v = cur;
            v.coupon_to = d ? *d : 0;
            update("coupon_to", v, false);
        });
    }
    form_row(T(l, "ui.cal.mechanics"));
    checkbox_grid("mech", 6, 3, [&](int i) { return std::string(tr(kMechanics[i].key, l)); },
        [&](int i) { return has(cur.mechanics, kMechanics[i].value); },
        [&](int i, bool on) {
            ContentItem v = cur;
            v.mechanics = toggled(cur.mechanics, kMechanics[i].value, on);
            update("mechanics", v, true);
        });

    form_row(T(l, "ui.cal.repeat"));
    int kind = 0;
    for (int k = 0; k < 4; ++k)
        if (cur.repeat.kind == kRepeatKinds[k]) kind = k;
    const std::string kind_key = "ui.cal.repeat." + std::string(kind ? kRepeatKinds[kind] : "none");
    if (begin_combo(e, "cal.edit.repeat", "##cal_repeat", T(l, kind_key.c_str()))) {
        for (int k = 0; k < 4; ++k) {
            const std::string key = "ui.cal.repeat." + std::string(k ? kRepeatKinds[k] : "none");
            if (ImGui::Selectable(T(l, key.c_str()), k == kind) && k != kind) {
                ContentItem v = cur;
                v.repeat.kind = kRepeatKinds[k];
                if (k == 0) v.repeat = Recurrence{};
                update("repeat", v, true);
            }
        }
        ImGui::EndCombo();
    }
    if (cur.repeat.kind == "weekly") {
        form_row(T(l, "ui.cal.weekdays"));
        checkbox_grid("wd", 7, 4, [&](int i) { return std::string(tr("ui.cal.wd." + std::to_string(i), l)); },
            [&](int i) {
                return cur.repeat.weekdays.empty() ? weekday(cur.day) == i
                                                   : std::find(cur.repeat.weekdays.begin(), cur.repeat.weekdays.end(), i) != cur.repeat.weekdays.end();
            },
            [&](int i, bool on) {
                ContentItem v = cur;
                std::vector<int>& w = v.repeat.weekdays;
                if (w.empty()) w.push_back(weekday(cur.day));
                w.erase(std::remove(w.begin(), w.end(), i), w.end());
                if (on) w.push_back(i);
                std::sort(w.begin(), w.end());
                update("weekdays", v, true);
            });
    }
    if (!cur.repeat.kind.empty()) {
        form_row(T(l, "ui.cal.until"));
        text_field(e, "until", cur.repeat.until_day ? format_day(cur.repeat.until_day) : "", [&](const std::string& s) {
            auto d = parse_day(s);
            if (!d && !s.empty()) return;
            ContentItem v = cur;
            v.repeat.until_day = d ? *d : 0;
            update("until", v, false);
        });
    }
    end_table(e, "tbl.cal_edit");
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.80f, 0.25f, 0.20f, 0.85f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool del = ImGui::Button(label(l, "ui.cal.delete", "cal_delete").c_str());
    ImGui::PopStyleColor(2);
    note_widget(e, "cal.delete");
    if (del && submit(e, cal::erase_item(cur.id), true)) {
        sel_id.clear();
        status = tr("ui.cal.deleted", l);
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", T(l, "ui.cal.undo_hint"));
    ImGui::Separator();
}

}  // namespace yt::app
