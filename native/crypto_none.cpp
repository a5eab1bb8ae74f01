// crypto_none.cpp — builds without OpenSSL (the CLI as WebAssembly for Node): sealed files are
// refused with a clear error (see crypto.hpp).
#include "native/crypto.hpp"

namespace yt::native {

namespace {

class NoCrypto : public SealCrypto {
public:
    Result<std::string> derive_key(std::string_view, std::string_view, std::uint32_t) override { return unavailable(); }
    Result<std::string> encrypt(std::string_view, std::string_view, std::string_view, std::string_view) override {
        return unavailable();
    }
    Result<std::string> decrypt(std::string_view, std::string_view, std::string_view, std::string_view) override {
        return unavailable();
    }
    std::string random_bytes(std::size_t n) override { return std::string(n, '\0'); }

private:
    static Error unavailable() { return Error("persist.crypto", {"OpenSSL"}); }
};

}  // namespace

std::unique_ptr<SealCrypto> make_crypto() { return std::make_unique<NoCrypto>(); }

}  // namespace yt::native
