// common.cpp — labels, file buttons and money / thousands formatting of the view contract (view.hpp).
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "views/view.hpp"

namespace yt::app {

std::string label(Lang lang, const char* key, const char* id) { return std::string(tr(key, lang)) + "###" + id; }

const char* file_accept(const std::string& purpose) {
    if (purpose == "workspace" || purpose == "plan") return ".json,application/json";
    if (purpose == "group_stats") return ".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values";
    // .xls too, so that choosing one says what to do with it.
    return ".csv,.tsv,.txt,.xlsx,.xlsm,.xls,text/csv,text/plain,text/tab-separated-values,"
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";
}

bool file_button(const ViewEnv& e, const std::string& text, const std::string& purpose) {
    bool clicked = ImGui::Button((text + "###file:" + purpose).c_str());
    note_widget(e, ("file:" + purpose).c_str());
    if (clicked && e.out) e.out->picks.push_back({purpose, file_accept(purpose)});
    return clicked;
}

std::string thousands(long long v) {
    std::string digits = std::to_string(v < 0 ? -v : v), out;
    int n = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (n && n % 3 == 0) out.insert(out.begin(), ',');
        out.insert(out.begin(), *it);
        ++n;
    }
    return v < 0 ? "-" + out : out;
}

std::string money(double v) {
    double a = std::fabs(v);
    long long whole = static_cast<long long>(a);
    int cents = static_cast<int>(std::lround((a - static_cast<double>(whole)) * 100));
    if (cents == 100) { ++whole; cents = 0; }
    char c[8];
    std::snprintf(c, sizeof c, ".%02d", cents);
    return std::string(v < 0 ? "-¥" : "¥") + thousands(whole) + c;
}

}  // namespace yt::app
