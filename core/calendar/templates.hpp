// templates.hpp — cadence templates: a cycle of slots stamped onto a date range for personas
// and groups, producing new content items (a pure function; the "apply_template" edit inserts them).
//
// Built-in templates: "community_week" (社群周节奏: try-on images, tutorials, live perks, user
// reviews through the week, one item per group), "moments_3_daily" (每天 3 条朋友圈, one series
// per persona) and "welcome_7day" (7 天新人欢迎序列, run once per persona). Slot channel "group"
// makes one item per target group; any other channel one item per target persona.
// Cycles of 1 or 7 days become daily / weekly repeating items ending at `to`; other cycles are
// stamped out as single items; cycle 0 runs once from `from`.
#pragma once
#include <string>
#include <vector>

#include "core/calendar/calendar_model.hpp"
#include "core/model/dates.hpp"
#include "core/model/result.hpp"
#include "core/roles/roles_model.hpp"
#include "core/rules/rules_model.hpp"

namespace yt {

std::vector<CadenceTemplate> builtin_templates();
// A built-in template by id, or the plan's own template of that id (the plan's wins).
const CadenceTemplate* find_template(const CalendarPlan& plan, const std::vector<CadenceTemplate>& builtins,
                                     const std::string& id);

struct TemplateTarget {
    Day from = 0, to = 0;                 // inclusive
    std::vector<std::string> personas;    // Persona ids (for non-group slots)
    std::vector<std::string> groups;      // Group ids (for group slots)
    std::vector<std::string> tiers;       // optional audience restriction copied to items
    std::string campaign;                 // copied to items
};

// New items for `target`. Ids are "<template id>-<n>" with the smallest n not used by `existing`
// nor by earlier new items, so the same inputs always give the same ids. Group items get the
// persona of the group's owner account when `roles` knows it. Errors: calendar.bad_range
// (from > to), calendar.range_too_long (over 3 years), calendar.no_target (no persona or group
// for the template's slots).
// With `rules`, a template is refused for a persona whose platform would not show its posts:
// WeCom customers see at most wecom.moments_visible_per_day Moments posts of a member a day, so
// a template with more Moments slots a day than that is not for a persona with a WeCom account
// (calendar.template_platform).
Result<std::vector<ContentItem>> apply_template(const CadenceTemplate& tpl, const TemplateTarget& target,
                                                const std::vector<ContentItem>& existing, const RolesPlan& roles,
                                                const RuleSet* rules = nullptr);

// Ok, or calendar.template_platform {template id, persona name, posts a day, limit} when the
// persona's WeCom account would hide most of the template's Moments posts (see above).
Status template_fits(const CadenceTemplate& tpl, const std::string& persona, const RolesPlan& roles, const RuleSet& rules);

}  // namespace yt
