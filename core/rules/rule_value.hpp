// rule_value.hpp — read a rule's number from a workspace's RuleSet, falling back to the default.
//
// Old or hand-made workspaces may lack a rule; then the shipped default (default_rules()) is used,
// and 0 when the id is unknown altogether. Implemented in default_rules.cpp.
#pragma once
#include <string>

#include "core/rules/rules_model.hpp"

namespace yt {

double rule_value(const RuleSet& rs, const std::string& id);

}  // namespace yt
