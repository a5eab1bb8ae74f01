// sealed.hpp — the encrypted envelope: stored workspace slots and order files under a passphrase.
//
//   {"format":"yutang.sealed","schema":1,"app":"0.1.0","content":"workspace",
//    "cipher":"AES-256-GCM","kdf":"PBKDF2-SHA256","iterations":600000,
//    "salt":"<base64, 16 bytes>","iv":"<base64, 12 bytes>",
//    "checksum":"fnv1a64:…","ciphertext":"<base64: ciphertext then the 16-byte GCM tag>"}
//
// The plaintext of a "workspace" box is the ordinary workspace envelope (persist.hpp), so its own
// schema, checksum and migrations apply after decryption; an "orders" box holds the packed import
// (core/io/import_blob.hpp). The checksum covers every other field, so a damaged or edited box is
// told apart from a wrong passphrase (a box whose checksum holds but whose GCM tag fails was opened
// with the wrong key). The additional authenticated data binds the content kind, so an orders box
// cannot be passed off as a workspace. A newer schema, another cipher or KDF, or an iteration count
// outside [kMinIterations, kMaxIterations] is refused before any key is derived.
//
// This file is the FORMAT only: the core stays pure. The cryptography comes from outside: OpenSSL
// natively (native/crypto_openssl.cpp, used by the CLI and the desktop app) and WebCrypto in the
// browser (web/yutang.js), which is asynchronous, so the app drives the steps itself. Front ends
// with synchronous cryptography can use seal_text / open_sealed_text with a SealCrypto.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/result.hpp"

namespace yt {

inline constexpr const char* kSealedFormat = "yutang.sealed";
inline constexpr std::uint32_t kSealedSchema = 1;
inline constexpr const char* kSealedCipher = "AES-256-GCM";
inline constexpr const char* kSealedKdf = "PBKDF2-SHA256";
// PBKDF2-HMAC-SHA-256 at OWASP's 2023 figure. Why PBKDF2 and not scrypt or Argon2: WebCrypto (the
// only cryptography in every browser, and the only code that may touch the key there) offers
// PBKDF2 natively and neither scrypt nor Argon2; OpenSSL has PBKDF2 too, so the browser and the CLI
// derive the same key from the same passphrase without shipping a KDF in JavaScript or wasm.
inline constexpr std::uint32_t kSealedIterations = 600000;
inline constexpr std::uint32_t kMinIterations = 100000;    // below: refused as too weak
inline constexpr std::uint32_t kMaxIterations = 10000000;  // above: refused (a crafted box could hang the page)
inline constexpr std::size_t kSaltBytes = 16, kIvBytes = 12, kTagBytes = 16, kKeyBytes = 32;

struct SealedBox {
    std::string content;  // "workspace" or "orders"
    std::uint32_t iterations = kSealedIterations;
    std::string salt;        // raw bytes
    std::string iv;          // raw bytes
    std::string ciphertext;  // raw bytes, GCM tag at the end
};

std::string write_sealed(const SealedBox& box);
// Checks format, schema, cipher, KDF, parameter ranges, base64 and the checksum. Errors:
// persist.not_workspace (not a box), persist.too_new, persist.bad_envelope (field), persist.checksum,
// persist.sealed_params (unsupported cipher/KDF/iterations).
Result<SealedBox> read_sealed(std::string_view text);
// True when the text is (the start of) a sealed box; cheap, for telling stored forms apart.
bool looks_sealed(std::string_view text);
// The GCM additional authenticated data for a box: "yutang.sealed/1/<content>".
std::string sealed_aad(std::string_view content);
// Hex of the first 8 salt bytes: names the key (and the stored orders encrypted with it).
std::string sealed_key_id(std::string_view salt);

std::string base64_encode(std::string_view bytes);
// nullopt-like failure as an empty Result error "persist.bad_envelope" when not canonical base64.
Result<std::string> base64_decode(std::string_view text);

// Synchronous cryptography for front ends that have it (OpenSSL in the CLI and the desktop app).
class SealCrypto {
public:
    virtual ~SealCrypto() = default;
    virtual Result<std::string> derive_key(std::string_view passphrase, std::string_view salt, std::uint32_t iterations) = 0;
    virtual Result<std::string> encrypt(std::string_view key, std::string_view iv, std::string_view aad,
                                        std::string_view plain) = 0;
    // Error "persist.wrong_passphrase" when the tag does not verify.
    virtual Result<std::string> decrypt(std::string_view key, std::string_view iv, std::string_view aad,
                                        std::string_view sealed) = 0;
    virtual std::string random_bytes(std::size_t n) = 0;
};

// Encrypts `plain` as a box of kind `content` under a fresh salt and IV.
Result<std::string> seal_text(SealCrypto& c, std::string_view passphrase, std::string_view content, std::string_view plain,
                              std::uint32_t iterations = kSealedIterations);
// Reads and decrypts a box; `content` must match (persist.sealed_content otherwise).
Result<std::string> open_sealed_text(SealCrypto& c, std::string_view passphrase, std::string_view text,
                                     std::string_view content);

}  // namespace yt
