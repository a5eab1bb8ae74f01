// cli_common.cpp — file I/O, workspaces, error printing and JSON helpers for the CLI.
#include "cli/cli_common.hpp"

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/file_bytes.hpp"
#include "core/model/json.hpp"
#include "core/persist/persist.hpp"
#include "core/persist/sealed.hpp"
#include "native/crypto.hpp"

namespace yt::cli {

Result<std::string> read_file(const std::string& path) { return read_whole_file(path); }

Status write_file(const std::string& path, const std::string& data) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f || !f.write(data.data(), static_cast<std::streamsize>(data.size())))
        return Error("cli.cannot_write", {path}, Location{path, 0, 0, ""});
    return ok_status();
}

Result<std::string> passphrase_arg(const Args& args) {
    if (!args.has("passphrase-file") || args.get("passphrase-file").empty())
        return Error("cli.needs_passphrase", {}, Location{"", 0, 0, "--passphrase-file"});
    auto text = read_file(args.get("passphrase-file"));
    if (!text) return text.error();
    std::string p = std::move(*text);
    if (!p.empty() && p.back() == '\n') p.pop_back();
    if (!p.empty() && p.back() == '\r') p.pop_back();
    if (p.empty()) return Error("cli.empty_passphrase", {args.get("passphrase-file")});
    return p;
}

Result<Workspace> read_workspace(const Args& args, const std::string& path, bool* sealed, bool* edited_outside) {
    auto text = read_file(path);
    if (!text) return text.error();
    std::string_view body = *text;
    Result<Workspace> ws = Error("persist.empty");
    if (sealed) *sealed = looks_sealed(body);
    if (looks_sealed(body)) {
        // The app's stored slot starts with its save number on a line of its own.
        const std::size_t nl = body.find('\n');
        if (nl != std::string_view::npos && nl > 0 && body.find_first_not_of("0123456789") == nl) body.remove_prefix(nl + 1);
        auto pass = passphrase_arg(args);
        if (!pass) return pass.error();
        auto crypto = native::make_crypto();
        auto plain = open_sealed_text(*crypto, *pass, body, "workspace");
        if (!plain) ws = plain.error();
        else ws = load_workspace_json(*plain);
    } else {
        ws = load_workspace_json(body, edited_outside);
    }
    if (!ws) {
        Error e = ws.error();
        if (e.where.file.empty()) e.where.file = path;
        return e;
    }
    return ws;
}

Result<std::string> workspace_text(const Args& args, const Workspace& ws, bool seal) {
    std::string text = save_workspace_json(ws);
    if (!seal) return text;
    auto pass = passphrase_arg(args);
    if (!pass) return pass.error();
    std::uint32_t iterations = kSealedIterations;
    if (args.has("iterations")) {
        const std::string v = args.get("iterations");
        const unsigned long long n = v.find_first_not_of("0123456789") == std::string::npos && !v.empty() && v.size() < 10
                                         ? std::stoull(v) : 0;
        if (n < kMinIterations || n > kMaxIterations)
            return Error("cli.usage", {"--iterations " + std::to_string(kMinIterations) + ".." + std::to_string(kMaxIterations)});
        iterations = static_cast<std::uint32_t>(n);
    }
    auto crypto = native::make_crypto();
    return seal_text(*crypto, *pass, "workspace", text, iterations);
}

int fail(const Error& e, Lang lang) {
    std::cerr << "yutang: " << describe(e, lang) << "\n";
    return 2;
}

std::string json_escape(const std::string& s) {
    const std::string q = json_quote(s);
    return q.substr(1, q.size() - 2);
}

std::string json_number(double v) {
    if (!std::isfinite(v)) return "null";
    char b[32];
    std::snprintf(b, sizeof b, "%.17g", v);
    // Prefer the shortest form that reads back to the same double.
    for (int p = 6; p < 17; ++p) {
        char t[32];
        std::snprintf(t, sizeof t, "%.*g", p, v);
        if (std::strtod(t, nullptr) == v) return t;
    }
    return b;
}

}  // namespace yt::cli
