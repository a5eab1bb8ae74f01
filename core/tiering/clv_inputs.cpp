// clv_inputs.cpp — one pass over the grouped orders computing (x, t_x, T, m) per customer.
#include "core/tiering/clv_inputs.hpp"

#include <string>

namespace yt {

double unit_days(TimeUnit u) {
    switch (u) {
        case TimeUnit::Day: return 1;
        case TimeUnit::Week: return 7;
        case TimeUnit::Month: return 365.25 / 12;
    }
    return 7;
}

const char* unit_key(TimeUnit u) {
    switch (u) {
        case TimeUnit::Day: return "day";
        case TimeUnit::Week: return "week";
        case TimeUnit::Month: return "month";
    }
    return "week";
}

Result<TimeUnit> parse_time_unit(std::string_view s) {
    if (s == "day") return TimeUnit::Day;
    if (s == "week") return TimeUnit::Week;
    if (s == "month") return TimeUnit::Month;
    return Error("tiering.bad_unit", {std::string(s)});
}

Result<ClvInputs> clv_inputs(const OrderTable& t, const OrderIndex& idx, std::optional<Day> calibration_end,
                             TimeUnit unit) {
    (void)t;
    auto in = clv_inputs_start(idx, calibration_end, unit);
    if (in) clv_inputs_range(idx, 0, idx.customers(), *in);
    return in;
}

Result<ClvInputs> clv_inputs_start(const OrderIndex& idx, std::optional<Day> calibration_end, TimeUnit unit) {
    const Day cal = calibration_end ? *calibration_end : idx.max_day;
    if (idx.customers() == 0 || cal < idx.min_day)
        return Error("tiering.calibration_before_data", {format_day(cal), format_day(idx.min_day)});
    ClvInputs in;
    in.calibration_end = cal;
    in.unit = unit;
    const std::size_t nc = idx.customers();
    // Room only: each range writes its own customers' entries (clv_inputs_range).
    in.included.reserve(nc);
    in.x.reserve(nc);
    in.t_x_days.reserve(nc);
    in.T_days.reserve(nc);
    in.m.reserve(nc);
    return in;
}

void clv_inputs_range(const OrderIndex& idx, std::size_t begin, std::size_t end, ClvInputs& in) {
    const Day cal = in.calibration_end;
    const IndexedOrder* o = idx.orders.data();
    end = std::min(end, idx.customers());
    if (in.x.size() < end) {  // entries up to `end`, as a customer without a purchase has them
        in.included.resize(end, 0);
        in.x.resize(end, 0);
        in.t_x_days.resize(end, 0);
        in.T_days.resize(end, 0);
        in.m.resize(end, 0.0);
    }
    for (std::size_t c = begin; c < end; ++c) {
        bool have_first = false;
        Day first = 0, last = 0;
        std::int32_t x = 0;
        double repeat_spend = 0;
        // current day being accumulated
        Day cur = 0;
        double cur_sum = 0;
        bool cur_open = false, cur_purchase = false;
        auto close_day = [&]() {
            if (!cur_open || !cur_purchase) return;
            if (!have_first) { have_first = true; first = cur; }
            else { ++x; repeat_spend += cur_sum; }
            last = cur;
        };
        for (std::uint32_t k = idx.offset[c], e = idx.offset[c + 1]; k < e; ++k) {
            const Day d = o[k].day;
            if (d > cal) break;
            if (!cur_open || d != cur) {
                close_day();
                cur = d;
                cur_sum = 0;
                cur_open = true;
                cur_purchase = false;
            }
            cur_sum += o[k].amount;
            if (o[k].amount >= 0) cur_purchase = true;
        }
        close_day();
        if (!have_first) continue;
        in.included[c] = 1;
        in.x[c] = x;
        in.t_x_days[c] = last - first;
        in.T_days[c] = cal - first;
        in.m[c] = x > 0 ? repeat_spend / x : 0.0;
        ++in.customers;
        if (x > 0) ++in.repeat_buyers;
    }
}

}  // namespace yt
