// roi.test.mjs — the 漏斗 ROI tab in real Chromium: drag the AOV slider with the mouse (the
// assumption changes, the whole drag is one undo step, Ctrl+Z restores it), switch and
// duplicate scenarios through the real widgets, and screenshots in Chinese and English.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, rect, undo, OUT } from "./harness.mjs";
import { decodePng, pixelStats } from "./png.mjs";

const ROI_TAB = 4;

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const economics = (s) => s.workspace.payload.economics;
const activeScenario = (s) => economics(s).scenarios[economics(s).active];

test("dragging the AOV slider changes the assumption, and one Ctrl+Z restores it", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin);
  await selectTab(page, ROI_TAB);
  let s = await state(page);
  assert.equal(s.tab, "roi");
  assert.equal(economics(s).scenarios.length, 3, "the demo has three scenarios");
  assert.equal(economics(s).active, 0);
  const aov0 = activeScenario(s).a.aov;
  assert.equal(aov0, 129);
  assert.equal(s.can_undo, false, "a fresh start has nothing to undo");
  await page.screenshot({ path: path.join(OUT, "roi-zh.png") });

  // Drag: press on the slider, move right in several steps (several frames), release.
  const r = await rect(page, "roi_aov");
  const x = r[0] + r[2] / 2, y = r[1] + r[3] / 2;
  await page.mouse.move(x, y);
  await page.waitForTimeout(80);
  await page.mouse.down();
  await page.waitForTimeout(80);
  for (let i = 1; i <= 6; i++) {
    await page.mouse.move(x + i * 10, y);
    await page.waitForTimeout(40);
  }
  await page.mouse.up();
  await settle(page);
  s = await state(page);
  const aov1 = activeScenario(s).a.aov;
  assert.notEqual(aov1, aov0, "the drag changed the assumption");
  assert.ok(aov1 > aov0, `moving right from the middle of the log slider raises AOV (${aov1})`);
  assert.equal(s.can_undo, true);
  assert.ok(s.saved_seq >= 1, "the change was autosaved");
  await page.screenshot({ path: path.join(OUT, "roi-dragged.png") });

  // Click on the assumptions heading (plain text, no effect), then one Ctrl+Z.
  await clickWidget(page, "roi_title");
  assert.equal(activeScenario(await state(page)).a.aov, aov1, "clicking the heading changes nothing");
  await undo(page);
  s = await state(page);
  assert.equal(activeScenario(s).a.aov, aov0, "one undo restores the value from before the drag");
  assert.equal(s.can_undo, false, "the whole drag was one undo step");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("switching and duplicating scenarios through the widgets; undo removes the copy", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin);
  await selectTab(page, ROI_TAB);

  await clickWidget(page, "roi_scenario");
  await clickWidget(page, "roi_scenario_item_2");
  let s = await state(page);
  assert.equal(economics(s).active, 2);
  assert.equal(activeScenario(s).id, "conservative");

  await clickWidget(page, "roi_dup");
  s = await state(page);
  assert.equal(economics(s).scenarios.length, 4);
  assert.equal(economics(s).active, 3);
  assert.equal(activeScenario(s).id, "conservative_copy");
  assert.deepEqual(activeScenario(s).a, economics(s).scenarios[2].a, "a named copy of the assumptions");
  await page.screenshot({ path: path.join(OUT, "roi-duplicated.png") });

  await clickWidget(page, "roi_title");
  await undo(page);
  s = await state(page);
  assert.equal(economics(s).scenarios.length, 3);
  assert.equal(economics(s).active, 2);

  // The tab in English.
  await clickWidget(page, "langswitch");
  s = await state(page);
  assert.equal(s.language, "en");
  assert.equal(s.tab, "roi");
  const stats = pixelStats(decodePng(await page.screenshot({ path: path.join(OUT, "roi-en.png") })));
  assert.ok(stats.colours > 8, "the English tab is drawn");
  assert.deepEqual(errors, []);
  await ctx.close();
});
