// astro.cpp — new moons (Meeus ch. 49) and the sun's apparent longitude (truncated VSOP87,
// Meeus appendix III) for the Chinese calendar. See astro.hpp for why this is hand-written.
#include "core/calendar/astro.hpp"

#include <cmath>

namespace yt::astro {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;
constexpr double kJ2000 = 2451545.0;

struct Term {
    double a, b, c;  // a * cos(b + c * tau)
};

// Earth's heliocentric longitude L0..L5 (units of 1e-8 rad) and radius R0..R4 (1e-8 AU).
const Term kL0[] = {
    {175347046.0, 0, 0}, {3341656.0, 4.6692568, 6283.07585}, {34894.0, 4.6261, 12566.1517},
    {3497.0, 2.7441, 5753.3849}, {3418.0, 2.8289, 3.5231}, {3136.0, 3.6277, 77713.7715},
    {2676.0, 4.4181, 7860.4194}, {2343.0, 6.1352, 3930.2097}, {1324.0, 0.7425, 11506.7698},
    {1273.0, 2.0371, 529.691}, {1199.0, 1.1096, 1577.3435}, {990.0, 5.233, 5884.927},
    {902.0, 2.045, 26.298}, {857.0, 3.508, 398.149}, {780.0, 1.179, 5223.694},
    {753.0, 2.533, 5507.553}, {505.0, 4.583, 18849.228}, {492.0, 4.205, 775.523},
    {357.0, 2.92, 0.067}, {317.0, 5.849, 11790.629}, {284.0, 1.899, 796.298},
    {271.0, 0.315, 10977.079}, {243.0, 0.345, 5486.778}, {206.0, 4.806, 2544.314},
    {205.0, 1.869, 5573.143}, {202.0, 2.458, 6069.777}, {156.0, 0.833, 213.299},
    {132.0, 3.411, 2942.463}, {126.0, 1.083, 20.775}, {115.0, 0.645, 0.98},
    {103.0, 0.636, 4694.003}, {102.0, 0.976, 15720.839}, {102.0, 4.267, 7.114},
    {99.0, 6.21, 2146.17}, {98.0, 0.68, 155.42}, {86.0, 5.98, 161000.69},
    {85.0, 1.3, 6275.96}, {85.0, 3.67, 71430.7}, {80.0, 1.81, 17260.15},
    {79.0, 3.04, 12036.46}, {75.0, 1.76, 5088.63}, {74.0, 3.5, 3154.69},
    {74.0, 4.68, 801.82}, {70.0, 0.83, 9437.76}, {62.0, 3.98, 8827.39},
    {61.0, 1.82, 7084.9}, {57.0, 2.78, 6286.6}, {56.0, 4.39, 14143.5},
    {56.0, 3.47, 6279.55}, {52.0, 0.19, 12139.55}, {52.0, 1.33, 1748.02},
    {51.0, 0.28, 5856.48}, {49.0, 0.49, 1194.45}, {41.0, 5.37, 8429.24},
    {41.0, 2.4, 19651.05}, {39.0, 6.17, 10447.39}, {37.0, 6.04, 10213.29},
    {37.0, 2.57, 1059.38}, {36.0, 1.71, 2352.87}, {36.0, 1.78, 6812.77},
    {33.0, 0.59, 17789.85}, {30.0, 0.44, 83996.85}, {30.0, 2.74, 1349.87},
    {25.0, 3.16, 4690.48},
};
const Term kL1[] = {
    {628331966747.0, 0, 0}, {206059.0, 2.678235, 6283.07585}, {4303.0, 2.6351, 12566.1517},
    {425.0, 1.59, 3.523}, {119.0, 5.796, 26.298}, {109.0, 2.966, 1577.344},
    {93.0, 2.59, 18849.23}, {72.0, 1.14, 529.69}, {68.0, 1.87, 398.15},
    {67.0, 4.41, 5507.55}, {59.0, 2.89, 5223.69}, {56.0, 2.17, 155.42},
    {45.0, 0.4, 796.3}, {36.0, 0.47, 775.52}, {29.0, 2.65, 7.11},
    {21.0, 5.34, 0.98}, {19.0, 1.85, 5486.78}, {19.0, 4.97, 213.3},
    {17.0, 2.99, 6275.96}, {16.0, 0.03, 2544.31}, {16.0, 1.43, 2146.17},
    {15.0, 1.21, 10977.08}, {12.0, 2.83, 1748.02}, {12.0, 3.26, 5088.63},
    {12.0, 5.27, 1194.45}, {12.0, 2.08, 4694.0}, {11.0, 0.77, 553.57},
    {10.0, 1.3, 6286.6}, {10.0, 4.24, 1349.87}, {9.0, 2.7, 242.73},
    {9.0, 5.64, 951.72}, {8.0, 5.3, 2352.87}, {6.0, 2.65, 9437.76},
    {6.0, 4.67, 4690.48},
};
const Term kL2[] = {
    {52919.0, 0, 0}, {8720.0, 1.0721, 6283.0758}, {309.0, 0.867, 12566.152},
    {27.0, 0.05, 3.52}, {16.0, 5.19, 26.3}, {16.0, 3.68, 155.42},
    {10.0, 0.76, 18849.23}, {9.0, 2.06, 77713.77}, {7.0, 0.83, 775.52},
    {5.0, 4.66, 1577.34}, {4.0, 1.03, 7.11}, {4.0, 3.44, 5573.14},
    {3.0, 5.14, 796.3}, {3.0, 6.05, 5507.55}, {3.0, 1.19, 242.73},
    {3.0, 6.12, 529.69}, {3.0, 0.31, 398.15}, {3.0, 2.28, 553.57},
    {2.0, 4.38, 5223.69}, {2.0, 3.75, 0.98},
};
const Term kL3[] = {
    {289.0, 5.844, 6283.076}, {35.0, 0, 0}, {17.0, 5.49, 12566.15}, {3.0, 5.2, 155.42},
    {1.0, 4.72, 3.52}, {1.0, 5.3, 18849.23}, {1.0, 5.97, 242.73},
};
const Term kL4[] = {{114.0, 3.142, 0}, {8.0, 4.13, 6283.08}, {1.0, 3.84, 12566.15}};
const Term kL5[] = {{1.0, 3.14, 0}};

const Term kR0[] = {
    {100013989.0, 0, 0}, {1670700.0, 3.0984635, 6283.07585}, {13956.0, 3.05525, 12566.1517},
    {3084.0, 5.1985, 77713.7715}, {1628.0, 1.1739, 5753.3849}, {1576.0, 2.8469, 7860.4194},
    {925.0, 5.453, 11506.77}, {542.0, 4.564, 3930.21}, {472.0, 3.661, 5884.927},
    {346.0, 0.964, 5507.553}, {329.0, 5.9, 5223.694}, {307.0, 0.299, 5573.143},
    {243.0, 4.273, 11790.629}, {212.0, 5.847, 1577.344}, {186.0, 5.022, 10977.079},
    {175.0, 3.012, 18849.228}, {110.0, 5.055, 5486.778}, {98.0, 0.89, 6069.78},
    {86.0, 5.69, 15720.84}, {86.0, 1.27, 161000.69}, {65.0, 0.27, 17260.15},
    {63.0, 0.92, 529.69}, {57.0, 2.01, 83996.85}, {56.0, 5.24, 71430.7},
    {49.0, 3.25, 2544.31}, {47.0, 2.58, 775.52}, {45.0, 5.54, 9437.76},
    {43.0, 6.01, 6275.96}, {39.0, 5.36, 4694.0}, {38.0, 2.39, 8827.39},
    {37.0, 0.83, 19651.05}, {37.0, 4.9, 12139.55}, {36.0, 1.67, 12036.46},
    {35.0, 1.84, 2942.46}, {33.0, 0.24, 7084.9}, {32.0, 0.18, 5088.63},
    {32.0, 1.78, 398.15}, {28.0, 1.21, 6286.6}, {28.0, 1.9, 6279.55},
    {26.0, 4.59, 10447.39},
};
const Term kR1[] = {
    {103019.0, 1.10749, 6283.07585}, {1721.0, 1.0644, 12566.1517}, {702.0, 3.142, 0},
    {32.0, 1.02, 18849.23}, {31.0, 2.84, 5507.55}, {25.0, 1.32, 5223.69},
    {18.0, 1.42, 1577.34}, {10.0, 5.91, 10977.08}, {9.0, 1.42, 6275.96},
    {9.0, 0.27, 5486.78},
};
const Term kR2[] = {
    {4359.0, 5.7846, 6283.0758}, {124.0, 5.579, 12566.152}, {12.0, 3.14, 0},
    {9.0, 3.63, 77713.77}, {6.0, 1.87, 5573.14}, {3.0, 5.47, 18849.23},
};
const Term kR3[] = {{145.0, 4.273, 6283.076}, {7.0, 3.92, 12566.15}};
const Term kR4[] = {{4.0, 2.56, 6283.08}};

// Planetary arguments of the new-moon time (Meeus ch. 49, "additional corrections"):
// coef * sin(a0 + ak * k), the first also with -0.009173 T².
struct Planetary {
    double a0, ak, coef;
};
const Planetary kA[] = {
    {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
    {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
    {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
    {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
    {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023},
};

template <std::size_t N>
double series(const Term (&t)[N], double tau) {
    double s = 0;
    for (const Term& x : t) s += x.a * std::cos(x.b + x.c * tau);
    return s;
}

double norm360(double d) {
    d = std::fmod(d, 360.0);
    return d < 0 ? d + 360.0 : d;
}

double sin_deg(double d) { return std::sin(d * kDeg); }

}  // namespace

double delta_t_seconds(double y) {
    // Observed ΔT (IERS/USNO, start of each 5th year), interpolated linearly (error < 1 s).
    constexpr double kFirst = 1950, kStep = 5;
    constexpr double kObserved[] = {29.15, 31.07, 33.15, 35.73, 40.18, 45.48, 50.54, 54.34,
                                           56.86, 60.78, 63.83, 64.69, 66.07, 67.64, 69.36, 69.20};
    constexpr int n = sizeof kObserved / sizeof kObserved[0];
    const double last = kFirst + kStep * (n - 1);  // 2025
    if (y < kFirst) {  // Espenak–Meeus polynomial for 1941–1961 (only days just before 1950 use it)
        double t = y - 1950;
        return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
    }
    if (y < last) {
        const double x = (y - kFirst) / kStep;
        const int i = static_cast<int>(x);
        return kObserved[i] + (x - i) * (kObserved[i + 1] - kObserved[i]);
    }
    // Future: today's rate (about 0.1 s/yr) plus the long-term tidal parabola (32.5 s/cy²,
    // Stephenson, Morrison & Hohenkerk 2016). The Espenak–Meeus 2005 polynomials overshoot the
    // observed 2020s values by 5 s and more; predictions differ by tens of seconds by 2100.
    const double t = y - last;
    return kObserved[n - 1] + 0.1 * t + 0.00325 * t * t;
}

double sun_apparent_longitude(double jde) {
    const double tau = (jde - kJ2000) / 365250.0;
    const double L = (series(kL0, tau) +
                      tau * (series(kL1, tau) +
                             tau * (series(kL2, tau) +
                                    tau * (series(kL3, tau) + tau * (series(kL4, tau) + tau * series(kL5, tau)))))) /
                     1e8;
    const double R = (series(kR0, tau) +
                      tau * (series(kR1, tau) +
                             tau * (series(kR2, tau) + tau * (series(kR3, tau) + tau * series(kR4, tau))))) /
                     1e8;
    const double T = tau * 10;  // Julian centuries
    double theta = L / kDeg + 180.0;  // geometric geocentric longitude, VSOP87 frame
    theta += -0.09033 / 3600.0;       // to FK5 (Meeus 25.9)
    // Nutation in longitude, to about 0.5" (Meeus ch. 22, short form).
    const double omega = 125.04452 - 1934.136261 * T;
    const double Ls = 280.4665 + 36000.7698 * T;
    const double Lm = 218.3165 + 481267.8813 * T;
    const double dpsi =
        (-17.20 * sin_deg(omega) - 1.32 * sin_deg(2 * Ls) - 0.23 * sin_deg(2 * Lm) + 0.21 * sin_deg(2 * omega)) / 3600.0;
    const double aberration = -20.4898 / 3600.0 / R;
    return norm360(theta + dpsi + aberration);
}

double new_moon_jde(int k_int) {
    const double k = k_int;
    const double T = k / 1236.85;
    const double T2 = T * T, T3 = T2 * T, T4 = T3 * T;
    double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.000000150 * T3 + 0.00000000073 * T4;
    const double E = 1 - 0.002516 * T - 0.0000074 * T2;
    const double M = 2.5534 + 29.10535670 * k - 0.0000014 * T2 - 0.00000011 * T3;
    const double Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
    const double F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
    const double Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;
    jde += -0.40720 * sin_deg(Mp) + 0.17241 * E * sin_deg(M) + 0.01608 * sin_deg(2 * Mp) + 0.01039 * sin_deg(2 * F) +
           0.00739 * E * sin_deg(Mp - M) - 0.00514 * E * sin_deg(Mp + M) + 0.00208 * E * E * sin_deg(2 * M) -
           0.00111 * sin_deg(Mp - 2 * F) - 0.00057 * sin_deg(Mp + 2 * F) + 0.00056 * E * sin_deg(2 * Mp + M) -
           0.00042 * sin_deg(3 * Mp) + 0.00042 * E * sin_deg(M + 2 * F) + 0.00038 * E * sin_deg(M - 2 * F) -
           0.00024 * E * sin_deg(2 * Mp - M) - 0.00017 * sin_deg(Om) - 0.00007 * sin_deg(Mp + 2 * M) +
           0.00004 * sin_deg(2 * Mp - 2 * F) + 0.00004 * sin_deg(3 * M) + 0.00003 * sin_deg(Mp + M - 2 * F) +
           0.00003 * sin_deg(2 * Mp + 2 * F) - 0.00003 * sin_deg(Mp + M + 2 * F) + 0.00003 * sin_deg(Mp - M + 2 * F) -
           0.00002 * sin_deg(Mp - M - 2 * F) - 0.00002 * sin_deg(3 * Mp + M) + 0.00002 * sin_deg(4 * Mp);
    for (int i = 0; i < 14; ++i) {
        double arg = kA[i].a0 + kA[i].ak * k;
        if (i == 0) arg -= 0.009173 * T2;
        jde += kA[i].coef * sin_deg(arg);
    }
    return jde;
}

int lunation_before(double jde) {
    return static_cast<int>(std::floor((jde - 2451550.09766) / 29.530588861));
}

double solar_term_jde(int year, double degrees) {
    // Mean March equinox of `year` (Meeus table 27.B), then the mean motion to the target.
    const double y = (year - 2000) / 1000.0;
    const double equinox = 2451623.80984 + 365242.37404 * y + 0.05169 * y * y;
    double offset = degrees / 360.0 * 365.2422;
    if (degrees >= 285.0) offset -= 365.2422;  // 小寒 … 惊蛰 fall before the March equinox
    double jde = equinox + offset;
    for (int i = 0; i < 20; ++i) {
        double diff = degrees - sun_apparent_longitude(jde);
        diff -= 360.0 * std::floor(diff / 360.0 + 0.5);  // to (-180, 180]
        const double step = diff * 365.2422 / 360.0;
        jde += step;
        if (std::fabs(step) < 1e-7) break;
    }
    return jde;
}

Day beijing_day(double jde) {
    const double year = 2000.0 + (jde - kJ2000) / 365.25;
    const double jd_local = jde - delta_t_seconds(year) / 86400.0 + 8.0 / 24.0;
    return static_cast<Day>(std::floor(jd_local + 0.5)) - 2440588;
}

}  // namespace yt::astro
