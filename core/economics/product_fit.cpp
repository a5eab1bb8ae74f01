// product_fit.cpp — the product-fit score, verdict and reasons (rules in product_fit.hpp).
#include "core/economics/product_fit.hpp"

#include <algorithm>
#include <cmath>

#include "core/economics/validate.hpp"

namespace yt {

namespace {

double unit(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }
double linear(double v, double lo, double hi) { return unit((v - lo) / (hi - lo)); }
double logscale(double v, double lo, double hi) {
    if (!(v > lo)) return 0.0;
    return unit(std::log(v / lo) / std::log(hi / lo));
}

}  // namespace

ProductFit assess_fit(const ProductProfile& p) {
    ProductFit f;
    const double yearly_profit = p.purchases_per_year * p.price * p.margin;
    f.frequency = logscale(p.purchases_per_year, 0.5, 6);
    f.repeat = linear(p.repurchase_rate, 0, 0.5);
    f.value = logscale(yearly_profit, 30, 300);
    f.audience = unit(p.audience_breadth);
    f.margin = linear(p.margin, 0.1, 0.5);
    f.score = 100.0 * (0.30 * f.frequency + 0.25 * f.repeat + 0.20 * f.value + 0.15 * f.audience + 0.10 * f.margin);

    std::vector<FitReason> good, bad;
    auto add = [&](bool positive, const char* key, std::vector<std::string> args) {
        (positive ? good : bad).push_back({key, positive, std::move(args)});
    };
    const std::string per_year = econ_number(p.purchases_per_year);
    if (f.frequency >= 0.6) add(true, "economics.fit.high_frequency", {per_year});
    else if (f.frequency < 0.3) add(false, "economics.fit.low_frequency", {per_year});
    const std::string repurchase = econ_number(p.repurchase_rate * 100) + "%";
    if (f.repeat >= 0.6) add(true, "economics.fit.strong_repeat", {repurchase});
    else if (f.repeat < 0.4) add(false, "economics.fit.weak_repeat", {repurchase});
    const std::string profit = econ_number(std::round(yearly_profit));
    if (f.value >= 0.6) add(true, "economics.fit.high_value", {profit});
    else if (f.value < 0.3) add(false, "economics.fit.low_value", {profit});
    const std::string breadth = econ_number(p.audience_breadth * 100) + "%";
    if (f.audience >= 0.6) add(true, "economics.fit.broad_audience", {breadth});
    else if (f.audience < 0.3) add(false, "economics.fit.narrow_audience", {breadth});
    const std::string margin = econ_number(p.margin * 100) + "%";
    if (f.margin >= 0.6) add(true, "economics.fit.good_margin", {margin});
    else if (f.margin < 0.3) add(false, "economics.fit.thin_margin", {margin});

    const bool rare = p.purchases_per_year < 1.0 && p.repurchase_rate < 0.2;
    if (rare) {
        const bool brand = p.price >= 1000 || p.audience_breadth >= 0.5;
        f.verdict = brand ? "brand_only" : "poor";
        add(false, brand ? "economics.fit.rare_brand_channel" : "economics.fit.rare_purchase", {per_year});
    } else if (f.score >= 65) {
        f.verdict = "good";
    } else if (f.score >= 40) {
        f.verdict = "conditional";
    } else {
        f.verdict = "poor";
    }
    f.reasons = std::move(good);
    f.reasons.insert(f.reasons.end(), bad.begin(), bad.end());
    return f;
}

std::string plan_verdict(const FunnelSummary& s, const ProductFit& fit) {
    const bool pays = s.payback_month.has_value() && s.roi.value_or(-1) > 0;
    if (pays && s.ltv_cac.value_or(0) >= 3) return "good";
    if (pays) return "conditional";
    return fit.verdict == "brand_only" ? "brand_only" : "poor";
}

ProductProfile priced_by(ProductProfile p, const Assumptions& a) {
    p.price = a.aov;
    p.margin = a.gross_margin;
    return p;
}

}  // namespace yt
