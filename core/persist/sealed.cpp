// sealed.cpp — the encrypted envelope's format (see sealed.hpp); no cryptography here.
#include "core/persist/sealed.hpp"

#include "core/model/json.hpp"
#include "core/persist/persist.hpp"

namespace yt {

namespace {

const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// Everything the checksum covers, one field a line, in a fixed order.
std::string checksum_text(std::uint32_t schema, std::string_view content, std::uint32_t iterations, std::string_view salt64,
                          std::string_view iv64, std::string_view ct64) {
    std::string s;
    s.reserve(ct64.size() + 128);
    s += std::to_string(schema);
    s += '\n';
    s.append(content.data(), content.size());
    s += '\n';
    s += kSealedCipher;
    s += '\n';
    s += kSealedKdf;
    s += '\n';
    s += std::to_string(iterations);
    s += '\n';
    s.append(salt64.data(), salt64.size());
    s += '\n';
    s.append(iv64.data(), iv64.size());
    s += '\n';
    s.append(ct64.data(), ct64.size());
    return s;
}

Error bad(const char* field) { return Error("persist.bad_envelope", {}, Location{"", 0, 0, field}); }

}  // namespace

std::string base64_encode(std::string_view in) {
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const std::uint32_t v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                                static_cast<unsigned char>(in[i + 2]);
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += kB64[(v >> 6) & 63];
        out += kB64[v & 63];
    }
    if (i + 1 == in.size()) {
        const std::uint32_t v = static_cast<unsigned char>(in[i]) << 16;
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == in.size()) {
        const std::uint32_t v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += kB64[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

Result<std::string> base64_decode(std::string_view in) {
    if (in.size() % 4 != 0) return bad("base64");
    std::string out;
    out.reserve(in.size() / 4 * 3);
    for (std::size_t i = 0; i < in.size(); i += 4) {
        const bool last = i + 4 == in.size();
        int pad = 0;
        if (last && in[i + 3] == '=') pad = in[i + 2] == '=' ? 2 : 1;
        int v[4];
        for (int k = 0; k < 4 - pad; ++k)
            if ((v[k] = b64_value(in[i + static_cast<std::size_t>(k)])) < 0) return bad("base64");
        for (int k = 4 - pad; k < 4; ++k) v[k] = 0;
        const std::uint32_t w = (static_cast<std::uint32_t>(v[0]) << 18) | (static_cast<std::uint32_t>(v[1]) << 12) |
                                (static_cast<std::uint32_t>(v[2]) << 6) | static_cast<std::uint32_t>(v[3]);
        // Canonical only: the bits a padded group does not use must be zero.
        if ((pad == 1 && (w & 0xFF)) || (pad == 2 && (w & 0xFFFF))) return bad("base64");
        out += static_cast<char>((w >> 16) & 0xFF);
        if (pad < 2) out += static_cast<char>((w >> 8) & 0xFF);
        if (pad < 1) out += static_cast<char>(w & 0xFF);
    }
    return out;
}

std::string sealed_aad(std::string_view content) {
    return std::string(kSealedFormat) + "/" + std::to_string(kSealedSchema) + "/" + std::string(content);
}

std::string sealed_key_id(std::string_view salt) {
    static const char* d = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < salt.size() && i < 8; ++i) {
        s += d[(static_cast<unsigned char>(salt[i]) >> 4) & 15];
        s += d[static_cast<unsigned char>(salt[i]) & 15];
    }
    return s;
}

bool looks_sealed(std::string_view text) {
    return text.substr(0, 256).find(std::string("\"") + kSealedFormat + "\"") != std::string_view::npos;
}

std::string write_sealed(const SealedBox& box) {
    const std::string salt = base64_encode(box.salt), iv = base64_encode(box.iv), ct = base64_encode(box.ciphertext);
    const std::string sum = hex64(fnv1a64(checksum_text(kSealedSchema, box.content, box.iterations, salt, iv, ct)));
    std::string out;
    out.reserve(ct.size() + 400);
    out += "{\"format\":\"";
    out += kSealedFormat;
    out += "\",\"schema\":" + std::to_string(kSealedSchema) + ",\"app\":\"" + app_version() + "\",\"content\":\"";
    out += box.content;  // a fixed word ("workspace", "orders"): nothing to escape
    out += "\",\"cipher\":\"";
    out += kSealedCipher;
    out += "\",\"kdf\":\"";
    out += kSealedKdf;
    out += "\",\"iterations\":" + std::to_string(box.iterations) + ",\"salt\":\"" + salt + "\",\"iv\":\"" + iv +
           "\",\"checksum\":\"fnv1a64:" + sum + "\",\"ciphertext\":\"";
    out += ct;
    out += "\"}\n";
    return out;
}

Result<SealedBox> read_sealed(std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Error("persist.empty");
    if (json_nesting_depth(text) > 2) return Error("persist.not_workspace");  // a box is one flat object
    rapidjson::Document d;
    d.Parse<kSafeParseFlags>(text.data(), text.size());
    if (d.HasParseError()) return Error("persist.not_json", {rapidjson::GetParseError_En(d.GetParseError())});
    if (!d.IsObject()) return Error("persist.not_workspace");
    auto str = [&](const char* k) -> const rapidjson::Value* {
        auto m = d.FindMember(k);
        return m != d.MemberEnd() && m->value.IsString() ? &m->value : nullptr;
    };
    auto uint = [&](const char* k) -> const rapidjson::Value* {
        auto m = d.FindMember(k);
        return m != d.MemberEnd() && m->value.IsUint() ? &m->value : nullptr;
    };
    const auto* fmt = str("format");
    if (!fmt || std::string_view(fmt->GetString(), fmt->GetStringLength()) != kSealedFormat) return Error("persist.not_workspace");
    const auto* schema = uint("schema");
    if (!schema) return bad("schema");
    if (schema->GetUint() > kSealedSchema)
        return Error("persist.too_new", {std::to_string(schema->GetUint()), std::to_string(kSealedSchema)});
    if (schema->GetUint() < 1) return bad("schema");
    const auto* content = str("content");
    const auto* cipher = str("cipher");
    const auto* kdf = str("kdf");
    const auto* iters = uint("iterations");
    const auto* salt = str("salt");
    const auto* iv = str("iv");
    const auto* sum = str("checksum");
    const auto* ct = str("ciphertext");
    if (!content) return bad("content");
    if (!cipher) return bad("cipher");
    if (!kdf) return bad("kdf");
    if (!iters) return bad("iterations");
    if (!salt) return bad("salt");
    if (!iv) return bad("iv");
    if (!sum) return bad("checksum");
    if (!ct) return bad("ciphertext");
    auto sv = [](const rapidjson::Value* v) { return std::string_view(v->GetString(), v->GetStringLength()); };
    const std::string expect =
        "fnv1a64:" + hex64(fnv1a64(checksum_text(schema->GetUint(), sv(content), iters->GetUint(), sv(salt), sv(iv), sv(ct))));
    // An unsupported cipher or KDF is named as such before the checksum is compared.
    if (sv(cipher) != kSealedCipher) return Error("persist.sealed_params", {std::string(sv(cipher))});
    if (sv(kdf) != kSealedKdf) return Error("persist.sealed_params", {std::string(sv(kdf))});
    if (sv(sum) != expect) return Error("persist.checksum");
    if (iters->GetUint() < kMinIterations || iters->GetUint() > kMaxIterations)
        return Error("persist.sealed_params", {"iterations " + std::to_string(iters->GetUint())});
    SealedBox box;
    box.content = std::string(sv(content));
    box.iterations = iters->GetUint();
    auto s = base64_decode(sv(salt));
    auto i = base64_decode(sv(iv));
    auto c = base64_decode(sv(ct));
    if (!s || s->size() != kSaltBytes) return bad("salt");
    if (!i || i->size() != kIvBytes) return bad("iv");
    if (!c || c->size() < kTagBytes) return bad("ciphertext");
    box.salt = std::move(*s);
    box.iv = std::move(*i);
    box.ciphertext = std::move(*c);
    return box;
}

Result<std::string> seal_text(SealCrypto& c, std::string_view passphrase, std::string_view content, std::string_view plain,
                              std::uint32_t iterations) {
    SealedBox box;
    box.content = std::string(content);
    box.iterations = iterations;
    box.salt = c.random_bytes(kSaltBytes);
    box.iv = c.random_bytes(kIvBytes);
    auto key = c.derive_key(passphrase, box.salt, iterations);
    if (!key) return key.error();
    auto ct = c.encrypt(*key, box.iv, sealed_aad(content), plain);
    if (!ct) return ct.error();
    box.ciphertext = std::move(*ct);
    return write_sealed(box);
}

Result<std::string> open_sealed_text(SealCrypto& c, std::string_view passphrase, std::string_view text,
                                     std::string_view content) {
    auto box = read_sealed(text);
    if (!box) return box.error();
    if (box->content != content) return Error("persist.sealed_content", {box->content, std::string(content)});
    auto key = c.derive_key(passphrase, box->salt, box->iterations);
    if (!key) return key.error();
    return c.decrypt(*key, box->iv, sealed_aad(box->content), box->ciphertext);
}

}  // namespace yt
