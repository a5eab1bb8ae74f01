// test_tiering_rules.cpp — rule-based tiering on small hand-made tables: customer summary,
// RFM binning variants and ties, the 8 segments and their names, lifecycle thresholds,
// migration between imports, profile counts.
#include <catch2/catch.hpp>

#include "core/i18n/i18n.hpp"
#include "core/tiering/lifecycle.hpp"
#include "core/tiering/migration.hpp"
#include "core/tiering/profile.hpp"
#include "core/tiering/rfm.hpp"
#include "core/tiering/segments.hpp"
#include "core/tiering/summary.hpp"
#include "core/tiering/tiering.hpp"

using namespace yt;

namespace {

Day D(int y, int m, int d) { return days_from_civil(y, m, d); }

// Adds an order for the customer with external id `id`.
void add(OrderTable& t, const char* id, Day d, double amount) { t.add(t.customer_ids.intern(id), d, amount); }

CustomerSummary summary_of(const OrderTable& t, SummaryOptions o = {}) {
    auto idx = build_order_index(t);
    REQUIRE(idx.ok());
    return summarize(t, *idx, o);
}

// One customer per (recency days, orders, revenue) with as-of 2024-06-30; orders are spread
// over distinct days ending at the last purchase.
OrderTable table_rfm(const std::vector<std::array<double, 3>>& rows) {
    OrderTable t;
    const Day as_of = D(2024, 6, 30);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string id = "c" + std::to_string(i);
        const int recency = static_cast<int>(rows[i][0]), orders = static_cast<int>(rows[i][1]);
        for (int k = 0; k < orders; ++k)
            add(t, id.c_str(), as_of - recency - (orders - 1 - k) * 3, rows[i][2] / orders);
    }
    add(t, "anchor", as_of, 0.0);  // fixes the last date in the data
    return t;
}

}  // namespace

TEST_CASE("tiering: summary: first/last, merged same-day orders, refunds, recency, as-of", "[tiering]") {
    OrderTable t;
    add(t, "A", D(2024, 3, 1), 100);
    add(t, "B", D(2024, 1, 5), 50);
    add(t, "A", D(2024, 1, 10), 20);
    add(t, "A", D(2024, 1, 10), 30);   // same day as the previous A order
    add(t, "A", D(2024, 3, 5), -40);   // refund
    add(t, "C", D(2024, 2, 1), -10);   // refund only: no purchase
    add(t, "B", D(2024, 4, 1), 70);    // last date in the data

    SECTION("defaults: merged, as of the last date") {
        const CustomerSummary s = summary_of(t);
        REQUIRE(s.size() == 3);
        CHECK(s.as_of == D(2024, 4, 1));
        const std::size_t a = 0, b = 1, c = 2;
        CHECK(s.first[a] == D(2024, 1, 10));
        CHECK(s.last[a] == D(2024, 3, 1));
        CHECK(s.orders[a] == 2);                 // Jan 10 (two lines) + Mar 1
        CHECK(s.revenue[a] == Approx(110));      // 20 + 30 + 100 − 40
        CHECK(s.aov[a] == Approx(55));
        CHECK(s.recency[a] == D(2024, 4, 1) - D(2024, 3, 1));
        CHECK(s.orders[b] == 2);
        CHECK(s.recency[b] == 0);
        CHECK(s.orders[c] == 0);
        CHECK(s.recency[c] == -1);
        CHECK_FALSE(s.scored(c));
        CHECK(s.revenue[c] == Approx(-10));
        CHECK(s.buyers == 2);
        CHECK(s.total_revenue == Approx(110 + 120 - 10));
    }
    SECTION("same-day orders counted separately when not merged") {
        SummaryOptions o;
        o.merge_same_day = false;
        const CustomerSummary s = summary_of(t, o);
        CHECK(s.orders[0] == 3);
        CHECK(s.aov[0] == Approx(110.0 / 3));
    }
    SECTION("an earlier as-of date ignores later rows") {
        SummaryOptions o;
        o.as_of = D(2024, 2, 15);
        const CustomerSummary s = summary_of(t, o);
        CHECK(s.orders[0] == 1);
        CHECK(s.revenue[0] == Approx(50));
        CHECK(s.last[0] == D(2024, 1, 10));
        CHECK(s.recency[0] == D(2024, 2, 15) - D(2024, 1, 10));
        CHECK(s.orders[1] == 1);
        CHECK(s.revenue[2] == Approx(-10));
    }
}

TEST_CASE("tiering: order index: rows per customer in day order; bad tables are errors", "[tiering]") {
    OrderTable t;
    add(t, "A", D(2024, 1, 9), 1);
    add(t, "B", D(2024, 1, 1), 1);
    add(t, "A", D(2024, 1, 2), 1);
    add(t, "A", D(2024, 1, 5), 1);
    auto idx = build_order_index(t);
    REQUIRE(idx.ok());
    REQUIRE(idx->offset == std::vector<std::uint32_t>{0, 3, 4});
    std::vector<std::uint32_t> rows;
    for (const IndexedOrder& o : idx->orders) rows.push_back(o.row);
    CHECK(rows == std::vector<std::uint32_t>{2, 3, 0, 1});
    CHECK(idx->orders[0].day == D(2024, 1, 2));
    CHECK(idx->orders[2].day == D(2024, 1, 9));
    CHECK(idx->min_day == D(2024, 1, 1));
    CHECK(idx->max_day == D(2024, 1, 9));

    OrderTable empty;
    CHECK(build_order_index(empty).error().code == "tiering.no_orders");
    OrderTable ragged = t;
    ragged.amount.pop_back();
    CHECK(build_order_index(ragged).error().code == "tiering.bad_table");
    OrderTable bad = t;
    bad.customer[1] = 7;
    auto e = build_order_index(bad);
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == "tiering.bad_customer_index");
    CHECK(e.error().where.line == 2);
}

TEST_CASE("tiering: quantile scores: classic ntile without ties, equal values share a score", "[tiering]") {
    std::vector<std::uint8_t> out, all(10, 1);
    std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    quantile_scores(v, all, 5, true, out);
    CHECK(out == std::vector<std::uint8_t>{1, 1, 2, 2, 3, 3, 4, 4, 5, 5});
    quantile_scores(v, all, 5, false, out);  // reversed (recency): small is best
    CHECK(out == std::vector<std::uint8_t>{5, 5, 4, 4, 3, 3, 2, 2, 1, 1});
    quantile_scores(v, all, 4, true, out);
    // p = (i + 0.5)/10: 0.25 and 0.75 fall on the upper side
    CHECK(out == std::vector<std::uint8_t>{1, 1, 2, 2, 2, 3, 3, 4, 4, 4});

    // six customers bought once, two twice, two five times: ties never split
    std::vector<double> f{1, 1, 1, 1, 1, 1, 2, 2, 5, 5};
    quantile_scores(f, all, 5, true, out);
    // F=1: p = (0 + 6/2)/10 = 0.3 -> 2;  F=2: (6 + 1)/10 = 0.7 -> 4;  F=5: (8 + 1)/10 = 0.9 -> 5
    CHECK(out == std::vector<std::uint8_t>{2, 2, 2, 2, 2, 2, 4, 4, 5, 5});

    // excluded entries get 0 and do not count
    std::vector<std::uint8_t> some{1, 1, 0, 1, 0, 0, 0, 0, 0, 1};
    quantile_scores(v, some, 4, true, out);
    CHECK(out == std::vector<std::uint8_t>{1, 2, 0, 3, 0, 0, 0, 0, 0, 4});

    // all equal: everyone in the middle score
    std::vector<double> same(7, 3.0);
    std::vector<std::uint8_t> all7(7, 1);
    quantile_scores(same, all7, 5, true, out);
    CHECK(out == std::vector<std::uint8_t>(7, 3));
}

TEST_CASE("tiering: quantile scores equal the mid-rank definition on random tied data", "[tiering]") {
    // brute force: score = 1 + floor(k · (below + equal/2) / n), capped at k
    std::uint64_t state = 12345;
    auto next = [&state]() { state = state * 6364136223846793005ull + 1442695040888963407ull; return state >> 33; };
    for (int round = 0; round < 12; ++round) {
        const std::size_t n = 50 + next() % 400;
        const bool integers = round % 2 == 0;
        std::vector<double> v(n);
        std::vector<std::uint8_t> inc(n);
        for (std::size_t i = 0; i < n; ++i) {
            const double base = static_cast<double>(next() % (round < 6 ? 8 : 200));  // many or few ties
            v[i] = integers ? base : base * 1.37 + 0.01;
            inc[i] = next() % 10 != 0;
        }
        for (int k : {3, 4, 5, 7}) {
            for (bool higher : {true, false}) {
                std::vector<std::uint8_t> got;
                quantile_scores(v, inc, k, higher, got);
                std::int64_t m = 0;
                for (auto c : inc) m += c;
                int mismatches = 0;
                for (std::size_t i = 0; i < n; ++i) {
                    if (!inc[i]) { mismatches += got[i] != 0; continue; }
                    std::int64_t below = 0, equal = 0;
                    for (std::size_t j = 0; j < n; ++j) {
                        if (!inc[j]) continue;
                        if (v[j] == v[i]) ++equal;
                        else if (higher ? v[j] < v[i] : v[j] > v[i]) ++below;
                    }
                    const std::int64_t want = std::min<std::int64_t>(k, 1 + k * (2 * below + equal) / (2 * m));
                    mismatches += got[i] != want;
                }
                CHECK(mismatches == 0);
            }
        }
    }
}

TEST_CASE("tiering: RFM binning: quintile, quartile, tercile, custom; ranges; errors", "[tiering]") {
    // recency, orders, revenue
    const OrderTable t = table_rfm({{5, 4, 400}, {10, 3, 300}, {20, 2, 200}, {40, 1, 100}, {80, 1, 50}, {160, 1, 20}});
    const CustomerSummary s = summary_of(t);
    REQUIRE(s.buyers == 7);  // includes the 0-amount anchor (a purchase of 0, recency 0)

    auto q = score_rfm(s, *make_binning("tercile"));
    REQUIRE(q.ok());
    CHECK(q->bins == 3);
    CHECK(q->r.size() == s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        CHECK(q->r[i] >= 1);
        CHECK(q->r[i] <= 3);
    }
    // recent and frequent customer c0 scores at the top, c5 at the bottom on R
    CHECK(q->r[0] == 3);
    CHECK(q->r[5] == 1);
    CHECK(q->m[0] == 3);
    CHECK(q->f[0] == 3);
    std::uint32_t n = 0;
    for (const auto& r : q->r_ranges) n += r.count;
    CHECK(n == 7);
    CHECK(q->r_ranges[2].lo == 0);     // the most recent score holds recency 0 (the anchor)
    CHECK(q->r_ranges[0].hi == 160);

    auto quint = score_rfm(s, *make_binning("quintile"));
    auto quart = score_rfm(s, *make_binning("quartile"));
    REQUIRE(quint.ok());
    REQUIRE(quart.ok());
    CHECK(quint->m[0] == 5);
    CHECK(quart->m[0] == 4);
    CHECK(quint->m_ranges.size() == 5);

    SECTION("custom cut-offs") {
        auto b = make_binning("custom", {7, 30, 90}, {2, 3, 4}, {50, 150, 300});
        REQUIRE(b.ok());
        CHECK(b->bins == 4);
        auto c = score_rfm(s, *b);
        REQUIRE(c.ok());
        // recency 5 -> 4, 10 -> 3, 20 -> 3, 40 -> 2, 80 -> 2, 160 -> 1
        CHECK(std::vector<int>(c->r.begin(), c->r.begin() + 6) == std::vector<int>{4, 3, 3, 2, 2, 1});
        // orders 4 -> 4, 3 -> 3, 2 -> 2, 1 -> 1
        CHECK(std::vector<int>(c->f.begin(), c->f.begin() + 6) == std::vector<int>{4, 3, 2, 1, 1, 1});
        // revenue 400 -> 4, 300 -> 4 (>= 300), 200 -> 3, 100 -> 2, 50 -> 2, 20 -> 1
        CHECK(std::vector<int>(c->m.begin(), c->m.begin() + 6) == std::vector<int>{4, 4, 3, 2, 2, 1});
    }
    SECTION("errors") {
        CHECK(make_binning("decile").error().code == "tiering.bad_binning");
        CHECK(make_binning("custom", {30, 7}, {2}, {1}).error().code == "tiering.bad_cutoffs");
        CHECK(make_binning("custom", {7}, {2, 3}, {1}).error().code == "tiering.bad_cutoffs");
        CHECK(make_binning("custom").error().code == "tiering.bad_cutoffs");
        TieringSettings ts;
        ts.binning = "quartile";
        CHECK(binning_from_settings(ts)->bins == 4);
        SummaryOptions o;
        o.as_of = D(2000, 1, 1);
        const CustomerSummary before = summary_of(t, o);
        CHECK(score_rfm(before, *make_binning("quintile")).error().code == "tiering.no_buyers");
    }
}

TEST_CASE("tiering: 8 segments: canonical definitions and keys", "[tiering]") {
    // canonical table (R near/far, F high/low, M high/low) -> key
    struct Case { bool near, fh, mh; const char* key; };
    const Case cases[] = {
        {true, true, true, "important_value"},    {false, true, true, "important_keep"},
        {true, false, true, "important_develop"}, {false, false, true, "important_retain"},
        {true, true, false, "general_value"},     {false, true, false, "general_keep"},
        {true, false, false, "general_develop"},  {false, false, false, "general_retain"},
    };
    for (const Case& c : cases) {
        const int s = segment_of(c.near, c.fh, c.mh);
        CHECK(std::string(segment_key(s)) == c.key);
        CHECK(segment_from_key(c.key) == s);
        CHECK(segment_r_near(s) == c.near);
        CHECK(segment_f_high(s) == c.fh);
        CHECK(segment_m_high(s) == c.mh);
    }
    CHECK(segment_from_key("vip") == -1);
    CHECK(std::string(tr(segment_name_key(0), Lang::Zh)) == "重要价值客户");
    CHECK(std::string(tr(segment_name_key(3), Lang::Zh)) == "重要挽留客户");
    CHECK(std::string(tr(segment_name_key(7), Lang::Zh)) == "一般挽留客户");
    CHECK(std::string(tr(segment_rfm_name_key(0), Lang::En)) == "Champions");
    CHECK(std::string(tr(segment_rfm_name_key(2), Lang::En)) == "Can't Lose Them");
    for (int s = 0; s < kSegments; ++s) {
        CHECK(has_tr(segment_name_key(s)));
        CHECK(has_tr(segment_rfm_name_key(s)));
        CHECK(std::string(segment_klaviyo(s)) != "");
        CHECK(std::string(segment_shopify(s)) != "");
    }
}

TEST_CASE("tiering: 8 segments: mean, median and manual splits on a hand-made table", "[tiering]") {
    // recency days, orders, revenue
    const OrderTable t = table_rfm({
        {2, 5, 1000},   // c0 near, high, high
        {100, 5, 1000}, // c1 far, high, high
        {3, 1, 900},    // c2 near, low, high
        {120, 1, 900},  // c3 far, low, high
        {4, 4, 40},     // c4 near, high, low
        {90, 4, 40},    // c5 far, high, low
        {1, 1, 10},     // c6 near, low, low
        {150, 1, 10},   // c7 far, low, low
    });
    const CustomerSummary s = summary_of(t);

    SECTION("mean") {
        auto th = split_thresholds(s, "mean");
        REQUIRE(th.ok());
        CHECK_FALSE(th->inclusive);
        // 9 buyers (the anchor bought for 0 on the last day)
        CHECK(th->f == Approx((5 + 5 + 1 + 1 + 4 + 4 + 1 + 1 + 1) / 9.0));
        const Segmentation seg = assign_segments(s, *th);
        const std::vector<int> want{0, 2, 1, 3, 4, 6, 5, 7};
        for (std::size_t i = 0; i < want.size(); ++i) CHECK(int(seg.segment[i]) == want[i]);
        CHECK(seg.unscored == 0);
        std::uint32_t total = 0;
        for (auto c : seg.counts) total += c;
        CHECK(total == 9);
    }
    SECTION("median uses strict comparisons: buying once is not high when most buy once") {
        auto th = split_thresholds(s, "median");
        REQUIRE(th.ok());
        CHECK(th->f == 1);
        const Segmentation seg = assign_segments(s, *th);
        CHECK(segment_f_high(seg.segment[4]));   // 4 orders
        CHECK_FALSE(segment_f_high(seg.segment[2]));  // 1 order
    }
    SECTION("manual thresholds are inclusive") {
        auto th = split_thresholds(s, "manual", 90, 4, 900);
        REQUIRE(th.ok());
        const Segmentation seg = assign_segments(s, *th);
        CHECK(seg.segment[5] == static_cast<int>(Segment::GeneralValue));   // recency 90 <= 90, F 4 >= 4, M 40
        CHECK(seg.segment[3] == static_cast<int>(Segment::ImportantRetain)); // 120 days, F 1, M 900 >= 900
        TieringSettings ts;
        ts.split = "manual";
        ts.manual_r_days = 90;
        ts.manual_f = 4;
        ts.manual_m = 900;
        CHECK(assign_segments(s, *split_from_settings(s, ts)).segment == seg.segment);
    }
    SECTION("segment table") {
        const Segmentation seg = assign_segments(s, *split_thresholds(s, "mean"));
        std::vector<float> clv(s.size(), 1.0f);
        clv[0] = 10;
        const auto tab = segment_table(s, seg, &clv);
        const SegmentRow& iv = tab[0];
        CHECK(iv.customers == 1);
        CHECK(iv.revenue == Approx(1000));
        CHECK(iv.mean_frequency == Approx(5));
        CHECK(iv.mean_recency == Approx(2));
        CHECK(iv.mean_monetary == Approx(1000));
        CHECK(iv.clv_total == Approx(10));
        double rev = 0;
        for (const auto& r : tab) rev += r.revenue;
        CHECK(rev == Approx(s.total_revenue));
    }
    SECTION("errors") {
        CHECK(split_thresholds(s, "mode").error().code == "tiering.bad_split");
    }
}

TEST_CASE("tiering: lifecycle stages follow the day thresholds", "[tiering]") {
    OrderTable t;
    const Day as_of = D(2024, 6, 30);
    add(t, "new29", as_of - 29, 10);         // first purchase 29 days ago: new (window 0..29)
    add(t, "old30", as_of - 30, 10);         // 30 days ago: not new; recency 30 < 90: active
    add(t, "act", as_of - 400, 10);
    add(t, "act", as_of - 89, 10);           // active (89 < 90)
    add(t, "dor", as_of - 400, 10);
    add(t, "dor", as_of - 90, 10);           // dormant (90..179)
    add(t, "dor2", as_of - 179, 10);         // dormant
    add(t, "churn", as_of - 180, 10);        // churned
    add(t, "refund", as_of, -5);             // no purchase
    const CustomerSummary s = summary_of(t);
    auto lc = lifecycle_stages(s, {30, 90, 180});
    REQUIRE(lc.ok());
    const std::vector<int> want{0, 1, 1, 2, 2, 3, kNoStage};
    for (std::size_t i = 0; i < want.size(); ++i) CHECK(int(lc->stage[i]) == want[i]);
    CHECK(lc->counts == std::array<std::uint32_t, kStages>{1, 2, 2, 1});
    CHECK(std::string(tr(stage_name_key(0), Lang::Zh)) == "新客");
    CHECK(std::string(tr(stage_name_key(3), Lang::Zh)) == "流失");

    TieringSettings ts;
    ts.new_days = 7;
    ts.active_days = 30;
    ts.dormant_days = 100;
    auto lc2 = lifecycle_from_settings(s, ts);
    REQUIRE(lc2.ok());
    CHECK(int(lc2->stage[0]) == 1);  // 29 days: active with 30-day window
    CHECK(int(lc2->stage[2]) == 2);  // 89 days: dormant

    CHECK(lifecycle_stages(s, {30, 200, 100}).error().code == "tiering.bad_lifecycle");
    CHECK(lifecycle_stages(s, {-1, 90, 180}).error().code == "tiering.bad_lifecycle");
}

TEST_CASE("tiering: segment migration matches customers by external id", "[tiering]") {
    StringPool a, b;
    for (const char* id : {"u1", "u2", "u3", "u4", "u5"}) a.intern(id);
    for (const char* id : {"u3", "u1", "u6", "u2", "u5"}) b.intern(id);
    const std::vector<std::uint8_t> sa{0, 3, 7, 1, kNoSegment};  // u5 had no purchase before
    const std::vector<std::uint8_t> sb{7, 0, 4, kNoSegment, 2};  // u2 without purchase now
    const Migration m = segment_migration(a, sa, b, sb);
    CHECK(m.matrix[0][0] == 1);  // u1 stayed important_value
    CHECK(m.matrix[7][7] == 1);  // u3 stayed
    CHECK(m.matched == 2);
    CHECK(m.stayed() == 2);
    CHECK(m.new_in[4] == 1);     // u6 new
    CHECK(m.new_in[2] == 1);     // u5 newly segmented
    CHECK(m.new_total == 2);
    CHECK(m.gone_from[3] == 1);  // u2 lost its segment
    CHECK(m.gone_from[1] == 1);  // u4 not in the later import
    CHECK(m.gone_total == 2);
    std::uint32_t cells = 0;
    for (auto& row : m.matrix)
        for (auto c : row) cells += c;
    CHECK(cells == m.matched);
}

TEST_CASE("tiering: profile counts: attributes per dimension, per segment, commercial value", "[tiering]") {
    OrderTable t = table_rfm({{2, 5, 1000}, {100, 1, 10}, {3, 1, 900}});
    AttributeColumn city;
    city.name = "city";
    city.dimension = "basic";
    const std::uint32_t sh = city.values.intern("上海"), bj = city.values.intern("北京");
    city.of_customer = {sh, bj, sh, AttributeColumn::kNoValue};
    t.attributes.push_back(city);
    const CustomerSummary s = summary_of(t);
    const Segmentation seg = assign_segments(s, *split_thresholds(s, "mean"));
    auto rfm = score_rfm(s, *make_binning("tercile"));
    auto lc = lifecycle_stages(s, {30, 90, 180});
    const ProfileCounts p = profile_counts(t, seg, &*rfm, &*lc);
    REQUIRE(p.attributes.size() == 1);
    const AttributeProfile& a = p.attributes[0];
    CHECK(a.dimension == "basic");
    CHECK(a.values == std::vector<std::string>{"上海", "北京"});
    CHECK(a.counts == std::vector<std::uint32_t>{2, 1});
    CHECK(a.unknown == 1);
    CHECK(a.by_segment[sh][seg.segment[0]] >= 1);
    CHECK(p.customers == 4);
    CHECK(p.buyers == 4);
    std::uint32_t bands = 0;
    for (auto c : p.value_bands) bands += c;
    CHECK(bands == 4);
    CHECK(p.value_bands.size() == 3);
}

TEST_CASE("tiering: compute_tiers and clv_options follow the operator's settings", "[tiering]") {
    const OrderTable t = table_rfm({{2, 5, 1000}, {100, 5, 1000}, {3, 1, 900}, {120, 1, 900}, {150, 1, 10}});
    auto idx = build_order_index(t);
    REQUIRE(idx.ok());
    TieringSettings s;
    s.binning = "tercile";
    s.split = "median";
    auto tiers = compute_tiers(t, *idx, s);
    REQUIRE(tiers.ok());
    CHECK(tiers->rfm.bins == 3);
    CHECK(tiers->segments.thresholds.rule == "median");
    std::uint32_t n = 0;
    for (const auto& row : tiers->table) n += row.customers;
    CHECK(n == tiers->summary.buyers);
    s.as_of_day = D(2024, 6, 1);
    auto earlier = compute_tiers(t, *idx, s);
    REQUIRE(earlier.ok());
    CHECK(earlier->summary.as_of == D(2024, 6, 1));
    s.binning = "nonsense";
    CHECK(compute_tiers(t, *idx, s).error().code == "tiering.bad_binning");

    TieringSettings c;
    auto setup = clv_options(c);
    REQUIRE(setup.ok());
    CHECK(setup->unit == TimeUnit::Week);
    CHECK(setup->options.horizon == 39);
    c.clv_unit = "year";
    CHECK(clv_options(c).error().code == "tiering.bad_unit");
    c.clv_unit = "month";
    c.clv_margin = 2;
    CHECK(clv_options(c).error().code == "tiering.bad_clv_options");
}
