// import_blob.hpp — how an imported order file is kept between sessions: one blob holding a
// one-line JSON header (file name and the import options used) followed by either the file's
// bytes as read (reloading re-imports them with the same options) or, with "form":"rows", the
// rows the import read (core/io/stored_rows.hpp: reloading reads them back without parsing the
// file again). Either way what the user saw is restored exactly.
#pragma once
#include <string>
#include <string_view>

#include "core/io/importer.hpp"
#include "core/model/result.hpp"

namespace yt {

struct StoredImport {
    std::string file_name;
    ImportOptions options;
    std::string bytes;
    bool rows = false;  // the body is the rows' stored form, not the file
};

std::string pack_import(const std::string& file_name, const ImportOptions& options, std::string_view bytes);
// The header line alone (with its line end): pack_import() = pack_import_head() + bytes, for
// callers that hand the two parts over without joining a large file into a new string.
std::string pack_import_head(const std::string& file_name, const ImportOptions& options, bool rows = false);
// Errors: io.bad_stored_import when the header is missing or unreadable.
Result<StoredImport> unpack_import(std::string_view blob);
// The header alone (`bytes` left empty); *body is where the file's bytes start in `blob`.
Result<StoredImport> unpack_import_head(std::string_view blob, std::size_t* body);

}  // namespace yt
