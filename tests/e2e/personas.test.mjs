// personas.test.mjs — the 角色 Personas tab in real Chromium: edits made by clicking real widgets
// go through the undo history (Control+Z reverts them), clicking a finding selects and scrolls to
// the object it concerns, typing a persona's name through the IME bridge is one undo step, and
// the tab is drawn in Chinese and English (screenshots in OUT).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, OUT } from "./harness.mjs";
import { decodePng, pixelStats } from "./png.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const roles = (s) => s.workspace.payload.roles;
const account = (s, id) => roles(s).accounts.find((a) => a.id === id);
const persona = (s, id) => roles(s).personas.find((p) => p.id === id);

async function openPersonas() {
  const opened = await openApp(env.browser, env.origin);
  await selectTab(opened.page, 2);
  const s = await state(opened.page);
  assert.equal(s.tab, "personas");
  return opened;
}

test("the personas tab draws the demo's personas, accounts and findings", async () => {
  const { page, ctx, errors } = await openPersonas();
  const s = await state(page);
  for (const w of ["persona_card.p_xiaowan", "persona_card.p_expert", "persona_add", "acc_plus.acc1", "acc_row.acc4",
    "finding.0"])
    assert.ok(s.widgets[w], `widget ${w} is on screen; have ${Object.keys(s.widgets)}`);
  const stats = pixelStats(decodePng(await page.screenshot({ path: path.join(OUT, "personas-zh.png") })));
  assert.ok(stats.colours > 8, `the tab is drawn (${stats.colours} colours)`);
  await clickWidget(page, "langswitch");
  assert.equal((await state(page)).language, "en");
  await page.screenshot({ path: path.join(OUT, "personas-en.png") });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("the + friends button is an undoable edit: Control+Z reverts it, Control+Shift+Z redoes it", async () => {
  const { page, ctx } = await openPersonas();
  let s = await state(page);
  const before = account(s, "acc2").friends;
  const version = s.version;
  await clickWidget(page, "acc_plus.acc2");
  s = await state(page);
  assert.equal(account(s, "acc2").friends, before + 100);
  assert.ok(s.version > version);
  assert.equal(s.can_undo, true);
  await page.keyboard.press("Control+Z");
  await settle(page);
  s = await state(page);
  assert.equal(account(s, "acc2").friends, before, "Control+Z undid the click");
  assert.equal(s.can_redo, true);
  await page.keyboard.press("Control+Shift+Z");
  await settle(page);
  s = await state(page);
  assert.equal(account(s, "acc2").friends, before + 100, "Control+Shift+Z redid it");
  await ctx.close();
});

test("an over-cap account shows an error finding; clicking it selects and scrolls to the account", async () => {
  const { page, ctx } = await openPersonas();
  const err = await page.evaluate(() => window.yutang.dispatch(
    { type: "update", section: "roles.accounts", id: "acc1", value: { friends: 5200 } }));
  assert.equal(err, "");
  await page.mouse.move(10, 400);  // wake the idle loop
  await settle(page);
  let s = await state(page);
  assert.equal(account(s, "acc1").friends, 5200);
  assert.ok(s.widgets["finding.0"], "the findings panel lists the error first");
  assert.equal(s.widgets["sel.account.acc1"], undefined, "nothing selected yet");
  await clickWidget(page, "finding.0");
  await settle(page);
  s = await state(page);
  const row = s.widgets["sel.account.acc1"];
  assert.ok(row, `the account row is highlighted; have ${Object.keys(s.widgets)}`);
  assert.ok(row[1] >= 0 && row[1] + row[3] <= 800, `the row is on screen: ${row}`);
  await page.screenshot({ path: path.join(OUT, "personas-finding.png") });
  // Clicking a finding only selects: the workspace is unchanged, and undo reverts the dispatch.
  assert.equal(account(s, "acc1").friends, 5200);
  await page.keyboard.press("Control+Z");
  await settle(page);
  s = await state(page);
  assert.equal(account(s, "acc1").friends, 4720);
  await ctx.close();
});

test("typing a persona's name through the IME bridge is one undo step", async () => {
  const { page, ctx } = await openPersonas();
  await clickWidget(page, "persona_card.p_xiaowan");
  let s = await state(page);
  assert.ok(s.widgets.persona_name, "the edit panel opened");
  await clickWidget(page, "persona_name");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await settle(page);
  await page.keyboard.insertText("小婉姐姐");
  await settle(page);
  await page.keyboard.press("Enter");
  await settle(page);
  s = await state(page);
  assert.equal(persona(s, "p_xiaowan").name, "小婉姐姐");
  await page.screenshot({ path: path.join(OUT, "personas-editor.png") });
  await page.keyboard.press("Control+Z");
  await settle(page);
  s = await state(page);
  assert.equal(persona(s, "p_xiaowan").name, "小婉", "one undo restores the old name");
  await ctx.close();
});
