// cmd_calbench.cpp — `yutang calbench`: times generating and checking a year of content for
// 10 personas, 50 groups and 5 channels (core/calendar/bench.hpp); prints JSON.
#include <cstdio>
#include <iostream>

#include "cli/cli_common.hpp"
#include "core/calendar/bench.hpp"

namespace yt::cli {

int cmd_calbench(const Args&, Lang) {
    const CalendarBenchResult r = calendar_benchmark();
    std::cout << "{\"items\":" << r.items << ",\"occurrences\":" << r.occurrences << ",\"findings\":" << r.findings
              << ",\"generate_ms\":" << json_number(r.generate_ms) << ",\"expand_ms\":" << json_number(r.expand_ms)
              << ",\"check_ms\":" << json_number(r.check_ms) << ",\"total_ms\":" << json_number(r.total_ms) << "}\n";
    return 0;
}

}  // namespace yt::cli
