// workspace.hpp — the Workspace: the one value the user owns (the plan).
//
// Everything a user edits lives here and changes only through Edits (core/edit). Derived
// figures (tiers, CLV, capacity, findings, funnel) are computed from it, never stored in it.
// Imported order data are referenced by `dataset`, stored separately (they can be large).
#pragma once
#include <cstdint>
#include <string>

#include "core/calendar/calendar_model.hpp"
#include "core/economics/economics_model.hpp"
#include "core/model/serial.hpp"
#include "core/roles/roles_model.hpp"
#include "core/rules/content_terms.hpp"
#include "core/rules/rules_model.hpp"
#include "core/tiering/audience_model.hpp"
#include "core/tiering/tiering_settings.hpp"

namespace yt {

// Version of the workspace payload. Bump it with a migration in core/persist/migrations.cpp.
inline constexpr std::uint32_t kSchemaVersion = 6;

struct WorkspaceSettings {
    std::string language = "zh";  // "zh" or "en"
    bool mask_personal = true;    // mask phone numbers and names in lists and exports
    std::string theme = "light";
    int today = 0;                // a pinned date for what-if planning (Day); 0 = the device's date
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(language), CEREAL_NVP(mask_personal), CEREAL_NVP(theme), CEREAL_NVP(today));
    }
};

struct Workspace {
    std::string name;
    std::string brand;
    WorkspaceSettings settings;
    RuleSet rules;
    TieringSettings tiering;
    DatasetInfo dataset;
    RolesPlan roles;
    CalendarPlan calendar;
    EconomicsPlan economics;
    CompliancePlan compliance;  // content-compliance terms (core/rules/content_terms.hpp)
    std::vector<Audience> audiences;  // saved audiences (core/tiering/audience_model.hpp)

    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(name), CEREAL_NVP(brand), CEREAL_NVP(settings), cereal::make_nvp("rules", rules.rules),
           CEREAL_NVP(tiering), CEREAL_NVP(dataset), CEREAL_NVP(roles), CEREAL_NVP(calendar), CEREAL_NVP(economics),
           CEREAL_NVP(compliance), CEREAL_NVP(audiences));
    }
};

}  // namespace yt
