// tiers_parts.hpp — the panels of the Tiers tab (each in its own tiers_*.cpp) and small helpers
// they share (the generic ones are in toolkit.hpp). Internal to the view.
#pragma once
#include <imgui.h>

#include <functional>
#include <string>

#include "views/tiers.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

inline const ImVec4 kTiersBad{0.85f, 0.2f, 0.1f, 1.0f};
inline const ImVec4 kTiersWarn{0.8f, 0.5f, 0.05f, 1.0f};

void tiers_draw_dataset_line(const ViewEnv& e);                 // tiers_segments.cpp
void tiers_draw_import(Dataset& ds, const ViewEnv& e);           // tiers_import.cpp
void tiers_draw_summary_offer(Dataset& ds, const ViewEnv& e);    // tiers_summary.cpp
void tiers_draw_summary_running(const Dataset& ds, const ViewEnv& e);
void tiers_draw_summary_result(Dataset& ds, const ViewEnv& e);
void tiers_draw_export_bar(TiersView& v, const ViewEnv& e);     // tiers_export.cpp
void tiers_draw_segments(TiersView& v, const ViewEnv& e);       // tiers_segments.cpp
void tiers_draw_charts(const ViewEnv& e);                       // tiers_segments.cpp
void tiers_draw_settings(TiersView& v, const ViewEnv& e);       // tiers_settings.cpp
void tiers_draw_clv(const ViewEnv& e);                          // tiers_clv.cpp
// tiers_clv.cpp: 导出每位客户的 CLV（CSV）, downloading "clv-<stem>-masked.csv" (or -unmasked, as the
// workspace's setting says) made by `csv` when clicked and `ready`.
void tiers_clv_download_button(const ViewEnv& e, const char* id, const char* widget, const char* stem, bool ready,
                               const std::function<std::string(bool mask)>& csv);
void tiers_draw_fits(const ViewEnv& e, const ClvResult& r, const std::string& widget);  // tiers_clv.cpp
void tiers_draw_profile(const TiersView& v, const ViewEnv& e);  // tiers_profile.cpp
void tiers_draw_customers(TiersView& v, const ViewEnv& e);      // tiers_customers.cpp
void tiers_draw_statuses(TiersView& v, const ViewEnv& e);       // tiers_statuses.cpp
void tiers_draw_audiences(TiersView& v, const ViewEnv& e);      // tiers_audiences.cpp
// One checkbox per order-status class (widgets "<prefix><class>"); on_change gets the new choice.
void tiers_status_checkboxes(const ViewEnv& e, const StatusPolicy& policy, const std::string& widget_prefix,
                             const std::function<void(const StatusPolicy&)>& on_change);
// What the import left out and why, and the mapping warnings (widgets "tiers.notice.<n>").
void tiers_draw_notices(const ViewEnv& e, const ImportReport& r);

// "12.3%" of part / whole (0 when whole is 0).
std::string tiers_pct(double part, double whole);
// The segment's name in the UI language and, beside it, the common RFM name (in English by
// default: the tier export's tag column keeps the names SCRM tools know).
std::string tiers_segment_name(int s, Lang l);
std::string tiers_segment_rfm(int s, Lang l = Lang::En);
// A score's real range ("1 单", "3–4 单", "0–27 天", "¥120–300"; ties merge quantiles) with the unit
// key's wording, and every score of one dimension ('r', 'f', 'm') one per line ("F1  1 单").
std::string tiers_range_label(const ScoreRange& r, const char* unit_key, Lang l);
std::string tiers_score_ranges(const RfmScores& rfm, char dim, Lang l);
std::string tiers_stage_name(int s, Lang l);

}  // namespace yt::app
