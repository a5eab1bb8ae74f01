// calendar.test.mjs — the 内容日历 Calendar tab in real Chromium: the demo month is drawn, dragging
// an item to another day with the mouse changes its date and one Control+Z restores it, typing a
// title through the IME bridge is one undo step, the ICS export downloads one VEVENT per
// occurrence of the visible month (counted independently here from the workspace), a template
// is applied and undone in one step, and screenshots in Chinese and English go to OUT.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, rect, undo, OUT } from "./harness.mjs";
import { decodePng, pixelStats } from "./png.mjs";

const CAL_TAB = 3;

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const calendar = (s) => s.workspace.payload.calendar;
const item = (s, id) => calendar(s).items.find((x) => x.id === id);

// Days since 1970-01-01, as the workspace stores them.
const dayOf = (iso) => Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000);
const weekday = (d) => (((d + 3) % 7) + 7) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
const dayOfMonth = (d) => new Date(d * 86400000).getUTCDate();

// Occurrences of the plan's items in [from, to], by the recurrence rules of the model (an
// independent count for the export).
function occurrences(items, from, to) {
  let n = 0;
  for (const it of items) {
    const r = it.repeat || { kind: "" };
    const last = r.kind && r.until_day ? Math.min(to, r.until_day) : to;
    for (let d = Math.max(from, it.day); d <= last; d++) {
      if (!r.kind) { if (d === it.day) n++; break; }
      if (r.kind === "daily") n++;
      else if (r.kind === "weekly") {
        const days = r.weekdays && r.weekdays.length ? r.weekdays : [weekday(it.day)];
        if (days.includes(weekday(d))) n++;
      } else if (r.kind === "monthly") {
        if (dayOfMonth(d) === dayOfMonth(it.day)) n++;
      }
    }
  }
  return n;
}

async function openCalendar() {
  const opened = await openApp(env.browser, env.origin);
  await selectTab(opened.page, CAL_TAB);
  const s = await state(opened.page);
  assert.equal(s.tab, "calendar");
  return opened;
}

// Press on one widget, move in steps (separate frames), release over another.
async function drag(page, from, to) {
  const a = await rect(page, from), b = await rect(page, to);
  const x0 = a[0] + a[2] / 2, y0 = a[1] + a[3] / 2, x1 = b[0] + b[2] / 2, y1 = b[1] + b[3] / 2;
  await page.mouse.move(x0, y0);
  await page.waitForTimeout(80);
  await page.mouse.down();
  await page.waitForTimeout(80);
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(x0 + ((x1 - x0) * i) / 8, y0 + ((y1 - y0) * i) / 8);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(80);
  await page.mouse.up();
  await settle(page);
}

test("the demo month is drawn; dragging an item to another day is one Control+Z step", async () => {
  const { page, ctx, errors } = await openCalendar();
  let s = await state(page);
  for (const w of ["cal.month", "cal.week", "cal.prev", "cal.next", "cal.day.2026-11-01", "cal.day.2026-11-30",
    "cal.item.d-push-1", "cal.export.ics", "cal.template", "cal.finding0"])
    assert.ok(s.widgets[w], `widget ${w} is on screen; have ${Object.keys(s.widgets)}`);
  const stats = pixelStats(decodePng(await page.screenshot({ path: path.join(OUT, "calendar-zh.png") })));
  assert.ok(stats.colours > 8, `the tab is drawn (${stats.colours} colours)`);

  const before = item(s, "d-push-1");
  assert.equal(before.day, dayOf("2026-11-17"));
  assert.equal(s.can_undo, false);
  await drag(page, "cal.item.d-push-1", "cal.day.2026-11-13");
  s = await state(page);
  assert.equal(item(s, "d-push-1").day, dayOf("2026-11-13"), "the drop moved the item to the 13th");
  assert.equal(item(s, "d-push-1").title, before.title);
  assert.equal(item(s, "d-push-1").channel, before.channel);
  assert.equal(s.can_undo, true);
  assert.ok(s.widgets["cal.edit.title"], "the dragged item is selected and its editor shown");
  await page.screenshot({ path: path.join(OUT, "calendar-dragged.png") });

  await undo(page);
  s = await state(page);
  assert.equal(item(s, "d-push-1").day, before.day, "one undo restores the date");
  assert.equal(s.can_undo, false, "the whole drag was one undo step");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("typing an item's title through the IME bridge is one undo step", async () => {
  const { page, ctx } = await openCalendar();
  await clickWidget(page, "cal.item.d-push-1");
  let s = await state(page);
  assert.ok(s.widgets["cal.edit.title"], "the editor opened");
  const title = item(s, "d-push-1").title;
  await clickWidget(page, "cal.edit.title");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await settle(page);
  await page.keyboard.insertText("双12预热：好物清单");
  await settle(page);
  await page.keyboard.press("Enter");
  await settle(page);
  s = await state(page);
  assert.equal(item(s, "d-push-1").title, "双12预热：好物清单");
  await page.screenshot({ path: path.join(OUT, "calendar-editor.png") });
  await page.keyboard.press("Control+Z");
  await settle(page);
  s = await state(page);
  assert.equal(item(s, "d-push-1").title, title, "one undo restores the old title");
  await ctx.close();
});

test("the ICS export downloads one VEVENT per occurrence of the visible month", async () => {
  const { page, ctx, errors } = await openCalendar();
  const s = await state(page);
  const downloaded = page.waitForEvent("download");
  await clickWidget(page, "cal.export.ics");
  const dl = await downloaded;
  assert.equal(dl.suggestedFilename(), "yutang-calendar-2026-11-01_2026-11-30.ics");
  const text = fs.readFileSync(await dl.path(), "utf8");
  assert.ok(text.startsWith("BEGIN:VCALENDAR\r\n"), text.slice(0, 40));
  assert.ok(text.trimEnd().endsWith("END:VCALENDAR"));
  const events = text.split("BEGIN:VEVENT\r\n").length - 1;
  const expected = occurrences(calendar(s).items, dayOf("2026-11-01"), dayOf("2026-11-30"));
  assert.ok(expected > 50, `the demo month is full (${expected})`);
  assert.equal(events, expected, "one VEVENT per occurrence in November");
  assert.ok(text.includes("UID:d-push-1-20261117@yutang"), "stable UIDs");

  const csvDownloaded = page.waitForEvent("download");
  await clickWidget(page, "cal.export.csv");
  const csv = fs.readFileSync(await (await csvDownloaded).path(), "utf8").replace(/^\uFEFF/, "");
  const rows = csv.split("\r\n").filter((x) => x.length);
  assert.equal(rows.length, expected + 1, "a header and one row per occurrence");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a template applies as one step; findings, the week view and English are drawn", async () => {
  const { page, ctx, errors } = await openCalendar();
  let s = await state(page);
  const n = calendar(s).items.length;
  await clickWidget(page, "cal.template");
  s = await state(page);
  assert.ok(s.widgets["cal.apply"], "the template form opened");
  await page.screenshot({ path: path.join(OUT, "calendar-template-form.png") });
  await clickWidget(page, "cal.apply");
  s = await state(page);
  assert.ok(calendar(s).items.length > n, "the template added items");
  await page.screenshot({ path: path.join(OUT, "calendar-template.png") });
  await undo(page);
  s = await state(page);
  assert.equal(calendar(s).items.length, n, "one undo removes them all");

  assert.equal(s.widgets["cal.edit.title"], undefined, "nothing selected yet");
  await clickWidget(page, "cal.finding0");
  s = await state(page);
  assert.ok(s.widgets["cal.edit.title"], "clicking the finding selected an item it is about");
  await page.screenshot({ path: path.join(OUT, "calendar-finding.png") });

  await clickWidget(page, "cal.week");
  s = await state(page);
  assert.ok(Object.keys(s.widgets).some((k) => k.startsWith("cal.lane.moments.")), "the week has channel lanes");
  await page.screenshot({ path: path.join(OUT, "calendar-week.png") });

  await clickWidget(page, "langswitch");
  s = await state(page);
  assert.equal(s.language, "en");
  assert.equal(s.tab, "calendar");
  const stats = pixelStats(decodePng(await page.screenshot({ path: path.join(OUT, "calendar-en.png") })));
  assert.ok(stats.colours > 8, "the English tab is drawn");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a long press on an item (touch screen) opens its context menu; Duplicate adds a copy, undo removes it", async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, hasTouch: true });
  const { page } = await openApp(env.browser, env.origin, { context: ctx });
  await selectTab(page, 3);
  const s0 = await state(page);
  const before = s0.workspace.payload.calendar.items.length;
  const box = Object.keys(s0.widgets).find((k) => k.startsWith("cal.item."));
  const r = s0.widgets[box];
  const x = r[0] + r[2] / 2, y = r[1] + r[3] / 2;
  const cdp = await ctx.newCDPSession(page);
  // A short tap selects; it opens no menu.
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  await page.waitForTimeout(120);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await settle(page);
  assert.equal((await state(page)).widgets["cal.menu.duplicate"], undefined, "a tap opens no menu");
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  await page.waitForTimeout(900);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await settle(page);
  const s1 = await state(page);
  assert.ok(s1.widgets["cal.menu.duplicate"], `the context menu is open; have ${Object.keys(s1.widgets).filter((k) => k.startsWith("cal.menu"))}`);
  await page.screenshot({ path: path.join(OUT, "calendar-long-press-menu.png") });
  await clickWidget(page, "cal.menu.duplicate");
  assert.equal((await state(page)).workspace.payload.calendar.items.length, before + 1);
  await page.keyboard.press("Control+z");
  await settle(page);
  assert.equal((await state(page)).workspace.payload.calendar.items.length, before);
  await ctx.close();
});
