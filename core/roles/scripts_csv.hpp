// scripts_csv.hpp — the script library (话术库) as CSV, out to and in from an SCRM's quick-reply
// library (快捷回复 / 话术库).
//
// Layout (one row per entry, a header row first):
//   分组,标题,内容,关键词,人设,备注,编号
//   group (the category's Chinese name), title (the trigger), content (the reply), keywords
//   (joined with 、), persona (its name), note, id.
// No vendor publishes its quick-reply import template, so this layout is an assumption: the
// three columns common to the SCRM quick-reply screens (a group, a title, the content), then
// Yutang's own. Export writes core/io/csv_write's CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting,
// formula guard).
//
// Import reads the columns by header name, in any order, in Chinese or English (分组/category/
// group/kind, 标题/title/trigger, 内容/content/reply, 关键词/keywords, 人设/persona, 备注/note,
// 编号/id); only 内容 is required. Text may be UTF-8 (with or without BOM), UTF-16 with a BOM or
// GB18030/GBK (Chinese Excel's CSV), comma- or tab-separated. A group is a category key, its
// Chinese or English name or an old kind (greeting, complaint); empty means 常见问题 FAQ. A persona is
// matched by name or id; empty (or no 人设 column) means `default_persona`. Keywords split on
// , ， 、 ; ； |. A row whose 编号 is an entry already in the library replaces that entry (in its
// place); every other row is added at the end, keeping its 编号 when unused, else with a new one.
// Any bad row refuses the whole file, naming the line (and the column): nothing changes.
//   roles.csv_no_content   no 内容 column in the header
//   roles.csv_no_rows      a header and no entries
//   roles.csv_bad_text     a cell that is not valid text in the file's encoding
//   roles.csv_extra_cells  more cells than the header has columns
//   roles.csv_empty_reply  no 内容 in a row
//   roles.csv_bad_category a group that is no category ({0} the group)
//   roles.csv_unknown_persona  a persona that is neither a name nor an id ({0})
//   roles.csv_duplicate_id the same 编号 twice in the file ({0})
// and the file-level io.empty_file / io.binary_file / io.spreadsheet_file of detect_encoding.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model/result.hpp"
#include "core/roles/roles_model.hpp"

namespace yt {

// All entries, or only those of `persona_id` when it is not empty.
std::string export_scripts_csv(const RolesPlan& plan, const std::string& persona_id = "");

struct ScriptImport {
    std::vector<ScriptEntry> scripts;  // the whole library after the import
    int added = 0, updated = 0;
    std::string encoding;              // encoding_name() of the file
};
Result<ScriptImport> import_scripts_csv(std::string_view bytes, const RolesPlan& plan, const std::string& default_persona = "");

}  // namespace yt
