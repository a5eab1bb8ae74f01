// recurrence.hpp — expanding content items (single or repeating) into dated occurrences.
//
// An item's `day` is its first occurrence. Repeats: "daily"; "weekly" on `weekdays`
// (0 = Monday; empty = the weekday of `day`); "monthly" on the day-of-month of `day` (months
// without that day are skipped, as in RFC 5545). `until_day` (inclusive, 0 = none) ends a series.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar/calendar_model.hpp"
#include "core/model/dates.hpp"

namespace yt {

struct Occurrence {
    std::uint32_t item = 0;  // index into the expanded item vector
    Day day = 0;
    int minute = 0;
};

// Occurrences of all items within [from, to] (inclusive), sorted by day, minute, item index.
std::vector<Occurrence> expand_occurrences(const std::vector<ContentItem>& items, Day from, Day to);

// Occurrence days of one item within [from, to], ascending.
std::vector<Day> occurrence_days(const ContentItem& item, Day from, Day to);

// A stable id for one occurrence: "<item id>-<YYYYMMDD>".
std::string occurrence_uid(const ContentItem& item, Day day);

}  // namespace yt
