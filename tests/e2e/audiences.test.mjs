// audiences.test.mjs — 分层 → 人群包 in real Chromium, through real widgets: an audience added, its
// name typed in Chinese through the IME bridge, a segment and (after a Chinese filter) a city
// picked; the live count checked against `yutang audience` over the same demo orders (computed
// apart from the app); Control+Z takes the last pick back and Redo brings it again; a reload keeps
// the audience; the tag-list export downloads 客户ID,手机号,标签 with the same customers as the CLI,
// phones masked. On a phone-sized screen the section's widgets fit. A persona's form offers the
// saved audience beside the segments.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, undo, scrollTo, scrollClick as click, typeInto, OUT, ROOT } from "./harness.mjs";

const TIERS_TAB = 1;
const VIEWPORT = { width: 1440, height: 1000 };
const YUTANG = process.env.YUTANG || path.join(ROOT, "build/native/yutang");
const ORDERS = path.join(ROOT, "assets/demo/orders.csv");
const NAME = "上海重要客户";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const auds = (s) => s.workspace.payload.audiences;

function cli(args) {
  const r = spawnSync(YUTANG, args, { encoding: "utf8" });
  assert.equal(r.status, 0, `yutang ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

// The same audience evaluated by the CLI over the demo workspace and the demo's order file:
// its count and its tag list in full.
function expected() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yutang-aud-"));
  const demo = path.join(dir, "demo.json"), ws = path.join(dir, "ws.json"), cmds = path.join(dir, "c.jsonl");
  cli(["demo", "--out", demo]);
  fs.writeFileSync(cmds, JSON.stringify({ type: "insert", section: "audiences", id: "x", value: { name: NAME,
    conditions: [{ field: "segment", values: ["important_value"] }, { field: "city", values: ["上海"] }] } }) + "\n");
  cli(["apply", demo, "--commands", cmds, "--out", ws]);
  const doc = JSON.parse(cli(["audience", ws, "--orders", ORDERS, "--json"]));
  const csv = path.join(dir, "full.csv");
  cli(["audience", ws, "--orders", ORDERS, "--id", "x", "--export", csv, "--unmasked"]);
  const rows = fs.readFileSync(csv, "utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1).map((l) => l.split(","));
  return { count: doc.audiences[0].count, rows };
}

// Closes an open combo by clicking the toolbar's title (outside every popup).
async function closePopup(page) {
  await clickWidget(page, "app.title");
}

test("add an audience, name it in Chinese, pick a segment and a city; live count as the CLI's; undo, redo, reload, export", async () => {
  const want = expected();
  assert.ok(want.count > 0 && want.count === want.rows.length);
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { viewport: VIEWPORT });
  await selectTab(page, TIERS_TAB);
  let s = await state(page);
  assert.equal(auds(s).length, 0);

  await click(page, "aud.add");
  s = await state(page);
  assert.equal(auds(s).length, 1);
  const id = auds(s)[0].id;
  assert.equal(s.plan.audiences[id].count, s.customers, "no conditions yet: every customer");

  // The name through the IME bridge (insertText reaches the app only through the page's text area).
  await typeInto(page, "field.aud.name", NAME);
  s = await state(page);
  assert.equal(auds(s)[0].name, NAME);

  // A segment.
  await click(page, "aud.cond.add");
  s = await state(page);
  assert.deepEqual(auds(s)[0].conditions.map((c) => c.field), ["segment"]);
  assert.equal(s.plan.audiences[id].count, 0, "nothing picked: nobody");
  await click(page, "aud.cond.0.values");
  await clickWidget(page, "aud.cond.0.values.opt.important_value");
  await closePopup(page);
  s = await state(page);
  assert.deepEqual(auds(s)[0].conditions[0].values, ["important_value"]);
  assert.equal(s.plan.audiences[id].count, s.plan.segments.important_value, "the live count follows the pick");

  // A city: the field changed through its combo, the values filtered by typing Chinese.
  await click(page, "aud.cond.add");
  await click(page, "aud.cond.1.field");
  await clickWidget(page, "aud.cond.1.field.opt.city");
  await click(page, "aud.cond.1.values");
  await clickWidget(page, "aud.cond.1.filter");
  await settle(page);
  await page.keyboard.insertText("上海");
  await settle(page);
  s = await state(page);
  assert.ok(s.widgets["aud.cond.1.values.opt.上海"], "the city is offered");
  assert.ok(!s.widgets["aud.cond.1.values.opt.北京"], "the filter hides the others");
  await clickWidget(page, "aud.cond.1.values.opt.上海");
  await closePopup(page);
  s = await state(page);
  assert.deepEqual(auds(s)[0].conditions.map((c) => [c.field, c.values]), [["segment", ["important_value"]], ["city", ["上海"]]]);
  assert.equal(s.plan.audiences[id].count, want.count, "the live count is the CLI's");
  assert.equal(s.plan.audiences[id].error, "");
  assert.ok(s.widgets["aud.live"], "the live count is shown in the editor");
  await page.screenshot({ path: path.join(OUT, "audiences-editor.png") });

  // Undo takes the city back; Redo brings it again.
  await undo(page);
  s = await state(page);
  assert.deepEqual(auds(s)[0].conditions[1].values, []);
  assert.equal(s.plan.audiences[id].count, 0);
  await clickWidget(page, "redo");
  s = await state(page);
  assert.deepEqual(auds(s)[0].conditions[1].values, ["上海"]);
  assert.equal(s.plan.audiences[id].count, want.count);

  // A reload keeps it.
  await page.reload();
  await page.waitForFunction(() => window.yutangReady && window.yutang.frames() >= 2);
  await settle(page);
  s = await state(page);
  assert.equal(auds(s).length, 1);
  assert.equal(auds(s)[0].name, NAME);
  assert.equal(s.plan.audiences[id].count, want.count);

  // Export: the same customers as the CLI's list, phones masked (the demo masks by default).
  await selectTab(page, TIERS_TAB);
  await click(page, `aud.row.${id}`);
  await scrollTo(page, "aud.export");
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }), clickWidget(page, "aud.export")]);
  assert.equal(download.suggestedFilename(), `audience-${id}-masked.csv`);
  const csv = fs.readFileSync(await download.path(), "utf8");
  assert.ok(csv.startsWith("\uFEFF客户ID,手机号,标签\r\n"), csv.slice(0, 40));
  const rows = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n").slice(1).map((l) => l.split(","));
  assert.equal(rows.length, want.count);
  const full = new Map(want.rows.map(([cid, phone]) => [cid, phone]));
  for (const [cid, phone, tag] of rows) {
    assert.ok(full.has(cid), `${cid} is in the CLI's list`);
    assert.equal(tag, NAME);
    assert.match(phone, /^\d{3}\*{4}\d{4}$/);
    assert.equal(phone.slice(-4), full.get(cid).slice(-4));
  }
  s = await state(page);
  assert.match(s.banner, /audience-/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("on a phone the audiences section fits: nothing of it is cut", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { viewport: { width: 390, height: 844 } });
  await page.evaluate(() => window.yutang.dispatch(JSON.stringify({ type: "insert", section: "audiences", id: "a1",
    value: { name: "上海重要客户", conditions: [{ field: "segment", values: ["important_value"] }, { field: "clv", has_min: true, min: 100 }] } })));
  await selectTab(page, TIERS_TAB);
  await click(page, "aud.row.a1");
  await scrollTo(page, "aud.cond.1.field");
  const s = await state(page);
  assert.ok(s.widgets["field.aud.cond.1.min"], "a range shows min and max");
  const cut = s.layout.cut.filter((w) => w.startsWith("aud.") || w.startsWith("tbl.audiences"));
  assert.deepEqual(cut, []);
  await page.screenshot({ path: path.join(OUT, "audiences-phone.png") });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a persona can serve a saved audience: its form offers the audience beside the segments", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { viewport: VIEWPORT });
  assert.equal(await page.evaluate(() => window.yutang.dispatch(JSON.stringify({ type: "insert", section: "audiences", id: "a1",
    value: { name: "上海重要客户", conditions: [{ field: "city", values: ["上海"] }] } }))), "");
  await selectTab(page, 2);
  await click(page, "persona_card.p_xiaowan");
  const persona = (s) => s.workspace.payload.roles.personas.find((p) => p.id === "p_xiaowan");
  let s = await state(page);
  assert.ok(!persona(s).tiers.includes("a1"));
  await click(page, "persona.aud.a1");
  s = await state(page);
  assert.ok(persona(s).tiers.includes("a1"), "the persona serves the audience");
  await undo(page);
  s = await state(page);
  assert.ok(!persona(s).tiers.includes("a1"), "one Control+Z takes it back");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a calendar item can target a saved audience: its editor offers it beside the segments", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { viewport: VIEWPORT });
  assert.equal(await page.evaluate(() => window.yutang.dispatch(JSON.stringify({ type: "insert", section: "audiences", id: "a1",
    value: { name: "上海重要客户", conditions: [{ field: "city", values: ["上海"] }] } }))), "");
  await selectTab(page, 3);
  await clickWidget(page, "cal.item.d-push-1");
  const item = (s) => s.workspace.payload.calendar.items.find((x) => x.id === "d-push-1");
  let s = await state(page);
  const before = item(s).tiers;
  assert.ok(!before.includes("a1"));
  // The editor is the side panel: scroll it (the wheel over it) until the checkbox shows.
  for (let i = 0; i < 30; i++) {
    s = await state(page);
    const r = s.widgets["cal.edit.tier.a1"], v = s.layout.visible["cal.edit.tier.a1"];
    assert.ok(r, "the editor lists the saved audience");
    if (v && v[3] >= r[3] - 1) break;
    await page.mouse.move(r[0] + 5, VIEWPORT.height * 0.6);
    await page.mouse.wheel(0, r[1] > VIEWPORT.height / 2 ? 200 : -200);
    await settle(page);
  }
  await clickWidget(page, "cal.edit.tier.a1");
  s = await state(page);
  assert.deepEqual(item(s).tiers, [...before, "a1"]);
  await undo(page);
  s = await state(page);
  assert.deepEqual(item(s).tiers, before, "Control+Z takes the audience off again");
  assert.deepEqual(errors, []);
  await ctx.close();
});
