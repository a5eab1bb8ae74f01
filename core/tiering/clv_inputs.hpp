// clv_inputs.hpp — from an order table to the per-customer inputs of the CLV models.
//
// Conventions (the literature's, Fader, Hardie & Lee 2005):
// - the time unit (day / week / month = 365.25/12 days) is chosen by the caller;
// - only rows on or before the calibration end are used (default: the last date in the data);
// - customers whose first purchase is after the calibration end are excluded (included = 0);
// - same-day purchases are always merged for the models: x is the number of repeat purchase DAYS
//   (days after the first purchase day with a purchase), t_x = last − first purchase day,
//   T = calibration end − first purchase day (kept in whole days here; divide by unit_days);
// - a purchase is a row with amount >= 0; a day's spend is the sum of all its rows (a same-day
//   refund reduces it); refunds on days without a purchase are not part of the spend model;
// - m = mean spend per repeat purchase day (the first purchase is excluded, as in the Gamma-Gamma
//   literature); 0 when x = 0.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/model/orders.hpp"
#include "core/model/result.hpp"
#include "core/tiering/summary.hpp"

namespace yt {

enum class TimeUnit { Day = 0, Week = 1, Month = 2 };
double unit_days(TimeUnit u);       // 1, 7, 30.4375
const char* unit_key(TimeUnit u);   // "day", "week", "month"
Result<TimeUnit> parse_time_unit(std::string_view s);  // error "tiering.bad_unit" {s}

struct ClvInputs {
    Day calibration_end = 0;
    TimeUnit unit = TimeUnit::Week;
    std::vector<std::uint8_t> included;  // per customer
    std::vector<std::int32_t> x;         // repeat purchase days
    std::vector<std::int32_t> t_x_days;  // last − first purchase, days
    std::vector<std::int32_t> T_days;    // calibration end − first purchase, days
    std::vector<double> m;               // mean spend per repeat purchase day
    std::uint32_t customers = 0;         // included customers
    std::uint32_t repeat_buyers = 0;     // included with x > 0
    std::size_t size() const { return x.size(); }
    double t_x(std::size_t i) const { return t_x_days[i] / unit_days(unit); }
    double T(std::size_t i) const { return T_days[i] / unit_days(unit); }
};

// Errors: "tiering.calibration_before_data" {calibration end, first date} when no order is on or
// before the calibration end.
Result<ClvInputs> clv_inputs(const OrderTable& t, const OrderIndex& idx, std::optional<Day> calibration_end,
                             TimeUnit unit);
// The same in parts, for a caller that must not block (the app, between frames): _start checks
// the calibration end and makes room for the inputs; _range fills customers [begin, end) of the
// index (the entries before `begin` not yet filled are those of a customer with no purchase until
// their range fills them). Once every customer is filled (each once), in any order of ranges,
// the inputs equal clv_inputs()'s.
Result<ClvInputs> clv_inputs_start(const OrderIndex& idx, std::optional<Day> calibration_end, TimeUnit unit);
void clv_inputs_range(const OrderIndex& idx, std::size_t begin, std::size_t end, ClvInputs& in);

}  // namespace yt
