// test_protect.cpp — data protection in the app, headlessly with OpenSSL as the platform's
// cryptography: a passphrase seals the stored workspace and orders (no phone number or name in
// clear), the app opens locked with nothing of them in memory or in the test hook, a wrong
// passphrase changes nothing, a change of passphrase survives a reload after any of its steps,
// the idle lock, and forgetting every stored value.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <string>

#include "app/app.hpp"
#include "core/io/import_blob.hpp"
#include "core/plan/demo.hpp"
#include "core/persist/persist.hpp"
#include "headless_imgui.hpp"
#include "memory_platform.hpp"

using namespace yt;
using namespace yt::app;
using yt::test::MemoryPlatform;

namespace {

const char* kPhone = "13800000001";
const std::string kCsv = std::string("会员ID,姓名,手机号,下单时间,实付金额\r\n") + "V1,张三," + kPhone +
                         ",2024-01-05,120.00\r\nV1,张三," + kPhone + ",2024-03-09,80.50\r\n" +
                         "V2,李四,13800000002,2024-02-11,35.00\r\nV3,王五,13900000003,2024-05-20,560.00\r\n";

// Storage as after importing kCsv into the demo plan (plain, as before any passphrase).
void store_imported(MemoryPlatform& p) {
    Workspace ws = demo_workspace(kDemoToday);
    ws.dataset.name = "orders.csv";
    p.store["yutang.ws.1"] = "1\n" + save_workspace_json(ws);
    ImportOptions o;
    o.file_name = "orders.csv";
    p.blobs["orders"] = pack_import("orders.csv", o, kCsv);
}

int customers(const App& app) {
    const std::string s = app.state_json();
    const auto at = s.rfind("\"customers\":");  // the hook's count, after the workspace (whose dataset has one too)
    return at == std::string::npos ? -1 : std::atoi(s.c_str() + at + 12);
}

// Frames until `done` holds (events and chunked imports take a few).
template <class F>
bool frames_until(yt::test::HeadlessImGui& g, App& app, F done, int most = 300) {
    for (int i = 0; i < most; ++i) {
        if (done()) return true;
        g.frame(app);
    }
    return done();
}

bool in_clear(const MemoryPlatform& p, const std::string& what) {
    for (const auto& [k, v] : p.store)
        if (v.find(what) != std::string::npos) return true;
    for (const auto& [k, v] : p.blobs)
        if (v.find(what) != std::string::npos) return true;
    return false;
}

using K = Outbox::Protect::Kind;

}  // namespace

TEST_CASE("a passphrase seals storage; the app opens locked, refuses a wrong passphrase and unlocks", "[protect]") {
    yt::test::HeadlessImGui g;
    MemoryPlatform p;
    store_imported(p);
    {
        App app(p);
        app.start();
        REQUIRE(frames_until(g, app, [&] { return customers(app) == 3; }));
        REQUIRE(in_clear(p, kPhone));
        app.request_protect({K::SetPassphrase, "correct horse", 0});
        REQUIRE(frames_until(g, app, [&] { return app.banner().find("已设置密码") != std::string::npos; }));
        CHECK_FALSE(in_clear(p, kPhone));
        CHECK_FALSE(in_clear(p, "张三"));
        CHECK_FALSE(in_clear(p, "花漾"));
        CHECK(p.blobs.count("orders") == 0);  // the plain copy is gone
        CHECK(p.idle_minutes == 15);          // auto-lock armed with the default
        // Later saves stay sealed.
        REQUIRE(app.dispatch(R"({"type":"set_name","value":"加密后改名"})") == "");
        g.frame(app);
        g.frame(app);
        CHECK_FALSE(in_clear(p, "加密后改名"));
    }
    const auto stored = p.store;
    const auto blobs = p.blobs;
    App app(p);
    app.start();
    g.frame(app);
    g.frame(app);
    REQUIRE(app.locked());
    std::string s = app.state_json();
    CHECK(s.find("\"workspace\":null") != std::string::npos);
    CHECK(s.find("\"locked\":true") != std::string::npos);
    CHECK(s.find("花漾") == std::string::npos);
    CHECK(s.find("加密后改名") == std::string::npos);
    CHECK(customers(app) == 0);
    CHECK(s.find("lock.pass") != std::string::npos);  // the lock screen is drawn
    CHECK(app.dispatch(R"({"type":"set_name","value":"x"})") != "");

    app.request_protect({K::Unlock, "wrong horse", 0});
    REQUIRE(frames_until(g, app, [&] { return app.state_json().find("密码不对") != std::string::npos; }));
    CHECK(app.locked());
    CHECK(p.store == stored);  // nothing written
    CHECK(p.blobs == blobs);

    app.request_protect({K::Unlock, "correct horse", 0});
    REQUIRE(frames_until(g, app, [&] { return !app.locked() && customers(app) == 3; }));
    CHECK(app.workspace().name == "加密后改名");
    CHECK_FALSE(in_clear(p, kPhone));

    // Lock again: back to the lock screen, nothing of the plan in the hook.
    app.lock();
    REQUIRE(frames_until(g, app, [&] { return app.locked(); }));
    CHECK(app.state_json().find("加密后改名") == std::string::npos);
    CHECK(customers(app) == 0);
    app.request_protect({K::Unlock, "correct horse", 0});
    REQUIRE(frames_until(g, app, [&] { return !app.locked() && customers(app) == 3; }));

    // The idle timer locks too.
    p.idle();
    REQUIRE(frames_until(g, app, [&] { return app.locked(); }));
    app.request_protect({K::Unlock, "correct horse", 0});
    REQUIRE(frames_until(g, app, [&] { return !app.locked() && customers(app) == 3; }));

    // Removing the passphrase stores everything in the clear again, orders included.
    app.request_protect({K::RemovePassphrase, "", 0});
    REQUIRE(frames_until(g, app, [&] { return app.banner().find("已取消密码") != std::string::npos; }));
    CHECK(in_clear(p, "加密后改名"));
    CHECK(p.blobs.count("orders") == 1);
    CHECK(p.blobs.size() == 1);
    App again(p);
    again.start();
    CHECK_FALSE(again.locked());
    REQUIRE(frames_until(g, again, [&] { return customers(again) == 3; }));
}

TEST_CASE("a change of passphrase survives a reload after any of its steps", "[protect]") {
    yt::test::HeadlessImGui g;
    MemoryPlatform p;
    store_imported(p);
    std::vector<std::pair<std::map<std::string, std::string>, std::map<std::string, std::string>>> moments;
    {
        App app(p);
        app.start();
        REQUIRE(frames_until(g, app, [&] { return customers(app) == 3; }));
        app.request_protect({K::SetPassphrase, "first passphrase", 0});
        REQUIRE(frames_until(g, app, [&] { return app.banner().find("已设置密码") != std::string::npos; }));
        app.request_protect({K::SetPassphrase, "second passphrase", 0});
        // One platform answer per frame at most: a snapshot of storage after each.
        for (int i = 0; i < 40; ++i) {
            moments.push_back({p.store, p.blobs});
            if (p.events.size() > 1) {
                auto rest = std::vector<MemoryPlatform::Event>(p.events.begin() + 1, p.events.end());
                p.events.resize(1);
                g.frame(app);
                p.events.insert(p.events.begin(), rest.begin(), rest.end());
            } else {
                g.frame(app);
            }
        }
        moments.push_back({p.store, p.blobs});
        REQUIRE_FALSE(in_clear(p, kPhone));
    }
    // Drop repeated moments, then reopen each: one of the two passphrases opens it, orders included.
    std::vector<std::pair<std::map<std::string, std::string>, std::map<std::string, std::string>>> distinct;
    for (auto& m : moments)
        if (distinct.empty() || distinct.back() != m) distinct.push_back(m);
    CHECK(distinct.size() >= 3);
    for (std::size_t i = 0; i < distinct.size(); ++i) {
        INFO("moment " << i);
        MemoryPlatform q;
        q.store = distinct[i].first;
        q.blobs = distinct[i].second;
        CHECK_FALSE(in_clear(q, kPhone));
        bool opened = false;
        for (const char* pass : {"first passphrase", "second passphrase"}) {
            App app(q);
            app.start();
            REQUIRE(app.locked());
            app.request_protect({K::Unlock, pass, 0});
            frames_until(g, app, [&] { return !app.locked() || app.state_json().find("密码不对") != std::string::npos; });
            if (app.locked()) continue;
            opened = true;
            CHECK(frames_until(g, app, [&] { return customers(app) == 3; }));
            break;
        }
        CHECK(opened);
    }
}

TEST_CASE("forgetting all data removes every stored value and starts with the demo", "[protect]") {
    yt::test::HeadlessImGui g;
    MemoryPlatform p;
    store_imported(p);
    p.store["yutang.protect"] = "{\"idle_minutes\":5}";
    App app(p);
    app.start();
    REQUIRE(frames_until(g, app, [&] { return customers(app) == 3; }));
    app.request_protect({K::Wipe, "", 0});
    REQUIRE(frames_until(g, app, [&] { return app.banner().find("已删除") != std::string::npos; }));
    CHECK(app.banner().find("yutang.ws.1") != std::string::npos);  // says what it removed
    CHECK(app.banner().find("blob:orders") != std::string::npos);
    CHECK(p.blobs.empty());
    CHECK(p.store.count("yutang.protect") == 0);
    CHECK(app.workspace().dataset.name == "demo");
    CHECK_FALSE(in_clear(p, kPhone));
    CHECK(wipe_confirmed("删除"));
    CHECK(wipe_confirmed("DELETE"));
    CHECK_FALSE(wipe_confirmed("删"));
}

TEST_CASE("the demo (no stored orders): setting and removing the passphrase, and a failed change keeps the data", "[protect]") {
    yt::test::HeadlessImGui g;
    MemoryPlatform p;
    App app(p);
    app.start();
    g.frame(app);
    g.frame(app);
    REQUIRE(in_clear(p, "花漾"));
    app.request_protect({K::SetPassphrase, "demo passphrase", 0});
    REQUIRE(frames_until(g, app, [&] { return app.banner().find("已设置密码") != std::string::npos; }));
    CHECK_FALSE(in_clear(p, "花漾"));
    // Storage full in the middle of a change: an error, and the stored data still open as before.
    p.fail_writes = true;
    app.request_protect({K::SetPassphrase, "another passphrase", 0});
    REQUIRE(frames_until(g, app, [&] { return app.banner().find("加密没有完成") != std::string::npos; }));
    p.fail_writes = false;
    {
        App reopened(p);
        reopened.start();
        REQUIRE(reopened.locked());
        reopened.request_protect({K::Unlock, "demo passphrase", 0});
        CHECK(frames_until(g, reopened, [&] { return !reopened.locked(); }));
    }
    app.request_protect({K::RemovePassphrase, "", 0});
    REQUIRE(frames_until(g, app, [&] { return app.banner().find("已取消密码") != std::string::npos; }));
    CHECK(in_clear(p, "花漾"));
    App again(p);
    again.start();
    CHECK_FALSE(again.locked());
}
