// personas_tables.cpp — 角色: the accounts table, the group planner, the KOC registry and the
// operator workload table (the script library is personas_scripts.cpp).
//
// [SECTIONS] row helpers · accounts · groups · KOCs · operators
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/rules/rule_value.hpp"
#include "views/personas.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

using namespace roles_ui;
using namespace ui;

namespace {

// ---- row helpers ------------------------------------------------------------------------------

const char* const kGroupTypes[] = {"deal", "community", "course", "vip"};
const char* const kKocStatus[] = {"active", "candidate", "paused"};

constexpr ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;

void setup(const ViewEnv& e, const char* table, std::initializer_list<std::pair<const char*, float>> cols) {
    const Lang l = e.lang;
    for (const auto& [key, w] : cols) {
        if (w > 0) ImGui::TableSetupColumn(key[0] ? T(l, key) : "", ImGuiTableColumnFlags_WidthFixed, w);
        else ImGui::TableSetupColumn(key[0] ? T(l, key) : "", ImGuiTableColumnFlags_WidthStretch, -w);
    }
    table_headers(e, table);
}

// Months until full as words: "—" never, "now", "in about N months".
std::string months_text(double m, Lang l) {
    if (m < 0) return "—";
    if (m == 0) return T(l, "ui.roles.now");
    return trf("ui.roles.in_months", l, {num(m)});
}

template <class V>
std::string name_of(const V& list, const std::string& id) {
    for (const auto& x : list)
        if (x.id == id) return x.name.empty() ? x.id : x.name;
    return id;
}

// A combo choosing an object id from `list` (shown by name); "" shows `none_key`. True + `out`
// when another one was picked.
template <class V>
bool pick(const ViewEnv& e, const std::string& name, const char* id, const V& list, const std::string& current, std::string& out,
          const char* none_key = "ui.roles.none") {
    const Lang l = e.lang;
    bool known = current.empty();
    for (const auto& x : list) known = known || x.id == current;
    std::string preview = current.empty() ? T(l, none_key) : name_of(list, current);
    if (!known) preview = trf("ui.roles.missing", l, {current});
    ImGui::SetNextItemWidth(-FLT_MIN);
    bool changed = false;
    if (begin_combo(e, name.c_str(), id, preview)) {
        for (const auto& x : list) {
            const bool is = x.id == current;
            if (ImGui::Selectable((x.name.empty() ? x.id : x.name).c_str(), is) && !is) {
                out = x.id;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// The first cell of a row: a selectable spanning the row (selects the object; highlighted when
// selected) with the worst finding's icon over it.
void row_selector(PersonasView& v, const ViewEnv& e, const char* kind, const std::string& id) {
    const bool sel = v.selected(kind, id);
    if (ImGui::Selectable("##row", sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0, ImGui::GetFrameHeight())))
        v.select(kind, id, false);
    const ImVec2 p = ImGui::GetItemRectMin();
    v.mark_selected_row(e, kind, id);
    const int worst = e.d.roles.worst(kind, id);
    if (worst >= 0) {
        const float s = ImGui::GetTextLineHeight() * 0.9f;
        const ImVec2 q(p.x + 2, p.y + (ImGui::GetFrameHeight() - s) * 0.5f);
        severity_icon(worst, q.x, q.y, s);
        if (ImGui::IsMouseHoveringRect(q, ImVec2(q.x + s, q.y + s))) {
            std::string tip;
            for (std::size_t i : e.d.roles.findings_for(kind, id)) {
                const Finding& f = e.d.roles.findings[i];
                if (!tip.empty()) tip += "\n";
                tip += std::string(T(e.lang, (std::string("rules.severity.") + severity_name(f.severity)).c_str())) + ": " +
                       finding_message(f, e.lang);
            }
            ImGui::SetTooltip("%s", tip.c_str());
        }
    }
}

// [-] [value] [+]: `set(value, discrete)` on every change; the input coalesces while typed.
template <class F>
void stepper(const ViewEnv& e, int value, int step, float width, const std::string& minus_name,
             const std::string& plus_name, F&& set) {
    if (ImGui::Button("-", ImVec2(ImGui::GetFrameHeight(), 0))) set(std::max(0, value - step), true);
    if (!minus_name.empty()) note_widget(e, minus_name.c_str());
    ImGui::SameLine(0, 2);
    int x = value;
    ImGui::SetNextItemWidth(width);
    if (ImGui::InputInt("##v", &x, 0, 0) && x != value) set(std::max(0, x), false);
    if (ImGui::IsItemDeactivated()) e.sink.seal();
    ImGui::SameLine(0, 2);
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight(), 0))) set(value + step, true);
    if (!plus_name.empty()) note_widget(e, plus_name.c_str());
}

}  // namespace

// ---- accounts ---------------------------------------------------------------------------------

void PersonasView::draw_accounts(const ViewEnv& e) {
    const Lang l = e.lang;
    const RoleFigures& d = e.d.roles;
    if (!section(*this, l, "ui.roles.sec.accounts", "accounts")) return;
    const RolesPlan& r = e.ws.roles;

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T(l, "ui.roles.monthly_new"));
    ImGui::SameLine();
    ImGui::PushID("monthly_new");
    stepper(e, r.monthly_new_friends, 50, 70, "", "", [&](int v, bool discrete) {
        submit(e, roles_cmd::set_monthly_new_friends(v), discrete);
    });
    ImGui::PopID();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("ui.roles.concentration", l,
                                  {T(l, ("ui.roles.basis." + d.concentration.basis).c_str()),
                                   pct(d.concentration.max_share), pct(d.concentration.threshold)})
                                  .c_str());

    if (begin_table("###accounts", 11, kTableFlags)) {
        setup(e, "tbl.accounts", {{"", 22},
                  {"ui.roles.col.name", 88},
                  {"ui.roles.col.platform", 66},
                  {"ui.roles.col.persona", 84},
                  {"ui.roles.col.operator", 86},
                  {"ui.roles.col.friends", 112},
                  {"ui.roles.col.fill", -1},
                  {"ui.roles.col.planned", 58},
                  {"ui.roles.col.full_in", 78},
                  {"ui.roles.col.share", 44},
                  {"", 20}});
        for (std::size_t i = 0; i < r.accounts.size(); ++i) {
            const Account a = r.accounts[i];  // a copy: an edit below may change the list
            ImGui::PushID(a.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            row_selector(*this, e, "account", a.id);
            note_row(e, ("acc_row." + a.id).c_str());

            ImGui::TableNextColumn();
            text_field(e, "account." + a.id + ".name", a.name, -FLT_MIN, [&](const std::string& s) {
                Account v = a;
                v.name = s;
                submit(e, roles_cmd::update_account("name", v), false);
            });

            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (begin_combo(e, ("acc_platform." + a.id).c_str(), "##platform",
                            T(l, ("roles.platform." + std::to_string(a.platform)).c_str()), 0, ImGuiComboFlags_NoArrowButton)) {
                for (int p = 0; p < 4; ++p)
                    if (ImGui::Selectable(T(l, ("roles.platform." + std::to_string(p)).c_str()), p == a.platform) &&
                        p != a.platform) {
                        Account v = a;
                        v.platform = p;
                        submit(e, roles_cmd::update_account("platform", v), true);
                    }
                ImGui::EndCombo();
            }

            ImGui::TableNextColumn();
            std::string to;
            if (pick(e, "acc_persona." + a.id, "##persona", r.personas, a.persona, to)) {
                Account v = a;
                v.persona = to;
                submit(e, roles_cmd::update_account("persona", v), true);
            }

            ImGui::TableNextColumn();
            if (pick(e, "acc_operator." + a.id, "##operator", r.operators, a.operator_id, to)) submit(e, roles_cmd::reassign_account(a.id, to), true);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.roles.reassign_tip"));

            ImGui::TableNextColumn();
            stepper(e, a.friends, 100, ImGui::GetContentRegionAvail().x - 2 * ImGui::GetFrameHeight() - 4,
                    "acc_minus." + a.id, "acc_plus." + a.id, [&](int v, bool discrete) {
                        Account w = a;
                        w.friends = v;
                        submit(e, roles_cmd::update_account("friends", w), discrete);
                    });

            const AccountCapacity* c = d.account(a.id);
            ImGui::TableNextColumn();
            if (c && c->cap > 0) {
                const double ratio = c->friends / c->cap;
                const bool hovered = fill_bar(ratio, d.near_cap, num(c->friends) + "/" + num(c->cap),
                                              ImGui::GetContentRegionAvail().x, l);
                if (hovered)
                    ImGui::SetTooltip("%s", trf(a.cap_override > 0 ? "ui.roles.cap_own" : "ui.roles.cap_rule", l,
                                                {num(c->cap), tr("rules.name." + account_cap_rule(a), l), pct(ratio)})
                                                .c_str());
            } else {
                fill_bar(-1, d.near_cap, T(l, "ui.roles.cap_unknown"), ImGui::GetContentRegionAvail().x, l);
            }

            ImGui::TableNextColumn();
            ImGui::PushID("planned");
            int planned = a.planned_friends;
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::InputInt("##planned", &planned, 0, 0) && planned != a.planned_friends) {
                Account v = a;
                v.planned_friends = std::max(0, planned);
                submit(e, roles_cmd::update_account("planned", v), false);
            }
            if (ImGui::IsItemDeactivated()) e.sink.seal();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.roles.planned_tip"));
            ImGui::PopID();

            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (c) {
                const bool soon = c->months_until_full >= 0 && c->months_until_full <= d.horizon;
                if (soon) ImGui::TextColored(ImVec4(0.85f, 0.4f, 0.1f, 1), "%s", months_text(c->months_until_full, l).c_str());
                else ImGui::TextUnformatted(months_text(c->months_until_full, l).c_str());
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", trf("ui.roles.growth_tip", l, {num(c->growth), num(c->planned),
                                                                           std::to_string(d.horizon)})
                                                .c_str());
            }

            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (const AccountShare* s = d.share(a.id)) {
                if (s->over) ImGui::TextColored(ImVec4(0.85f, 0.4f, 0.1f, 1), "%s!", pct(s->share).c_str());
                else ImGui::TextUnformatted(pct(s->share).c_str());
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", trf(s->over ? "ui.roles.share_over" : "ui.roles.share_tip", l,
                                                {pct(s->share), pct(d.concentration.threshold)})
                                                .c_str());
            }
            ImGui::TableNextColumn();
            if (delete_button(e, "account", a.id)) {
                if (submit(e, roles_cmd::erase_account(a.id), true) && selected("account", a.id)) sel_kind.clear();
            }
            ImGui::PopID();
        }
        end_table(e, "tbl.accounts");
    }
    if (ImGui::Button(label(l, "ui.roles.add_account", "account_add").c_str())) {
        Account a;
        a.id = fresh_id(r.accounts, "acc");
        a.name = T(l, "ui.roles.new_account");
        if (sel_kind == "persona" && find_persona(r, sel_id)) a.persona = sel_id;
        else if (!r.personas.empty()) a.persona = r.personas.front().id;
        if (!r.operators.empty()) a.operator_id = r.operators.front().id;
        if (submit(e, roles_cmd::add_account(a), true)) select("account", a.id, true);
    }
    note_widget(e, "account_add");
}

// ---- groups -----------------------------------------------------------------------------------

void PersonasView::draw_groups(const ViewEnv& e) {
    const Lang l = e.lang;
    const RoleFigures& d = e.d.roles;
    if (!section(*this, l, "ui.roles.sec.groups", "groups")) return;
    const RolesPlan& r = e.ws.roles;
    ImGui::TextDisabled("%s", trf("ui.roles.group_rules", l, {num(rule_value(e.ws.rules, "group.cap")),
                                                             num(rule_value(e.ws.rules, "group.cap_wechat_created")),
                                                             num(d.qr_days), num(d.qr_member_limit)})
                                  .c_str());

    // Buckets: each persona, then the groups whose owner has no (known) persona.
    std::vector<std::string> buckets;
    for (const auto& p : r.personas) buckets.push_back(p.id);
    buckets.push_back("");
    for (const std::string& pid : buckets) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < r.groups.size(); ++i) {
            const Account* owner = find_account(r, r.groups[i].owner_account);
            const std::string gp = owner && find_persona(r, owner->persona) ? owner->persona : "";
            if (gp == pid) members.push_back(i);
        }
        if (pid.empty() && members.empty()) continue;
        ImGui::PushID(pid.empty() ? "_none" : pid.c_str());
        ImGui::Spacing();
        const Persona* per = find_persona(r, pid);
        if (per) {
            ImVec2 q = ImGui::GetCursorScreenPos();
            const float s = ImGui::GetTextLineHeight();
            const unsigned c = per->color;
            ImGui::GetWindowDrawList()->AddCircleFilled(
                ImVec2(q.x + s * 0.5f, q.y + s * 0.5f + 2), s * 0.45f,
                ImGui::GetColorU32(ImVec4(((c >> 16) & 0xff) / 255.0f, ((c >> 8) & 0xff) / 255.0f, (c & 0xff) / 255.0f, 1)));
            ImGui::Dummy(ImVec2(s, s));
            ImGui::SameLine();
            ImGui::TextUnformatted(per->name.empty() ? per->id.c_str() : per->name.c_str());
        } else {
            ImGui::TextUnformatted(T(l, "ui.roles.no_persona_groups"));
        }
        if (const PersonaCapacity* pc = per ? d.persona(pid) : nullptr) {
            ImGui::SameLine();
            const double ratio = pc->group_cap_total > 0 ? pc->members / pc->group_cap_total : -1;
            fill_bar(ratio, d.near_cap, num(pc->members) + " / " + num(pc->group_cap_total), 200, l);
            std::string next = pc->open_new_group_in_month < 0    ? T(l, "ui.roles.next_group.never")
                               : pc->open_new_group_in_month == 0 ? T(l, "ui.roles.next_group.now")
                                                                  : trf("ui.roles.next_group.in", l,
                                                                        {std::to_string(pc->open_new_group_in_month)});
            text_wrapped(trf("ui.roles.group_plan", l,
                             {std::to_string(pc->groups), std::to_string(pc->groups_needed_now),
                              std::to_string(pc->groups_needed_at_horizon), std::to_string(d.horizon),
                              num(pc->group_growth), next}));
        }
        if (!members.empty() && begin_table("###groups", 9, kTableFlags)) {
            setup(e, "tbl.groups", {{"", 22},
                      {"ui.roles.col.name", 104},
                      {"ui.roles.col.type", 76},
                      {"ui.roles.col.owner", 92},
                      {"ui.roles.col.members", 108},
                      {"ui.roles.col.fill", -1},
                      {"ui.roles.col.qr", 166},
                      {"ui.roles.col.full_in", 78},
                      {"", 22}});
            for (std::size_t i : members) {
                if (i >= r.groups.size()) break;
                const Group g = r.groups[i];
                ImGui::PushID(g.id.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                row_selector(*this, e, "group", g.id);
                note_row(e, ("grp_row." + g.id).c_str());

                ImGui::TableNextColumn();
                text_field(e, "group." + g.id + ".name", g.name, -FLT_MIN, [&](const std::string& s) {
                    Group v = g;
                    v.name = s;
                    submit(e, roles_cmd::update_group("name", v), false);
                });

                ImGui::TableNextColumn();
                const std::string tkey = "ui.roles.gtype." + g.type;
                std::string preview = has_tr(tkey) ? tr(tkey, l) : g.type;
                if (g.created_by_wechat_user) preview += " *";
                ImGui::SetNextItemWidth(-FLT_MIN);
                if (begin_combo(e, ("grp_type." + g.id).c_str(), "##type", preview)) {
                    for (const char* t : kGroupTypes)
                        if (ImGui::Selectable(T(l, (std::string("ui.roles.gtype.") + t).c_str()), g.type == t) && g.type != t) {
                            Group v = g;
                            v.type = t;
                            submit(e, roles_cmd::update_group("type", v), true);
                        }
                    ImGui::Separator();
                    if (ImGui::MenuItem(T(l, "ui.roles.by_wechat_user"), nullptr, g.created_by_wechat_user)) {
                        Group v = g;
                        v.created_by_wechat_user = !g.created_by_wechat_user;
                        submit(e, roles_cmd::update_group("by_user", v), true);
                    }
                    ImGui::EndCombo();
                }
                if (ImGui::IsItemHovered() && g.created_by_wechat_user)
                    ImGui::SetTooltip("%s", T(l, "ui.roles.by_wechat_user_tip"));

                ImGui::TableNextColumn();
                std::string to;
                if (pick(e, "grp_owner." + g.id, "##owner", r.accounts, g.owner_account, to)) {
                    Status ok = can_transfer_group(e.ws, g.id, to, 0, 0);
                    if (ok) submit(e, roles_cmd::transfer_group(g.id, to), true);
                    else error = describe(ok.error(), l);
                }
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.roles.transfer_tip"));

                ImGui::TableNextColumn();
                stepper(e, g.members, 10, ImGui::GetContentRegionAvail().x - 2 * ImGui::GetFrameHeight() - 4,
                        "grp_minus." + g.id, "grp_plus." + g.id, [&](int v, bool discrete) {
                            Group w = g;
                            w.members = v;
                            submit(e, roles_cmd::update_group("members", w), discrete);
                        });

                const GroupCapacity* c = d.group(g.id);
                ImGui::TableNextColumn();
                const float bar_w = ImGui::GetContentRegionAvail().x;
                bool hovered = false;
                if (c && c->cap > 0) {
                    const double ratio = c->members / c->cap;
                    hovered = fill_bar(ratio, d.near_cap, num(c->members) + "/" + num(c->cap), bar_w, l);
                } else {
                    hovered = fill_bar(-1, d.near_cap, T(l, "ui.roles.cap_unknown"), bar_w, l);
                }
                if (hovered && c)
                    ImGui::SetTooltip("%s", trf("ui.roles.cap_rule", l, {num(c->cap), tr("rules.name." + group_cap_rule(g, r), l),
                                                                         pct(c->cap > 0 ? c->members / c->cap : 0)})
                                                .c_str());
                ImGui::TableNextColumn();
                if (ImGui::SmallButton(label(l, g.qr_created_day ? "ui.roles.qr.renew" : "ui.roles.qr.make", "qr").c_str())) {
                    Group v = g;
                    v.qr_created_day = d.today;
                    submit(e, roles_cmd::update_group("qr", v), true);
                }
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.roles.qr.renew_tip"));
                ImGui::SameLine();
                ImGui::AlignTextToFramePadding();
                const ImVec4 red(0.85f, 0.2f, 0.15f, 1);
                if (g.qr_created_day == 0) {
                    ImGui::TextDisabled("%s", T(l, "ui.roles.qr.none"));
                } else {
                    const int age = d.today - g.qr_created_day;
                    if (g.members >= d.qr_member_limit && d.qr_member_limit > 0)
                        ImGui::TextColored(red, "%s", trf("ui.roles.qr.full", l, {num(d.qr_member_limit)}).c_str());
                    else if (age >= d.qr_days)
                        ImGui::TextColored(red, "%s", trf("ui.roles.qr.expired", l, {std::to_string(age)}).c_str());
                    else
                        ImGui::TextUnformatted(trf("ui.roles.qr.valid", l, {num(d.qr_days - age), std::to_string(age)}).c_str());
                    if (ImGui::IsItemHovered())
                        ImGui::SetTooltip("%s", trf("ui.roles.qr.made", l, {format_day(g.qr_created_day), num(d.qr_days)}).c_str());
                }

                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                if (c) ImGui::TextUnformatted(months_text(c->months_until_full, l).c_str());

                ImGui::TableNextColumn();
                if (delete_button(e, "group", g.id)) {
                    if (submit(e, roles_cmd::erase_group(g.id), true) && selected("group", g.id)) sel_kind.clear();
                }
                ImGui::PopID();
            }
            end_table(e, "tbl.groups");
        }
        if (per) {
            if (ImGui::SmallButton(label(l, "ui.roles.add_group", "group_add").c_str())) {
                Group g;
                g.id = fresh_id(r.groups, "g");
                g.name = T(l, "ui.roles.new_group");
                g.type = "community";
                for (const auto& a : r.accounts)
                    if (a.persona == pid) {
                        g.owner_account = a.id;
                        break;
                    }
                if (submit(e, roles_cmd::add_group(g), true)) select("group", g.id, true);
            }
        }
        ImGui::PopID();
    }
}

// ---- KOCs -------------------------------------------------------------------------------------

void PersonasView::draw_kocs(const ViewEnv& e) {
    const Lang l = e.lang;
    if (!section(*this, l, "ui.roles.sec.kocs", "kocs")) return;
    const RolesPlan& r = e.ws.roles;
    ImGui::TextDisabled("%s", T(l, "ui.roles.koc_hint"));
    // The status column fits its longest choice in either language (the column sits right of the
    // stretching one, where ImGui keeps the width it started with).
    float status_w = 90;
    for (const char* s : kKocStatus)
        for (Lang any : {Lang::Zh, Lang::En})
            status_w = std::max(status_w, ImGui::CalcTextSize(tr(std::string("ui.roles.koc.") + s, any)).x +
                                              ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x + 2);
    if (begin_table("###kocs", 8, kTableFlags)) {
        setup(e, "tbl.kocs", {{"", 22},
                  {"ui.roles.col.name", 110},
                  {"ui.roles.col.customer", 90},
                  {"ui.roles.col.groups", 130},
                  {"ui.roles.col.circle", 80},
                  {"ui.roles.col.incentive", -1},
                  {"ui.roles.col.status", status_w},
                  {"", 22}});
        for (std::size_t i = 0; i < r.kocs.size(); ++i) {
            const Koc k = r.kocs[i];
            ImGui::PushID(k.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            row_selector(*this, e, "koc", k.id);
            auto text_col = [&](const char* field, const std::string& value, auto apply) {
                ImGui::TableNextColumn();
                text_field(e, "koc." + k.id + "." + field, value, -FLT_MIN, [&](const std::string& s) {
                    Koc v = k;
                    apply(v, s);
                    submit(e, roles_cmd::update_koc(field, v), false);
                });
            };
            text_col("name", k.name, [](Koc& v, const std::string& s) { v.name = s; });
            text_col("customer", k.customer, [](Koc& v, const std::string& s) { v.customer = s; });
            text_col("groups", join(k.groups), [](Koc& v, const std::string& s) { v.groups = split_list(s); });
            if (ImGui::IsItemHovered()) {
                std::vector<std::string> names;
                for (const auto& gid : k.groups) names.push_back(name_of(r.groups, gid));
                ImGui::SetTooltip("%s", trf("ui.roles.koc_groups_tip", l, {join(names)}).c_str());
            }
            ImGui::TableNextColumn();
            int circle = k.circle_size;
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::InputInt("##circle", &circle, 0, 0) && circle != k.circle_size) {
                Koc v = k;
                v.circle_size = std::max(0, circle);
                submit(e, roles_cmd::update_koc("circle", v), false);
            }
            if (ImGui::IsItemDeactivated()) e.sink.seal();
            text_col("incentive", k.incentive, [](Koc& v, const std::string& s) { v.incentive = s; });
            ImGui::TableNextColumn();
            const std::string skey = "ui.roles.koc." + k.status;
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (begin_combo(e, ("koc_status." + k.id).c_str(), "##status", has_tr(skey) ? tr(skey, l) : k.status)) {
                for (const char* s : kKocStatus)
                    if (ImGui::Selectable(T(l, (std::string("ui.roles.koc.") + s).c_str()), k.status == s) && k.status != s) {
                        Koc v = k;
                        v.status = s;
                        submit(e, roles_cmd::update_koc("status", v), true);
                    }
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            if (delete_button(e, "koc", k.id)) {
                if (submit(e, roles_cmd::erase_koc(k.id), true) && selected("koc", k.id)) sel_kind.clear();
            }
            ImGui::PopID();
        }
        end_table(e, "tbl.kocs");
    }
    if (ImGui::Button(label(l, "ui.roles.add_koc", "koc_add").c_str())) {
        Koc k;
        k.id = fresh_id(r.kocs, "k");
        k.name = T(l, "ui.roles.new_koc");
        k.status = "candidate";
        if (submit(e, roles_cmd::add_koc(k), true)) select("koc", k.id, true);
    }
    note_widget(e, "koc_add");
}

// ---- operators --------------------------------------------------------------------------------

void PersonasView::draw_operators(const ViewEnv& e) {
    const Lang l = e.lang;
    const RoleFigures& d = e.d.roles;
    if (!section(*this, l, "ui.roles.sec.operators", "operators")) return;
    const RolesPlan& r = e.ws.roles;
    ImGui::TextDisabled("%s", trf("ui.roles.workload_basis", l, {format_day(d.load_from), format_day(d.load_to),
                                                                num(rule_value(e.ws.rules, "operator.minutes_per_item")),
                                                                num(rule_value(e.ws.rules, "roles.chats_per_friend_month"))})
                                  .c_str());
    if (begin_table("###operators", 8, kTableFlags)) {
        setup(e, "tbl.operators", {{"", 22},
                  {"ui.roles.col.name", 110},
                  {"ui.roles.col.hours", 84},
                  {"ui.roles.col.chats_per_hour", 84},
                  {"ui.roles.col.op_accounts", 140},
                  {"ui.roles.col.per_day", 150},
                  {"ui.roles.col.load", -1},
                  {"", 22}});
        for (std::size_t i = 0; i < r.operators.size(); ++i) {
            const Operator o = r.operators[i];
            ImGui::PushID(o.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            row_selector(*this, e, "operator", o.id);
            ImGui::TableNextColumn();
            text_field(e, "operator." + o.id + ".name", o.name, -FLT_MIN, [&](const std::string& s) {
                Operator v = o;
                v.name = s;
                submit(e, roles_cmd::update_operator("name", v), false);
            });
            ImGui::TableNextColumn();
            float hours = static_cast<float>(o.hours_per_day);
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::DragFloat("##hours", &hours, 0.1f, 0, 24, "%.1f h")) {
                Operator v = o;
                v.hours_per_day = std::clamp(static_cast<double>(std::round(hours * 10) / 10), 0.0, 24.0);
                submit(e, roles_cmd::update_operator("hours", v), false);
            }
            if (ImGui::IsItemDeactivated()) e.sink.seal();
            ImGui::TableNextColumn();
            float cph = static_cast<float>(o.chats_per_hour);
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::DragFloat("##cph", &cph, 0.5f, 1, 200, "%.0f")) {
                Operator v = o;
                v.chats_per_hour = std::clamp(static_cast<double>(std::round(cph)), 1.0, 200.0);
                submit(e, roles_cmd::update_operator("chats_per_hour", v), false);
            }
            if (ImGui::IsItemDeactivated()) e.sink.seal();
            ImGui::TableNextColumn();
            std::vector<std::string> names;
            for (const auto& a : r.accounts)
                if (a.operator_id == o.id) names.push_back(a.name.empty() ? a.id : a.name);
            text_wrapped(names.empty() ? "—" : join(names, l == Lang::Zh ? "、" : ", "));
            const OperatorLoad* w = d.op(o.id);
            ImGui::TableNextColumn();
            if (w) {
                text_wrapped(trf("ui.roles.per_day", l, {num(w->chats_per_day), num(w->items_per_day)}));
                // The part of the chats that greets the forecast's new friends: it grows with the forecast.
                double greet = 0;
                for (const AccountLoad& al : d.workload.accounts)
                    if (al.operator_id == o.id) greet += al.new_friend_chats_per_day;
                if (greet > 0) {
                    ImGui::TextDisabled("%s", trf("ui.roles.per_day_new", l, {num(greet)}).c_str());
                    note_widget(e, ("op_new_chats." + o.id).c_str());
                }
            }
            ImGui::TableNextColumn();
            if (w) {
                const double ratio = w->hours_available > 0 ? w->hours_needed / w->hours_available : (w->hours_needed > 0 ? 2 : 0);
                fill_bar(ratio, d.near_cap, trf("ui.roles.hours", l, {num(w->hours_needed), num(w->hours_available)}),
                         ImGui::GetContentRegionAvail().x, l);
            }
            ImGui::TableNextColumn();
            if (delete_button(e, "operator", o.id)) {
                if (submit(e, roles_cmd::erase_operator(o.id), true) && selected("operator", o.id)) sel_kind.clear();
            }
            ImGui::PopID();
        }
        end_table(e, "tbl.operators");
    }
    if (d.workload.unassigned_chats_per_day > 0 || d.workload.unassigned_items_per_day > 0)
        ImGui::TextColored(ImVec4(0.8f, 0.5f, 0.0f, 1), "%s",
                           trf("ui.roles.unassigned", l, {num(d.workload.unassigned_chats_per_day),
                                                          num(d.workload.unassigned_items_per_day)})
                               .c_str());
    if (ImGui::Button(label(l, "ui.roles.add_operator", "op_add").c_str())) {
        Operator o;
        o.id = fresh_id(r.operators, "op");
        o.name = T(l, "ui.roles.new_operator");
        o.hours_per_day = rule_value(e.ws.rules, "operator.hours_per_day");
        o.chats_per_hour = rule_value(e.ws.rules, "operator.chats_per_hour");
        if (submit(e, roles_cmd::add_operator(o), true)) select("operator", o.id, true);
    }
    note_widget(e, "op_add");
}

}  // namespace yt::app
