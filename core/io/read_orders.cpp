// read_orders.cpp — applying the status policy to an import (see importer.hpp: ImportedOrders,
// read_orders): which rows are purchases, who is a customer, and the report of what was left out.
#include <algorithm>

#include "core/io/importer.hpp"
#include "core/io/status.hpp"

namespace yt {

namespace {

constexpr std::uint32_t kNone = 0xffffffffu;

void finish_report(const OrderTable& out, const ImportedOrders& in, ImportReport& rep) {
    rep.rows_accepted = static_cast<std::int64_t>(out.orders());
    rep.customers = static_cast<std::int64_t>(out.customers());
    rep.excluded_customers = static_cast<std::int64_t>(in.table.customers()) - rep.customers;
    rep.refunds = 0;
    for (double a : out.amount) rep.refunds += a < 0;
    if (!out.day.empty()) {
        const auto [lo, hi] = std::minmax_element(out.day.begin(), out.day.end());
        rep.first_day = *lo;
        rep.last_day = *hi;
    } else {
        rep.first_day = rep.last_day = 0;
    }
}

// A value of one pool, interned in another (once: `map` remembers it).
std::uint32_t pooled(std::uint32_t v, const StringPool& from, StringPool& to, std::vector<std::uint32_t>& map) {
    if (v == OrderTable::kNoValue) return v;
    if (map[v] == kNone) map[v] = to.intern(from.at(v));
    return map[v];
}

}  // namespace

OrderReader::OrderReader(const ImportedOrders& in, const StatusPolicy& policy, ImportReport& rep) : in_(&in), rep_(&rep) {
    start(policy);
}

OrderReader::OrderReader(ImportedOrders&& in, const StatusPolicy& policy, ImportReport& rep)
    : in_(nullptr), rep_(&rep), own_(std::make_unique<ImportedOrders>(std::move(in))) {
    in_ = own_.get();
    start(policy);
}

void OrderReader::start(const StatusPolicy& policy) {
    const ImportedOrders& in = *in_;
    ImportReport& rep = *rep_;
    const OrderTable& t = in.table;
    const std::size_t nv = in.status_values.size();
    cls_.resize(nv);
    keep_.resize(nv);
    rep.statuses.clear();
    for (std::size_t v = 0; v < nv; ++v) {
        cls_[v] = io::classify_status(in.status_values.at(static_cast<std::uint32_t>(v)));
        keep_[v] = policy.includes(cls_[v]);
        StatusCount sc;
        sc.value = in.status_values.at(static_cast<std::uint32_t>(v));
        sc.status = cls_[v];
        sc.included = keep_[v] != 0;
        rep.statuses.push_back(std::move(sc));
    }
    rep.excluded_by_status = rep.excluded_unpaid = rep.refunds_subtracted = 0;
    rep.excluded_amount = 0;
    remap_.assign(t.customers(), kNone);
    owner_map_.assign(t.owners.size(), kNone);
    product_map_.assign(t.products.size(), kNone);
    kept_ids_.reserve(t.customers());
    if (own_) return;  // the purchases are written over the rows
    const std::size_t n = t.orders();
    out_.customer.reserve(n);
    out_.day.reserve(n);
    out_.amount.reserve(n);
}

double OrderReader::progress() const {
    const std::size_t n = in_->table.orders();
    return n == 0 ? 1.0 : static_cast<double>(next_) / static_cast<double>(n);
}

bool OrderReader::done() const { return next_ >= in_->table.orders(); }

bool OrderReader::step(std::size_t rows) {
    const ImportedOrders& in = *in_;
    const OrderTable& t = in.table;
    ImportReport& rep = *rep_;
    const std::size_t n = t.orders();
    const std::size_t end = std::min(n, next_ + std::max<std::size_t>(rows, 1));
    const bool owners = !t.owner.empty(), products = !t.product.empty();
    for (std::size_t i = next_; i < end; ++i) {
        double a = t.amount[i];
        if (!in.status.empty()) {
            const std::uint32_t v = in.status[i];
            StatusCount& sc = rep.statuses[v];
            ++sc.rows;
            if (!keep_[v]) {
                ++sc.excluded;
                sc.excluded_amount += a;
                ++rep.excluded_by_status;
                rep.excluded_amount += a;
                continue;
            }
            if (cls_[v] == OrderStatus::PartialRefund && !in.refund.empty() && in.refund[i] > 0 && a > 0) {
                a = std::max(0.0, a - in.refund[i]);
                ++rep.refunds_subtracted;
            }
        }
        const std::uint32_t c = t.customer[i];
        if (remap_[c] == kNone) {
            remap_[c] = static_cast<std::uint32_t>(kept_ids_.size());
            kept_ids_.push_back(t.customer_ids.at(c));
        }
        if (own_) {  // over row kept_ <= i, which is read already
            OrderTable& w = own_->table;
            w.customer[kept_] = remap_[c];
            w.day[kept_] = t.day[i];
            w.amount[kept_] = a;
            if (owners) w.owner[kept_] = pooled(t.owner[i], t.owners, out_.owners, owner_map_);
            if (products) w.product[kept_] = pooled(t.product[i], t.products, out_.products, product_map_);
            ++kept_;
            continue;
        }
        out_.add(remap_[c], t.day[i], a);
        if (owners) out_.owner.push_back(pooled(t.owner[i], t.owners, out_.owners, owner_map_));
        if (products) out_.product.push_back(pooled(t.product[i], t.products, out_.products, product_map_));
    }
    next_ = end;
    return next_ < n;
}

OrderTable OrderReader::take() {
    while (step(std::size_t{1} << 20)) {
    }
    if (own_) {  // the purchases written over the rows become the table's
        OrderTable& w = own_->table;
        const auto first = [&](auto& v) {
            v.resize(std::min(v.size(), kept_));
            return std::move(v);
        };
        out_.customer = first(w.customer);
        out_.day = first(w.day);
        out_.amount = first(w.amount);
        out_.owner = first(w.owner);
        out_.product = first(w.product);
    }
    const ImportedOrders& in = *in_;
    const OrderTable& t = in.table;
    ImportReport& rep = *rep_;
    OrderTable& out = out_;
    const std::size_t nv = in.status_values.size();
    // Rows without a payment: out by their status when it is excluded, else for want of a payment.
    for (std::size_t v = 0; v < nv && v < in.unpaid_by_status.size(); ++v) {
        const std::int64_t k = in.unpaid_by_status[v];
        if (k == 0) continue;
        StatusCount& sc = rep.statuses[v];
        sc.rows += k;
        sc.excluded += k;
        sc.excluded_amount += in.unpaid_amount_by_status[v];
        rep.excluded_amount += in.unpaid_amount_by_status[v];
        (keep_[v] ? rep.excluded_unpaid : rep.excluded_by_status) += k;
    }
    rep.excluded_unpaid += in.unpaid;
    rep.excluded_amount += in.unpaid_amount;
    rep.rows_excluded = rep.excluded_by_status + rep.excluded_unpaid;
    std::stable_sort(rep.statuses.begin(), rep.statuses.end(),
                     [](const StatusCount& a, const StatusCount& b) { return a.rows > b.rows; });

    // The ids kept are distinct (they come from one pool): taken as the pool without hashing.
    out.customer_ids.adopt_distinct(std::move(kept_ids_));
    // Per-customer fields of the customers kept, in their new order.
    const std::size_t kept = out.customers();
    if (!t.customer_names.empty()) out.customer_names.resize(kept);
    if (!t.customer_phones.empty()) out.customer_phones.resize(kept);
    for (const auto& a : t.attributes) {
        AttributeColumn col;
        col.name = a.name;
        col.dimension = a.dimension;
        col.of_customer.assign(kept, AttributeColumn::kNoValue);
        out.attributes.push_back(std::move(col));
    }
    std::vector<std::vector<std::uint32_t>> value_map(t.attributes.size());
    for (std::size_t k = 0; k < t.attributes.size(); ++k) value_map[k].assign(t.attributes[k].values.size(), kNone);
    for (std::size_t c = 0; c < remap_.size(); ++c) {
        const std::uint32_t to = remap_[c];
        if (to == kNone) continue;
        if (!t.customer_names.empty()) out.customer_names[to] = t.customer_names[c];
        if (!t.customer_phones.empty()) out.customer_phones[to] = t.customer_phones[c];
        for (std::size_t k = 0; k < t.attributes.size(); ++k) {
            const std::uint32_t v = t.attributes[k].of_customer[c];
            out.attributes[k].of_customer[to] = pooled(v, t.attributes[k].values, out.attributes[k].values, value_map[k]);
        }
    }
    finish_report(out, in, rep);
    return std::move(out_);
}

OrderTable read_orders(const ImportedOrders& in, const StatusPolicy& policy, ImportReport& rep) {
    return OrderReader(in, policy, rep).take();
}


OrderTable read_orders(ImportedOrders&& in, const StatusPolicy& policy, ImportReport& rep) {
    if (!in.plain()) return OrderReader(std::move(in), policy, rep).take();
    rep.statuses.clear();
    rep.rows_excluded = rep.excluded_by_status = rep.excluded_unpaid = rep.refunds_subtracted = 0;
    rep.excluded_amount = 0;
    rep.excluded_customers = 0;
    OrderTable out = std::move(in.table);
    rep.rows_accepted = static_cast<std::int64_t>(out.orders());
    rep.customers = static_cast<std::int64_t>(out.customers());
    return out;
}

std::vector<Error> import_notices(const ImportReport& r) {
    std::vector<Error> out;
    auto n = [](std::int64_t v) { return std::to_string(v); };
    for (const auto& sc : r.statuses) {
        if (sc.included || sc.excluded == 0) continue;
        if (sc.value.empty()) out.emplace_back("io.excluded_blank", std::vector<std::string>{n(sc.excluded)});
        else
            out.emplace_back(std::string("io.excluded.") + order_status_key(sc.status),
                             std::vector<std::string>{n(sc.excluded), sc.value});
    }
    if (r.excluded_unpaid > 0) out.emplace_back("io.excluded_unpaid", std::vector<std::string>{n(r.excluded_unpaid)});
    if (r.excluded_customers > 0)
        out.emplace_back("io.excluded_customers", std::vector<std::string>{n(r.excluded_customers)});
    if (r.refunds_subtracted > 0)
        out.emplace_back("io.refunds_subtracted", std::vector<std::string>{n(r.refunds_subtracted)});
    std::int64_t unknown = 0;
    std::string values;
    for (const auto& sc : r.statuses) {
        if (!sc.included || sc.status != OrderStatus::Unknown || sc.value.empty()) continue;
        unknown += sc.rows - sc.excluded;
        if (values.size() < 80) values += (values.empty() ? "" : ", ") + sc.value;
    }
    if (unknown > 0) out.emplace_back("io.status_unknown", std::vector<std::string>{n(unknown), values});
    for (const auto& w : r.warnings) out.push_back(w);
    return out;
}

}  // namespace yt
