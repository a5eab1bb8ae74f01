// journeys.test.mjs — 角色 → 旅程 in real Chromium, through real widgets: the demo's journeys
// show what its orders make of them; switching the after-sale journey off takes its messages out
// of the operators' workload (and back with Control+Z); a journey added from the blank template
// gets a Chinese name typed through the IME bridge, a trigger and a step; a reload keeps it; the
// task list downloads as CSV and .ics.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, undo, OUT, ROOT, scrollTo, scrollClick, typeInto } from "./harness.mjs";

const YUTANG = process.env.YUTANG || path.join(ROOT, "build/native/yutang");
const ORDERS = path.join(ROOT, "assets/demo/orders.csv");

const PERSONAS_TAB = 2;
const VIEWPORT = { width: 1440, height: 1000 };

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const sops = (s) => s.workspace.payload.calendar.sops;
const byId = (s, id) => sops(s).find((x) => x.id === id);
const journeyLoad = (s) => Object.values(s.plan.operators).reduce((a, o) => a + o.journey, 0);

test("the demo's journeys, switched off and on, added in Chinese, kept, and their task list exported", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { viewport: VIEWPORT });
  await selectTab(page, PERSONAS_TAB);
  await scrollTo(page, "journey.row.sop_after_sale");
  let s = await state(page);
  assert.equal(sops(s).length, 6, "six example journeys");
  const after = s.plan.journeys.sop_after_sale;
  assert.ok(after.inflow > 1, `the demo's orders make about ten after-sale entrants a day (${after.inflow})`);
  assert.ok(Math.abs(after.messages - 2 * after.inflow) < 1e-3, "two steps each");
  assert.ok(s.widgets["journey.fig.sop_after_sale"], "its figures are shown");

  // Switching it off takes its messages out of the operators' workload; Control+Z puts them back.
  const load = journeyLoad(s);
  await scrollClick(page, "journey.on.sop_after_sale");
  s = await state(page);
  assert.equal(byId(s, "sop_after_sale").enabled, false);
  assert.ok(Math.abs(journeyLoad(s) - (load - after.messages)) < 1e-3, `${journeyLoad(s)} vs ${load} − ${after.messages}`);
  await undo(page);
  s = await state(page);
  assert.equal(byId(s, "sop_after_sale").enabled, true);
  assert.ok(Math.abs(journeyLoad(s) - load) < 1e-3);

  // A blank journey: a Chinese name through the IME bridge, the after-sale trigger, a second step.
  await scrollClick(page, "journeys.add");
  await clickWidget(page, "journeys.add.opt.blank");
  s = await state(page);
  const added = sops(s).find((x) => !["sop_new_friend", "sop_first_purchase", "sop_repurchase", "sop_dormant_30", "sop_birthday", "sop_after_sale"].includes(x.id));
  assert.ok(added, "a journey was added");
  const id = added.id;
  await typeInto(page, `field.journey.${id}.name`, "差评安抚");
  await scrollClick(page, "journey.ed.trigger");
  await clickWidget(page, "journey.ed.trigger.opt.after_sale");
  await scrollClick(page, "journey.ed.add_step");
  await typeInto(page, `field.journey.${id}.step1.title`, "回访满意度");
  // Sent through WeCom's mass-send tool instead of one by one from the sidebar.
  await scrollClick(page, "journey.ed.step1.sent_as");
  await clickWidget(page, "journey.ed.step1.sent_as.opt.mass");
  s = await state(page);
  assert.equal(byId(s, id).steps[1].sent_as, "mass");
  assert.equal(byId(s, id).name, "差评安抚");
  assert.equal(byId(s, id).trigger, "after_sale");
  assert.equal(byId(s, id).steps.length, 2);
  assert.equal(byId(s, id).steps[1].title, "回访满意度");
  assert.ok(Math.abs(s.plan.journeys[id].inflow - after.inflow) < 1e-3, "the same entrants as the other after-sale journey");
  assert.ok(Math.abs(journeyLoad(s) - (load + 2 * after.inflow)) < 1e-3, "its two steps join the workload");
  await page.screenshot({ path: path.join(OUT, "journeys-editor.png") });

  // A reload keeps it.
  await page.reload();
  await page.waitForFunction(() => window.yutangReady && window.yutang.frames() >= 2);
  s = await state(page);
  assert.equal(byId(s, id).name, "差评安抚");
  assert.equal(byId(s, id).steps[1].title, "回访满意度");

  // The task list: CSV with one row per step, account and day; .ics with one event a day per operator.
  await selectTab(page, PERSONAS_TAB);
  await scrollTo(page, "journeys.export.csv");
  const [csvFile] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }), clickWidget(page, "journeys.export.csv")]);
  assert.match(csvFile.suggestedFilename(), /^journey-tasks-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await csvFile.path(), "utf8");
  assert.ok(csv.startsWith("\uFEFF日期,运营,账号,旅程,第几天,渠道,内容,话术,优惠券,预计人数\r\n"));
  assert.ok(csv.includes(",差评安抚,"), "the new journey's steps are listed");
  const rows = csv.trim().split("\r\n").slice(1).map((l) => l.split(","));
  assert.equal(new Set(rows.map((r) => r[0])).size, 7, "seven days");
  const dayOperator = new Set(rows.map((r) => r[0] + "|" + r[1])).size;
  await scrollTo(page, "journeys.export.ics");
  const [icsFile] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }), clickWidget(page, "journeys.export.ics")]);
  const ics = fs.readFileSync(await icsFile.path(), "utf8");
  assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\n"));
  const events = ics.split("BEGIN:VEVENT").length - 1;
  assert.equal(events, dayOperator, "one event a day for each operator with tasks");
  assert.deepEqual(errors, []);
  await ctx.close();
});

// An audience of the demo's 上海 customers, as the browser test inserts it.
const SHANGHAI = { type: "insert", section: "audiences", id: "a_sh", value: { name: "上海客户", conditions: [{ field: "city", values: ["上海"] }] } };

// The after-sale journey narrowed to that audience, measured by the CLI over the demo's orders.
function expectedInflow() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yutang-journeys-"));
  const cli = (args) => {
    const r = spawnSync(YUTANG, args, { encoding: "utf8" });
    assert.equal(r.status, 0, `yutang ${args.join(" ")}: ${r.stderr}`);
    return r.stdout;
  };
  const demo = path.join(dir, "demo.json"), ws = path.join(dir, "ws.json"), cmds = path.join(dir, "c.jsonl");
  cli(["demo", "--out", demo]);
  fs.writeFileSync(cmds, [JSON.stringify(SHANGHAI),
    JSON.stringify({ type: "update", section: "calendar.sops", id: "sop_after_sale", value: { audience: "a_sh" } })].join("\n") + "\n");
  cli(["apply", demo, "--commands", cmds, "--out", ws]);
  const doc = JSON.parse(cli(["journeys", ws, "--orders", ORDERS, "--json"]));
  return doc.journeys.find((j) => j.id === "sop_after_sale").inflow_per_day;
}

test("a journey narrowed to an audience counts its members; a banned word in a step opens the journey from the Dashboard", async () => {
  const want = expectedInflow();
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { viewport: VIEWPORT });
  assert.equal(await page.evaluate((c) => window.yutang.dispatch(c), JSON.stringify(SHANGHAI)), "");
  await selectTab(page, PERSONAS_TAB);
  let s = await state(page);
  const all = s.plan.journeys.sop_after_sale.inflow;
  await scrollClick(page, "journey.row.sop_after_sale");
  await scrollClick(page, "journey.ed.audience");
  await clickWidget(page, "journey.ed.audience.opt.a_sh");
  s = await state(page);
  assert.equal(byId(s, "sop_after_sale").audience, "a_sh");
  const got = s.plan.journeys.sop_after_sale.inflow;
  assert.ok(got > 0 && got < all, `fewer entrants: ${got} of ${all}`);
  assert.ok(Math.abs(got - want) < 1e-3, `the CLI counts ${want}, the app ${got}`);
  await undo(page);
  s = await state(page);
  assert.equal(byId(s, "sop_after_sale").audience, "");

  // 国家级 (a blocked absolute term) in a step: an error on the Dashboard that opens this journey.
  const step = { type: "update", section: "calendar.sops", id: "sop_first_purchase",
    value: { steps: [{ day: 0, channel: "private", type: "life", title: "国家级配方，感谢下单" }] } };
  assert.equal(await page.evaluate((c) => window.yutang.dispatch(c), JSON.stringify(step)), "");
  await selectTab(page, 0);
  s = await state(page);
  assert.ok(s.plan.errors >= 1);
  await clickWidget(page, "dash.finding.0");
  s = await state(page);
  assert.equal(s.tab, "personas");
  const v = s.layout.visible["sel.sop.sop_first_purchase"];
  assert.ok(v && v[1] >= 0 && v[1] < VIEWPORT.height, "the journey's editor is open and in view");
  assert.ok(s.widgets["journey.finding.sop_first_purchase.0"], "with the finding under its name");
  await page.screenshot({ path: path.join(OUT, "journeys-finding.png") });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("on a phone the journeys section and its editor fit: nothing of them is cut", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { viewport: { width: 390, height: 844 } });
  await selectTab(page, PERSONAS_TAB);
  await scrollClick(page, "journey.row.sop_repurchase");
  await scrollTo(page, "journey.ed.step2.script");
  const s = await state(page);
  assert.ok(s.widgets["field.journey.sop_repurchase.step2.title"], "the editor is open");
  // (The day fields count as cut when their digits lack room beside the − and + buttons.)
  const cut = s.layout.cut.filter((w) => w.startsWith("journey") || w.includes(".journey."));
  assert.deepEqual(cut, []);
  await page.screenshot({ path: path.join(OUT, "journeys-phone.png") });
  assert.deepEqual(errors, []);
  await ctx.close();
});
