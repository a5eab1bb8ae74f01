// json.hpp — the one way core code includes rapidjson.
//
// cereal's json.hpp configures rapidjson (assertions throw cereal::RapidJSONException, NaN
// parsing flags) before including it. Every translation unit must see the same configuration,
// so include this header, never <rapidjson/...> directly.
#pragma once
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
