// fuzz_workspace.cpp — libFuzzer target for everything that reads stored state: the workspace
// file (core/persist), the stored import blob (core/io/import_blob) and edits in their JSON form
// (core/edit/edit_json.cpp) applied to the demo workspace.
//
// Build and run with Debian's clang: `./build.sh fuzz 60` (tests/fuzz/run.sh). Each input is
//  1. loaded as a workspace file as is (envelope, checksum, migrations, cereal);
//  2. if it is JSON, wrapped again with a correct checksum (its "payload" member if it has one),
//     so mutations reach the migrations and cereal instead of stopping at the checksum; a
//     workspace that loads must save and load back to the same bytes;
//  3. unpacked as a stored import; one that unpacks must pack and unpack to the same contents;
//  4. split into lines, each read as a command against the current workspace and submitted to a
//     History over the demo workspace; undoing every applied command must give back the saved
//     JSON of each earlier state exactly (compared as cereal writes it), and redoing them the
//     final state; the edited workspace must save and load back.
// Failed checks abort, so libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "core/edit/history.hpp"
#include "core/io/import_blob.hpp"
#include "core/plan/demo.hpp"
#include "core/model/json.hpp"
#include "core/persist/persist.hpp"

namespace {

std::string compact(const rapidjson::Value& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    v.Accept(w);
    return std::string(buf.GetString(), buf.GetSize());
}

// The workspace as cereal writes it: cheaper than save_workspace_json (no re-parse), and equal
// snapshots mean equal saved files.
std::string snapshot(const yt::Workspace& ws) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
        ar(cereal::make_nvp("payload", ws));
    }
    return os.str();
}

void check_roundtrip(const yt::Workspace& ws) {
    const std::string saved = yt::save_workspace_json(ws);
    auto again = yt::load_workspace_json(saved);
    check(again.ok());
    check(yt::save_workspace_json(*again) == saved);
}

// Path 2: the input's payload under a correct envelope, schema from the input when present.
void load_rechecked(std::string_view bytes) {
    // The harness re-serialises the payload recursively; the loader itself gets deep nesting in path 1.
    if (yt::json_nesting_depth(bytes) > yt::kMaxJsonDepth) return;
    rapidjson::Document d;
    try {
        d.Parse<rapidjson::kParseIterativeFlag>(bytes.data(), bytes.size());
    } catch (const std::exception&) {
        return;
    }
    if (d.HasParseError() || !d.IsObject()) return;
    const rapidjson::Value* payload = &d;
    unsigned schema = 1;
    auto p = d.FindMember("payload");
    if (p != d.MemberEnd()) payload = &p->value;
    auto s = d.FindMember("schema");
    if (s != d.MemberEnd() && s->value.IsUint()) schema = s->value.GetUint();
    const std::string body = compact(*payload);
    const std::string file = std::string("{\"format\":\"") + yt::kFormatName + "\",\"schema\":" +
                             std::to_string(schema) + ",\"checksum\":\"fnv1a64:" + yt::hex64(yt::fnv1a64(body)) +
                             "\",\"payload\":" + body + "}";
    auto ws = yt::load_workspace_json(file);
    if (ws) check_roundtrip(*ws);
}

// Path 3: stored imports.
void unpack(std::string_view bytes) {
    auto s = yt::unpack_import(bytes);
    if (!s) {
        check(s.error().code == "io.bad_stored_import");
        return;
    }
    const std::string blob = yt::pack_import(s->file_name, s->options, s->bytes);
    auto t = yt::unpack_import(blob);
    check(t.ok());
    check(t->file_name == s->file_name && t->bytes == s->bytes);
    check(t->options.encoding == s->options.encoding && t->options.header == s->options.header);
    check(t->options.delimiter == s->options.delimiter);
    check(t->options.mapping.has_value() == s->options.mapping.has_value());
    if (t->options.mapping)
        check(yt::format_column_spec(*t->options.mapping) == yt::format_column_spec(*s->options.mapping));
}

// Path 4: commands through a History, then undo and redo everything.
void commands(std::string_view bytes) {
    static const yt::Workspace demo = yt::demo_workspace(yt::kDemoToday);
    static const std::string demo_saved = snapshot(demo);
    yt::Workspace ws = demo;
    yt::History history(ws);
    std::vector<std::string> states{demo_saved};
    std::size_t start = 0;
    for (int n = 0; n < 8 && start <= bytes.size(); ++n) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        const std::string_view line = bytes.substr(start, end - start);
        start = end + 1;
        auto cmd = yt::edit_from_json(line);
        if (!cmd) {
            check(!cmd.error().code.empty());
            continue;
        }
        const yt::Status st = history.submit(std::move(*cmd));
        history.seal();
        if (!st) {
            check(snapshot(ws) == states.back());  // a refused command changes nothing
            continue;
        }
        states.push_back(snapshot(ws));
    }
    if (states.size() == 1) return;
    check_roundtrip(ws);
    for (std::size_t i = states.size() - 1; i > 0; --i) {
        check(history.undo());
        check(snapshot(ws) == states[i - 1]);
    }
    check(!history.undo());
    for (std::size_t i = 1; i < states.size(); ++i) {
        check(history.redo());
        check(snapshot(ws) == states[i]);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto ws = yt::load_workspace_json(bytes);
    if (ws) check_roundtrip(*ws);
    else check(!ws.error().code.empty());
    load_rechecked(bytes);
    unpack(bytes);
    commands(bytes);
    return 0;
}
