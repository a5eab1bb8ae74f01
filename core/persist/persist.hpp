// persist.hpp — the workspace file format: cereal JSON inside a checked envelope.
//
//   {"format":"yutang.workspace","schema":N,"app":"0.1.0","checksum":"fnv1a64:…","payload":{…}}
//
// The checksum covers the payload re-serialised compactly, so a hand-edited or truncated file is
// detected before cereal sees it. A newer schema is refused (never half-read); older ones are
// migrated step by step as JSON (migrations.cpp) and then read by cereal. Exceptions from cereal
// and rapidjson stop here: callers get Result values.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/result.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

inline constexpr const char* kFormatName = "yutang.workspace";
const char* app_version();

std::string save_workspace_json(const Workspace& ws);
// Reads a workspace file. A missing or stale checksum is refused (persist.checksum) unless
// `edited_outside` is given: then a file that still parses and reads completely opens, and
// *edited_outside says its checksum did not match (a file edited by hand, outside Yutang).
// Stored copies (the app's two slots) pass no pointer: for them a bad checksum means damage.
Result<Workspace> load_workspace_json(std::string_view text, bool* edited_outside = nullptr);

// 64-bit FNV-1a, printed as 16 hex digits.
std::uint64_t fnv1a64(std::string_view data);
std::string hex64(std::uint64_t v);

}  // namespace yt
