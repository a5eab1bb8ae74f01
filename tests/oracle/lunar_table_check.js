// lunar_table_check.js — checks a lunar fixture CSV (year,festival,date) against npm
// lunar-calendar 0.1.4 (MIT; a 1891–2100 lookup table, independent of lunar-javascript's
// astronomical code): the fixture's date, converted by the table, must be the festival's lunar
// month/day (not in a leap month). Prints every disagreement and a count; exit status 0.
// Usage: NODE_PATH=… node lunar_table_check.js FIXTURE.csv
'use strict';
const fs = require('fs');
const LC = require('lunar-calendar');

const MD = {
  spring_festival: [0, 1, 1], lantern: [0, 1, 15], dragon_boat: [0, 5, 5], qixi: [0, 7, 7],
  mid_autumn: [0, 8, 15], double_ninth: [0, 9, 9], laba: [-1, 12, 8], xiaonian: [-1, 12, 23],
  new_year_eve: [0, 1, 1],  // checked on the day after
};
const NAMES = ['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'];
const ALT = { '十一月': 11, '十二月': 12, '冬月': 11, '腊月': 12 };
function monthOf(name) {
  if (name.startsWith('闰')) return -1;
  const i = NAMES.indexOf(name);
  return i >= 0 ? i + 1 : (ALT[name] || 0);
}

let compared = 0, mismatched = 0;
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line || line.startsWith('#') || line.startsWith('year,')) continue;
  const [ys, fest, date] = line.split(',');
  if (!MD[fest]) continue;
  const [off, m, d] = MD[fest];
  const t = new Date(date + 'T00:00:00Z');
  if (fest === 'new_year_eve') t.setUTCDate(t.getUTCDate() + 1);
  const r = LC.solarToLunar(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  ++compared;
  const ok = r.lunarYear === Number(ys) + off && monthOf(r.lunarMonthName) === m && r.lunarDay === d;
  if (!ok) {
    ++mismatched;
    console.log(`mismatch ${ys} ${fest}: fixture ${date} is ${r.lunarYear} ${r.lunarMonthName}${r.lunarDayName} in lunar-calendar`);
  }
}
console.log(`lunar-calendar table cross-check: ${compared} rows compared, ${mismatched} mismatches`);
