// command_json.cpp — parsing command JSON into Commands (see command_json.hpp for the forms).
#include "core/edit/command_json.hpp"

#include <sstream>

#include "core/calendar/templates.hpp"
#include "core/edit/list_edit.hpp"
#include "core/roles/scripts.hpp"
#include "core/tiering/audience.hpp"
#include "core/model/json.hpp"

namespace yt {

namespace {

using rapidjson::Document;
using rapidjson::Value;

std::string to_text(const Value& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    v.Accept(w);
    return std::string(buf.GetString(), buf.GetSize());
}

// Overlays `patch` onto `base` (objects merge recursively; anything else is replaced).
void merge(Value& base, const Value& patch, Document::AllocatorType& alloc) {
    if (!base.IsObject() || !patch.IsObject()) {
        base.CopyFrom(patch, alloc);
        return;
    }
    for (auto& m : patch.GetObject()) {
        auto it = base.FindMember(m.name);
        if (it == base.MemberEnd()) {
            Value k(m.name, alloc), v(m.value, alloc);
            base.AddMember(k, v, alloc);
        } else {
            merge(it->value, m.value, alloc);
        }
    }
}

template <class T>
std::string to_json(const T& obj) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
        ar(cereal::make_nvp("v", obj));
    }
    return os.str();
}

// Reads a whole T (an array or object) from `v`.
template <class T>
Result<T> read_value(const Value& v) {
    try {
        Document d;
        d.SetObject();
        Value copy(v, d.GetAllocator());
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

// The elements of a nested list given whole in a patch start from the element's defaults, so a
// step or a slot may leave fields out (as one written before its schema gained them does).
template <class E>
void complete_elements(Value& obj, const char* list, Document::AllocatorType& al) {
    if (!obj.IsObject() || !obj.HasMember(list) || !obj[list].IsArray()) return;
    Document def;
    def.Parse(to_json(E{}).c_str());
    for (Value& e : obj[list].GetArray()) {
        if (!e.IsObject()) continue;
        Value full(def["v"], al);
        merge(full, e, al);
        e = full;
    }
}
template <class T>
void complete_nested(Value&, Document::AllocatorType&) {}
template <>
void complete_nested<Sop>(Value& v, Document::AllocatorType& al) { complete_elements<SopStep>(v, "steps", al); }
template <>
void complete_nested<CadenceTemplate>(Value& v, Document::AllocatorType& al) { complete_elements<TemplateSlot>(v, "slots", al); }
template <>
void complete_nested<Audience>(Value& v, Document::AllocatorType& al) {
    complete_elements<AudienceCondition>(v, "conditions", al);
}

// Reads a T from `patch` merged over `base`.
template <class T>
Result<T> read_merged(const T& base, const Value& patch) {
    if (!patch.IsObject()) return Error("cmd.bad_value", {"not an object"}, Location{"", 0, 0, "value"});
    Document d;
    d.Parse(to_json(base).c_str());
    merge(d["v"], patch, d.GetAllocator());
    complete_nested<T>(d["v"], d.GetAllocator());
    return read_value<T>(d["v"]);
}

// What an object must satisfy to be saved: most lists take anything cereal reads; a compliance
// term needs a word, a level and a category (content_terms.hpp).
template <class T>
Status check_value(const T&) { return ok_status(); }
Status check_value(const ContentTerm& t) { return check_content_term(t); }
Status check_value(const ScriptEntry& e) {
    if (!is_script_category(e.category)) return Error("roles.bad_script_category", {e.category}, Location{"", 0, 0, "category"});
    return ok_status();
}
Status check_value(const Audience& a) { return check_audience(a); }

template <class T>
Result<CommandPtr> list_command(const Document& d, const std::string& type, const std::string& section,
                                std::function<std::vector<T>&(Workspace&)> at, const Workspace& current) {
    std::string id;
    if (d.HasMember("id") && d["id"].IsString()) id = d["id"].GetString();
    const auto& list = at(const_cast<Workspace&>(current));
    const T* existing = nullptr;
    for (const auto& x : list)
        if (x.id == id) existing = &x;
    using LE = ListEdit<T>;
    if (type == "move") {
        if (!existing) return Error("cmd.unknown_id", {id}, Location{"", 0, 0, section});
        if (!d.HasMember("index") || !d["index"].IsInt() || d["index"].GetInt() < 0)
            return Error("cmd.missing_field", {"index"}, Location{"", 0, 0, "index"});
        return CommandPtr(std::make_unique<ListMove<T>>("cmd.move", at, id, d["index"].GetInt()));
    }
    if (type == "erase") {
        if (!existing) return Error("cmd.unknown_id", {id}, Location{"", 0, 0, section});
        return CommandPtr(std::make_unique<LE>("cmd.erase", at, LE::Op::Erase, *existing, id));
    }
    if (!d.HasMember("value")) return Error("cmd.missing_field", {"value"}, Location{"", 0, 0, "value"});
    if (type == "update") {
        if (!existing) return Error("cmd.unknown_id", {id}, Location{"", 0, 0, section});
        auto v = read_merged(*existing, d["value"]);
        if (!v) return v.error();
        if (Status st = check_value(v.value()); !st) return st.error();
        return CommandPtr(std::make_unique<LE>("cmd.update", at, LE::Op::Update, std::move(v.value()), id));
    }
    T base{};
    base.id = id;
    auto v = read_merged(base, d["value"]);
    if (!v) return v.error();
    if (Status st = check_value(v.value()); !st) return st.error();
    int index = d.HasMember("index") && d["index"].IsInt() ? d["index"].GetInt() : -1;
    return CommandPtr(std::make_unique<LE>("cmd.insert", at, LE::Op::Insert, std::move(v.value()), "", index));
}

Result<CommandPtr> section_command(const Document& d, const std::string& type, const std::string& s,
                                   const Workspace& cur) {
    if (s == "roles.personas")
        return list_command<Persona>(d, type, s, [](Workspace& w) -> std::vector<Persona>& { return w.roles.personas; }, cur);
    if (s == "roles.accounts")
        return list_command<Account>(d, type, s, [](Workspace& w) -> std::vector<Account>& { return w.roles.accounts; }, cur);
    if (s == "roles.groups")
        return list_command<Group>(d, type, s, [](Workspace& w) -> std::vector<Group>& { return w.roles.groups; }, cur);
    if (s == "roles.operators")
        return list_command<Operator>(d, type, s, [](Workspace& w) -> std::vector<Operator>& { return w.roles.operators; }, cur);
    if (s == "roles.kocs")
        return list_command<Koc>(d, type, s, [](Workspace& w) -> std::vector<Koc>& { return w.roles.kocs; }, cur);
    if (s == "roles.scripts")
        return list_command<ScriptEntry>(d, type, s, [](Workspace& w) -> std::vector<ScriptEntry>& { return w.roles.scripts; }, cur);
    if (s == "calendar.items")
        return list_command<ContentItem>(d, type, s, [](Workspace& w) -> std::vector<ContentItem>& { return w.calendar.items; }, cur);
    if (s == "calendar.templates")
        return list_command<CadenceTemplate>(d, type, s, [](Workspace& w) -> std::vector<CadenceTemplate>& { return w.calendar.templates; }, cur);
    if (s == "calendar.sops")
        return list_command<Sop>(d, type, s, [](Workspace& w) -> std::vector<Sop>& { return w.calendar.sops; }, cur);
    if (s == "economics.scenarios")
        return list_command<Scenario>(d, type, s, [](Workspace& w) -> std::vector<Scenario>& { return w.economics.scenarios; }, cur);
    if (s == "calendar.festival_windows")
        return list_command<FestivalWindow>(d, type, s, [](Workspace& w) -> std::vector<FestivalWindow>& { return w.calendar.festival_windows; }, cur);
    if (s == "compliance.terms")
        return list_command<ContentTerm>(d, type, s, [](Workspace& w) -> std::vector<ContentTerm>& { return w.compliance.terms; }, cur);
    if (s == "audiences")
        return list_command<Audience>(d, type, s, [](Workspace& w) -> std::vector<Audience>& { return w.audiences; }, cur);
    if (s == "rules")
        return list_command<Rule>(d, type, s, [](Workspace& w) -> std::vector<Rule>& { return w.rules.rules; }, cur);
    return Error("cmd.unknown_section", {s}, Location{"", 0, 0, "section"});
}

Result<std::string> string_value(const Document& d) {
    if (!d.HasMember("value") || !d["value"].IsString())
        return Error("cmd.missing_field", {"value"}, Location{"", 0, 0, "value"});
    return std::string(d["value"].GetString(), d["value"].GetStringLength());
}

// {"type":"apply_template","id":"community_week","from":"2026-11-16","to":"2026-11-29",
//  "personas":[…],"groups":[…],"tiers":[…],"campaign":"…"}: the items apply_template() makes
// (core/calendar/templates.hpp), inserted as one undo step.
Result<std::vector<std::string>> string_list(const Document& d, const char* name) {
    std::vector<std::string> out;
    if (!d.HasMember(name)) return out;
    const Value& v = d[name];
    if (!v.IsArray()) return Error("cmd.bad_value", {name}, Location{"", 0, 0, name});
    for (const auto& x : v.GetArray()) {
        if (!x.IsString()) return Error("cmd.bad_value", {name}, Location{"", 0, 0, name});
        out.emplace_back(x.GetString(), x.GetStringLength());
    }
    return out;
}

Result<Day> day_field(const Document& d, const char* name) {
    if (!d.HasMember(name) || !d[name].IsString()) return Error("cmd.missing_field", {name}, Location{"", 0, 0, name});
    auto day = parse_day(d[name].GetString());
    if (!day) return Error("calendar.bad_date", {d[name].GetString()}, Location{"", 0, 0, name});
    return *day;
}

Result<CommandPtr> apply_template_command(const Document& d, const Workspace& cur) {
    if (!d.HasMember("id") || !d["id"].IsString()) return Error("cmd.missing_field", {"id"}, Location{"", 0, 0, "id"});
    const std::string id = d["id"].GetString();
    const std::vector<CadenceTemplate> builtins = builtin_templates();
    const CadenceTemplate* tpl = find_template(cur.calendar, builtins, id);
    if (!tpl) return Error("cmd.unknown_id", {id}, Location{"", 0, 0, "id"});
    TemplateTarget target;
    auto from = day_field(d, "from");
    if (!from) return from.error();
    auto to = day_field(d, "to");
    if (!to) return to.error();
    target.from = *from;
    target.to = *to;
    for (auto [name, dest] : {std::pair<const char*, std::vector<std::string>*>{"personas", &target.personas},
                              {"groups", &target.groups}, {"tiers", &target.tiers}}) {
        auto v = string_list(d, name);
        if (!v) return v.error();
        *dest = std::move(v.value());
    }
    if (d.HasMember("campaign") && d["campaign"].IsString()) target.campaign = d["campaign"].GetString();
    auto items = apply_template(*tpl, target, cur.calendar.items, cur.roles, &cur.rules);
    if (!items) return items.error();
    using LE = ListEdit<ContentItem>;
    std::vector<CommandPtr> parts;
    parts.reserve(items->size());
    for (ContentItem& it : items.value())
        parts.push_back(std::make_unique<LE>("cmd.insert", [](Workspace& w) -> std::vector<ContentItem>& { return w.calendar.items; },
                                             LE::Op::Insert, std::move(it)));
    return CommandPtr(std::make_unique<Batch>("cmd.apply_template", std::move(parts)));
}

}  // namespace

std::vector<std::string> list_sections() {
    return {"roles.personas", "roles.accounts", "roles.groups", "roles.operators", "roles.kocs", "roles.scripts", "calendar.items",
            "calendar.templates", "calendar.sops", "calendar.festival_windows", "economics.scenarios", "rules", "compliance.terms", "audiences"};
}

namespace {
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
}  // namespace

Result<CommandPtr> command_from_json(std::string_view json, const Workspace& current) {
    // Commands nest a few levels; deep text is refused before recursive code walks it.
    if (json_nesting_depth(json) > kMaxJsonDepth) return Error("cmd.not_json", {"nesting too deep"});
    Document d;
    try {
        d.Parse<kSafeParseFlags>(json.data(), json.size());
    } catch (const std::exception& e) {
        return Error("cmd.not_json", {e.what()});
    }
    if (d.HasParseError()) return Error("cmd.not_json", {rapidjson::GetParseError_En(d.GetParseError())});
    if (has_nul(d)) return Error("cmd.bad_value", {"NUL"}, Location{"", 0, 0, "value"});
    if (!d.IsObject() || !d.HasMember("type") || !d["type"].IsString())
        return Error("cmd.missing_field", {"type"}, Location{"", 0, 0, "type"});
    const std::string type = d["type"].GetString();

    if (type == "set_name" || type == "set_brand" || type == "set_theme") {
        auto v = string_value(d);
        if (!v) return v.error();
        if (type == "set_name")
            return make_set<std::string>("cmd.rename", [](Workspace& w) -> std::string& { return w.name; }, *v);
        if (type == "set_brand")
            return make_set<std::string>("cmd.brand", [](Workspace& w) -> std::string& { return w.brand; }, *v);
        if (*v != "light" && *v != "dark") return Error("cmd.bad_value", {*v}, Location{"", 0, 0, "value"});
        return make_set<std::string>("cmd.theme", [](Workspace& w) -> std::string& { return w.settings.theme; }, *v);
    }
    if (type == "set_language") {
        auto v = string_value(d);
        if (!v) return v.error();
        if (*v != "zh" && *v != "en") return Error("cmd.bad_value", {*v}, Location{"", 0, 0, "value"});
        return make_set<std::string>("cmd.language", [](Workspace& w) -> std::string& { return w.settings.language; }, *v);
    }
    if (type == "set_mask") {
        if (!d.HasMember("value") || !d["value"].IsBool())
            return Error("cmd.missing_field", {"value"}, Location{"", 0, 0, "value"});
        return make_set<bool>("cmd.mask", [](Workspace& w) -> bool& { return w.settings.mask_personal; },
                              d["value"].GetBool());
    }
    if (type == "set_rule") {
        if (!d.HasMember("id") || !d["id"].IsString()) return Error("cmd.missing_field", {"id"}, Location{"", 0, 0, "id"});
        if (!d.HasMember("value") || !d["value"].IsNumber())
            return Error("cmd.missing_field", {"value"}, Location{"", 0, 0, "value"});
        std::string id = d["id"].GetString();
        if (!current.rules.find(id)) return Error("cmd.unknown_id", {id}, Location{"", 0, 0, "id"});
        return make_set<double>("cmd.rule", [id](Workspace& w) -> double& {
            for (auto& r : w.rules.rules)
                if (r.id == id) return r.value;
            // The rule was there when the command was made; should a later edit have removed it
            // (undo of an insert), the value goes nowhere rather than into another rule.
            static thread_local double nowhere = 0;
            return nowhere;
        }, d["value"].GetDouble());
    }
    if (type == "set_tiering") {
        if (!d.HasMember("value")) return Error("cmd.missing_field", {"value"}, Location{"", 0, 0, "value"});
        auto v = read_merged(current.tiering, d["value"]);
        if (!v) return v.error();
        return make_set<TieringSettings>("cmd.tiering", [](Workspace& w) -> TieringSettings& { return w.tiering; }, *v);
    }
    if (type == "insert" || type == "update" || type == "erase" || type == "move") {
        if (!d.HasMember("section") || !d["section"].IsString())
            return Error("cmd.missing_field", {"section"}, Location{"", 0, 0, "section"});
        return section_command(d, type, d["section"].GetString(), current);
    }
    if (type == "set_festival_years") {
        if (!d.HasMember("value") || !d["value"].IsArray())
            return Error("cmd.missing_field", {"value"}, Location{"", 0, 0, "value"});
        auto v = read_value<std::vector<FestivalYear>>(d["value"]);
        if (!v) return v.error();
        return make_set<std::vector<FestivalYear>>(
            "cmd.festival_years", [](Workspace& w) -> std::vector<FestivalYear>& { return w.calendar.festival_years; }, *v);
    }
    if (type == "apply_template") return apply_template_command(d, current);
    if (type == "restore_content_terms")
        return make_set<std::vector<ContentTerm>>("cmd.restore_terms",
                                                  [](Workspace& w) -> std::vector<ContentTerm>& { return w.compliance.terms; },
                                                  restore_content_terms(current.compliance.terms));
    return Error("cmd.unknown_type", {type}, Location{"", 0, 0, "type"});
}

}  // namespace yt
