// frequency_check.hpp — the classic BG/NBD check (Fader, Hardie & Lee 2005, figure 3): how many
// customers made 0, 1, 2, ... repeat purchases in the calibration period, against how many the
// fitted model predicts for the same customers.
//
//   FrequencyCheck c = bgnbd_frequency_check(fit.params, inputs);   // bins 0..6 and "7+"
//   c.actual[k], c.expected[k]
//
// The prediction sums, over the included customers, P(X(T_i) = x) of FHL eq. 8 at each
// customer's own observation length T_i (customers are grouped by T in whole days, so a million
// customers cost a few thousand evaluations). Purchases are repeat purchase DAYS, as in the fit.
#pragma once
#include <vector>

#include "core/tiering/bgnbd.hpp"
#include "core/tiering/clv_inputs.hpp"

namespace yt {

// P(X(t) = x) for a new customer observed for t time units (FHL 2005 eq. 8); 0 for x < 0.
double bgnbd_prob_purchases(const BgNbdParams& p, double t, int x);

struct FrequencyCheck {
    int max_x = 7;                 // the last bin counts max_x or more
    std::vector<double> actual;    // max_x + 1 entries: customers with x = 0, 1, ..., max_x+
    std::vector<double> expected;  // the model's prediction for the same bins
    double customers = 0;          // included customers (= the sum of either row)
};

// max_x >= 1. Customers with included[i] == 0 are left out.
FrequencyCheck bgnbd_frequency_check(const BgNbdParams& p, const ClvInputs& in, int max_x = 7);

}  // namespace yt
