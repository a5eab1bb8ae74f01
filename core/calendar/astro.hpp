// astro.hpp — the two astronomical quantities the Chinese calendar needs: instants of new moon
// and instants when the sun reaches a given apparent ecliptic longitude (solar terms).
//
// Hand-written because the only allowed dependencies are Debian packages that also build for
// wasm, and none provides lunar/solar ephemerides. Methods (J. Meeus, Astronomical Algorithms,
// 2nd ed.): true new moon = mean new moon + periodic and planetary corrections (ch. 49, error
// well under a minute for 1950–2100); sun = truncated VSOP87 (appendix III, about 1") + FK5
// correction + nutation in longitude + aberration (ch. 25, 22); ΔT from observations and a
// tidal extrapolation. Times are Julian Ephemeris Days (TT); beijing_day() turns one into a civil day in
// UTC+8, the time zone the Chinese calendar has used since 1929.
#pragma once
#include "core/model/dates.hpp"

namespace yt::astro {

// ΔT = TT − UT in seconds for a decimal year: observed values to 2025, then an extrapolation.
double delta_t_seconds(double year);

// The sun's apparent geocentric longitude in degrees [0, 360) at `jde` (TT).
double sun_apparent_longitude(double jde);

// Instant (JDE, TT) of true new moon number k; k = 0 is the new moon of 2000-01-06.
double new_moon_jde(int k);
// The lunation number k of the latest new moon at or before `jde` (approximately; callers
// check the neighbours).
int lunation_before(double jde);

// Instant (JDE) when the sun's apparent longitude equals `degrees` (multiple of 15 for the
// solar terms), within the Gregorian year `year` (小寒 285° … 冬至 270°).
double solar_term_jde(int year, double degrees);

// Civil day in UTC+8 of an instant given in TT.
Day beijing_day(double jde);

}  // namespace yt::astro
