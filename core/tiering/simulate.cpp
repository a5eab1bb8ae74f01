// simulate.cpp — BG/NBD + Gamma-Gamma draws and the synthetic order-history generator.
#include "core/tiering/simulate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace yt {

namespace {

double draw_beta(std::mt19937_64& rng, double a, double b) {
    std::gamma_distribution<double> ga(a, 1.0), gb(b, 1.0);
    const double x = ga(rng), y = gb(rng);
    return x + y > 0 ? x / (x + y) : 0.5;
}

// One customer's life in continuous time over (0, T]: purchase times after the first purchase.
void draw_life(std::mt19937_64& rng, const BgNbdParams& p, double T, std::vector<double>& times) {
    times.clear();
    std::gamma_distribution<double> lam_d(p.r, 1 / p.alpha);
    const double lambda = lam_d(rng);
    const double drop = draw_beta(rng, p.a, p.b);
    if (!(lambda > 0)) return;
    std::exponential_distribution<double> gap(lambda);
    std::uniform_real_distribution<double> u(0, 1);
    double t = 0;
    for (;;) {
        t += gap(rng);
        if (t > T) break;
        times.push_back(t);
        if (u(rng) < drop) break;  // drops out right after this purchase
    }
}

}  // namespace

SimSummary simulate_bgnbd(const BgNbdParams& p, const std::vector<double>& T, std::uint64_t seed,
                          const GgParams* spend) {
    std::mt19937_64 rng(seed);
    SimSummary s;
    const std::size_t n = T.size();
    s.x.resize(n);
    s.t_x.resize(n);
    s.T = T;
    s.mean_spend.assign(n, 0.0);
    std::vector<double> times;
    for (std::size_t i = 0; i < n; ++i) {
        draw_life(rng, p, T[i], times);
        s.x[i] = static_cast<std::int32_t>(times.size());
        s.t_x[i] = times.empty() ? 0 : times.back();
        if (spend && !times.empty()) {
            std::gamma_distribution<double> nu_d(spend->q, 1 / spend->v);
            const double nu = nu_d(rng);
            std::gamma_distribution<double> z(spend->p, 1 / nu);
            double sum = 0;
            for (std::size_t k = 0; k < times.size(); ++k) sum += z(rng);
            s.mean_spend[i] = sum / static_cast<double>(times.size());
        }
    }
    return s;
}

OrderTable generate_orders(const GenOptions& opt) {
    std::mt19937_64 rng(opt.seed);
    std::uniform_int_distribution<int> first_day(0, std::max(0, opt.acquisition_days - 1));
    std::uniform_real_distribution<double> u(0, 1);
    std::gamma_distribution<double> nu_d(opt.gg.q, 1 / opt.gg.v);
    std::vector<std::uint32_t> cust;
    std::vector<Day> days;
    std::vector<std::int64_t> cents;
    cust.reserve(opt.customers * 3ull);
    days.reserve(opt.customers * 3ull);
    cents.reserve(opt.customers * 3ull);
    std::vector<double> times;
    const Day end = opt.start + opt.span_days - 1;
    for (std::uint32_t c = 0; c < opt.customers; ++c) {
        const Day d0 = opt.start + first_day(rng);
        const double T = static_cast<double>(end - d0) + 0.999;  // through the end of the last day
        draw_life(rng, opt.bg, T, times);
        const double nu = std::max(nu_d(rng), 1e-12);
        std::gamma_distribution<double> z(opt.gg.p, 1 / nu);
        auto add = [&](Day d) {
            const std::int64_t v = std::max<std::int64_t>(1, std::llround(z(rng) * 100));
            cust.push_back(c);
            days.push_back(d);
            cents.push_back(v);
            if (opt.refund_rate > 0 && u(rng) < opt.refund_rate) {
                cust.push_back(c);
                days.push_back(std::min<Day>(end, d + 1 + static_cast<Day>(u(rng) * 14)));
                cents.push_back(-std::max<std::int64_t>(1, v / 2));
            }
        };
        add(d0);
        for (double t : times) add(d0 + static_cast<Day>(std::floor(t)));
    }
    // date order, stable (counting sort on the day)
    const std::size_t n = cust.size();
    std::vector<std::uint32_t> start(static_cast<std::size_t>(opt.span_days) + 1, 0);
    for (Day d : days) ++start[static_cast<std::size_t>(d - opt.start) + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    OrderTable t;
    t.customer.resize(n);
    t.day.resize(n);
    t.amount.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t k = start[static_cast<std::size_t>(days[i] - opt.start)]++;
        t.customer[k] = cust[i];
        t.day[k] = days[i];
        t.amount[k] = static_cast<double>(cents[i]) / 100;
    }
    t.customer_ids.reserve(opt.customers);
    char buf[32];
    for (std::uint32_t c = 0; c < opt.customers; ++c) {
        std::snprintf(buf, sizeof buf, "C%07u", static_cast<unsigned>(c + 1));
        t.customer_ids.intern(buf);
    }
    return t;
}

void write_orders_csv(const OrderTable& t, const std::function<void(std::string_view)>& sink, std::size_t chunk_bytes) {
    std::string out;
    out.reserve(chunk_bytes + 256);
    out += "customer_id,order_date,amount\n";
    Day cached_day = 0;
    std::string cached = "";
    char num[32];
    for (std::size_t i = 0; i < t.orders(); ++i) {
        out += t.customer_ids.at(t.customer[i]);
        out += ',';
        if (cached.empty() || t.day[i] != cached_day) {
            cached_day = t.day[i];
            cached = format_day(cached_day);
        }
        out += cached;
        out += ',';
        const std::int64_t c = std::llround(t.amount[i] * 100);
        const std::int64_t a = c < 0 ? -c : c;
        const int len = std::snprintf(num, sizeof num, "%s%lld.%02lld", c < 0 ? "-" : "", static_cast<long long>(a / 100),
                                      static_cast<long long>(a % 100));
        out.append(num, static_cast<std::size_t>(len));
        out += '\n';
        if (out.size() >= chunk_bytes) {
            sink(out);
            out.clear();
        }
    }
    if (!out.empty()) sink(out);
}

std::string orders_csv(const OrderTable& t) {
    std::string s;
    s.reserve(t.orders() * 28 + 64);
    write_orders_csv(t, [&s](std::string_view chunk) { s.append(chunk.data(), chunk.size()); });
    return s;
}

}  // namespace yt
