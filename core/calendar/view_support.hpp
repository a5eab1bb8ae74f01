// view_support.hpp — pure helpers behind the calendar screens: moving an item (or its whole
// series) to another day, the channel an item's promotion share is judged on, who an item
// reaches, and which items and dates a calendar Finding is about (so a list of findings can
// select items and navigate to them).
//
// finding_link() reads the arguments check_calendar() puts in each Finding (checks.hpp):
//   item subject (quiet hours)           that item, on the first day in range
//   calendar.coupon_overlap / promo_overlap   items with either coupon id / campaign, in the overlap
//   calendar.promo_ratio(_persona)       promotion items on the channel (of the persona) in the
//                                        worst window; the range covers the whole flagged run
//   calendar.touches_day / _week         items reaching the tier in the flagged days / weeks
//   wecom.mass_quota                     1-on-1 items reaching the tier, or group items to the group,
//                                        in the month
//   calendar.festival_gap                no items; the empty days up to the festival
// Unknown findings link nothing (a "day" subject still gives its date).
#pragma once
#include <string>
#include <vector>

#include "core/calendar/calendar_model.hpp"
#include "core/calendar/reach.hpp"
#include "core/model/dates.hpp"
#include "core/roles/roles_model.hpp"
#include "core/rules/finding.hpp"

namespace yt {

// The item moved by `days`: its first day, the end of its series, a coupon's validity window and
// weekly weekdays all shift together, so every occurrence moves by the same number of days.
ContentItem shift_item(const ContentItem& item, int days);

struct FindingLink {
    std::vector<std::string> items;  // ids of the items the finding is about (plan order)
    Day from = 0, to = 0;            // the days it is about (0 = unknown)
    Day focus = 0;                   // the day to show first (0 = unknown)
    bool broad = false;              // about everything a tier receives (touch caps), not about
                                     // particular items: views list the items but need not mark them
};

FindingLink finding_link(const Finding& f, const CalendarPlan& plan, const RolesPlan& roles,
                         const AudienceTiers* audiences = nullptr);

}  // namespace yt
