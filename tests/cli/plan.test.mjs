// plan.test.mjs — `yutang apply`, `check` and `funnel` run as a user would, on the demo workspace.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, run, tmpdir, demoFile } from "./common.mjs";

function applyCommands(dir, file, commands) {
  const cmds = path.join(dir, "cmds.jsonl");
  fs.writeFileSync(cmds, commands.map((c) => JSON.stringify(c)).join("\n") + "\n");
  const out = path.join(dir, "edited.json");
  const r = run(["--lang", "en", "apply", file, "--commands", cmds, "--out", out]);
  return { ...r, out };
}

test("apply replays commands and writes a valid workspace; a bad line is named", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const r = applyCommands(dir, file, [{ type: "set_name", value: "批量改名" },
    { type: "update", section: "roles.accounts", id: "acc1", value: { friends: 4990 } }]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(fs.readFileSync(r.out, "utf8"));
  assert.equal(doc.payload.name, "批量改名");
  assert.equal(doc.payload.roles.accounts.find((a) => a.id === "acc1").friends, 4990);
  const bad = applyCommands(dir, file, [{ type: "set_name", value: "ok" }, { type: "erase", section: "roles.groups", id: "nope" }]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /line 2/);
  assert.match(bad.err, /nope/);
});

test("check on the demo: no errors (exit 0) and the capacity warning an operator acts on", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const r = run(["--lang", "en", "check", file, "--json", "--today", "2026-11-15"]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.today, "2026-11-15");
  const findings = doc.findings;
  assert.ok(Array.isArray(findings) && findings.length > 0);
  // The demo is a mostly healthy plan with a handful of teachable findings, not dozens (eight,
  // and a ninth from the content scan: 小婉's Double 11 week over her content mix).
  assert.ok(findings.length <= 16, `${findings.length} findings: ${findings.map((f) => f.rule + ":" + f.subject).join(", ")}`);
  // Headline figures of the Assessment beside the findings.
  assert.ok("segments" in doc.figures && "lifecycle" in doc.figures && "accounts" in doc.figures);
  assert.ok(doc.figures.economics.active && doc.figures.economics.active.ltv > 0);
  for (const f of findings) {
    for (const k of ["rule", "severity", "subject", "message"]) assert.ok(k in f, `finding has ${k}`);
    assert.ok(["error", "warning", "info"].includes(f.severity));
    assert.ok(f.message.length > 0);
  }
  assert.ok(!findings.some((f) => f.severity === "error"));
  assert.ok(findings.some((f) => f.rule === "wechat.friend_cap" && f.subject === "acc1" && f.severity === "warning"),
    "acc1 is close to the personal WeChat friend cap");
});

test("check exits 1 when an account is over its cap, 2 on unreadable input", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const r = applyCommands(dir, file, [{ type: "update", section: "roles.accounts", id: "acc1", value: { friends: 5200 } }]);
  assert.equal(r.code, 0, r.err);
  const c = run(["--lang", "en", "check", r.out, "--json", "--today", "2026-11-15"]);
  assert.equal(c.code, 1);
  const over = JSON.parse(c.out).findings.find((f) => f.subject === "acc1" && f.severity === "error");
  assert.ok(over, "an error finding for acc1");
  assert.equal(over.rule, "wechat.friend_cap");
  const missing = run(["check", path.join(dir, "missing.json")]);
  assert.equal(missing.code, 2);
  fs.writeFileSync(path.join(dir, "junk.json"), "{ not json");
  assert.equal(run(["check", path.join(dir, "junk.json")]).code, 2);
});

test("funnel --demo --json prints the monthly series and the summary", () => {
  const r = run(["funnel", "--demo", "--json"]);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.ok(Array.isArray(out.months) && out.months.length === 24);
  for (const k of ["ltv", "cac_public", "cac_private", "ltv_cac", "payback_month", "roi"]) assert.ok(k in out.summary, k);
  assert.ok(out.summary.ltv > 0);
  assert.ok(out.summary.payback_month === null || Number.isInteger(out.summary.payback_month));
  const last = out.months[out.months.length - 1];
  assert.ok(Math.abs(last.cumulative_cash - out.months.reduce((s, m) => s + m.cash, 0)) < 1e-6 * Math.max(1, Math.abs(last.cumulative_cash)));
});

test("funnel on a workspace file, and a missing field is named", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const r = run(["funnel", file, "--json"]);
  assert.equal(r.code, 0, r.err);
  assert.ok("summary" in JSON.parse(r.out));
  const plan = { economics: JSON.parse(fs.readFileSync(file, "utf8")).payload.economics };
  delete plan.economics.scenarios[0].a.aov;
  fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify(plan));
  const bad = run(["--lang", "en", "funnel", path.join(dir, "bad.json"), "--json"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /scenarios\[0\]\.a\.aov/);
});

// The check ids of the finding catalogue (core/plan/finding_catalog.cpp), with their area.
function catalogue() {
  const src = fs.readFileSync(path.join(ROOT, "core/plan/finding_catalog.cpp"), "utf8");
  return [...src.matchAll(/\{"([a-z0-9_.]+)", "(roles|calendar|plan|content)"\}/g)].map((m) => ({ id: m[1], area: m[2] }));
}

test("every catalogued check fires through `check` (and the calendar's through `calendar`) from the shared edit log", () => {
  const ids = catalogue();
  assert.ok(ids.length >= 30, `catalogue read: ${ids.length}`);
  const dir = tmpdir();
  const file = demoFile(dir);
  const log = path.join(ROOT, "tests/fixtures/every_finding.jsonl");
  const out = path.join(dir, "broken.json");
  const r = run(["apply", file, "--commands", log, "--out", out]);
  assert.equal(r.code, 0, r.err);
  // An id used twice only comes from a file edited by hand.
  const doc = JSON.parse(fs.readFileSync(out, "utf8"));
  doc.payload.roles.kocs.push(doc.payload.roles.kocs[0]);
  fs.writeFileSync(out, JSON.stringify(doc));
  const orders = path.join(ROOT, "assets/demo/orders.csv");
  const c = run(["--lang", "en", "check", out, "--orders", orders, "--json"]);
  assert.equal(c.code, 1, "errors make check exit 1");
  const fired = new Set(JSON.parse(c.out).findings.map((f) => f.rule));
  for (const k of ids) assert.ok(fired.has(k.id), `check did not report ${k.id}`);
  for (const id of fired) assert.ok(ids.some((k) => k.id === id), `${id} is not in the catalogue`);
  const cal = run(["calendar", out, "--from", "2026-11-15", "--to", "2026-12-31", "--orders", orders, "--json"]);
  assert.equal(cal.code, 0, cal.err);
  const calFired = new Set(JSON.parse(cal.out).findings.map((f) => f.rule));
  for (const k of ids.filter((k) => k.area === "calendar")) assert.ok(calFired.has(k.id), `calendar did not report ${k.id}`);
});

test("check names the item and the word of an ad-law term; the text output reads it; disabling the term silences it", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const item = { day: 20780, minute: 600, channel: "moments", persona: "p_xiaowan", account: "acc1", type: "review",
    title: "全网第一的粉底", notes: "第一次用也不卡粉" };
  const r = applyCommands(dir, file, [{ type: "insert", section: "calendar.items", id: "x-rank", value: item }]);
  assert.equal(r.code, 0, r.err);
  const check = (f) => run(["--lang", "en", "check", f, "--json"]);
  let c = check(r.out);
  let found = JSON.parse(c.out).findings.filter((f) => f.subject === "x-rank");
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].rule, "content.absolute_term");
  assert.equal(found[0].severity, "warning");
  assert.equal(found[0].args[0], "第一");
  assert.equal(found[0].args[1], "全网第一的粉底");
  assert.match(found[0].message, /absolute term “第一”/);
  // The ordinal in the notes is not counted: one occurrence.
  assert.equal(found[0].value, 1);
  const zh = run(["check", r.out]);
  assert.match(zh.out, /全网第一的粉底.*绝对化用语“第一”/);
  // Settings' switch, as a command: the term off, the finding gone.
  const cmds = path.join(dir, "off.jsonl");
  fs.writeFileSync(cmds, JSON.stringify({ type: "update", section: "compliance.terms", id: "abs.first", value: { enabled: false } }) + "\n");
  const off = path.join(dir, "off.json");
  assert.equal(run(["apply", r.out, "--commands", cmds, "--out", off]).code, 0);
  c = check(off);
  found = JSON.parse(c.out).findings.filter((f) => f.subject === "x-rank");
  // The term is off, but 第一 is also on 小婉's own taboo list: that finding takes its place.
  assert.deepEqual(found.map((f) => [f.rule, f.args[0], f.args[3]]), [["content.taboo_word", "第一", "小婉"]]);
  // Off the persona's list too, nothing is left.
  fs.writeFileSync(cmds, JSON.stringify({ type: "update", section: "roles.personas", id: "p_xiaowan",
    value: { taboo_words: ["最好", "根治", "100%有效", "医用级"] } }) + "\n");
  const none = path.join(dir, "none.json");
  assert.equal(run(["apply", off, "--commands", cmds, "--out", none]).code, 0);
  assert.deepEqual(JSON.parse(check(none).out).findings.filter((f) => f.subject === "x-rank"), []);
  // A level that is not one of block / warn / info is refused, naming the field.
  fs.writeFileSync(cmds, JSON.stringify({ type: "update", section: "compliance.terms", id: "abs.first", value: { level: "ban" } }) + "\n");
  const bad = run(["--lang", "en", "apply", off, "--commands", cmds, "--out", path.join(dir, "bad.json")]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /ban/);
});
