// migrations.hpp — upgrades of older workspace payloads, one schema step at a time, on JSON.
//
// migrate_payload(doc, from) rewrites a payload written with schema `from` into the current
// kSchemaVersion shape, so cereal (which needs every field present) can read it. Each step is a
// small named function; a golden file per old schema under tests/core/data/ proves it.
#pragma once
#include <cstdint>

#include "core/model/json.hpp"

#include "core/model/result.hpp"

namespace yt {

Status migrate_payload(rapidjson::Document& payload, std::uint32_t from_schema);

}  // namespace yt
