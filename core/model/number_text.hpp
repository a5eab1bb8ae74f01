// number_text.hpp — numbers as the plan's texts write them, in either language.
//
// One format for every count and share a finding, a report or an export names: an integer with
// thousands separators ("4,720"), one decimal below 100 ("7.9"); a ratio as a percentage with
// one decimal when it has one ("12.5%", "80%").
#pragma once
#include <string>

namespace yt {

std::string count_text(double v);       // "-" when not finite
std::string percent_text(double ratio);

}  // namespace yt
