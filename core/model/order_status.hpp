// order_status.hpp — what an order's status says about it (paid, closed, refunded, ...) and the
// operator's choice of which status classes count as purchases.
//
// The importer (core/io/status.cpp) reads the status cells of an export (订单状态 交易成功,
// 交易关闭, 退款成功, ...) into these classes; the choice is kept in TieringSettings (part of how
// the orders are read, saved with the workspace, changed by one undoable command).
#pragma once
#include <cstdint>

#include "core/model/serial.hpp"

namespace yt {

enum class OrderStatus : std::uint8_t {
    Completed = 0,  // 交易成功, 已完成, 已签收
    Paid,           // paid, not yet completed: 待发货, 已发货, 待收货
    PartialRefund,  // 部分退款: in, less the refunded amount when the file has a refund column
    Refunding,      // 退款中, 售后中
    Refunded,       // 退款成功 (fully refunded)
    Closed,         // 交易关闭, 已关闭, 已取消
    Unpaid,         // 等待买家付款, 未付款
    Unknown,        // a value not recognised, or a blank cell
    Count
};
inline constexpr int kOrderStatuses = static_cast<int>(OrderStatus::Count);

// "completed", "paid", "partial_refund", "refunding", "refunded", "closed", "unpaid", "unknown".
inline const char* order_status_key(OrderStatus s) {
    static const char* const kKeys[] = {"completed", "paid",   "partial_refund", "refunding",
                                        "refunded",  "closed", "unpaid",         "unknown"};
    const int i = static_cast<int>(s);
    return i >= 0 && i < kOrderStatuses ? kKeys[i] : "unknown";
}

// Which status classes count as purchases. Defaults: paid and completed in, partial refunds in
// (less the refund), refunds in progress in; closed, cancelled, unpaid and fully refunded out;
// values not recognised in (the import summary lists them).
struct StatusPolicy {
    bool completed = true, paid = true, partial_refund = true, refunding = true;
    bool refunded = false, closed = false, unpaid = false, unknown = true;

    bool& at(OrderStatus s) {
        switch (s) {
            case OrderStatus::Completed: return completed;
            case OrderStatus::Paid: return paid;
            case OrderStatus::PartialRefund: return partial_refund;
            case OrderStatus::Refunding: return refunding;
            case OrderStatus::Refunded: return refunded;
            case OrderStatus::Closed: return closed;
            case OrderStatus::Unpaid: return unpaid;
            default: return unknown;
        }
    }
    bool includes(OrderStatus s) const { return const_cast<StatusPolicy*>(this)->at(s); }
    bool operator==(const StatusPolicy& o) const {
        for (int i = 0; i < kOrderStatuses; ++i)
            if (includes(static_cast<OrderStatus>(i)) != o.includes(static_cast<OrderStatus>(i))) return false;
        return true;
    }
    bool operator!=(const StatusPolicy& o) const { return !(*this == o); }

    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(completed), CEREAL_NVP(paid), CEREAL_NVP(partial_refund), CEREAL_NVP(refunding),
           CEREAL_NVP(refunded), CEREAL_NVP(closed), CEREAL_NVP(unpaid), CEREAL_NVP(unknown));
    }
};

}  // namespace yt
