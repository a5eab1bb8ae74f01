// validate.hpp — range checks for the economics assumptions, plan, product profile and channels.
//
// Every error is "economics.bad_field" with args {field, value, min, max} and Location.field set
// to the field's path: "aov", "sources[1].add_friend_rate"; validate_plan prefixes the path with
// where the value sits in the plan: "scenarios[0].a.aov", "channels[2].ban_risk", "product.margin".
#pragma once
#include <string>

#include "core/economics/economics_model.hpp"
#include "core/model/result.hpp"

namespace yt {

inline constexpr int kMaxHorizonMonths = 120;

Status validate(const Assumptions& a);
Status validate(const ProductProfile& p);
Status validate(const ChannelRow& c);
// All scenarios, `active`, the product and the channels; also "economics.no_scenarios" and
// "economics.shares_over_one" (channel pool shares summing to more than 1).
Status validate_plan(const EconomicsPlan& plan);

// The Error for a value outside [lo, hi] (hi may be +inf), e.g. for option checks elsewhere.
Error bad_field(const std::string& field, double value, double lo, double hi);
// Formats a number for messages: up to 6 significant digits, "NaN"/"inf" for non-finite values.
std::string econ_number(double v);

}  // namespace yt
