// crypto_openssl.cpp — SealCrypto with OpenSSL's EVP interface (see crypto.hpp).
#include "native/crypto.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdlib>

namespace yt::native {

namespace {

const unsigned char* u8(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

struct Ctx {
    EVP_CIPHER_CTX* c = EVP_CIPHER_CTX_new();
    ~Ctx() { EVP_CIPHER_CTX_free(c); }
};

class OpenSslCrypto : public SealCrypto {
public:
    Result<std::string> derive_key(std::string_view pass, std::string_view salt, std::uint32_t iterations) override {
        std::string key(kKeyBytes, '\0');
        if (PKCS5_PBKDF2_HMAC(pass.data(), static_cast<int>(pass.size()), u8(salt), static_cast<int>(salt.size()),
                              static_cast<int>(iterations), EVP_sha256(), static_cast<int>(key.size()),
                              reinterpret_cast<unsigned char*>(key.data())) != 1)
            return Error("persist.crypto", {"PBKDF2"});
        return key;
    }

    Result<std::string> encrypt(std::string_view key, std::string_view iv, std::string_view aad, std::string_view plain) override {
        Ctx x;
        int n = 0;
        std::string out(plain.size() + kTagBytes, '\0');
        auto* o = reinterpret_cast<unsigned char*>(out.data());
        if (!x.c || key.size() != kKeyBytes || iv.size() != kIvBytes ||
            EVP_EncryptInit_ex(x.c, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
            EVP_CIPHER_CTX_ctrl(x.c, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv.size()), nullptr) != 1 ||
            EVP_EncryptInit_ex(x.c, nullptr, nullptr, u8(key), u8(iv)) != 1 ||
            EVP_EncryptUpdate(x.c, nullptr, &n, u8(aad), static_cast<int>(aad.size())) != 1 ||
            EVP_EncryptUpdate(x.c, o, &n, u8(plain), static_cast<int>(plain.size())) != 1 ||
            EVP_EncryptFinal_ex(x.c, o + n, &n) != 1 ||
            EVP_CIPHER_CTX_ctrl(x.c, EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes), o + plain.size()) != 1)
            return Error("persist.crypto", {"AES-256-GCM"});
        return out;
    }

    Result<std::string> decrypt(std::string_view key, std::string_view iv, std::string_view aad, std::string_view sealed) override {
        if (sealed.size() < kTagBytes || key.size() != kKeyBytes || iv.size() != kIvBytes)
            return Error("persist.wrong_passphrase");
        const std::size_t len = sealed.size() - kTagBytes;
        std::string tag(sealed.substr(len));
        Ctx x;
        int n = 0;
        std::string out(len, '\0');
        auto* o = reinterpret_cast<unsigned char*>(out.data());
        if (!x.c || EVP_DecryptInit_ex(x.c, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
            EVP_CIPHER_CTX_ctrl(x.c, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv.size()), nullptr) != 1 ||
            EVP_DecryptInit_ex(x.c, nullptr, nullptr, u8(key), u8(iv)) != 1 ||
            EVP_DecryptUpdate(x.c, nullptr, &n, u8(aad), static_cast<int>(aad.size())) != 1 ||
            EVP_DecryptUpdate(x.c, o, &n, u8(sealed), static_cast<int>(len)) != 1 ||
            EVP_CIPHER_CTX_ctrl(x.c, EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), tag.data()) != 1)
            return Error("persist.crypto", {"AES-256-GCM"});
        if (EVP_DecryptFinal_ex(x.c, o + n, &n) != 1) return Error("persist.wrong_passphrase");
        return out;
    }

    std::string random_bytes(std::size_t n) override {
        std::string s(n, '\0');
        if (RAND_bytes(reinterpret_cast<unsigned char*>(s.data()), static_cast<int>(n)) != 1) std::abort();
        return s;
    }
};

}  // namespace

std::unique_ptr<SealCrypto> make_crypto() { return std::make_unique<OpenSslCrypto>(); }

}  // namespace yt::native
