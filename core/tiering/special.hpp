// special.hpp — the special functions the CLV models need: digamma, trigamma and Gauss's 2F1.
//
// Hand-written because the core may only use Debian packages that also build for wasm, and none
// ships these (Boost.Math would, but is not an allowed dependency). std::lgamma is used as is.
#pragma once

namespace yt {

// ψ(x) for x > 0 (NaN otherwise): recurrence up to x >= 6, then the asymptotic series
// (absolute error < 1e-14).
double digamma(double x);

// ψ'(x) (trigamma) for x > 0 (NaN otherwise), same method.
double trigamma(double x);

// ln B(a, b).
double lbeta(double a, double b);

// Gauss hypergeometric 2F1(a, b; c; z) by its power series, for 0 <= z < 1 and c not a
// non-positive integer. Returns NaN when the series does not converge within max_terms.
// Used by tests and by the direct form of the BG/NBD conditional expectation; the production
// path (bgnbd.cpp) uses an Euler-transformed series that stays bounded for any number of
// purchases.
double hyp2f1(double a, double b, double c, double z, int max_terms = 200000);

}  // namespace yt
