// xlsx.test.mjs — Excel workbooks through the real file picker: 50,000 orders written by openpyxl
// (tests/xlsx/make_workbooks.py) import with every customer id kept as text; a workbook whose
// first sheet is a cover page imports after the sheet picker chooses the orders sheet; an
// encrypted workbook is refused and the customers stay as they were.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { launch, openApp, state, settle, selectTab, clickWidget, ROOT, OUT } from "./harness.mjs";

let env, dir;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yutang-xlsx-"));
  const r = spawnSync("/usr/bin/python3", [path.join(ROOT, "tests/xlsx/make_workbooks.py"), dir], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  env = await launch();
});
after(async () => { await env.browser.close(); env.server.close(); });

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Distinct customer ids among the first `n` orders of the equivalent CSV.
function customers(n = Infinity) {
  const lines = fs.readFileSync(path.join(dir, "orders.csv"), "utf8").split("\n").slice(1).filter((l) => l);
  return new Set(lines.slice(0, n).map((l) => l.split(",")[0])).size;
}

async function waitWidget(page, name, timeout = 30000) {
  await page.waitForFunction((w) => window.yutang && window.yutang.state().widgets[w] !== undefined, name,
    { timeout, polling: 100 });
}

async function pick(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:orders")]);
  assert.match(await chooser.element().getAttribute("accept"), /\.xlsx/);
  await chooser.setFiles({ name: file, mimeType: XLSX, buffer: fs.readFileSync(path.join(dir, file)) });
}

test("50,000 orders in an .xlsx import through the picker, ids with leading zeros kept", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin);
  await selectTab(page, 1);
  await pick(page, "orders.xlsx");
  await waitWidget(page, "tiers.import_go");
  await settle(page);
  let s = await state(page);
  assert.ok(s.widgets["tiers.sheet"], "two sheets: the sheet picker shows");
  await page.screenshot({ path: path.join(OUT, "tiers-import-xlsx.png") });
  await clickWidget(page, "tiers.import_go");
  const want = customers();
  await page.waitForFunction((k) => window.yutang.state().customers === k, want, { timeout: 60000, polling: 200 });
  s = await state(page);
  assert.equal(s.workspace.payload.dataset.name, "orders.xlsx");
  assert.equal(s.workspace.payload.dataset.rows, 50000);
  assert.equal(s.workspace.payload.dataset.rejected, 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a cover sheet first: the sheet picker chooses the orders sheet", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await selectTab(page, 1);
  const demo = (await state(page)).customers;
  await pick(page, "cover_first.xlsx");
  await waitWidget(page, "tiers.sheet");
  await settle(page);
  await clickWidget(page, "tiers.sheet");
  await waitWidget(page, "tiers.sheet.1");
  await clickWidget(page, "tiers.sheet.1");
  await waitWidget(page, "tiers.map.4");  // the 名单 sheet's five columns
  await settle(page);
  assert.equal((await state(page)).customers, demo, "nothing imported yet");
  await clickWidget(page, "tiers.import_go");
  const want = customers(2000);
  await page.waitForFunction((k) => window.yutang.state().customers === k, want, { timeout: 30000, polling: 200 });
  await ctx.close();
});

test("an encrypted workbook is refused and the customers stay", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await selectTab(page, 1);
  const before = await state(page);
  await pick(page, "bad_encrypted.xlsx");
  await waitWidget(page, "tiers.close");
  await settle(page);
  const s = await state(page);
  assert.equal(s.widgets["tiers.import_go"], undefined, "no Import button for a refused file");
  assert.equal(s.customers, before.customers);
  assert.deepEqual(s.workspace.payload.dataset, before.workspace.payload.dataset);
  await page.screenshot({ path: path.join(OUT, "tiers-import-xlsx-encrypted.png") });
  await ctx.close();
});
