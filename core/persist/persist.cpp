// persist.cpp — envelope writing/reading and the cereal boundary (all exceptions stop here).
#include "core/persist/persist.hpp"

#include "core/model/json.hpp"

#include <cmath>
#include <sstream>

#include "core/persist/migrations.hpp"

namespace yt {

const char* app_version() { return "0.1.0"; }

std::uint64_t fnv1a64(std::string_view data) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : data) { h ^= c; h *= 1099511628211ull; }
    return h;
}

std::string hex64(std::uint64_t v) {
    static const char* d = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i) { s[static_cast<size_t>(i)] = d[v & 15]; v >>= 4; }
    return s;
}

namespace {

std::string compact(const rapidjson::Value& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    v.Accept(w);
    return std::string(buf.GetString(), buf.GetSize());
}

// A workspace nests 8 levels deep. Deeper text is refused before it is parsed: rapidjson's
// writer, CopyFrom and cereal all recurse, so unbounded nesting would overflow the stack.
constexpr int kMaxDepth = kMaxJsonDepth;

std::string checksum_of(const rapidjson::Value& payload) { return "fnv1a64:" + hex64(fnv1a64(compact(payload))); }

// cereal writes NaN/Infinity tokens that no JSON reader accepts; a workspace never holds them.
// Replace any non-finite double with 0 in the parsed payload before it is written out.
void scrub_non_finite(rapidjson::Value& v) {
    if (v.IsDouble() && !std::isfinite(v.GetDouble())) v.SetDouble(0.0);
    else if (v.IsObject()) for (auto& m : v.GetObject()) scrub_non_finite(m.value);
    else if (v.IsArray()) for (auto& e : v.GetArray()) scrub_non_finite(e);
}

}  // namespace

std::string save_workspace_json(const Workspace& ws) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
        ar(cereal::make_nvp("payload", ws));
    }
    rapidjson::Document d;
    d.Parse<rapidjson::kParseDefaultFlags>(os.str().c_str());  // full precision: doubles stay exact
    rapidjson::Value& payload = d["payload"];
    scrub_non_finite(payload);
    std::string body = compact(payload);
    std::string out;
    out.reserve(body.size() + 160);
    out += "{\"format\":\"";
    out += kFormatName;
    out += "\",\"schema\":" + std::to_string(kSchemaVersion);
    out += ",\"app\":\"";
    out += app_version();
    out += "\",\"checksum\":\"fnv1a64:" + hex64(fnv1a64(body)) + "\",\"payload\":";
    out += body;
    out += "}\n";
    return out;
}

Result<Workspace> load_workspace_json(std::string_view text, bool* edited_outside) {
    if (edited_outside) *edited_outside = false;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Error("persist.empty");
    if (json_nesting_depth(text) > kMaxDepth) return Error("persist.not_workspace");
    rapidjson::Document d;
    // The configured defaults (full precision, NaN tokens; see json.hpp) plus the iterative parser.
    d.Parse<kSafeParseFlags>(text.data(), text.size());
    if (d.HasParseError()) {
        // Report the byte offset as line/column so the user can find it.
        size_t off = d.GetErrorOffset();
        int line = 1, col = 1;
        for (size_t i = 0; i < off && i < text.size(); ++i) {
            if (text[i] == '\n') { ++line; col = 1; } else ++col;
        }
        return Error("persist.not_json", {rapidjson::GetParseError_En(d.GetParseError())}, Location{"", line, col, ""});
    }
    if (!d.IsObject()) return Error("persist.not_workspace");
    auto fmt = d.FindMember("format");
    if (fmt == d.MemberEnd() || !fmt->value.IsString() || std::string(fmt->value.GetString()) != kFormatName)
        return Error("persist.not_workspace");
    auto sch = d.FindMember("schema");
    if (sch == d.MemberEnd() || !sch->value.IsUint()) return Error("persist.bad_envelope", {}, Location{"", 0, 0, "schema"});
    std::uint32_t schema = sch->value.GetUint();
    if (schema > kSchemaVersion)
        return Error("persist.too_new", {std::to_string(schema), std::to_string(kSchemaVersion)});
    auto pay = d.FindMember("payload");
    if (pay == d.MemberEnd() || !pay->value.IsObject())
        return Error("persist.bad_envelope", {}, Location{"", 0, 0, "payload"});
    auto sum = d.FindMember("checksum");
    const bool sum_ok = sum != d.MemberEnd() && sum->value.IsString() && checksum_of(pay->value) == sum->value.GetString();
    if (!sum_ok && !edited_outside) {
        if (sum == d.MemberEnd() || !sum->value.IsString())
            return Error("persist.bad_envelope", {}, Location{"", 0, 0, "checksum"});
        return Error("persist.checksum");
    }

    rapidjson::Document payload;
    payload.CopyFrom(pay->value, payload.GetAllocator());
    if (schema < kSchemaVersion) {
        Status st = migrate_payload(payload, schema);
        if (!st) return st.error();
    }
    std::string wrapped = "{\"payload\":" + compact(payload) + "}";
    try {
        std::istringstream is(wrapped);
        cereal::JSONInputArchive ar(is);
        Workspace ws;
        ar(cereal::make_nvp("payload", ws));
        if (edited_outside) *edited_outside = !sum_ok;
        return ws;
    } catch (const std::exception& e) {
        return Error("persist.bad_payload", {e.what()});
    }
}

}  // namespace yt
