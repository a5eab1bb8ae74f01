// test_persist_sealed.cpp — the encrypted envelope's format (core/persist/sealed.hpp): base64,
// round trips, and that every damaged, truncated, edited or foreign box gives a translated error,
// a wrong passphrase included, never a crash or a partial read. The cryptography here is a toy
// (tests/core/toy_crypto.hpp); OpenSSL and WebCrypto are checked against each other by the CLI
// tests (tests/cli/protect.test.mjs). Also the safe-export rules: the formula guard on every core
// CSV writer and the masking of customer ids.
#include <catch2/catch.hpp>

#include <string>

#include "core/calendar/exports.hpp"
#include "core/i18n/i18n.hpp"
#include "core/io/csv_write.hpp"
#include "core/io/mask.hpp"
#include "core/plan/demo.hpp"
#include "core/persist/persist.hpp"
#include "core/persist/sealed.hpp"
#include "core/roles/scripts_csv.hpp"
#include "toy_crypto.hpp"

using namespace yt;

TEST_CASE("base64 round-trips every length and refuses non-canonical text", "[persist][sealed]") {
    std::string bytes;
    for (int n = 0; n < 70; ++n) {
        auto back = base64_decode(base64_encode(bytes));
        REQUIRE(back);
        CHECK(*back == bytes);
        bytes += static_cast<char>(n * 37 + 11);
    }
    CHECK(base64_encode("Man") == "TWFu");
    CHECK(base64_encode("Ma") == "TWE=");
    CHECK(base64_encode("M") == "TQ==");
    for (const char* bad : {"TWF", "TW=u", "TWF*", "TR==", "TWF=", "====", "T==="}) CHECK_FALSE(base64_decode(bad));
}

TEST_CASE("a sealed workspace opens with its passphrase and names its parameters", "[persist][sealed]") {
    test::ToyCrypto c;
    const std::string plain = save_workspace_json(demo_workspace(kDemoToday));
    auto text = seal_text(c, "正确的密码 horse", "workspace", plain);
    REQUIRE(text);
    CHECK(looks_sealed(*text));
    CHECK_FALSE(looks_sealed(plain));
    CHECK(text->find("\"cipher\":\"AES-256-GCM\"") != std::string::npos);
    CHECK(text->find("\"kdf\":\"PBKDF2-SHA256\"") != std::string::npos);
    CHECK(text->find("\"iterations\":600000") != std::string::npos);
    CHECK(text->find("花漾") == std::string::npos);  // no plaintext in the box
    auto box = read_sealed(*text);
    REQUIRE(box);
    CHECK(box->salt.size() == kSaltBytes);
    CHECK(box->iv.size() == kIvBytes);
    CHECK(box->ciphertext.size() == plain.size() + kTagBytes);
    CHECK(write_sealed(*box) == *text);
    auto back = open_sealed_text(c, "正确的密码 horse", *text, "workspace");
    REQUIRE(back);
    CHECK(*back == plain);
    CHECK(load_workspace_json(*back));

    auto wrong = open_sealed_text(c, "正确的密码 horsf", *text, "workspace");
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == "persist.wrong_passphrase");
    CHECK(has_tr(wrong.error().code));
    auto kind = open_sealed_text(c, "正确的密码 horse", *text, "orders");
    REQUIRE_FALSE(kind);
    CHECK(kind.error().code == "persist.sealed_content");
}

TEST_CASE("an orders box passed off as a workspace fails authentication", "[persist][sealed]") {
    test::ToyCrypto c;
    auto text = seal_text(c, "pw", "orders", "order bytes");
    REQUIRE(text);
    // Relabel it (with a correct checksum): the additional data binds the kind, so the tag fails.
    auto box = read_sealed(*text);
    REQUIRE(box);
    box->content = "workspace";
    auto opened = open_sealed_text(c, "pw", write_sealed(*box), "workspace");
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == "persist.wrong_passphrase");
}

TEST_CASE("damaged, truncated, edited and foreign boxes are refused with translated errors", "[persist][sealed]") {
    test::ToyCrypto c;
    auto text = seal_text(c, "pw", "workspace", save_workspace_json(Workspace{}));
    REQUIRE(text);
    const std::string& t = *text;
    int refused = 0;
    for (std::size_t n = 0; n < t.size(); ++n) {  // every truncation
        auto r = read_sealed(std::string_view(t).substr(0, n));
        if (!r) {
            ++refused;
            CHECK(has_tr(r.error().code));
        }
    }
    CHECK(refused == static_cast<int>(t.size()) - 1);  // only the text without its final newline still reads
    for (std::size_t i = 0; i < t.size(); i += 3) {    // flipped bytes: refused, or (whitespace) the same box
        std::string f = t;
        f[i] = static_cast<char>(f[i] ^ 0x01);
        auto r = read_sealed(f);
        if (!r) CHECK(has_tr(r.error().code));
        else CHECK(write_sealed(*r) == t);
    }
    auto edit = [&](const std::string& from, const std::string& to) {
        std::string e = t;
        const auto at = e.find(from);
        REQUIRE(at != std::string::npos);
        e.replace(at, from.size(), to);
        return read_sealed(e);
    };
    CHECK(edit("\"schema\":1", "\"schema\":2").error().code == "persist.too_new");
    CHECK(edit("\"schema\":1", "\"schema\":0").error().code == "persist.bad_envelope");
    CHECK(edit("AES-256-GCM", "AES-128-CBC").error().code == "persist.sealed_params");
    CHECK(edit("PBKDF2-SHA256", "MD5").error().code == "persist.sealed_params");
    CHECK(edit("\"iterations\":600000", "\"iterations\":600001").error().code == "persist.checksum");
    CHECK(edit("yutang.sealed", "yutang.workspace").error().code == "persist.not_workspace");
    CHECK(read_sealed("").error().code == "persist.empty");
    CHECK(read_sealed("[1,2]").error().code == "persist.not_workspace");
    CHECK(read_sealed("{\"format\":\"yutang.sealed\",\"x\":{\"y\":[1]}}").error().code == "persist.not_workspace");

    // Iterations outside the accepted range are refused before any key is derived, even with a
    // correct checksum (a crafted box must not make the page derive for minutes, or weakly).
    for (std::uint32_t it : {1u, kMinIterations - 1, kMaxIterations + 1}) {
        auto box = read_sealed(t);
        REQUIRE(box);
        box->iterations = it;
        auto r = read_sealed(write_sealed(*box));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "persist.sealed_params");
    }
}

// ---- safe exports ------------------------------------------------------------------------------
namespace {
const char* const kFormulaStarts[] = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"};
}

TEST_CASE("every CSV writer guards text a spreadsheet would run: = + - @ tab CR", "[exports]") {
    for (const char* t : kFormulaStarts) {
        INFO(t);
        CHECK(csv_guard_formula(t) == std::string("'") + t);
        CsvWriter w;
        w.text(t).end_row();
        CHECK(w.str().find(std::string("'") + t) != std::string::npos);
        // The script library export.
        RolesPlan roles;
        roles.scripts.push_back(ScriptEntry{"s1", "p1", "faq", t, {t}, t, t});
        const std::string scripts = export_scripts_csv(roles);
        CHECK(scripts.find(std::string("'") + t) != std::string::npos);
        // The calendar CSV.
        CalendarPlan plan;
        ContentItem it;
        it.id = "i1";
        it.day = kDemoToday;
        it.channel = "moments";
        it.type = "promo";
        it.title = t;
        it.notes = t;
        plan.items.push_back(it);
        CalendarExportOptions opt;
        opt.from = opt.to = kDemoToday;
        CHECK(export_calendar_csv(plan, roles, opt).find(std::string("'") + t) != std::string::npos);
    }
    CHECK(csv_guard_formula("a=1") == "a=1");
    CHECK(csv_guard_formula("") == "");
}

TEST_CASE("masked exports hide nickname ids as well as phone-like ones", "[exports]") {
    CHECK(mask_customer_id("13812345678") == "138****5678");
    CHECK(mask_customer_id("小鱼儿") == "小**");
    CHECK(mask_customer_id("VIP-M001") == "V*******");
    CHECK(mask_customer_id("") == "");
}
