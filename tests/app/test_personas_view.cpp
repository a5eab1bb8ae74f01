// test_personas_view.cpp — the 角色 Personas tab headless: it renders in zh and en with the demo,
// edits go through commands (undo/redo), findings follow the edits, clicking a finding selects and
// scrolls to the object, and the script library exports as CSV.
//
// Set YT_SHOT_DIR=/some/dir to also write PNG screenshots of the tab (a small software rasterizer
// of ImGui's draw lists, enough to check the layout without a GPU).
#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "headless_imgui.hpp"
#include "memory_platform.hpp"
#include "core/plan/assess.hpp"
#include "core/plan/assess_roles.hpp"
#include "core/plan/demo.hpp"
#include "views/personas.hpp"
#include "views/toolkit.hpp"

using namespace yt;
using namespace yt::app;

namespace {

using yt::test::MemoryPlatform;

// ---- PNG screenshots (software rasterizer) ----------------------------------------------------

std::uint32_t crc32(const unsigned char* p, std::size_t n, std::uint32_t c = 0xffffffffu) {
    for (std::size_t i = 0; i < n; ++i) {
        c ^= p[i];
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return c;
}

void write_png(const std::string& path, int w, int h, const std::vector<unsigned char>& rgba) {
    std::vector<unsigned char> raw;
    raw.reserve(static_cast<std::size_t>(h) * (w * 4 + 1));
    for (int y = 0; y < h; ++y) {
        raw.push_back(0);
        raw.insert(raw.end(), rgba.begin() + static_cast<long>(y) * w * 4, rgba.begin() + static_cast<long>(y + 1) * w * 4);
    }
    std::vector<unsigned char> z = {0x78, 0x01};
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    for (std::size_t i = 0; i < raw.size(); i += 65535) {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - i);
        z.push_back(i + n == raw.size() ? 1 : 0);
        z.push_back(n & 0xff);
        z.push_back(n >> 8);
        z.push_back(~n & 0xff);
        z.push_back((~n >> 8) & 0xff);
        z.insert(z.end(), raw.begin() + static_cast<long>(i), raw.begin() + static_cast<long>(i + n));
    }
    const std::uint32_t adler = (b << 16) | a;
    for (int s = 24; s >= 0; s -= 8) z.push_back((adler >> s) & 0xff);
    std::ofstream f(path, std::ios::binary);
    auto u32 = [&f](std::uint32_t v) {
        for (int s = 24; s >= 0; s -= 8) f.put(static_cast<char>((v >> s) & 0xff));
    };
    auto chunk = [&](const char* type, const std::vector<unsigned char>& data) {
        u32(static_cast<std::uint32_t>(data.size()));
        std::vector<unsigned char> td(type, type + 4);
        td.insert(td.end(), data.begin(), data.end());
        f.write(reinterpret_cast<const char*>(td.data()), static_cast<long>(td.size()));
        u32(crc32(td.data(), td.size()) ^ 0xffffffffu);
    };
    f.write("\x89PNG\r\n\x1a\n", 8);
    std::vector<unsigned char> ihdr = {static_cast<unsigned char>(w >> 24), static_cast<unsigned char>(w >> 16),
                                       static_cast<unsigned char>(w >> 8),  static_cast<unsigned char>(w),
                                       static_cast<unsigned char>(h >> 24), static_cast<unsigned char>(h >> 16),
                                       static_cast<unsigned char>(h >> 8),  static_cast<unsigned char>(h),
                                       8, 6, 0, 0, 0};
    chunk("IHDR", ihdr);
    chunk("IDAT", z);
    chunk("IEND", {});
}

// Rasterizes the last rendered frame (textured, vertex-coloured triangles, alpha blended).
void screenshot(const std::string& name, const unsigned char* tex, int tw, int th) {
    const char* dir = std::getenv("YT_SHOT_DIR");
    if (!dir || !*dir) return;
    ImDrawData* dd = ImGui::GetDrawData();
    const int W = static_cast<int>(dd->DisplaySize.x), H = static_cast<int>(dd->DisplaySize.y);
    std::vector<float> fb(static_cast<std::size_t>(W) * H * 3, 0.94f);
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* cl = dd->CmdLists[l];
        for (const ImDrawCmd& cmd : cl->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const int cx0 = std::max(0, static_cast<int>(cmd.ClipRect.x)), cy0 = std::max(0, static_cast<int>(cmd.ClipRect.y));
            const int cx1 = std::min(W, static_cast<int>(cmd.ClipRect.z)), cy1 = std::min(H, static_cast<int>(cmd.ClipRect.w));
            for (unsigned e = 0; e + 2 < cmd.ElemCount; e += 3) {
                const ImDrawVert* v[3];
                for (int k = 0; k < 3; ++k) v[k] = &cl->VtxBuffer[cmd.VtxOffset + cl->IdxBuffer[cmd.IdxOffset + e + k]];
                const float x0 = v[0]->pos.x, y0 = v[0]->pos.y, x1 = v[1]->pos.x, y1 = v[1]->pos.y, x2 = v[2]->pos.x,
                            y2 = v[2]->pos.y;
                const float area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
                if (std::fabs(area) < 1e-6f) continue;
                const int bx0 = std::max(cx0, static_cast<int>(std::floor(std::min({x0, x1, x2}))));
                const int by0 = std::max(cy0, static_cast<int>(std::floor(std::min({y0, y1, y2}))));
                const int bx1 = std::min(cx1, static_cast<int>(std::ceil(std::max({x0, x1, x2}))));
                const int by1 = std::min(cy1, static_cast<int>(std::ceil(std::max({y0, y1, y2}))));
                for (int y = by0; y < by1; ++y)
                    for (int x = bx0; x < bx1; ++x) {
                        const float px = x + 0.5f, py = y + 0.5f;
                        float w0 = ((x1 - px) * (y2 - py) - (x2 - px) * (y1 - py)) / area;
                        float w1 = ((x2 - px) * (y0 - py) - (x0 - px) * (y2 - py)) / area;
                        float w2 = 1 - w0 - w1;
                        if (w0 < -1e-4f || w1 < -1e-4f || w2 < -1e-4f) continue;
                        const float u = w0 * v[0]->uv.x + w1 * v[1]->uv.x + w2 * v[2]->uv.x;
                        const float t = w0 * v[0]->uv.y + w1 * v[1]->uv.y + w2 * v[2]->uv.y;
                        const int tx = std::clamp(static_cast<int>(u * tw), 0, tw - 1);
                        const int ty = std::clamp(static_cast<int>(t * th), 0, th - 1);
                        const unsigned char* tp = tex + (static_cast<std::size_t>(ty) * tw + tx) * 4;
                        float c[4];
                        for (int k = 0; k < 4; ++k) {
                            const float a = ((v[0]->col >> (8 * k)) & 0xff) / 255.0f, b = ((v[1]->col >> (8 * k)) & 0xff) / 255.0f,
                                        d = ((v[2]->col >> (8 * k)) & 0xff) / 255.0f;
                            c[k] = (w0 * a + w1 * b + w2 * d) * (tp[k] / 255.0f);
                        }
                        float* o = &fb[(static_cast<std::size_t>(y) * W + x) * 3];
                        for (int k = 0; k < 3; ++k) o[k] = o[k] * (1 - c[3]) + c[k] * c[3];
                    }
            }
        }
    }
    std::vector<unsigned char> rgba(static_cast<std::size_t>(W) * H * 4);
    for (std::size_t i = 0; i < static_cast<std::size_t>(W) * H; ++i) {
        for (int k = 0; k < 3; ++k) rgba[i * 4 + k] = static_cast<unsigned char>(std::clamp(fb[i * 3 + k], 0.0f, 1.0f) * 255);
        rgba[i * 4 + 3] = 255;
    }
    write_png(std::string(dir) + "/" + name + ".png", W, H, rgba);
}

// ---- ImGui and the app ------------------------------------------------------------------------

struct Fixture : yt::test::HeadlessImGui {
    explicit Fixture(float height = 800) : HeadlessImGui(height) {}
    void frames(App& app, int n) {
        for (int i = 0; i < n; ++i) frame(app);
    }
    // Moves, presses and releases the left button at (x, y), each in its own frame.
    template <class Draw>
    void click_at(float x, float y, Draw&& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        draw();
        io.MouseDown[0] = true;
        draw();
        io.MouseDown[0] = false;
        draw();
        draw();  // the selection's scroll request is made here ...
        draw();  // ... and applied here
    }
    void click(App& app, const std::array<float, 4>& r) {
        click_at(r[0] + r[2] / 2, r[1] + r[3] / 2, [&] { frame(app); });
    }
    void shot(const std::string& name) { screenshot(name, tex, atlas_w, atlas_h); }
    unsigned char* tex = nullptr;
    int tw = 0, th = 0;
};

// A widget's rectangle from the app's test hook ("widgets":{"name":[x,y,w,h]}); nullopt if absent.
std::optional<std::array<float, 4>> widget(const App& app, const std::string& name) {
    const std::string s = app.state_json();
    const std::string key = "\"" + name + "\":[";
    auto pos = s.find(key);
    if (pos == std::string::npos) return std::nullopt;
    std::array<float, 4> r{};
    if (std::sscanf(s.c_str() + pos + key.size(), "%f,%f,%f,%f", &r[0], &r[1], &r[2], &r[3]) != 4) return std::nullopt;
    return r;
}

const Account& account(const App& app, const std::string& id) {
    for (const auto& a : app.workspace().roles.accounts)
        if (a.id == id) return a;
    FAIL("no account " << id);
    throw 0;
}

RoleFigures roles_of(const Workspace& ws) { return assess(ws, nullptr, std::nullopt).roles; }

bool has_finding(const RoleFigures& d, Severity s, const std::string& kind, const std::string& id, const std::string& msg) {
    return std::any_of(d.findings.begin(), d.findings.end(), [&](const Finding& f) {
        return f.severity == s && f.subject_kind == kind && f.subject == id && f.message == msg;
    });
}

// The view alone, on a tall screen (everything visible without scrolling), with its own History.
struct Bench {
    Workspace ws = demo_workspace(kDemoToday);
    History history{ws};
    yt::app::Derived d;
    WidgetRects widgets;
    PersonasView view;
    Lang lang = Lang::Zh;
    Bench() { refresh_derived(ws, d, history.version()); }
    void draw() {
        widgets.clear();
        yt::test::HeadlessImGui::view_frame([&] {
            ViewEnv env{ws, d, history, lang, widgets};
            view.draw(env);
        });
        if (d.version != history.version()) refresh_derived(ws, d, history.version());
    }
    std::array<float, 4> at(const std::string& name) {
        auto it = widgets.find(name);
        if (it == widgets.end()) FAIL("widget " << name << " not drawn");
        return it->second;
    }
};

}  // namespace

TEST_CASE("personas tab: renders the demo in Chinese and English with its widgets") {
    Fixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    app.select_tab(Tab::Personas);
    for (const char* lang : {"zh", "en"}) {
        REQUIRE(app.dispatch(std::string(R"({"type":"set_language","value":")") + lang + "\"}") == "");
        g.frames(app, 4);
        INFO("language " << lang << "; drawn:\n" << g.drawn_text());
        CHECK(app.tab() == Tab::Personas);
        // The sections' headings, the demo's personas and accounts.
        for (const char* key : {"ui.roles.sec.personas", "ui.roles.sec.accounts"}) CHECK(g.shows(tr(key, parse_lang(lang))));
        for (const char* name : {"小婉", "美妆顾问阿杰", "小婉-1号", "阿杰-企微"}) CHECK(g.shows(name));
        for (const char* w : {"persona_card.p_xiaowan", "persona_card.p_expert", "persona_add", "acc_plus.acc1",
                              "acc_row.acc4", "finding.0"})
            CHECK(widget(app, w));
        g.shot(std::string("personas-") + lang);
    }
}

TEST_CASE("personas tab: an over-cap edit makes an error finding, undo removes it") {
    Fixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    app.select_tab(Tab::Personas);
    g.frames(app, 3);

    RoleFigures before = roles_of(app.workspace());
    CHECK(before.today == kDemoToday);
    CHECK(before.today_source == "demo");
    CHECK(before.errors == 0);
    CHECK(has_finding(before, Severity::Warning, "group", "g2", "rules.msg.qr_member_limit"));
    CHECK(has_finding(before, Severity::Warning, "account", "acc1", "rules.msg.account_fills"));
    REQUIRE(before.account("acc1"));
    CHECK(before.account("acc1")->cap == 5000);

    REQUIRE(app.dispatch(R"({"type":"update","section":"roles.accounts","id":"acc1","value":{"friends":5200}})") == "");
    RoleFigures over = roles_of(app.workspace());
    CHECK(has_finding(over, Severity::Error, "account", "acc1", "rules.msg.account_over_cap"));
    CHECK(over.findings.front().severity == Severity::Error);  // errors first
    CHECK(over.worst("account", "acc1") == static_cast<int>(Severity::Error));
    g.frames(app, 2);
    CHECK(widget(app, "finding.0"));

    REQUIRE(app.history().undo());
    g.frames(app, 2);
    RoleFigures undone = roles_of(app.workspace());
    CHECK_FALSE(has_finding(undone, Severity::Error, "account", "acc1", "rules.msg.account_over_cap"));
    CHECK(undone.errors == 0);
    CHECK(account(app, "acc1").friends == 4720);
}

TEST_CASE("personas tab: clicking a finding selects the object and scrolls to its row") {
    Fixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    app.select_tab(Tab::Personas);
    REQUIRE(app.dispatch(R"({"type":"update","section":"roles.accounts","id":"acc1","value":{"friends":5200}})") == "");
    g.frames(app, 3);
    auto f0 = widget(app, "finding.0");
    REQUIRE(f0);
    CHECK_FALSE(widget(app, "sel.account.acc1"));
    g.click(app, *f0);
    auto sel = widget(app, "sel.account.acc1");
    REQUIRE(sel);
    CHECK((*sel)[1] >= 0);
    CHECK((*sel)[1] + (*sel)[3] <= 800);
    g.shot("personas-finding-account");

    // A group finding: the group planner is below the first screen, so the panel scrolls to it.
    RoleFigures d = roles_of(app.workspace());
    std::size_t gi = d.findings.size();
    for (std::size_t i = 0; i < d.findings.size(); ++i)
        if (d.findings[i].subject_kind == "group" && d.findings[i].subject == "g2") {
            gi = i;
            break;
        }
    REQUIRE(gi < d.findings.size());
    auto fg = widget(app, "finding." + std::to_string(gi));
    REQUIRE(fg);
    g.click(app, *fg);
    auto row = widget(app, "sel.group.g2");
    REQUIRE(row);
    CHECK((*row)[1] >= 0);
    CHECK((*row)[1] + (*row)[3] <= 800);
    CHECK_FALSE(widget(app, "sel.account.acc1"));
    g.shot("personas-finding-group");
}

TEST_CASE("personas tab: the + friends button is one undoable command") {
    Fixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    app.select_tab(Tab::Personas);
    g.frames(app, 3);
    auto plus = widget(app, "acc_plus.acc2");
    REQUIRE(plus);
    g.click(app, *plus);
    CHECK(account(app, "acc2").friends == 3200);
    CHECK(app.history().can_undo());
    REQUIRE(app.history().undo());
    CHECK(account(app, "acc2").friends == 3100);
    REQUIRE(app.history().redo());
    CHECK(account(app, "acc2").friends == 3200);
}

TEST_CASE("personas tab: typing a persona's name is one undo step") {
    Fixture g;
    Bench b;
    b.draw();
    b.draw();
    g.click_at(b.at("persona_card.p_xiaowan")[0] + 40, b.at("persona_card.p_xiaowan")[1] + 120, [&] { b.draw(); });
    REQUIRE(b.view.selected("persona", "p_xiaowan"));
    auto name = b.at("persona_name");
    g.click_at(name[0] + name[2] - 10, name[1] + name[3] / 2, [&] { b.draw(); });
    ImGuiIO& io = ImGui::GetIO();
    for (const char* s : {"a", "b", "c"}) {
        io.AddInputCharactersUTF8(s);
        b.draw();
    }
    CHECK(b.ws.roles.personas[0].name == "小婉abc");
    // Click elsewhere: the field loses focus and the edit is sealed.
    g.click_at(5, 5, [&] { b.draw(); });
    io.AddInputCharactersUTF8("x");  // goes nowhere
    b.draw();
    CHECK(b.ws.roles.personas[0].name == "小婉abc");
    REQUIRE(b.history.undo());
    CHECK(b.ws.roles.personas[0].name == "小婉");
    REQUIRE(b.history.redo());
    CHECK(b.ws.roles.personas[0].name == "小婉abc");
    g.shot("personas-editor");
}

TEST_CASE("personas tab: add and delete (with confirmation) are undoable") {
    Fixture g(2400);
    Bench b;
    b.draw();
    b.draw();
    // The persona first: selecting the new KOC scrolls the tab down to it (the script library
    // below makes the tab tall), out of reach of the persona cards at the top.
    const std::size_t personas = b.ws.roles.personas.size();
    g.click_at(b.at("persona_add")[0] + 5, b.at("persona_add")[1] + 5, [&] { b.draw(); });
    REQUIRE(b.ws.roles.personas.size() == personas + 1);
    CHECK(b.view.selected("persona", "p1"));
    // The new persona has no account: the checker says so.
    CHECK(has_finding(b.d.roles, Severity::Warning, "persona", "p1", "rules.msg.persona_no_account"));
    REQUIRE(b.history.undo());
    CHECK(b.ws.roles.personas.size() == personas);
    b.draw();
    b.draw();

    const std::size_t kocs = b.ws.roles.kocs.size();
    g.click_at(b.at("koc_add")[0] + 5, b.at("koc_add")[1] + 5, [&] { b.draw(); });
    REQUIRE(b.ws.roles.kocs.size() == kocs + 1);
    CHECK(b.ws.roles.kocs.back().id == "k4");
    CHECK(b.view.selected("koc", "k4"));
    REQUIRE(b.history.undo());
    CHECK(b.ws.roles.kocs.size() == kocs);
}

TEST_CASE("personas tab: handover commands validate, apply and undo") {
    Workspace ws = demo_workspace(kDemoToday);
    History h(ws);
    REQUIRE(h.submit(roles_cmd::reassign_account("acc1", "op2")));
    CHECK(ws.roles.accounts[0].operator_id == "op2");
    REQUIRE(h.undo());
    CHECK(ws.roles.accounts[0].operator_id == "op1");
    Status same = h.submit(roles_cmd::reassign_account("acc1", "op1"));
    REQUIRE_FALSE(same);
    CHECK(same.error().code == "roles.same_operator");
    Status unknown = h.submit(roles_cmd::reassign_account("acc1", "nobody"));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == "roles.unknown_operator");

    REQUIRE(h.submit(roles_cmd::transfer_group("g1", "acc2")));
    CHECK(ws.roles.groups[0].owner_account == "acc2");
    REQUIRE(h.undo());
    CHECK(ws.roles.groups[0].owner_account == "acc1");
    REQUIRE(h.redo());
    CHECK(ws.roles.groups[0].owner_account == "acc2");
    Status again = h.submit(roles_cmd::transfer_group("g1", "acc2"));
    REQUIRE_FALSE(again);
    CHECK(again.error().code == "roles.same_owner");

    // Coalescing: two updates of the same field are one undo step; another field is a new one.
    h.seal();
    Account a = ws.roles.accounts[1];
    a.friends = 3150;
    REQUIRE(h.submit(roles_cmd::update_account("friends", a)));
    a.friends = 3190;
    REQUIRE(h.submit(roles_cmd::update_account("friends", a)));
    a.planned_friends = 4000;
    REQUIRE(h.submit(roles_cmd::update_account("planned", a)));
    REQUIRE(h.undo());
    CHECK(ws.roles.accounts[1].friends == 3190);
    CHECK(ws.roles.accounts[1].planned_friends == 0);
    REQUIRE(h.undo());
    CHECK(ws.roles.accounts[1].friends == 3100);
}

TEST_CASE("personas tab: the script library exports as CSV") {
    Fixture g(2400);
    Bench b;
    b.draw();
    b.draw();
    auto r = b.at("scripts_export");
    g.click_at(r[0] + r[2] / 2, r[1] + r[3] / 2, [&] { b.draw(); });
    auto file = b.view.take_download();
    REQUIRE(file);
    CHECK(file->filename == "scripts-2026-11-15.csv");
    CHECK(file->mime.rfind("text/csv", 0) == 0);
    CHECK(file->data.rfind("\xEF\xBB\xBF", 0) == 0);  // BOM for Excel
    CHECK(file->data.find("小婉") != std::string::npos);
    CHECK(file->data.find("美妆顾问阿杰") != std::string::npos);
    CHECK_FALSE(b.view.take_download());
    CHECK_FALSE(b.history.can_undo());  // exporting is not an edit
    g.shot("personas-tall");
}

TEST_CASE("personas tab: 'today' for workspaces without the demo") {
    Workspace ws = demo_workspace(kDemoToday);
    std::string src;
    CHECK(plan_today(ws, 0, std::nullopt, &src) == kDemoToday);
    CHECK(src == "demo");
    ws.dataset.name = "orders.csv";
    CHECK(plan_today(ws, kDemoToday + 100, std::nullopt, &src) == kDemoToday + 100);
    CHECK(src == "data");
    CHECK(plan_today(ws, 0, Day{20000}, &src) == 20000);
    CHECK(src == "clock");
    ws.calendar.items.clear();
    ws.roles.groups.clear();
    CHECK(plan_today(ws, 0, std::nullopt, &src) == kDemoToday);
    CHECK(src == "default");
}

TEST_CASE("personas tab: the roles figures cover the whole plan") {
    Workspace ws = demo_workspace(kDemoToday);
    const RoleFigures d = assess(ws, nullptr, std::nullopt).roles;
    CHECK(d.ready);
    CHECK(d.capacity.accounts.size() == ws.roles.accounts.size());
    CHECK(d.workload.operators.size() == ws.roles.operators.size());
    CHECK(d.errors + d.warnings + d.infos == static_cast<int>(d.findings.size()));
}

TEST_CASE("personas tab: tier sizes, when given, enable the unserved-tier check") {
    Workspace ws = demo_workspace(kDemoToday);
    RoleFigures d;
    RolesCheckInput in;
    in.today = kDemoToday;
    assess_roles(ws, in, d);
    CHECK(d.findings_for("tier", "general_value").empty());
    in.tier_sizes = {{"general_value", 300}, {"important_value", 40}};
    for (auto& p : ws.roles.personas) p.tiers.erase(std::remove(p.tiers.begin(), p.tiers.end(), "general_value"), p.tiers.end());
    assess_roles(ws, in, d);
    CHECK(has_finding(d, Severity::Warning, "tier", "general_value", "rules.msg.tier_unserved"));
}

TEST_CASE("personas tab: Chinese text wraps between characters, not only at spaces") {
    Fixture g;
    ImGui::NewFrame();
    const std::string text = "26 岁，在杭州做设计的上班族，爱护肤爱拍照，分享通勤妆、好物和日常。Likes long walks.";
    for (float width : {60.0f, 120.0f, 250.0f}) {
        const auto lines = ui::wrap_lines(text, width);
        std::string joined;
        for (const auto& s : lines) {
            CHECK(ImGui::CalcTextSize(s.c_str()).x <= width + 0.5f);
            CHECK(s.rfind("，", 0) != 0);  // no line starts with a comma
            joined += s;
        }
        std::string squeezed = text;  // spaces at breaks are dropped
        squeezed.erase(std::remove(squeezed.begin(), squeezed.end(), ' '), squeezed.end());
        joined.erase(std::remove(joined.begin(), joined.end(), ' '), joined.end());
        CHECK(joined == squeezed);
        if (width == 250.0f) CHECK(lines.front().rfind("26 岁，在", 0) == 0);  // not "26" alone
    }
    ImGui::EndFrame();
}

TEST_CASE("dashboard: the plan's front page links each figure to its tab") {
    Fixture g(1600);
    MemoryPlatform p;
    App app(p);
    app.start();
    g.frames(app, 3);
    REQUIRE(app.tab() == Tab::Dashboard);
    g.shot("dashboard");
    const Assessment a = assess(app.workspace(), nullptr, std::nullopt);
    // Every finding of the plan is listed (the demo has a handful), errors first.
    REQUIRE(!a.findings.empty());
    for (std::size_t i = 0; i < a.findings.size(); ++i) CHECK(widget(app, "dash.finding." + std::to_string(i)));
    CHECK(widget(app, "dash.pool"));
    CHECK(widget(app, "dash.runway.acc1"));
    CHECK(widget(app, "dash.capacity"));  // "下月需承接 600 位新好友，现有账号可用空位 16,780 …"
    CHECK(widget(app, "dash.economics"));
    CHECK(widget(app, "dash.next.0"));
    // The demo is not the user's data: the checklist's first step (import your orders) is open.
    CHECK(widget(app, "dash.step.0"));

    // A calendar finding opens the Calendar, an account's runway the Personas tab.
    std::size_t cal = a.findings.size();
    for (std::size_t i = 0; i < a.findings.size(); ++i)
        if (a.findings[i].rule.rfind("calendar.", 0) == 0) {
            cal = i;
            break;
        }
    REQUIRE(cal < a.findings.size());
    g.click(app, *widget(app, "dash.finding." + std::to_string(cal)));
    CHECK(app.tab() == Tab::Calendar);
    app.select_tab(Tab::Dashboard);
    g.frames(app, 3);
    g.click(app, *widget(app, "dash.runway.acc1"));
    CHECK(app.tab() == Tab::Personas);
    app.select_tab(Tab::Dashboard);
    g.frames(app, 3);
    g.click(app, *widget(app, "dash.economics"));
    CHECK(app.tab() == Tab::Roi);
}

TEST_CASE("funnel ROI: calibrate from my orders puts the measured values in, one undo step") {
    Fixture g(3000);
    MemoryPlatform p;
    App app(p);
    app.start();  // the demo's own order export
    app.select_tab(Tab::Roi);
    g.frames(app, 3);
    const Workspace before = app.workspace();
    auto button = widget(app, "roi_calibrate");
    REQUIRE(button);
    g.click(app, *button);
    const Assumptions& now = app.workspace().economics.scenarios[0].a;
    // The measured figures of the demo's orders (the same function the CLI's check --json shows).
    CHECK(now.aov != before.economics.scenarios[0].a.aov);
    CHECK(now.aov > 100);
    CHECK(now.aov < 300);
    CHECK(now.repeat_rate > 0);
    CHECK(now.ltv_override > 0);
    CHECK(now.sources.size() == before.economics.scenarios[0].a.sources.size());  // the rest is kept
    REQUIRE(app.history().undo());
    CHECK(app.workspace().economics.scenarios[0].a.aov == before.economics.scenarios[0].a.aov);
    CHECK(app.workspace().economics.scenarios[0].a.ltv_override == before.economics.scenarios[0].a.ltv_override);
}

TEST_CASE("dashboard: a blank workspace starts without the demo brand; undo brings the demo back") {
    Fixture g(1600);
    MemoryPlatform p;
    App app(p);
    app.start();
    g.frames(app, 3);
    REQUIRE(app.workspace().dataset.name == "demo");
    REQUIRE(app.state_json().find("\"customers\":1500") != std::string::npos);
    auto blank = widget(app, "dash.new_blank");
    REQUIRE(blank);
    g.click(app, *blank);
    g.frames(app, 2);
    const Workspace& ws = app.workspace();
    CHECK(ws.dataset.name == "blank");
    CHECK(ws.roles.personas.empty());
    CHECK(ws.roles.accounts.empty());
    CHECK(ws.calendar.items.empty());
    CHECK(ws.economics.scenarios.empty());
    CHECK_FALSE(ws.rules.rules.empty());           // the platform rules stay
    CHECK_FALSE(ws.calendar.templates.empty());    // and the cadence templates
    CHECK(app.state_json().find("\"customers\":0") != std::string::npos);  // no demo customers
    CHECK(widget(app, "dash.step.0"));  // the checklist asks for the user's orders
    REQUIRE(app.history().undo());
    g.frames(app, 2);
    CHECK(app.workspace().dataset.name == "demo");
    CHECK(app.state_json().find("\"customers\":1500") != std::string::npos);

    // After the user's own orders come into the demo, the demo's people and calendar can go.
    Workspace mixed = app.workspace();
    mixed.dataset.name = "店铺订单.csv";
    CHECK(has_demo_content(mixed));
    const Workspace cleared = without_demo_content(mixed);
    CHECK_FALSE(has_demo_content(cleared));
    CHECK(cleared.dataset.name == "店铺订单.csv");
    CHECK(cleared.tiering.statuses == mixed.tiering.statuses);
    CHECK(cleared.roles.personas.empty());
}

TEST_CASE("funnel ROI: the scenario's team follows the Personas tab on request, one undo step") {
    Fixture g(3000);
    MemoryPlatform p;
    App app(p);
    app.start();
    app.select_tab(Tab::Roi);
    g.frames(app, 3);
    const Assumptions before = app.workspace().economics.scenarios[0].a;
    REQUIRE(before.accounts != static_cast<double>(app.workspace().roles.accounts.size()));
    auto use = widget(app, "roi_team_use");
    REQUIRE(use);  // the demo's scenario counts 6 accounts and 3 operators; Personas plans 4 and 2
    g.click(app, *use);
    const Assumptions& now = app.workspace().economics.scenarios[0].a;
    CHECK(now.accounts == static_cast<double>(app.workspace().roles.accounts.size()));
    CHECK(now.operators == static_cast<double>(app.workspace().roles.operators.size()));
    CHECK(now.aov == before.aov);  // nothing else moves
    g.frames(app, 2);
    CHECK_FALSE(widget(app, "roi_team_use"));  // they agree now
    REQUIRE(app.history().undo());
    CHECK(app.workspace().economics.scenarios[0].a.accounts == before.accounts);
}

TEST_CASE("personas tab: the script library filters, adds, duplicates, moves and deletes through its buttons") {
    Fixture g(2400);
    Bench b;
    b.draw();
    b.draw();
    auto click = [&](const std::string& name) {
        b.draw();
        auto r = b.at(name);
        g.click_at(r[0] + r[2] / 2, r[1] + r[3] / 2, [&] { b.draw(); });
    };
    auto order = [&] {
        std::vector<std::string> ids;
        for (const ScriptEntry& s : b.ws.roles.scripts) ids.push_back(s.id);
        return ids;
    };
    // The search narrows the rows drawn to the two allergy playbooks (s9 小婉, s20 阿杰).
    b.view.script_query = "过敏";
    b.draw();
    CHECK(b.widgets.count("script.row.s9") == 1);
    CHECK(b.widgets.count("script.row.s20") == 1);
    CHECK(b.widgets.count("script.row.s1") == 0);
    const auto before = order();
    // Up moves s20 to the place of the entry shown above it (s9): one command.
    click("script.up.s20");
    auto moved = order();
    CHECK(moved[8] == "s20");
    CHECK(moved[9] == "s9");
    REQUIRE(b.history.undo());
    CHECK(order() == before);
    // Duplicate: a copy with a new id right after the original, opened in the editor.
    click("script.dup.s9");
    REQUIRE(b.ws.roles.scripts.size() == before.size() + 1);
    CHECK(b.ws.roles.scripts[9].id == "s21");
    CHECK(b.ws.roles.scripts[9].reply == b.ws.roles.scripts[8].reply);
    CHECK(b.view.script_open == "s21");
    b.draw();
    CHECK(b.widgets.count("field.script.s21.reply") == 1);
    CHECK(b.widgets.count("script.ed.preview") == 1);
    // Delete asks twice.
    click("script.del.s21");
    CHECK(b.ws.roles.scripts.size() == before.size() + 1);
    click("script.del.s21");
    CHECK(b.ws.roles.scripts.size() == before.size());
    REQUIRE(b.history.undo());
    CHECK(b.ws.roles.scripts.size() == before.size() + 1);
    // A category filter with no match says so; add takes the filters' persona and category.
    b.view.script_query.clear();
    b.view.script_persona = "p_expert";
    b.view.script_category = "festival";
    b.draw();
    CHECK(b.widgets.count("script.row.s1") == 0);
    click("scripts.add");
    const ScriptEntry& added = b.ws.roles.scripts.back();
    CHECK(added.persona == "p_expert");
    CHECK(added.category == "festival");
    CHECK(b.view.script_open == added.id);
    CHECK(script_import_persona(b.view, b.ws) == "p_expert");
    b.lang = Lang::En;
    b.draw();
    CHECK(b.widgets.count("script.ed.category") == 1);
    g.shot("personas-scripts");
}
