// edit_try.hpp — for tests: an edit read from its JSON form and tried on a copy of the workspace,
// so a refusal (unknown id, bad value, ...) shows up as the Result's error, as the app reports it.
#pragma once
#include <string_view>

#include "core/edit/history.hpp"

namespace yt {

inline Result<Edit> try_edit(std::string_view json, const Workspace& ws) {
    auto e = edit_from_json(json);
    if (!e) return e.error();
    Workspace copy = ws;
    if (auto undo = apply(copy, *e); !undo) return undo.error();
    return e;
}

}  // namespace yt
