// product_fit.hpp — does this product suit a private pool? A score and a verdict with reasons.
//
// High-frequency, repeat-bought, broad-audience products with a decent margin suit a private
// pool (lipstick, tea, snacks, pet food); rarely bought durables (a television) do not, or only
// as a brand and service channel. The score is a weighted sum of five 0..1 part-scores:
//   frequency   30%  purchases_per_year on a log scale, 0.5/yr -> 0, 6/yr -> 1
//   repeat      25%  repurchase_rate, 0 -> 0, 0.5 -> 1
//   value       20%  yearly gross profit per buyer (purchases x price x margin) on a log scale,
//                    30 yuan -> 0, 300 yuan -> 1 (pays for the operator's attention)
//   audience    15%  audience_breadth as given (0..1)
//   margin      10%  margin, 0.1 -> 0, 0.5 -> 1 (room for perks and coupons)
// Verdict: "brand_only" for rare purchases (< 1 per year and repurchase < 0.2) of expensive or
// broadly bought goods (price >= 1000 or audience >= 0.5), "poor" for other rare purchases;
// otherwise by score: >= 65 "good", >= 40 "conditional", else "poor".
// The cut-offs are the model's judgement (no published source), kept here in one place.
#pragma once
#include <string>
#include <vector>

#include "core/economics/economics_model.hpp"
#include "core/economics/funnel.hpp"

namespace yt {

struct FitReason {
    std::string key;  // i18n key, e.g. "economics.fit.high_frequency"
    bool positive = false;
    std::vector<std::string> args;
};

struct ProductFit {
    double score = 0;         // 0..100
    std::string verdict;      // "good", "conditional", "poor", "brand_only"
    std::vector<FitReason> reasons;  // strengths first, then weaknesses
    double frequency = 0, repeat = 0, value = 0, audience = 0, margin = 0;  // part-scores 0..1
};

// The profile should be valid (validate(const ProductProfile&)); out-of-range values are clamped.
ProductFit assess_fit(const ProductProfile& p);

// The one verdict for a product and its plan, from the plan's own numbers: "good" when it pays
// back within the horizon with a positive ROI and LTV:CAC of at least 3, "conditional" when it
// pays back with a positive ROI, otherwise "poor" — or "brand_only" when the profile alone says
// the goods are bought too rarely for anything but a brand and service channel. The score and
// the part-scores of assess_fit() stay as the reasons; they never overrule the money.
std::string plan_verdict(const FunnelSummary& s, const ProductFit& fit);

// The profile as the active scenario prices it: price = the scenario's order value, margin = its
// gross margin (one price and one margin on the Funnel ROI tab).
ProductProfile priced_by(ProductProfile p, const Assumptions& a);

}  // namespace yt
