// tiers.test.mjs — the 用户分层 Tiers tab in real Chromium: a CSV dropped on the page opens the
// import dialog, Import replaces the demo's customers, the imported orders come back after a
// reload (IndexedDB), and the tier list export downloads a CSV with one row per customer, the
// segment as the tag and the phone numbers masked.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, OUT } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

// Six customers with names and phone numbers; every one has bought by the last date.
const PHONES = ["13800000001", "13800000002", "13900000003", "13700000004", "13600000005", "13500000006"];
const CSV = [
  "会员ID,姓名,手机号,下单时间,实付金额",
  `V1,张三,${PHONES[0]},2024-01-05,120.00`,
  `V1,张三,${PHONES[0]},2024-03-09,80.50`,
  `V1,张三,${PHONES[0]},2024-06-01,99.00`,
  `V2,李四,${PHONES[1]},2024-02-11,35.00`,
  `V3,王五,${PHONES[2]},2024-05-20,560.00`,
  `V3,王五,${PHONES[2]},2024-05-28,210.00`,
  `V4,赵六,${PHONES[3]},2023-11-02,45.00`,
  `V5,钱七,${PHONES[4]},2024-06-10,19.90`,
  `V6,孙八,${PHONES[5]},2024-04-01,300.00`,
  `V6,孙八,${PHONES[5]},2024-06-12,150.00`,
].join("\r\n") + "\r\n";
const SEGMENT_TAGS = ["重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户", "一般价值客户", "一般发展客户",
  "一般保持客户", "一般挽留客户"];

// Drops a file on the page the way a user does: dragenter / dragover / drop with a DataTransfer
// holding a File, dispatched on the canvas (the events bubble to the document).
async function dropFile(page, name, text) {
  await page.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: "text/csv" }));
    const target = document.querySelector("canvas") || document.body;
    const r = target.getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
    for (const type of ["dragenter", "dragover", "drop"])
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt, ...at }));
  }, { name, text });
}

// Waits until the app reports `n` customers (the import or the restore runs over frames).
async function waitCustomers(page, n, timeout = 20000) {
  await page.waitForFunction((k) => window.yutang && window.yutang.state().customers === k, n,
    { timeout, polling: 100 });
}

async function waitWidget(page, name, timeout = 10000) {
  await page.waitForFunction((w) => window.yutang && window.yutang.state().widgets[w] !== undefined, name,
    { timeout, polling: 100 });
}

test("a dropped CSV opens the import dialog, Import replaces the customers, and a reload keeps them", async () => {
  const ctx0 = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  // Which workers the page starts and what they hand back; with "noWorker" set, a page without
  // workers (the stored copy is then read on the page's thread).
  await ctx0.addInitScript(() => {
    window.__workers = [];
    if (sessionStorage.getItem("noWorker")) { window.Worker = undefined; return; }
    const W = window.Worker;
    window.Worker = function (url, o) {
      const w = new W(url, o), rec = { url: String(url), bytes: -1 };
      window.__workers.push(rec);
      w.addEventListener("message", (m) => { rec.bytes = m.data && m.data.bytes ? m.data.bytes.byteLength : 0; });
      return w;
    };
  });
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { context: ctx0 });
  await settle(page);
  const demo = (await state(page)).customers;
  assert.ok(demo > 0, "the demo has customers");
  assert.notEqual(demo, PHONES.length);

  await dropFile(page, "会员订单.csv", CSV);
  await page.mouse.move(400, 300);  // wake the idle loop if the drop alone did not
  await waitWidget(page, "tiers.import_go");
  await settle(page);
  let s = await state(page);
  assert.equal(s.tab, "tiers", "a dropped order file opens the Tiers tab");
  for (const w of ["tiers.map.0", "tiers.map.4", "tiers.import_go", "tiers.cancel"])
    assert.ok(s.widgets[w], `widget ${w} is on screen; have ${Object.keys(s.widgets)}`);
  assert.equal(s.customers, demo, "nothing is imported before Import is clicked");
  await page.screenshot({ path: path.join(OUT, "tiers-import-dialog.png") });

  await clickWidget(page, "tiers.import_go");
  await waitCustomers(page, PHONES.length);
  await settle(page);
  s = await state(page);
  assert.equal(s.workspace.payload.dataset.name, "会员订单.csv");
  assert.equal(s.workspace.payload.dataset.customers, PHONES.length);
  assert.ok(s.widgets["tiers.close"], "the report shows a Close button");
  await page.screenshot({ path: path.join(OUT, "tiers-import-report.png") });
  await clickWidget(page, "tiers.close");
  s = await state(page);
  assert.equal(s.widgets["tiers.import_go"], undefined, "the dialog is closed");
  assert.ok(s.widgets["tiers.row0"], "the customer list shows");
  await page.screenshot({ path: path.join(OUT, "tiers-zh.png") });

  // The orders were stored (IndexedDB) and come back after a reload, without a dialog.
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForFunction(() => window.yutangReady && window.yutang.frames() >= 2);
  await waitCustomers(page, PHONES.length);
  await settle(page);
  s = await state(page);
  assert.equal(s.customers, PHONES.length);
  assert.equal(s.workspace.payload.dataset.name, "会员订单.csv");
  assert.equal(s.widgets["tiers.import_go"], undefined, "a restore shows no dialog");
  // The stored copy was read while the app started, in a worker that handed its bytes over.
  const workers = await page.evaluate(() => window.__workers);
  assert.equal(workers.length, 1, JSON.stringify(workers));
  assert.match(workers[0].url, /blobread\.js$/);
  assert.ok(workers[0].bytes > 100, `the worker handed over the stored copy: ${JSON.stringify(workers)}`);
  // A page that cannot start workers reads it itself.
  await page.evaluate(() => sessionStorage.setItem("noWorker", "1"));
  await page.reload();
  await page.waitForFunction(() => window.yutangReady && window.yutang.frames() >= 2);
  await waitCustomers(page, PHONES.length);
  s = await state(page);
  assert.equal(s.customers, PHONES.length);
  assert.equal(s.workspace.payload.dataset.name, "会员订单.csv");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("the export button downloads the tier list CSV with segment tags, masked ids and phone numbers, and says so", async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1,
    acceptDownloads: true });
  const { page } = await openApp(env.browser, env.origin, { context: ctx });
  await settle(page);
  await dropFile(page, "orders.csv", CSV);
  await page.mouse.move(400, 300);
  await waitWidget(page, "tiers.import_go");
  await settle(page);
  await clickWidget(page, "tiers.import_go");
  await waitCustomers(page, PHONES.length);
  await settle(page);
  await clickWidget(page, "tiers.close");
  await selectTab(page, 1);
  const s = await state(page);
  assert.ok(s.widgets["tiers.export"], `the export button is on screen; have ${Object.keys(s.widgets)}`);

  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }),
    clickWidget(page, "tiers.export")]);
  assert.equal(download.suggestedFilename(), "tiers-all-masked.csv", "masked by default, and the name says so");
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a byte-order mark");
  const lines = bytes.subarray(3).toString("utf8").split(/\r?\n/).filter((l) => l.length > 0);
  assert.equal(lines.length, PHONES.length + 1, "a header and one row per customer");
  assert.ok(/^(客户ID|customer_id),/.test(lines[0]), `header (zh or en, per the UI language): ${lines[0]}`);
  const ids = new Set();
  for (const line of lines.slice(1)) {
    ids.add(line.split(",")[0]);
    assert.ok(SEGMENT_TAGS.some((t) => line.includes(`,${t},`)), `a segment tag in: ${line}`);
    for (const p of PHONES) assert.ok(!line.includes(p), `phone ${p} is masked in: ${line}`);
  }
  assert.deepEqual([...ids], ["V*"], "masked: the ids too (a shop's ids may be nicknames)");
  const s2 = await state(page);
  assert.match(s2.banner, /tiers-all-masked\.csv（6 行）|tiers-all-masked\.csv \(6 rows\)/, "the export says what it did");
  await ctx.close();
});

test("Import orders… opens the picker on the first click; a UTF-16 tab-separated export (Excel's Unicode text) imports", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await selectTab(page, 1);
  const tsv = CSV.replace(/,/g, "\t");
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:orders")]);
  assert.match(await chooser.element().getAttribute("accept"), /\.csv/);
  await chooser.setFiles({ name: "订单.txt", mimeType: "text/plain", buffer: bytes });
  await waitWidget(page, "tiers.import_go");
  await settle(page);
  await page.screenshot({ path: path.join(OUT, "tiers-import-utf16.png") });
  await clickWidget(page, "tiers.import_go");
  await waitCustomers(page, PHONES.length);
  const s = await state(page);
  assert.equal(s.workspace.payload.dataset.name, "订单.txt");
  assert.match(s.workspace.payload.dataset.encoding, /utf-16/i);
  await ctx.close();
});
