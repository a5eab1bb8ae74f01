// roi.hpp — the 漏斗 ROI tab: scenarios and their assumptions (sliders, live results), the funnel
// and the monthly pool / cash charts, scenario comparison, sensitivity, product fit, the channel
// matrix and the channel-risk panel.
//
// Every change is an Edit: slider drags on the active scenario send one edit of its assumptions
// per change, which History merges into one undo step until the slider is released (seal()).
// Figures come from EconomicsFigures (wasm/app/derived_economics.*), refreshed after every edit.
//
// Published widgets (see note_widget): roi_scenario (the combo), roi_scenario_item_<i> (its
// entries while open), roi_add, roi_dup, roi_del, roi_rename, roi_title, the assumption sliders
// roi_aov, roi_margin, roi_first_purchase, roi_repeat, roi_churn, roi_join_group, roi_public_cac,
// roi_operators, roi_perks, roi_visitors_<i>, roi_cpv_<i>, roi_add_friend_<i>, and
// roi_prod_<field> for the product profile.
#pragma once
#include <string>

#include "views/view.hpp"

namespace yt::app {

struct RoiView {
    void draw(const ViewEnv& e);

    // View state only.
    std::string name_buf;         // scenario name being typed
    bool renaming = false;        // the name field was active last frame
    std::string error;            // the last rejected command, shown until the next edit
    bool seal_pending = false;    // a slider was released this frame: seal after its last submit

private:
    void draw_scenario_bar(const ViewEnv& e);
    void draw_assumptions(const ViewEnv& e);
    void draw_calibration(const ViewEnv& e, const Scenario& sc);
    void draw_results(const ViewEnv& e);
    void draw_comparison(const ViewEnv& e);
    void draw_sensitivity(const ViewEnv& e);
    void draw_product(const ViewEnv& e);
    void draw_channels(const ViewEnv& e);
    void draw_risk(const ViewEnv& e);
    // Submits a command; a refusal is kept in `error` for display.
    void send(const ViewEnv& e, Edit cmd);
    // One labelled slider row in a two-column table; returns true when the value changed.
    bool slider(const ViewEnv& e, const char* key, const char* id, double& v, double lo, double hi, const char* fmt,
                bool log = false, const char* widget = nullptr);
    bool percent(const ViewEnv& e, const char* key, const char* id, double& rate, double hi_percent = 100,
                 const char* widget = nullptr, bool log = false);
};

}  // namespace yt::app
