// platform_crypto.hpp — the app Platform's key calls (wasm/app/platform.hpp) done at once with
// OpenSSL, for the desktop app and the headless app tests: keys kept by id in memory, results
// appended as the events the browser delivers later. Header-only: the includer has the app's
// include path and links yutang_crypto.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/platform.hpp"
#include "native/crypto.hpp"

namespace yt::native {

class PlatformCrypto {
public:
    using Event = app::PlatformEvent;
    void derive(const std::string& id, const std::string& pass, const std::string& salt, std::uint32_t iterations,
                const std::string& tag, std::vector<Event>& out) {
        auto k = c_->derive_key(pass, salt, iterations);
        if (k) keys_[id] = std::move(*k);
        out.push_back(k ? event(Event::Kind::KeyReady, tag) : failed(tag, k.error()));
    }
    void forget(const std::string& id) {
        if (id.empty()) keys_.clear();
        else keys_.erase(id);
    }
    void encrypt(const std::string& id, const std::string& tag, const std::string& aad, const std::string& plain,
                 std::vector<Event>& out) {
        auto it = keys_.find(id);
        if (it == keys_.end()) return out.push_back(failed(tag, Error("persist.crypto", {"no key"})));
        Event e = event(Event::Kind::Encrypted, tag);
        e.name = c_->random_bytes(kIvBytes);
        auto ct = c_->encrypt(it->second, e.name, aad, plain);
        if (!ct) return out.push_back(failed(tag, ct.error()));
        e.data = std::move(*ct);
        out.push_back(std::move(e));
    }
    void decrypt(const std::string& id, const std::string& tag, const std::string& iv, const std::string& aad,
                 const std::string& sealed, std::vector<Event>& out) {
        auto it = keys_.find(id);
        if (it == keys_.end()) return out.push_back(failed(tag, Error("persist.crypto", {"no key"})));
        auto pt = c_->decrypt(it->second, iv, aad, sealed);
        if (!pt) return out.push_back(failed(tag, pt.error()));
        Event e = event(Event::Kind::Decrypted, tag);
        e.data = std::move(*pt);
        out.push_back(std::move(e));
    }
    std::string random_bytes(std::size_t n) { return c_->random_bytes(n); }

private:
    static Event event(Event::Kind k, const std::string& tag) {
        Event e;
        e.kind = k;
        e.key = tag;
        return e;
    }
    static Event failed(const std::string& tag, const Error& err) {
        Event e = event(Event::Kind::CryptoFailed, tag);
        e.error = err.code;
        return e;
    }
    std::unique_ptr<SealCrypto> c_ = make_crypto();
    std::map<std::string, std::string> keys_;
};

}  // namespace yt::native
