// toy_crypto.hpp — a stand-in SealCrypto for tests of the sealed envelope's FORMAT (the core has
// no cryptography): a keyed XOR stream and an FNV "tag" over key, IV, AAD and ciphertext. It is
// deterministic and cheap, keeps the real sizes (32-byte key, 16-byte tag) and, like GCM, fails
// with persist.wrong_passphrase when key, IV, AAD or ciphertext differ. Not encryption: the real
// one is OpenSSL (native/crypto_openssl.cpp) and WebCrypto (web/yutang.js).
#pragma once
#include <string>
#include <string_view>

#include "core/persist/persist.hpp"
#include "core/persist/sealed.hpp"

namespace yt::test {

class ToyCrypto : public SealCrypto {
public:
    Result<std::string> derive_key(std::string_view pass, std::string_view salt, std::uint32_t iterations) override {
        std::string key;
        for (int i = 0; key.size() < kKeyBytes; ++i)
            key += word(std::string(pass) + "|" + std::string(salt) + "|" + std::to_string(iterations) + "|" + std::to_string(i));
        return key.substr(0, kKeyBytes);
    }
    Result<std::string> encrypt(std::string_view key, std::string_view iv, std::string_view aad, std::string_view plain) override {
        std::string ct = stream(key, iv, plain);
        return ct + tag(key, iv, aad, ct);
    }
    Result<std::string> decrypt(std::string_view key, std::string_view iv, std::string_view aad, std::string_view sealed) override {
        if (sealed.size() < kTagBytes) return Error("persist.wrong_passphrase");
        std::string_view ct = sealed.substr(0, sealed.size() - kTagBytes);
        if (tag(key, iv, aad, ct) != sealed.substr(ct.size())) return Error("persist.wrong_passphrase");
        return stream(key, iv, ct);
    }
    std::string random_bytes(std::size_t n) override {
        std::string s;
        while (s.size() < n) s += word("rand" + std::to_string(counter_++));
        return s.substr(0, n);
    }

private:
    static std::string word(const std::string& s) {
        std::uint64_t h = fnv1a64(s);
        std::string out(8, '\0');
        for (int i = 0; i < 8; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((h >> (8 * i)) & 0xFF);
        return out;
    }
    static std::string stream(std::string_view key, std::string_view iv, std::string_view in) {
        std::string out(in);
        std::string block;
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (i % 8 == 0) block = word(std::string(key) + std::string(iv) + std::to_string(i / 8));
            out[i] = static_cast<char>(out[i] ^ block[i % 8]);
        }
        return out;
    }
    static std::string tag(std::string_view key, std::string_view iv, std::string_view aad, std::string_view ct) {
        const std::string all = std::string(key) + "|" + std::string(iv) + "|" + std::string(aad) + "|" + std::string(ct);
        return word(all + "a") + word(all + "b");
    }
    int counter_ = 0;
};

}  // namespace yt::test
