// test_tiers_view.cpp — the 用户分层 Tiers tab headlessly: the import dialog (GB18030 preview,
// editable mapping, chunked import with progress, cancel, rejected rows with line numbers, failed
// imports that keep the data), the segment table, the customer list (search, sort, masking), the
// CLV panel, the CSV export, the derived cache, and an App-level drop + reload (restore).
#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <numeric>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "core/plan/import_change.hpp"
#include "views/tiers_parts.hpp"
#include "app/derived.hpp"
#include "core/io/csv_write.hpp"
#include "core/io/import_blob.hpp"
#include "core/plan/demo.hpp"
#include "core/io/xlsx.hpp"
#include "core/io/xlsx_write.hpp"
#include "core/tiering/clv_breakdown.hpp"
#include "core/tiering/simulate.hpp"
#include "core/tiering/tiering.hpp"
#include "core/io/mask.hpp"
#include "headless_imgui.hpp"
#include "memory_platform.hpp"
#include "views/tiers.hpp"

using namespace yt;
using namespace yt::app;

namespace {

using yt::test::MemoryPlatform;
using Drawn = yt::test::HeadlessImGui;
bool shows(const std::string& text) { return Drawn::shows(text); }

struct ImGuiFixture : yt::test::HeadlessImGui {
    explicit ImGuiFixture(float height = 900) : HeadlessImGui(height, 1400) {}
};

// The Tiers view alone with the import it draws, wired like App: a finished import replaces the
// orders and resets the derived version (not recorded or stored, as App's Dataset::apply() does);
// the derived figures are refreshed when the History version changes.
struct TiersHarness {
    Workspace ws = demo_workspace(kDemoToday);
    History history{ws};
    yt::app::Derived d;
    TiersView view;
    MemoryPlatform platform;
    Autosave autosave{platform};
    Vault vault{platform, autosave};
    Dataset data{platform, vault, ws, history, d};  // the import the view draws (App uses it through apply())
    WidgetRects widgets;
    Outbox out;
    Lang lang = Lang::Zh;
    int imports = 0;
    ImportReport last_report;

    explicit TiersHarness(const std::string& csv = {}) {
        if (!csv.empty()) {
            auto r = import_orders(csv);
            REQUIRE(r.ok());
            d.orders = std::move(r->orders);
            summarise_orders(d);
        }
        refresh_derived(ws, d, history.version());
    }
    ViewEnv env() {
        ViewEnv e{ws, d, history, lang, widgets, &out};
        e.dataset = &data;
        return e;
    }
    void frame() {
        widgets.clear();
        yt::test::HeadlessImGui::view_frame([&] {
            ViewEnv e = env();
            view.draw(e);
        });
        if (auto c = data.take_import()) {
            ++imports;
            last_report = c->report;
            d.orders = std::move(c->orders);
            d.rows_copy = std::move(c->rows_copy);
            d.statuses_applied = c->options.statuses;
            d.import_report = c->report;
            summarise_orders(d);
            d.version = 0;
        }
        if (d.version != history.version()) refresh_derived(ws, d, history.version());
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    ImVec2 centre(const std::string& name) {
        auto it = widgets.find(name);
        if (it == widgets.end()) FAIL("widget " << name << " not published");
        const auto& r = it->second;
        return ImVec2(r[0] + r[2] / 2, r[1] + r[3] / 2);
    }
    void click(const std::string& name) {
        const ImVec2 c = centre(name);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = c;
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }
    // Runs frames until the import is no longer busy (bounded).
    int run_import() {
        int n = 0;
        while (data.busy() && n < 10000) {
            frame();
            ++n;
        }
        return n;
    }
    std::size_t customers() const { return d.orders ? d.orders->customers() : 0; }
};

// A small export with names and phone numbers (UTF-8, Chinese header).
std::string people_csv() {
    std::string s = "会员ID,姓名,手机号,下单时间,实付金额\n";
    const char* names[] = {"张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十"};
    for (int c = 0; c < 40; ++c) {
        char phone[16];
        std::snprintf(phone, sizeof phone, "1381234%04d", c);
        for (int k = 0; k <= c % 4; ++k) {
            char line[160];
            std::snprintf(line, sizeof line, "M%03d,%s%d,%s,2024-%02d-%02d,%d.50\n", c, names[c % 8], c, phone, 1 + (c + k * 3) % 12,
                          1 + (c * 7 + k) % 28, 50 + (c * 37 + k * 11) % 400);
            s += line;
        }
    }
    return s;
}

// Synthetic order history (BG/NBD process) as CSV.
std::string generated_csv(std::uint32_t customers, std::uint64_t seed = 3) {
    GenOptions g;
    g.customers = customers;
    g.seed = seed;
    return orders_csv(generate_orders(g));
}

// GB18030 bytes: header 会员ID,下单时间,实付金额,城市 and cities 北京 / 上海.
std::string gb18030_csv() {
    const std::string header = "\xbb\xe1\xd4\xb1ID,\xcf\xc2\xb5\xa5\xca\xb1\xbc\xe4,\xca\xb5\xb8\xb6\xbd\xf0\xb6\xee,\xb3\xc7\xca\xd0\r\n";
    const std::string beijing = "\xb1\xb1\xbe\xa9", shanghai = "\xc9\xcf\xba\xa3";
    std::string s = header;
    for (int i = 0; i < 30; ++i) {
        char line[96];
        std::snprintf(line, sizeof line, "G%02d,2024-03-%02d,%d.00,", i % 12, 1 + i % 28, 80 + i * 3);
        s += line;
        s += (i % 2 ? beijing : shanghai);
        s += "\r\n";
    }
    return s;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while (p < text.size()) {
        std::size_t e = text.find('\n', p);
        if (e == std::string::npos) e = text.size();
        std::string line = text.substr(p, e - p);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) out.push_back(line);
        p = e + 1;
    }
    return out;
}

bool widget_rect(const std::string& state, const std::string& name, float r[4]) {
    const std::string key = "\"" + name + "\":[";
    auto at = state.find(key);
    if (at == std::string::npos) return false;
    return std::sscanf(state.c_str() + at + key.size(), "%f,%f,%f,%f", &r[0], &r[1], &r[2], &r[3]) == 4;
}

// The top-level "customers" of App::state_json (the workspace's dataset info has one too).
std::size_t state_customers(const std::string& state) {
    auto at = state.rfind("\"customers\":");
    REQUIRE(at != std::string::npos);
    return std::stoul(state.substr(at + 12));
}

void app_frame(App& app) { yt::test::HeadlessImGui::frame(app); }

void app_click(App& app, const std::string& name) {
    float r[4];
    const bool found = widget_rect(app.state_json(), name, r);
    INFO("widget " << name);
    REQUIRE(found);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(r[0] + r[2] / 2, r[1] + r[3] / 2);
    app_frame(app);
    io.MouseDown[0] = true;
    app_frame(app);
    io.MouseDown[0] = false;
    app_frame(app);
}

}  // namespace

TEST_CASE("tiers: the labels exist in both languages", "[tiers]") {
    yt::app::register_ui_messages();  // as App does at start (this test may run first, alone)
    for (const char* k : {"ui.tiers.import_title", "ui.tiers.missing", "ui.tiers.import_go", "ui.tiers.cancel",
                          "ui.tiers.counts", "ui.tiers.segments", "ui.tiers.heatmap", "ui.tiers.check",
                          "ui.tiers.fallback", "ui.tiers.export", "ui.tiers.key.customer", "ui.tiers.key.level",
                          "ui.tiers.delim.whitespace", "ui.tiers.binning.tercile", "ui.tiers.split.median",
                          "ui.tiers.unit.month", "ui.tiers.csv.tag"}) {
        INFO(k);
        CHECK(has_tr(k));
        CHECK(std::string(tr(k, Lang::Zh)) != tr(k, Lang::En));
    }
    for (const auto& key : mapping_keys()) CHECK(has_tr("ui.tiers.key." + key));
}

TEST_CASE("tiers: the dialog previews a GB18030 file with the detected encoding and mapping", "[tiers]") {
    ImGuiFixture g(2400);  // tall: the profile panel at the bottom of the tab is on screen
    TiersHarness h(people_csv());
    const std::size_t before = h.customers();
    h.data.open_import("订单.csv", std::make_shared<const std::string>(gb18030_csv()));
    REQUIRE(h.data.import().stage == OrderImport::Stage::Preview);
    REQUIRE(h.data.import().preview);
    const Preview& p = *h.data.import().preview;
    CHECK(p.encoding == "gb18030");
    CHECK(p.has_header);
    REQUIRE(p.header.size() == 4);
    CHECK(p.header[0] == "会员ID");
    CHECK(p.header[3] == "城市");
    REQUIRE(p.column_keys.size() == 4);
    CHECK(p.column_keys[0] == "customer");
    CHECK(p.column_keys[1] == "date");
    CHECK(p.column_keys[2] == "amount");
    CHECK(p.column_keys[3] == "city");
    CHECK(p.missing.empty());
    REQUIRE(p.rows.size() == 20);
    CHECK(p.rows[0][3] == "上海");
    CHECK(p.rows[1][3] == "北京");
    h.frames(3);
    for (const char* w : {"tiers.map.0", "tiers.map.3", "tiers.import_go", "tiers.cancel"}) {
        INFO(w);
        CHECK(h.widgets.count(w) == 1);
    }
    CHECK(h.customers() == before);  // nothing imported yet
    h.click("tiers.import_go");
    h.run_import();
    CHECK(h.imports == 1);
    CHECK(h.customers() == 12);
    CHECK(h.last_report.encoding == "gb18030");
    REQUIRE(h.d.orders->attributes.size() == 1);
    CHECK(h.d.orders->attributes[0].name == "city");
    CHECK(h.data.import().stage == OrderImport::Stage::Finished);
    // The city column feeds the four-dimension profile.
    REQUIRE(h.d.tiers.profile);
    REQUIRE(h.d.tiers.profile->attributes.size() == 1);
    const AttributeProfile& city = h.d.tiers.profile->attributes[0];
    CHECK(city.dimension == "basic");
    REQUIRE(city.values.size() == 2);
    CHECK(city.counts[0] + city.counts[1] == 12);
    CHECK(std::find(city.values.begin(), city.values.end(), "北京") != city.values.end());
    h.frames(2);
    h.click("tiers.close");
    CHECK(h.widgets.count("tiers.profile") == 1);
    const std::string city_title = std::string(tr("ui.tiers.key.city", h.lang)) + "  ·  " + tr("ui.tiers.dim.basic", h.lang);
    h.frame();
    CHECK(shows(tr("ui.tiers.profile", h.lang)));  // the header, closed
    CHECK_FALSE(shows(city_title));
    CHECK_FALSE(shows(tr("ui.tiers.value_bands", h.lang)));
    h.click("tiers.profile");  // opens the profile: the city table and the customers per M score
    h.frame();
    CHECK(shows(city_title));
    for (const char* city_name : {"北京", "上海"}) CHECK(shows(city_name));
    CHECK(shows(tr("ui.tiers.value_bands", h.lang)));
    CHECK(shows("M1:"));
    CHECK(h.widgets.count("tbl.prof_city.h2") == 1);  // value, customers, share
    CHECK(h.widgets.count("tbl.prof_city.h3") == 0);
    h.view.selected_segment = h.d.tiers.tiers->segments.segment[0];  // highlight + the segment share column
    h.frame();
    CHECK(h.widgets.count("tbl.prof_city.h3") == 1);
    CHECK(h.data.import().stage == OrderImport::Stage::Closed);
}

TEST_CASE("tiers: choosing another column in a mapping combo changes what is imported", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h;
    // Two amount columns: 实付金额 is detected; the operator picks 原价 instead.
    std::string csv = "会员ID,下单时间,实付金额,原价\n";
    double paid = 0, list = 0;
    for (int i = 0; i < 10; ++i) {
        csv += "C" + std::to_string(i) + ",2024-05-0" + std::to_string(1 + i % 9) + "," + std::to_string(10 + i) + "," +
               std::to_string(100 + i) + "\n";
        paid += 10 + i;
        list += 100 + i;
    }
    h.data.open_import("two.csv", std::make_shared<const std::string>(csv));
    REQUIRE(h.data.import().preview);
    CHECK(h.data.import().preview->mapping.amount == 2);
    h.frames(2);
    CHECK(h.widgets.count("tiers.map.3") == 1);
    h.data.map_column(3, "amount");
    REQUIRE(h.data.import().preview);
    CHECK(h.data.import().preview->mapping.amount == 3);
    CHECK(h.data.import().preview->column_keys[2].empty());
    CHECK(h.data.import().preview->column_keys[3] == "amount");
    // Unmapping the customer column lists it as missing and disables Import.
    h.data.map_column(0, "");
    REQUIRE(h.data.import().preview);
    REQUIRE(h.data.import().preview->missing.size() == 1);
    CHECK(h.data.import().preview->missing[0] == "customer");
    h.frames(2);
    h.click("tiers.import_go");
    CHECK_FALSE(h.data.busy());
    CHECK(h.imports == 0);
    h.data.map_column(0, "customer");
    REQUIRE(h.data.import().preview->missing.empty());
    REQUIRE(h.data.start_import());
    h.run_import();
    REQUIRE(h.imports == 1);
    CHECK(h.d.revenue == Approx(list));
    CHECK(h.d.revenue != Approx(paid));
    CHECK(h.last_report.mapping.amount == 3);
}

TEST_CASE("tiers: a large file imports in chunks over several frames with rising progress", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    const std::string csv = generated_csv(4000);
    REQUIRE(csv.size() > 100000);
    h.data.chunk_bytes = 16 << 10;
    h.data.step_target_ms = 0;  // fixed chunks: the frame count must not depend on the machine
    h.data.open_import("big.csv", std::make_shared<const std::string>(csv));
    REQUIRE(h.data.import().preview);
    h.frames(2);
    h.click("tiers.import_go");
    std::vector<double> progress;
    int frames = 0;
    while (h.data.busy() && frames < 5000) {
        CHECK(h.imports == 0);
        progress.push_back(h.data.import().progress);
        h.frame();
        ++frames;
    }
    CHECK(frames >= 4);
    CHECK(std::is_sorted(progress.begin(), progress.end()));
    REQUIRE(progress.size() >= 3);
    CHECK(progress.back() > progress.front());
    CHECK(h.imports == 1);
    CHECK_FALSE(h.data.busy());
    CHECK(h.customers() == 4000);
    CHECK(h.data.import().progress == Approx(1.0));
}

TEST_CASE("tiers: the importer's tables are written and reading starts in the first frame", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    const std::string csv = generated_csv(4000);
    h.data.chunk_bytes = 16 << 10;    // 4,096 id slots a step: the table (8,192) takes two
    h.data.step_target_ms = 1000;     // time enough for every table step (each well under 1 ms)
    h.data.open_import("big.csv", std::make_shared<const std::string>(csv));
    REQUIRE(h.data.import().preview);
    h.frames(2);
    h.click("tiers.import_go");
    int unread = 0;  // frames after the click with nothing read yet
    while (h.data.busy() && h.data.import().progress == 0 && unread < 50) {
        h.frame();
        ++unread;
    }
    CHECK(unread <= 1);  // a frame per table step would leave two or more
    while (h.data.busy()) h.frame();
    CHECK(h.customers() == 4000);
}

TEST_CASE("tiers: a frame reads its chunk a quarter at a time and starts no quarter the time target has no room for",
          "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    const auto file = std::make_shared<const std::string>(generated_csv(100000));
    REQUIRE(file->size() > (std::size_t{4} << 20));
    h.data.chunk_bytes = std::size_t{4} << 20;
    h.data.step_target_ms = 1e-6;  // any step passes it: each frame takes one step
    h.data.open_import("big.csv", file);
    REQUIRE(h.data.import().preview);
    REQUIRE(h.data.start_import());
    std::size_t first_read = 0;  // the first frame that reads text: one quarter of the chunk
    for (int f = 0; f < 10000 && h.data.busy() && first_read == 0; ++f) {
        h.frame();
        const auto& in = h.data.import().importer;
        if (in) first_read = in->read_bytes();
    }
    CHECK(first_read > 0);
    CHECK(first_read <= (std::size_t{1} << 20) + 4096);  // a quarter, to the end of its last record
    for (int f = 0; f < 100000 && h.data.busy(); ++f) h.frame();
    CHECK(h.customers() == 100000);
}

TEST_CASE("tiers: each import starts at the set chunk size, not at the size the one before ended with", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    h.data.chunk_bytes = 64 << 10;
    h.data.step_target_ms = 30;  // chunks of 64 KB take far less: the size grows while importing
    const auto file = std::make_shared<const std::string>(generated_csv(20000));
    auto import = [&] {
        h.data.open_import("big.csv", file);
        REQUIRE(h.data.import().preview);
        REQUIRE(h.data.start_import());
        CHECK(h.data.chunk_now() == (64u << 10));
        std::size_t most = 0;
        for (int f = 0; f < 1000 && h.data.busy(); ++f) {
            h.frame();
            most = std::max(most, h.data.chunk_now());
        }
        CHECK(h.customers() == 20000);
        return most;
    };
    CHECK(import() > (64u << 10));
    CHECK(h.data.chunk_bytes == (64u << 10));  // the set size is kept
    CHECK(import() > (64u << 10));             // and the second import started at it again
}

TEST_CASE("tiers: the order facts wait for a frame after the model's last part", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    h.data.chunk_bytes = 1 << 20;
    h.data.step_target_ms = 1000;  // every part of the model fits in one frame's budget
    h.data.open_import("big.csv", std::make_shared<const std::string>(generated_csv(2000)));
    REQUIRE(h.data.import().preview);
    h.frames(2);
    h.click("tiers.import_go");
    int waiting = 0;  // frames that ended with the model done and the facts not yet
    for (int f = 0; f < 100 && h.data.busy(); ++f) {
        h.frame();
        const auto& m = h.data.import().modelling;
        if (m && m->model_done && !m->facts_done) ++waiting;
    }
    CHECK(waiting == 1);
    CHECK(h.customers() == 2000);
}

TEST_CASE("tiers: a new file's undo step is tried on a copy in a frame of its own, and nothing changes until it is used",
          "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    h.data.chunk_bytes = 1 << 20;
    h.data.step_target_ms = 1000;  // every part would fit in one frame's budget
    h.data.open_import("big.csv", std::make_shared<const std::string>(generated_csv(2000)));
    REQUIRE(h.data.import().preview);
    h.frames(2);
    h.click("tiers.import_go");
    const auto version = h.history.version();
    const DatasetInfo before = h.ws.dataset;
    int tried_alone = 0, tried_before_use = 0;
    for (int f = 0; f < 100 && h.data.busy(); ++f) {
        const auto& m = h.data.import().modelling;
        const bool facts_before = m && m->facts_done, tried_before = m && m->edit_tried;
        h.frame();
        const auto& now = h.data.import().modelling;
        if (now && now->edit_tried && !tried_before) {
            ++tried_before_use;                      // tried while the import is still being finished
            if (facts_before) ++tried_alone;         // not in the frame of the order facts before it
        }
        if (h.imports == 0) {  // the trial changed neither the workspace nor the history
            CHECK(h.history.version() == version);
            CHECK(h.ws.dataset.name == before.name);
        }
    }
    CHECK(tried_before_use == 1);
    CHECK(tried_alone == 1);
    CHECK(h.imports == 1);
    CHECK(h.customers() == 2000);
}

TEST_CASE("tiers: the orders are taken from the importer in a frame after its last part's", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    h.data.chunk_bytes = 1 << 20;
    h.data.step_target_ms = 1000;  // the whole file in one frame's budget
    h.data.open_import("big.csv", std::make_shared<const std::string>(generated_csv(2000)));
    REQUIRE(h.data.import().preview);
    h.frames(2);
    h.click("tiers.import_go");
    int waiting = 0;  // frames that ended with every part read and the orders not yet taken
    for (int f = 0; f < 100 && h.data.busy(); ++f) {
        h.frame();
        const auto& in = h.data.import().importer;
        if (in && in->done()) ++waiting;
    }
    CHECK(waiting == 1);
    CHECK(h.customers() == 2000);
}

TEST_CASE("tiers: the rows under the status choice are taken and modelled in a frame after the last rows'", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    h.data.chunk_bytes = 1 << 20;
    h.data.step_target_ms = 1000;  // every row in one frame's budget
    // A status column: the rows go through the status choice (a plain file skips it).
    std::string csv = "customer,date,amount,status\n";
    const std::string plain = generated_csv(2000);
    for (std::size_t at = plain.find('\n') + 1; at < plain.size();) {
        const std::size_t end = plain.find('\n', at);
        csv += plain.substr(at, end - at) + ",交易成功\n";
        at = end + 1;
    }
    h.data.open_import("shop.csv", std::make_shared<const std::string>(csv));
    REQUIRE(h.data.import().preview);
    h.frames(2);
    h.click("tiers.import_go");
    int waiting = 0, filtered = 0;  // frames that ended with every row filtered and the table not yet taken
    for (int f = 0; f < 100 && h.data.busy(); ++f) {
        h.frame();
        const OrderImport& m = h.data.import();
        if (m.reader) ++filtered;
        if (m.reader && m.reader->done()) ++waiting;
    }
    CHECK(filtered >= 1);
    CHECK(waiting == 1);
    CHECK(h.customers() == 2000);
}

TEST_CASE("tiers: cancelling an import keeps the previous data", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    const std::size_t before = h.customers();
    const double revenue = h.d.revenue;
    h.data.chunk_bytes = 8 << 10;
    h.data.step_target_ms = 0;
    h.data.open_import("big.csv", std::make_shared<const std::string>(generated_csv(3000)));
    h.frames(2);
    h.click("tiers.import_go");
    REQUIRE(h.data.busy());
    h.frame();
    REQUIRE(h.data.busy());
    h.click("tiers.cancel");
    CHECK_FALSE(h.data.busy());
    h.frames(3);
    CHECK(h.imports == 0);
    CHECK(h.customers() == before);
    CHECK(h.d.revenue == Approx(revenue));
    CHECK(h.data.import().stage == OrderImport::Stage::Closed);
    CHECK(h.data.notice() == "ui.tiers.cancelled");
    // Cancel in the preview closes the dialog without importing.
    h.data.open_import("again.csv", std::make_shared<const std::string>(people_csv()));
    h.frames(2);
    h.click("tiers.cancel");
    h.frames(2);
    CHECK(h.imports == 0);
    CHECK(h.data.import().stage == OrderImport::Stage::Closed);
}

TEST_CASE("tiers: bad rows are reported with their line numbers; unusable files keep the data", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    const std::size_t before = h.customers();
    SECTION("some bad rows") {
        const std::string csv =
            "customer_id,order_date,amount\n"
            "A1,2024-01-02,10\n"
            "A2,2024-13-45,20\n"   // line 3: bad date
            "A3,2024-01-03,30\n"
            "A4,2024-01-04,abc\n"  // line 5: bad amount
            "A5,2024-01-05,50\n";
        h.data.open_import("bad.csv", std::make_shared<const std::string>(csv));
        REQUIRE(h.data.start_import());
        h.run_import();
        REQUIRE(h.imports == 1);
        CHECK(h.last_report.rows_accepted == 3);
        CHECK(h.last_report.rows_rejected == 2);
        REQUIRE(h.last_report.rejected.size() == 2);
        CHECK(h.last_report.rejected[0].where.line == 3);
        CHECK(h.last_report.rejected[1].where.line == 5);
        CHECK(h.data.import().stage == OrderImport::Stage::Finished);
        CHECK(h.data.import().report.rejected.size() == 2);
        // The report lists each rejected row and why (a table draws column by column).
        h.frame();
        for (const char* key : {"ui.tiers.rejected_rows", "ui.tiers.line", "ui.tiers.reason"}) CHECK(shows(tr(key, h.lang)));
        for (const Error& err : h.last_report.rejected) {
            INFO(err.code);
            CHECK(shows(trf(err.code, h.lang, err.args) + " [" + err.where.field + "]"));
        }
        CHECK(h.widgets.count("tiers.close") == 1);
        CHECK(h.customers() == 3);
    }
    SECTION("no valid row") {
        const std::string csv = "customer_id,order_date,amount\nA1,notadate,10\nA2,2024-99-01,20\n";
        h.data.open_import("none.csv", std::make_shared<const std::string>(csv));
        REQUIRE(h.data.start_import());
        h.run_import();
        CHECK(h.imports == 0);
        CHECK(h.data.import().stage == OrderImport::Stage::Failed);
        REQUIRE(h.data.import().error);
        CHECK(h.data.import().error->code == "io.no_valid_rows");
        h.frames(2);
        CHECK(h.widgets.count("tiers.close") == 1);
        CHECK(h.widgets.count("tiers.back") == 1);
        CHECK(h.customers() == before);
    }
    SECTION("an empty file") {
        h.data.open_import("empty.csv", std::make_shared<const std::string>());
        CHECK(h.data.import().stage == OrderImport::Stage::Failed);
        REQUIRE(h.data.import().error);
        CHECK(h.data.import().error->code == "io.empty_file");
        h.frames(2);
        h.click("tiers.close");
        CHECK(h.data.import().stage == OrderImport::Stage::Closed);
        CHECK(h.customers() == before);
        CHECK(h.imports == 0);
    }
}

TEST_CASE("tiers: the segment table adds up and the tab draws its panels", "[tiers]") {
    ImGuiFixture g(1600);
    TiersHarness h(generated_csv(3000));
    REQUIRE(h.d.tiers.tiers);
    const Tiers& t = *h.d.tiers.tiers;
    std::uint32_t sum = 0;
    for (const auto& row : t.table) sum += row.customers;
    CHECK(sum == t.summary.buyers);
    CHECK(sum + t.segments.unscored == h.customers());
    std::uint32_t rf = 0;
    for (auto n : h.d.tiers.rf) rf += n;
    CHECK(rf == t.summary.buyers);
    CHECK(h.d.tiers.rf.size() == 25);
    for (Lang l : {Lang::Zh, Lang::En}) {
        h.lang = l;
        h.frames(3);
        for (int s = 0; s < kSegments; ++s) {
            INFO(segment_key(s));
            CHECK(shows(tiers_segment_name(s, l)));
        }
        for (int s = 0; s < kSegments; ++s) CHECK(h.widgets.count(std::string("tiers.seg.") + segment_key(s)) == 1);
        for (const char* w : {"tiers.import", "tiers.search", "tiers.export", "tiers.row0", "tiers.clv"}) {
            INFO(w);
            CHECK(h.widgets.count(w) == 1);
        }
    }
    // Clicking a segment row filters the list to it.
    h.click("tiers.seg.general_develop");
    CHECK(h.view.selected_segment == static_cast<int>(Segment::GeneralDevelop));
    ViewEnv e = h.env();
    const auto& rows = h.view.list_rows(e);
    CHECK(rows.size() == t.segments.counts[static_cast<std::size_t>(Segment::GeneralDevelop)]);
    for (auto c : rows) CHECK(t.segments.segment[c] == static_cast<std::uint8_t>(Segment::GeneralDevelop));
}

TEST_CASE("tiers: search and sort reorder the customer list without per-frame work", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(generated_csv(2000));
    h.frames(2);
    ViewEnv e = h.env();
    const Tiers& t = *h.d.tiers.tiers;
    const OrderTable& o = *h.d.orders;
    REQUIRE(h.view.list_rows(e).size() == 2000);
    const auto sorts = h.view.list.sorts, filters = h.view.list.filters;
    h.frames(5);
    CHECK(h.view.list.sorts == sorts);  // nothing changed: nothing rebuilt
    CHECK(h.view.list.filters == filters);

    h.view.set_sort(CustomerColumn::Revenue, false);
    auto rows = h.view.list_rows(e);
    REQUIRE(rows.size() == 2000);
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(t.summary.revenue[rows[i - 1]] >= t.summary.revenue[rows[i]]);
    CHECK(rows.front() != 0u);

    h.view.set_sort(CustomerColumn::Id, false);
    rows = h.view.list_rows(e);
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(o.customer_ids.at(rows[i - 1]) >= o.customer_ids.at(rows[i]));

    h.view.set_sort(CustomerColumn::Clv, false);
    rows = h.view.list_rows(e);
    REQUIRE(h.d.tiers.clv);
    const auto& clv = h.d.tiers.clv->result.clv;
    for (std::size_t i = 1; i < 200; ++i) {
        if (std::isnan(clv[rows[i]])) break;
        CHECK(clv[rows[i - 1]] >= clv[rows[i]]);
    }

    h.view.list.search = "c00001";  // case-insensitive id substring: C0000100 … C0000199 and C0001xxx
    rows = h.view.list_rows(e);
    REQUIRE_FALSE(rows.empty());
    CHECK(rows.size() < 2000);
    for (auto c : rows) CHECK(o.customer_ids.at(c).find("C00001") != std::string::npos);
    h.view.list.search.clear();
    CHECK(h.view.list_rows(e).size() == 2000);
    // A settings change recomputes the tiers, and the list follows (once).
    const auto s0 = h.view.list.sorts;
    CHECK(h.history.submit(set_at("tiering", "", "new_days", 10)).ok());
    h.frames(3);
    CHECK(h.view.list.sorts == s0 + 1);
}

TEST_CASE("tiers: names and phone numbers are masked in the list and the export", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    REQUIRE(h.ws.settings.mask_personal);
    h.frames(2);
    ViewEnv e = h.env();
    const OrderTable& o = *h.d.orders;
    REQUIRE(o.customer_phones.size() == o.customers());
    REQUIRE(o.customer_names.size() == o.customers());
    for (std::uint32_t c = 0; c < o.customers(); ++c) {
        const auto texts = h.view.row_texts(e, c);
        for (const auto& cell : texts) {
            CHECK(cell.find(o.customer_phones[c]) == std::string::npos);
            CHECK(cell != o.customer_names[c]);
        }
        CHECK(texts[static_cast<std::size_t>(CustomerColumn::Phone)].find("****") != std::string::npos);
    }
    const std::string masked = h.view.export_csv(e, -1, true);
    for (const auto& ph : o.customer_phones) CHECK(masked.find(ph) == std::string::npos);
    for (const auto& nm : o.customer_names) CHECK(masked.find("," + nm + ",") == std::string::npos);
    // With masking off the raw values show.
    h.ws.settings.mask_personal = false;
    const auto raw = h.view.row_texts(e, 0);
    CHECK(raw[static_cast<std::size_t>(CustomerColumn::Phone)] == o.customer_phones[0]);
    CHECK(raw[static_cast<std::size_t>(CustomerColumn::Name)] == o.customer_names[0]);
    CHECK(h.view.export_csv(e, -1, false).find(o.customer_phones[0]) != std::string::npos);
    // Phone-like ids are masked too; other ids are not.
    CHECK(tiers_masked("13812345678", 0, true) == "138****5678");
    CHECK(tiers_masked("M001", 0, true) == "M001");
}

TEST_CASE("tiers: the export button downloads one CSV row per customer with the segment as the tag", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(generated_csv(1500));
    h.frames(2);
    h.click("tiers.export");
    REQUIRE(h.out.downloads.size() == 1);
    const PendingDownload& dl = h.out.downloads[0];
    CHECK(dl.filename == "tiers-all-masked.csv");  // masked by default (the workspace setting), and says so
    CHECK(!dl.note.empty());
    CHECK(dl.mime == "text/csv;charset=utf-8");
    REQUIRE(dl.data.compare(0, 3, std::string(kUtf8Bom)) == 0);
    const Tiers& t = *h.d.tiers.tiers;
    const auto lines = lines_of(dl.data.substr(3));
    REQUIRE(lines.size() == t.summary.buyers + 1);
    CHECK(lines[0].rfind("客户ID,标签,", 0) == 0);
    std::vector<std::string> tags;
    for (int s = 0; s < kSegments; ++s) tags.push_back(tr(segment_name_key(s), Lang::Zh));
    std::size_t ids = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto comma = lines[i].find(',');
        REQUIRE(comma != std::string::npos);
        const std::string tag = lines[i].substr(comma + 1, lines[i].find(',', comma + 1) - comma - 1);
        CHECK(std::find(tags.begin(), tags.end(), tag) != tags.end());
        ids += lines[i].rfind("C", 0) == 0;
    }
    CHECK(ids == t.summary.buyers);
    // Each score's real range beside it (ties merge quantiles): the F range column holds the
    // orders the F score covers, and the customer's own order count lies inside it.
    {
        const auto cells = [](const std::string& line) {
            std::vector<std::string> v;
            std::size_t a = 0;
            for (std::size_t b; (b = line.find(',', a)) != std::string::npos; a = b + 1) v.push_back(line.substr(a, b - a));
            v.push_back(line.substr(a));
            return v;
        };
        const auto head = cells(lines[0]);
        const auto col = [&](const std::string& name) {
            return static_cast<std::size_t>(std::find(head.begin(), head.end(), name) - head.begin());
        };
        const std::size_t fr = col("F 区间"), orders = col("订单数"), f = col("F");
        REQUIRE(fr < head.size());
        REQUIRE(orders < head.size());
        for (std::size_t i = 1; i < lines.size(); ++i) {
            const auto row = cells(lines[i]);
            const int fs = std::stoi(row[f]);
            const ScoreRange& rg = t.rfm.f_ranges[static_cast<std::size_t>(fs - 1)];
            CHECK(row[fr] == tiers_range_label(rg, "ui.tiers.orders_n", Lang::Zh));
            const double n = std::stod(row[orders]);
            CHECK(n >= rg.lo);
            CHECK(n <= rg.hi);
        }
    }
    // One segment only.
    ViewEnv e = h.env();
    const int s = static_cast<int>(Segment::GeneralDevelop);
    const auto one = lines_of(h.view.export_csv(e, s, false).substr(3));
    CHECK(one.size() == t.segments.counts[static_cast<std::size_t>(s)] + 1);
    for (std::size_t i = 1; i < one.size(); ++i) CHECK(one[i].find("," + tags[static_cast<std::size_t>(s)] + ",") != std::string::npos);
    CHECK(h.view.export_file_name(s, false) == "tiers-general_develop-unmasked.csv");
}

TEST_CASE("tiers: an .xlsx opens the same dialog, its sheet converted once for previews and the import", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h;
    const std::string csv = generated_csv(600);
    const std::string book = csv_to_xlsx(csv, "订单");
    h.data.open_import("订单.xlsx", std::make_shared<const std::string>(book));
    REQUIRE(h.data.import().preview);
    CHECK(h.data.import().sheets == std::vector<std::string>{"订单"});
    CHECK(h.data.import().preview->sheet == "订单");
    CHECK(h.data.import().preview->missing.empty());
    const auto* text = h.data.import().sheet_csv.get();
    REQUIRE(text);
    h.data.set_header(HeaderMode::Yes);  // re-previews from the same converted text
    CHECK(h.data.import().sheet_csv.get() == text);
    h.frames(2);
    CHECK(h.widgets.count("tiers.sheet") == 0);  // one sheet: no picker
    h.data.set_sheet("Sheet9");                  // a sheet that is not there
    CHECK(h.data.import().stage == OrderImport::Stage::Failed);
    REQUIRE(h.data.import().error);
    CHECK(h.data.import().error->code == "io.xlsx_no_sheet");
    h.data.set_sheet("1");
    REQUIRE(h.data.start_import());
    h.run_import();
    REQUIRE(h.imports == 1);
    CHECK(h.d.orders->orders() == import_orders(csv)->orders.orders());
}

TEST_CASE("tiers: the Excel export holds the CSV's table; openpyxl reads it back", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(generated_csv(800));
    h.frames(2);
    h.click("tiers.export");
    h.click("tiers.export_xlsx");
    REQUIRE(h.out.downloads.size() == 2);
    const PendingDownload& csv = h.out.downloads[0];
    const PendingDownload& book = h.out.downloads[1];
    CHECK(book.filename == "tiers-all-masked.xlsx");  // masked by default; the choice is in the name
    CHECK(book.mime == kXlsxMime);
    // Yutang's own reader gives back the same cells...
    auto back = workbook_to_csv(book.data);
    REQUIRE(back);
    CHECK(back->sheets == std::vector<std::string>{"分层名单"});
    CHECK(back->rows == static_cast<int>(h.d.tiers.tiers->summary.buyers) + 1);
    // ...and so does an independent reader, with R/F/M, orders, revenue and CLV as number cells.
    const std::string dir = std::string(YT_ASSET_DIR) + "/..";
    const std::string csv_path = dir + "/tiers-export-test.csv", xlsx_path = dir + "/tiers-export-test.xlsx";
    for (const auto* f : {&csv, &book}) {
        std::FILE* out = std::fopen((f == &csv ? csv_path : xlsx_path).c_str(), "wb");
        REQUIRE(out);
        std::fwrite(f->data.data(), 1, f->data.size(), out);
        std::fclose(out);
    }
    const std::string cmd = "/usr/bin/python3 " + std::string(YT_SOURCE_DIR) + "/tests/oracle/check_xlsx.py " + xlsx_path +
                            " " + csv_path + " " + std::to_string(h.d.tiers.tiers->summary.buyers * 5);
    CHECK(std::system(cmd.c_str()) == 0);
}

TEST_CASE("tiers: the CLV panel shows the fits and the frequency check, or the fallback", "[tiers]") {
    ImGuiFixture g(1800);
    SECTION("enough data") {
        TiersHarness h(generated_csv(3000));
        REQUIRE(h.d.tiers.clv);
        const TiersClv& c = *h.d.tiers.clv;
        CHECK(c.usable());
        REQUIRE(c.check);
        double a = 0, p = 0;
        for (double v : c.check->actual) a += v;
        for (double v : c.check->expected) p += v;
        CHECK(a == Approx(c.included));
        CHECK(p == Approx(c.included).epsilon(1e-6));
        // Segment CLV totals add up to the total.
        double seg = 0;
        for (double v : h.d.tiers.segment_clv) seg += v;
        CHECK(seg == Approx(c.result.total_clv).epsilon(1e-6));
        h.frame();
        for (const char* fit : {"BG/NBD", "Gamma-Gamma"}) CHECK(shows(fit));
        for (const char* key : {"ui.tiers.loglik", "ui.tiers.converged", "ui.tiers.check", "ui.tiers.actual", "ui.tiers.predicted"}) {
            INFO(key);
            CHECK(shows(tr(key, h.lang)));
        }
        CHECK(h.widgets.count("tiers.clv_fallback") == 0);
    }
    SECTION("too few data") {
        TiersHarness h("customer_id,order_date,amount\nA,2024-01-01,10\nB,2024-01-02,20\nA,2024-02-01,15\n");
        REQUIRE(h.d.tiers.tiers);
        REQUIRE(h.d.tiers.clv);
        CHECK_FALSE(h.d.tiers.clv->usable());
        h.frames(3);
        CHECK(h.widgets.count("tiers.clv_fallback") == 1);
        CHECK(h.widgets.count("tiers.seg.important_value") == 1);  // the rule-based tiers still show
    }
}

TEST_CASE("tiers: assess_tiers recomputes only when the orders or the tiering settings change", "[tiers]") {
    auto r = import_orders(generated_csv(800));
    REQUIRE(r.ok());
    OrderTable orders = std::move(r->orders);
    Workspace ws = demo_workspace(kDemoToday);
    TierFigures d;
    assess_tiers(ws, &orders, d);
    REQUIRE(d.tiers);
    REQUIRE(d.clv);
    CHECK(d.computations == 1);
    CHECK(d.clv_computations == 1);
    const auto gen = d.generation;
    // Another command (not tiering) changes nothing.
    ws.name = "renamed";
    ws.settings.mask_personal = false;
    assess_tiers(ws, &orders, d);
    CHECK(d.generation == gen);
    CHECK(d.computations == 1);
    // A lifecycle threshold: the tiers, not the CLV fits.
    ws.tiering.dormant_days = 200;
    assess_tiers(ws, &orders, d);
    CHECK(d.computations == 2);
    CHECK(d.clv_computations == 1);
    CHECK(d.generation != gen);
    // The CLV horizon: the fits, not the tiers.
    ws.tiering.clv_horizon = 52;
    assess_tiers(ws, &orders, d);
    CHECK(d.computations == 2);
    CHECK(d.clv_computations == 2);
    // New orders (a new import moved into the same place): everything.
    auto r2 = import_orders(generated_csv(900, 5));
    REQUIRE(r2.ok());
    orders = std::move(r2->orders);
    assess_tiers(ws, &orders, d);
    CHECK(d.computations == 3);
    CHECK(d.clv_computations == 3);
    CHECK(d.tiers->summary.size() == 900);
    // A bad setting is an error, shown by the tab; fixing it recovers.
    ws.tiering.active_days = 10;
    ws.tiering.dormant_days = 5;
    assess_tiers(ws, &orders, d);
    CHECK(d.error);
    CHECK_FALSE(d.tiers);
    ws.tiering.dormant_days = 180;
    assess_tiers(ws, &orders, d);
    CHECK_FALSE(d.error);
    CHECK(d.tiers);
    // No orders: nothing to show.
    assess_tiers(ws, nullptr, d);
    CHECK_FALSE(d.tiers);
}

TEST_CASE("tiers: settings controls send edits of the tiering settings that recompute the tiers", "[tiers]") {
    ImGuiFixture g(1800);
    TiersHarness h(generated_csv(1000));
    h.frames(2);
    ViewEnv e = h.env();
    const auto v0 = h.history.version();
    h.view.set_tiering(e, set_at("tiering", "", "binning", std::string("quartile")));
    CHECK(h.view.error.empty());
    CHECK(h.ws.tiering.binning == "quartile");
    CHECK(h.history.version() != v0);
    h.frames(2);
    REQUIRE(h.d.tiers.tiers);
    CHECK(h.d.tiers.bins == 4);
    CHECK(h.d.tiers.rf.size() == 16);
    CHECK(h.history.undo());
    CHECK(h.ws.tiering.binning == "quintile");
    h.view.set_tiering(e, set_at("tiering", "", "binning", std::string("nonsense")));
    h.frames(2);
    REQUIRE(h.d.tiers.error);  // the tab shows the error and keeps the settings editable
    h.frame();
    CHECK(shows(describe(*h.d.tiers.error, h.lang)));
    CHECK(h.widgets.count("tiers.binning") == 1);
}

TEST_CASE("tiers: a dropped file replaces the demo orders and a reload restores them", "[tiers][app]") {
    ImGuiFixture g;
    MemoryPlatform p;
    std::size_t demo_customers = 0;
    const std::string csv = people_csv();
    {
        App app(p);
        app.start();
        for (int i = 0; i < 3; ++i) app_frame(app);
        demo_customers = state_customers(app.state_json());
        REQUIRE(demo_customers != 40);
        p.deliver_file("", "会员订单.csv", csv);
        for (int i = 0; i < 4; ++i) app_frame(app);
        CHECK(app.tab() == Tab::Tiers);
        app_click(app, "tiers.import_go");
        for (int i = 0; i < 100 && app.busy(); ++i) app_frame(app);
        CHECK_FALSE(app.busy());
        for (int i = 0; i < 3; ++i) app_frame(app);
        CHECK(state_customers(app.state_json()) == 40);
        CHECK(app.workspace().dataset.name == "会员订单.csv");
        CHECK(p.blobs.count("orders") == 1);
        app_click(app, "tiers.close");
    }
    {
        App again(p);  // same store and blobs: a reload
        again.start();
        for (int i = 0; i < 10; ++i) app_frame(again);
        CHECK_FALSE(again.busy());
        CHECK(state_customers(again.state_json()) == 40);
        CHECK(again.workspace().dataset.name == "会员订单.csv");
    }
}

// The 导入 click is drawn at once; the import starts in the frame after it, a frame that only works
// (starting finds the file's layout again: ~20 ms for a 100 MB file in the browser, which would
// otherwise add to the drawn frame that shows the click).
TEST_CASE("tiers: the import starts in the frame after the 导入 click, not in the drawn frame of the click", "[tiers][app]") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    for (int i = 0; i < 3; ++i) app_frame(app);
    p.deliver_file("", "会员订单.csv", people_csv());
    for (int i = 0; i < 4; ++i) app_frame(app);
    app_click(app, "tiers.import_go");  // its last frame is the one that shows the click
    CHECK(app.dataset().start_requested());
    CHECK(app.dataset().import().stage == OrderImport::Stage::Preview);
    CHECK_FALSE(app.dataset().import().importer);
    CHECK(app.busy());  // frames keep coming
    REQUIRE(app.work_between_frames());  // the next frame starts it and draws nothing
    CHECK_FALSE(app.dataset().start_requested());
    CHECK(app.dataset().importing());
    app_frame(app);
    float r[4];
    CHECK(widget_rect(app.state_json(), "tiers.progress", r));
    for (int i = 0; i < 100 && app.busy(); ++i) app_frame(app);
    CHECK(state_customers(app.state_json()) == 40);
}

// A new file's rows are stored (not the file): a reload reads them back and shows exactly what
// the import showed (customers, orders, revenue, what was left out and why, the segments); a copy
// stored by an older version (the file itself) still restores to the same, and is then replaced
// by its rows, and rows an older version stored raw are stored again packed.
namespace {
std::string shown_figures(const App& app) {
    const std::string s = app.state_json();
    const auto from = s.rfind("\"customers\":"), to = s.find("\"audiences\"", from);
    return from == std::string::npos || to == std::string::npos ? std::string() : s.substr(from, to - from);
}
}  // namespace

TEST_CASE("tiers: the stored rows restore what the import showed, as the stored file does", "[tiers][app]") {
    ImGuiFixture g;
    std::string csv = "订单编号,买家会员名,付款时间,实付金额,订单状态,退款金额,商品名称,归属员工\n";
    for (int c = 0; c < 60; ++c) {
        char line[200];
        const char* status = c % 7 == 0 ? "交易关闭" : c % 5 == 0 ? "部分退款" : "交易成功";
        std::snprintf(line, sizeof line, "T%03d,M%03d,2024-%02d-%02d 10:00:00,%d.00,%s,%d,品%d,员%d\n", c, c % 23, 1 + c % 12,
                      1 + c % 28, 40 + c * 3, status, c % 5 == 0 ? 10 : 0, c % 4, c % 3);
        csv += line;
    }
    csv += "T999,M001,2024-05-05 10:00:00,abc,交易成功,0,品1,员1\n";  // rejected: named in the report
    MemoryPlatform p;
    std::string shown;
    {
        App app(p);
        app.start();
        for (int i = 0; i < 3; ++i) app_frame(app);
        p.deliver_file("", "店铺订单.csv", csv);
        for (int i = 0; i < 4; ++i) app_frame(app);
        app_click(app, "tiers.import_go");
        for (int i = 0; i < 100 && app.busy(); ++i) app_frame(app);
        REQUIRE_FALSE(app.busy());
        for (int i = 0; i < 3; ++i) app_frame(app);
        shown = shown_figures(app);
        REQUIRE(p.blobs.count("orders") == 1);
        CHECK(app.derived().rows_copy);  // once stored, the copy is held (the rows are not: derived.hpp)
    }
    CHECK(shown.find("\"orders\":51,\"revenue\":6494.00,\"excluded_rows\":9") != std::string::npos);  // T000, T007, ... T056 closed
    CHECK(shown.find("\"customers\":23") != std::string::npos);
    // After a reload, counting closed orders too, then not, then undo and redo: each time the rows
    // are read again from the stored copy the app holds (the rows themselves are let go).
    auto closed_too = [](const App& a, bool on) {
        TieringSettings t = a.workspace().tiering;
        t.statuses.closed = on;
        return edit_json(set_value("tiering", t));
    };
    std::string shown_closed;
    {
        App same(p);
        same.start();
        for (int i = 0; i < 20; ++i) app_frame(same);
        CHECK(same.derived().rows_copy);
        REQUIRE(same.dispatch(closed_too(same, true)) == "");
        // Not in the frame of the change: the copy is read again over the frames after it.
        CHECK(shown_figures(same) == shown);
        app_frame(same);
        CHECK(same.busy());
        for (int i = 0; i < 100 && same.busy(); ++i) app_frame(same);
        CHECK_FALSE(same.busy());
        for (int i = 0; i < 3; ++i) app_frame(same);
        shown_closed = shown_figures(same);
        // 60 orders of 40 + 3c yuan, less 10 refunded on each of the ten partly refunded ones.
        CHECK(shown_closed.find("\"orders\":60,\"revenue\":7610.00,\"excluded_rows\":0") != std::string::npos);
        REQUIRE(same.dispatch(closed_too(same, false)) == "");
        for (int i = 0; i < 100 && (i < 2 || same.busy()); ++i) app_frame(same);
        CHECK_FALSE(same.busy());
        for (int i = 0; i < 3; ++i) app_frame(same);
        CHECK(shown_figures(same) == shown);
        REQUIRE(same.history().undo());  // undoing the choice reads the copy again too
        for (int i = 0; i < 100 && (i < 2 || same.busy()); ++i) app_frame(same);
        CHECK_FALSE(same.busy());
        for (int i = 0; i < 3; ++i) app_frame(same);
        CHECK(shown_figures(same) == shown_closed);
        // A change behind an open import dialog (an undo) waits for the dialog to close.
        p.deliver_file("", "另一个.csv", csv);
        for (int i = 0; i < 4; ++i) app_frame(same);
        REQUIRE(same.dataset().import().stage == OrderImport::Stage::Preview);
        REQUIRE(same.history().redo());  // and the plan is left as the import made it
        for (int i = 0; i < 5; ++i) app_frame(same);
        CHECK(same.dataset().import().stage == OrderImport::Stage::Preview);
        CHECK_FALSE(same.busy());
        app_click(same, "tiers.cancel");
        for (int i = 0; i < 100 && (i < 2 || same.busy()); ++i) app_frame(same);
        for (int i = 0; i < 3; ++i) app_frame(same);
        CHECK(shown_figures(same) == shown);
    }
    const std::string stored = p.blobs["orders"];
    CHECK(stored.find("\"form\":\"rows\"") != std::string::npos);
    CHECK(stored.find("T999,M001") == std::string::npos);  // not the file
    CHECK(stored.size() < csv.size() * 2);
    {
        App again(p);  // a reload
        again.start();
        for (int i = 0; i < 20; ++i) app_frame(again);
        CHECK_FALSE(again.busy());
        CHECK(shown_figures(again) == shown);
    }
    // The file as an older version stored it, with the options the import used.
    std::size_t body = 0;
    auto head = unpack_import_head(stored, &body);
    REQUIRE(head);
    CHECK(head->rows);
    p.blobs["orders"] = pack_import(head->file_name, head->options, csv);
    {
        App older(p);
        older.start();
        for (int i = 0; i < 20; ++i) app_frame(older);
        CHECK_FALSE(older.busy());
        CHECK(shown_figures(older) == shown);
    }
    // ... and its rows are stored in its place: the next reload reads them.
    CHECK(p.blobs["orders"].find("\"form\":\"rows\"") != std::string::npos);
    CHECK(p.blobs["orders"].find("T999,M001") == std::string::npos);
    {
        App next(p);
        next.start();
        for (int i = 0; i < 20; ++i) app_frame(next);
        CHECK_FALSE(next.busy());
        CHECK(shown_figures(next) == shown);
    }
    // Rows an earlier version stored raw (tests/fixtures/stored_rows_ytr1.bin: a shop export with
    // every optional column) restore, and are stored again packed; the next reload reads those.
    {
        std::ifstream f(std::string(YT_SOURCE_DIR) + "/tests/fixtures/stored_rows_ytr1.bin", std::ios::binary);
        const std::string raw((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        REQUIRE(raw.substr(0, 4) == "YTR1");
        p.blobs["orders"] = pack_import_head("店铺订单.csv", ImportOptions{}, true) + raw;
    }
    std::string raw_shown;
    {
        App earlier(p);
        earlier.start();
        for (int i = 0; i < 20; ++i) app_frame(earlier);
        CHECK_FALSE(earlier.busy());
        raw_shown = shown_figures(earlier);
        CHECK(state_customers(earlier.state_json()) == 2);  // M1 and M2 paid; M3 closed, M4 refunded
    }
    std::size_t at = 0;
    REQUIRE(unpack_import_head(p.blobs["orders"], &at));
    CHECK(p.blobs["orders"].substr(at, 4) == "YTR2");
    {
        App next(p);
        next.start();
        for (int i = 0; i < 20; ++i) app_frame(next);
        CHECK_FALSE(next.busy());
        CHECK(shown_figures(next) == raw_shown);
    }
    // A damaged copy of the rows is an error shown instead of customers, not a partial table.
    p.blobs["orders"] = stored.substr(0, stored.size() - 5);
    {
        App damaged(p);
        damaged.start();
        for (int i = 0; i < 20; ++i) app_frame(damaged);
        CHECK(state_customers(damaged.state_json()) == 0);
    }
}

TEST_CASE("tiers: an import's steps and its use can run between drawn frames; the frame after takes no step",
          "[tiers][app]") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    for (int i = 0; i < 3; ++i) app_frame(app);
    const std::size_t demo_customers = state_customers(app.state_json());
    CHECK_FALSE(app.work_between_frames());  // nothing to read: the frame draws
    p.deliver_file("", "big.csv", generated_csv(100000));
    for (int i = 0; i < 4; ++i) app_frame(app);
    CHECK_FALSE(app.work_between_frames());  // the preview waits for the user
    app_click(app, "tiers.import_go");
    REQUIRE(app.busy());
    CHECK_FALSE(app.work_between_frames(false));  // a drawing frame: no step between frames
    CHECK(state_customers(app.state_json()) == demo_customers);
    const auto sorts = app.tiers_view().list.sorts;
    int steps = 0, used_at = -1, current_at = -1;
    // Reading, modelling, using it, then the plan's first assess of it in three parts: no frame drawn.
    while (app.work_between_frames()) {
        ++steps;
        if (used_at < 0 && state_customers(app.state_json()) == 100000) used_at = steps;
        if (used_at > 0 && current_at < 0 && app.figures_current()) current_at = steps;
    }
    CHECK(steps >= 5);
    CHECK(state_customers(app.state_json()) == 100000);
    CHECK(app.figures_current());  // the plan's first assess with the new orders came with it
    REQUIRE(used_at > 0);
    CHECK(current_at == used_at + 3);  // the journeys' triggers, the calibration, then the rest
    // Then the customer list is ordered for the new figures: the frame drawn next does not.
    CHECK(app.tiers_view().list.sorts == sorts + 1);
    CHECK(app.busy());              // storing the file is left to a drawn frame
    CHECK(p.blobs.count("orders") == 0);
    app_frame(app);  // drawn after a step: shows it, takes none of its own
    CHECK(app.tiers_view().list.sorts == sorts + 1);
    CHECK(p.blobs.count("orders") == 0);
    app_frame(app);  // hands the file to storage
    CHECK(p.blobs.count("orders") == 1);
    for (int i = 0; i < 10 && app.busy(); ++i) app_frame(app);
    CHECK_FALSE(app.busy());
    CHECK(app.workspace().dataset.name == "big.csv");
}

TEST_CASE("tiers: a shop export's closed and refunded orders are excluded; the status choice is one undo step",
          "[tiers][status]") {
    const std::string csv =
        "订单编号,买家昵称,手机号,付款时间,实付金额,订单状态,商品名称,收货地址\n"
        "T1,花,13800000001,2025-03-01 10:00,100.00,交易成功,洁面乳,杭州\n"
        "T2,花,13800000002,2025-03-02 10:00,50.00,交易成功,精华,上海\n"
        "T3,草,13800000003,,0.00,交易关闭,面霜,北京\n"
        "T4,草,13800000004,2025-03-03 10:00,80.00,退款成功,面霜,广州\n";
    ImGuiFixture g;
    TiersHarness h;
    h.data.open_import("shop.csv", std::make_shared<const std::string>(csv));
    h.frames(2);
    for (const char* w : {"tiers.customer_key", "tiers.ignored", "tiers.imp_status.closed", "tiers.encoding"})
        CHECK(h.widgets.count(w) == 1);
    REQUIRE(h.data.import().preview);
    CHECK(h.data.import().preview->mapping.customer == 2);  // the phone, not the shared nickname
    CHECK(h.data.import().preview->ignored == std::vector<int>{7});
    h.click("tiers.import_go");
    h.run_import();
    h.frames(2);
    CHECK(h.customers() == 2);
    CHECK(h.d.revenue == Approx(150));
    CHECK(h.last_report.excluded_by_status == 2);
    CHECK(h.widgets.count("tiers.notice.0") == 1);  // the summary in the dialog
    h.click("tiers.close");
    h.frames(2);
    REQUIRE(h.widgets.count("tiers.status.refunded") == 1);
    const auto v0 = h.history.version();
    h.click("tiers.status.refunded");
    h.frames(1);
    CHECK(h.data.busy());  // the rows' stored copy is read again over frames
    h.run_import();
    h.frames(1);
    CHECK(h.history.version() == v0 + 1);
    CHECK(h.ws.tiering.statuses.refunded);
    CHECK(h.customers() == 3);
    CHECK(h.d.revenue == Approx(230));
    REQUIRE(h.history.undo());
    h.frames(1);
    h.run_import();
    h.frames(1);
    CHECK_FALSE(h.ws.tiering.statuses.refunded);
    CHECK(h.customers() == 2);
    CHECK(h.d.revenue == Approx(150));
}

TEST_CASE("tiers: the tier list export guards formula-like ids and names, masked or not", "[tiers]") {
    const std::string csv = "会员ID,姓名,手机号,下单时间,实付金额\r\n"
                            "\"=HYPERLINK(\"\"http://x\"\")\",+张三,13800000001,2024-01-05,120.00\r\n"
                            "-1,@李四,13800000002,2024-02-11,35.00\r\n"
                            "@SUM(1),-王五,13900000003,2024-05-20,560.00\r\n";
    TiersHarness h(csv);
    ViewEnv e = h.env();
    const std::string full = h.view.export_csv(e, -1, false);
    for (const char* guarded : {"\"'=HYPERLINK(\"\"http://x\"\")\"", "'+张三", "'@李四", "'-王五", "'-1,", "'@SUM(1)"})
        CHECK(full.find(guarded) != std::string::npos);
    const std::string masked = h.view.export_csv(e, -1, true);
    CHECK(masked.find("HYPERLINK") == std::string::npos);  // the id is masked like a nickname
    CHECK(masked.find("张三") == std::string::npos);
    for (const std::string& out : {full, masked})
        for (const char* bad : {"\n=", "\n+", "\n-", "\n@", ",=", ",+", ",-", ",@", ",\t"}) CHECK(out.find(bad) == std::string::npos);
}

TEST_CASE("tiers: a second import says how the customers moved since the first; undo takes it away", "[tiers][app]") {
    ImGuiFixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    for (int i = 0; i < 3; ++i) app_frame(app);
    auto import = [&](const char* name, const std::string& csv) {
        p.deliver_file("", name, csv);
        for (int i = 0; i < 4; ++i) app_frame(app);
        app_click(app, "tiers.import_go");
        for (int i = 0; i < 100 && app.busy(); ++i) app_frame(app);
        for (int i = 0; i < 3; ++i) app_frame(app);
        app_click(app, "tiers.close");
        app_frame(app);
    };
    import("一月订单.csv", people_csv());
    // Against the demo's customers nothing is compared.
    CHECK(app.workspace().dataset.change.matrix.empty());
    // A month later: every customer bought again in December, and five new ones came.
    std::string later = people_csv();
    for (int c = 0; c < 45; ++c) {
        char line[160];
        std::snprintf(line, sizeof line, "M%03d,新%d,1381234%04d,2024-12-%02d,%d.00\n", c, c, c, 1 + c % 28, 300 + c);
        later += line;
    }
    import("二月订单.csv", later);
    const SegmentChange& ch = app.workspace().dataset.change;
    REQUIRE(ch.matrix.size() == 64);
    CHECK(ch.from_name == "一月订单.csv");
    CHECK(ch.matched == 40);
    CHECK(ch.new_total == 5);
    CHECK(ch.gone_total == 0);
    std::uint32_t sum = 0;
    for (std::uint32_t v : ch.matrix) sum += v;
    CHECK(sum == 40);
    CHECK(moved_customers(ch) > 0);  // a purchase from everyone moves recency and frequency
    app.select_tab(Tab::Dashboard);
    for (int i = 0; i < 3; ++i) app_frame(app);
    const std::string st = app.state_json();
    CHECK(st.find("\"dash.change\"") != std::string::npos);
    CHECK(st.find("\"dash.change.0\"") != std::string::npos);
    // Undo of the second import: back to the first file, which had nothing to compare with.
    REQUIRE(app.history().undo());
    for (int i = 0; i < 10 && app.busy(); ++i) app_frame(app);
    app_frame(app);
    CHECK(app.workspace().dataset.name == "一月订单.csv");
    CHECK(app.workspace().dataset.change.matrix.empty());
    CHECK(app.state_json().find("\"dash.change\"") == std::string::npos);
    // The first file's own customers are back (not the second file's under the first's name),
    // and the stored copy follows; redo brings the second file back.
    CHECK(state_customers(app.state_json()) == 40);
    REQUIRE(p.blobs.count("orders") == 1);
    CHECK(p.blobs["orders"].find("一月订单.csv") != std::string::npos);
    REQUIRE(app.history().redo());
    for (int i = 0; i < 10 && app.busy(); ++i) app_frame(app);
    app_frame(app);
    CHECK(app.workspace().dataset.name == "二月订单.csv");
    CHECK(state_customers(app.state_json()) == 45);
    CHECK(p.blobs["orders"].find("二月订单.csv") != std::string::npos);
}

// The App's path (Dataset::step(), once per frame, then the refresh): after the file is read, the
// tiers and CLV are computed a part per frame and installed with the orders, so the refresh that
// follows recomputes nothing and shows what one assess() gives; Cancel while modelling keeps the
// orders held before.
namespace {
struct ModelRun {
    int reading = 0, modelling = 0;
    std::uint64_t computations_at_use = 0;  // the tiers' count when the orders were used, before any refresh
};
ModelRun run_app_steps(TiersHarness& h) {
    ModelRun r;
    const std::size_t before = h.customers();
    for (int i = 0; i < 10000 && h.data.busy(); ++i) {
        if (h.data.import().importer) ++r.reading;
        if (h.data.import().modelling) ++r.modelling;
        h.data.step();
        if (h.customers() != before && r.computations_at_use == 0) r.computations_at_use = h.d.tiers.computations;
        if (h.d.version != h.history.version()) refresh_derived(h.ws, h.d, h.history.version());
    }
    return r;
}
}  // namespace

TEST_CASE("tiers: a new file's tiers and CLV are computed a part per frame and used as one assess gives them",
          "[tiers][app]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    h.data.chunk_bytes = 16 << 10;
    h.data.step_target_ms = 0;  // one chunk or one part per frame, on any machine
    const auto computations = h.d.tiers.computations, clv_computations = h.d.tiers.clv_computations;
    h.data.open_import("big.csv", std::make_shared<const std::string>(generated_csv(4000)));
    REQUIRE(h.data.start_import());
    const ModelRun r = run_app_steps(h);
    CHECK(r.reading >= 4);
    CHECK(r.modelling >= 12);  // index, summary, scores, profile, CLV inputs, fits, predictions: a frame each
    REQUIRE(h.customers() == 4000);
    // Installed with the orders (before any refresh), and the refresh after it found it current.
    CHECK(r.computations_at_use == computations + 1);
    CHECK(h.d.tiers.computations == computations + 1);
    CHECK(h.d.tiers.clv_computations == clv_computations + 1);
    TierFigures fresh;
    assess_tiers(h.ws, &*h.d.orders, fresh);
    REQUIRE(fresh.clv);
    REQUIRE(h.d.tiers.clv);
    CHECK(fresh.segment_sizes == h.d.tiers.segment_sizes);
    CHECK(fresh.rf == h.d.tiers.rf);
    CHECK(fresh.clv->result.total_clv == h.d.tiers.clv->result.total_clv);
    CHECK(fresh.clv->result.bg.params.r == h.d.tiers.clv->result.bg.params.r);
    // The order facts too were computed between frames, once, and moved in with the orders.
    CHECK(h.d.order_facts.computations == 1);
    OrderFacts facts;
    assess_orders(&*h.d.orders, facts);
    CHECK(facts.revenue == h.d.order_facts.revenue);
    CHECK(facts.customers == 4000);
    CHECK(h.d.order_facts.customers == 4000);
}

TEST_CASE("tiers: Cancel while the model is computed keeps the orders held before", "[tiers][app]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    const std::size_t before = h.customers();
    h.data.chunk_bytes = 1 << 20;
    h.data.step_target_ms = 0;
    h.data.open_import("big.csv", std::make_shared<const std::string>(generated_csv(3000)));
    REQUIRE(h.data.start_import());
    for (int i = 0; i < 1000 && !h.data.import().modelling; ++i) h.data.step();
    REQUIRE(h.data.import().modelling);
    h.data.step();
    REQUIRE(h.data.busy());
    h.data.cancel_import();
    CHECK_FALSE(h.data.busy());
    CHECK(h.data.notice() == "ui.tiers.cancelled");
    for (int i = 0; i < 5; ++i) h.data.step();
    CHECK(h.customers() == before);
    CHECK(h.ws.dataset.name != "big.csv");
}

namespace {

// A warehouse's per-customer summary of generated orders, as docs/summary.md's SQL writes it
// (with revenue and an owner per customer), as of `cal`; also the inputs it was written from.
std::string summary_csv(const OrderTable& t, Day cal, ClvInputs& in_out) {
    auto idx = build_order_index(t);
    REQUIRE(idx.ok());
    auto in = clv_inputs(t, *idx, cal, TimeUnit::Week);
    REQUIRE(in.ok());
    SummaryOptions so;
    so.as_of = cal;
    const CustomerSummary s = summarize(t, *idx, so);
    std::string text = "customer,frequency,recency,T,monetary_value,revenue,owner\n";
    for (std::size_t c = 0; c < in->size(); ++c) {
        if (!in->included[c]) continue;
        char m[40], rev[40];
        std::snprintf(m, sizeof m, "%.17g", in->m[c]);
        std::snprintf(rev, sizeof rev, "%.17g", s.revenue[c]);
        text += t.customer_ids.at(static_cast<std::uint32_t>(c)) + "," + std::to_string(in->x[c]) + "," +
                std::to_string(in->t_x_days[c]) + "," + std::to_string(in->T_days[c]) + "," + m + "," + rev + "," +
                (c % 3 == 0 ? "小王" : "小李") + "\n";
    }
    in_out = std::move(*in);
    return text;
}

}  // namespace

TEST_CASE("tiers: a per-customer summary is modelled in the dialog a part per frame, as the CLI models it",
          "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    const std::size_t customers_before = h.customers();
    GenOptions go;
    go.customers = 3000;
    go.seed = 11;
    const OrderTable t = generate_orders(go);
    auto idx = build_order_index(t);
    REQUIRE(idx.ok());
    const Day cal = idx->max_day - 30;
    ClvInputs in;
    const std::string csv = summary_csv(t, cal, in);
    h.data.step_target_ms = 0;  // one part per frame: the frame count must not depend on the machine
    h.data.open_import("summary.csv", std::make_shared<const std::string>(csv));
    h.frames(2);
    REQUIRE(h.widgets.count("tiers.summary_go") == 1);
    REQUIRE(h.widgets.count("tiers.summary_end") == 1);
    CHECK(h.widgets.count("tiers.summary_hint") == 1);

    // A date that cannot be read fails with its text named; Back returns to the offer.
    h.data.set_summary_end("2024-13-40");
    h.click("tiers.summary_go");
    REQUIRE(h.data.import().stage == OrderImport::Stage::Failed);
    REQUIRE(h.data.import().error);
    CHECK(h.data.import().error->code == "tiering.bad_date");
    h.frame();
    CHECK(shows("无法为这份汇总建模"));
    h.click("tiers.back");
    REQUIRE(h.data.import().stage == OrderImport::Stage::Preview);
    h.frame();

    h.data.set_summary_end(format_day(cal));
    h.click("tiers.summary_go");
    std::vector<double> progress;
    int frames = 0;
    bool saw_reading = false, saw_fitting = false;
    while (h.data.busy() && frames < 1000) {
        progress.push_back(h.data.import().progress);
        h.frame();
        saw_reading = saw_reading || shows("正在读取汇总…");
        saw_fitting = saw_fitting || shows("正在拟合 BG/NBD 与 Gamma-Gamma 模型并预测…");
        ++frames;
    }
    // Reading 3,000 rows is one part (5,000 a part); the fits and predictions are several.
    CHECK(frames >= ClvRun::steps_for(3000));
    CHECK(std::is_sorted(progress.begin(), progress.end()));
    CHECK(saw_fitting);
    (void)saw_reading;
    REQUIRE(h.data.import().stage == OrderImport::Stage::Finished);
    h.frames(2);
    CHECK(h.widgets.count("tiers.summary_total") == 1);
    CHECK(h.widgets.count("tbl.tiers_summary_segments.h2") == 1);     // CLV per segment
    CHECK(h.widgets.count("tbl.tiers_summary_owners.h2") == 1);       // and per owner
    CHECK(shows("重要价值客户"));
    CHECK(shows("小王"));
    // Nothing of the plan changed: the same customers, no import counted.
    CHECK(h.imports == 0);
    CHECK(h.customers() == customers_before);

    // The result is the CLI's: the same fits and totals as run_clv on the inputs the summary was
    // written from, the same breakdown, the same per-customer table.
    const SummaryModel& m = *h.data.import().summary;
    auto setup = clv_options(h.ws.tiering);
    REQUIRE(setup.ok());
    auto want = run_clv(in, setup->options);
    REQUIRE(want.ok());
    const ClvResult& got = m.result();
    CHECK(got.bg.params.r == want->bg.params.r);
    CHECK(got.bg.params.alpha == want->bg.params.alpha);
    CHECK(got.gg.params.p == want->gg.params.p);
    CHECK(got.total_clv == want->total_clv);
    CHECK(got.total_expected_purchases == want->total_expected_purchases);
    CHECK(m.file().inputs.customers == in.customers);
    CHECK(shows(ui::fixed(got.bg.params.r, 4)));  // the fits' tables
    CHECK(shows(ui::fixed(got.gg.params.q, 4)));
    const ClvBreakdown& b = m.breakdown();
    REQUIRE(b.segmented);
    CHECK(std::accumulate(b.segment_customers.begin(), b.segment_customers.end(), 0u) == in.customers);
    REQUIRE(b.owners.size() == 2);
    CHECK(b.owners[0].customers + b.owners[1].customers == in.customers);
    CHECK(b.owners[0].clv >= b.owners[1].clv);
    CHECK(b.owners[0].clv + b.owners[1].clv == Approx(got.total_clv).epsilon(1e-6));

    h.click("tiers.summary_export");
    REQUIRE(h.out.downloads.size() == 1);
    const PendingDownload& dl = h.out.downloads[0];
    CHECK(dl.filename == "clv-summary-masked.csv");  // the workspace masks personal data by default
    REQUIRE(dl.data.compare(0, 3, std::string(kUtf8Bom)) == 0);
    const auto lines = lines_of(dl.data.substr(3));
    REQUIRE(lines.size() == in.customers + 1);
    CHECK(lines[0] == "customer,x,t_x,T,p_alive,expected_purchases,expected_avg_value,clv");
    CsvWriter w;
    clv_customers_header(w);
    clv_customers_rows(w, [&](std::size_t i) -> std::string_view { return m.file().customer_ids.at(static_cast<std::uint32_t>(i)); },
                       m.file().inputs, got, true, 0, in.size());
    CHECK(dl.data == w.str());
    CHECK(lines[1].rfind(mask_customer_id(m.file().customer_ids.at(0)) + ",", 0) == 0);

    // Close leaves the plan as it was.
    h.click("tiers.close");
    CHECK(h.data.import().stage == OrderImport::Stage::Closed);
    CHECK(h.customers() == customers_before);
}

TEST_CASE("tiers: a bad row of a summary stops its model naming the line; Cancel stops a running one", "[tiers]") {
    ImGuiFixture g;
    TiersHarness h(people_csv());
    std::string csv = "customer,frequency,recency,T,monetary_value\n";
    for (int i = 0; i < 50000; ++i) csv += "C" + std::to_string(i) + ",1,3,20,5.5\n";
    csv += "Z,2,1,20,5\n";  // frequency over recency, on line 50,002
    h.data.step_target_ms = 0;
    h.data.open_import("s.csv", std::make_shared<const std::string>(csv));
    h.frames(2);
    h.click("tiers.summary_go");
    h.run_import();
    REQUIRE(h.data.import().stage == OrderImport::Stage::Failed);
    REQUIRE(h.data.import().error);
    CHECK(h.data.import().error->code == "tiering.summary_frequency_over_recency");
    CHECK(h.data.import().error->where.line == 50002);
    h.frames(1);
    CHECK(shows("无法为这份汇总建模"));
    CHECK(h.customers() == 40);

    // A good summary, cancelled while its rows are read (5,000 rows a part).
    csv.resize(csv.rfind("Z,"));
    h.data.open_import("s.csv", std::make_shared<const std::string>(csv));
    h.frames(2);
    h.click("tiers.summary_go");
    REQUIRE(h.data.busy());
    CHECK(h.data.import().summary->reading());
    h.data.cancel_import();
    CHECK_FALSE(h.data.busy());
    CHECK(h.data.import().stage == OrderImport::Stage::Closed);
    CHECK(h.data.notice() == "ui.tiers.cancelled");
}
