// edit.cpp — applying an Edit to a Workspace and computing its inverse (see edit.hpp).
//
// The place an edit names is found in two steps: the section by name (typed: a member of the
// Workspace), then the target element and the field path inside it through the element's JSON
// form, so one code path serves every type and the inverse is simply the old JSON at that place.
#include "core/edit/edit.hpp"

#include <algorithm>
#include <cstdlib>
#include <type_traits>

#include "core/calendar/templates.hpp"
#include "core/edit/edit_json_util.hpp"
#include "core/plan/handover.hpp"
#include "core/roles/scripts.hpp"
#include "core/tiering/audience.hpp"

namespace yt {

namespace {

using rapidjson::Document;
using rapidjson::Value;
using namespace edit_json_util;

template <class T>
struct ListOf : std::false_type {};
template <class E>
struct ListOf<std::vector<E>> {
    template <class X>
    static auto has_id(int) -> decltype(std::declval<X>().id, std::true_type{});
    template <class X>
    static std::false_type has_id(...);
    static constexpr bool value = decltype(has_id<E>(0))::value;
    using Element = E;
};

// The elements of a nested list given whole in a patch start from the element's defaults, so a
// step or a slot may leave fields out (as one written before its schema gained them does).
template <class E>
void complete_elements(Value& obj, const char* list, Document::AllocatorType& al) {
    if (!obj.IsObject() || !obj.HasMember(list) || !obj[list].IsArray()) return;
    Document def;
    def.Parse(value_json(E{}).c_str());
    for (Value& e : obj[list].GetArray()) {
        if (!e.IsObject()) continue;
        Value full(def, al);
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
void complete_nested<Audience>(Value& v, Document::AllocatorType& al) { complete_elements<AudienceCondition>(v, "conditions", al); }

// What a value must satisfy to be kept: most take anything cereal reads.
template <class T>
Status check_value(const T&) { return ok_status(); }
Status check_value(const ContentTerm& t) { return check_content_term(t); }
Status check_value(const ScriptEntry& e) {
    if (!is_script_category(e.category)) return Error("roles.bad_script_category", {e.category}, Location{"", 0, 0, "category"});
    return ok_status();
}
Status check_value(const Audience& a) { return check_audience(a); }
Status check_value(const WorkspaceSettings& s) {
    if (s.language != "zh" && s.language != "en") return Error("cmd.bad_value", {s.language}, Location{"", 0, 0, "language"});
    if (s.theme != "light" && s.theme != "dark") return Error("cmd.bad_value", {s.theme}, Location{"", 0, 0, "theme"});
    return ok_status();
}
Status check_value(const Workspace& w) { return check_value(w.settings); }
template <class E>
Status check_value(const std::vector<E>& v) {
    for (const E& x : v)
        if (Status st = check_value(x); !st) return st;
    return ok_status();
}
// Scalars of a section with a fixed set of values.
Status check_section(std::string_view section, const std::string& v) {
    if ((section == "settings.language" && v != "zh" && v != "en") || (section == "settings.theme" && v != "light" && v != "dark"))
        return Error("cmd.bad_value", {v}, Location{"", 0, 0, "value"});
    return ok_status();
}
template <class T>
Status check_section(std::string_view, const T&) { return ok_status(); }

// Calls f(slot) with the Workspace member `section` names.
template <class F>
Result<Edit> on_section(Workspace& w, std::string_view s, F&& f) {
    if (s == "") return f(w);
    if (s == "name") return f(w.name);
    if (s == "brand") return f(w.brand);
    if (s == "settings") return f(w.settings);
    if (s == "settings.language") return f(w.settings.language);
    if (s == "settings.mask_personal") return f(w.settings.mask_personal);
    if (s == "settings.theme") return f(w.settings.theme);
    if (s == "settings.today") return f(w.settings.today);
    if (s == "rules") return f(w.rules.rules);
    if (s == "tiering") return f(w.tiering);
    if (s == "dataset") return f(w.dataset);
    if (s == "roles.personas") return f(w.roles.personas);
    if (s == "roles.accounts") return f(w.roles.accounts);
    if (s == "roles.groups") return f(w.roles.groups);
    if (s == "roles.operators") return f(w.roles.operators);
    if (s == "roles.kocs") return f(w.roles.kocs);
    if (s == "roles.scripts") return f(w.roles.scripts);
    if (s == "roles.monthly_new_friends") return f(w.roles.monthly_new_friends);
    if (s == "calendar.items") return f(w.calendar.items);
    if (s == "calendar.templates") return f(w.calendar.templates);
    if (s == "calendar.sops") return f(w.calendar.sops);
    if (s == "calendar.festival_windows") return f(w.calendar.festival_windows);
    if (s == "calendar.festival_years") return f(w.calendar.festival_years);
    if (s == "economics.scenarios") return f(w.economics.scenarios);
    if (s == "economics.active") return f(w.economics.active);
    if (s == "economics.product") return f(w.economics.product);
    if (s == "economics.channels") return f(w.economics.channels);
    if (s == "compliance.terms") return f(w.compliance.terms);
    if (s == "audiences") return f(w.audiences);
    return Error("cmd.unknown_section", {std::string(s)}, Location{"", 0, 0, "section"});
}

Error bad_value(const std::string& what, const char* field = "value") { return Error("cmd.bad_value", {what}, Location{"", 0, 0, field}); }

// set / update of the value at `field` inside `obj`; `obj` is replaced only when the result reads.
template <class T>
Result<Edit> change_in(T& obj, const Edit& e) {
    Document d;
    d.Parse(value_json(obj).c_str());
    if (d.HasParseError()) return bad_value("value");
    Value* node = at_path(d, e.field);
    if (!node) return Error("cmd.unknown_field", {e.field}, Location{"", 0, 0, "field"});
    std::string prev = to_text(*node);
    Document v;
    v.Parse<kSafeParseFlags>(e.value.data(), e.value.size());
    if (v.HasParseError()) return bad_value("value");
    if (e.kind == "update") {
        if (!v.IsObject() || !node->IsObject()) return bad_value("not an object");
        merge(*node, v, d.GetAllocator());
        if (e.field.empty()) complete_nested<T>(*node, d.GetAllocator());
    } else {
        node->CopyFrom(v, d.GetAllocator());
    }
    auto out = read_json<T>(d);
    if (!out) return out.error();
    if constexpr (ListOf<std::vector<T>>::value) {
        if (out->id != obj.id) return Error("cmd.id_changed", {obj.id});
    }
    if (Status st = check_value(out.value()); !st) return st.error();
    if (Status st = check_section(e.section, out.value()); !st) return st.error();
    // Assigned, not moved: a view drawing this frame may still hold references into the old value
    // (its lists keep their storage when the new one fits).
    obj = out.value();
    return make_edit("set", e.section, e.target, e.field, std::move(prev), e.label);
}

template <class E>
typename std::vector<E>::iterator find_id(std::vector<E>& v, const std::string& id) {
    return std::find_if(v.begin(), v.end(), [&](const E& x) { return x.id == id; });
}

template <class T>
Result<Edit> list_edit(T& slot, const Edit& e) {
    if constexpr (!ListOf<T>::value) {
        return Error("cmd.unknown_section", {e.section}, Location{"", 0, 0, "section"});
    } else {
        using E = typename ListOf<T>::Element;
        auto it = find_id(slot, e.target);
        if (e.kind == "insert") {
            if (e.target.empty()) return Error("cmd.missing_id", {}, Location{"", 0, 0, "id"});
            if (it != slot.end()) return Error("cmd.duplicate_id", {e.target}, Location{"", 0, 0, "id"});
            // The new element is the value merged over the element's defaults: an update of a fresh one.
            E base{};
            base.id = e.target;
            Edit fill = e;
            fill.kind = "update";
            fill.field.clear();
            if (auto filled = change_in(base, fill); !filled) return filled.error();
            const std::size_t pos =
                e.index >= 0 && static_cast<std::size_t>(e.index) <= slot.size() ? static_cast<std::size_t>(e.index) : slot.size();
            slot.insert(slot.begin() + static_cast<std::ptrdiff_t>(pos), std::move(base));
            return erase_edit(e.section, e.target, e.label);
        }
        if (it == slot.end()) return Error("cmd.unknown_id", {e.target}, Location{"", 0, 0, e.section});
        const int pos = static_cast<int>(it - slot.begin());
        if (e.kind == "erase") {
            Edit back = make_edit("insert", e.section, e.target, "", value_json(*it), e.label);
            back.index = pos;
            slot.erase(it);
            return back;
        }
        if (e.kind == "move") {
            if (e.index < 0) return Error("cmd.missing_field", {"index"}, Location{"", 0, 0, "index"});
            const std::size_t to = std::min(static_cast<std::size_t>(e.index), slot.size() - 1);
            const auto from = static_cast<std::size_t>(pos);
            if (from < to) std::rotate(slot.begin() + pos, slot.begin() + pos + 1, slot.begin() + static_cast<std::ptrdiff_t>(to) + 1);
            else if (to < from) std::rotate(slot.begin() + static_cast<std::ptrdiff_t>(to), slot.begin() + pos, slot.begin() + pos + 1);
            return move_edit(e.section, e.target, pos, e.label);
        }
        return change_in(*it, e);  // set / update of an element
    }
}

Result<Edit> place_edit(Workspace& ws, const Edit& e) {
    return on_section(ws, e.section, [&](auto& slot) -> Result<Edit> {
        if (e.kind == "set" || e.kind == "update") {
            if (e.target.empty()) return change_in(slot, e);
        }
        return list_edit(slot, e);
    });
}

std::string json_string_value(const Edit& e) {
    Document v;
    v.Parse<kSafeParseFlags>(e.value.data(), e.value.size());
    if (v.HasParseError() || !v.IsString()) return {};
    return std::string(v.GetString(), v.GetStringLength());
}

// A handover: checked as a handover, then the one field changes (its inverse is a plain set).
Result<Edit> handover(Workspace& ws, const Edit& e) {
    const std::string to = json_string_value(e);
    Edit set;
    if (e.kind == "reassign") {
        auto r = plan_account_reassign(ws.roles, e.target, to);
        if (!r) return r.error();
        set = set_at("roles.accounts", e.target, "operator_id", to, e.label);
    } else {
        auto t = plan_group_transfer(ws.roles, ws.rules, e.target, to, TransferCounts{});
        if (!t) return t.error();
        set = set_at("roles.groups", e.target, "owner_account", to, e.label);
    }
    return place_edit(ws, set);
}

Result<Edit> apply_batch(Workspace& ws, const std::vector<Edit>& parts, const std::string& label) {
    std::vector<Edit> undo;
    undo.reserve(parts.size());
    for (const Edit& p : parts) {
        auto inv = apply(ws, p);
        if (!inv) {
            for (auto it = undo.rbegin(); it != undo.rend(); ++it) (void)apply(ws, *it);
            return inv.error();
        }
        undo.push_back(std::move(inv.value()));
    }
    std::reverse(undo.begin(), undo.end());
    return batch_edit(label, std::move(undo));
}

Result<std::vector<std::string>> string_list(const Value& d, const char* name) {
    std::vector<std::string> out;
    if (!d.HasMember(name)) return out;
    const Value& v = d[name];
    if (!v.IsArray()) return bad_value(name, name);
    for (const auto& x : v.GetArray()) {
        if (!x.IsString()) return bad_value(name, name);
        out.emplace_back(x.GetString(), x.GetStringLength());
    }
    return out;
}

Result<Day> day_field(const Value& d, const char* name) {
    if (!d.HasMember(name) || !d[name].IsString()) return Error("cmd.missing_field", {name}, Location{"", 0, 0, name});
    auto day = parse_day(d[name].GetString());
    if (!day) return Error("calendar.bad_date", {d[name].GetString()}, Location{"", 0, 0, name});
    return *day;
}

// value {"id":"community_week","from":"2026-11-16","to":"2026-11-29","personas":[…],"groups":[…],
// "tiers":[…],"campaign":"…"}: the items apply_template() makes, inserted as one step.
Result<Edit> template_items(Workspace& ws, const Edit& e) {
    Document d;
    d.Parse<kSafeParseFlags>(e.value.data(), e.value.size());
    if (d.HasParseError() || !d.IsObject()) return bad_value("not an object");
    if (!d.HasMember("id") || !d["id"].IsString()) return Error("cmd.missing_field", {"id"}, Location{"", 0, 0, "id"});
    const std::string id = d["id"].GetString();
    const std::vector<CadenceTemplate> builtins = builtin_templates();
    const CadenceTemplate* tpl = find_template(ws.calendar, builtins, id);
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
    auto items = apply_template(*tpl, target, ws.calendar.items, ws.roles, &ws.rules);
    if (!items) return items.error();
    std::vector<Edit> parts;
    parts.reserve(items->size());
    for (const ContentItem& it : items.value()) parts.push_back(insert_edit("calendar.items", it));
    return apply_batch(ws, parts, edit_label(e));
}

}  // namespace

Result<Edit> apply(Workspace& ws, const Edit& e) {
    if (e.kind == "set" || e.kind == "update" || e.kind == "insert" || e.kind == "erase" || e.kind == "move")
        return place_edit(ws, e);
    if (e.kind == "batch") return apply_batch(ws, e.parts, edit_label(e));
    if (e.kind == "reassign" || e.kind == "transfer") return handover(ws, e);
    if (e.kind == "apply_template") return template_items(ws, e);
    if (e.kind == "restore_content_terms")
        return place_edit(ws, set_value("compliance.terms", restore_content_terms(ws.compliance.terms), edit_label(e)));
    return Error("cmd.unknown_type", {e.kind}, Location{"", 0, 0, "type"});
}

std::string compact_value(const std::string& cereal_text) {
    Document d;
    d.Parse(cereal_text.c_str());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("v")) return {};
    return to_text(d["v"]);
}

Edit make_edit(std::string kind, std::string section, std::string target, std::string field, std::string value, std::string label) {
    Edit e;
    e.kind = std::move(kind);
    e.section = std::move(section);
    e.target = std::move(target);
    e.field = std::move(field);
    e.value = std::move(value);
    e.label = std::move(label);
    return e;
}

Edit set_field_json(std::string section, const std::string& whole_json, const std::string& id, std::string field, std::string label) {
    Document d;
    d.Parse(whole_json.c_str());
    const Value* node = d.HasParseError() ? nullptr : at_path(d, field);
    if (!node) return make_edit("set", std::move(section), id, "", whole_json, std::move(label));
    return make_edit("set", std::move(section), id, std::move(field), to_text(*node), std::move(label));
}

Edit erase_edit(std::string section, std::string id, std::string label) {
    return make_edit("erase", std::move(section), std::move(id), "", "", std::move(label));
}

Edit move_edit(std::string section, std::string id, int index, std::string label) {
    Edit e = make_edit("move", std::move(section), std::move(id), "", "", std::move(label));
    e.index = index;
    return e;
}

Edit batch_edit(std::string label, std::vector<Edit> parts) {
    Edit e = make_edit("batch", "", "", "", "", std::move(label));
    e.parts = std::move(parts);
    return e;
}

std::vector<std::string> list_sections() {
    return {"roles.personas", "roles.accounts", "roles.groups", "roles.operators", "roles.kocs", "roles.scripts", "calendar.items",
            "calendar.templates", "calendar.sops", "calendar.festival_windows", "economics.scenarios", "rules", "compliance.terms", "audiences"};
}

std::vector<std::string> edit_sections() {
    std::vector<std::string> out = {"",         "name",          "brand",   "settings", "settings.language", "settings.mask_personal",
                                    "settings.theme", "settings.today", "tiering", "dataset", "roles.monthly_new_friends",
                                    "calendar.festival_years", "economics.active", "economics.product", "economics.channels"};
    for (std::string& s : list_sections()) out.push_back(std::move(s));
    return out;
}

std::string edit_label(const Edit& e) {
    if (!e.label.empty()) return e.label;
    if (e.kind == "set" || e.kind == "update") {
        static const std::pair<const char*, const char*> by_section[] = {
            {"name", "cmd.rename"},           {"brand", "cmd.brand"},           {"settings.language", "cmd.language"},
            {"settings.mask_personal", "cmd.mask"}, {"settings.theme", "cmd.theme"}, {"settings.today", "cmd.pin_today"},
            {"rules", "cmd.rule"},            {"tiering", "cmd.tiering"},      {"calendar.festival_years", "cmd.festival_years"},
            {"calendar.festival_windows", "cmd.festival_windows"}, {"dataset", "cmd.dataset"}};
        for (const auto& [s, k] : by_section)
            if (e.section == s) return k;
        return "cmd.update";
    }
    if (e.kind == "insert") return "cmd.insert";
    if (e.kind == "erase") return "cmd.erase";
    if (e.kind == "move") return "cmd.move";
    if (e.kind == "reassign") return "cmd.reassign";
    if (e.kind == "transfer") return "cmd.transfer";
    if (e.kind == "apply_template") return "cmd.apply_template";
    if (e.kind == "restore_content_terms") return "cmd.restore_terms";
    return "cmd.update";
}

bool same_place(const Edit& a, const Edit& b) {
    return (a.kind == "set" || a.kind == "update") && a.kind == b.kind && a.section == b.section && a.target == b.target &&
           a.field == b.field;
}

}  // namespace yt
