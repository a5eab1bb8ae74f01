// summary.hpp — the per-customer purchase summary every tiering view starts from.
//
// One pass over the orders grouped by customer (a counting sort on the customer index, no maps)
// gives, per customer: first and last purchase, number of orders, revenue net of refunds,
// average order value and recency, as of a chosen date. Output is columnar (one vector per field,
// indexed by customer) so that a million customers stay cheap.
//
// Conventions (shared with the CLV inputs in clv_inputs.hpp):
// - a row with amount >= 0 is a purchase; amount < 0 is a refund: it reduces revenue but is not an
//   order and does not move first/last purchase;
// - rows dated after `as_of` are ignored (the summary describes the shop as of that day);
// - with merge_same_day, all purchases of one customer on one day count as one order;
// - customers with no purchase on or before `as_of` have orders == 0 and recency == -1 and are
//   left out of scoring (RFM score 0, segment kNoSegment).
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "core/model/orders.hpp"
#include "core/model/result.hpp"

namespace yt {

// One order as the index keeps it: day, amount and the row number in the OrderTable.
struct IndexedOrder {
    double amount;
    Day day;
    std::uint32_t row;
    IndexedOrder() {}  // left uninitialised: the index overwrites every entry (saves a 45 MB zeroing pass at 1M)
    IndexedOrder(double a, Day d, std::uint32_t r) : amount(a), day(d), row(r) {}
};

// Orders grouped by customer: the orders of customer c are orders[offset[c] .. offset[c+1]), in
// day order (stable). They carry their day and amount, so the per-customer passes (summary, CLV
// inputs) read memory sequentially instead of jumping around the table.
struct OrderIndex {
    std::vector<std::uint32_t> offset;  // customers() + 1 entries
    std::vector<IndexedOrder> orders;
    Day min_day = 0, max_day = 0;       // over all rows (0, 0 when empty)
    std::size_t customers() const { return offset.empty() ? 0 : offset.size() - 1; }
};

// Errors: "tiering.bad_table" when the order columns differ in length, "tiering.bad_customer_index"
// (with the row as location) when a customer index is out of range, "tiering.no_orders" when the
// table is empty.
Result<OrderIndex> build_order_index(const OrderTable& t);
// build_order_index() in three steps (counting, placing, ordering by day), for callers that
// spread the work over frames: while (b.step()) {} then take(). `t` must outlive the builder.
class OrderIndexBuilder {
public:
    // The count; the index's memory written in kMemoryParts parts (fresh memory is slow to write
    // the first time in a browser: a quarter of 2.8M orders' index, 11 MB, took 27-42 ms); the
    // orders placed by their customers in kParts ranges of rows; the day order inside each customer.
    static constexpr int kMemoryParts = 8;
    static constexpr int kParts = 4;
    static constexpr int kSteps = 2 + kMemoryParts + kParts;
    explicit OrderIndexBuilder(const OrderTable& t) : t_(&t) {}
    bool step();  // false when no step is left (or one failed)
    Result<OrderIndex> take();

private:
    const OrderTable* t_;
    int next_ = 0;
    std::optional<Error> error_;
    OrderIndex idx_;
    std::vector<std::uint32_t> pos_;  // where each customer's next order goes
};

struct SummaryOptions {
    bool merge_same_day = true;
    std::optional<Day> as_of;  // default: the last date in the data
};

struct CustomerSummary {
    Day as_of = 0;
    bool merged_same_day = true;
    std::vector<Day> first;              // first purchase (0 when none)
    std::vector<Day> last;               // last purchase (0 when none)
    std::vector<std::int32_t> orders;    // purchases (purchase days when merged); 0 = no purchase
    std::vector<double> revenue;         // purchases minus refunds, up to as_of
    std::vector<double> aov;             // revenue / orders (0 when orders == 0)
    std::vector<std::int32_t> recency;   // as_of - last, in days; -1 when no purchase
    std::uint32_t buyers = 0;            // customers with orders > 0
    double total_revenue = 0;
    std::size_t size() const { return orders.size(); }
    bool scored(std::size_t c) const { return orders[c] > 0; }
};

// Reads only the index (it carries day and amount); `t` is the table the index was built from.
CustomerSummary summarize(const OrderTable& t, const OrderIndex& idx, const SummaryOptions& opt);
// summarize() for customers [begin, end) only, for callers that spread the work over frames:
// summary_start() makes room for the summary (each range writes its own customers' entries),
// then summarize_range() over consecutive ranges covering every customer gives exactly
// summarize()'s result.
CustomerSummary summary_start(const OrderIndex& idx, const SummaryOptions& opt);
void summarize_range(const OrderIndex& idx, const SummaryOptions& opt, std::size_t begin, std::size_t end, CustomerSummary& s);

}  // namespace yt
