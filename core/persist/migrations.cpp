// migrations.cpp — the schema steps. Schema 1 is the first published format; when the
// Workspace changes shape, bump kSchemaVersion and add a step `migrate_N_to_N1` here.
#include "core/persist/migrations.hpp"

#include "core/model/workspace.hpp"

namespace yt {

namespace {

// Schema 2: tiering.statuses, which order statuses count as purchases. Workspaces saved before
// had no status column in their imports; they get the defaults.
Status migrate_1_to_2(rapidjson::Document& payload) {
    auto t = payload.FindMember("tiering");
    if (t == payload.MemberEnd() || !t->value.IsObject()) return Error("persist.bad_payload", {"tiering"});
    if (t->value.HasMember("statuses")) return ok_status();
    auto& a = payload.GetAllocator();
    const StatusPolicy def;
    rapidjson::Value s(rapidjson::kObjectType);
    for (int i = 0; i < kOrderStatuses; ++i) {
        const auto st = static_cast<OrderStatus>(i);
        s.AddMember(rapidjson::StringRef(order_status_key(st)), def.includes(st), a);
    }
    t->value.AddMember("statuses", s, a);
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
    static_assert(kSchemaVersion == 2, "add the step to the new schema here");
    return ok_status();
}

}  // namespace yt
