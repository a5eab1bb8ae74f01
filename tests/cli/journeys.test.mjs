// journeys.test.mjs — `yutang journeys`: the demo's journeys measured against its orders (JSON:
// entrants a day, the repurchase interval, messages, the operators' journey load and the touch
// findings it adds), the task list written as CSV, HTML and .ics for one operator, and refusals.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { run, tmpdir, ROOT, demoFile } from "./common.mjs";

const ORDERS = path.join(ROOT, "assets", "demo", "orders.csv");

test("journeys measures the demo's journeys against its orders", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const r = run(["journeys", file, "--orders", ORDERS, "--json"]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.from_orders, true);
  assert.equal(doc.as_of, "2026-11-15");
  assert.ok(doc.repurchase_interval_days > 0 && doc.repeat_buyers > 0);
  assert.equal(doc.repurchase_start_days, Math.max(1, Math.round(doc.repurchase_interval_days) - 7));
  assert.equal(doc.journeys.length, 6);
  for (const j of doc.journeys) {
    assert.ok(Math.abs(j.messages_per_day - j.inflow_per_day * j.steps) < 1e-9, j.id);
    if (j.trigger !== "new_friend") {
      const t = doc.triggers[j.trigger];
      assert.ok(Math.abs(j.inflow_per_day - t.per_day) < 1e-9, `${j.id}: the trigger's entrants`);
      assert.ok(Math.abs(t.per_day - t.customers / t.window_days) < 1e-9, j.trigger);
    }
  }
  assert.equal(doc.triggers.birthday.customers, 0, "the demo orders have no birthday column");
  // The operators carry the journeys' messages: every non-new-friend message and each new
  // friend's steps (the forecast), nothing lost.
  const others = doc.journeys.filter((j) => j.trigger !== "new_friend").reduce((a, j) => a + j.messages_per_day, 0);
  const welcome = doc.journeys.find((j) => j.trigger === "new_friend");
  const carried = doc.operators.reduce((a, o) => a + o.journey_per_day, 0);
  assert.ok(Math.abs(carried - (others + welcome.messages_per_day)) < 1e-6, `${carried} vs ${others} + ${welcome.messages_per_day}`);
  assert.ok(doc.findings.length > 0 && doc.findings.every((f) => f.rule.startsWith("calendar.touches_")));
  // The default task list: today and the six days after, every step of every account.
  assert.equal(doc.from, "2026-11-15");
  assert.equal(doc.to, "2026-11-21");
  assert.equal(new Set(doc.tasks.map((t) => t.day)).size, 7);
});

test("journeys writes one operator's task list as CSV, HTML and .ics", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const out = (n) => path.join(dir, n);
  const r = run(["journeys", file, "--orders", ORDERS, "--from", "2026-12-01", "--to", "2026-12-03", "--who", "op2",
    "--csv", out("t.csv"), "--html", out("t.html"), "--ics", out("t.ics"), "--json"]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.ok(doc.tasks.length > 0 && doc.tasks.every((t) => t.operator === "op2"));
  const csv = fs.readFileSync(out("t.csv"), "utf8").trim().split("\r\n");
  assert.equal(csv[0], "日期,运营,账号,旅程,第几天,渠道,内容,话术,优惠券,预计人数");
  assert.equal(csv.length - 1, doc.tasks.length);
  const ics = fs.readFileSync(out("t.ics"), "utf8");
  assert.equal(ics.split("BEGIN:VEVENT").length - 1, 3, "one event a day for op2");
  assert.match(ics, /UID:journeys-op2-20261201@yutang/);
  const html = fs.readFileSync(out("t.html"), "utf8");
  assert.match(html, /<h2>2026-12-03<\/h2>/);
  assert.ok(!html.includes("<h2>2026-12-04</h2>"));
});

test("journeys refuses a bad date or a backwards range", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const bad = run(["--lang", "en", "journeys", file, "--from", "2026-13-01"]);
  assert.equal(bad.code, 2);
  const back = run(["--lang", "en", "journeys", file, "--from", "2026-12-05", "--to", "2026-12-01"]);
  assert.notEqual(back.code, 0);
  assert.match(back.err, /2026-12-05/);
});
