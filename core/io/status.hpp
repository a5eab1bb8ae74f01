// status.hpp — reading an order-status cell (订单状态 交易成功, 交易关闭, 退款成功, "completed",
// ...) into an OrderStatus class (core/model/order_status.hpp).
#pragma once
#include <string_view>

#include "core/model/order_status.hpp"

namespace yt::io {

// Exact values of Taobao/Tmall, JD, Pinduoduo, Douyin and WeChat shop exports and their English
// equivalents first, then words inside the value (部分退款, 退款成功, 关闭, 取消, 待付款, 成功,
// 发货 ...). A blank or unrecognised value is Unknown.
OrderStatus classify_status(std::string_view cell);

}  // namespace yt::io
