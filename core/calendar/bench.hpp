// bench.hpp — a timing run of the calendar engine at scale, for `yutang bench` / `calbench`.
//
// Builds roles with 10 personas, 20 accounts and 50 groups, stamps a year of content over 5
// channels (Moments 3 a day per persona, the weekly community rhythm in every group, weekly
// 1-on-1, official-account and live items per persona, coupons and campaigns), then expands and
// checks the whole year. Target: generation + checks under 100 ms natively.
#pragma once
#include <cstdint>

namespace yt {

struct CalendarBenchResult {
    std::int64_t items = 0;
    std::int64_t occurrences = 0;
    std::int64_t findings = 0;
    double generate_ms = 0;  // stamping templates + building items
    double expand_ms = 0;    // expanding a year of occurrences
    double check_ms = 0;     // all calendar checks over the year
    double total_ms = 0;
};

CalendarBenchResult calendar_benchmark();

}  // namespace yt
