// serial.hpp — the cereal includes every serialisable model type needs.
//
// Model types serialise field by field with CEREAL_NVP names, in a fixed order (cereal's JSON
// reader expects save order). No per-class versions: the workspace envelope carries one schema
// number and old payloads are migrated as JSON before cereal reads them (core/persist).
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
