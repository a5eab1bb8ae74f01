// clv_breakdown.cpp — CLV per segment and per owner, and the per-customer table (see clv_breakdown.hpp).
#include "core/tiering/clv_breakdown.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/io/mask.hpp"
#include "core/tiering/segments.hpp"

namespace yt {

ClvBreakdown clv_breakdown(const ClvResult& r, const std::optional<CustomerSummary>& summary,
                           const std::vector<std::string>& owner, const TieringSettings& split) {
    ClvBreakdown b;
    if (summary) {
        if (auto th = split_from_settings(*summary, split)) {
            const Segmentation seg = assign_segments(*summary, *th);
            b.segment_clv = totals_by_group(r.clv, seg.segment, kSegments);
            b.segment_customers.assign(seg.counts.begin(), seg.counts.begin() + kSegments);
            b.segmented = true;
        }
    }
    std::map<std::string, ClvOwnerTotal> by;
    for (std::size_t i = 0; i < owner.size() && i < r.clv.size(); ++i) {
        ClvOwnerTotal& t = by[owner[i]];
        t.owner = owner[i];
        ++t.customers;
        if (!std::isnan(r.clv[i])) t.clv += r.clv[i];
    }
    for (auto& kv : by) b.owners.push_back(std::move(kv.second));
    std::sort(b.owners.begin(), b.owners.end(), [](const ClvOwnerTotal& x, const ClvOwnerTotal& y) {
        return x.clv != y.clv ? x.clv > y.clv : x.owner < y.owner;
    });
    return b;
}

void clv_customers_header(CsvWriter& w) {
    w.row({"customer", "x", "t_x", "T", "p_alive", "expected_purchases", "expected_avg_value", "clv"});
}

void clv_customers_rows(CsvWriter& w, const std::function<std::string_view(std::size_t)>& id_of, const ClvInputs& in,
                        const ClvResult& r, bool mask, std::size_t from, std::size_t to) {
    to = std::min(to, in.size());
    for (std::size_t i = from; i < to; ++i) {
        if (!in.included[i]) continue;
        const std::string_view id = id_of(i);
        if (mask) w.text(mask_customer_id(id));
        else w.text(id);
        w.integer(in.x[i]);
        for (double v : {double(in.t_x(i)), double(in.T(i)), double(r.p_alive[i]), double(r.expected_purchases[i]),
                         double(r.expected_value[i]), double(r.clv[i])})
            w.significant(v, 6);
        w.end_row();
    }
}

}  // namespace yt
