// crypto.hpp — the sealed envelope's cryptography for native front ends (the CLI, the desktop app
// and the app tests): AES-256-GCM and PBKDF2-HMAC-SHA-256 from OpenSSL (Debian's libssl-dev).
// The browser does the same with WebCrypto (web/yutang.js); the format is core/persist/sealed.hpp.
#pragma once
#include <memory>

#include "core/persist/sealed.hpp"

namespace yt::native {

// OpenSSL's implementation; in builds without OpenSSL (the CLI as wasm) every call fails with
// persist.crypto.
std::unique_ptr<SealCrypto> make_crypto();

}  // namespace yt::native
