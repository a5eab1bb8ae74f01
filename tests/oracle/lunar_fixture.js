// lunar_fixture.js — prints the lunar-festival and 清明 dates for 1950–2100 from an independent
// implementation (npm lunar-javascript, MIT, by 6tail; its own 寿星 astronomical code), as CSV:
//   year,festival,date
// Festivals of "season year" Y: spring_festival = lunar Y/1/1, lantern Y/1/15, dragon_boat Y/5/5,
// qixi Y/7/7, mid_autumn Y/8/15, double_ninth Y/9/9; laba, xiaonian and new_year_eve belong to the
// 春节 of Y (lunar (Y-1)/12/8, (Y-1)/12/23 and the day before Y/1/1); qingming = the solar term in Y.
// With the argument "leap" it prints the leap months instead: year,leap_month,start (the first
// day of the lunar year's leap month; years without one are left out).
// Run through make_lunar_fixture.sh, which installs the package in a temporary folder.
'use strict';
const { Lunar, LunarYear } = require('lunar-javascript');

if (process.argv[2] === 'leap') {
  const rows = ['year,leap_month,start'];
  for (let y = 1950; y <= 2100; ++y) {
    const leap = LunarYear.fromYear(y).getLeapMonth();
    if (leap) rows.push(`${y},${leap},${Lunar.fromYmd(y, -leap, 1).getSolar().toYmd()}`);
  }
  process.stdout.write(rows.join('\n') + '\n');
  process.exit(0);
}

function ymd(s) { return s.toYmd(); }
const rows = ['year,festival,date'];
for (let y = 1950; y <= 2100; ++y) {
  const ny = Lunar.fromYmd(y, 1, 1).getSolar();
  rows.push(`${y},spring_festival,${ymd(ny)}`);
  rows.push(`${y},lantern,${ymd(Lunar.fromYmd(y, 1, 15).getSolar())}`);
  rows.push(`${y},dragon_boat,${ymd(Lunar.fromYmd(y, 5, 5).getSolar())}`);
  rows.push(`${y},qixi,${ymd(Lunar.fromYmd(y, 7, 7).getSolar())}`);
  rows.push(`${y},mid_autumn,${ymd(Lunar.fromYmd(y, 8, 15).getSolar())}`);
  rows.push(`${y},double_ninth,${ymd(Lunar.fromYmd(y, 9, 9).getSolar())}`);
  rows.push(`${y},laba,${ymd(Lunar.fromYmd(y - 1, 12, 8).getSolar())}`);
  rows.push(`${y},xiaonian,${ymd(Lunar.fromYmd(y - 1, 12, 23).getSolar())}`);
  rows.push(`${y},new_year_eve,${ymd(ny.next(-1))}`);
  // 清明 of Gregorian year y: the jieqi table of a lunar date in mid-year holds this year's terms.
  const table = Lunar.fromYmd(y, 6, 1).getJieQiTable();
  rows.push(`${y},qingming,${ymd(table['清明'])}`);
}
process.stdout.write(rows.join('\n') + '\n');
