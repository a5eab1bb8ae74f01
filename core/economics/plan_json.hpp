// plan_json.hpp — reading and writing a scenario file (the economics part of a workspace).
//
// A scenario file is cereal JSON of yt::EconomicsPlan as written by JSONOutputArchive with the
// NVP "economics":  {"economics": {"scenarios": [{"id":…,"name":…,"a":{…}}], "active": 0,
// "product": {…}, "channels": [{…}]}}.  A whole workspace file (economics anywhere up to three
// objects deep, e.g. {"payload": {…, "economics": {…}}}) and a bare plan object are accepted too;
// a workspace's envelope checksum is not checked here (core/persist does that).
//
// Before cereal sees the text it is checked against the shape cereal itself writes for a default
// plan, so a missing or mistyped field is reported by its path ("economics.missing_field",
// field "scenarios[0].a.aov") instead of cereal's generic exception. Values are then range-checked
// by validate_plan().
#pragma once
#include <string>
#include <string_view>

#include "core/economics/economics_model.hpp"
#include "core/model/result.hpp"

namespace yt {

// Errors: "economics.not_json" (line/column set), "economics.no_economics",
// "economics.missing_field", "economics.expected_{object,array,string,number,integer,bool}",
// "economics.unreadable", and validate_plan()'s errors. Never throws.
Result<EconomicsPlan> economics_from_json(std::string_view text);

// {"economics": {...}} as written by cereal's JSONOutputArchive (indented).
std::string economics_to_json(const EconomicsPlan& plan);

}  // namespace yt
