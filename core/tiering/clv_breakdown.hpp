// clv_breakdown.hpp — what a CLV run is shown as beside its parameters: the CLV totalled per RFM
// segment (when a purchase summary can draw them) and per owner (when the customers have owners),
// and the per-customer table (`yutang clv --out`, the import dialog's summary export):
//   customer,x,t_x,T,p_alive,expected_purchases,expected_avg_value,clv
// (times in the run's unit; one row per modelled customer, figures to 6 significant digits).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/csv_write.hpp"
#include "core/tiering/clv.hpp"
#include "core/tiering/summary.hpp"
#include "core/tiering/tiering_settings.hpp"

namespace yt {

struct ClvOwnerTotal {
    std::string owner;
    std::uint32_t customers = 0;
    double clv = 0;  // NaN predictions skipped
};

struct ClvBreakdown {
    bool segmented = false;                     // the 8 segments could be drawn (split as `split` says)
    std::vector<std::uint32_t> segment_customers;  // kSegments entries when segmented
    std::vector<double> segment_clv;
    std::vector<ClvOwnerTotal> owners;          // largest CLV first (then by name); empty without owners
};

// `summary`: the customers' purchase summary as of the calibration end (null: no segments), split
// into segments by `split`'s rule (split, manual_*; the CLI's default is the mean); `owner`: per
// customer (empty: no owners). Both indexed as r's vectors.
ClvBreakdown clv_breakdown(const ClvResult& r, const std::optional<CustomerSummary>& summary,
                           const std::vector<std::string>& owner, const TieringSettings& split = {});

// The table's header row, then the rows of the included customers in [from, to) (ids from
// `id_of`, masked as the app's masked exports are when `mask`; ids also pass the writer's
// formula guard: a shop may use names as ids).
void clv_customers_header(CsvWriter& w);
void clv_customers_rows(CsvWriter& w, const std::function<std::string_view(std::size_t)>& id_of, const ClvInputs& in,
                        const ClvResult& r, bool mask, std::size_t from, std::size_t to);

}  // namespace yt
