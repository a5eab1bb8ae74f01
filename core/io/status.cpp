// status.cpp — order-status values to classes (see status.hpp).
#include "core/io/status.hpp"

#include <string>

#include "core/io/values.hpp"

namespace yt::io {

namespace {

struct Exact {
    const char* value;  // ASCII lower case
    OrderStatus status;
};

// Whole values whose words would mislead the word rules below ("无售后或售后取消" is a normal
// order: its after-sales request was withdrawn) and the English ones.
const Exact kExact[] = {
    {"无售后或售后取消", OrderStatus::Completed},
    {"无售后", OrderStatus::Completed},
    {"售后取消", OrderStatus::Completed},
    {"退款关闭", OrderStatus::Completed},  // the refund was closed, the sale stands
    {"无退款", OrderStatus::Completed},    // a 退款状态 column's "nothing refunded"
    {"未退款", OrderStatus::Completed},
    {"没有退款", OrderStatus::Completed},
    {"正常", OrderStatus::Completed},
    {"买家已付款,等待卖家发货", OrderStatus::Paid},
    {"卖家已发货,等待买家确认", OrderStatus::Paid},
    {"completed", OrderStatus::Completed}, {"complete", OrderStatus::Completed},
    {"success", OrderStatus::Completed},   {"succeeded", OrderStatus::Completed},
    {"successful", OrderStatus::Completed}, {"delivered", OrderStatus::Completed},
    {"fulfilled", OrderStatus::Completed}, {"finished", OrderStatus::Completed},
    {"done", OrderStatus::Completed},      {"received", OrderStatus::Completed},
    {"paid", OrderStatus::Paid},           {"shipped", OrderStatus::Paid},
    {"processing", OrderStatus::Paid},     {"in transit", OrderStatus::Paid},
    {"awaiting shipment", OrderStatus::Paid}, {"to ship", OrderStatus::Paid},
    {"partially shipped", OrderStatus::Paid}, {"partially refunded", OrderStatus::PartialRefund},
    {"partial refund", OrderStatus::PartialRefund}, {"partially_refunded", OrderStatus::PartialRefund},
    {"refunding", OrderStatus::Refunding}, {"refund requested", OrderStatus::Refunding},
    {"refund pending", OrderStatus::Refunding}, {"refunded", OrderStatus::Refunded},
    {"refund", OrderStatus::Refunded},     {"returned", OrderStatus::Refunded},
    {"closed", OrderStatus::Closed},       {"cancelled", OrderStatus::Closed},
    {"canceled", OrderStatus::Closed},     {"void", OrderStatus::Closed},
    {"voided", OrderStatus::Closed},       {"failed", OrderStatus::Closed},
    {"expired", OrderStatus::Closed},      {"unpaid", OrderStatus::Unpaid},
    {"pending payment", OrderStatus::Unpaid}, {"awaiting payment", OrderStatus::Unpaid},
    {"pending", OrderStatus::Unpaid},      {"not paid", OrderStatus::Unpaid},
};

struct Word {
    const char* word;
    OrderStatus status;
};

// Checked in order: the first word found in the value decides.
const Word kWords[] = {
    {"部分退款", OrderStatus::PartialRefund},  {"等待买家确认", OrderStatus::Paid},
    {"退款成功", OrderStatus::Refunded},       {"已退款", OrderStatus::Refunded},
    {"全额退款", OrderStatus::Refunded},       {"退货退款成功", OrderStatus::Refunded},
    {"退货成功", OrderStatus::Refunded},       {"退款完成", OrderStatus::Refunded},
    {"退款中", OrderStatus::Refunding},        {"售后中", OrderStatus::Refunding},
    {"申请退款", OrderStatus::Refunding},      {"退款申请", OrderStatus::Refunding},
    {"待退款", OrderStatus::Refunding},        {"退货中", OrderStatus::Refunding},
    {"等待买家付款", OrderStatus::Unpaid},     {"未付款", OrderStatus::Unpaid},
    {"待付款", OrderStatus::Unpaid},           {"待支付", OrderStatus::Unpaid},
    {"未支付", OrderStatus::Unpaid},           {"待买家付款", OrderStatus::Unpaid},
    {"关闭", OrderStatus::Closed},             {"取消", OrderStatus::Closed},
    {"作废", OrderStatus::Closed},             {"失效", OrderStatus::Closed},
    {"交易成功", OrderStatus::Completed},      {"已完成", OrderStatus::Completed},
    {"完成", OrderStatus::Completed},          {"签收", OrderStatus::Completed},
    {"已收货", OrderStatus::Completed},        {"确认收货", OrderStatus::Completed},
    {"成功", OrderStatus::Completed},
    {"发货", OrderStatus::Paid},               {"已付款", OrderStatus::Paid},
    {"已支付", OrderStatus::Paid},             {"待收货", OrderStatus::Paid},
    {"配送", OrderStatus::Paid},               {"出库", OrderStatus::Paid},
    {"已成团", OrderStatus::Paid},             {"拼单成功", OrderStatus::Paid},
    {"refund", OrderStatus::Refunded},         {"cancel", OrderStatus::Closed},
    {"unpaid", OrderStatus::Unpaid},           {"complete", OrderStatus::Completed},
    {"ship", OrderStatus::Paid},
};

}  // namespace

OrderStatus classify_status(std::string_view cell) {
    cell = trim_cell(cell);
    if (cell.empty()) return OrderStatus::Unknown;
    std::string v;
    v.reserve(cell.size());
    for (char c : cell) {
        v.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    // Full-width comma (，) as in "买家已付款，等待卖家发货" reads like the ASCII one.
    for (std::size_t p; (p = v.find("\xEF\xBC\x8C")) != std::string::npos;) v.replace(p, 3, ",");
    for (const auto& e : kExact)
        if (v == e.value) return e.status;
    for (const auto& w : kWords)
        if (v.find(w.word) != std::string::npos) return w.status;
    return OrderStatus::Unknown;
}

}  // namespace yt::io
