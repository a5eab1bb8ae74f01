// simulate.hpp — synthetic data from the BG/NBD + Gamma-Gamma processes, for tests, demos and
// benchmarks.
//
// simulate_bgnbd() draws per-customer summaries (x, t_x, T, mean repeat spend) in continuous time
// for parameter-recovery tests. generate_orders() draws whole order histories (dates and
// amounts) for N customers and write_orders_csv() writes them as "customer_id,order_date,amount".
// Randomness: std::mt19937_64 seeded by the caller. The std:: distributions differ between
// libstdc++ and libc++, so the exact draws differ between the native and the wasm build — tests
// must check statistical properties (recovered parameters), never exact values.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/orders.hpp"
#include "core/tiering/bgnbd.hpp"
#include "core/tiering/gamma_gamma.hpp"

namespace yt {

struct SimSummary {
    std::vector<std::int32_t> x;        // repeat purchases
    std::vector<double> t_x, T;         // time units
    std::vector<double> mean_spend;     // mean repeat spend (0 when x = 0 or no spend model)
};

// One customer per entry of T (observation length since the first purchase).
SimSummary simulate_bgnbd(const BgNbdParams& p, const std::vector<double>& T, std::uint64_t seed,
                          const GgParams* spend = nullptr);

struct GenOptions {
    std::uint32_t customers = 10000;
    std::uint64_t seed = 1;
    Day start = 19723;                   // 2024-01-01
    int acquisition_days = 84;           // first purchases spread uniformly over 12 weeks
    int span_days = 546;                 // history length (78 weeks)
    // Defaults: CDNOW-like parameters with α in days (4.41 weeks · 7), about 2.8 orders per customer.
    BgNbdParams bg{0.243, 30.9, 0.793, 2.426};
    GgParams gg{6.25, 3.74, 15.44};
    double refund_rate = 0.01;           // chance that a purchase is followed by a partial refund row
};

// Rows come out in date order (like a typical export); customer ids are "C0000001", ....
OrderTable generate_orders(const GenOptions& opt);

// "customer_id,order_date,amount\n" and one line per row (dates YYYY-MM-DD, amounts with 2
// decimals). `sink` receives chunks of about chunk_bytes.
void write_orders_csv(const OrderTable& t, const std::function<void(std::string_view)>& sink,
                      std::size_t chunk_bytes = 1 << 20);
std::string orders_csv(const OrderTable& t);

}  // namespace yt
