// edit_json.cpp — the one text form of an Edit (see edit.hpp), and the older command forms read into it.
#include <string>

#include "core/edit/edit.hpp"
#include "core/edit/edit_json_util.hpp"

namespace yt {

namespace {

using rapidjson::Document;
using rapidjson::Value;
using namespace edit_json_util;


// cereal ends strings at a NUL character, so a value holding one would not survive a save.
bool has_nul(const Value& v) {
    if (v.IsString()) return std::string_view(v.GetString(), v.GetStringLength()).find('\0') != std::string_view::npos;
    if (v.IsArray())
        for (const auto& x : v.GetArray())
            if (has_nul(x)) return true;
    if (v.IsObject())
        for (const auto& m : v.GetObject())
            if (has_nul(m.name) || has_nul(m.value)) return true;
    return false;
}

Result<std::string> member_string(const Value& d, const char* name, bool required) {
    if (!d.HasMember(name)) {
        if (required) return Error("cmd.missing_field", {name}, Location{"", 0, 0, name});
        return std::string();
    }
    if (!d[name].IsString()) return Error("cmd.bad_value", {name}, Location{"", 0, 0, name});
    return std::string(d[name].GetString(), d[name].GetStringLength());
}

// The older forms, one per setting: {"type":"set_name","value":"…"} and the like.
struct Legacy {
    const char* type;
    const char* kind;
    const char* section;
    bool (*value_ok)(const Value&);
};
bool is_string(const Value& v) { return v.IsString(); }
bool is_bool(const Value& v) { return v.IsBool(); }
bool is_number(const Value& v) { return v.IsNumber(); }
bool is_object(const Value& v) { return v.IsObject(); }
bool is_array(const Value& v) { return v.IsArray(); }
constexpr Legacy kLegacy[] = {
    {"set_name", "set", "name", is_string},
    {"set_brand", "set", "brand", is_string},
    {"set_theme", "set", "settings.theme", is_string},
    {"set_language", "set", "settings.language", is_string},
    {"set_mask", "set", "settings.mask_personal", is_bool},
    {"set_rule", "set", "rules", is_number},
    {"set_tiering", "update", "tiering", is_object},
    {"set_festival_years", "set", "calendar.festival_years", is_array},
};

Result<Edit> read_edit(const Value& d, int depth) {
    if (!d.IsObject()) return Error("cmd.missing_field", {"type"}, Location{"", 0, 0, "type"});
    auto type = member_string(d, "type", true);
    if (!type) return type.error();
    Edit e;
    e.kind = *type;
    for (const Legacy& l : kLegacy) {
        if (e.kind != l.type) continue;
        if (!d.HasMember("value") || !l.value_ok(d["value"])) return Error("cmd.missing_field", {"value"}, Location{"", 0, 0, "value"});
        e.kind = l.kind;
        e.section = l.section;
        if (e.section == "rules") {
            auto id = member_string(d, "id", true);
            if (!id) return id.error();
            e.target = *id;
            e.field = "value";
        }
        e.value = to_text(d["value"]);
        return e;
    }
    static const char* const kinds[] = {"set", "update", "insert", "erase", "move", "reassign", "transfer", "apply_template",
                                        "restore_content_terms", "batch"};
    bool known = false;
    for (const char* k : kinds) known = known || e.kind == k;
    if (!known) return Error("cmd.unknown_type", {e.kind}, Location{"", 0, 0, "type"});
    for (auto [name, dest] : {std::pair<const char*, std::string*>{"section", &e.section}, {"id", &e.target}, {"field", &e.field},
                              {"label", &e.label}}) {
        auto v = member_string(d, name, false);
        if (!v) return v.error();
        *dest = std::move(v.value());
    }
    if (d.HasMember("index")) {
        if (!d["index"].IsInt()) return Error("cmd.bad_value", {"index"}, Location{"", 0, 0, "index"});
        e.index = d["index"].GetInt();
    }
    if (e.kind == "move" && e.index < 0) return Error("cmd.missing_field", {"index"}, Location{"", 0, 0, "index"});
    if (e.kind == "apply_template") {
        // {"type":"apply_template","id":…,"from":…,…}: the whole object but its type is the value.
        Document v;
        v.CopyFrom(d, v.GetAllocator());
        v.EraseMember("type");  // keeps the order of the others
        e.target.clear();
        e.value = to_text(v);
        return e;
    }
    const bool needs_value = e.kind == "set" || e.kind == "update" || e.kind == "insert" || e.kind == "reassign" || e.kind == "transfer";
    if (d.HasMember("value")) e.value = to_text(d["value"]);
    else if (needs_value) return Error("cmd.missing_field", {"value"}, Location{"", 0, 0, "value"});
    if (e.kind == "batch") {
        if (!d.HasMember("parts") || !d["parts"].IsArray()) return Error("cmd.missing_field", {"parts"}, Location{"", 0, 0, "parts"});
        for (const Value& p : d["parts"].GetArray()) {
            auto part = read_edit(p, depth + 1);
            if (!part) return part.error();
            e.parts.push_back(std::move(part.value()));
        }
    }
    return e;
}

}  // namespace

std::string edit_json(const Edit& e) {
    std::string o = "{\"type\":" + json_quote(e.kind);
    if (e.kind == "apply_template" && !e.value.empty() && e.value.front() == '{') {
        // The template's own members follow the type, as the older form wrote them.
        const std::string inner = e.value.substr(1, e.value.size() - 2);
        if (!inner.empty()) o += "," + inner;
        if (!e.label.empty()) o += ",\"label\":" + json_quote(e.label);
        return o + "}";
    }
    if (!e.section.empty()) o += ",\"section\":" + json_quote(e.section);
    if (!e.target.empty()) o += ",\"id\":" + json_quote(e.target);
    if (!e.field.empty()) o += ",\"field\":" + json_quote(e.field);
    if (!e.value.empty()) o += ",\"value\":" + e.value;
    if (e.index >= 0) o += ",\"index\":" + std::to_string(e.index);
    if (!e.label.empty()) o += ",\"label\":" + json_quote(e.label);
    if (e.kind == "batch") {
        o += ",\"parts\":[";
        for (std::size_t i = 0; i < e.parts.size(); ++i) o += (i ? "," : "") + edit_json(e.parts[i]);
        o += "]";
    }
    return o + "}";
}

Result<Edit> edit_from_json(std::string_view json) {
    // Edits nest a few levels; deep text is refused before recursive code walks it.
    if (json_nesting_depth(json) > kMaxJsonDepth) return Error("cmd.not_json", {"nesting too deep"});
    Document d;
    try {
        d.Parse<kSafeParseFlags>(json.data(), json.size());
    } catch (const std::exception& ex) {
        return Error("cmd.not_json", {ex.what()});
    }
    if (d.HasParseError()) return Error("cmd.not_json", {rapidjson::GetParseError_En(d.GetParseError())});
    if (has_nul(d)) return Error("cmd.bad_value", {"NUL"}, Location{"", 0, 0, "value"});
    return read_edit(d, 0);
}

}  // namespace yt
