// sop.hpp — SOPs: day-N touch sequences started by a lifecycle event, and the daily load they
// put on the team and on customers.
//
// Triggers: "new_friend", "first_purchase", "dormant_30", "birthday". With a steady inflow of
// customers into a trigger (people per day), step N of a SOP creates `inflow` touches every day
// once the SOP has run N days; after its last step the load is flat at inflow × steps.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/calendar/calendar_model.hpp"

namespace yt {

std::vector<Sop> builtin_sops();
std::vector<std::string> sop_triggers();

// Daily inflow per trigger from segment/stage sizes and the growth forecast:
//   new_friend     = monthly_new_friends / 30
//   first_purchase = sizes["new"] / 30 when the lifecycle stage "new" is given, else 0
//   dormant_30     = sizes["dormant"] / 30 when given, else 0
//   birthday       = (all customers) / 365, all customers = the sum of the tier sizes
// Tier keys are the 8 RFM segments; lifecycle keys ("new", "dormant") are optional extras and
// are not counted in the total.
std::map<std::string, double> default_sop_inflow(const std::map<std::string, int>& sizes, int monthly_new_friends);

struct SopLoad {
    std::string sop;                      // Sop id
    std::string trigger;
    double inflow = 0;                    // people entering per day
    double steady_touches_per_day = 0;    // inflow × steps
    std::vector<double> touches_by_day;   // day 0 .. horizon-1 after the SOP is switched on
    std::map<std::string, double> steady_by_channel;
    int touches_per_customer = 0;         // steps one customer receives
    int span_days = 0;                    // last step day + 1
};

// The load of each SOP over `horizon_days` days (≥ 1).
std::vector<SopLoad> sop_load(const std::vector<Sop>& sops, const std::map<std::string, double>& inflow,
                              int horizon_days);

}  // namespace yt
