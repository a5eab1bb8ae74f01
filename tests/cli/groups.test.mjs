// groups.test.mjs — `yutang groups --stats FILE`: the per-group health table and JSON from the
// fixtures in tests/data/groups/ (figures worked out in tests/core/test_groups.cpp), the demo
// workspace's groups and KOCs matched by name, and bad files refused with the line named.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { run, tmpdir, DATA } from "./common.mjs";

const G = path.join(DATA, "groups");

test("groups --json: figures, zombie flag and encoding of a per-day UTF-8 file", () => {
  const r = run(["groups", "--stats", path.join(G, "daily_utf8.csv"), "--json"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.encoding, "utf-8");
  assert.equal(j.per_day, true);
  assert.equal(j.thresholds.zombie_speaking_ratio, 0.05);
  assert.equal(j.groups.length, 3);
  const g1 = j.groups.find((g) => g.name === "花漾福利1群");
  assert.equal(g1.members, 408);
  assert.equal(g1.growth, 10);
  assert.ok(Math.abs(g1.churn - 6 / 404) < 1e-9);
  assert.ok(Math.abs(g1.msgs_per_member_day - 210 / 808) < 1e-9);
  assert.equal(g1.zombie, false);
  const g2 = j.groups.find((g) => g.name === "花漾福利2群");
  assert.equal(g2.zombie, true);
  assert.deepEqual(g2.flags, ["zombie"]);  // no workspace: no plan groups to match
  assert.equal(j.zombies, 2);
});

test("groups with the demo workspace: deal group without an active KOC/团长, GB18030 period file", () => {
  const dir = tmpdir();
  const ws = path.join(dir, "demo.json");
  assert.equal(run(["demo", "--out", ws]).code, 0);
  const r = run(["groups", "--stats", path.join(G, "daily_utf8.csv"), "--workspace", ws, "--json"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  const g1 = j.groups.find((g) => g.name === "花漾福利1群");
  assert.equal(g1.plan_id, "g1");
  assert.equal(g1.active_kocs, 1);
  assert.equal(g1.deal_without_lead, false);
  const g2 = j.groups.find((g) => g.name === "花漾福利2群");
  assert.deepEqual(g2.flags, ["zombie", "deal_without_lead"]);
  assert.equal(j.deal_without_lead, 1);

  const t = run(["groups", "--stats", path.join(G, "period_gb18030.csv"), "--workspace", ws, "--lang", "zh"]);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /群名称\s+群主\s+天数\s+群人数/);
  assert.match(t.out, /花漾黑金会员群.*僵尸群/);
  assert.match(t.out, /阿杰护肤课堂\s+-\s+30\s+180\s+\+18\s+6\.7%\s+30\.0%\s+5\.00\s+0\.167/);
  assert.match(t.out, /gb18030/);
  const e = run(["groups", "--stats", path.join(G, "period_utf16.txt"), "--lang", "en"]);
  assert.equal(e.code, 0, e.err);
  assert.match(e.out, /Group\s+Owner\s+Days\s+Members/);
  assert.match(e.out, /2 group\(s\) \(utf-16le, per period\): 1 zombie/);
});

test("groups refuses a bad file naming the line, and a missing --stats", () => {
  const bad = run(["groups", "--stats", path.join(G, "bad_count.csv"), "--lang", "en"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /很多/);
  assert.match(bad.err, /line 3/);
  const miss = run(["groups", "--stats", path.join(G, "missing_members.csv"), "--lang", "en"]);
  assert.equal(miss.code, 2);
  assert.match(miss.err, /群人数/);
  const bin = path.join(tmpdir(), "x.csv");
  fs.writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7, 8, 9, 0, 0, 0, 0]));
  assert.equal(run(["groups", "--stats", bin]).code, 2);
  assert.equal(run(["groups"]).code, 2);
});
