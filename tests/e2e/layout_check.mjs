// layout_check.mjs — the layout oracle shared by the desktop and phone layout tests: named
// widgets whose text is cut, and pairs of named widgets whose visible parts overlap (a widget
// wholly inside another, such as an item in its calendar day, is nesting, not overlap).

const AREA = 2;  // px², rounding noise

function inside(a, b) {  // a within b
  return a[0] >= b[0] - 0.5 && a[1] >= b[1] - 0.5 && a[0] + a[2] <= b[0] + b[2] + 0.5 && a[1] + a[3] <= b[1] + b[3] + 0.5;
}

export function overlaps(visible) {
  const names = Object.keys(visible).sort();
  const out = [];
  for (let i = 0; i < names.length; i++) {
    const a = visible[names[i]];
    for (let j = i + 1; j < names.length; j++) {
      const b = visible[names[j]];
      const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
      const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
      if (w <= 0 || h <= 0 || w * h <= AREA) continue;
      if (inside(a, b) || inside(b, a)) continue;
      out.push([names[i], names[j]]);
    }
  }
  return out;
}

// Problems in one state() of the app, as readable lines.
export function layoutProblems(s, where) {
  const out = s.layout.cut.map((w) => `${where}: text of ${w} is cut`);
  for (const [a, b] of overlaps(s.layout.visible)) out.push(`${where}: ${a} overlaps ${b}`);
  return out;
}
