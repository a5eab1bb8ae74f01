// app.cpp — startup, the frame's layout (toolbar, banner, tabs), autosave and the test hook.
#include "app/app.hpp"

#include <imgui.h>

#include <fstream>
#include <sstream>

#include "core/edit/command_json.hpp"
#include "core/io/importer.hpp"
#include "core/model/demo.hpp"
#include "core/persist/persist.hpp"

namespace yt::app {

const char* tab_id(Tab t) {
    static const char* ids[] = {"dashboard", "tiers", "personas", "calendar", "roi", "settings"};
    int i = static_cast<int>(t);
    return i >= 0 && i < static_cast<int>(Tab::Count) ? ids[i] : "";
}

App::App(Platform& p) : p_(p) {}

namespace {
std::string json_string(const std::string& s) {
    std::string o = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') { o += '\\'; o += static_cast<char>(c); }
        else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); o += b; }
        else o += static_cast<char>(c);
    }
    return o + "\"";
}
}  // namespace

void App::start() {
    LoadOutcome got = autosave_.load();
    if (got.storage_error) {
        banner_ = trf("storage.unavailable", Lang::Zh, {describe(*got.storage_error, Lang::Zh)});
    }
    if (got.workspace) {
        ws_ = std::move(*got.workspace);
    } else {
        ws_ = demo_workspace(kDemoToday);
    }
    Lang l = lang();
    if (got.newer_version) banner_ = tr("storage.blocked_newer", l);
    else if (got.workspace && !got.problems.empty())
        banner_ = trf("storage.recovered", l, {std::to_string(got.slot + 1), describe(got.problems.front().error, l)});
    else if (!got.problems.empty())
        banner_ = describe(got.problems.front().error, l);
    if (got.storage_error) banner_ = trf("storage.unavailable", l, {describe(*got.storage_error, l)});
    history_.reset();
    saved_version_ = got.workspace ? history_.version() : 0;  // a fresh demo is saved on the first frame

    // The demo's customers: the bundled order export, imported like any user file.
    std::ifstream f(p_.asset_path("demo/orders.csv"), std::ios::binary);
    if (f) {
        std::stringstream ss;
        ss << f.rdbuf();
        ImportOptions opts;
        opts.file_name = "orders.csv";
        auto r = import_orders(ss.str(), opts);
        if (r) derived_.orders = std::move(r->orders);
        else derived_.orders_error = describe(r.error(), l);
    }
    summarise_orders(derived_);
    refresh_derived(ws_, derived_, history_.version());
}

void App::after_change() {
    if (derived_.version != history_.version()) refresh_derived(ws_, derived_, history_.version());
    if (saved_version_ == history_.version() || autosave_.blocked()) return;
    Status st = autosave_.save(ws_);
    saved_version_ = history_.version();
    if (!st) {
        banner_ = trf("storage.failed", lang(), {describe(st.error(), lang())});
        banner_is_save_failure_ = true;
    } else if (banner_is_save_failure_) {
        banner_.clear();
        banner_is_save_failure_ = false;
    }
}

std::string App::dispatch(const std::string& command_json) {
    auto cmd = command_from_json(command_json, ws_);
    if (!cmd) return describe(cmd.error(), lang());
    history_.seal();
    Status st = history_.submit(std::move(cmd.value()));
    history_.seal();
    if (!st) return describe(st.error(), lang());
    after_change();
    return "";
}

std::string App::state_json() const {
    std::string ws = save_workspace_json(ws_);
    while (!ws.empty() && (ws.back() == '\n')) ws.pop_back();
    std::ostringstream o;
    o << "{\"workspace\":" << ws << ",\"frame\":" << frames_ << ",\"tab\":\"" << tab_id(tab_) << "\""
      << ",\"language\":\"" << lang_code(lang()) << "\",\"version\":" << history_.version()
      << ",\"saved_seq\":" << autosave_.seq() << ",\"can_undo\":" << (history_.can_undo() ? "true" : "false")
      << ",\"can_redo\":" << (history_.can_redo() ? "true" : "false")
      << ",\"customers\":" << (derived_.orders ? derived_.orders->customers() : 0)
      << ",\"banner\":" << json_string(banner_) << ",\"widgets\":{";
    bool first = true;
    for (const auto& [name, r] : widgets_) {
        o << (first ? "" : ",") << json_string(name) << ":[" << r[0] << "," << r[1] << "," << r[2] << "," << r[3] << "]";
        first = false;
    }
    o << "}}";
    return o.str();
}

void App::draw_toolbar() {
    Lang l = lang();
    ImGui::TextUnformatted(T(l, "app.title"));
    ImGui::SameLine();
    ImGui::TextDisabled("|  %s", ws_.name.c_str());
    ImGui::SameLine(ImGui::GetWindowWidth() - 330.0f);
    ImGui::BeginDisabled(!history_.can_undo());
    if (ImGui::Button(label(l, "ui.undo", "undo").c_str())) history_.undo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!history_.can_redo());
    if (ImGui::Button(label(l, "ui.redo", "redo").c_str())) history_.redo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    bool switch_lang = ImGui::SmallButton(l == Lang::Zh ? "EN###langswitch" : "中文###langswitch");
    {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        widgets_["langswitch"] = {a.x, a.y, b.x - a.x, b.y - a.y};
    }
    if (switch_lang)
        dispatch(l == Lang::Zh ? R"({"type":"set_language","value":"en"})" : R"({"type":"set_language","value":"zh"})");
    ImGui::SameLine();
    if (autosave_.seq() > 0) ImGui::TextDisabled("%s", trf("ui.saved", l, {std::to_string(autosave_.seq())}).c_str());
    else ImGui::TextDisabled("%s", T(l, "ui.not_saved"));
    if (!banner_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.1f, 1));
        ImGui::TextWrapped("%s", banner_.c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton("x###banner_close")) banner_.clear();
    }
}

void App::draw() {
    ImGuiIO& io = ImGui::GetIO();
    widgets_.clear();
    // Undo / redo shortcuts (text fields keep their own undo while active).
    if (!io.WantTextInput && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift) history_.redo(); else history_.undo();
    }
    if (!io.WantTextInput && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false))
        history_.redo();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("###main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    draw_toolbar();
    ImGui::Separator();
    Lang l = lang();
    ViewEnv env{ws_, derived_, history_, l, widgets_};
    if (ImGui::BeginTabBar("###tabs")) {
        for (int i = 0; i < static_cast<int>(Tab::Count); ++i) {
            Tab t = static_cast<Tab>(i);
            std::string key = std::string("tab.") + tab_id(t);
            ImGuiTabItemFlags flags = (tab_requested_ && tab_ == t) ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(label(l, key.c_str(), tab_id(t)).c_str(), nullptr, flags)) {
                if (!tab_requested_) tab_ = t;
                ImGui::BeginChild("###tabbody");
                switch (t) {
                    case Tab::Dashboard: dashboard_.draw(env); break;
                    case Tab::Tiers: tiers_.draw(env); break;
                    case Tab::Personas: personas_.draw(env); break;
                    case Tab::Calendar: calendar_.draw(env); break;
                    case Tab::Roi: roi_.draw(env); break;
                    case Tab::Settings: settings_.draw(env, history_.version()); break;
                    default: break;
                }
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
        }
        tab_requested_ = false;
        ImGui::EndTabBar();
    }
    // Files a view asked to save (exports) go to the platform: a download in the browser.
    if (auto f = personas_.take_download()) {
        Status st = p_.download(f->filename, f->mime, f->data);
        if (!st) banner_ = describe(st.error(), l);
    }
    ImGui::End();
    after_change();
}

}  // namespace yt::app
