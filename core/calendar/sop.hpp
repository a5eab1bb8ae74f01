// sop.hpp — journeys (lifecycle SOPs): the built-in examples, the triggers, and what one journey
// asks of one customer (its busiest day and week).
//
// Triggers: "new_friend", "first_purchase", "repurchase" (starts 7 days before the product's
// measured repurchase interval after a purchase), "dormant_30" (30 days without a purchase),
// "birthday", "after_sale" (a purchase to follow up). The built-in journeys are examples after
// the SCRM conventions in the playbook facts (D0/1/3/7 welcome, first-order care, repurchase by
// cycle, dormant win-back, birthday, after-sale); the operator edits them.
#pragma once
#include <string>
#include <vector>

#include "core/calendar/calendar_model.hpp"

namespace yt {

std::vector<Sop> builtin_sops();
std::vector<std::string> sop_triggers();
bool is_sop_trigger(const std::string& t);

// What one customer in a journey receives: all its steps, at most `peak_day` on one day and at
// most `peak_week` in any 7 consecutive days; `span_days` = last step day + 1.
struct SopShape {
    int steps = 0, peak_day = 0, peak_week = 0, span_days = 0;
    int mass_month = 0;  // most steps sent as "mass" within any 31 consecutive days
};
SopShape sop_shape(const Sop& s);

}  // namespace yt
