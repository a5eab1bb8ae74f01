// vault.cpp — passphrase, lock, sealed saves and re-encryption (see vault.hpp).
#include "app/vault.hpp"

#include <cstdlib>

namespace yt::app {

namespace {
constexpr const char* kWs = "workspace";
constexpr const char* kOrders = "orders";
}  // namespace

void Vault::start(const LoadOutcome& got) {
    st_ = ProtectStatus{};
    locked_box_.reset();
    rk_ = Rekey{};
    if (auto s = p_.storage_get(kSettingsKey); s && *s) {
        const std::string& v = **s;
        const auto at = v.find("\"idle_minutes\":");
        if (at != std::string::npos) st_.idle_minutes = std::atoi(v.c_str() + at + 15);
        if (st_.idle_minutes < 0 || st_.idle_minutes > 24 * 60) st_.idle_minutes = 15;
        lang_ = v.find("\"lang\":\"en\"") != std::string::npos ? "en" : v.find("\"lang\":\"zh\"") != std::string::npos ? "zh" : "";
    }
    if (got.sealed) {
        locked_box_ = got.sealed;
        st_.on = st_.locked = true;
        st_.iterations = got.sealed->iterations;
        salt_ = got.sealed->salt;
        id_ = sealed_key_id(salt_);
    }
    p_.set_idle_lock(0);
}

void Vault::unlock(const std::string& passphrase) {
    if (!st_.locked || st_.busy || !locked_box_) return;
    st_.busy = true;
    p_.key_derive(id_, passphrase, salt_, locked_box_->iterations, "v.unlock.key");
}

void Vault::lock() {
    p_.key_forget("");
    p_.set_idle_lock(0);
}

SealedBox Vault::box(const std::string& content, const PlatformEvent& encrypted) const {
    SealedBox b;
    b.content = content;
    b.iterations = st_.iterations;
    b.salt = salt_;
    b.iv = encrypted.name;
    b.ciphertext = encrypted.data;
    return b;
}

Status Vault::save(std::string envelope) {
    if (!st_.on) return a_.save_text(envelope);
    st_.busy = true;
    p_.encrypt(id_, "v.save", sealed_aad(kWs), std::move(envelope));
    return ok_status();
}

void Vault::put_orders(std::string_view head, std::shared_ptr<const std::string> body) {
    if (!st_.on) {
        p_.blob_put_parts(kOrders, head, std::move(body));
        return;
    }
    p_.encrypt(id_, "v.orders.put", sealed_aad(kOrders), Platform::joined(head, body ? std::string_view(*body) : std::string_view()));
}

void Vault::get_orders() { p_.blob_get(orders_key()); }

void Vault::store_settings() {
    std::string v = "{\"idle_minutes\":" + std::to_string(st_.idle_minutes);
    if (lang_ == "zh" || lang_ == "en") v += ",\"lang\":\"" + lang_ + "\"";
    (void)p_.storage_set(kSettingsKey, v + "}");
}

void Vault::set_idle_minutes(int minutes) {
    st_.idle_minutes = minutes;
    store_settings();
    p_.set_idle_lock(st_.on && !st_.locked ? minutes : 0);
}

void Vault::remember_language(const std::string& lang) {
    if (lang == lang_ || st_.locked) return;
    lang_ = lang;
    if (st_.on) store_settings();
}

void Vault::change(const std::string& passphrase, std::string envelope, bool has_orders) {
    if (st_.locked || st_.busy) return;
    if (passphrase.empty() && !st_.on) return;
    st_.busy = true;
    rk_ = Rekey{};
    rk_.active = true;
    rk_.to_on = !passphrase.empty();
    rk_.has_orders = has_orders;
    rk_.envelope = std::move(envelope);
    if (!rk_.to_on) {
        rekey_orders();
        return;
    }
    rk_.salt = p_.random_bytes(kSaltBytes);
    rk_.id = sealed_key_id(rk_.salt);
    p_.key_derive(rk_.id, passphrase, rk_.salt, kSealedIterations, "v.rk.key");
}

void Vault::rekey_orders() {
    if (!rk_.has_orders) {
        rekey_workspace();
        return;
    }
    rk_.read_key = orders_key();
    p_.blob_get(rk_.read_key);
}

void Vault::rekey_put(std::string plain) {
    rk_.put_key = rk_.to_on ? "orders." + rk_.id : std::string(kOrders);
    if (rk_.to_on) p_.encrypt(rk_.id, "v.rk.seal", sealed_aad(kOrders), std::move(plain));
    else p_.blob_put(rk_.put_key, std::move(plain));
}

void Vault::rekey_workspace() {
    if (rk_.to_on) {
        p_.encrypt(rk_.id, "v.rk.ws", sealed_aad(kWs), rk_.envelope);
        return;
    }
    // Removing the passphrase: the plain envelope into both slots, then the sealed orders go.
    // Once the first slot holds the new form it is the newest: the change has happened (a failed
    // second write leaves the older slot for the next save to replace).
    Status st = a_.save_text(rk_.envelope);
    if (!st) return rekey_fail(st.error());
    (void)a_.save_text(rk_.envelope);
    if (rk_.has_orders && orders_key() != rk_.put_key) p_.blob_delete(orders_key());
    p_.key_forget(id_);
    st_.on = false;
    st_.iterations = 0;
    id_.clear();
    salt_.clear();
    st_.busy = false;
    rk_ = Rekey{};
    p_.set_idle_lock(0);
    pending_.push_back({Outcome::Kind::Changed, "", {}});
}

void Vault::drain(std::vector<Outcome>& out) {
    for (auto& o : pending_) out.push_back(std::move(o));
    pending_.clear();
}

void Vault::rekey_fail(const Error& e) {
    if (rk_.to_on) {
        p_.key_forget(rk_.id);
        if (!rk_.put_key.empty() && rk_.put_key != orders_key()) p_.blob_delete(rk_.put_key);
    }
    rk_ = Rekey{};
    st_.busy = false;
    pending_.push_back({Outcome::Kind::ChangeFailed, "", e});
}

bool Vault::handle(PlatformEvent& ev, std::vector<Outcome>& out) {
    const bool mine = handle_event(ev);
    drain(out);
    return mine;
}

bool Vault::handle_event(PlatformEvent& ev) {
    using K = PlatformEvent::Kind;
    std::vector<Outcome>& out = pending_;
    const std::string& tag = ev.key;
    switch (ev.kind) {
        case K::KeyReady:
            if (tag == "v.unlock.key") {
                p_.decrypt(id_, "v.unlock.ws", locked_box_->iv, sealed_aad(kWs), locked_box_->ciphertext);
            } else if (tag == "v.rk.key") {
                rekey_orders();
            } else {
                return false;
            }
            return true;
        case K::Decrypted:
            if (tag == "v.unlock.ws") {
                st_.locked = st_.busy = false;
                locked_box_.reset();
                p_.blob_delete(kOrders);  // a plain copy left by a reload during re-encryption
                p_.set_idle_lock(st_.idle_minutes);
                out.push_back({Outcome::Kind::Unlocked, std::move(ev.data), {}});
            } else if (tag == "v.orders.get") {
                out.push_back({Outcome::Kind::Orders, std::move(ev.data), {}});
            } else if (tag == "v.rk.open") {
                rekey_put(std::move(ev.data));
            } else {
                return false;
            }
            return true;
        case K::Encrypted:
            if (tag == "v.save") {
                st_.busy = false;
                Status s = a_.save_text(write_sealed(box(kWs, ev)));
                if (s) out.push_back({Outcome::Kind::Saved, "", {}});
                else out.push_back({Outcome::Kind::SaveFailed, "", s.error()});
            } else if (tag == "v.orders.put") {
                p_.blob_put(orders_key(), write_sealed(box(kOrders, ev)));
            } else if (tag == "v.rk.seal" || tag == "v.rk.ws") {
                SealedBox b = box(tag == "v.rk.seal" ? kOrders : kWs, ev);
                b.salt = rk_.salt;
                b.iterations = kSealedIterations;
                if (tag == "v.rk.seal") {
                    p_.blob_put(rk_.put_key, write_sealed(b));
                    return true;
                }
                const std::string text = write_sealed(b);
                Status s = a_.save_text(text);  // the newest slot now names the new key (see above)
                if (!s) {
                    rekey_fail(s.error());
                    return true;
                }
                (void)a_.save_text(text);
                if (rk_.has_orders && orders_key() != rk_.put_key) p_.blob_delete(orders_key());
                if (st_.on) p_.key_forget(id_);
                st_.on = true;
                st_.iterations = kSealedIterations;
                id_ = rk_.id;
                salt_ = rk_.salt;
                st_.busy = false;
                rk_ = Rekey{};
                p_.set_idle_lock(st_.idle_minutes);
                out.push_back({Outcome::Kind::Changed, "", {}});
            } else {
                return false;
            }
            return true;
        case K::CryptoFailed:
            if (tag == "v.unlock.key" || tag == "v.unlock.ws") {
                p_.key_forget(id_);
                st_.busy = false;
                out.push_back({Outcome::Kind::UnlockFailed, "", Error(ev.error.empty() ? "persist.crypto" : ev.error)});
            } else if (tag == "v.save") {
                st_.busy = false;
                out.push_back({Outcome::Kind::SaveFailed, "", Error(ev.error)});
            } else if (tag == "v.orders.get" || tag == "v.orders.put") {
                out.push_back({Outcome::Kind::OrdersFailed, "", Error(ev.error)});
            } else if (tag.rfind("v.rk.", 0) == 0) {
                rekey_fail(Error(ev.error));
            } else {
                return false;
            }
            return true;
        case K::BlobLoaded:
        case K::BlobMissing:
            if (rk_.active && tag == rk_.read_key) {
                if (ev.kind == K::BlobMissing) {
                    rk_.has_orders = false;
                    rekey_workspace();
                } else if (!st_.on) {
                    rekey_put(std::move(ev.data));
                } else {
                    auto b = read_sealed(ev.data);
                    if (!b) rekey_fail(b.error());
                    else p_.decrypt(id_, "v.rk.open", b->iv, sealed_aad(kOrders), b->ciphertext);
                }
                return true;
            }
            if (st_.on && tag == orders_key()) {
                if (ev.kind == K::BlobMissing) return false;  // the app says the orders are missing
                auto b = read_sealed(ev.data);
                if (!b) out.push_back({Outcome::Kind::OrdersFailed, "", b.error()});
                else p_.decrypt(id_, "v.orders.get", b->iv, sealed_aad(kOrders), b->ciphertext);
                return true;
            }
            return false;
        case K::BlobSaved:
        case K::BlobFailed:
            if (rk_.active && !rk_.put_key.empty() && tag == rk_.put_key) {
                if (ev.kind == K::BlobFailed) rekey_fail(Error(ev.error));
                else rekey_workspace();
                return true;
            }
            return false;
        default:
            return false;
    }
}

}  // namespace yt::app
