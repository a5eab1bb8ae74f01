// Fixture for check_layers.cmake: a base-type header including a domain (the Workspace once lived in core/model) — the check must refuse it.
#include "core/roles/roles_model.hpp"
