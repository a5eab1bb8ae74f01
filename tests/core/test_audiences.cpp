// test_audiences.cpp — saved audiences (人群包): conditions combined with and/or/not over a small
// hand-worked order table, tags split on ，,;/|、, ranges, birthday months, owners, products,
// references and their errors, validation, the edit commands with undo, the plan's figures and
// cache, the SCRM tag list, and a calendar item that targets an audience.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>

#include "edit_try.hpp"
#include "core/plan/assess.hpp"
#include "core/tiering/audience.hpp"
#include "core/tiering/lifecycle.hpp"

using namespace yt;

namespace {

AudienceInputs inputs_of(const OrderTable& t, const AudienceColumns& cols, const std::vector<std::uint8_t>& segment,
                         const std::vector<std::uint8_t>& stage, const std::vector<float>& clv, const std::vector<float>* p_alive) {
    AudienceInputs in;
    in.orders = &t;
    in.columns = &cols;
    in.segment = &segment;
    in.stage = &stage;
    in.clv = &clv;
    in.p_alive = p_alive;
    return in;
}

// Six customers A–F. Orders (day, amount, owner, product):
//   A: 20000 100 小美 精华, 20010 50 小美 面膜, 20020 80 小婉 精华   top 精华, last owner 小婉
//   B: 20005 30 小美 面膜                                          top 面膜, owner 小美
//   C: 20001 60 — 面膜, 20002 60 小婉 精华                          tie: first bought 面膜, owner 小婉
//   D: 20003 20 — —                                                 none, none
//   E: 20004 10 小美 口红                                           口红, 小美
//   F: 20006 200 小婉 口红, 20007 10 — 口红                         口红, 小婉 (last order naming one)
struct Fixture {
    OrderTable t;
    std::vector<std::uint8_t> segment, stage;
    std::vector<float> clv, p_alive;
    AudienceColumns cols;
    OrderIndex idx;

    void attribute(const std::string& name, const std::vector<std::string>& per_customer) {
        AttributeColumn a;
        a.name = name;
        for (const std::string& v : per_customer)
            a.of_customer.push_back(v.empty() ? AttributeColumn::kNoValue : a.values.intern(v));
        t.attributes.push_back(std::move(a));
    }
    void order(std::uint32_t c, Day d, double amount, const std::string& owner, const std::string& product) {
        t.add(c, d, amount);
        t.owner.push_back(owner.empty() ? OrderTable::kNoValue : t.owners.intern(owner));
        t.product.push_back(product.empty() ? OrderTable::kNoValue : t.products.intern(product));
    }
    Fixture() {
        for (const char* id : {"A", "B", "C", "D", "E", "13812345678"}) t.customer_ids.intern(id);
        t.customer_phones = {"13900000001", "13900000002", "", "13900000004", "13900000005", "13812345678"};
        order(0, 20000, 100, "小美", "精华");
        order(0, 20010, 50, "小美", "面膜");
        order(0, 20020, 80, "小婉", "精华");
        order(1, 20005, 30, "小美", "面膜");
        order(2, 20001, 60, "", "面膜");
        order(2, 20002, 60, "小婉", "精华");
        order(3, 20003, 20, "", "");
        order(4, 20004, 10, "小美", "口红");
        order(5, 20006, 200, "小婉", "口红");
        order(5, 20007, 10, "", "口红");
        attribute("city", {"上海", "北京", "上海", "杭州", "", "北京"});
        attribute("tags", {"高客单，敏感肌", "敏感肌/学生", "学生;宝妈", "宝妈、高客单", "", "VIP | 高客单"});
        attribute("birthday", {"1990-05-12", "5月3日", "19881105", "11-20", "", "1995/5/30"});
        attribute("age", {"34", "28岁", "41", "", "", "22"});
        const std::uint8_t N = kNoSegment;
        segment = {0, 5, 0, 7, N, 1};  // important_value, general_develop, important_value, general_retain, —, important_develop
        stage = {1, 0, 1, 3, kNoStage, 0};  // active, new, active, churned, —, new
        clv = {500, 50, 300, NAN, NAN, 120};
        p_alive = {0.9f, 0.5f, 0.8f, 0.1f, NAN, 0.95f};
        auto i = build_order_index(t);
        REQUIRE(i);
        idx = std::move(*i);
        cols = audience_columns(t, idx);
    }
    AudienceInputs inputs() const { return inputs_of(t, cols, segment, stage, clv, &p_alive); }
    // Ids of the members of `a` evaluated alone (or with `all`).
    std::string members(const Audience& a, const std::vector<Audience>& all = {}) const {
        const AudienceResult r = evaluate_audience(a, all, inputs());
        REQUIRE_FALSE(r.error);
        std::string out;
        for (std::size_t c = 0; c < r.member.size(); ++c)
            if (r.member[c]) out += c == 5 ? "F" : t.customer_ids.at(static_cast<std::uint32_t>(c));
        CHECK(r.count == out.size());
        return out;
    }
};

AudienceCondition values(const std::string& field, std::vector<std::string> v, bool negate = false) {
    AudienceCondition c;
    c.field = field;
    c.values = std::move(v);
    c.negate = negate;
    return c;
}

AudienceCondition range(const std::string& field, std::optional<double> lo, std::optional<double> hi) {
    AudienceCondition c;
    c.field = field;
    c.has_min = lo.has_value();
    c.has_max = hi.has_value();
    c.min = lo.value_or(0);
    c.max = hi.value_or(0);
    return c;
}

Audience audience(const std::string& id, const std::string& match, std::vector<AudienceCondition> conds) {
    Audience a;
    a.id = id;
    a.name = id;
    a.match = match;
    a.conditions = std::move(conds);
    return a;
}

}  // namespace

TEST_CASE("audiences: and, or, not over segments, stages and cities", "[audience]") {
    Fixture fx;
    CHECK(fx.members(audience("a", "all", {values("city", {"上海"}), values("segment", {"important_value"})})) == "AC");
    CHECK(fx.members(audience("a", "any", {values("city", {"杭州"}), values("tag", {"学生"})})) == "BCD");
    // Not in Shanghai includes the customer without a city.
    CHECK(fx.members(audience("a", "all", {values("city", {"上海"}, true)})) == "BDEF");
    CHECK(fx.members(audience("a", "all", {values("stage", {"new", "active"}), values("segment", {"important_value"}, true)})) == "BF");
    // Several values of one condition: any of them.
    CHECK(fx.members(audience("a", "all", {values("city", {"北京", "杭州"})})) == "BDF");
    // No conditions: everyone of the table.
    CHECK(fx.members(audience("a", "all", {})) == "ABCDEF");
    CHECK(fx.members(audience("a", "any", {})) == "ABCDEF");
    // A value condition with nothing picked matches nobody (and its negation everybody).
    CHECK(fx.members(audience("a", "all", {values("city", {})})) == "");
    CHECK(fx.members(audience("a", "all", {values("city", {}, true)})) == "ABCDEF");
}

TEST_CASE("audiences: tags split on ，,;/|、 with spaces trimmed", "[audience]") {
    CHECK(split_tags("高客单，敏感肌") == std::vector<std::string>{"高客单", "敏感肌"});
    CHECK(split_tags(" a , b;c/d|e、f ") == std::vector<std::string>{"a", "b", "c", "d", "e", "f"});
    CHECK(split_tags("、,") .empty());
    Fixture fx;
    CHECK(fx.members(audience("a", "all", {values("tag", {"高客单"})})) == "ADF");
    CHECK(fx.members(audience("a", "all", {values("tag", {"宝妈"})})) == "CD");
    CHECK(fx.members(audience("a", "all", {values("tag", {"敏感肌"})})) == "AB");
    CHECK(fx.members(audience("a", "all", {values("tag", {"学生", "VIP"})})) == "BCF");
    // The whole cell is not a tag.
    CHECK(fx.members(audience("a", "all", {values("tag", {"敏感肌/学生"})})) == "");
    const auto tags = audience_value_choices("tag", fx.inputs());
    REQUIRE(tags.size() == 5);
    CHECK(tags[0] == "高客单");  // three customers, the most
}

TEST_CASE("audiences: CLV, P(alive) and age ranges; birthday months", "[audience]") {
    Fixture fx;
    CHECK(fx.members(audience("a", "all", {range("clv", 100, 400)})) == "CF");
    CHECK(fx.members(audience("a", "all", {range("clv", 400, std::nullopt)})) == "A");
    CHECK(fx.members(audience("a", "all", {range("p_alive", std::nullopt, 0.5)})) == "BD");
    CHECK(fx.members(audience("a", "all", {range("age", 25, 40)})) == "AB");  // "28岁" reads as 28
    CHECK(fx.members(audience("a", "all", {values("birth_month", {"5"})})) == "ABF");
    CHECK(fx.members(audience("a", "all", {values("birth_month", {"11"})})) == "CD");
    CHECK(birthday_month("1990-05-12") == 5);
    CHECK(birthday_month("5月3日") == 5);
    CHECK(birthday_month("19881105") == 11);
    CHECK(birthday_month("11-20") == 11);
    CHECK(birthday_month("1995/5/30") == 5);
    CHECK(birthday_month("unknown") == 0);
    CHECK(birthday_month("1990-13-01") == 0);
}

TEST_CASE("audiences: most bought product and the owner of the last order", "[audience]") {
    Fixture fx;
    CHECK(fx.members(audience("a", "all", {values("product", {"精华"})})) == "A");
    CHECK(fx.members(audience("a", "all", {values("product", {"面膜"})})) == "BC");
    CHECK(fx.members(audience("a", "all", {values("product", {"口红"})})) == "EF");
    CHECK(fx.members(audience("a", "all", {values("owner", {"小婉"})})) == "ACF");
    CHECK(fx.members(audience("a", "all", {values("owner", {"小美"})})) == "BE");
    CHECK(fx.members(audience("a", "any", {values("owner", {"小婉"}), values("product", {"口红"})})) == "ACEF");
}

TEST_CASE("audiences: references, per-segment counts, and errors as values", "[audience]") {
    Fixture fx;
    const Audience shanghai = audience("sh", "all", {values("city", {"上海"})});
    const Audience active_sh = audience("ash", "all", {values("audience", {"sh"}), values("stage", {"active"})});
    const std::vector<Audience> all = {shanghai, active_sh};
    CHECK(fx.members(active_sh, all) == "AC");
    const auto rs = evaluate_audiences(all, fx.inputs());
    REQUIRE(rs.size() == 2);
    CHECK(rs[1].count == 2);
    CHECK(rs[1].by_segment[0] == 2);  // both important_value
    CHECK(rs[1].segment_keys() == std::vector<std::string>{"important_value"});
    // Not in an audience.
    CHECK(fx.members(audience("x", "all", {values("audience", {"sh"}, true)}), all) == "BDEF");
    const auto no_city = evaluate_audiences({audience("n", "all", {values("segment", {"general_retain", "important_develop"})})}, fx.inputs());
    CHECK(no_city[0].segment_keys() == std::vector<std::string>{"important_develop", "general_retain"});

    // Cycle x -> y -> x: both report it; z, which only refers to x, says its reference is broken.
    const std::vector<Audience> cyc = {audience("x", "all", {values("audience", {"y"})}), audience("y", "all", {values("audience", {"x"})}),
                                       audience("z", "all", {values("audience", {"x"})}),
                                       audience("u", "all", {values("audience", {"nope"})}),
                                       audience("f", "all", {values("weather", {"sunny"})})};
    const auto er = evaluate_audiences(cyc, fx.inputs());
    REQUIRE(er.size() == 5);
    REQUIRE(er[0].error);
    CHECK(er[0].error->code == "audience.cycle");
    REQUIRE(er[1].error);
    CHECK(er[1].error->code == "audience.cycle");
    REQUIRE(er[2].error);
    CHECK(er[2].error->code == "audience.ref_error");
    CHECK(er[2].error->args == std::vector<std::string>{"x"});
    REQUIRE(er[3].error);
    CHECK(er[3].error->code == "audience.unknown_ref");
    REQUIRE(er[4].error);
    CHECK(er[4].error->code == "audience.unknown_field");
    for (const auto& r : er) CHECK(r.count == 0);
    for (const auto& r : er) CHECK(has_tr(r.error->code));
}

TEST_CASE("audiences: what can be saved", "[audience]") {
    CHECK(check_audience(audience("a", "all", {values("city", {"上海"})})).ok());
    CHECK(check_audience(audience("a", "some", {})).error().code == "audience.bad_match");
    CHECK(check_audience(audience("a", "all", {values("weather", {"x"})})).error().code == "audience.unknown_field");
    CHECK(check_audience(audience("a", "all", {range("clv", std::nullopt, std::nullopt)})).error().code == "audience.no_range");
    CHECK(check_audience(audience("a", "all", {range("clv", 5, 1)})).error().code == "audience.bad_range");
    CHECK(check_audience(audience("a", "all", {values("segment", {"champions"})})).error().code == "audience.bad_value");
    CHECK(check_audience(audience("a", "all", {values("stage", {"sleepy"})})).error().code == "audience.bad_value");
    CHECK(check_audience(audience("a", "all", {values("birth_month", {"13"})})).error().code == "audience.bad_value");
    CHECK(check_audience(audience("a", "all", {values("audience", {"a"})})).error().code == "audience.cycle");
    for (const std::string& f : audience_fields()) {
        CHECK(audience_field_kind(f) != AudienceFieldKind::Unknown);
        CHECK(has_tr(audience_field_name_key(f)));
    }
    for (const char* k : {"audience.bad_match", "audience.no_range", "audience.bad_range", "audience.bad_value"}) CHECK(has_tr(k));
}

TEST_CASE("audiences: insert, update, erase and move are commands; undo restores; bad values are refused", "[audience][edit]") {
    Workspace ws;
    History h(ws);
    auto ins = try_edit(
        R"({"type":"insert","section":"audiences","id":"vip_sh","value":{"name":"上海高价值","conditions":[{"field":"city","values":["上海"]},{"field":"segment","values":["important_value"]}]}})",
        ws);
    REQUIRE(ins);
    REQUIRE(h.submit(std::move(*ins)).ok());
    REQUIRE(ws.audiences.size() == 1);
    CHECK(ws.audiences[0].match == "all");
    CHECK(ws.audiences[0].conditions.size() == 2);
    CHECK_FALSE(ws.audiences[0].conditions[1].negate);  // left out: the default
    auto upd = try_edit(R"({"type":"update","section":"audiences","id":"vip_sh","value":{"match":"any","name":"上海或高价值"}})", ws);
    REQUIRE(upd);
    REQUIRE(h.submit(std::move(*upd)).ok());
    CHECK(ws.audiences[0].match == "any");
    CHECK(ws.audiences[0].name == "上海或高价值");
    CHECK(ws.audiences[0].conditions.size() == 2);
    REQUIRE(h.undo());
    CHECK(ws.audiences[0].match == "all");
    CHECK(ws.audiences[0].name == "上海高价值");
    REQUIRE(h.undo());
    CHECK(ws.audiences.empty());
    REQUIRE(h.redo());
    CHECK(ws.audiences.size() == 1);

    auto bad = try_edit(R"({"type":"update","section":"audiences","id":"vip_sh","value":{"match":"most"}})", ws);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "audience.bad_match");
    auto bad2 = try_edit(R"({"type":"insert","section":"audiences","id":"a2","value":{"conditions":[{"field":"clv"}]}})", ws);
    REQUIRE_FALSE(bad2);
    CHECK(bad2.error().code == "audience.no_range");

    auto second = try_edit(R"({"type":"insert","section":"audiences","id":"a2","value":{"name":"新客"}})", ws);
    REQUIRE(second);
    REQUIRE(h.submit(std::move(*second)).ok());
    auto mv = try_edit(R"({"type":"move","section":"audiences","id":"a2","index":0})", ws);
    REQUIRE(mv);
    REQUIRE(h.submit(std::move(*mv)).ok());
    CHECK(ws.audiences[0].id == "a2");
    auto er = try_edit(R"({"type":"erase","section":"audiences","id":"vip_sh"})", ws);
    REQUIRE(er);
    REQUIRE(h.submit(std::move(*er)).ok());
    CHECK(ws.audiences.size() == 1);
    REQUIRE(h.undo());
    CHECK(ws.audiences.size() == 2);
    const auto sections = list_sections();
    CHECK(std::find(sections.begin(), sections.end(), "audiences") != sections.end());
}

TEST_CASE("audiences in the plan: counts, share, cache, tiers_of, the tag list and a calendar item that targets one", "[audience][plan]") {
    Fixture fx;
    Workspace ws;
    ws.settings.today = 20030;
    ws.audiences = {audience("sh", "all", {values("city", {"上海"})}), audience("late", "all", {values("audience", {"ghost"})})};
    ws.audiences[0].name = "上海客户";
    ContentItem item;
    item.id = "i1";
    item.day = 20031;
    item.channel = "private";
    item.type = "life";
    item.title = "上海专场";
    item.tiers = {"sh"};
    ws.calendar.items = {item};
    Assessment a;
    assess(ws, &fx.t, std::nullopt, a);
    REQUIRE(a.tiers.tiers);
    REQUIRE(a.audiences.ready);
    CHECK(a.audiences.customers == 6);
    REQUIRE(a.audiences.list.size() == 2);
    const AudienceFigure& sh = a.audiences.list[0];
    CHECK(sh.count == 2);
    CHECK(sh.share == Approx(2.0 / 6));
    REQUIRE(a.audiences.list[1].error);
    CHECK(a.audiences.list[1].error->code == "audience.unknown_ref");
    // tiers_of: the segments of A and C by the plan's own tiers.
    const auto& seg = a.tiers.tiers->segments.segment;
    std::vector<std::string> expect;
    for (int s = 0; s < kSegments; ++s)
        if (seg[0] == s || seg[2] == s) expect.emplace_back(segment_key(s));
    REQUIRE_FALSE(expect.empty());
    CHECK(a.audiences.tiers_of.at("sh") == expect);
    CHECK(a.audiences.tiers_of.count("late") == 0);
    // The calendar counts the item's touches for those segments.
    for (const std::string& k : expect) {
        auto it = std::find(a.calendar.tiers.begin(), a.calendar.tiers.end(), k);
        REQUIRE(it != a.calendar.tiers.end());
        const auto& touches = a.calendar.touches[static_cast<std::size_t>(it - a.calendar.tiers.begin())];
        CHECK(touches[static_cast<std::size_t>(item.day - a.calendar.from)] > 0);
    }
    // Without the audience resolution the item reaches no segment.
    Workspace plain = ws;
    plain.calendar.items[0].tiers = {"nobody"};
    const Assessment b = assess(plain, &fx.t, std::nullopt);
    for (const std::string& k : expect) {
        auto it = std::find(b.calendar.tiers.begin(), b.calendar.tiers.end(), k);
        if (it == b.calendar.tiers.end()) continue;
        const auto& touches = b.calendar.touches[static_cast<std::size_t>(it - b.calendar.tiers.begin())];
        CHECK(touches[static_cast<std::size_t>(item.day - b.calendar.from)] == 0);
    }

    // A persona that serves the audience serves its members' segments in the roles checks.
    const auto& unserved = a.roles.workload.unserved_tiers;
    for (const std::string& k : expect) CHECK(std::find(unserved.begin(), unserved.end(), k) != unserved.end());
    Workspace served = ws;
    Persona p;
    p.id = "p1";
    p.name = "小婉";
    p.tiers = {"sh"};
    served.roles.personas = {p};
    const Assessment c = assess(served, &fx.t, std::nullopt);
    for (const std::string& k : expect)
        CHECK(std::find(c.roles.workload.unserved_tiers.begin(), c.roles.workload.unserved_tiers.end(), k) ==
              c.roles.workload.unserved_tiers.end());

    // Cached: nothing recomputed without a change; an edited audience is.
    const auto n = a.audiences.computations;
    assess(ws, &fx.t, std::nullopt, a);
    CHECK(a.audiences.computations == n);
    ws.audiences[0].conditions[0].values = {"北京"};
    assess(ws, &fx.t, std::nullopt, a);
    CHECK(a.audiences.computations == n + 1);
    CHECK(a.audiences.list[0].count == 2);  // B and F

    // The live count of an audience being edited, against the saved ones.
    Audience editing = ws.audiences[0];
    editing.conditions[0].values = {"北京", "上海"};
    CHECK(audience_figure(editing, ws, &fx.t, a.tiers, a.audiences).count == 4);

    // The SCRM tag list: header, one row per member, phones masked (and a phone-like id too).
    const std::string masked = audience_csv(ws.audiences[0], a.audiences.list[0], fx.t, true);
    CHECK(masked == "\xEF\xBB\xBF客户ID,手机号,标签\r\nB,139****0002,上海客户\r\n138****5678,138****5678,上海客户\r\n");
    const std::string full = audience_csv(ws.audiences[0], a.audiences.list[0], fx.t, false);
    CHECK(full == "\xEF\xBB\xBF客户ID,手机号,标签\r\nB,13900000002,上海客户\r\n13812345678,13812345678,上海客户\r\n");
}

TEST_CASE("audiences: a million customers (timing, run by hand)", "[.][bench][audience]") {
    OrderTable t;
    const std::uint32_t n = 1000000;
    AttributeColumn city, tags;
    city.name = "city";
    tags.name = "tags";
    const char* cities[] = {"上海", "北京", "杭州", "广州", "深圳", "成都"};
    const char* cells[] = {"高客单，敏感肌", "学生/宝妈", "VIP|高客单", "", "敏感肌、学生"};
    std::vector<std::uint8_t> segment(n), stage(n);
    std::vector<float> clv(n);
    for (std::uint32_t c = 0; c < n; ++c) {
        t.customer_ids.intern("c" + std::to_string(c));
        t.add(c, 20000 + static_cast<Day>(c % 300), 10.0 + c % 97);
        t.owner.push_back(t.owners.intern(c % 3 ? "小美" : "小婉"));
        t.product.push_back(t.products.intern(c % 5 ? "精华" : "面膜"));
        city.of_customer.push_back(city.values.intern(cities[c % 6]));
        tags.of_customer.push_back(tags.values.intern(cells[c % 5]));
        segment[c] = static_cast<std::uint8_t>(c % 8);
        stage[c] = static_cast<std::uint8_t>(c % 4);
        clv[c] = static_cast<float>(c % 1000);
    }
    t.attributes = {city, tags};
    auto idx = build_order_index(t);
    REQUIRE(idx);
    const auto t0 = std::chrono::steady_clock::now();
    const AudienceColumns cols = audience_columns(t, *idx);
    const auto t1 = std::chrono::steady_clock::now();
    const AudienceInputs in = inputs_of(t, cols, segment, stage, clv, nullptr);
    const std::vector<Audience> all = {
        audience("a", "all", {values("city", {"上海", "北京"}), values("segment", {"important_value"}), range("clv", 100, 800)}),
        audience("b", "any", {values("tag", {"高客单"}), values("owner", {"小婉"}, true), values("product", {"面膜"})}),
        audience("c", "all", {values("audience", {"a"}), values("stage", {"active"}, true)})};
    const auto rs = evaluate_audiences(all, in);
    const auto t2 = std::chrono::steady_clock::now();
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    WARN("columns " << ms(t0, t1) << " ms, three audiences " << ms(t1, t2) << " ms; counts " << rs[0].count << " "
                    << rs[1].count << " " << rs[2].count);
    CHECK(rs[2].count <= rs[0].count);
}
