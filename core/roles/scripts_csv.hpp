// scripts_csv.hpp — the script library (话术库) as CSV for an SCRM's quick-reply library.
//
// Columns: persona, kind, trigger, reply, note. Written with core/io/csv_write (RFC 4180 quoting,
// CRLF, UTF-8 BOM so Excel opens the Chinese text, and a leading ' on text starting with
// = + - @ so a spreadsheet does not run it as a formula). `persona` holds the persona's name
// (its id when the name is empty or the persona is unknown); `kind` is the stored key ("faq",
// "keyword", "greeting", "complaint").
#pragma once
#include <string>

#include "core/roles/roles_model.hpp"

namespace yt {

// All libraries, or only the one of `persona_id` when it is not empty.
std::string export_scripts_csv(const RolesPlan& plan, const std::string& persona_id = "");

}  // namespace yt
