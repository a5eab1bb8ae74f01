// report.test.mjs — `yutang report WORKSPACE.json --html OUT.html`: the printable plan written
// from the same Assessment `check` prints, in zh and en, with and without the shop's orders.
// Run: node --test tests/cli/report.test.mjs (after a native build; $YUTANG names the binary).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, run, tmpdir, demoFile } from "./common.mjs";

const ORDERS = path.join(ROOT, "assets/demo/orders.csv");

const count = (s, what) => s.split(what).length - 1;

test("report demo with its orders: every section, the findings check reports, no network", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const out = path.join(dir, "plan.html");
  const r = run(["report", file, "--orders", ORDERS, "--html", out]);
  assert.equal(r.code, 0, r.err);
  assert.ok(r.out.includes(out), "says where the plan went");
  const html = fs.readFileSync(out, "utf8");
  for (const id of ["cover", "segments", "segment-table", "roster", "calendar", "month-grid", "journeys", "findings"])
    assert.equal(count(html, `id="${id}"`), 1, id);
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /@page\{size:A4/);
  assert.match(html, /花漾/);
  assert.match(html, /2026年11月/);
  // The same findings as `check` on the same inputs.
  const check = run(["check", file, "--orders", ORDERS, "--json"]);
  const findings = JSON.parse(check.out).findings.length;
  assert.ok(findings > 0);
  assert.equal(count(html, '<tr class="finding">'), findings);
  assert.match(html, new RegExp(`data-count="${findings}"`));
  assert.ok(r.out.includes(String(findings)));
  // A file opened from disk prints with its own button; nothing is fetched.
  assert.match(html, /id="yt-print"[^>]*onclick="window.print\(\)"/);
  assert.doesNotMatch(html, /https?:\/\//);
  assert.doesNotMatch(html, /\b(src|href)=/);
});

test("report in English (--lang after the command) without orders says no orders were imported", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const out = path.join(dir, "plan-en.html");
  const r = run(["report", file, "--lang", "en", "--today", "2026-12-10", "--html", out]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Wrote the plan/);
  const html = fs.readFileSync(out, "utf8");
  assert.match(html, /<html lang="en">/);
  assert.match(html, /No orders imported/);
  assert.match(html, /December 2026/);
  assert.doesNotMatch(html, /id="segment-table"/);
  assert.doesNotMatch(html, /客户分层/);
});

test("report refuses a missing --html or an unreadable workspace (exit 2, nothing written)", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const a = run(["--lang", "en", "report", file]);
  assert.equal(a.code, 2);
  assert.match(a.err, /--html/);
  const out = path.join(dir, "x.html");
  const b = run(["--lang", "en", "report", path.join(dir, "nope.json"), "--html", out]);
  assert.equal(b.code, 2);
  assert.match(b.err, /nope\.json/);
  assert.equal(fs.existsSync(out), false);
  assert.match(run(["--lang", "en", "--help"]).out, /report WORKSPACE\.json --html/);
});
