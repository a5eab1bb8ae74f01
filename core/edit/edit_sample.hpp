// edit_sample.hpp — random but plausible edits of a workspace: every kind, over every section,
// for the property test (replay, undo all, redo all) and the undo-memory benchmark.
//
//   std::mt19937 rng(7);
//   Edit e = sample_edit(ws, rng);   // built from the workspace as it is now; may still be refused
#pragma once
#include <random>

#include "core/edit/edit.hpp"

namespace yt {

Edit sample_edit(const Workspace& ws, std::mt19937& rng);

}  // namespace yt
