// Fixture for check_layers.cmake: roles including the calendar, a higher layer (the old roles<->calendar cycle) — the check must refuse it.
#include "core/calendar/calendar_model.hpp"
