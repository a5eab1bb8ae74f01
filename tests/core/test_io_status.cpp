// test_io_status.cpp — which imported rows are purchases: order-status classes and the include /
// exclude choice, unpaid rows, customers with only excluded orders, partial refunds, the owner and
// product columns, the customer key preference and the nickname warning, and the schema step that
// adds the choice to saved workspaces.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "core/i18n/i18n.hpp"
#include "core/io/importer.hpp"
#include "core/io/status.hpp"
#include "core/plan/demo.hpp"
#include "core/model/json.hpp"
#include "core/persist/persist.hpp"
#include "tests/core/import_ok.hpp"
#include "tests/core/same_table.hpp"
#include "tests/core/test_paths.hpp"

using namespace yt;
using yt::test::check_same_table;
using yt::test::import_ok;

namespace {

const StatusCount* status_row(const ImportReport& r, const std::string& value) {
    for (const auto& s : r.statuses)
        if (s.value == value) return &s;
    return nullptr;
}

bool has_customer(const OrderTable& t, const std::string& id) {
    for (std::uint32_t c = 0; c < t.customers(); ++c)
        if (t.customer_ids.at(c) == id) return true;
    return false;
}

double revenue(const OrderTable& t) {
    double s = 0;
    for (double a : t.amount) s += a;
    return s;
}

std::vector<std::string> notice_codes(const ImportReport& r) {
    std::vector<std::string> out;
    for (const auto& e : import_notices(r)) out.push_back(e.code);
    return out;
}

// The status choice's part of two reports is the same (counts, days, per-status rows).
void check_same_choice(const ImportReport& got, const ImportReport& want) {
    CHECK(got.rows_accepted == want.rows_accepted);
    CHECK(got.customers == want.customers);
    CHECK(got.excluded_by_status == want.excluded_by_status);
    CHECK(got.excluded_unpaid == want.excluded_unpaid);
    CHECK(got.excluded_amount == want.excluded_amount);
    CHECK(got.excluded_customers == want.excluded_customers);
    CHECK(got.refunds_subtracted == want.refunds_subtracted);
    CHECK(got.refunds == want.refunds);
    CHECK(got.first_day == want.first_day);
    CHECK(got.last_day == want.last_day);
    REQUIRE(got.statuses.size() == want.statuses.size());
    for (std::size_t i = 0; i < got.statuses.size(); ++i) {
        CHECK(got.statuses[i].value == want.statuses[i].value);
        CHECK(got.statuses[i].rows == want.statuses[i].rows);
        CHECK(got.statuses[i].excluded == want.statuses[i].excluded);
    }
}

// A Taobao-style export: member id, nickname, phone, payment time, paid amount, status, product,
// owner. M3 only has a closed order (paid 0.00, no payment time), M4 only a refunded one.
const char* const kShop =
    "订单编号,买家会员名,买家昵称,手机号,付款时间,实付金额,订单状态,商品名称,归属员工\n"
    "T001,M1,小花,13800000001,2025-03-01 10:00:00,100.00,交易成功,洁面乳,阿杰\n"
    "T002,M1,小花,13800000001,2025-03-05 11:00:00,50.00,已发货,精华,阿杰\n"
    "T003,M2,阿明,13800000002,2025-03-02 09:00:00,80.00,交易成功,洁面乳,小婉\n"
    "T004,M3,路人,13800000003,,0.00,交易关闭,面霜,小婉\n"
    "T005,M4,退货客,13800000004,2025-03-03 12:00:00,120.00,退款成功,面霜,\n"
    "T006,M2,阿明,13800000002,,60.00,等待买家付款,精华,小婉\n"
    "T007,M2,阿明,13800000002,2025-03-08 12:00:00,40.00,部分退款,精华,小婉\n"
    "T008,M5,新客,13800000005,2025-03-09 12:00:00,30.00,交易关闭,洁面乳,阿杰\n";


// kShop read to the end: the importer's report and every row, before any status choice.
std::pair<ImportReport, ImportedOrders> read_shop() {
    auto imp = Importer::start(std::string(kShop), ImportOptions{});
    REQUIRE(imp);
    while (!imp->done()) REQUIRE(imp->step(1 << 20));
    ImportReport read = imp->report();
    return {std::move(read), imp->take_imported()};
}

}  // namespace

TEST_CASE("order status values are classified", "[io][status]") {
    using S = OrderStatus;
    const std::pair<const char*, S> cases[] = {
        {"交易成功", S::Completed},       {"已完成", S::Completed},       {"已签收", S::Completed},
        {"完成", S::Completed},           {"已发货", S::Paid},            {"待发货", S::Paid},
        {"买家已付款，等待卖家发货", S::Paid}, {"卖家已发货,等待买家确认", S::Paid}, {"等待买家确认收货", S::Paid},
        {"部分退款", S::PartialRefund},   {"退款中", S::Refunding},       {"售后中", S::Refunding},
        {"退款成功", S::Refunded},        {"已退款", S::Refunded},        {"交易关闭", S::Closed},
        {"已关闭", S::Closed},            {"已取消", S::Closed},          {"订单取消", S::Closed},
        {"等待买家付款", S::Unpaid},      {"未付款", S::Unpaid},          {"待付款", S::Unpaid},
        {"无售后或售后取消", S::Completed}, {"无退款", S::Completed}, {" Completed ", S::Completed}, {"SHIPPED", S::Paid},
        {"partially_refunded", S::PartialRefund}, {"refunded", S::Refunded}, {"cancelled", S::Closed},
        {"Canceled", S::Closed},          {"pending payment", S::Unpaid}, {"unpaid", S::Unpaid},
        {"", S::Unknown},                 {"待审核", S::Unknown},         {"xyz", S::Unknown},
    };
    for (const auto& [value, want] : cases) {
        INFO(value);
        CHECK(io::classify_status(value) == want);
    }
    const StatusPolicy def;
    CHECK(def.includes(S::Completed));
    CHECK(def.includes(S::Paid));
    CHECK(def.includes(S::PartialRefund));
    CHECK_FALSE(def.includes(S::Closed));
    CHECK_FALSE(def.includes(S::Unpaid));
    CHECK_FALSE(def.includes(S::Refunded));
}

TEST_CASE("customers kept are numbered by their first kept row and found again by id", "[io][status]") {
    // A's first order is closed: B is the first customer kept, A the second, C is not one.
    const ImportResult r = import_ok(
        "买家会员名,付款时间,实付金额,订单状态\n"
        "A,2025-03-01 10:00:00,10.00,交易关闭\n"
        "C,2025-03-01 11:00:00,20.00,交易关闭\n"
        "B,2025-03-02 10:00:00,30.00,交易成功\n"
        "A,2025-03-03 10:00:00,40.00,交易成功\n"
        "B,2025-03-04 10:00:00,50.00,交易成功\n");
    const OrderTable& t = r.orders;
    REQUIRE(t.customers() == 2);
    CHECK(t.customer_ids.at(0) == "B");
    CHECK(t.customer_ids.at(1) == "A");
    CHECK(t.customer == std::vector<std::uint32_t>{0, 1, 0});
    StringPool ids = t.customer_ids;
    CHECK(ids.intern("A") == 1);
    CHECK(ids.intern("B") == 0);
    CHECK(ids.size() == 2);
    CHECK(ids.intern("C") == 2);
}

TEST_CASE("closed, refunded and unpaid orders are excluded and counted per status", "[io][status]") {
    const ImportResult r = import_ok(kShop);
    const ColumnMapping& m = r.report.mapping;
    CHECK(m.customer == 1);  // the member name, not the nickname
    CHECK(m.status == 6);
    CHECK(m.product == 7);
    CHECK(m.owner == 8);
    CHECK(m.date == 4);

    CHECK(r.report.rows_read == 8);
    CHECK(r.report.rows_rejected == 0);
    CHECK(r.report.rows_accepted == 4);  // T001 T002 T003 T007
    CHECK(r.report.rows_excluded == 4);
    CHECK(r.report.excluded_by_status == 4);  // T004 T005 T006 T008 (by status, though two lack a payment time)
    CHECK(r.report.excluded_unpaid == 0);
    CHECK(r.report.excluded_amount == Approx(0 + 120 + 60 + 30));
    // Buyers whose every order was excluded are not customers.
    CHECK(r.orders.customers() == 2);
    CHECK(r.report.customers == 2);
    CHECK(r.report.excluded_customers == 3);  // M3, M4, M5
    CHECK(has_customer(r.orders, "M1"));
    CHECK(has_customer(r.orders, "M2"));
    CHECK_FALSE(has_customer(r.orders, "M3"));
    CHECK_FALSE(has_customer(r.orders, "M4"));
    CHECK(revenue(r.orders) == Approx(100 + 50 + 80 + 40));

    const StatusCount* closed = status_row(r.report, "交易关闭");
    REQUIRE(closed);
    CHECK(closed->status == OrderStatus::Closed);
    CHECK_FALSE(closed->included);
    CHECK(closed->rows == 2);
    CHECK(closed->excluded == 2);
    REQUIRE(status_row(r.report, "交易成功"));
    CHECK(status_row(r.report, "交易成功")->rows == 2);
    CHECK(status_row(r.report, "交易成功")->excluded == 0);

    const auto codes = notice_codes(r.report);
    CHECK(std::count(codes.begin(), codes.end(), "io.excluded.closed") == 1);
    CHECK(std::count(codes.begin(), codes.end(), "io.excluded.refunded") == 1);
    CHECK(std::count(codes.begin(), codes.end(), "io.excluded.unpaid") == 1);
    CHECK(std::count(codes.begin(), codes.end(), "io.excluded_customers") == 1);
    for (const auto& e : import_notices(r.report))
        if (e.code == "io.excluded.closed") {
            CHECK(trf(e.code, Lang::Zh, e.args) == "已排除 2 笔交易关闭订单");
            CHECK(trf(e.code, Lang::En, e.args) == "Excluded 2 closed orders (交易关闭)");
        }
}

TEST_CASE("another status choice re-reads the same import", "[io][status]") {
    const auto [read, all] = read_shop();
    REQUIRE_FALSE(all.plain());

    ImportReport def = read;
    const OrderTable paid = read_orders(all, StatusPolicy{}, def);
    CHECK(paid.customers() == 2);

    StatusPolicy with_closed;
    with_closed.closed = true;
    ImportReport rep = read;
    const OrderTable t = read_orders(all, with_closed, rep);
    // T008 (closed, dated, 30.00) now counts; T004 (closed, no payment time) still cannot.
    CHECK(t.orders() == 5);
    CHECK(t.customers() == 3);
    CHECK(has_customer(t, "M5"));
    CHECK(rep.excluded_by_status == 2);  // T005 refunded, T006 unpaid
    CHECK(rep.excluded_unpaid == 1);     // T004: included by status, but never paid
    CHECK(status_row(rep, "交易关闭")->included);
    CHECK(status_row(rep, "交易关闭")->excluded == 1);

    StatusPolicy none;
    for (int i = 0; i < kOrderStatuses; ++i) none.at(static_cast<OrderStatus>(i)) = false;
    ImportReport empty_rep = read;
    CHECK(read_orders(all, none, empty_rep).orders() == 0);
    CHECK(empty_rep.customers == 0);
}

TEST_CASE("the status choice read a few rows at a time (OrderReader) gives read_orders' table and report", "[io][status]") {
    const auto [read, all] = read_shop();
    StatusPolicy with_closed;
    with_closed.closed = true;
    ImportReport whole_rep = read;
    const OrderTable whole = read_orders(all, with_closed, whole_rep);
    ImportReport part_rep = read;
    OrderReader r(all, with_closed, part_rep);
    int steps = 1;
    double last = r.progress();
    while (r.step(1)) {
        ++steps;
        CHECK(r.progress() > last);
        last = r.progress();
    }
    CHECK(steps == static_cast<int>(all.table.orders()));
    CHECK(r.progress() == 1);
    const OrderTable parts = r.take();
    CHECK(parts.customer == whole.customer);
    CHECK(parts.day == whole.day);
    CHECK(parts.amount == whole.amount);
    REQUIRE(parts.customers() == whole.customers());
    for (std::uint32_t c = 0; c < parts.customers(); ++c) CHECK(parts.customer_ids.at(c) == whole.customer_ids.at(c));
    check_same_choice(part_rep, whole_rep);
}

TEST_CASE("rows without a payment time and with nothing paid are not purchases", "[io][status]") {
    SECTION("a separate payment-time column, no status column") {
        const std::string csv =
            "订单号,会员ID,下单时间,付款时间,实付金额\n"
            "A1,C1,2025-01-01 10:00,2025-01-01 10:01,99.00\n"
            "A2,C2,2025-01-02 10:00,,0.00\n"      // never paid
            "A3,C1,2025-01-03 10:00,,0.00\n"      // never paid, a customer otherwise
            "A4,C3,2025-01-04 10:00,2025-01-04 10:05,0.00\n";  // a paid gift: kept
        const ImportResult r = import_ok(csv);
        CHECK(r.report.mapping.date == 2);
        CHECK(r.report.mapping.paid == 3);
        CHECK(r.report.rows_accepted == 2);
        CHECK(r.report.excluded_unpaid == 2);
        CHECK(r.report.rows_rejected == 0);
        CHECK(r.orders.customers() == 2);  // C1, C3; C2 only had an unpaid row
        CHECK(r.report.excluded_customers == 1);
        CHECK_FALSE(has_customer(r.orders, "C2"));
        const auto codes = notice_codes(r.report);
        CHECK(std::count(codes.begin(), codes.end(), "io.excluded_unpaid") == 1);
    }
    SECTION("the date column is the payment time: blank with 0 is unpaid, blank with an amount is a bad row") {
        const std::string csv =
            "会员ID,付款时间,实付金额\n"
            "C1,2025-01-01,10\n"
            "C2,,0.00\n"
            "C3,,25.00\n";
        const ImportResult r = import_ok(csv);
        CHECK(r.report.mapping.paid == -1);
        CHECK(r.report.rows_accepted == 1);
        CHECK(r.report.excluded_unpaid == 1);
        CHECK(r.report.rows_rejected == 1);
        REQUIRE(r.report.rejected.size() == 1);
        CHECK(r.report.rejected[0].code == "io.bad_date");
        CHECK(r.report.rejected[0].where.line == 4);
    }
}

TEST_CASE("partial refunds count less the refund column", "[io][status]") {
    const std::string csv =
        "订单号,会员ID,付款时间,实付金额,退款金额,订单状态\n"
        "A1,C1,2025-01-01,100.00,30.00,部分退款\n"
        "A2,C1,2025-01-02,50.00,,交易成功\n"
        "A3,C2,2025-01-03,80.00,80.00,退款成功\n";
    const ImportResult r = import_ok(csv);
    CHECK(r.report.mapping.refund == 4);
    CHECK(r.orders.orders() == 2);
    CHECK(revenue(r.orders) == Approx(70 + 50));
    CHECK(r.report.refunds_subtracted == 1);
    const auto codes = notice_codes(r.report);
    CHECK(std::count(codes.begin(), codes.end(), "io.refunds_subtracted") == 1);
    // Without a refund column a partial refund counts in full.
    const std::string no_col =
        "会员ID,付款时间,实付金额,订单状态\n"
        "C1,2025-01-01,100.00,部分退款\n";
    CHECK(revenue(import_ok(no_col).orders) == Approx(100));
}

TEST_CASE("owner and product columns are interned per order", "[io][status]") {
    const ImportResult r = import_ok(kShop);
    const OrderTable& t = r.orders;
    REQUIRE(t.owner.size() == t.orders());
    REQUIRE(t.product.size() == t.orders());
    // Only values of kept rows: 面霜 (T004, T005) is gone with them.
    CHECK(t.products.size() == 2);
    CHECK(t.owners.size() == 2);
    CHECK(t.products.at(t.product[0]) == "洁面乳");
    CHECK(t.products.at(t.product[1]) == "精华");
    CHECK(t.owners.at(t.owner[0]) == "阿杰");
    CHECK(t.owners.at(t.owner[2]) == "小婉");
    CHECK(t.product[0] == t.product[2]);  // one id per distinct value

    const std::string blank_owner =
        "会员ID,下单日期,金额,导购,SKU\n"
        "C1,2025-01-01,10,,SKU-1\n"
        "C2,2025-01-02,20,王姐,SKU-2\n";
    const ImportResult b = import_ok(blank_owner);
    REQUIRE(b.orders.owner.size() == 2);
    CHECK(b.orders.owner[0] == OrderTable::kNoValue);
    CHECK(b.orders.owners.at(b.orders.owner[1]) == "王姐");
    CHECK(b.orders.products.at(b.orders.product[0]) == "SKU-1");

    // Mapped by hand, and in a column spec.
    ImportOptions o;
    o.mapping = *parse_column_spec("customer=1,date=2,amount=3,owner=5,product=4");
    const ImportResult h = import_ok("C1,2025-01-01,10,Tea,Ann\nC2,2025-01-02,5,Cup,Bob\n", o);
    CHECK(h.orders.owners.at(h.orders.owner[1]) == "Bob");
    CHECK(h.orders.products.at(h.orders.product[0]) == "Tea");
    CHECK(format_column_spec(*o.mapping) == "customer=1,date=2,amount=3,owner=5,product=4");
}

TEST_CASE("files without status, owner or product columns import as before", "[io][status]") {
    std::ifstream f(test::test_data("cdnow/CDNOW_sample.txt"), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string bytes = ss.str();
    REQUIRE(bytes.size() > 100000);
    ImportOptions o;
    o.mapping = *parse_column_spec("customer=2,date=3,amount=5");
    const ImportResult r = import_ok(bytes, o);
    CHECK(r.report.rows_accepted == 6919);
    CHECK(r.report.rows_excluded == 0);
    CHECK(r.report.statuses.empty());
    CHECK(r.orders.owner.empty());
    CHECK(r.orders.product.empty());
    CHECK(r.orders.owners.size() == 0);
    CHECK(import_notices(r.report).empty());
}

TEST_CASE("the customer key prefers a phone or member id over a nickname, and warns", "[io][status]") {
    SECTION("nickname and an unmasked phone: the phone is the key, the nickname the name") {
        const std::string csv =
            "买家昵称,手机号,付款时间,实付金额\n"
            "小花,13800000001,2025-01-01,10\n"
            "小花,13800000002,2025-01-02,20\n";
        const ImportResult r = import_ok(csv);
        CHECK(r.report.mapping.customer == 1);
        CHECK(r.report.mapping.name == 0);
        CHECK(r.orders.customers() == 2);  // two buyers sharing a nickname stay two
        CHECK(r.report.warnings.empty());
    }
    SECTION("a masked phone is no better: the nickname stays and a warning names the phone column") {
        const std::string csv =
            "买家昵称,手机号,付款时间,实付金额\n"
            "小花,138****0001,2025-01-01,10\n";
        const ImportResult r = import_ok(csv);
        CHECK(r.report.mapping.customer == 0);
        REQUIRE(r.report.warnings.size() == 1);
        CHECK(r.report.warnings[0].code == "io.nickname_key_alt");
        CHECK(r.report.warnings[0].args == std::vector<std::string>{"买家昵称", "手机号"});
        auto pv = preview_orders(csv);
        REQUIRE(pv);
        REQUIRE(pv->warnings.size() == 1);
        CHECK(pv->warnings[0].code == "io.nickname_key_alt");
    }
    SECTION("only a nickname: the plain warning") {
        const ImportResult r = import_ok("买家昵称,下单时间,金额\n小花,2025-01-01,10\n");
        REQUIRE(r.report.warnings.size() == 1);
        CHECK(r.report.warnings[0].code == "io.nickname_key");
        const auto codes = notice_codes(r.report);
        CHECK(std::count(codes.begin(), codes.end(), "io.nickname_key") == 1);
    }
    SECTION("a member id is kept as the key, no warning") {
        const ImportResult r = import_ok("会员ID,买家昵称,手机号,下单时间,金额\nM1,小花,13800000001,2025-01-01,10\n");
        CHECK(r.report.mapping.customer == 0);
        CHECK(r.report.warnings.empty());
    }
}

TEST_CASE("the preview lists ignored columns and the statuses it saw", "[io][status]") {
    auto pv = preview_orders(kShop);
    REQUIRE(pv);
    // 买家昵称 (2) and 手机号 (3) are name/phone; every column is used.
    const std::string csv = "会员ID,下单时间,金额,收货地址,备注,订单状态\nC1,2025-01-01,10,杭州,,交易成功\nC2,2025-01-01,5,上海,,交易关闭\n";
    auto p2 = preview_orders(csv);
    REQUIRE(p2);
    CHECK(p2->ignored == std::vector<int>{3, 4});
    REQUIRE(p2->statuses.size() == 2);
    CHECK(p2->statuses[0].status == OrderStatus::Completed);
    CHECK(p2->statuses[1].value == "交易关闭");
    CHECK(p2->statuses[1].status == OrderStatus::Closed);
}

TEST_CASE("a GB18030 export is read with its statuses", "[io][status]") {
    // "会员ID,付款时间,实付金额,订单状态\nC1,2025-01-01,10.00,交易成功\nC2,,0.00,交易关闭\n" in GB18030.
    const std::string gb =
        "\xbb\xe1\xd4\xb1ID,\xb8\xb6\xbf\xee\xca\xb1\xbc\xe4,\xca\xb5\xb8\xb6\xbd\xf0\xb6\xee,\xb6\xa9\xb5\xa5\xd7\xb4"
        "\xcc\xac\nC1,2025-01-01,10.00,\xbd\xbb\xd2\xd7\xb3\xc9\xb9\xa6\nC2,,0.00,\xbd\xbb\xd2\xd7\xb9\xd8\xb1\xd5\n";
    const ImportResult r = import_ok(gb);
    CHECK(r.report.encoding == "gb18030");
    CHECK(r.orders.customers() == 1);
    REQUIRE(status_row(r.report, "交易关闭"));
    CHECK(status_row(r.report, "交易关闭")->excluded == 1);
}

TEST_CASE("a schema-1 workspace gets the default status choice", "[io][status][persist]") {
    Workspace ws = demo_workspace(days_from_civil(2025, 6, 1));
    ws.tiering.statuses.closed = true;
    auto back = load_workspace_json(save_workspace_json(ws));
    REQUIRE(back);
    CHECK(back->tiering.statuses.closed);
    // The payload as schema 1 wrote it: no "statuses", signed and labelled as schema 1.
    rapidjson::Document d;
    d.Parse(save_workspace_json(ws).c_str());
    REQUIRE(d["payload"]["tiering"].RemoveMember("statuses"));
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    d["payload"].Accept(w);
    const std::string payload(buf.GetString(), buf.GetSize());
    const std::string old_text = "{\"format\":\"yutang.workspace\",\"schema\":1,\"app\":\"0.1.0\",\"checksum\":\"fnv1a64:" +
                                 hex64(fnv1a64(payload)) + "\",\"payload\":" + payload + "}";
    auto old = load_workspace_json(old_text);
    REQUIRE(old);
    CHECK(old->tiering.statuses == StatusPolicy{});
    CHECK(old->name == ws.name);
}

TEST_CASE("an export with a phone column and no member id uses the phone as the customer key", "[status][import]") {
    const std::string csv =
        "订单编号,手机号,付款时间,实付金额,订单状态,商品名称,归属员工\n"
        "T1,13900000001,2026-01-02 10:00:00,59.00,交易成功,洁面乳,小婉\n"
        "T2,13900000001,2026-02-02 10:00:00,99.00,交易成功,精华液,小婉\n"
        "T3,13900000002,2026-03-02 10:00:00,139.00,交易成功,面霜,阿杰\n";
    auto pv = preview_orders(csv);
    REQUIRE(pv);
    CHECK(pv->mapping.customer == 1);
    CHECK(pv->missing.empty());
    auto r = import_orders(csv);
    REQUIRE(r);
    CHECK(r->orders.customers() == 2);
    CHECK(r->orders.owners.size() == 2);
    CHECK(r->orders.products.size() == 3);
    // A masked phone column is no key: the customer stays to be chosen.
    const std::string masked =
        "订单编号,手机号,付款时间,实付金额\n"
        "T1,139****0001,2026-01-02 10:00:00,59.00\n"
        "T2,139****0002,2026-02-02 10:00:00,99.00\n";
    auto pm = preview_orders(masked);
    REQUIRE(pm);
    CHECK(pm->mapping.customer != 1);
}

TEST_CASE("the status choice over rows moved in (written where they lie) gives the copy's table and report", "[io][status]") {
    // Every kind of column the choice touches: owners, products, a customer attribute, names and
    // phones, a refund column with a partial refund, unpaid and excluded-only buyers (M3 first
    // seen on a closed row, so the kept customers are numbered anew), long ids past the short-string size.
    const std::string csv =
        "订单编号,买家会员名,买家昵称,手机号,城市,付款时间,实付金额,退款金额,订单状态,商品名称,归属员工\n"
        "T1,M3-a-customer-id-longer-than-any-short-string,路人,13800000003,杭州,2025-03-01 09:00,20.00,0,交易关闭,面霜,小婉\n"
        "T2,M1,小花,13800000001,上海,2025-03-01 10:00,100.00,0,交易成功,洁面乳,阿杰\n"
        "T3,M2,阿明,13800000002,北京,2025-03-02 09:00,80.00,0,交易成功,洁面乳,小婉\n"
        "T4,M3-a-customer-id-longer-than-any-short-string,路人,13800000003,杭州,2025-03-03 09:00,35.00,0,交易成功,精华,阿杰\n"
        "T5,M4,退货客,13800000004,广州,2025-03-03 12:00,120.00,120,退款成功,面霜,\n"
        "T6,M2,阿明,13800000002,北京,,60.00,0,等待买家付款,精华,小婉\n"
        "T7,M2,阿明,13800000002,北京,2025-03-08 12:00,40.00,15,部分退款,精华,小婉\n"
        "T8,M5,新客,13800000005,深圳,2025-03-09 12:00,30.00,0,交易关闭,礼盒,阿强\n"
        "T9,M1,小花,13800000001,上海,2025-03-10 10:00,-10.00,0,交易成功,洁面乳,阿杰\n";
    auto imp = Importer::start(csv, ImportOptions{});
    REQUIRE(imp);
    while (!imp->done()) REQUIRE(imp->step(1 << 20));
    const ImportReport read = imp->report();
    const ImportedOrders all = imp->take_imported();
    REQUIRE_FALSE(all.plain());
    REQUIRE_FALSE(all.table.owner.empty());
    REQUIRE_FALSE(all.table.product.empty());
    REQUIRE(all.table.attributes.size() == 1);
    REQUIRE_FALSE(all.table.customer_phones.empty());
    REQUIRE_FALSE(all.refund.empty());

    StatusPolicy none;
    for (int i = 0; i < kOrderStatuses; ++i) none.at(static_cast<OrderStatus>(i)) = false;
    StatusPolicy with_closed;
    with_closed.closed = true;
    StatusPolicy only_closed = none;
    only_closed.closed = true;
    int kept_fewer = 0;
    for (const StatusPolicy& policy : {StatusPolicy{}, with_closed, only_closed, none}) {
        ImportReport copy_rep = read;
        const OrderTable want = read_orders(all, policy, copy_rep);
        kept_fewer += want.orders() < all.table.orders();
        for (std::size_t part : {std::size_t{1}, std::size_t{3}, std::size_t{1} << 20}) {
            INFO("rows per step " << part << ", orders kept " << want.orders());
            ImportedOrders moved = all;
            ImportReport rep = read;
            OrderReader r(std::move(moved), policy, rep);
            while (r.step(part)) {
            }
            check_same_table(r.take(), want);
            check_same_choice(rep, copy_rep);
        }
        // read_orders() of moved rows is this reader.
        ImportReport moved_rep = read;
        check_same_table(read_orders(ImportedOrders(all), policy, moved_rep), want);
        CHECK(moved_rep.rows_accepted == copy_rep.rows_accepted);
    }
    CHECK(kept_fewer == 4);  // every choice leaves rows out, so rows are written over others
    // The default choice: M3's closed row leaves it second among the customers kept, the partial
    // refund is less its refund column, and the refunded and unpaid rows go.
    ImportReport rep = read;
    const OrderTable t = read_orders(ImportedOrders(all), StatusPolicy{}, rep);
    CHECK(t.customer_ids.values() == std::vector<std::string>{"M1", "M2", "M3-a-customer-id-longer-than-any-short-string"});
    CHECK(t.amount == std::vector<double>{100, 80, 35, 25, -10});
    CHECK(t.owners.values() == std::vector<std::string>{"阿杰", "小婉"});
}
