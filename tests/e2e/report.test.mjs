// report.test.mjs — 打印方案 Print plan, in real Chromium: the Dashboard's button opens the
// printable plan (core/plan/report_html.hpp, built from the app's own Assessment) in a new tab
// from a Blob URL; the page has the cover, the segment table and as many findings as state()
// reports, fetches nothing, prints as A4 pages with its print button hidden, and its button calls
// the tab's print() (wired by the opener: the page runs no script of its own).
// Run: YT_WEB=$PWD/build/web node --test --test-concurrency=1 tests/e2e/report.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openApp, state, settle, clickWidget, OUT } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

// Clicks 打印方案 and returns the new tab once its page has loaded, with every request the
// context saw from then on and the tab's errors.
async function printPlan(ctx, page) {
  const requests = [];
  ctx.on("request", (r) => requests.push(r));
  const [tab] = await Promise.all([ctx.waitForEvent("page", { timeout: 10000 }), clickWidget(page, "dash.print")]);
  const errors = [];
  tab.on("pageerror", (e) => errors.push(String(e)));
  tab.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await tab.waitForLoadState("load");
  await tab.waitForSelector("#findings");
  return { tab, requests, errors };
}

test("Print plan opens the plan in a new tab: cover, segments, the app's findings, no network, A4", async () => {
  const { ctx, page, errors: appErrors } = await openApp(env.browser, env.origin);
  const s0 = await state(page);
  const total = s0.plan.errors + s0.plan.warnings + s0.plan.infos;
  assert.ok(total > 0, "the demo has findings to list");

  const { tab, requests, errors } = await printPlan(ctx, page);
  assert.match(tab.url(), /^blob:http:\/\/127\.0\.0\.1:\d+\//);
  // The cover: the plan's name and brand, the demo's month.
  const ws = s0.workspace.payload;
  assert.equal((await tab.locator("#cover h1").textContent()).trim(), ws.name);
  assert.match(await tab.locator("#cover").textContent(), new RegExp(ws.brand));
  assert.match(await tab.locator("#cover").textContent(), /2026年11月/);
  assert.equal(await tab.locator("#demo-note").count(), 1);
  // The segment table: the eight segments, their customers adding up to the app's.
  const rows = tab.locator("#segment-table tbody tr");
  assert.equal(await rows.count(), 8);
  let customers = 0;
  for (const cell of await tab.locator("#segment-table tbody tr td:nth-child(2)").allTextContents())
    customers += Number(cell.replace(/,/g, ""));
  assert.equal(customers, s0.customers);
  // The findings: as many as state() reports, grouped by severity.
  assert.equal(await tab.locator("#findings tr.finding").count(), total);
  assert.equal(await tab.locator("#findings").getAttribute("data-count"), String(total));
  assert.ok(await tab.locator("#month-grid td.day").count() >= 28);
  assert.equal(await tab.title(), `${ws.name} · 私域运营方案`);

  // Nothing fetched: no request from the tab other than its blob, no resource loaded.
  assert.ok(requests.some((r) => r.url() === tab.url()), "the blob itself is seen, so the capture works");
  const fromTab = requests.filter((r) => { try { return r.frame().page() === tab; } catch { return false; } });
  assert.deepEqual(fromTab.map((r) => r.url()).filter((u) => !u.startsWith("blob:")), []);
  assert.deepEqual(requests.map((r) => r.url()).filter((u) => !u.startsWith("blob:") && !u.startsWith(env.origin)), []);
  assert.equal(await tab.evaluate(() => performance.getEntriesByType("resource").length), 0);

  // The app confirms in its banner.
  await settle(page);
  assert.match((await state(page)).banner, /已打开可打印的方案 yutang-plan-\d{4}-\d{2}-\d{2}\.html/);

  // Its button prints (wired by the opener, since the page runs no script of its own).
  await tab.waitForFunction(() => document.getElementById("yt-print").dataset.wired === "1", null, { timeout: 5000 });
  await tab.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await tab.click("#yt-print");
  assert.equal(await tab.evaluate(() => window.printed), 1);
  // In print: the button is hidden, the pages are A4 (595 × 842 pt) and each section starts one.
  await tab.emulateMedia({ media: "print" });
  assert.equal(await tab.locator("#yt-print").isVisible(), false);
  const pdf = (await tab.pdf({ preferCSSPageSize: true })).toString("latin1");
  fs.writeFileSync(path.join(OUT, "plan.pdf"), pdf, "latin1");
  const pages = (pdf.match(/\/Type\s*\/Page\b/g) || []).length;
  assert.ok(pages >= 6, `${pages} pages: a cover and one page per section at least`);
  assert.match(pdf, /\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 84[12]\.\d+\s*\]/);
  assert.deepEqual(errors, []);
  assert.deepEqual(appErrors, []);
  await tab.close();
});

test("Print plan follows the UI language: English plan after switching to EN", async () => {
  const { ctx, page } = await openApp(env.browser, env.origin);
  assert.equal(await page.evaluate(() => window.yutang.dispatch({ type: "set_language", value: "en" })), "");
  await settle(page);
  const s = await state(page);
  const { tab } = await printPlan(ctx, page);
  assert.equal(await tab.locator("html").getAttribute("lang"), "en");
  assert.match(await tab.locator("#segments h2").textContent(), /Customer segments/);
  assert.equal(await tab.locator("#findings tr.finding").count(), s.plan.errors + s.plan.warnings + s.plan.infos);
  await settle(page);
  assert.match((await state(page)).banner, /Opened the printable plan/);
});
