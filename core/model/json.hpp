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

#include <string>
#include <string_view>

namespace yt {

// How deeply arrays and objects nest in JSON text (strings skipped). Readers refuse text deeper
// than kMaxJsonDepth before parsing: every format here is shallow, and deep nesting would
// otherwise exhaust the stack of recursive code that walks the parsed value.
inline constexpr int kMaxJsonDepth = 64;
inline int json_nesting_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest) deepest = depth;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

// `s` as a JSON string literal, quotes included (the one JSON escaping of the code base).
inline std::string json_quote(std::string_view s) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return std::string(buf.GetString(), buf.GetSize());
}

// Parse flags for untrusted text: the configured defaults plus the iterative (stack-safe) parser.
inline constexpr unsigned kSafeParseFlags = rapidjson::kParseDefaultFlags | rapidjson::kParseIterativeFlag;

}  // namespace yt
