// toolkit.cpp — the toolkit's inputs, combos, sections and texts (see toolkit.hpp).
#include "views/toolkit.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace yt::app::ui {

// [SECTION] inputs ---------------------------------------------------------------------------

namespace {
int resize_cb(ImGuiInputTextCallbackData* d) {
    if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* str = static_cast<std::string*>(d->UserData);
        str->resize(static_cast<size_t>(d->BufTextLen));
        d->Buf = str->data();
    }
    return 0;
}
}  // namespace

bool input_string(const char* label, std::string& s, int flags) {
    return ImGui::InputText(label, s.data(), s.capacity() + 1, ImGuiInputTextFlags_CallbackResize | flags, resize_cb, &s);
}

bool input_text(const char* id, std::string& s, float width) {
    ImGui::SetNextItemWidth(width);
    return input_string(id, s);
}

bool input_multiline(const char* id, std::string& s, float width, float height) {
    return ImGui::InputTextMultiline(id, s.data(), s.capacity() + 1, ImVec2(width, height),
                                     ImGuiInputTextFlags_CallbackResize, resize_cb, &s);
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

void bound_text(const ViewEnv& e, Typing& typing, const std::string& key, const std::string& id, const std::string& name,
                const std::string& current, float width, float height,
                const std::function<void(const std::string&)>& on_change) {
    std::string tmp;
    const bool mine = typing.key == key;
    if (!mine) tmp = current;
    std::string& buf = mine ? typing.buf : tmp;
    const bool changed = height > 0 ? input_multiline(id.c_str(), buf, width, height) : input_text(id.c_str(), buf, width);
    note_widget(e, name.c_str());
    if (ImGui::IsItemActivated()) typing = Typing{key, buf};
    if (changed) on_change(std::string(buf));
    if (ImGui::IsItemDeactivated()) {
        if (typing.key == key) typing.key.clear();
        e.sink.seal();
    }
}

bool section(Lang l, const char* key, const char* id, bool open) {
    if (open) ImGui::SetNextItemOpen(true);
    ImGui::Spacing();
    return ImGui::CollapsingHeader(label(l, key, id).c_str(), ImGuiTreeNodeFlags_DefaultOpen);
}

// [SECTION] texts ----------------------------------------------------------------------------

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

std::string pct(double ratio, int decimals) {
    char b[32];
    std::snprintf(b, sizeof b, "%.*f%%", decimals, ratio * 100);
    return b;
}

std::string fixed(double v, int decimals) {
    if (std::isnan(v)) return "—";
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}

}  // namespace yt::app::ui
