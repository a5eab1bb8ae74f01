// steps_within.hpp — runs a piece of work in steps for as long as a frame's aim allows: the import,
// the model and the plan's first assess each do a frame's share of their work this way.
#pragma once
#include <chrono>

namespace yt::app {

// Calls `step` (which returns whether work is left) at least once, and again while the time
// passed plus the last call's time stays under `budget_ms` (0: once), so a frame does not start a
// step it likely cannot finish within the budget; true when work is left.
template <class Step>
bool steps_within(double budget_ms, Step step) {
    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
    const auto start = Clock::now();
    auto last_start = start;
    for (;;) {
        const bool more = step();
        const auto now = Clock::now();
        if (!more || !(budget_ms > 0) || ms(now - start) + ms(now - last_start) >= budget_ms) return more;
        last_start = now;
    }
}

}  // namespace yt::app
