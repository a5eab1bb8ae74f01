// Fixture for check_layers.cmake: a UI header under core/ — the check must refuse it.
#include <imgui.h>
