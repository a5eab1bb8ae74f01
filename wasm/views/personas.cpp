// personas.cpp — 角色: the tab's layout, selection, the findings panel and shared drawing helpers.
//
// [SECTIONS] helpers · selection and edits · layout · findings
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/roles/scripts_csv.hpp"
#include "views/personas.hpp"

namespace yt::app {

// ---- helpers ----------------------------------------------------------------------------------

namespace roles_ui {

namespace {
int resize_cb(ImGuiInputTextCallbackData* d) {
    if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* str = static_cast<std::string*>(d->UserData);
        str->resize(static_cast<size_t>(d->BufTextLen));
        d->Buf = str->data();
    }
    return 0;
}
ImU32 rgba(float r, float g, float b, float a = 1) { return ImGui::GetColorU32(ImVec4(r, g, b, a)); }
}  // namespace

bool input_text(const char* id, std::string& s, float width) {
    ImGui::SetNextItemWidth(width);
    return input_string(id, s);
}

bool input_multiline(const char* id, std::string& s, float width, float height) {
    return ImGui::InputTextMultiline(id, s.data(), s.capacity() + 1, ImVec2(width, height),
                                     ImGuiInputTextFlags_CallbackResize, resize_cb, &s);
}

int fill_level(double ratio, double near) {
    if (ratio < 0 || !std::isfinite(ratio)) return -1;
    if (ratio > 1.0 + 1e-9) return 3;
    if (ratio >= 1.0 - 1e-9) return 2;
    if (ratio >= near) return 1;
    return 0;
}

const char* level_key(int level) {
    switch (level) {
        case 0: return "ui.roles.level.ok";
        case 1: return "ui.roles.level.near";
        case 2: return "ui.roles.level.full";
        case 3: return "ui.roles.level.over";
        default: return "ui.roles.level.unknown";
    }
}

bool fill_bar(double ratio, double near, const std::string& text, float width, Lang l, bool status, bool* cut) {
    const int level = fill_level(ratio, near);
    const float bar_w = std::max(40.0f, width);
    const float h = ImGui::GetFrameHeight();
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(bar_w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
    if (level >= 0) {
        const float f = static_cast<float>(std::min(1.0, std::max(0.0, ratio)));
        ImU32 c = level == 0 ? rgba(0.30f, 0.70f, 0.35f, 0.75f) : level == 1 ? rgba(0.95f, 0.65f, 0.10f, 0.80f)
                                                                          : rgba(0.88f, 0.25f, 0.20f, 0.80f);
        if (f > 0) dl->AddRectFilled(p, ImVec2(p.x + bar_w * f, p.y + h), c, 3.0f);
        if (level == 3) {  // over the cap: a hatched end so "over" differs from "full" without colour
            for (float x = p.x + bar_w - 18; x < p.x + bar_w - 2; x += 5)
                dl->AddLine(ImVec2(x, p.y + h - 2), ImVec2(x + 4, p.y + 2), rgba(1, 1, 1, 0.9f), 1.5f);
        }
    }
    dl->AddRect(p, ImVec2(p.x + bar_w, p.y + h), ImGui::GetColorU32(ImGuiCol_Border), 3.0f);
    // The level's word at the right end (inside the bar), the figures at the left, clipped before it.
    float right = p.x + bar_w - 5;
    if (status) {
        const char* word = T(l, level_key(level));
        const ImVec2 ws = ImGui::CalcTextSize(word);
        const float x = p.x + bar_w - (level == 3 ? 22 : 5) - ws.x;
        const ImU32 col = level >= 2 ? rgba(0.6f, 0.05f, 0.0f) : ImGui::GetColorU32(ImGuiCol_Text);
        dl->AddText(ImVec2(x, p.y + (h - ws.y) * 0.5f), col, word);
        right = x - 6;
    }
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    if (cut) *cut = p.x + 5 + ts.x > right + 0.5f;
    dl->PushClipRect(p, ImVec2(std::max(p.x, right), p.y + h), true);
    dl->AddText(ImVec2(p.x + 5, p.y + (h - ts.y) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
    dl->PopClipRect();
    return hovered;
}

namespace {
// The code point at s[i] and its length in bytes (invalid bytes count as one character).
unsigned decode(const std::string& s, std::size_t i, std::size_t& n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return n = 1, c;
    n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + n > s.size() || n == 1) return n = 1, c;
    unsigned cp = c & (0x3f >> (n - 1));
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    return cp;
}
bool is_wide(unsigned cp) { return cp >= 0x2e80; }
// Characters a line should not start with (closing punctuation), kept with the one before.
bool no_break_before(unsigned cp) {
    switch (cp) {
        case 0xff0c: case 0x3002: case 0x3001: case 0xff1b: case 0xff1a: case 0xff1f: case 0xff01: case 0xff09:
        case 0x201d: case 0x2019: case 0x300b: case 0x3011: case ',': case '.': case ';': case ':': case ')': case '!':
        case '?':
            return true;
        default: return false;
    }
}
}  // namespace

std::vector<std::string> wrap_lines(const std::string& text, float width) {
    std::vector<std::string> out;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::size_t start = 0, brk = std::string::npos;  // line start; last break opportunity (byte index)
    float w = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        const unsigned cp = decode(text, i, n);
        if (cp == '\n') {
            out.push_back(text.substr(start, i - start));
            start = i + 1;
            brk = std::string::npos;
            w = 0;
            i += 1;
            continue;
        }
        if ((is_wide(cp) && !no_break_before(cp)) && i > start) brk = i;  // may break before a wide character
        const float adv = font->GetCharAdvance(static_cast<ImWchar>(cp <= 0xffff ? cp : '?')) * scale;
        if (w + adv > width && i > start) {
            std::size_t cut = cp == ' ' ? i : (brk != std::string::npos && brk > start ? brk : i);
            out.push_back(text.substr(start, cut - start));
            start = cut;
            while (start < text.size() && text[start] == ' ') ++start;
            brk = std::string::npos;
            w = ImGui::CalcTextSize(text.c_str() + start, text.c_str() + std::max(start, i)).x;
            if (start > i) {  // skipped the space that overflowed
                i = start;
                continue;
            }
        }
        w += adv;
        i += n;
        if (cp == ' ' || (is_wide(cp) && i < text.size())) {
            std::size_t m = 1;
            const unsigned next = decode(text, i, m);
            if (!no_break_before(next)) brk = i;  // may break after a space or a wide character
        }
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

void text_wrapped(const std::string& text, bool disabled) {
    const float width = std::max(20.0f, ImGui::GetContentRegionAvail().x);
    ImGui::BeginGroup();
    for (const std::string& line : wrap_lines(text, width)) {
        if (disabled) ImGui::TextDisabled("%s", line.c_str());
        else ImGui::TextUnformatted(line.c_str());
    }
    ImGui::EndGroup();
}

void severity_icon(int severity, float x, float y, float s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(x + s * 0.5f, y + s * 0.5f);
    const ImU32 white = rgba(1, 1, 1);
    if (severity == 2) {  // error: red disc with a white cross
        dl->AddCircleFilled(c, s * 0.5f, rgba(0.85f, 0.2f, 0.15f), 16);
        const float k = s * 0.2f;
        dl->AddLine(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), white, 2.0f);
        dl->AddLine(ImVec2(c.x - k, c.y + k), ImVec2(c.x + k, c.y - k), white, 2.0f);
    } else if (severity == 1) {  // warning: amber triangle with a dark "!"
        dl->AddTriangleFilled(ImVec2(c.x, y), ImVec2(x + s, y + s), ImVec2(x, y + s), rgba(0.95f, 0.65f, 0.1f));
        const ImU32 ink = rgba(0.2f, 0.15f, 0.0f);
        dl->AddLine(ImVec2(c.x, y + s * 0.35f), ImVec2(c.x, y + s * 0.7f), ink, 2.0f);
        dl->AddCircleFilled(ImVec2(c.x, y + s * 0.84f), 1.3f, ink);
    } else {  // info: blue disc with a white "i"
        dl->AddCircleFilled(c, s * 0.5f, rgba(0.25f, 0.5f, 0.85f), 16);
        dl->AddCircleFilled(ImVec2(c.x, y + s * 0.28f), 1.4f, white);
        dl->AddLine(ImVec2(c.x, y + s * 0.42f), ImVec2(c.x, y + s * 0.78f), white, 2.0f);
    }
}

void severity_text(int severity, const std::string& text) {
    const float s = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    severity_icon(severity, at.x, at.y, s);
    ImGui::Dummy(ImVec2(s, s));
    ImGui::SameLine();
    text_wrapped(text);
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::size_t a = cur.find_first_not_of(" \t"), b = cur.find_last_not_of(" \t");
        if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ',' || s[i] == ';' || s[i] == '\n') {
            flush();
            ++i;
        } else if (s.compare(i, 3, "，") == 0 || s.compare(i, 3, "、") == 0 || s.compare(i, 3, "；") == 0) {
            flush();
            i += 3;
        } else {
            cur += s[i++];
        }
    }
    flush();
    return out;
}

std::string num(double v) {
    if (!std::isfinite(v)) return "—";
    if (std::fabs(v) < 100 && std::fabs(v - std::round(v)) >= 0.05) {
        char b[32];
        std::snprintf(b, sizeof b, "%.1f", v);
        return b;
    }
    return thousands(static_cast<long long>(std::llround(v)));
}

std::string pct(double ratio) {
    char b[32];
    std::snprintf(b, sizeof b, "%.0f%%", ratio * 100);
    return b;
}

std::string subject_name(const Workspace& ws, const std::string& kind, const std::string& id) {
    auto pick = [&id](const auto& list) -> std::string {
        for (const auto& x : list)
            if (x.id == id) return x.name.empty() ? x.id : x.name;
        return id;
    };
    const RolesPlan& r = ws.roles;
    if (kind == "persona") return pick(r.personas);
    if (kind == "account") return pick(r.accounts);
    if (kind == "group") return pick(r.groups);
    if (kind == "operator") return pick(r.operators);
    if (kind == "koc") return pick(r.kocs);
    if (kind == "tier") {
        std::string k = "tiering.seg." + id;
        return has_tr(k) ? tr(k, parse_lang(ws.settings.language)) : id;
    }
    return id;
}

bool key_combo(const ViewEnv& e, const std::string& name, const std::vector<std::string>& keys, const std::string& current,
               const std::function<std::string(const std::string&)>& name_of, const char* empty_key, const char* empty_tag,
               std::string& out, float min_width) {
    const std::string preview = current.empty() && empty_key ? std::string(T(e.lang, empty_key)) : name_of(current);
    bool changed = false;
    if (begin_combo(e, name.c_str(), ("###" + name).c_str(), preview, min_width)) {
        std::vector<std::string> opts;
        if (empty_key) opts.push_back("");
        opts.insert(opts.end(), keys.begin(), keys.end());
        for (const std::string& k : opts) {
            const std::string shown = k.empty() ? std::string(T(e.lang, empty_key)) : name_of(k);
            if (ImGui::Selectable((shown + "###" + k).c_str(), k == current) && k != current) {
                out = k;
                changed = true;
            }
            note_widget(e, (name + ".opt." + (k.empty() ? std::string(empty_tag) : k)).c_str());
        }
        ImGui::EndCombo();
    }
    return changed;
}

bool section(PersonasView& v, Lang l, const char* key, const char* id) {
    if (v.open_now == id) ImGui::SetNextItemOpen(true);
    ImGui::Spacing();
    return ImGui::CollapsingHeader(label(l, key, id).c_str(), ImGuiTreeNodeFlags_DefaultOpen);
}

}  // namespace roles_ui

using namespace roles_ui;

// ---- selection and edits ----------------------------------------------------------------------

void PersonasView::text_field(const ViewEnv& e, const std::string& id, const std::string& current, float width,
                              const std::function<void(const std::string&)>& on_change, float height) {
    // While the field is active its text lives in edit_buf (ImGui copies its own buffer back
    // whenever it differs from ours, so a normalised copy, e.g. a re-joined list, would look like
    // an edit every frame); otherwise it shows the workspace's value.
    std::string tmp;
    const bool mine = edit_key == id;
    if (!mine) tmp = current;
    std::string& buf = mine ? edit_buf : tmp;
    const std::string lbl = "##" + id;
    const bool changed = height > 0 ? input_multiline(lbl.c_str(), buf, width, height) : input_text(lbl.c_str(), buf, width);
    note_widget(e, ("field." + id).c_str());
    if (ImGui::IsItemActivated()) {
        edit_key = id;
        edit_buf = buf;
    }
    if (changed) on_change(std::string(buf));
    if (ImGui::IsItemDeactivated()) {
        if (edit_key == id) edit_key.clear();
        e.sink.seal();
    }
}

void PersonasView::select(const std::string& kind, const std::string& id, bool scroll) {
    sel_kind = kind;
    sel_id = id;
    scroll_pending = scroll;
    if (kind == "persona" || kind == "tier") open_section = "personas";
    else if (kind == "account") open_section = "accounts";
    else if (kind == "group") open_section = "groups";
    else if (kind == "koc") open_section = "kocs";
    else if (kind == "operator") open_section = "operators";
    else open_section.clear();
}

void PersonasView::open_script(const std::string& id) {
    script_open = id;
    script_query.clear();
    script_persona.clear();
    script_category.clear();
    open_section = "scripts";
    sel_kind = "script";
    sel_id = id;
    scroll_pending = true;
}

void PersonasView::open_journey(const std::string& id) {
    journey_open = id;
    open_section = "journeys";
    sel_kind = "sop";
    sel_id = id;
    scroll_pending = true;
}

std::optional<PendingDownload> PersonasView::take_download() {
    std::optional<PendingDownload> d = std::move(download);
    download.reset();
    return d;
}

PendingDownload scripts_download(const Workspace& ws, Day today, const std::string& persona) {
    return PendingDownload{"scripts-" + format_day(today) + ".csv", "text/csv;charset=utf-8", export_scripts_csv(ws.roles, persona), ""};
}

std::string script_import_persona(const PersonasView& v, const Workspace& ws) {
    for (const Persona& p : ws.roles.personas)
        if (p.id == v.script_persona) return p.id;
    return ws.roles.personas.empty() ? "" : ws.roles.personas.front().id;
}

bool PersonasView::submit(const ViewEnv& e, Edit c, bool discrete) {
    if (discrete) e.sink.seal();
    Status st = e.sink.submit(std::move(c));
    if (discrete) e.sink.seal();
    if (!st) error = describe(st.error(), e.lang);
    else error.clear();
    return st.ok();
}

void PersonasView::mark_selected_row(const ViewEnv& e, const std::string& kind, const std::string& id) {
    if (!selected(kind, id)) return;
    std::string name = "sel." + kind + "." + id;
    note_widget(e, name.c_str());
    if (scroll_now) {
        ImGui::SetScrollFromPosY(ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y, 0.25f);
        scroll_now = false;
    }
}

bool PersonasView::delete_button(const ViewEnv& e, const std::string& kind, const std::string& id,
                                 const char* label_key) {
    const std::string key = kind + ":" + id;
    const bool armed = delete_armed == key;
    const std::string text = armed ? T(e.lang, "ui.roles.confirm_delete") : label_key ? T(e.lang, label_key) : "×";
    if (armed) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.85f, 0.25f, 0.2f, 1));
    const bool clicked = ImGui::SmallButton((text + "###del_" + key).c_str());
    if (armed) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(e.lang, armed ? "ui.roles.confirm_tip" : "ui.roles.delete_tip"));
    if (!clicked) return false;
    if (armed) {
        delete_armed.clear();
        return true;
    }
    delete_armed = key;
    return false;
}

// ---- layout -----------------------------------------------------------------------------------

void PersonasView::draw(const ViewEnv& e) {
    const Lang l = e.lang;
    const RoleFigures& d = e.d.roles;
    scroll_now = scroll_pending;
    scroll_pending = false;
    open_now = open_section;
    open_section.clear();

    const RolesPlan& r = e.ws.roles;
    long long friends = 0;
    for (const auto& a : r.accounts) friends += a.friends;
    ImGui::TextUnformatted(trf("ui.roles.summary", l,
                               {std::to_string(r.personas.size()), std::to_string(r.accounts.size()), thousands(friends),
                                std::to_string(r.groups.size()), std::to_string(r.kocs.size()),
                                std::to_string(r.operators.size())})
                               .c_str());
    const std::string as_of = trf("ui.roles.as_of", l, {format_day(d.today), std::to_string(d.horizon),
                                                          T(l, ("plan.today." + d.today_source).c_str())});
    flow_line(ImGui::CalcTextSize(as_of.c_str()).x);
    ImGui::TextDisabled("%s", as_of.c_str());
    if (!error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.1f, 1));
        text_wrapped(trf("ui.roles.refused", l, {error}));
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton("x###roles_error_close")) error.clear();
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float findings_w = std::clamp(avail.x * 0.27f, 260.0f, 380.0f);
    begin_pane("###roles_main", avail.x - findings_w - ImGui::GetStyle().ItemSpacing.x);
    draw_personas(e);
    draw_accounts(e);
    draw_owners(e);
    draw_groups(e);
    draw_kocs(e);
    draw_group_health(e);
    draw_operators(e);
    draw_scripts(e);
    draw_journeys(e);
    ImGui::Dummy(ImVec2(1, 40));  // room to scroll the last row away from the edge
    end_pane();
    pane_beside();
    begin_pane("###roles_findings", 0, true);
    draw_findings(e);
    end_pane();
}

// ---- findings ---------------------------------------------------------------------------------

void PersonasView::draw_findings(const ViewEnv& e) {
    const Lang l = e.lang;
    const RoleFigures& d = e.d.roles;
    ImGui::TextUnformatted(T(l, "ui.roles.findings"));
    ImGui::TextDisabled("%s", trf("rules.cli.summary", l, {std::to_string(d.errors), std::to_string(d.warnings),
                                                            std::to_string(d.infos)})
                                  .c_str());
    ImGui::Separator();
    if (d.findings.empty()) {
        text_wrapped(T(l, "rules.cli.none"));
        return;
    }
    const float icon = ImGui::GetTextLineHeight();
    const float pad = 4.0f;
    const float wrap = std::max(60.0f, ImGui::GetContentRegionAvail().x - 2 * pad);
    for (std::size_t i = 0; i < d.findings.size(); ++i) {
        const Finding& f = d.findings[i];
        const std::string sev = std::string(T(l, (std::string("rules.severity.") + severity_name(f.severity)).c_str()));
        const std::string kind = std::string(T(l, ("rules.kind." + f.subject_kind).c_str()));
        const std::string head = sev + "  ·  " + kind + " " + subject_name(e.ws, f.subject_kind, f.subject);
        const std::string msg = finding_message(f, l);
        const std::string fix = trf("rules.cli.fix", l, {finding_fix(f, l)});
        const std::vector<std::string> msg_lines = wrap_lines(msg, wrap), fix_lines = wrap_lines(fix, wrap);
        const float line = ImGui::GetTextLineHeight();
        const float h = icon + 2 + line * static_cast<float>(msg_lines.size() + fix_lines.size()) + 2 + 2 * pad;
        ImGui::PushID(static_cast<int>(i));
        const bool is_sel = selected(f.subject_kind, f.subject);
        if (ImGui::Selectable("##finding", is_sel, 0, ImVec2(0, h))) select(f.subject_kind, f.subject, true);
        if (ImGui::IsItemVisible()) note_widget(e, ("finding." + std::to_string(i)).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(l, "ui.roles.finding_tip"));
        ImVec2 p = ImGui::GetItemRectMin();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        severity_icon(static_cast<int>(f.severity), p.x + pad, p.y + pad, icon);
        const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        dl->AddText(ImVec2(p.x + pad + icon + 6, p.y + pad), text, head.c_str());
        float y = p.y + pad + icon + 2;
        for (const auto& s : msg_lines) {
            dl->AddText(ImVec2(p.x + pad, y), text, s.c_str());
            y += line;
        }
        y += 2;
        for (const auto& s : fix_lines) {
            dl->AddText(ImVec2(p.x + pad, y), dim, s.c_str());
            y += line;
        }
        ImGui::PopID();
        ImGui::Separator();
    }
}

}  // namespace yt::app
