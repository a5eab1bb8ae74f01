// fuzz_sealed.cpp — libFuzzer target for the encrypted envelope reader (core/persist/sealed.hpp):
// truncated, byte-flipped and hand-edited boxes, wrong parameters and foreign JSON.
//
// Each input is
//  1. read as a box as is; a box that reads must write back to a box that reads to the same fields;
//  2. opened with the toy cipher (tests/core/toy_crypto.hpp; the core has no cryptography) under two
//     passphrases: at most one may succeed, and a success must give the plaintext sealed under it;
//  3. used as the plaintext of a fresh box, which must open to the same bytes and, with one byte of
//     its base64 flipped or cut short, must be refused with a translated error (never a crash).
// Failed checks abort, so libFuzzer keeps the input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../core/toy_crypto.hpp"
#include "fuzz_check.hpp"
#include "core/i18n/i18n.hpp"
#include "core/persist/sealed.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace yt;
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    test::ToyCrypto c;

    // 1. The reader on arbitrary text.
    auto box = read_sealed(in);
    if (!box) {
        check(has_tr(box.error().code));
    } else {
        auto again = read_sealed(write_sealed(*box));
        check(again.ok());
        check(again->content == box->content && again->iterations == box->iterations && again->salt == box->salt &&
              again->iv == box->iv && again->ciphertext == box->ciphertext);
        // 2. Opening: never both passphrases.
        auto a = open_sealed_text(c, "a", in, box->content);
        auto b = open_sealed_text(c, "b", in, box->content);
        check(!(a.ok() && b.ok()));
        if (!a) check(has_tr(a.error().code));
    }

    // 3. The input as plaintext of a box; then the box damaged.
    auto sealed = seal_text(c, "pw", "orders", in, kMinIterations);
    check(sealed.ok());
    auto opened = open_sealed_text(c, "pw", *sealed, "orders");
    check(opened.ok() && *opened == in);
    check(!open_sealed_text(c, "pW", *sealed, "orders").ok());
    if (size > 0) {
        std::string flipped = *sealed;
        const std::size_t at = data[0] % flipped.size();
        flipped[at] = static_cast<char>(flipped[at] ^ (1 + data[size - 1] % 127));
        auto r = open_sealed_text(c, "pw", flipped, "orders");
        if (r) check(*r == in);  // only a change the reader ignores (none expected) may still open
        else check(has_tr(r.error().code));
        // Cut short (the final line end alone may go: the box is complete without it).
        auto cut = open_sealed_text(c, "pw", std::string_view(*sealed).substr(0, std::min(at, sealed->size() - 2)), "orders");
        check(!cut.ok() && has_tr(cut.error().code));
    }
    return 0;
}
