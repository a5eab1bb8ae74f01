// edit_json_util.hpp — the JSON steps edits are made of: text of a value, overlaying a patch,
// finding a field path, reading a typed value back with cereal. Used by edit.cpp and edit_json.cpp.
#pragma once
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "core/model/json.hpp"
#include "core/model/result.hpp"

namespace yt::edit_json_util {

inline std::string to_text(const rapidjson::Value& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator,
                      rapidjson::kWriteNanAndInfFlag>
        w(buf);
    v.Accept(w);
    return std::string(buf.GetString(), buf.GetSize());
}

// Overlays `patch` onto `base` (objects merge recursively; anything else is replaced).
inline void merge(rapidjson::Value& base, const rapidjson::Value& patch, rapidjson::Document::AllocatorType& alloc) {
    if (!base.IsObject() || !patch.IsObject()) {
        base.CopyFrom(patch, alloc);
        return;
    }
    for (auto& m : patch.GetObject()) {
        auto it = base.FindMember(m.name);
        if (it == base.MemberEnd()) {
            rapidjson::Value k(m.name, alloc), v(m.value, alloc);
            base.AddMember(k, v, alloc);
        } else {
            merge(it->value, m.value, alloc);
        }
    }
}

// The value at a dot-separated path ("a.aov", "steps.2.day"): members by name, array elements by
// index. "" is `root` itself; nullptr when the path leads nowhere.
inline rapidjson::Value* at_path(rapidjson::Value& root, std::string_view path) {
    rapidjson::Value* v = &root;
    while (!path.empty()) {
        const std::size_t dot = path.find('.');
        const std::string part(path.substr(0, dot));
        path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
        if (v->IsObject()) {
            auto it = v->FindMember(part.c_str());
            if (it == v->MemberEnd()) return nullptr;
            v = &it->value;
        } else if (v->IsArray()) {
            if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos || part.size() > 9) return nullptr;
            const auto i = static_cast<rapidjson::SizeType>(std::strtoul(part.c_str(), nullptr, 10));
            if (i >= v->Size()) return nullptr;
            v = &(*v)[i];
        } else {
            return nullptr;
        }
    }
    return v;
}

// Reads a whole T from `v` (as the workspace file reads it).
template <class T>
Result<T> read_json(const rapidjson::Value& v) {
    try {
        rapidjson::Document d;
        d.SetObject();
        rapidjson::Value copy(v, d.GetAllocator());
        d.AddMember("v", copy, d.GetAllocator());
        std::istringstream is(to_text(d));
        cereal::JSONInputArchive ar(is);
        T out;
        ar(cereal::make_nvp("v", out));
        return out;
    } catch (const std::exception& e) {
        return Error("cmd.bad_value", {e.what()}, Location{"", 0, 0, "value"});
    }
}

}  // namespace yt::edit_json_util
