// migrations.cpp — the schema steps. Schema 1 is the first published format; when the
// Workspace changes shape, bump kSchemaVersion and add a step `migrate_N_to_N1` here.
#include "core/persist/migrations.hpp"

#include <sstream>

#include "core/plan/workspace.hpp"
#include "core/roles/scripts.hpp"
#include "core/rules/rules_model.hpp"

namespace yt {

namespace {

using Value = rapidjson::Value;

// Adds `name` with `v` to an object that lacks it (leaves it alone otherwise).
void add_missing(Value& obj, const char* name, Value v, rapidjson::Document::AllocatorType& al) {
    if (obj.IsObject() && !obj.HasMember(name)) obj.AddMember(Value(name, al), v, al);
}

// Each element of obj[array] that is an object gets `name` = a copy of `v` when missing.
void add_missing_each(Value& obj, const char* array, const char* name, const Value& v,
                      rapidjson::Document::AllocatorType& al) {
    if (!obj.IsObject() || !obj.HasMember(array) || !obj[array].IsArray()) return;
    for (Value& e : obj[array].GetArray()) add_missing(e, name, Value(v, al), al);
}

// Schema 2: which order statuses count as purchases (tiering.statuses; older workspaces had no
// status column in their imports and get the defaults), a pinned planning date (settings.today),
// the owner names an account claims in the order file (accounts[].owners), how a message is sent
// (items[].sent_as), festivals marked major by the brand (festival_windows[].major) and per-year
// festival phases (festival_years).
Status migrate_1_to_2(rapidjson::Document& d) {
    auto t = d.FindMember("tiering");
    if (t == d.MemberEnd() || !t->value.IsObject()) return Error("persist.bad_payload", {"tiering"});
    auto& al = d.GetAllocator();
    if (!t->value.HasMember("statuses")) {
        const StatusPolicy def;
        Value s(rapidjson::kObjectType);
        for (int i = 0; i < kOrderStatuses; ++i) {
            const auto st = static_cast<OrderStatus>(i);
            s.AddMember(rapidjson::StringRef(order_status_key(st)), def.includes(st), al);
        }
        t->value.AddMember("statuses", s, al);
    }
    if (d.HasMember("settings")) add_missing(d["settings"], "today", Value(0), al);
    if (d.HasMember("roles")) add_missing_each(d["roles"], "accounts", "owners", Value(rapidjson::kArrayType), al);
    if (d.HasMember("calendar")) {
        Value& cal = d["calendar"];
        add_missing_each(cal, "items", "sent_as", Value(""), al);
        add_missing_each(cal, "festival_windows", "major", Value(-1), al);
        add_missing(cal, "festival_years", Value(rapidjson::kArrayType), al);
    }
    return ok_status();
}

// Schema 3: the segment change against the previous import, kept with the dataset
// (dataset.change; nothing was compared before).
Status migrate_2_to_3(rapidjson::Document& d) {
    auto ds = d.FindMember("dataset");
    if (ds == d.MemberEnd() || !ds->value.IsObject()) return Error("persist.bad_payload", {"dataset"});
    auto& al = d.GetAllocator();
    Value c(rapidjson::kObjectType);
    c.AddMember("from_name", "", al);
    c.AddMember("from_imported_at", "", al);
    c.AddMember("matrix", Value(rapidjson::kArrayType), al);
    c.AddMember("new_in", Value(rapidjson::kArrayType), al);
    c.AddMember("gone_from", Value(rapidjson::kArrayType), al);
    c.AddMember("matched", 0, al);
    c.AddMember("new_total", 0, al);
    c.AddMember("gone_total", 0, al);
    add_missing(ds->value, "change", std::move(c), al);
    return ok_status();
}

// Schema 4: the content-compliance terms (compliance.terms). Older workspaces had none and get
// the shipped list, so their content is scanned like a new workspace's.
Status migrate_3_to_4(rapidjson::Document& d) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
        CompliancePlan shipped;
        shipped.terms = default_content_terms();
        ar(cereal::make_nvp("v", shipped));
    }
    rapidjson::Document c;
    c.Parse(os.str().c_str());
    if (c.HasParseError() || !c.IsObject() || !c.HasMember("v")) return Error("persist.bad_payload", {"compliance"});
    auto& al = d.GetAllocator();
    add_missing(d, "compliance", Value(c["v"], al), al);
    return ok_status();
}

// Schema 5: the script library is one flat list of entries with ids (roles.scripts[] =
// {id, persona, category, trigger, keywords, reply, note}) instead of one library per persona
// with unnamed entries. Entries get ids s1, s2, … in the old order (library by library); old
// kinds become categories (category_of_kind: greeting → welcome, complaint → crisis), and a
// keyword reply's trigger becomes its keyword. (An element already in the flat form is kept.)
// The rules gain the two group-health thresholds (group.zombie_*) that came with it.
Status migrate_4_to_5(rapidjson::Document& d) {
    auto r = d.FindMember("roles");
    if (r == d.MemberEnd() || !r->value.IsObject()) return Error("persist.bad_payload", {"roles"});
    auto& al = d.GetAllocator();
    Value flat(rapidjson::kArrayType);
    auto text = [&](const Value& obj, const char* name) {
        auto m = obj.FindMember(name);
        return m != obj.MemberEnd() && m->value.IsString() ? std::string(m->value.GetString(), m->value.GetStringLength()) : std::string();
    };
    auto libs = r->value.FindMember("scripts");
    if (libs != r->value.MemberEnd()) {
        if (!libs->value.IsArray()) return Error("persist.bad_payload", {"roles.scripts"});
        int n = 0;
        for (const Value& lib : libs->value.GetArray()) {
            if (!lib.IsObject()) return Error("persist.bad_payload", {"roles.scripts"});
            auto entries = lib.FindMember("entries");
            if (entries == lib.MemberEnd()) {  // already an entry of the flat list: kept
                flat.PushBack(Value(lib, al), al);
                continue;
            }
            if (!entries->value.IsArray()) return Error("persist.bad_payload", {"roles.scripts"});
            const std::string persona = text(lib, "persona");
            for (const Value& e : entries->value.GetArray()) {
                if (!e.IsObject()) return Error("persist.bad_payload", {"roles.scripts"});
                const std::string kind = text(e, "kind"), trigger = text(e, "trigger");
                Value x(rapidjson::kObjectType);
                auto str = [&](const std::string& s) { return Value(s.c_str(), static_cast<rapidjson::SizeType>(s.size()), al); };
                x.AddMember("id", str("s" + std::to_string(++n)), al);
                x.AddMember("persona", str(persona), al);
                x.AddMember("category", str(category_of_kind(kind)), al);
                x.AddMember("trigger", str(trigger), al);
                Value keywords(rapidjson::kArrayType);
                if (kind == "keyword" && !trigger.empty()) keywords.PushBack(str(trigger), al);
                x.AddMember("keywords", keywords, al);
                x.AddMember("reply", str(text(e, "reply")), al);
                x.AddMember("note", str(text(e, "note")), al);
                flat.PushBack(x, al);
            }
        }
        libs->value = flat;
    } else {
        r->value.AddMember("scripts", flat, al);
    }
    // The group-health thresholds shipped with this schema: added as built in, unless present.
    auto rules = d.FindMember("rules");
    if (rules == d.MemberEnd() || !rules->value.IsArray()) return Error("persist.bad_payload", {"rules"});
    if (rules->value.Empty()) return ok_status();  // a workspace that keeps no rules gets none
    for (const Rule& rule : default_rules().rules) {
        if (rule.id != "group.zombie_speaking_ratio" && rule.id != "group.zombie_msgs_per_member_day") continue;
        bool present = false;
        for (const Value& x : rules->value.GetArray())
            present |= x.IsObject() && x.HasMember("id") && x["id"].IsString() && rule.id == x["id"].GetString();
        if (present) continue;
        std::ostringstream os;
        {
            cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
            ar(cereal::make_nvp("v", rule));
        }
        rapidjson::Document one;
        one.Parse(os.str().c_str());
        if (one.HasParseError() || !one.IsObject() || !one.HasMember("v")) return Error("persist.bad_payload", {"rules"});
        rules->value.PushBack(Value(one["v"], al), al);
    }
    return ok_status();
}

// Schema 6: saved audiences (audiences, empty) and journeys that name an audience, can be switched
// off, and give each step a persona, account, script, coupon and way of sending (calendar.sops[],
// steps[]).
Status migrate_5_to_6(rapidjson::Document& d) {
    auto& al = d.GetAllocator();
    add_missing(d, "audiences", Value(rapidjson::kArrayType), al);
    auto c = d.FindMember("calendar");
    if (c == d.MemberEnd() || !c->value.IsObject()) return Error("persist.bad_payload", {"calendar"});
    auto sops = c->value.FindMember("sops");
    if (sops == c->value.MemberEnd()) return ok_status();
    if (!sops->value.IsArray()) return Error("persist.bad_payload", {"calendar.sops"});
    for (Value& s : sops->value.GetArray()) {
        if (!s.IsObject()) return Error("persist.bad_payload", {"calendar.sops"});
        add_missing(s, "audience", Value("", al), al);
        add_missing(s, "enabled", Value(true), al);
        for (const char* f : {"persona", "account", "script", "coupon", "sent_as"}) add_missing_each(s, "steps", f, Value("", al), al);
    }
    return ok_status();
}

}  // namespace

Status migrate_payload(rapidjson::Document& payload, std::uint32_t from_schema) {
    if (!payload.IsObject()) return Error("persist.bad_payload");
    if (from_schema < 1) return Error("persist.schema_unknown", {std::to_string(from_schema)});
    if (from_schema < 2) {
        Status st = migrate_1_to_2(payload);
        if (!st) return st;
    }
    if (from_schema < 3) {
        Status st = migrate_2_to_3(payload);
        if (!st) return st;
    }
    if (from_schema < 4) {
        Status st = migrate_3_to_4(payload);
        if (!st) return st;
    }
    if (from_schema < 5) {
        Status st = migrate_4_to_5(payload);
        if (!st) return st;
    }
    if (from_schema < 6) {
        Status st = migrate_5_to_6(payload);
        if (!st) return st;
    }
    static_assert(kSchemaVersion == 6, "add the step to the new schema here");
    return ok_status();
}

}  // namespace yt
