// tiers_audiences.cpp — 分层 → 人群包 Audiences: the saved audiences (ws.audiences) with their
// counts from the Assessment (core/plan/assess_audiences.hpp), add / duplicate / delete, and the
// editor of the open one: name (typed through the text-input bridge, saved when the field is
// left), all/any, conditions (field, not, a multi-select of the values in the data or min/max for
// a range, delete), the live count and its segments, and the SCRM tag-list export (masked or in
// full). Every change is one command (undo restores it); counts follow each change at once.
//
// Widgets: "aud.add", per row "aud.row.<id>", "aud.count.<id>", "aud.dup.<id>", "aud.del.<id>";
// the editor "field.aud.name", "aud.match" (options "aud.match.opt.all|any"), "aud.cond.add",
// per condition n "aud.cond.<n>.field" (options "aud.cond.<n>.field.opt.<field>"),
// "aud.cond.<n>.not", "aud.cond.<n>.values" (options "aud.cond.<n>.values.opt.<value>", the
// filter "aud.cond.<n>.filter"), "field.aud.cond.<n>.min|max", "aud.cond.<n>.del"; "aud.live",
// "aud.error", "aud.export_mask" (options "aud.export_mask.opt.masked|unmasked"), "aud.export",
// "aud.close".
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/plan/assess_audiences.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

namespace {

std::string fresh_audience_id(const std::vector<Audience>& all) {
    for (int n = static_cast<int>(all.size()) + 1;; ++n) {
        const std::string id = "aud" + std::to_string(n);
        if (std::none_of(all.begin(), all.end(), [&](const Audience& a) { return a.id == id; })) return id;
    }
}

std::string field_name(const std::string& f, Lang l) {
    const std::string k = audience_field_name_key(f);
    return has_tr(k) ? tr(k, l) : f;
}

// A value as the picker shows it: segment and stage names, months, audience names.
std::string value_label(const ViewEnv& e, const std::string& field, const std::string& v) {
    const Lang l = e.lang;
    if (field == "segment") {
        const int s = segment_from_key(v);
        return s >= 0 ? tiers_segment_name(s, l) : v;
    }
    if (field == "stage")
        for (int s = 0; s < kStages; ++s)
            if (v == stage_key(s)) return tiers_stage_name(s, l);
    if (field == "birth_month") return trf("ui.aud.month", l, {v});
    if (field == "audience")
        for (const Audience& a : e.ws.audiences)
            if (a.id == v) return a.name.empty() ? a.id : a.name;
    return v;
}

std::string values_preview(const ViewEnv& e, const AudienceCondition& c) {
    if (c.values.empty()) return T(e.lang, "ui.aud.pick_values");
    std::string out;
    for (const std::string& v : c.values) out += (out.empty() ? "" : (e.lang == Lang::Zh ? "、" : ", ")) + value_label(e, c.field, v);
    return out;
}

std::string number_text(bool has, double v) {
    if (!has) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

bool TiersView::submit_audience(const ViewEnv& e, Edit c) {
    e.sink.seal();
    Status st = e.sink.submit(std::move(c));
    e.sink.seal();
    if (!st) error = describe(st.error(), e.lang);
    else error.clear();
    return st.ok();
}

namespace {

// Sends `a` as the new version of the saved audience, after checking it can be saved.
void update(TiersView& v, const ViewEnv& e, Audience a) {
    if (Status st = check_audience(a); !st) {
        v.error = describe(st.error(), e.lang);
        return;
    }
    v.submit_audience(e, set_field("audiences", a, ""));
}

// One condition of the open audience: field, not, values or range, delete.
void draw_condition(TiersView& v, const ViewEnv& e, const Audience& a, std::size_t n) {
    const Lang l = e.lang;
    const AudienceCondition& c = a.conditions[n];
    const std::string base = "aud.cond." + std::to_string(n);
    ImGui::PushID(static_cast<int>(n));
    ImGui::SetNextItemWidth(150);
    if (begin_combo(e, (base + ".field").c_str(), "###field", field_name(c.field, l), 150)) {
        for (const std::string& f : audience_fields()) {
            if (ImGui::Selectable((field_name(f, l) + "###" + f).c_str(), f == c.field) && f != c.field) {
                Audience w = a;
                AudienceCondition fresh;
                fresh.field = f;
                fresh.negate = c.negate;
                if (audience_field_kind(f) == AudienceFieldKind::Range) fresh.has_min = true;  // from 0
                w.conditions[n] = fresh;
                update(v, e, w);
            }
            note_widget(e, (base + ".field.opt." + f).c_str());
        }
        ImGui::EndCombo();
    }
    flow_line(button_width(T(l, "ui.aud.not")) + ImGui::GetFrameHeight());
    bool neg = c.negate;
    if (ImGui::Checkbox(label(l, "ui.aud.not", "not").c_str(), &neg)) {
        Audience w = a;
        w.conditions[n].negate = neg;
        update(v, e, w);
    }
    note_widget(e, (base + ".not").c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.aud.not_tip"));

    if (audience_field_kind(c.field) == AudienceFieldKind::Range) {
        // min and max as text: empty is open; applied when the field is left.
        for (const char* side : {"min", "max"}) {
            const bool is_min = side[1] == 'i';
            const std::string key = a.id + "." + std::to_string(n) + "." + side;
            const std::string widget = "field." + base + "." + side;
            flow_line(140);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(T(l, is_min ? "ui.aud.min" : "ui.aud.max"));
            ImGui::SameLine();
            std::string& buf = v.aud.range_buf[key];
            if (v.aud.range_active != key) buf = number_text(is_min ? c.has_min : c.has_max, is_min ? c.min : c.max);
            ImGui::SetNextItemWidth(90);
            ui::input_string(("###" + key).c_str(), buf, ImGuiInputTextFlags_CharsScientific);
            note_widget(e, widget.c_str());
            if (ImGui::IsItemActivated()) v.aud.range_active = key;
            if (ImGui::IsItemDeactivated()) {
                v.aud.range_active.clear();
                Audience w = a;
                AudienceCondition& wc = w.conditions[n];
                char* end = nullptr;
                const double x = std::strtod(buf.c_str(), &end);
                const bool has = !buf.empty() && end != buf.c_str() && std::isfinite(x);
                (is_min ? wc.has_min : wc.has_max) = has;
                (is_min ? wc.min : wc.max) = has ? x : 0;
                if (!same_audience(w, a)) update(v, e, w);
            }
        }
    } else {
        // A multi-select of the values in the data (the popup stays open while picking).
        flow_line(200);
        if (begin_combo(e, (base + ".values").c_str(), "###values", values_preview(e, c), 200)) {
            std::vector<std::string> choices;
            if (c.field == "audience") {
                for (const Audience& o : e.ws.audiences)
                    if (o.id != a.id) choices.push_back(o.id);
            } else {
                if (v.aud.choices_field != c.field || v.aud.choices_generation != e.d.tiers.generation) {
                    const AudienceInputs in = audience_inputs(e.d.orders ? &*e.d.orders : nullptr, e.d.tiers, e.d.audiences.columns.get());
                    v.aud.choices = audience_value_choices(c.field, in);
                    v.aud.choices_field = c.field;
                    v.aud.choices_generation = e.d.tiers.generation;
                }
                choices = v.aud.choices;
            }
            for (const std::string& x : c.values)  // picked values no longer in the data stay visible
                if (std::find(choices.begin(), choices.end(), x) == choices.end()) choices.push_back(x);
            if (choices.size() > 8) {  // more than the list shows at once
                ImGui::SetNextItemWidth(-FLT_MIN);
                ui::input_string("###filter", v.aud.filter);
                note_widget(e, (base + ".filter").c_str());
            }
            int shown = 0;
            for (const std::string& x : choices) {
                const std::string text = value_label(e, c.field, x);
                if (!v.aud.filter.empty() && text.find(v.aud.filter) == std::string::npos && x.find(v.aud.filter) == std::string::npos) continue;
                if (++shown > 300) break;  // a shop with thousands of products: filter to find one
                const bool on = std::find(c.values.begin(), c.values.end(), x) != c.values.end();
                if (ImGui::Selectable((std::string(on ? "√ " : "   ") + text + "###" + x).c_str(), on, ImGuiSelectableFlags_DontClosePopups)) {
                    Audience w = a;
                    auto& vals = w.conditions[n].values;
                    if (on) vals.erase(std::remove(vals.begin(), vals.end(), x), vals.end());
                    else vals.push_back(x);
                    update(v, e, w);
                }
                note_widget(e, (base + ".values.opt." + x).c_str());
            }
            if (choices.empty()) ImGui::TextDisabled("%s", T(l, "ui.aud.no_values"));
            ImGui::EndCombo();
        } else if (!v.aud.filter.empty() && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
            v.aud.filter.clear();
        }
    }
    flow_line(button_width("×"));
    if (ImGui::SmallButton("×###del")) {
        Audience w = a;
        w.conditions.erase(w.conditions.begin() + static_cast<std::ptrdiff_t>(n));
        update(v, e, w);
    }
    note_widget(e, (base + ".del").c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.aud.del_cond"));
    ImGui::PopID();
}

void draw_editor(TiersView& v, const ViewEnv& e, const Audience& a, std::size_t index) {
    const Lang l = e.lang;
    ImGui::PushID(("aud_editor_" + a.id).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(trf("ui.aud.editing", l, {a.name.empty() ? a.id : a.name}).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(label(l, "ui.aud.close", "close").c_str())) v.aud.open.clear();
    note_widget(e, "aud.close");

    // Name: typed into view state, saved as one command when the field is left (Enter, a click
    // elsewhere), so one undo takes the whole name back.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T(l, "ui.aud.name"));
    ImGui::SameLine();
    if (v.aud.name_active != a.id) v.aud.name_buf = a.name;
    ImGui::SetNextItemWidth(std::min(320.0f, ImGui::GetContentRegionAvail().x));
    ui::input_string("###aud_name", v.aud.name_buf);
    note_widget(e, "field.aud.name");
    if (ImGui::IsItemActivated()) v.aud.name_active = a.id;
    if (ImGui::IsItemDeactivated()) {
        v.aud.name_active.clear();
        if (v.aud.name_buf != a.name) {
            Audience w = a;
            w.name = v.aud.name_buf;
            update(v, e, w);
        }
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T(l, "ui.aud.match"));
    ImGui::SameLine();
    const char* match_key = a.match == "any" ? "ui.aud.match.any" : "ui.aud.match.all";
    if (begin_combo(e, "aud.match", "###aud_match", T(l, match_key), 160)) {
        for (const char* m : {"all", "any"}) {
            const std::string key = std::string("ui.aud.match.") + m;
            if (ImGui::Selectable((std::string(T(l, key.c_str())) + "###" + m).c_str(), a.match == m) && a.match != m) {
                Audience w = a;
                w.match = m;
                update(v, e, w);
            }
            note_widget(e, (std::string("aud.match.opt.") + m).c_str());
        }
        ImGui::EndCombo();
    }

    for (std::size_t n = 0; n < a.conditions.size(); ++n) draw_condition(v, e, a, n);
    if (a.conditions.empty()) ImGui::TextDisabled("%s", T(l, "ui.aud.no_conditions"));
    if (ImGui::Button(label(l, "ui.aud.add_cond", "aud_add_cond").c_str())) {
        Audience w = a;
        AudienceCondition c;
        c.field = "segment";
        w.conditions.push_back(c);
        update(v, e, w);
    }
    note_widget(e, "aud.cond.add");

    // The live count: the Assessment follows every edit.
    const AudienceFigure* f = index < e.d.audiences.list.size() ? &e.d.audiences.list[index] : nullptr;
    if (f && f->id == a.id) {
        if (f->error) {
            ImGui::TextColored(kTiersBad, "%s", describe(*f->error, l).c_str());
            note_widget(e, "aud.error");
        } else {
            ImGui::TextUnformatted(trf("ui.aud.live", l, {thousands(f->count), tiers_pct(f->count, e.d.audiences.customers),
                                                          thousands(e.d.audiences.customers)}).c_str());
            note_widget(e, "aud.live");
            std::string segs;
            for (int s = 0; s <= kSegments; ++s) {
                const std::uint32_t k = f->by_segment[static_cast<std::size_t>(s)];
                if (!k) continue;
                segs += (segs.empty() ? "" : "  ·  ") + (s < kSegments ? tiers_segment_name(s, l) : std::string(T(l, "tiering.stage.none"))) +
                        " " + thousands(k);
            }
            if (!segs.empty()) ImGui::TextWrapped("%s", segs.c_str());
        }
    }

    // Export as an SCRM tag list; phones masked unless chosen otherwise.
    const bool mask = v.aud.export_mask < 0 ? e.ws.settings.mask_personal : v.aud.export_mask == 1;
    const std::string mask_text = T(l, mask ? "export.masked" : "export.unmasked");
    if (begin_combo(e, "aud.export_mask", "###aud_export_mask", mask_text, 160)) {
        if (ImGui::Selectable(T(l, "export.masked"), mask)) v.aud.export_mask = 1;
        note_widget(e, "aud.export_mask.opt.masked");
        if (ImGui::Selectable(T(l, "export.unmasked"), !mask)) v.aud.export_mask = 0;
        note_widget(e, "aud.export_mask.opt.unmasked");
        ImGui::EndCombo();
    }
    flow_line(button_width(T(l, "ui.aud.export")));
    ImGui::BeginDisabled(!f || f->error || !e.d.orders);
    if (ImGui::Button(label(l, "ui.aud.export", "aud_export").c_str()) && e.out && f && e.d.orders)
        e.out->downloads.push_back(PendingDownload{"audience-" + a.id + (mask ? "-masked" : "-unmasked") + ".csv",
                                                   "text/csv;charset=utf-8", audience_csv(a, *f, *e.d.orders, mask),
                                                   T(l, mask ? "ui.aud.note_masked" : "ui.aud.note_unmasked")});
    ImGui::EndDisabled();
    note_widget(e, "aud.export");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", T(l, "ui.aud.export_tip"));
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace

void tiers_draw_audiences(TiersView& v, const ViewEnv& e) {
    const Lang l = e.lang;
    if (!ImGui::CollapsingHeader(label(l, "ui.aud.title", "tiers_audiences").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const std::vector<Audience>& all = e.ws.audiences;
    if (!v.aud.open.empty() && std::none_of(all.begin(), all.end(), [&](const Audience& a) { return a.id == v.aud.open; }))
        v.aud.open.clear();
    if (ImGui::Button(label(l, "ui.aud.add", "aud_add").c_str())) {
        Audience a;
        a.id = fresh_audience_id(all);
        a.name = T(l, "ui.aud.new_name");
        if (v.submit_audience(e, insert_edit("audiences", a))) v.aud.open = a.id;
    }
    note_widget(e, "aud.add");
    ImGui::PushTextWrapPos(0);  // wrapped: a phone's pane is narrow
    ImGui::TextDisabled("%s", T(l, "ui.aud.hint"));
    ImGui::PopTextWrapPos();

    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].id == v.aud.open) draw_editor(v, e, all[i], i);

    if (all.empty()) {
        ImGui::TextDisabled("%s", T(l, "ui.aud.empty"));
        return;
    }
    const int flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!begin_table("###audiences", 4, flags, 380)) return;
    const float actions_w = button_width(T(l, "ui.aud.duplicate")) + button_width(T(l, "ui.roles.confirm_delete")) +
                            2 * ImGui::GetStyle().ItemSpacing.x;
    ImGui::TableSetupColumn(T(l, "ui.aud.col.name"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(T(l, "ui.customers"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T(l, "ui.tiers.share"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, actions_w);
    table_headers(e, "tbl.audiences");
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Audience& a = all[i];
        const AudienceFigure* f = i < e.d.audiences.list.size() && e.d.audiences.list[i].id == a.id ? &e.d.audiences.list[i] : nullptr;
        ImGui::PushID(a.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool open = v.aud.open == a.id;
        if (ImGui::Selectable(((a.name.empty() ? a.id : a.name) + "###row").c_str(), open,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
            v.aud.open = open ? "" : a.id;
        note_row(e, ("aud.row." + a.id).c_str());
        ImGui::TableNextColumn();
        if (f && f->error) ImGui::TextColored(kTiersBad, "%s", T(l, "ui.aud.has_error"));
        else ImGui::TextUnformatted(f ? thousands(f->count).c_str() : "—");
        note_widget(e, ("aud.count." + a.id).c_str());
        if (f && f->error && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", describe(*f->error, l).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f && !f->error ? tiers_pct(f->count, e.d.audiences.customers).c_str() : "");
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(label(l, "ui.aud.duplicate", "dup").c_str())) {
            Audience copy = a;
            copy.id = fresh_audience_id(all);
            copy.name = trf("ui.aud.copy_of", l, {a.name.empty() ? a.id : a.name});
            if (v.submit_audience(e, insert_edit("audiences", copy, static_cast<int>(i) + 1)))
                v.aud.open = copy.id;
        }
        note_widget(e, ("aud.dup." + a.id).c_str());
        ImGui::SameLine();
        const bool armed = v.aud.delete_armed == a.id;
        if (ImGui::SmallButton(((armed ? std::string(T(l, "ui.roles.confirm_delete")) : std::string("×")) + "###del").c_str())) {
            if (!armed) {
                v.aud.delete_armed = a.id;
            } else {
                v.aud.delete_armed.clear();
                v.submit_audience(e, erase_edit("audiences", a.id));
            }
        }
        note_widget(e, ("aud.del." + a.id).c_str());
        ImGui::PopID();
    }
    end_table(e, "tbl.audiences");
}

}  // namespace yt::app
