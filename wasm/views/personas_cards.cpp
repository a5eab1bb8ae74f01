// personas_cards.cpp — 角色: persona cards (avatar, bio, tone, taboo words, content mix, tiers)
// and the edit panel of the selected persona.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "views/personas.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

using namespace roles_ui;
using namespace ui;

namespace {

// The eight RFM segments a persona can serve (names under "tiering.seg.<key>").
const char* const kTiers[] = {"important_value", "important_develop", "important_keep", "important_retain",
                              "general_value",   "general_develop",   "general_keep",   "general_retain"};
// Avatar colours offered in the editor (RGB).
const unsigned kPalette[] = {0xf08080u, 0x4682b4u, 0xe9967au, 0x3cb371u, 0x9370dbu, 0xdaa520u, 0x20b2aau, 0x708090u};
// Content-mix strands: i18n key and bar colour.
struct Strand {
    const char* key;
    ImVec4 colour;
};
const Strand kStrands[] = {{"ui.roles.mix.life", ImVec4(0.40f, 0.72f, 0.45f, 1)},
                           {"ui.roles.mix.expertise", ImVec4(0.30f, 0.55f, 0.85f, 1)},
                           {"ui.roles.mix.emotion", ImVec4(0.90f, 0.55f, 0.65f, 1)},
                           {"ui.roles.mix.sales", ImVec4(0.95f, 0.65f, 0.15f, 1)}};

ImU32 rgb(unsigned c, float a = 1) {
    return ImGui::GetColorU32(ImVec4(((c >> 16) & 0xff) / 255.0f, ((c >> 8) & 0xff) / 255.0f, (c & 0xff) / 255.0f, a));
}

// The first UTF-8 character of s.
std::string first_char(const std::string& s) {
    if (s.empty()) return "?";
    unsigned char c = static_cast<unsigned char>(s[0]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    return s.substr(0, std::min(n, s.size()));
}

// A filled circle with the persona's initial, `r` pixels in radius, at the cursor.
void avatar(const Persona& p, float r) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(2 * r, 2 * r));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(pos.x + r, pos.y + r);
    dl->AddCircleFilled(c, r, rgb(p.color), 32);
    dl->AddCircle(c, r, ImGui::GetColorU32(ImVec4(0, 0, 0, 0.25f)), 32, 1.0f);
    const std::string ch = first_char(p.initial.empty() ? p.name : p.initial);
    ImFont* font = ImGui::GetFont();
    const float size = r * 1.1f;
    ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, ch.c_str());
    dl->AddText(font, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), ImGui::GetColorU32(ImVec4(1, 1, 1, 1)),
                ch.c_str());
}

// The content mix as one stacked bar with the numbers written below it.
void mix_bar(const ContentMix& m, float width, Lang l) {
    const double v[4] = {m.life, m.expertise, m.emotion, m.sales};
    double sum = 0;
    for (double x : v) sum += std::max(0.0, x);
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = 10;
    ImGui::Dummy(ImVec2(width, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg));
    float x = p.x;
    for (int i = 0; i < 4 && sum > 0; ++i) {
        const float w = static_cast<float>(width * std::max(0.0, v[i]) / sum);
        if (w > 0) dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + h), ImGui::GetColorU32(kStrands[i].colour));
        if (i > 0 && w > 0) dl->AddLine(ImVec2(x, p.y), ImVec2(x, p.y + h), ImGui::GetColorU32(ImVec4(1, 1, 1, 1)));
        x += w;
    }
    std::string legend;
    for (int i = 0; i < 4; ++i) {
        if (i) legend += " · ";
        legend += std::string(T(l, kStrands[i].key)) + " " + num(v[i]);
    }
    text_wrapped(legend, true);
}

std::string tier_list(const std::vector<std::string>& tiers, const std::vector<Audience>& audiences, Lang l) {
    std::vector<std::string> names;
    for (const auto& t : tiers) {
        auto a = std::find_if(audiences.begin(), audiences.end(), [&](const Audience& x) { return x.id == t; });
        if (a != audiences.end()) {
            names.push_back(trf("ui.aud.target", l, {a->name.empty() ? a->id : a->name}));
            continue;
        }
        const std::string k = "tiering.seg." + t;
        names.push_back(has_tr(k) ? tr(k, l) : t);
    }
    return join(names, l == Lang::Zh ? "、" : ", ");
}

}  // namespace

void PersonasView::draw_personas(const ViewEnv& e) {
    const Lang l = e.lang;
    const RoleFigures& d = e.d.roles;
    if (!section(*this, l, "ui.roles.sec.personas", "personas")) return;
    const auto& ps = e.ws.roles.personas;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x;
    const int per_row = std::max(1, static_cast<int>((avail + st.ItemSpacing.x) / (270 + st.ItemSpacing.x)));
    const float w = std::min(380.0f, (avail - st.ItemSpacing.x * (per_row - 1)) / per_row);
    const float h = 44 + 12 * ImGui::GetTextLineHeightWithSpacing() + 2 * st.WindowPadding.y;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const Persona p = ps[i];  // a copy: an edit below may change the list
        if (i % per_row != 0) ImGui::SameLine();
        const bool sel = selected("persona", p.id);
        ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, sel ? 3.0f : 1.0f);
        if (sel) ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        ImGui::BeginChild(("###card_" + p.id).c_str(), ImVec2(w, h), true, ImGuiWindowFlags_NoScrollbar);
        if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseClicked(0))
            select("persona", p.id, false);
        avatar(p, 22);
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::TextUnformatted(p.name.empty() ? p.id.c_str() : p.name.c_str());
        int accounts = 0;
        for (const auto& a : e.ws.roles.accounts) accounts += a.persona == p.id;
        const PersonaCapacity* pc = d.persona(p.id);
        text_wrapped(trf("ui.roles.card_counts", l,
                         {std::to_string(accounts), std::to_string(pc ? pc->groups : 0), num(pc ? pc->friends : 0)}),
                     true);
        const int worst = d.worst("persona", p.id);
        if (worst >= 0) {
            ImVec2 q = ImGui::GetCursorScreenPos();
            const float s = ImGui::GetTextLineHeight();
            severity_icon(worst, q.x, q.y, s);
            ImGui::Dummy(ImVec2(s, s));
            ImGui::SameLine();
            ImGui::TextUnformatted(trf("ui.roles.n_findings", l, {std::to_string(d.findings_for("persona", p.id).size())}).c_str());
        }
        ImGui::EndGroup();
        text_wrapped(p.bio);
        auto labelled = [&](const char* key, const std::string& value) {
            ImGui::TextDisabled("%s", T(l, key));
            ImGui::SameLine();
            text_wrapped(value.empty() ? "—" : value);
        };
        labelled("ui.roles.f.tone", p.tone);
        labelled("ui.roles.f.taboo", join(p.taboo_words, l == Lang::Zh ? "、" : ", "));
        mix_bar(p.mix, ImGui::GetContentRegionAvail().x, l);
        labelled("ui.roles.f.tiers", tier_list(p.tiers, e.ws.audiences, l));
        ImGui::EndChild();
        if (sel) ImGui::PopStyleColor();
        ImGui::PopStyleVar();
        note_widget(e, ("persona_card." + p.id).c_str());
        mark_selected_row(e, "persona", p.id);
    }
    if (ImGui::Button(label(l, "ui.roles.add_persona", "persona_add").c_str())) {
        Persona p;
        p.id = fresh_id(ps, "p");
        p.name = T(l, "ui.roles.new_persona");
        p.initial = first_char(p.name);
        p.color = kPalette[ps.size() % (sizeof kPalette / sizeof kPalette[0])];
        if (submit(e, roles_cmd::add_persona(p), true)) select("persona", p.id, false);
    }
    note_widget(e, "persona_add");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", T(l, "ui.roles.card_hint"));
    draw_persona_editor(e);
}

void PersonasView::draw_persona_editor(const ViewEnv& e) {
    if (sel_kind != "persona") return;
    const Lang l = e.lang;
    const Persona* found = find_persona(e.ws.roles, sel_id);
    if (!found) return;
    const Persona cur = *found;
    const std::string key = "persona." + cur.id + ".";
    ImGui::Spacing();
    ImGui::PushID(cur.id.c_str());
    ImGui::Separator();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(trf("ui.roles.editing", l, {cur.name.empty() ? cur.id : cur.name}).c_str());
    ImGui::SameLine();
    const float del_w = ImGui::CalcTextSize(T(l, "ui.roles.confirm_delete")).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - del_w));
    if (delete_button(e, "persona", cur.id, "ui.roles.delete_persona")) {
        if (submit(e, roles_cmd::erase_persona(cur.id), true)) sel_kind.clear();
        ImGui::EndGroup();
        ImGui::PopID();
        return;
    }
    if (ImGui::BeginTable("###persona_form", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 110);
        ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
        auto row = [&](const char* k) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(T(l, k));
            ImGui::TableNextColumn();
        };
        const float wide = -FLT_MIN;
        row("ui.roles.f.name");
        text_field(e, key + "name", cur.name, 260, [&](const std::string& s) {
            Persona v = cur;
            v.name = s;
            submit(e, roles_cmd::update_persona("name", v), false);
        });
        note_widget(e, "persona_name");
        ImGui::SameLine();
        ImGui::TextDisabled("%s", T(l, "ui.roles.f.initial"));
        ImGui::SameLine();
        text_field(e, key + "initial", cur.initial, 50, [&](const std::string& s) {
            Persona v = cur;
            v.initial = s;
            submit(e, roles_cmd::update_persona("initial", v), false);
        });

        row("ui.roles.f.colour");
        for (std::size_t i = 0; i < sizeof kPalette / sizeof kPalette[0]; ++i) {
            const unsigned c = kPalette[i];
            ImGui::PushID(static_cast<int>(i));
            if (i) ImGui::SameLine();
            const ImVec4 col(((c >> 16) & 0xff) / 255.0f, ((c >> 8) & 0xff) / 255.0f, (c & 0xff) / 255.0f, 1);
            const bool is = c == cur.color;
            if (is) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 3.0f);
            if (ImGui::ColorButton("##c", col, ImGuiColorEditFlags_NoTooltip, ImVec2(22, 22)) && !is) {
                Persona v = cur;
                v.color = c;
                submit(e, roles_cmd::update_persona("color", v), true);
            }
            if (is) ImGui::PopStyleVar();
            ImGui::PopID();
        }

        row("ui.roles.f.bio");
        text_field(
            e, key + "bio", cur.bio, wide,
            [&](const std::string& s) {
                Persona v = cur;
                v.bio = s;
                submit(e, roles_cmd::update_persona("bio", v), false);
            },
            ImGui::GetTextLineHeight() * 3 + 8);
        row("ui.roles.f.tone");
        text_field(e, key + "tone", cur.tone, wide, [&](const std::string& s) {
            Persona v = cur;
            v.tone = s;
            submit(e, roles_cmd::update_persona("tone", v), false);
        });
        row("ui.roles.f.taboo");
        text_field(e, key + "taboo", join(cur.taboo_words, l == Lang::Zh ? "、" : ", "), wide, [&](const std::string& s) {
            Persona v = cur;
            v.taboo_words = split_list(s);
            submit(e, roles_cmd::update_persona("taboo", v), false);
        });
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.roles.taboo_tip"));

        row("ui.roles.f.mix");
        double* parts[4] = {nullptr, nullptr, nullptr, nullptr};
        Persona v = cur;
        parts[0] = &v.mix.life;
        parts[1] = &v.mix.expertise;
        parts[2] = &v.mix.emotion;
        parts[3] = &v.mix.sales;
        const float slider_w = std::max(80.0f, (ImGui::GetContentRegionAvail().x - 3 * 8) / 4);
        double sum = 0;
        for (int i = 0; i < 4; ++i) {
            if (i) ImGui::SameLine(0, 8);
            float f = static_cast<float>(*parts[i]);
            ImGui::SetNextItemWidth(slider_w);
            ImGui::PushStyleColor(ImGuiCol_SliderGrab, kStrands[i].colour);
            const std::string fmt = std::string(T(l, kStrands[i].key)) + " %.0f%%";
            const float lo = 0, hi = 100;
            const bool changed = value_slider(e, ("persona_mix" + std::to_string(i)).c_str(), ("##mix" + std::to_string(i)).c_str(),
                                              ImGuiDataType_Float, &f, &lo, &hi, fmt.c_str());
            ImGui::PopStyleColor();
            if (changed) {
                *parts[i] = std::round(f);
                submit(e, roles_cmd::update_persona("mix" + std::to_string(i), v), false);
            }
            if (ImGui::IsItemDeactivated()) e.sink.seal();
            sum += *parts[i];
        }
        if (std::fabs(sum - 100) > 0.5) {
            ImGui::TextColored(ImVec4(0.8f, 0.5f, 0.0f, 1), "%s", trf("ui.roles.mix_sum", l, {num(sum)}).c_str());
        }

        row("ui.roles.f.tiers");
        for (int i = 0; i < 8; ++i) {
            const std::string t = kTiers[i];
            bool on = std::find(cur.tiers.begin(), cur.tiers.end(), t) != cur.tiers.end();
            if (i % 4) ImGui::SameLine();
            if (ImGui::Checkbox(label(l, ("tiering.seg." + t).c_str(), ("tier_" + t).c_str()).c_str(), &on)) {
                Persona w = cur;
                if (on) w.tiers.push_back(t);
                else w.tiers.erase(std::remove(w.tiers.begin(), w.tiers.end(), t), w.tiers.end());
                submit(e, roles_cmd::update_persona("tiers", w), true);
            }
        }
        // Saved audiences (人群包) the persona serves, beside the segments.
        for (std::size_t i = 0; i < e.ws.audiences.size(); ++i) {
            const Audience& a = e.ws.audiences[i];
            bool on = std::find(cur.tiers.begin(), cur.tiers.end(), a.id) != cur.tiers.end();
            if (i % 4) ImGui::SameLine();
            const std::string text = trf("ui.aud.target", l, {a.name.empty() ? a.id : a.name});
            if (ImGui::Checkbox((text + "###aud_" + a.id).c_str(), &on)) {
                Persona w = cur;
                if (on) w.tiers.push_back(a.id);
                else w.tiers.erase(std::remove(w.tiers.begin(), w.tiers.end(), a.id), w.tiers.end());
                submit(e, roles_cmd::update_persona("tiers", w), true);
            }
            note_widget(e, ("persona.aud." + a.id).c_str());
        }
        std::vector<std::string> other;
        for (const auto& t : cur.tiers)
            if (std::find(std::begin(kTiers), std::end(kTiers), t) == std::end(kTiers) &&
                std::none_of(e.ws.audiences.begin(), e.ws.audiences.end(), [&](const Audience& a) { return a.id == t; }))
                other.push_back(t);
        if (!other.empty()) ImGui::TextDisabled("%s", trf("ui.roles.other_tiers", l, {join(other)}).c_str());
        end_table(e, "tbl.persona_form");
    }
    ImGui::EndGroup();
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace yt::app
