// app.hpp — the app: one Workspace, its History, autosave, derived figures and the tab views.
//
// The platform layer (wasm/platform) owns the window and the frame loop and calls draw() between
// ImGui::NewFrame() and ImGui::Render(). Tests drive the same class headlessly.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "app/autosave.hpp"
#include "app/derived.hpp"
#include "app/platform.hpp"
#include "core/edit/command.hpp"
#include "core/i18n/i18n.hpp"
#include "views/calendar.hpp"
#include "views/dashboard.hpp"
#include "views/personas.hpp"
#include "views/roi.hpp"
#include "views/settings.hpp"
#include "views/tiers.hpp"

namespace yt::app {

enum class Tab { Dashboard = 0, Tiers, Personas, Calendar, Roi, Settings, Count };
const char* tab_id(Tab t);  // "dashboard", "tiers", ...

class App {
public:
    explicit App(Platform& p);
    // Loads the stored workspace (or the demo) and the demo orders. Call once after ImGui exists.
    void start();
    // Draws one frame of UI (inside NewFrame/Render).
    void draw();
    // Test hook: the workspace and counters as JSON; a command from JSON ("" or the error text).
    std::string state_json() const;
    std::string dispatch(const std::string& command_json);
    void select_tab(Tab t) { tab_ = t; tab_requested_ = true; }
    Tab tab() const { return tab_; }
    Lang lang() const { return parse_lang(ws_.settings.language); }
    const Workspace& workspace() const { return ws_; }
    History& history() { return history_; }
    // Frames actually rendered (the platform layer counts; idle frames are not rendered).
    void count_frame() { ++frames_; }
    std::uint64_t frames() const { return frames_; }
    // True while something needs more frames (pending save, animations).
    bool busy() const { return false; }
    const std::string& banner() const { return banner_; }

private:
    void after_change();
    void draw_toolbar();

    Platform& p_;
    Workspace ws_;
    History history_{ws_};
    Autosave autosave_{p_};
    Derived derived_;
    std::uint64_t saved_version_ = 0;
    std::uint64_t frames_ = 0;
    Tab tab_ = Tab::Dashboard;
    bool tab_requested_ = false;
    std::string banner_;  // storage problems etc., shown until dismissed
    bool banner_is_save_failure_ = false;  // cleared by the next successful save
    WidgetRects widgets_;

    DashboardView dashboard_;
    TiersView tiers_;
    PersonasView personas_;
    CalendarView calendar_;
    RoiView roi_;
    SettingsView settings_;
};

}  // namespace yt::app
