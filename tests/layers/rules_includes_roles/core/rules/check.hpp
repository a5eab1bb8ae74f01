// Fixture for check_layers.cmake: rules including roles, a higher layer (the old rules<->roles cycle) — the check must refuse it.
#include "core/roles/capacity.hpp"
