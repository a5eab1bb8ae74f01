// Fixture for check_layers.cmake: a domain including another domain on its own layer — the check must refuse it.
#include "core/economics/funnel.hpp"
