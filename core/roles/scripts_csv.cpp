// scripts_csv.cpp — CSV export of the persona script libraries (see scripts_csv.hpp).
#include "core/roles/scripts_csv.hpp"

#include "core/io/csv_write.hpp"
#include "core/roles/capacity.hpp"

namespace yt {

std::string export_scripts_csv(const RolesPlan& plan, const std::string& persona_id) {
    CsvWriter w;
    w.row({"persona", "kind", "trigger", "reply", "note"});
    for (const auto& lib : plan.scripts) {
        if (!persona_id.empty() && lib.persona != persona_id) continue;
        const Persona* p = find_persona(plan, lib.persona);
        const std::string name = p && !p->name.empty() ? p->name : lib.persona;
        for (const auto& e : lib.entries) w.row({name, e.kind, e.trigger, e.reply, e.note});
    }
    return w.take();
}

}  // namespace yt
