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
