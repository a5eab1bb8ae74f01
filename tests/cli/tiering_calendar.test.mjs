// tiering_calendar.test.mjs — `yutang clv`, `tier`, `festivals` and `calendar` on real data (CDNOW)
// and the demo; the .ics export is read back by an independent parser (python3-icalendar).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { run, tmpdir, DATA, ROOT } from "./common.mjs";

const CDNOW = path.join(DATA, "cdnow", "CDNOW_sample.txt");
const COLS = "customer=2,date=3,amount=5";

test("clv on the CDNOW sample: the contract's JSON and a per-customer CSV", () => {
  const dir = tmpdir();
  const out = path.join(dir, "clv.csv");
  const r = run(["clv", CDNOW, "--columns", COLS, "--calibration-end", "1997-09-30", "--unit", "week", "--json", "--out", out]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.customers, 2357);
  for (const k of ["r", "alpha", "a", "b", "loglik"]) assert.ok(Number.isFinite(j.bgnbd[k]), `bgnbd.${k}`);
  for (const k of ["p", "q", "v"]) assert.ok(Number.isFinite(j.gamma_gamma[k]), `gamma_gamma.${k}`);
  assert.ok(j.bgnbd.r > 0 && j.bgnbd.alpha > 0 && j.bgnbd.a > 0 && j.bgnbd.b > 0);
  assert.ok(j.bgnbd.loglik < 0);
  const lines = fs.readFileSync(out, "utf8").trim().split(/\r?\n/);
  assert.equal(lines[0].replace(/^\uFEFF/, ""), "customer,x,t_x,T,p_alive,expected_purchases,expected_avg_value,clv");
  assert.equal(lines.length - 1, 2357);
  for (const line of lines.slice(1, 50)) {
    const v = line.split(",");
    const pAlive = Number(v[4]);
    assert.ok(pAlive >= 0 && pAlive <= 1, `p_alive in [0,1]: ${line}`);
    assert.ok(Number(v[7]) >= 0);
  }
});

test("clv and tier: bad input exits 2 with the error on stderr", () => {
  const dir = tmpdir();
  const bad = path.join(dir, "bad.csv");
  fs.writeFileSync(bad, "");
  for (const cmd of ["clv", "tier"]) {
    const r = run(["--lang", "en", cmd, bad, "--json"]);
    assert.equal(r.code, 2, `${cmd} on an empty file`);
    assert.ok(r.err.length > 0);
    assert.equal(run([cmd, path.join(dir, "missing.csv")]).code, 2);
  }
});

test("tier: segment counts add up to the customers, revenue per segment, thresholds", () => {
  const r = run(["tier", CDNOW, "--columns", COLS, "--json"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.customers, 2357);
  assert.equal(j.segments.length, 8);
  assert.equal(j.segments.reduce((s, x) => s + x.customers, 0), 2357);
  const rev = j.segments.reduce((s, x) => s + x.revenue, 0);
  assert.ok(Math.abs(rev - j.revenue) < 1e-6 * j.revenue);
  assert.ok(j.thresholds && typeof j.thresholds === "object");
  assert.ok(j.segments.some((s) => s.key === "important_value" && s.name_zh === "重要价值客户"));
});

test("tier on a header-mapped Chinese export needs no --columns", () => {
  const r = run(["tier", path.join(ROOT, "assets", "demo", "orders.csv"), "--json"]);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).customers, 1500);
});

test("tier --compare: the from→to segment matrix between an earlier and a later export of the same shop", () => {
  // The CDNOW sample cut at 1997-09-30 is the earlier export; the whole file is the later one.
  const dir = tmpdir();
  const earlier = path.join(dir, "earlier.txt");
  const lines = fs.readFileSync(CDNOW, "utf8").split(/\r?\n/).filter((l) => l.trim());
  const cut = lines.filter((l) => l.trim().split(/\s+/)[2] <= "19970930");
  assert.ok(cut.length > 1000 && cut.length < lines.length);
  fs.writeFileSync(earlier, cut.join("\n") + "\n");
  const r = run(["tier", CDNOW, "--columns", COLS, "--compare", earlier, "--json"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  const m = j.migration;
  assert.equal(m.matrix.length, 8);
  const cells = m.matrix.flat().reduce((a, b) => a + b, 0);
  assert.equal(cells, m.matched);
  assert.equal(m.stayed, m.matrix.reduce((a, row, i) => a + row[i], 0));
  assert.ok(m.stayed < m.matched, "some customers moved between segments as time passed");
  // Every later-segmented customer is either matched or new.
  const later = j.segments.reduce((a, x) => a + x.customers, 0);
  assert.equal(m.matched + m.new, later);
  assert.equal(m.new_in.reduce((a, b) => a + b, 0), m.new);
  // The same file compared with itself: everyone stays.
  const same = JSON.parse(run(["tier", CDNOW, "--columns", COLS, "--compare", CDNOW, "--json"]).out).migration;
  assert.equal(same.stayed, same.matched);
  assert.equal(same.new + same.gone, 0);
  assert.equal(run(["tier", CDNOW, "--columns", COLS, "--compare", path.join(dir, "missing.txt")]).code, 2);
});

test("festivals: lunar festivals on their known dates", () => {
  const r = run(["festivals", "2026", "--json"]);
  assert.equal(r.code, 0, r.err);
  const f = Object.fromEntries(JSON.parse(r.out).map((x) => [x.id, x]));
  assert.equal(f.spring_festival.date, "2026-02-17");
  assert.equal(f.mid_autumn.date, "2026-09-25");
  assert.equal(f.dragon_boat.date, "2026-06-19");
  for (const id of ["spring_festival", "lantern", "dragon_boat", "qixi", "mid_autumn", "double_ninth", "laba", "new_year_eve"]) {
    assert.ok(f[id], id);
    for (const k of ["name_zh", "name_en", "date", "start", "end"]) assert.ok(k in f[id], `${id}.${k}`);
  }
  assert.equal(run(["festivals", "1900"]).code, 2, "outside 1950–2100");
});

test("calendar: ICS export parsed back by an independent parser, CSV export", () => {
  const dir = tmpdir();
  const ws = path.join(dir, "demo.json");
  assert.equal(run(["demo", "--out", ws]).code, 0);
  const ics = path.join(dir, "out.ics"), csv = path.join(dir, "out.csv");
  const r = run(["calendar", ws, "--from", "2026-11-05", "--to", "2026-12-05", "--ics", ics, "--csv", csv, "--json"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.ok(j && typeof j === "object");
  const raw = fs.readFileSync(ics);
  assert.ok(raw.includes(Buffer.from("\r\n")), "CRLF line ends");
  for (const line of raw.toString("utf8").split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, "folded at 75 octets");
  // One VEVENT per occurrence in the range, as the CLI's own expansion lists them.
  assert.ok(j.occurrences.length > 100);
  const py = spawnSync("/usr/bin/python3", [path.join(ROOT, "tests/oracle/check_ics.py"), ics, String(j.occurrences.length),
    "--summary", "[朋友圈] 小婉的一天：通勤妆和午餐", "--summary", "双11", "--start", "20261116T2240"], { encoding: "utf8" });
  assert.equal(py.status, 0, py.stdout + py.stderr);
  const rows = fs.readFileSync(csv, "utf8").trim().split(/\r?\n/);
  assert.equal(rows.length, j.occurrences.length + 1);  // a header row, then one row per occurrence
});
