// migrations.cpp — the schema steps. Schema 1 is the first published format; when the
// Workspace changes shape, bump kSchemaVersion and add a step `migrate_N_to_N1` here.
#include "core/persist/migrations.hpp"

#include "core/model/workspace.hpp"

namespace yt {

Status migrate_payload(rapidjson::Document& payload, std::uint32_t from_schema) {
    if (!payload.IsObject()) return Error("persist.bad_payload");
    if (from_schema < 1) return Error("persist.schema_unknown", {std::to_string(from_schema)});
    // No steps yet: schema 1 is current.
    (void)kSchemaVersion;
    return ok_status();
}

}  // namespace yt
