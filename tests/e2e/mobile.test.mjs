// mobile.test.mjs — Yutang on a phone (390×844, touch, 2× pixels) and a tablet (768×1024) with
// Playwright's mobile emulation: the toolbar wraps instead of overlapping, every tab is reachable
// and its main widgets are on screen or reachable by scrolling, no two named widgets overlap and
// no text is cut, touch targets are about 40 CSS px, the calendar lists days instead of a
// 7-column month, a long press opens an item's menu, and typing Chinese into a field works through
// the IME bridge (the field scrolls up above a soft keyboard).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, state, settle, selectTab, waitFrames, OUT } from "./harness.mjs";
import { layoutProblems } from "./layout_check.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const TABS = ["dashboard", "tiers", "personas", "calendar", "roi", "settings"];
// Each tab's main widgets: on screen, or reachable by scrolling the tab.
const MAIN = {
  tiers: ["tiers.export_scope", "tiers.export", "tbl.tiers_segments.h0"],
  personas: ["persona_add", "account_add", "tbl.accounts.h1"],
  calendar: ["cal.month", "cal.week", "cal.next", "cal.template"],
  roi: ["roi_scenario", "roi_add", "roi_aov", "roi_horizon"],
  settings: ["language", "ws_name", "tbl.rules.h0"],
};

async function openDevice(viewport, deviceScaleFactor = 2) {
  // Two device pixels per CSS pixel on a phone, one on the tablet (HiDPI itself is tested in
  // trust.test.mjs): each frame of the software-rendered WebGL costs its pixels, and the tablet's
  // walk over every tab in two languages ran for many minutes at two.
  const ctx = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(env.origin + "/index.html");
  await waitFrames(page, 2, 60000);
  await settle(page);
  const cdp = await ctx.newCDPSession(page);
  return { ctx, page, errors, cdp };
}

// A touch held `ms` milliseconds (ImGui sees press and release in different frames).
async function touch(dev, x, y, ms = 120) {
  const p = [{ x, y }];
  await dev.cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: p });
  await dev.page.waitForTimeout(ms);
  await dev.cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await settle(dev.page);
}

const centre = (r) => [r[0] + r[2] / 2, r[1] + r[3] / 2];

// Mouse-wheel notches over (x, y): each scrolls the panel under the pointer by a few lines.
async function wheel(page, x, y, notches) {
  await page.mouse.move(x, y);
  for (let i = 0; i < Math.abs(notches); i++) await page.mouse.wheel(0, notches > 0 ? 100 : -100);
  await settle(page);
}

// Scrolls the open tab with the mouse wheel until `name` is fully visible; returns its rectangle.
// A widget the tab does not publish (scrolled far out of sight) is looked for from the top down.
async function scrollTo(dev, name) {
  const vp = dev.page.viewportSize();
  let fromTop = false;
  for (let i = 0; i < 30; i++) {
    const s = await state(dev.page);
    const v = s.layout.visible[name], r = s.widgets[name];
    if (v && r && v[3] >= r[3] - 1 && v[1] >= 0 && v[1] + v[3] <= vp.height) return v;
    if (!r && !fromTop) {
      fromTop = true;
      await wheel(dev.page, vp.width * 0.3, vp.height * 0.6, -80);
      continue;
    }
    // Up when the widget lies above the middle of the screen (behind the toolbar counts as above).
    await wheel(dev.page, vp.width * 0.3, vp.height * 0.6, r && r[1] + r[3] / 2 < vp.height / 2 ? -3 : 3);
  }
  const s = await state(dev.page);
  const under = await dev.page.evaluate(([x, y]) => {
    const el = document.elementFromPoint(x, y);
    return `${el && el.tagName}#${el && el.id}, focus ${document.activeElement && document.activeElement.id}`;
  }, [vp.width * 0.3, vp.height * 0.6]);
  throw new Error(`${name} cannot be scrolled into view (under the pointer: ${under}) (at ${s.widgets[name]}, visible ${s.layout.visible[name]}, tab ${s.tab}, wheel ${JSON.stringify(s.wheel)})`);
}

async function walkTabs(dev, label) {
  const problems = [];
  const vp = dev.page.viewportSize();
  for (let t = 0; t < TABS.length; t++) {
    await selectTab(dev.page, t);
    let s = await state(dev.page);
    assert.equal(s.tab, TABS[t]);
    // The toolbar and the tab bar: nothing off the right edge.
    for (const w of ["undo", "redo", "langswitch", "file:workspace", "export_ws", "help_button", `tab.${TABS[t]}`]) {
      const r = s.layout.visible[w];
      assert.ok(r, `${label}: ${w} is visible on ${TABS[t]}`);
      assert.ok(r[0] >= 0 && r[0] + r[2] <= vp.width + 0.5, `${label}: ${w} lies within the screen width`);
    }
    // Touch targets: buttons about 40 CSS px high.
    for (const w of ["undo", "langswitch", "export_ws"]) assert.ok(s.widgets[w][3] >= 38, `${label}: ${w} is ${s.widgets[w][3]} px high`);
    // Screen by screen: no overlap, no cut text.
    for (let step = 0; step < 12; step++) {
      problems.push(...layoutProblems(s, `${label} ${TABS[t]} (screen ${step + 1})`));
      const before = JSON.stringify(s.layout.visible);
      await wheel(dev.page, vp.width * 0.3, vp.height * 0.6, 5);
      s = await state(dev.page);
      if (JSON.stringify(s.layout.visible) === before) break;
    }
    await wheel(dev.page, vp.width * 0.3, vp.height * 0.6, -80);  // back to the top of the tab
    for (const w of MAIN[TABS[t]] || []) await scrollTo(dev, w);
  }
  return problems;
}

// Any overlap and any cut text fails the walks below (each reported once).
const open = (problems) => [...new Set(problems)];

test("a phone (390×844, touch): toolbar, tabs, panels and tables fit; the calendar lists days; Chinese typing works", async () => {
  const dev = await openDevice({ width: 390, height: 844 });
  const { page } = dev;
  // The tabs that fit are opened by touching them; the tab bar scrolls to the others.
  let s = await state(page);
  const shown = TABS.filter((t) => s.layout.visible[`tab.${t}`]);
  assert.ok(shown.length >= 4, `several tabs are on screen (${shown})`);
  for (const t of shown.slice(1, 2)) {  // (choosing a tab near the edge scrolls the bar)
    s = await state(page);
    const [x, y] = centre(s.layout.visible[`tab.${t}`]);
    await touch(dev, x, y);
    assert.equal((await state(page)).tab, t, `touching tab.${t} opens it`);
  }
  const problems = [];
  for (const lang of ["zh", "en"]) {
    assert.equal(await page.evaluate((l) => window.yutang.dispatch({ type: "set_language", value: l }), lang), "");
    problems.push(...await walkTabs(dev, `390 ${lang}`));
  }
  assert.deepEqual(open(problems), [], "layout problems on a phone");

  // The calendar: a list of days, not the 7-column month; a long press opens an item's menu.
  await page.evaluate(() => window.yutang.dispatch({ type: "set_language", value: "zh" }));
  await selectTab(page, 3);
  s = await state(page);
  assert.ok(Object.keys(s.widgets).some((w) => w.startsWith("cal.agenda.")), "the days are listed");
  assert.ok(!Object.keys(s.widgets).some((w) => w.startsWith("cal.day.")), "no month grid");
  await page.screenshot({ path: path.join(OUT, "phone-calendar.png") });
  const item = await scrollTo(dev, Object.keys(s.widgets).find((w) => w.startsWith("cal.item.")));
  const [ix, iy] = centre(item);
  await touch(dev, ix, iy, 900);
  s = await state(page);
  assert.ok(s.widgets["cal.menu.edit"] && s.widgets["cal.menu.delete"], "a long press opened the item's menu");
  await page.keyboard.press("Escape");
  await settle(page);

  // Typing Chinese: touch the workspace name, type through the IME bridge.
  await selectTab(page, 5);
  await scrollTo(dev, "ws_name");
  s = await state(page);
  const [nx, ny] = centre(s.layout.visible.ws_name);
  await touch(dev, nx, ny);
  assert.equal(await page.evaluate(() => document.activeElement.id), "ime", "the hidden text field has focus");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await settle(page);
  await page.keyboard.insertText("手机上的计划");
  await settle(page);
  await page.keyboard.press("Enter");
  await settle(page);
  s = await state(page);
  assert.equal(s.workspace.payload.name, "手机上的计划");
  await page.screenshot({ path: path.join(OUT, "phone-settings.png") });
  assert.deepEqual(dev.errors, []);
  await dev.ctx.close();
});

test("a phone: a finger that pans up or down scrolls the tab under it and presses nothing; a tap still presses", async () => {
  const dev = await openDevice({ width: 390, height: 844 });
  const { page, cdp } = dev;
  await selectTab(page, 1);
  let s = await state(page);
  const before = s.widgets["tiers.import"][1], seq = s.saved_seq;
  const drag = async (x, y0, y1) => {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: y0 }] });
    for (let i = 1; i <= 10; i++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y0 + (y1 - y0) * i / 10 }] });
      await page.waitForTimeout(20);
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await settle(page);
  };
  await drag(200, 700, 300);  // up by 400 px: five of Dear ImGui's 80 px steps
  s = await state(page);
  assert.equal(s.tab, "tiers");
  assert.ok(!s.widgets["tiers.import"] || s.widgets["tiers.import"][1] <= before - 300,
    `the tab scrolled (import button from ${before} to ${s.widgets["tiers.import"] && s.widgets["tiers.import"][1]})`);
  // Back down: the button returns, and nothing was pressed or changed on the way.
  await drag(200, 300, 700);
  s = await state(page);
  assert.ok(Math.abs(s.widgets["tiers.import"][1] - before) < 2, "the pan back shows the top again");
  assert.equal(s.saved_seq, seq, "no change was made by panning");
  // A short touch on a tab is still a press.
  const tab = s.layout.visible["tab.personas"] || s.layout.visible["tab.dashboard"];
  await touch(dev, ...centre(tab));
  assert.notEqual((await state(page)).tab, "tiers", "the touched tab opened");
  assert.deepEqual(dev.errors, []);
  await dev.ctx.close();
});

test("a phone: a text field covered by the soft keyboard scrolls up above it", async () => {
  const dev = await openDevice({ width: 390, height: 844 });
  const { page } = dev;
  await selectTab(page, 2);
  // The first account's name field, scrolled near the bottom of the screen.
  const isField = (w) => w.startsWith("field.account.") && w.endsWith(".name");
  let s = await state(page);
  for (let i = 0; i < 20 && !Object.keys(s.widgets).some(isField); i++) {  // the accounts table is further down
    await wheel(page, 195, 500, 3);
    s = await state(page);
  }
  const field = Object.keys(s.widgets).find(isField);
  assert.ok(field, "an account name field is published");
  await scrollTo(dev, field);
  for (let i = 0; i < 20; i++) {  // bring it into the lower part of the screen
    s = await state(page);
    if (s.layout.visible[field][1] > 600) break;
    await wheel(page, 195, 500, -1);
  }
  s = await state(page);
  const r = s.layout.visible[field];
  assert.ok(r[1] > 560, `the field is low on the screen (${r[1]})`);
  await touch(dev, r[0] + 10, r[1] + r[3] / 2);
  assert.equal(await page.evaluate(() => document.activeElement.id), "ime");
  // A 320 px keyboard: the page reports the visible bottom (as its visualViewport listener does).
  await page.evaluate(() => window.yutangIme.revealAbove(844 - 320));
  await settle(page);
  s = await state(page);
  const after = s.widgets[field];
  assert.ok(after[1] + after[3] <= 844 - 320, `the field is above the keyboard (bottom ${after[1] + after[3]})`);
  await page.keyboard.insertText("新号");
  await settle(page);
  s = await state(page);
  assert.ok(s.workspace.payload.roles.accounts.some((a) => a.name.includes("新号")), "the typed text reached the account");
  await dev.ctx.close();
});

test("a tablet (768×1024, touch): no overlap, no cut text, every tab's main widgets reachable", async () => {
  const dev = await openDevice({ width: 768, height: 1024 }, 1);
  const problems = [];
  for (const lang of ["zh", "en"]) {
    assert.equal(await dev.page.evaluate((l) => window.yutang.dispatch({ type: "set_language", value: l }), lang), "");
    problems.push(...await walkTabs(dev, `768 ${lang}`));
  }
  await selectTab(dev.page, 4);
  await dev.page.screenshot({ path: path.join(OUT, "tablet-roi.png") });
  assert.deepEqual(open(problems), [], "layout problems on a tablet");
  assert.deepEqual(dev.errors, []);
  await dev.ctx.close();
});
