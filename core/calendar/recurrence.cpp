// recurrence.cpp — expands repeating items into occurrences (see recurrence.hpp).
#include "core/calendar/recurrence.hpp"

#include <algorithm>

namespace yt {

std::vector<Day> occurrence_days(const ContentItem& item, Day from, Day to) {
    std::vector<Day> out;
    const Day first = item.day;
    Day last = to;
    if (item.repeat.kind.empty()) {
        if (first >= from && first <= to) out.push_back(first);
        return out;
    }
    if (item.repeat.until_day != 0) last = std::min<Day>(last, item.repeat.until_day);
    const Day start = std::max(first, from);
    if (start > last) return out;
    const std::string& kind = item.repeat.kind;
    if (kind == "daily") {
        out.reserve(static_cast<std::size_t>(last - start + 1));
        for (Day d = start; d <= last; ++d) out.push_back(d);
    } else if (kind == "weekly") {
        bool on[7] = {false, false, false, false, false, false, false};
        bool any = false;
        for (int w : item.repeat.weekdays)
            if (w >= 0 && w <= 6) on[w] = any = true;
        if (!any) on[weekday(first)] = true;
        const int w0 = weekday(start);
        for (int k = 0; k < 7; ++k) {  // day start + k has weekday (w0 + k) % 7
            if (!on[(w0 + k) % 7]) continue;
            for (Day d = start + k; d <= last; d += 7) out.push_back(d);
        }
        std::sort(out.begin(), out.end());
    } else if (kind == "monthly") {
        const Ymd f = civil_from_days(first);
        Ymd s = civil_from_days(start);
        int y = s.y, m = s.m;
        for (;;) {
            if (f.d <= days_in_month(y, m)) {
                const Day d = days_from_civil(y, m, f.d);
                if (d > last) break;
                if (d >= start) out.push_back(d);
            } else if (days_from_civil(y, m, 1) > last) {
                break;
            }
            if (++m > 12) { m = 1; ++y; }
        }
    } else {  // unknown kind: treat as a single item
        if (first >= from && first <= to) out.push_back(first);
    }
    return out;
}

std::vector<Occurrence> expand_occurrences(const std::vector<ContentItem>& items, Day from, Day to) {
    std::vector<Occurrence> out;
    std::vector<Day> days;
    for (std::size_t i = 0; i < items.size(); ++i) {
        days = occurrence_days(items[i], from, to);
        for (Day d : days) out.push_back(Occurrence{static_cast<std::uint32_t>(i), d, items[i].minute});
    }
    std::sort(out.begin(), out.end(), [](const Occurrence& a, const Occurrence& b) {
        if (a.day != b.day) return a.day < b.day;
        if (a.minute != b.minute) return a.minute < b.minute;
        return a.item < b.item;
    });
    return out;
}

std::string occurrence_uid(const ContentItem& item, Day day) {
    std::string d = format_day(day);
    d.erase(std::remove(d.begin(), d.end(), '-'), d.end());
    return item.id + "-" + d;
}

}  // namespace yt
