// test_calendar_view.cpp — the 内容日历 Calendar tab headless: it renders the demo's month in zh
// and en; dragging an item to another day (or, in the week view, another channel) is one undo
// step; typing a title is one undo step; applying a template adds its items as one step; a
// finding click selects its item; the export buttons produce ICS / CSV / HTML of the visible
// range; value and promotion items carry different markers.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/derived.hpp"
#include "core/calendar/festivals.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/calendar/templates.hpp"
#include "core/plan/demo.hpp"
#include "headless_imgui.hpp"
#include "memory_platform.hpp"
#include "views/calendar.hpp"

using namespace yt;
using namespace yt::app;

namespace {

using yt::test::MemoryPlatform;

using Fixture = yt::test::HeadlessImGui;

// The calendar view alone in a full-screen window, wired like App: the demo workspace, its
// History, Derived refreshed when the version changes, and an Outbox for downloads.
struct Bench {
    Workspace ws = demo_workspace(kDemoToday);
    History history{ws};
    yt::app::Derived d;
    WidgetRects widgets;
    Outbox out;
    CalendarView view;
    Lang lang = Lang::Zh;
    Bench() { refresh_derived(ws, d, history.version()); }
    void draw() {
        widgets.clear();
        yt::test::HeadlessImGui::view_frame([&] {
            ViewEnv env{ws, d, history, lang, widgets, &out, nullptr, nullptr, 1796416496};  // "now": 2026-12-04 20:34:56 UTC
            view.draw(env);
        });
        if (d.version != history.version()) refresh_derived(ws, d, history.version());
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) draw();
    }
    bool has(const std::string& name) const { return widgets.count(name) != 0; }
    ImVec2 centre(const std::string& name) {
        auto it = widgets.find(name);
        if (it == widgets.end()) FAIL("widget " << name << " not drawn");
        const auto& r = it->second;
        return ImVec2(r[0] + r[2] / 2, r[1] + r[3] / 2);
    }
    void move(ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        draw();
    }
    void click_at(ImVec2 p) {
        move(p);
        ImGui::GetIO().MouseDown[0] = true;
        draw();
        ImGui::GetIO().MouseDown[0] = false;
        draw();
        draw();
    }
    void click(const std::string& name) { click_at(centre(name)); }
    // Clicks into the text field `name`, selects all and types `keys`, one frame each.
    void retype(const std::string& name, std::initializer_list<const char*> keys) {
        const auto r = widgets.at(name);
        click_at(ImVec2(r[0] + r[2] - 6, r[1] + r[3] / 2));
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = true;
        io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_A)] = true;
        draw();
        io.KeysDown[ImGui::GetKeyIndex(ImGuiKey_A)] = false;
        io.KeyCtrl = false;
        draw();
        for (const char* k : keys) {
            io.AddInputCharactersUTF8(k);
            draw();
        }
    }
    // Presses on `from`, moves to `to` in steps (one frame each), releases there.
    void drag(const std::string& from, const std::string& to) {
        const ImVec2 a = centre(from), b = centre(to);
        move(a);
        ImGuiIO& io = ImGui::GetIO();
        io.MouseDown[0] = true;
        draw();
        for (int i = 1; i <= 6; ++i)
            move(ImVec2(a.x + (b.x - a.x) * static_cast<float>(i) / 6, a.y + (b.y - a.y) * static_cast<float>(i) / 6));
        io.MouseDown[0] = false;
        draw();
        draw();
    }
    const ContentItem* item(const std::string& id) const {
        for (const ContentItem& it : ws.calendar.items)
            if (it.id == id) return &it;
        return nullptr;
    }
    // Ids of the items whose boxes are drawn.
    std::vector<std::string> boxes() const {
        std::vector<std::string> out;
        for (const auto& kv : widgets)
            if (kv.first.rfind("cal.item.", 0) == 0) out.push_back(kv.first.substr(9));
        return out;
    }
    // A single (non-repeating) item with a visible box on a day of the visible month, whose
    // neighbour `delta` days later is also in the month.
    std::string one_off(int delta) const {
        Day a = 0, b = 0;
        view.range(a, b);
        for (const std::string& id : boxes()) {
            const ContentItem* it = item(id);
            if (it && it->repeat.kind.empty() && it->day >= a && it->day + delta <= b && it->day + delta >= a) return id;
        }
        return {};
    }
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("calendar tab: the demo month renders in Chinese and English with its widgets", "[calendar_view]") {
    Fixture g;
    MemoryPlatform p;
    App app(p);
    app.start();
    app.select_tab(Tab::Calendar);
    for (const char* lang : {"zh", "en"}) {
        REQUIRE(app.dispatch(std::string(R"({"type":"set_language","value":")") + lang + "\"}") == "");
        for (int f = 0; f < 3; ++f) g.frame(app);
        INFO("language " << lang << "; drawn:\n" << g.drawn_text());
        CHECK(app.tab() == Tab::Calendar);
        // The view's own words and the demo's items on their days.
        for (const char* key : {"ui.cal.month", "ui.cal.week", "ui.cal.export_html"}) CHECK(g.shows(tr(key, parse_lang(lang))));
        for (const char* title : {"小婉的一天", "阿杰每日护肤"}) CHECK(g.shows(title));
        const std::string s = app.state_json();
        for (const char* w : {"cal.month", "cal.week", "cal.prev", "cal.next", "cal.export.ics", "cal.export.csv",
                              "cal.export.html", "cal.template", "cal.finding0", "cal.day.2026-11-15",
                              "cal.day.2026-11-01", "cal.day.2026-11-30", "cal.item.d-push-1"})
            CHECK(s.find(std::string("\"") + w + "\":[") != std::string::npos);
    }
}

TEST_CASE("calendar tab: the month view shows the demo's items on their days", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(3);
    CHECK(b.view.mode == CalendarView::Mode::Month);
    Day a = 0, z = 0;
    b.view.range(a, z);
    CHECK(format_day(a) == "2026-11-01");  // the demo's month (today 2026-11-15)
    CHECK(format_day(z) == "2026-11-30");
    const std::vector<std::string> ids = b.boxes();
    CHECK(ids.size() >= 15);
    // Each box sits inside the cell of a day the item occurs on.
    for (const std::string& id : ids) {
        const ContentItem* it = b.item(id);
        REQUIRE(it);
        const auto& r = b.widgets.at("cal.item." + id);
        bool inside = false;
        for (Day d : occurrence_days(*it, a - 7, z + 7)) {
            auto cell = b.widgets.find("cal.day." + format_day(d));
            if (cell == b.widgets.end()) continue;
            const auto& c = cell->second;
            inside = inside || (r[0] >= c[0] && r[1] >= c[1] && r[0] + r[2] <= c[0] + c[2] && r[1] + r[3] <= c[1] + c[3]);
        }
        INFO(id);
        CHECK(inside);
    }
    // Every single item of November whose day has room is drawn, e.g. the week of pushes.
    for (const char* id : {"d-push-1", "d-push-4", "d-coupon-member", "d-fest-day-1"}) CHECK(b.has(std::string("cal.item.") + id));
}

TEST_CASE("calendar tab: navigating months and weeks", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(2);
    b.click("cal.prev");
    CHECK(b.has("cal.day.2026-10-15"));
    CHECK(civil_from_days(b.view.anchor).m == 10);
    b.click("cal.next");
    b.click("cal.next");
    CHECK(civil_from_days(b.view.anchor).m == 12);
    b.click("cal.today");
    CHECK(b.view.anchor == kDemoToday);
    b.click("cal.week");
    CHECK(b.view.mode == CalendarView::Mode::Week);
    CHECK(b.has("cal.lane.moments.2026-11-15"));
    CHECK(b.has("cal.lane.小红书.2026-11-09"));  // the workspace's own channel has a lane too
    CHECK_FALSE(b.has("cal.lane.moments.2026-11-16"));  // weeks start on Monday
    b.click("cal.next");
    CHECK(b.has("cal.lane.group.2026-11-16"));
    b.click("cal.month");
    CHECK(b.view.mode == CalendarView::Mode::Month);
}

TEST_CASE("calendar tab: the week view shows a week of the month on screen", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(2);
    // An item selected in November stays selected while the user moves on to December.
    const std::string id = b.one_off(0);
    REQUIRE_FALSE(id.empty());
    b.click("cal.item." + id);
    REQUIRE(b.view.sel_id == id);
    b.click("cal.next");
    b.click("cal.week");
    Day a = 0, z = 0;
    b.view.range(a, z);
    // Not the selected item's November week: a week that has December days in it.
    CHECK(civil_from_days(z).m == 12);
    CHECK(b.view.anchor >= days_from_civil(2026, 12, 1));
    // Back in November, the selected item's own week.
    b.click("cal.month");
    b.click("cal.prev");
    b.click("cal.week");
    b.view.range(a, z);
    CHECK(b.view.sel_day >= a);
    CHECK(b.view.sel_day <= z);
}

TEST_CASE("calendar tab: dragging an item to another day is one undo step", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(3);
    const std::string id = b.one_off(2);
    REQUIRE_FALSE(id.empty());
    const ContentItem before = *b.item(id);
    const std::string target = format_day(before.day + 2);
    b.drag("cal.item." + id, "cal.day." + target);
    REQUIRE(b.item(id));
    CHECK(b.item(id)->day == before.day + 2);
    CHECK(b.item(id)->channel == before.channel);
    CHECK(b.item(id)->title == before.title);
    CHECK(b.view.sel_id == id);
    CHECK(b.history.can_undo());
    REQUIRE(b.history.undo());
    CHECK(b.item(id)->day == before.day);
    CHECK_FALSE(b.history.can_undo());  // the whole drag was one command
    // A click without moving does not move it.
    b.frames(2);
    b.click("cal.item." + id);
    CHECK(b.item(id)->day == before.day);
    CHECK_FALSE(b.history.can_undo());
    CHECK(b.view.sel_id == id);
}

TEST_CASE("calendar tab: in the week view an item drags to another day and channel", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.view.mode = CalendarView::Mode::Week;
    b.view.anchor = days_from_civil(2026, 11, 19);  // Thursday of the pushes week
    b.frames(3);
    REQUIRE(b.has("cal.item.d-push-2"));
    const ContentItem before = *b.item("d-push-2");
    REQUIRE(before.channel == "moments");
    const std::string target = "cal.lane.group." + format_day(before.day + 1);
    REQUIRE(b.has(target));
    b.drag("cal.item.d-push-2", target);
    CHECK(b.item("d-push-2")->day == before.day + 1);
    CHECK(b.item("d-push-2")->channel == "group");
    REQUIRE(b.history.undo());
    CHECK(b.item("d-push-2")->day == before.day);
    CHECK(b.item("d-push-2")->channel == "moments");
    CHECK_FALSE(b.history.can_undo());

    // A repeating item moves as a series: its first box (Monday) dropped on Tuesday shifts it a day.
    b.frames(2);
    REQUIRE(b.has("cal.item.d-deals"));
    const ContentItem deals = *b.item("d-deals");
    const Day monday = days_from_civil(2026, 11, 16);
    b.drag("cal.item.d-deals", "cal.lane.group." + format_day(monday + 1));
    CHECK(b.item("d-deals")->day == deals.day + 1);
    CHECK(b.item("d-deals")->repeat.until_day == deals.repeat.until_day + 1);
    CHECK(b.view.sel_day == monday + 1);
    REQUIRE(b.history.undo());
    CHECK(b.item("d-deals")->day == deals.day);
}

TEST_CASE("calendar tab: typing a title is one undo step", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(3);
    b.click("cal.item.d-push-1");
    REQUIRE(b.view.sel_id == "d-push-1");
    REQUIRE(b.has("cal.edit.title"));
    const std::string title = b.item("d-push-1")->title;
    const auto r = b.widgets.at("cal.edit.title");
    b.click_at(ImVec2(r[0] + r[2] - 6, r[1] + r[3] / 2));
    ImGuiIO& io = ImGui::GetIO();
    for (const char* s : {"a", "b", "c"}) {
        io.AddInputCharactersUTF8(s);
        b.draw();
    }
    CHECK(b.item("d-push-1")->title == title + "abc");
    b.click_at(ImVec2(5, 790));  // elsewhere: the field is left and the edit sealed
    io.AddInputCharactersUTF8("x");
    b.draw();
    CHECK(b.item("d-push-1")->title == title + "abc");
    REQUIRE(b.history.undo());
    CHECK(b.item("d-push-1")->title == title);
    CHECK_FALSE(b.history.can_undo());
    REQUIRE(b.history.redo());
    CHECK(b.item("d-push-1")->title == title + "abc");
}

TEST_CASE("calendar tab: editor fields and delete are commands", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(3);
    b.click("cal.item.d-push-3");
    REQUIRE(b.has("cal.edit.time"));
    // Select all and type a new time; a half-typed time is not applied.
    b.retype("cal.edit.time", {"1", "8", ":", "3", "0"});
    CHECK(b.item("d-push-3")->minute == 18 * 60 + 30);
    b.click_at(ImVec2(5, 790));
    REQUIRE(b.history.undo());
    CHECK(b.item("d-push-3")->minute == 15 * 60);

    b.click("cal.item.d-push-3");
    REQUIRE(b.has("cal.delete"));
    const std::size_t n = b.ws.calendar.items.size();
    b.click("cal.delete");
    CHECK(b.ws.calendar.items.size() == n - 1);
    CHECK_FALSE(b.item("d-push-3"));
    CHECK(b.view.sel_id.empty());
    REQUIRE(b.history.undo());
    CHECK(b.item("d-push-3"));

    // "+" on a day adds an item there, selected for editing; one undo removes it.
    b.click("cal.new.2026-11-20");
    CHECK(b.ws.calendar.items.size() == n + 1);
    REQUIRE(b.item(b.view.sel_id));
    CHECK(b.item(b.view.sel_id)->day == days_from_civil(2026, 11, 20));
    REQUIRE(b.history.undo());
    CHECK(b.ws.calendar.items.size() == n);
}

TEST_CASE("calendar tab: applying a template adds its items as one undo step", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(3);
    REQUIRE(b.has("cal.template"));
    CHECK_FALSE(b.has("cal.apply"));  // the form opens from the toolbar
    b.view.tpl_id = "community_week";
    const std::size_t n = b.ws.calendar.items.size();
    // What the core makes for the defaults: from today to the end of the visible month, all groups.
    TemplateTarget t;
    t.from = kDemoToday;
    t.to = days_from_civil(2026, 11, 30);
    for (const Group& gr : b.ws.roles.groups) t.groups.push_back(gr.id);
    auto expect = apply_template(*find_template(b.ws.calendar, builtin_templates(), "community_week"), t, b.ws.calendar.items, b.ws.roles);
    REQUIRE(expect);
    REQUIRE(expect->size() > 0);
    b.click("cal.template");
    REQUIRE(b.has("cal.apply"));
    REQUIRE(b.has("cal.template_pick"));
    b.click("cal.apply");
    CHECK_FALSE(b.has("cal.apply"));  // the form closed
    CHECK(b.view.error.empty());
    CHECK(b.ws.calendar.items.size() == n + expect->size());
    CHECK(b.history.undo_label() == "cmd.apply_template");
    REQUIRE(b.history.undo());
    CHECK(b.ws.calendar.items.size() == n);
    CHECK_FALSE(b.history.can_undo());
}

TEST_CASE("calendar tab: clicking a finding selects its item and shows its day", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(3);
    Day a = 0, z = 0;
    b.view.range(a, z);
    const std::vector<std::size_t> shown = b.d.calendar.findings_in(a, z);
    REQUIRE_FALSE(shown.empty());
    std::size_t k = shown.size();
    for (std::size_t i = 0; i < shown.size() && k == shown.size(); ++i)
        if (!b.d.calendar.links[shown[i]].items.empty()) k = i;
    REQUIRE(k < shown.size());
    const FindingLink& link = b.d.calendar.links[shown[k]];
    CHECK(b.view.sel_id.empty());
    b.click("cal.finding" + std::to_string(k));
    CHECK(b.view.sel_id == link.items.front());
    REQUIRE(b.item(b.view.sel_id));
    // The selected item's box is on screen, and it carries the warning mark.
    b.draw();
    CHECK(b.has("cal.item." + b.view.sel_id));
    CHECK(b.d.calendar.worst(b.view.sel_id) >= 0);

    // Findings link the demo's known problems: the late reminder is in the quiet hours.
    CHECK(b.d.calendar.worst("d-late-reminder") >= static_cast<int>(Severity::Warning));
    CHECK(b.d.calendar.worst("d-coupon-member") >= static_cast<int>(Severity::Warning));
}

TEST_CASE("calendar tab: the export buttons produce ICS, CSV and HTML of the visible range", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(3);
    Day a = 0, z = 0;
    b.view.range(a, z);
    const std::size_t occ = expand_occurrences(b.ws.calendar.items, a, z).size();
    REQUIRE(occ > 50);
    b.click("cal.export.ics");
    REQUIRE(b.out.downloads.size() == 1);
    const PendingDownload& ics = b.out.downloads[0];
    CHECK(ics.mime == "text/calendar;charset=utf-8");
    CHECK(ics.filename == "yutang-calendar-2026-11-01_2026-11-30.ics");
    CHECK(ics.data.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(count(ics.data, "BEGIN:VEVENT\r\n") == occ);
    CHECK(count(ics.data, "END:VEVENT\r\n") == occ);

    b.click("cal.export.csv");
    REQUIRE(b.out.downloads.size() == 2);
    const PendingDownload& csv = b.out.downloads[1];
    CHECK(csv.mime == "text/csv;charset=utf-8");
    CHECK(csv.data.rfind("\xEF\xBB\xBF", 0) == 0);  // BOM for Excel
    CHECK(count(csv.data, "\r\n") == occ + 1);      // a header and one row per occurrence
    CHECK(csv.data.find("2026-11-19") != std::string::npos);

    b.click("cal.export.html");
    REQUIRE(b.out.downloads.size() == 3);
    CHECK(b.out.downloads[2].mime == "text/html;charset=utf-8");
    CHECK(b.out.downloads[2].data.find("<html") != std::string::npos);

    // The week view exports its week; "all dates" the whole plan.
    b.click("cal.week");
    b.click("cal.export.ics");
    REQUIRE(b.out.downloads.size() == 4);
    b.view.range(a, z);
    CHECK(count(b.out.downloads[3].data, "BEGIN:VEVENT") == expand_occurrences(b.ws.calendar.items, a, z).size());
    b.view.export_range = 3;  // the whole plan
    b.click("cal.export.ics");
    REQUIRE(b.out.downloads.size() == 5);
    CHECK(count(b.out.downloads[4].data, "BEGIN:VEVENT") > occ);
    // The next 30 days from today, named in the file and in the note; DTSTAMP is the export time.
    b.view.export_range = 1;
    b.click("cal.export.ics");
    REQUIRE(b.out.downloads.size() == 6);
    const Day today = b.d.calendar.today;
    CHECK(count(b.out.downloads[5].data, "BEGIN:VEVENT") ==
          expand_occurrences(b.ws.calendar.items, today, today + 29).size());
    CHECK(b.out.downloads[5].filename == "yutang-calendar-" + format_day(today) + "_" + format_day(today + 29) + ".ics");
    CHECK(b.out.downloads[5].note.find(format_day(today + 29)) != std::string::npos);
    CHECK(b.out.downloads[5].data.find("DTSTAMP:20261204T203456Z") != std::string::npos);
}

TEST_CASE("calendar tab: value and promotion items are told apart without colour", "[calendar_view]") {
    yt::app::register_ui_messages();  // as App does at start (this test may run first, alone)
    CHECK(cal::marker("promo", Lang::Zh) == "◆促");
    CHECK(cal::marker("coupon", Lang::Zh) == "◆促");
    CHECK(cal::marker("tutorial", Lang::Zh) == "●值");
    CHECK(cal::marker("life", Lang::En) == "●V");
    CHECK(cal::marker("live_perk", Lang::En) == "◆P");
    ContentItem it;
    it.type = "promo";
    it.minute = 20 * 60 + 5;
    it.title = "秒杀";
    CHECK(cal::box_label(it, true, Lang::Zh) == "◆促 20:05 秒杀");
    CHECK(cal::box_label(it, false, Lang::Zh) == "◆促 秒杀");
    it.type = "review";
    it.title.clear();
    CHECK(cal::box_label(it, false, Lang::En) == "●V User review");
    CHECK(cal::border_colour("promo") != cal::border_colour("review"));
    CHECK(cal::fill_colour("promo") != cal::fill_colour("tutorial"));
    CHECK(cal::parse_hhmm("08:30") == 510);
    CHECK(cal::parse_hhmm("8:30") == 510);
    CHECK(cal::parse_hhmm("24:00") == -1);
    CHECK(cal::parse_hhmm("18:3") == -1);
    CHECK(cal::parse_hhmm("18:30x") == -1);
    for (const char* k : {"ui.cal.month", "ui.cal.week", "ui.cal.marker_value", "ui.cal.marker_promo", "ui.cal.legend_value",
                          "ui.cal.ratio_head", "ui.cal.touch_head", "ui.cal.findings_head_month", "ui.cal.findings_head_week", "ui.cal.template_head",
                          "ui.cal.export_ics", "cmd.apply_template"}) {
        INFO(k);
        CHECK(has_tr(k));
        CHECK(std::string(tr(k, Lang::Zh)) != tr(k, Lang::En));
    }
}

TEST_CASE("calendar tab: derived meters and touch load for a range", "[calendar_view]") {
    Workspace ws = demo_workspace(kDemoToday);
    CalendarFigures d;
    assess_calendar(ws, kDemoToday, {}, d);
    REQUIRE(d.ready);
    CHECK(d.today == kDemoToday);
    CHECK(d.from <= days_from_civil(2026, 11, 1));
    CHECK(d.to >= days_from_civil(2026, 12, 5));
    const Day a = days_from_civil(2026, 11, 16), z = days_from_civil(2026, 11, 22);
    const std::vector<ChannelMix> mix = d.mix(a, z);
    const ChannelMix* moments = nullptr;
    const ChannelMix* deal = nullptr;
    for (const ChannelMix& m : mix) {
        if (m.channel == "moments") moments = &m;
        if (m.channel == "group_deal") deal = &m;
    }
    REQUIRE(moments);
    REQUIRE(deal);
    CHECK(moments->max_promo_share == Approx(0.2));
    CHECK(deal->max_promo_share == Approx(0.8));
    // Counted by hand from the plan: the pushes week puts 5 promotions on Moments from Thu 19th.
    int promo = 0, value = 0;
    for (const Occurrence& o : expand_occurrences(ws.calendar.items, a, z)) {
        const ContentItem& it = ws.calendar.items[o.item];
        if (it.channel != "moments") continue;
        (is_promotion_type(it.type) ? promo : value) += 1;
    }
    CHECK(moments->promo == promo);
    CHECK(moments->value == value);
    CHECK(promo >= 4);
    const std::vector<TierLoad> load = d.load(a, z);
    REQUIRE_FALSE(load.empty());
    for (const TierLoad& t : load) {
        CHECK(t.cap_day == 3);
        CHECK(t.cap_week == 10);
        CHECK(t.max_week >= t.max_day);
    }
    CHECK(std::any_of(load.begin(), load.end(), [](const TierLoad& t) { return t.max_day > 0; }));
    // Festivals come from the cache near today and are computed further away, the same either way.
    for (auto [from, to] : {std::pair<Day, Day>{a - 30, z + 30}, {days_from_civil(2030, 1, 1), days_from_civil(2030, 3, 1)}}) {
        const std::vector<Festival> got = d.festivals(from, to, ws.calendar.festival_windows);
        const std::vector<Festival> want = festivals_between(from, to, ws.calendar.festival_windows);
        REQUIRE(got.size() == want.size());
        REQUIRE_FALSE(got.empty());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].id == want[i].id);
            CHECK(got[i].start == want[i].start);
            CHECK(got[i].end == want[i].end);
        }
    }
    // An edited window is honoured (not served from a stale cache).
    std::vector<FestivalWindow> wider = ws.calendar.festival_windows;
    wider.push_back(FestivalWindow{"double_11", 30, 0});
    const std::vector<Festival> edited = d.festivals(a - 40, z, wider);
    CHECK(std::any_of(edited.begin(), edited.end(), [](const Festival& f) { return f.id == "double_11" && f.date - f.start == 30; }));
    // Outside the span everything sums to nothing.
    for (const ChannelMix& m : d.mix(d.to + 10, d.to + 40)) CHECK(m.value + m.promo == 0);

}

TEST_CASE("calendar tab: an item's context menu (right click / long press) duplicates and deletes, each one undo step", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(3);
    const std::vector<std::string> ids = b.boxes();
    REQUIRE(!ids.empty());
    // A one-off item, so the copy and the original are easy to tell apart.
    std::string id;
    for (const std::string& x : ids)
        if (b.item(x) && b.item(x)->repeat.kind.empty()) { id = x; break; }
    if (id.empty()) id = ids.front();
    const std::size_t before = b.ws.calendar.items.size();
    const Day day = b.item(id)->day;
    auto right_click = [&](const std::string& name) {
        b.move(b.centre(name));
        ImGui::GetIO().MouseDown[1] = true;
        b.draw();
        ImGui::GetIO().MouseDown[1] = false;
        b.draw();
        b.draw();
    };
    right_click("cal.item." + id);
    REQUIRE(b.has("cal.menu.duplicate"));
    b.click("cal.menu.duplicate");
    REQUIRE(b.ws.calendar.items.size() == before + 1);
    const ContentItem& copy = b.ws.calendar.items.back();
    CHECK(copy.id != id);
    CHECK(copy.day == day + 1);
    CHECK(copy.title == b.item(id)->title);
    b.history.undo();
    CHECK(b.ws.calendar.items.size() == before);

    b.frames(2);
    right_click("cal.item." + id);
    REQUIRE(b.has("cal.menu.delete"));
    b.click("cal.menu.delete");
    CHECK(b.item(id) == nullptr);
    CHECK(b.ws.calendar.items.size() == before - 1);
    b.history.undo();
    CHECK(b.item(id) != nullptr);
}

TEST_CASE("calendar tab: the festival popup marks a peak, moves a window and edits a year's phases, each undoable", "[calendar_view]") {
    Fixture g;
    Bench b;
    b.frames(3);
    auto gap_for = [&](const std::string& festival) {
        for (const Finding& f : b.d.findings)
            if (f.rule == "calendar.festival_gap" && !f.args.empty() && f.args.back().str() == festival) return true;
        return false;
    };
    auto window = [&](const std::string& id) -> const FestivalWindow* {
        for (const FestivalWindow& w : b.ws.calendar.festival_windows)
            if (w.id == id) return &w;
        return nullptr;
    };
    b.click("cal.festivals");
    b.frames(3);  // the list scrolls to the visible month once the popup has its size
    REQUIRE(b.has("cal.fest.major.christmas"));
    CHECK(b.view.fest_year == 2026);

    // 圣诞 becomes a peak: the workspace says so and the Assessment's gap check now looks at it
    // (the horizon rule is widened so 40 days ahead counts).
    CHECK_FALSE(window("christmas"));
    b.click("cal.fest.major.christmas");
    REQUIRE(window("christmas"));
    CHECK(window("christmas")->major == 1);
    CHECK(window("christmas")->days_before == 7);
    for (Rule& r : b.ws.rules.rules)
        if (r.id == "calendar.festival_gap_horizon_days") r.value = 45;
    refresh_derived(b.ws, b.d, b.history.version() + 1000);
    CHECK(gap_for("christmas"));
    REQUIRE(b.history.undo());
    CHECK_FALSE(window("christmas"));

    // The "+" of 双12's days-before field widens its window by a day.
    const auto r = b.widgets.at("cal.fest.before.double_12");
    const double before = window("double_12")->days_before;
    b.click_at(ImVec2(r[0] + r[2] - 4, r[1] + r[3] / 2));
    CHECK(window("double_12")->days_before == before + 1);
    REQUIRE(b.history.undo());
    CHECK(window("double_12")->days_before == before);

    // 双11 2026: typing a new presale start makes the plan's own entry for that year; "use the
    // built-in dates" removes it.
    const std::string key = "cal.edit.fest.double_11.2026.presale.start";
    REQUIRE(b.has(key));
    b.retype(key, {"2", "0", "2", "6", "-", "1", "0", "-", "1", "5"});
    REQUIRE(b.ws.calendar.festival_years.size() == 1);
    const FestivalYear& y = b.ws.calendar.festival_years[0];
    CHECK(y.festival == "double_11");
    CHECK(y.year == 2026);
    CHECK(y.phases.at(0).start == days_from_civil(2026, 10, 15));
    bool found = false;
    for (const Festival& fe : festivals_between(days_from_civil(2026, 10, 1), days_from_civil(2026, 11, 30), b.ws.calendar.festival_windows,
                                                b.ws.calendar.festival_years))
        if (fe.id == "double_11") found = fe.start == days_from_civil(2026, 10, 15);
    CHECK(found);
    b.draw();
    REQUIRE(b.has("cal.fest.builtin.double_11"));
    b.click("cal.fest.builtin.double_11");
    CHECK(b.ws.calendar.festival_years.empty());
}
