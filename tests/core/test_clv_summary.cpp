// test_clv_summary.cpp — per-customer summaries as CLV inputs (core/tiering/clv_summary.hpp):
// a summary written from generated orders reads back as the same inputs and the same segment
// summary, and bad rows are refused naming line, column and problem.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "core/tiering/clv_summary.hpp"
#include "core/tiering/simulate.hpp"

using namespace yt;

namespace {

std::string g17(double v) {
    char b[40];
    std::snprintf(b, sizeof b, "%.17g", v);
    return b;
}

Error refused(const std::string& text) {
    auto r = read_clv_summary(text, TimeUnit::Week, std::nullopt, "s.csv");
    REQUIRE_FALSE(r.ok());
    return r.error();
}

}  // namespace

TEST_CASE("clv summary: the inputs and segment summary of generated orders read back unchanged", "[tiering]") {
    GenOptions g;
    g.customers = 3000;
    g.seed = 7;
    const OrderTable t = generate_orders(g);
    auto idx = build_order_index(t);
    REQUIRE(idx.ok());
    const Day cal = idx->max_day - 60;  // some orders fall after the calibration end
    auto in = clv_inputs(t, *idx, cal, TimeUnit::Week);
    REQUIRE(in.ok());
    SummaryOptions so;
    so.as_of = cal;
    const CustomerSummary s = summarize(t, *idx, so);

    // Columns in another order than the SQL writes them, lifetimes' names for two of them.
    std::string text = "revenue,T,customer,x,recency,monetary_value\n";
    for (std::size_t c = 0; c < in->size(); ++c) {
        if (!in->included[c]) continue;
        text += g17(s.revenue[c]) + "," + std::to_string(in->T_days[c]) + "," + t.customer_ids.at(static_cast<std::uint32_t>(c)) +
                "," + std::to_string(in->x[c]) + "," + std::to_string(in->t_x_days[c]) + "," + g17(in->m[c]) + "\n";
    }
    auto f = read_clv_summary(text, TimeUnit::Week, cal);
    REQUIRE(f.ok());
    CHECK(f->inputs.customers == in->customers);
    CHECK(f->inputs.repeat_buyers == in->repeat_buyers);
    CHECK(f->columns == std::vector<std::string>{"customer", "frequency", "recency", "T", "monetary_value", "revenue"});
    auto sum = summary_from_clv_summary(*f);
    REQUIRE(sum.has_value());
    std::size_t k = 0;
    for (std::size_t c = 0; c < in->size(); ++c) {
        if (!in->included[c]) continue;
        CHECK(f->customer_ids.at(static_cast<std::uint32_t>(k)) == t.customer_ids.at(static_cast<std::uint32_t>(c)));
        CHECK(f->inputs.x[k] == in->x[c]);
        CHECK(f->inputs.t_x_days[k] == in->t_x_days[c]);
        CHECK(f->inputs.T_days[k] == in->T_days[c]);
        CHECK(f->inputs.m[k] == in->m[c]);  // %.17g round-trips a double
        CHECK(sum->first[k] == s.first[c]);
        CHECK(sum->last[k] == s.last[c]);
        CHECK(sum->orders[k] == s.orders[c]);
        CHECK(sum->recency[k] == s.recency[c]);
        CHECK(sum->revenue[k] == s.revenue[c]);
        ++k;
    }
    CHECK(k == f->size());
    // Without the calibration end (or without revenue) there is no segment summary.
    CHECK_FALSE(summary_from_clv_summary(*read_clv_summary(text, TimeUnit::Week, std::nullopt)).has_value());
}

TEST_CASE("clv summary: a large file's id table is written in steps of their own before any row is read", "[tiering]") {
    std::string text = "customer,frequency,recency,T,monetary_value\n";
    for (int i = 0; i < 100000; ++i) text += "C" + std::to_string(i) + ",1,3,20,9.5\n";
    auto whole = read_clv_summary(text, TimeUnit::Day, std::nullopt, "s.csv");
    REQUIRE(whole.ok());
    auto r = ClvSummaryReader::start(text, TimeUnit::Day, std::nullopt, "s.csv");
    REQUIRE(r.ok());
    int empty = 0;  // steps before the first row: 262,144 slots at 65,536 a step
    Result<bool> more = true;
    while (more.ok() && *more && r->progress() == 0.0 && empty < 100) {
        more = r->step(100);
        if (r->progress() == 0.0) ++empty;
    }
    CHECK(empty >= 4);  // written at once, it would be one
    while (more.ok() && *more) more = r->step(5000);
    REQUIRE(more.ok());
    auto f = r->take();
    REQUIRE(f.ok());
    REQUIRE(f->size() == 100000);
    CHECK(f->inputs.x == whole->inputs.x);
    for (std::uint32_t c = 0; c < 100000; c += 997) CHECK(f->customer_ids.at(c) == whole->customer_ids.at(c));
}

TEST_CASE("clv summary: bad files are refused with line, column and problem", "[tiering]") {
    const std::string head = "customer,frequency,recency,T,monetary_value,owner\n";
    Error e = refused("customer,frequency,T\nA,1,5\n");
    CHECK(e.code == "tiering.summary_missing_columns");
    CHECK(e.args.at(0) == "recency, monetary_value");
    e = refused(head + "A,1,10,20,5,x\nB,1,2.5,20,5,y\n");
    CHECK(e.code == "tiering.summary_bad_days");
    CHECK(e.where.line == 3);
    CHECK(e.where.column == 3);
    CHECK(e.where.field == "recency");
    CHECK(refused(head + "A,-1,0,20,5,x\n").code == "tiering.summary_bad_days");
    CHECK(refused(head + "A,2,30,20,5,x\n").code == "tiering.summary_recency_after_T");
    CHECK(refused(head + "A,5,3,20,5,x\n").code == "tiering.summary_frequency_over_recency");
    CHECK(refused(head + "A,0,3,20,,x\n").code == "tiering.summary_recency_without_repeat");
    CHECK(refused(head + ",0,0,20,,x\n").code == "tiering.summary_no_customer");
    CHECK(refused(head + "A,1,3,20,five,x\n").code == "tiering.summary_bad_amount");
    e = refused(head + "A,1,3,20,5,x\n\nB,0,0,9,,y\nA,0,0,20,,z\n");
    CHECK(e.code == "tiering.summary_duplicate");
    CHECK(e.args.at(1) == "2");
    CHECK(e.where.line == 5);
    CHECK(refused(head).code == "io.header_only");
    CHECK(refused("").code == "io.empty_file");

    // Blank monetary_value without repeats, amounts as shops write them, the owner column kept.
    auto ok = read_clv_summary(head + "A,0,0,20,,小王\nB,2,9,30,\"¥1,234.50\",小李\n", TimeUnit::Day, std::nullopt);
    REQUIRE(ok.ok());
    CHECK(ok->inputs.m[1] == 1234.5);
    CHECK(ok->owner == std::vector<std::string>{"小王", "小李"});
    CHECK(ok->revenue.empty());

    // An order export is not a summary; a summary's header is, in either language.
    CHECK(looks_like_clv_summary({"customer", "frequency", "recency", "T", "monetary_value", "revenue"}));
    CHECK(looks_like_clv_summary({"客户编号", "复购天数", "首末购间隔天数", "客龄天数", "平均复购金额"}));
    CHECK_FALSE(looks_like_clv_summary({"订单编号", "买家会员名", "订单付款时间", "实付金额", "订单状态"}));
    CHECK_FALSE(looks_like_clv_summary({"customer", "frequency", "recency", "T"}));
}

TEST_CASE("clv summary: read in parts, the file and its errors are the ones of one reading", "[tiering]") {
    // GB18030 text (decoded once at the start), blank lines and an owner column.
    std::string text = "customer,frequency,recency,T,monetary_value,revenue,owner\n";
    for (int i = 0; i < 500; ++i) {
        const int x = i % 4, t_x = x ? x * 3 + i % 5 : 0;
        text += "C" + std::to_string(i) + "," + std::to_string(x) + "," + std::to_string(t_x) + "," + std::to_string(t_x + 10 + i % 7) +
                "," + (x ? std::to_string(10 + i % 13) + ".5" : std::string()) + "," + std::to_string(20 + i) + "," +
                (i % 3 ? "\xd0\xa1\xcd\xf5" : "\xd0\xa1\xc0\xee") + "\n";  // 小王 / 小李
        if (i % 97 == 0) text += "\n";
    }
    const Day cal = 20000;
    auto whole = read_clv_summary(text, TimeUnit::Day, cal, "s.csv");
    REQUIRE(whole.ok());
    REQUIRE(whole->encoding == "gb18030");
    for (std::size_t rows : {std::size_t(1), std::size_t(7), std::size_t(1000)}) {
        auto r = ClvSummaryReader::start(text, TimeUnit::Day, cal, "s.csv");
        REQUIRE(r.ok());
        int steps = 0;
        double last = -1;
        REQUIRE(r->step(rows).ok());  // the first step sizes the tables and reads no row
        CHECK(r->progress() == 0.0);
        for (;;) {
            auto more = r->step(rows);
            REQUIRE(more.ok());
            CHECK(r->progress() >= last);
            last = r->progress();
            ++steps;
            if (!*more) break;
        }
        CHECK(steps >= static_cast<int>(501 / rows));
        CHECK(r->progress() == 1.0);
        auto f = r->take();
        REQUIRE(f.ok());
        CHECK(f->encoding == whole->encoding);
        CHECK(f->columns == whole->columns);
        CHECK(f->size() == 500);
        CHECK(f->inputs.x == whole->inputs.x);
        CHECK(f->inputs.t_x_days == whole->inputs.t_x_days);
        CHECK(f->inputs.T_days == whole->inputs.T_days);
        CHECK(f->inputs.m == whole->inputs.m);
        CHECK(f->inputs.repeat_buyers == whole->inputs.repeat_buyers);
        CHECK(f->revenue == whole->revenue);
        CHECK(f->owner == whole->owner);
        CHECK(f->owner.at(1) == "小王");
        for (std::uint32_t c = 0; c < 500; ++c) CHECK(f->customer_ids.at(c) == whole->customer_ids.at(c));
    }
    // A bad row in a later part stops the reading with the same error and line.
    std::string bad = text;
    bad.insert(bad.find("C300,"), "C9,1,2,\xce\xe5,1,1,x\n");  // T = "五"
    auto one = read_clv_summary(bad, TimeUnit::Day, cal, "s.csv");
    REQUIRE_FALSE(one.ok());
    auto r = ClvSummaryReader::start(bad, TimeUnit::Day, cal, "s.csv");
    REQUIRE(r.ok());
    Result<bool> more = true;
    int parts = 0;
    while (more.ok() && *more) {
        more = r->step(50);
        ++parts;
    }
    REQUIRE_FALSE(more.ok());
    CHECK(parts > 1);
    CHECK(more.error().code == one.error().code);
    CHECK(more.error().code == "tiering.summary_bad_days");
    CHECK(more.error().where.line == one.error().where.line);
    CHECK(more.error().where.line > 300);
    CHECK(more.error().args == one.error().args);
}
