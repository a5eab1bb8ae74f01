// audience.test.mjs — `yutang audience`: saved audiences added to the demo workspace with
// `yutang apply`, evaluated over the demo's orders; counts checked against counts made here from
// the order file itself (cities) and against `yutang tier` (segments); and/or/not, a reference,
// a cycle named as an error; the SCRM tag list with phones masked and in full.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { run, tmpdir, ROOT } from "./common.mjs";

const ORDERS = path.join(ROOT, "assets", "demo", "orders.csv");

// customer id -> { city, gender, phone }, read from the demo's order file (no quoted cells in it).
function customers() {
  const lines = fs.readFileSync(ORDERS, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l);
  const head = lines[0].split(",");
  const col = (name) => head.indexOf(name);
  const out = new Map();
  for (const l of lines.slice(1)) {
    const c = l.split(",");
    out.set(c[col("会员ID")], { city: c[col("城市")], gender: c[col("性别")], phone: c[col("手机号")] });
  }
  return out;
}

const AUDIENCES = [
  { id: "sh", value: { name: "上海客户", conditions: [{ field: "city", values: ["上海"] }] } },
  { id: "sh_iv", value: { name: "上海重要价值", conditions: [{ field: "city", values: ["上海"] }, { field: "segment", values: ["important_value"] }] } },
  { id: "iv", value: { name: "重要价值", conditions: [{ field: "segment", values: ["important_value"] }] } },
  { id: "not_sh", value: { name: "非上海", conditions: [{ field: "city", values: ["上海"], negate: true }] } },
  { id: "sh_bj", value: { name: "上海或北京", match: "any", conditions: [{ field: "city", values: ["上海"] }, { field: "city", values: ["北京"] }] } },
  { id: "sh_f", value: { name: "上海女客", conditions: [{ field: "audience", values: ["sh"] }, { field: "gender", values: ["女"] }] } },
  { id: "c1", value: { name: "环一", conditions: [{ field: "audience", values: ["c2"] }] } },
  { id: "c2", value: { name: "环二", conditions: [{ field: "audience", values: ["c1"] }] } },
];

function workspace(dir) {
  const demo = path.join(dir, "demo.json");
  assert.equal(run(["demo", "--out", demo]).code, 0);
  const cmds = path.join(dir, "cmds.jsonl");
  fs.writeFileSync(cmds, AUDIENCES.map((a) => JSON.stringify({ type: "insert", section: "audiences", ...a })).join("\n") + "\n");
  const ws = path.join(dir, "ws.json");
  const r = run(["apply", demo, "--commands", cmds, "--out", ws]);
  assert.equal(r.code, 0, r.err);
  return ws;
}

test("audience --json: counts from the orders, and/or/not, references, per segment, a cycle as an error", () => {
  const dir = tmpdir();
  const ws = workspace(dir);
  const r = run(["audience", ws, "--orders", ORDERS, "--json"]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  const people = customers();
  assert.equal(doc.customers, people.size);
  const by = Object.fromEntries(doc.audiences.map((a) => [a.id, a]));
  assert.deepEqual(doc.audiences.map((a) => a.id), AUDIENCES.map((a) => a.id));

  const count = (f) => [...people.values()].filter(f).length;
  const sh = count((c) => c.city === "上海");
  assert.ok(sh > 0);
  assert.equal(by.sh.count, sh);
  assert.equal(by.sh.name, "上海客户");
  assert.ok(Math.abs(by.sh.share - sh / people.size) < 1e-9);
  assert.equal(by.not_sh.count, people.size - sh, "not: every other customer");
  assert.equal(by.sh_bj.count, count((c) => c.city === "上海" || c.city === "北京"), "any: either city");
  assert.equal(by.sh_f.count, count((c) => c.city === "上海" && c.gender === "女"), "a reference and a condition");
  for (const a of doc.audiences.filter((x) => !x.error)) {
    const sum = Object.values(a.segments).reduce((x, y) => x + y, 0);
    assert.equal(sum, a.count, `${a.id}: per-segment counts add up`);
  }
  // Segments as `yutang tier` computes them.
  const tier = JSON.parse(run(["tier", ORDERS, "--json"]).out);
  const iv = tier.segments.find((s) => s.key === "important_value");
  assert.equal(by.iv.count, iv.customers);
  assert.equal(by.sh_iv.count, by.sh.segments.important_value, "and: Shanghai's important-value customers");
  assert.ok(by.sh_iv.count > 0 && by.sh_iv.count < by.sh.count);
  for (const id of ["c1", "c2"]) {
    assert.equal(by[id].error.code, "audience.cycle", id);
    assert.equal(by[id].count, 0);
  }
  assert.equal(by.sh.error, null);
});

test("audience text output names counts, segments and errors; --id picks one", () => {
  const dir = tmpdir();
  const ws = workspace(dir);
  const zh = run(["audience", ws, "--orders", ORDERS]);
  assert.equal(zh.code, 0, zh.err);
  assert.match(zh.out, /上海客户 \(sh\)：\d+ 人，占全部 1500 位客户的 [\d.]+%/);
  assert.match(zh.out, /重要价值客户/);
  assert.match(zh.out, /环一 \(c1\)：人群包“c1”循环引用了自己/);
  const en = run(["--lang", "en", "audience", ws, "--orders", ORDERS, "--id", "sh_iv"]);
  assert.equal(en.code, 0, en.err);
  assert.match(en.out, /^上海重要价值 \(sh_iv\): \d+ customers, [\d.]+% of all 1500/);
  assert.ok(!en.out.includes("(sh)"), "only the audience asked for");
  const unknown = run(["--lang", "en", "audience", ws, "--orders", ORDERS, "--id", "nope"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /no audience with id nope/);
  assert.equal(run(["audience", ws, "--orders", ORDERS, "--export", path.join(dir, "x.csv")]).code, 2, "--export needs --id");
  const none = run(["--lang", "en", "audience", ws]);
  assert.equal(none.code, 0);
  assert.match(none.out, /no order data/);
});

test("audience --export writes the SCRM tag list: 客户ID,手机号,标签, phones masked unless --unmasked", () => {
  const dir = tmpdir();
  const ws = workspace(dir);
  const people = customers();
  const masked = path.join(dir, "masked.csv");
  const r = run(["audience", ws, "--orders", ORDERS, "--id", "sh", "--export", masked]);
  assert.equal(r.code, 0, r.err);
  const text = fs.readFileSync(masked, "utf8");
  assert.ok(text.startsWith("\uFEFF客户ID,手机号,标签\r\n"), text.slice(0, 40));
  const rows = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1).map((l) => l.split(","));
  const sh = [...people.entries()].filter(([, c]) => c.city === "上海");
  assert.equal(rows.length, sh.length);
  for (const [id, phone, tag] of rows) {
    assert.equal(people.get(id).city, "上海", id);
    assert.equal(tag, "上海客户");
    assert.match(phone, /^\d{3}\*{4}\d{4}$/);
    assert.equal(phone.slice(-4), people.get(id).phone.slice(-4));
  }
  const full = path.join(dir, "full.csv");
  assert.equal(run(["audience", ws, "--orders", ORDERS, "--id", "sh", "--export", full, "--unmasked"]).code, 0);
  const frows = fs.readFileSync(full, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1).map((l) => l.split(","));
  assert.equal(frows.length, sh.length);
  for (const [id, phone] of frows) assert.equal(phone, people.get(id).phone);
  const bad = run(["--lang", "en", "audience", ws, "--orders", ORDERS, "--id", "c1", "--export", path.join(dir, "c.csv")]);
  assert.equal(bad.code, 2, "an audience with an error is not exported");
  assert.match(bad.err, /cycle/);
});
