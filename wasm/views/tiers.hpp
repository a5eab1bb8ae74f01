// tiers.hpp — the 用户分层 Tiers tab: its view state and draw().
//
// The import of order files (the dialog: preview, detected encoding and mapping, editable; the
// chunked import's progress; the restore after a reload) is drawn here from the App's Dataset
// (app/dataset.hpp, passed in ViewEnv::dataset), which holds its state and does its steps.
//
// The tab: segment table (8 segments, customers, share, revenue, CLV), bar chart, R×F heatmap,
// lifecycle stages, tiering settings (edits of section "tiering"), the CLV panel with fit diagnostics
// and the predicted-vs-actual repeat purchase check, the four-dimension profile, a virtualised
// customer list (search, sort, masked personal data) and the CSV export of tier lists for SCRM
// tag import.
// Files: tiers.cpp (layout), tiers_import.cpp (the import dialog), tiers_segments.cpp
// (segments, charts), tiers_settings.cpp, tiers_customers.cpp (list), tiers_clv.cpp,
// tiers_profile.cpp (four-dimension profile), tiers_export.cpp, tiers_audiences.cpp (人群包: saved
// audiences, their live counts, editor and SCRM tag export).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/io/importer.hpp"
#include "views/view.hpp"

namespace yt::app {

// Customer list columns (ids kept stable for the sort spec).
enum class CustomerColumn {
    Id = 0, Name, Phone, Segment, Stage, R, F, M, Orders, Revenue, Last, PAlive, Clv, Count
};

struct TiersView {
    void draw(const ViewEnv& e);

    // ---- actions behind the widgets (tests call them directly too) ----
    // The list's row order for the current search / sort / segment filter (rebuilt only when one
    // of those or the data changed).
    const std::vector<std::uint32_t>& list_rows(const ViewEnv& e);
    void set_sort(CustomerColumn column, bool ascending);
    // The texts of one customer row as drawn (personal data masked when the setting is on).
    std::array<std::string, static_cast<std::size_t>(CustomerColumn::Count)> row_texts(const ViewEnv& e,
                                                                                        std::uint32_t c) const;
    // The tier list CSV (UTF-8 with BOM): all customers with a segment, or one segment (0..7);
    // `mask`: ids, names and phones masked alike (for sharing), else in full (for SCRM tagging).
    std::string export_csv(const ViewEnv& e, int segment, bool mask) const;
    // "tiers-<segment|all>-masked.csv" / "…-unmasked.csv": the file says which it is.
    std::string export_file_name(int segment, bool mask) const;
    // The masking chosen in the export bar (the workspace's setting until the user picks).
    bool export_masked(const ViewEnv& e) const { return export_mask < 0 ? e.ws.settings.mask_personal : export_mask == 1; }

    // ---- view state ----
    std::string error;                    // a command that failed
    int export_segment = -1;              // -1 = all customers
    int export_mask = -1;                 // -1 = as the workspace setting, 1 = masked, 0 = in full
    int selected_segment = -1;            // clicked segment row: filters the list (-1 = all)

    struct List {
        std::string search;               // as typed
        std::vector<std::uint32_t> sorted;  // all customers with a segment, in sort order
        std::vector<std::uint32_t> rows;    // `sorted` filtered by search and segment
        std::uint64_t generation = 0;     // TierFigures::generation `sorted` was built for
        int sort_column = -1;             // CustomerColumn, -1 = import order
        bool ascending = true;
        int built_sort_column = -2;
        bool built_ascending = true;
        std::string built_search;
        int built_segment = -2;
        std::uint64_t sorts = 0, filters = 0;  // rebuilds done (tests check none happen per frame)
    } list;

    // 人群包 Audiences (tiers_audiences.cpp): the audience open in the editor, its name while typed,
    // min/max texts while typed (key "<id>.<condition>.min" / ".max"), the value picker's filter, the
    // delete button armed for a second click, and the export's masking (-1: the workspace setting).
    struct Audiences {
        std::string open;
        std::string name_buf;
        std::string name_active;  // id of the audience whose name field is being typed in
        // The value picker's choices for one field, kept while the data stay the same (a million
        // customers' tags are not re-ranked every frame the popup is open).
        std::string choices_field;
        std::uint64_t choices_generation = 0;
        std::vector<std::string> choices;
        std::map<std::string, std::string> range_buf;
        std::string range_active;
        std::string filter;
        std::string delete_armed;
        int export_mask = -1;
    } aud;
    // Sends an insert / update / erase of ws.audiences (one undo step); errors go to `error`.
    bool submit_audience(const ViewEnv& e, Edit c);

    // Settings typed as text (applied on Enter), reloaded when ws.tiering changes.
    std::array<char, 16> as_of_buf{};
    std::array<std::array<char, 96>, 3> custom_buf{};
    std::optional<TieringSettings> buffers_from;
    // Submits an edit of the tiering settings as one undo step; errors go to `error`.
    void set_tiering(const ViewEnv& e, Edit edit);
};

// Masking of one personal value as shown in lists and exports: names by mask_name, phones and
// phone-like ids (7+ digits) by mask_phone. `kind`: 0 = id, 1 = name, 2 = phone.
std::string tiers_masked(const std::string& value, int kind, bool mask);

}  // namespace yt::app
