// app.hpp — the app: one Workspace, its History, autosave, derived figures, the imported orders
// (Dataset: import, store, restore) and the tab views.
//
// The platform layer (wasm/platform) owns the window and the frame loop and calls draw() between
// ImGui::NewFrame() and ImGui::Render(). Tests drive the same class headlessly.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>

#include "app/autosave.hpp"
#include "app/dataset.hpp"
#include "app/derived.hpp"
#include "app/platform.hpp"
#include "app/vault.hpp"
#include "core/edit/history.hpp"
#include "core/i18n/i18n.hpp"
#include "views/calendar.hpp"
#include "views/dashboard.hpp"
#include "views/personas.hpp"
#include "views/roi.hpp"
#include "views/protect.hpp"
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
    // Between the backend's NewFrame and ImGui::NewFrame(): input the toolkit adjusts first.
    void before_frame();
    // An import's next step without drawing (only when `step` is set), or the use of a finished
    // import, then the plan's first assess of its orders in three parts (the journeys' triggers,
    // the economics' calibration, the rest), each a call of its own (always); true when it did
    // one. The next drawn frame shows it and does no step of its own.
    bool work_between_frames(bool step = true);
    // Every figure follows the workspace and orders as they are now.
    bool figures_current() const { return derived_.version == history_.version(); }
    void draw();
    // The colour to clear each frame to. The main window draws no background of its own (filling
    // the whole page again cost SwiftShader ~9 ms of a frame's 18-20): the clear shows its colour,
    // as ImGui would have blended it over the former clear colour (0.94 grey).
    static ImVec4 page_colour();
    // Test hook: the workspace and counters as JSON; a command from JSON ("" or the error text).
    std::string state_json() const;
    // The few fields a caller polling for the end of long work needs, without serialising the
    // workspace (state_json takes ~5 ms with a million customers; a poll every 20 ms would be a
    // quarter of the page's time): customers, orders, busy, orders_pending, frame, and the running
    // import's (or restore's) progress (0..1; the rows are read by 0.6, the status choice applied
    // by 0.7, then the model: OrderImport), null when none runs.
    std::string status_json() const;
    // The widgets drawn last frame, by name (the test hook's rectangles).
    const WidgetRects& widgets() const { return widgets_; }
    std::string dispatch(const std::string& command_json);
    void select_tab(Tab t) { tab_ = t; tab_requested_ = true; }
    // F1 (the platform layer maps the key; ImGui 1.86 has no F-keys): the help overlay.
    void toggle_help() { show_help_ = !show_help_; }
    bool help_shown() const { return show_help_; }
    Tab tab() const { return tab_; }
    Lang lang() const { return parse_lang(ws_.settings.language); }
    const Workspace& workspace() const { return ws_; }
    const Dataset& dataset() const { return dataset_; }
    const TiersView& tiers_view() const { return tiers_; }
    const Derived& derived() const { return derived_; }
    History& history() { return history_; }
    // Frames actually rendered (the platform layer counts; idle frames are not rendered).
    void count_frame() { ++frames_; }
    std::uint64_t frames() const { return frames_; }
    // True while something needs more frames (an import running in chunks).
    bool busy() const { return dataset_.busy() || layout_settling_ || first_assess_ != FirstAssess::None; }
    // Storage use as last reported by the platform (Settings shows it).
    const StorageUse& storage_info() const { return storage_info_; }
    // "purpose\taccept" of the file button drawn at (x, y) in the last frame, or "".
    std::string file_button_at(float x, float y) const;
    const std::string& banner() const { return banner_; }
    // Data protection: locked until the passphrase is given; lock() seals the session again.
    bool locked() const { return vault_.locked(); }
    void lock() { if (vault_.on()) lock_requested_ = true; }
    // What Settings and the lock screen ask (set/remove passphrase, unlock, wipe…), handled next frame.
    void request_protect(Outbox::Protect r) { outbox_.protect.push_back(std::move(r)); }
    // The soft keyboard hides the text field being typed in: scroll it up by `dy` next frame.
    void reveal_text_field(float dy) { reveal_dy_ += dy; }

private:
    void after_change();
    void refresh_figures();  // recomputes the Derived figures when the workspace or orders changed
    void draw_toolbar();
    void handle_events();
    void handle_file(const std::string& purpose, const std::string& name, std::string data);
    void open_workspace_file(const std::string& name, const std::string& text);
    void import_scripts_file(const std::string& name, const std::string& data);
    void drain_outbox();
    void draw_help();
    void draw_other_tab_choice();
    void apply_theme();
    void apply_density();
    enum class WorkspaceExport { Full, Masked };
    void offer_workspace_download(WorkspaceExport kind);
    void draw_workspace_export();
    void handle_protect_requests();
    void handle_vault(std::vector<Vault::Outcome>& outcomes);
    void reset_session();

    Platform& p_;
    Workspace ws_;
    History history_{ws_};
    Autosave autosave_{p_};
    Vault vault_{p_, autosave_};
    ProtectStatus protect_;         // vault_.status() plus the last error, for the views
    bool lock_requested_ = false;   // lock once the last change is stored
    Derived derived_;
    Dataset dataset_{p_, vault_, ws_, history_, derived_};  // the orders: import, store, restore
    std::uint64_t saved_version_ = 0;
    std::uint64_t frames_ = 0;
    Tab tab_ = Tab::Dashboard;
    bool tab_requested_ = false;
    std::string banner_;  // storage problems etc., shown until dismissed
    bool banner_is_save_failure_ = false;  // cleared by the next successful save
    WidgetRects widgets_;
    Outbox outbox_;
    StorageUse storage_info_;
    bool other_tab_saved_ = false;  // another tab saved: autosave waits for the user's choice
    bool show_help_ = false;        // the F1 overlay
    Tab storage_tab_seen_ = Tab::Count;  // the tab of the last frame (see App::draw)
    std::string applied_theme_;     // ImGui style currently applied
    int applied_density_ = -1;      // 1: the phone sizes (larger touch targets) are applied
    float reveal_dy_ = 0;           // see reveal_text_field
    bool layout_settling_ = false;  // a table resized itself: draw another frame
    bool worked_ = false;           // the last frame did an import step without drawing
    // After a finished import is used: the parts of the plan's first assess of its orders still to
    // run between frames (each reads every customer; together one long task in the browser).
    // The Tiers tab's customer list is ordered for the new figures last (a million ids: ~11 ms in
    // the browser), so the first frame drawn with them does not.
    enum class FirstAssess { None, Journeys, Calibration, Rest, List };
    void first_assess_part();
    FirstAssess first_assess_ = FirstAssess::None;
    // Customers a part for the journeys' trigger count and the calibration (each ~10-15 ms in wasm).
    static constexpr std::size_t kCustomersPart = 250000;
    int settle_frames_ = 0;         // frames in a row in which the layout changed
    static constexpr int kSettleFrames = 6;  // at most this many extra frames for one change
    DashboardView dashboard_;
    TiersView tiers_;
    PersonasView personas_;
    CalendarView calendar_;
    RoiView roi_;
    SettingsView settings_;
    LockView lock_view_;
};

}  // namespace yt::app
