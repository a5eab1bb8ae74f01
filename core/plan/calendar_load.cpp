// calendar_load.cpp — occurrence counts per account/persona (see calendar_load.hpp).
#include "core/plan/calendar_load.hpp"

#include "core/calendar/recurrence.hpp"
#include "core/roles/capacity.hpp"

namespace yt {

std::map<std::string, double> calendar_items_per_day(const CalendarPlan& cal, const RolesPlan& roles, Day from,
                                                     Day to) {
    std::map<std::string, double> out;
    if (to < from) return out;
    for (const Occurrence& o : expand_occurrences(cal.items, from, to)) {
        const ContentItem& it = cal.items[o.item];
        if (!it.groups.empty()) {
            for (const auto& gid : it.groups) {
                const Group* g = find_group(roles, gid);
                out[g ? g->owner_account : std::string()] += 1;
            }
        } else if (!it.account.empty()) {
            out[it.account] += 1;
        } else {
            out[it.persona] += 1;
        }
    }
    const double days = double(to - from + 1);
    for (auto& kv : out) kv.second /= days;
    return out;
}

}  // namespace yt
