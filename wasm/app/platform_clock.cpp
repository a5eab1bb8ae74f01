// platform_clock.cpp — Platform::local_today(): the device's local date from the C library.
// Under Emscripten localtime() reads the browser's clock and time zone, natively the system's.
#include <ctime>

#include "app/platform.hpp"

namespace yt::app {

std::optional<Day> Platform::local_today() const {
    const std::time_t t = std::time(nullptr);
    if (t <= 0) return std::nullopt;
    std::tm tm{};
    localtime_r(&t, &tm);
    return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace yt::app
