// layout.test.mjs — nothing clipped, nothing overlapping: every tab (and the calendar's week
// view) at 1440×900 and 1024×768, in Chinese and in English, scrolled through. The app reports
// each named widget's visible rectangle and whether its text is cut (layout in the test hook);
// the test fails on any cut text and on any two named widgets that overlap.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, OUT } from "./harness.mjs";
import { layoutProblems } from "./layout_check.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const TABS = ["dashboard", "tiers", "personas", "calendar", "roi", "settings"];

// Scrolls the open tab down in steps (mouse wheel over its body), checking each screenful.
async function walkTab(page, where, problems, widgetsSeen) {
  const vp = page.viewportSize();
  for (let step = 0; step < 6; step++) {
    const s = await state(page);
    for (const w of Object.keys(s.widgets)) widgetsSeen.add(w);
    problems.push(...layoutProblems(s, `${where} (screen ${step + 1})`));
    const before = JSON.stringify(s.layout.visible);
    await page.mouse.move(vp.width * 0.3, vp.height * 0.75);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 100);  // a few notches, a few lines each
    await settle(page);
    const after = JSON.stringify((await state(page)).layout.visible);
    if (after === before) break;  // the bottom
  }
}

test("every tab at 1440×900 and 1024×768, in Chinese and English: no cut text, no overlapping widgets", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { viewport: { width: 1440, height: 900 } });
  const problems = [];
  const seen = new Set();
  for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
    await page.setViewportSize(size);
    for (const lang of ["zh", "en"]) {
      assert.equal(await page.evaluate((l) => window.yutang.dispatch({ type: "set_language", value: l }), lang), "");
      await settle(page);
      for (let t = 0; t < TABS.length; t++) {
        await selectTab(page, t);
        const where = `${size.width}×${size.height} ${lang} ${TABS[t]}`;
        await walkTab(page, where, problems, seen);
        if (TABS[t] === "calendar") {
          await selectTab(page, t);  // back to the top
          await clickWidget(page, "cal.week");
          await walkTab(page, `${where} week`, problems, seen);
          await selectTab(page, t);
          await clickWidget(page, "cal.month");
        }
      }
      if (size.width === 1024) await page.screenshot({ path: path.join(OUT, `layout-1024-${lang}.png`) });
    }
  }
  // The check means something only if the widgets it looks at are there.
  for (const w of ["undo", "langswitch", "tab.tiers", "tab.roi", "roi_scenario", "roi_aov", "tiers.export_scope",
    "tbl.accounts.h1", "tbl.tiers_segments.h0", "tbl.roi_channels.h1", "cal.week", "language"])
    assert.ok(seen.has(w), `widget ${w} was checked`);
  assert.ok(seen.size > 150, `many widgets were checked (${seen.size})`);
  assert.deepEqual(errors, []);
  assert.deepEqual([...new Set(problems)], [], "layout problems");
  await ctx.close();
});
