// plan_diff.test.mjs — 导入同事的方案 Import a colleague's plan in real Chromium: the colleague's
// file goes through the real picker, the dialog lists what differs, a subset is taken, one Ctrl+Z
// takes it all back; a file from a newer version is refused and nothing changes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, undo, OUT } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

async function dispatch(page, cmd) {
  const err = await page.evaluate((c) => window.yutang.dispatch(c), cmd);
  assert.equal(err, "", JSON.stringify(cmd));
}

async function pickPlan(page, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:plan")]);
  assert.match(await chooser.element().getAttribute("accept"), /\.json/);
  await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  await page.mouse.move(300, 300);
  await settle(page);
}

test("a colleague's plan: what differs is listed, a subset is taken as one undo step", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1,
    acceptDownloads: true });
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { context });
  await settle(page);
  const mine = (await state(page)).workspace;
  const persona = mine.payload.roles.personas[0];
  const item = mine.payload.calendar.items[0];
  // The colleague's edits, made with the same commands, saved, then undone here.
  await dispatch(page, { type: "update", section: "roles.personas", id: persona.id, value: { name: "同事改的名字" } });
  await dispatch(page, { type: "insert", section: "roles.personas", id: "p_colleague", value: { name: "同事的新人设" } });
  await dispatch(page, { type: "erase", section: "calendar.items", id: item.id });
  // Their file, exactly as Export workspace writes it.
  await clickWidget(page, "export_ws");  // asks whether the KOCs (customers) go out masked or in full
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }), clickWidget(page, "export_ws.full")]);
  const theirs = fs.readFileSync(await download.path(), "utf8");
  for (let i = 0; i < 3; ++i) await undo(page);
  let s = await state(page);
  assert.deepEqual(s.workspace.payload, mine.payload, "back to my plan");

  await selectTab(page, 5);
  await pickPlan(page, "同事.yutang.json", theirs);
  await page.waitForFunction(() => window.yutang.state().widgets["plan.take"] !== undefined, null, { timeout: 10000 });
  s = await state(page);
  for (const w of ["plan.take.0", "plan.take.1", "plan.take.2"]) assert.ok(s.widgets[w], `${w} on screen`);
  assert.equal(s.widgets["plan.take.3"], undefined, "three differences");
  assert.deepEqual(s.workspace.payload, mine.payload, "nothing changes before Take");
  await page.screenshot({ path: path.join(OUT, "plan-diff-dialog.png") });

  await clickWidget(page, "plan.take.2");  // keep my calendar item: take the persona changes only
  await clickWidget(page, "plan.take");
  s = await state(page);
  assert.equal(s.widgets["plan.take"], undefined, "the dialog closed");
  const personas = s.workspace.payload.roles.personas;
  assert.equal(personas.find((p) => p.id === persona.id).name, "同事改的名字");
  assert.ok(personas.some((p) => p.id === "p_colleague"));
  assert.ok(s.workspace.payload.calendar.items.some((i) => i.id === item.id), "the unticked removal was not taken");

  await undo(page);
  s = await state(page);
  assert.deepEqual(s.workspace.payload, mine.payload, "one undo takes the whole import back");

  // A plan saved by a newer version: refused, nothing changes.
  await pickPlan(page, "新版本.yutang.json", theirs.replace(/"schema":(\d+)/, (_, n) => `"schema":${Number(n) + 1}`));
  s = await state(page);
  assert.equal(s.widgets["plan.take"], undefined, "no dialog for a refused file");
  assert.match(s.banner, /新版本\.yutang\.json/);
  assert.deepEqual(s.workspace.payload, mine.payload);
  assert.deepEqual(errors, []);
  await ctx.close();
});
