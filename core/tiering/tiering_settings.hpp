// tiering_settings.hpp — the operator's choices for tiering, saved in the Workspace.
//
// The data themselves (orders) are not part of the Workspace file: they live in their own store
// (IndexedDB in the browser) and are described here by DatasetInfo.
#pragma once
#include <string>
#include <vector>

#include "core/model/order_status.hpp"
#include "core/model/serial.hpp"

namespace yt {

struct TieringSettings {
    std::string binning = "quintile";      // "quintile", "quartile", "tercile", "custom"
    std::vector<double> custom_r, custom_f, custom_m;  // custom cut-offs (ascending)
    std::string split = "mean";            // 8-segment high/low: "mean", "median", "manual"
    double manual_r_days = 30, manual_f = 2, manual_m = 200;
    bool merge_same_day = true;
    int as_of_day = 0;                     // 0 = last date in the data
    int new_days = 30, active_days = 90, dormant_days = 180;  // lifecycle thresholds
    int clv_horizon = 39;                  // periods
    std::string clv_unit = "week";         // "day", "week", "month"
    double clv_margin = 0.5, clv_discount_annual = 0.1;
    StatusPolicy statuses;                 // which order statuses count as purchases (import)
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(binning), CEREAL_NVP(custom_r), CEREAL_NVP(custom_f), CEREAL_NVP(custom_m), CEREAL_NVP(split),
           CEREAL_NVP(manual_r_days), CEREAL_NVP(manual_f), CEREAL_NVP(manual_m), CEREAL_NVP(merge_same_day),
           CEREAL_NVP(as_of_day), CEREAL_NVP(new_days), CEREAL_NVP(active_days), CEREAL_NVP(dormant_days),
           CEREAL_NVP(clv_horizon), CEREAL_NVP(clv_unit), CEREAL_NVP(clv_margin), CEREAL_NVP(clv_discount_annual),
           CEREAL_NVP(statuses));
    }
};

// How customers moved between the 8 segments from the previous import to this one (aggregates
// only, no customer ids; core/plan/import_change.hpp). An empty `matrix` = nothing compared.
struct SegmentChange {
    std::string from_name;         // the previous file
    std::string from_imported_at;  // and the day it was imported
    std::vector<std::uint32_t> matrix;              // 8 x 8, [from * 8 + to]
    std::vector<std::uint32_t> new_in, gone_from;   // per segment: only in this file / only in the previous
    std::uint32_t matched = 0, new_total = 0, gone_total = 0;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(from_name), CEREAL_NVP(from_imported_at), CEREAL_NVP(matrix), CEREAL_NVP(new_in),
           CEREAL_NVP(gone_from), CEREAL_NVP(matched), CEREAL_NVP(new_total), CEREAL_NVP(gone_total));
    }
};

struct DatasetInfo {
    std::string name;       // file name or "demo"
    std::string encoding;
    int rows = 0, customers = 0, rejected = 0;
    std::string imported_at;  // YYYY-MM-DD
    SegmentChange change;     // against the import before this one
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(name), CEREAL_NVP(encoding), CEREAL_NVP(rows), CEREAL_NVP(customers), CEREAL_NVP(rejected),
           CEREAL_NVP(imported_at), CEREAL_NVP(change));
    }
};

}  // namespace yt
