// plan_json.cpp — scenario-file reading (shape pre-check with rapidjson, then cereal) and writing.
#include "core/economics/plan_json.hpp"

#include "core/model/json.hpp"  // cereal's rapidjson configuration first, then <rapidjson/document.h>

#include <optional>
#include <sstream>

#include "core/economics/validate.hpp"

namespace yt {

namespace {

using Value = rapidjson::Value;

Error at(const char* code, const std::string& path) { return Error(code, {path}, Location{"", 0, 0, path}); }

// The shape cereal writes for a plan with one element in every list: the reference the input is
// checked against, so new model fields are required here automatically.
rapidjson::Document reference_shape() {
    EconomicsPlan p;
    p.scenarios.emplace_back();
    p.scenarios[0].a.sources.emplace_back();
    p.channels.emplace_back();
    rapidjson::Document d;
    d.Parse(economics_to_json(p).c_str());
    return d;
}

std::optional<Error> check_shape(const Value& want, const Value& got, const std::string& path) {
    if (want.IsObject()) {
        if (!got.IsObject()) return at("economics.expected_object", path);
        for (const auto& m : want.GetObject()) {
            const std::string name(m.name.GetString(), m.name.GetStringLength());
            const std::string p = path.empty() ? name : path + "." + name;
            auto it = got.FindMember(m.name);
            if (it == got.MemberEnd()) return at("economics.missing_field", p);
            if (auto e = check_shape(m.value, it->value, p)) return e;
        }
    } else if (want.IsArray()) {
        if (!got.IsArray()) return at("economics.expected_array", path);
        if (want.Empty()) return std::nullopt;
        for (rapidjson::SizeType i = 0; i < got.Size(); ++i)
            if (auto e = check_shape(want[0], got[i], path + "[" + std::to_string(i) + "]")) return e;
    } else if (want.IsString()) {
        if (!got.IsString()) return at("economics.expected_string", path);
    } else if (want.IsBool()) {
        if (!got.IsBool()) return at("economics.expected_bool", path);
    } else if (want.IsDouble()) {
        if (!got.IsNumber()) return at("economics.expected_number", path);
    } else if (want.IsInt()) {
        if (!got.IsInt()) return at("economics.expected_integer", path);
    } else if (want.IsNumber()) {  // wider integers
        if (!(got.IsInt64() || got.IsUint64())) return at("economics.expected_integer", path);
    }
    return std::nullopt;
}

const Value* find_economics(const Value& v, int depth) {
    if (!v.IsObject() || depth > 3) return nullptr;
    auto it = v.FindMember("economics");
    if (it != v.MemberEnd() && it->value.IsObject()) return &it->value;
    for (const auto& m : v.GetObject())
        if (const Value* r = find_economics(m.value, depth + 1)) return r;
    return nullptr;
}

}  // namespace

std::string economics_to_json(const EconomicsPlan& plan) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os);
        ar(cereal::make_nvp("economics", plan));
    }  // the archive writes its closing brace when destroyed
    return os.str();
}

Result<EconomicsPlan> economics_from_json(std::string_view text) {
    try {
        rapidjson::Document d;
        d.Parse(text.data(), text.size());
        if (d.HasParseError() || text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            const std::size_t off = d.HasParseError() ? d.GetErrorOffset() : text.size();
            int line = 1, col = 1;
            for (std::size_t i = 0; i < off && i < text.size(); ++i) {
                if (text[i] == '\n') { ++line; col = 1; } else ++col;
            }
            return Error("economics.not_json", {}, Location{"", line, col, ""});
        }
        const Value* plan = find_economics(d, 0);
        if (!plan && d.IsObject() && d.HasMember("scenarios")) plan = &d;  // a bare plan object
        if (!plan) return Error("economics.no_economics");

        const rapidjson::Document ref = reference_shape();
        if (auto e = check_shape(ref["economics"], *plan, "")) return *e;

        // Hand cereal exactly {"economics": plan}.
        rapidjson::StringBuffer buf;
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        w.StartObject();
        w.Key("economics");
        plan->Accept(w);
        w.EndObject();
        std::istringstream is(std::string(buf.GetString(), buf.GetSize()));
        EconomicsPlan out;
        {
            cereal::JSONInputArchive ar(is);
            ar(cereal::make_nvp("economics", out));
        }
        Status st = validate_plan(out);
        if (!st) return st.error();
        return out;
    } catch (const std::exception&) {
        return Error("economics.unreadable");
    }
}

}  // namespace yt
