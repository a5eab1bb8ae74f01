// Fixture for check_layers.cmake: a folder missing from the layer table — the check must refuse it.
#include "core/model/dates.hpp"
