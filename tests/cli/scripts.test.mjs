// scripts.test.mjs — `yutang scripts`: listing (text and JSON, search and filters), export to the
// SCRM quick-reply CSV, import of a GB18030 sheet into a new workspace, and a bad row that is
// named by its line and changes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { run, tmpdir, demoFile } from "./common.mjs";

test("scripts lists the library as JSON, with search, filters and the variable preview", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const all = run(["scripts", file, "--json"]);
  assert.equal(all.code, 0, all.err);
  const doc = JSON.parse(all.out);
  assert.equal(doc.count, 20);
  assert.equal(doc.scripts[0].id, "s1");
  assert.equal(doc.scripts[0].category, "welcome");
  assert.equal(doc.scripts[0].persona_name, "小婉");
  assert.ok(doc.scripts[0].reply.includes("{昵称}"));
  assert.ok(!doc.scripts[0].preview.includes("{昵称}"), "the preview fills the nickname in");
  const found = JSON.parse(run(["scripts", file, "--json", "--search", "过敏"]).out);
  assert.equal(found.count, 2);
  const one = JSON.parse(run(["scripts", file, "--json", "--search", "过敏", "--persona", "p_expert"]).out);
  assert.deepEqual(one.scripts.map((s) => s.trigger), ["过敏/不适"]);
  const crisis = JSON.parse(run(["scripts", file, "--json", "--category", "crisis"]).out);
  assert.ok(crisis.scripts.every((s) => s.category === "crisis"));
  const text = run(["--lang", "en", "scripts", file, "--category", "festival"]);
  assert.equal(text.code, 0);
  assert.match(text.out, /Festival greeting/);
  const bad = run(["--lang", "en", "scripts", file, "--category", "promo"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /promo/);
});

test("scripts --export writes the SCRM layout; --persona keeps one persona's entries", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const out = path.join(dir, "scripts.csv");
  const r = run(["scripts", file, "--export", out, "--persona", "p_expert"]);
  assert.equal(r.code, 0, r.err);
  const csv = fs.readFileSync(out, "utf8");
  assert.ok(csv.startsWith("\uFEFF分组,标题,内容,关键词,人设,备注,编号\r\n"));
  assert.ok(csv.includes("美妆顾问阿杰"));
  assert.ok(!csv.includes(",小婉,"));
  const unknown = run(["--lang", "en", "scripts", file, "--export", out, "--persona", "nobody"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /nobody/);
});

test("scripts --import reads a GB18030 sheet into a new workspace; a bad row names its line and writes nothing", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  // "分组,标题,内容,人设\r\n节日问候,中秋,{昵称}中秋快乐,小婉\r\n" in GB18030.
  const gb = Buffer.from("B7D6D7E92CB1EACCE22CC4DAC8DD2CC8CBC9E80D0ABDDAC8D5CECABAF22CD6D0C7EF2C7BEAC7B3C67DD6D0C7EFBFECC0D62CD0A1CDF10D0A", "hex");
  const sheet = path.join(dir, "quick-replies.csv");
  fs.writeFileSync(sheet, gb);
  const out = path.join(dir, "imported.json");
  const r = run(["scripts", file, "--import", sheet, "--out", out, "--json"]);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), { added: 1, updated: 0, encoding: "gb18030", scripts: 21 });
  const ws = JSON.parse(fs.readFileSync(out, "utf8"));
  const added = ws.payload.roles.scripts.at(-1);
  assert.equal(added.id, "s21");
  assert.equal(added.category, "festival");
  assert.equal(added.persona, "p_xiaowan");
  assert.equal(added.reply, "{昵称}中秋快乐");
  // The new workspace lists it (it is a valid file).
  assert.equal(JSON.parse(run(["scripts", out, "--json", "--search", "中秋快乐"]).out).count, 2);

  const badSheet = path.join(dir, "bad.csv");
  fs.writeFileSync(badSheet, "分组,标题,内容\r\n常见问题,在吗,在的\r\n促销,双11,快来\r\n");
  const badOut = path.join(dir, "bad.json");
  const bad = run(["--lang", "en", "scripts", file, "--import", badSheet, "--out", badOut]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /line 3/);
  assert.match(bad.err, /促销/);
  assert.ok(!fs.existsSync(badOut), "nothing is written");
  const noOut = run(["scripts", file, "--import", badSheet]);
  assert.equal(noOut.code, 2, "an import needs --out");
});

test("yutang apply takes the script commands: insert after an entry, update, move, erase", () => {
  const dir = tmpdir();
  const file = demoFile(dir);
  const cmds = path.join(dir, "cmds.jsonl");
  fs.writeFileSync(cmds, [
    { type: "insert", section: "roles.scripts", id: "s30", index: 1, value: { persona: "p_xiaowan", category: "welcome", trigger: "复制的欢迎语", reply: "嗨{昵称}" } },
    { type: "update", section: "roles.scripts", id: "s30", value: { keywords: ["欢迎"] } },
    { type: "move", section: "roles.scripts", id: "s30", index: 0 },
    { type: "erase", section: "roles.scripts", id: "s2" },
  ].map((c) => JSON.stringify(c)).join("\n") + "\n");
  const out = path.join(dir, "edited.json");
  const r = run(["--lang", "en", "apply", file, "--commands", cmds, "--out", out]);
  assert.equal(r.code, 0, r.err);
  const ids = JSON.parse(fs.readFileSync(out, "utf8")).payload.roles.scripts.map((s) => s.id);
  assert.deepEqual(ids.slice(0, 3), ["s30", "s1", "s3"]);
  const bad = path.join(dir, "bad.jsonl");
  fs.writeFileSync(bad, JSON.stringify({ type: "update", section: "roles.scripts", id: "s1", value: { category: "promo" } }) + "\n");
  const refused = run(["--lang", "en", "apply", file, "--commands", bad, "--out", out]);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /promo/);
});
