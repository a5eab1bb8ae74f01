// import_status.test.mjs — a shop's GB18030 order export through the real file picker: closed,
// refunded and unpaid orders are not sales (paid-only customers and revenue, and a notice says
// what was excluded), the dialog shows the customer key, the ignored columns and a preview whose
// order-number column is not cut, and changing which statuses count is one undo step. A
// warehouse's per-customer summary picked instead is named for what it is and modelled in the
// dialog, its per-customer CLV the CLI's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { launch, openApp, state, settle, selectTab, clickWidget, undo, scrollTo, scrollClick, typeInto, ROOT, OUT } from "./harness.mjs";

const YUTANG = process.env.YUTANG || path.join(ROOT, "build/native/yutang");

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

// 12 buyers who paid (4 of them twice), 3 whose only order was closed (no payment time, 0.00),
// 2 refunded, 2 unpaid; nicknames are shared, so the phone must be the key.
const PAID = 12, REPEAT = 4;
function shopExport() {
  const rows = ["订单编号,买家昵称,手机号,付款时间,实付金额,订单状态,商品名称,归属员工,收货地址"];
  let n = 0;
  const add = (buyer, paidAt, amount, status) => {
    n += 1;
    const id = `3874201956${String(n).padStart(12, "0")}`;  // 22 digits, as Taobao writes them
    rows.push(`${id},买家${buyer % 3},1390000${String(buyer).padStart(4, "0")},${paidAt},${amount},${status},洁面乳 120ml,阿杰,浙江省杭州市西湖区文三路 ${buyer} 号`);
  };
  for (let b = 0; b < PAID; b++) add(b, `2025-03-${String(1 + b).padStart(2, "0")} 10:00:00`, "129.00", "交易成功");
  for (let b = 0; b < REPEAT; b++) add(b, `2025-04-${String(1 + b).padStart(2, "0")} 10:00:00`, "59.00", "已发货");
  for (let b = 20; b < 23; b++) add(b, "", "0.00", "交易关闭");
  for (let b = 30; b < 32; b++) add(b, "2025-03-20 09:00:00", "199.00", "退款成功");
  for (let b = 40; b < 42; b++) add(b, "", "0.00", "等待买家付款");
  const py = spawnSync("python3", ["-c", "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('gb18030'))"], {
    input: Buffer.from(rows.join("\r\n") + "\r\n", "utf8"),
  });
  assert.equal(py.status, 0, String(py.stderr));
  return py.stdout;
}

async function waitFor(page, fn, arg, timeout = 20000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 100 });
}

test("a GB18030 export with closed, refunded and unpaid rows: paid-only figures, a notice, undoable status choice", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin);
  await selectTab(page, 1);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:orders")]);
  await chooser.setFiles({ name: "淘宝订单导出.csv", mimeType: "text/csv", buffer: shopExport() });
  await waitFor(page, () => window.yutang && window.yutang.state().widgets["tiers.import_go"] !== undefined);
  await settle(page);
  let s = await state(page);
  for (const w of ["tiers.customer_key", "tiers.encoding", "tiers.ignored", "tiers.imp_status.closed"])
    assert.ok(s.widgets[w], `widget ${w} is in the dialog; have ${Object.keys(s.widgets)}`);
  // Labels come before their fields: the encoding combo starts right of its label, not at the left edge.
  const dialogLeft = s.widgets["tiers.map.0"][0];
  assert.ok(s.widgets["tiers.encoding"][0] > dialogLeft + 20, "the encoding label precedes its combo");
  // The order-number column (the first) is as wide as its header text, and as its 22-digit cells.
  const head = s.widgets["tiers.head.0"], text = s.widgets["tiers.head_text.0"];
  assert.ok(text[2] <= head[2], `header text ${text[2]} fits its column ${head[2]}`);
  const cell = s.widgets["tiers.cell_text.0"];
  assert.ok(cell[2] > text[2] && cell[2] <= head[2], `the 22-digit order number (${cell[2]} px) fits its column (${head[2]} px)`);
  // No nickname warning: the phone column was chosen as the key.
  assert.equal(s.widgets["tiers.key_warning"], undefined);
  await page.screenshot({ path: path.join(OUT, "import-status-dialog.png") });

  await clickWidget(page, "tiers.import_go");
  await waitFor(page, (k) => window.yutang.status().customers === k && !window.yutang.status().busy, PAID);
  await settle(page);
  s = await state(page);
  assert.equal(s.customers, PAID, "buyers with only closed, refunded or unpaid orders are not customers");
  assert.equal(s.orders, PAID + REPEAT);
  // status(), the cheap poll, says what state() says.
  const st = await page.evaluate(() => window.yutang.status());
  assert.deepEqual([st.customers, st.orders, st.busy, st.orders_pending], [s.customers, s.orders, s.busy, s.orders_pending]);
  assert.equal(Number(s.revenue), PAID * 129 + REPEAT * 59, "revenue counts paid orders only");
  assert.equal(s.excluded_rows, 7);
  for (const want of ["已排除 3 笔交易关闭订单", "已排除 2 笔退款成功订单", "已排除 2 笔等待买家付款订单"])
    assert.ok(s.import_notices.includes(want), `notice "${want}" in ${s.import_notices}`);
  assert.ok(s.widgets["tiers.notice.0"], "the exclusion notice is shown in the dialog");
  assert.equal(s.workspace.payload.dataset.rejected, 0);
  await page.screenshot({ path: path.join(OUT, "import-status-done.png") });
  await clickWidget(page, "tiers.close");

  // Counting refunded orders after all: one command; the stored rows are counted again over frames.
  s = await state(page);
  assert.ok(s.widgets["tiers.status.refunded"], `the status choice is in the tab; have ${Object.keys(s.widgets)}`);
  assert.equal(s.workspace.payload.tiering.statuses.refunded, false);
  const version = s.version;
  await clickWidget(page, "tiers.status.refunded");
  await waitFor(page, (k) => window.yutang.state().customers === k, PAID + 2);
  s = await state(page);
  assert.equal(s.workspace.payload.tiering.statuses.refunded, true);
  assert.equal(Number(s.revenue), PAID * 129 + REPEAT * 59 + 2 * 199);
  assert.equal(s.version, version + 1, "one change");
  assert.ok(!s.import_notices.some((t) => t.includes("退款成功")), "refunds are no longer reported as excluded");

  // One undo restores the choice and the figures.
  await undo(page);
  await waitFor(page, (k) => window.yutang.state().customers === k, PAID);
  s = await state(page);
  assert.equal(s.workspace.payload.tiering.statuses.refunded, false);
  assert.equal(Number(s.revenue), PAID * 129 + REPEAT * 59);
  assert.ok(s.import_notices.includes("已排除 2 笔退款成功订单"));

  // The choice and the file come back after a reload (the orders from IndexedDB, re-read under it).
  await clickWidget(page, "tiers.status.refunded");
  await waitFor(page, (k) => window.yutang.state().customers === k, PAID + 2);
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForFunction(() => window.yutangReady && window.yutang.frames() >= 2);
  await waitFor(page, (k) => window.yutang && window.yutang.state().customers === k && !window.yutang.state().orders_pending, PAID + 2);
  s = await state(page);
  assert.equal(s.workspace.payload.tiering.statuses.refunded, true);
  assert.equal(Number(s.revenue), PAID * 129 + REPEAT * 59 + 2 * 199);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a nickname chosen as the customer key is warned about in the dialog", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await selectTab(page, 1);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:orders")]);
  await chooser.setFiles({ name: "orders.csv", mimeType: "text/csv", buffer: shopExport() });
  await waitFor(page, () => window.yutang && window.yutang.state().widgets["tiers.customer_key"] !== undefined);
  await settle(page);
  // Choose the nickname column (the second) as the customer key.
  await clickWidget(page, "tiers.customer_key");
  await clickWidget(page, "tiers.ck.1");
  await settle(page);
  const s = await state(page);
  assert.ok(s.widgets["tiers.key_warning"], `the nickname warning is shown; have ${Object.keys(s.widgets)}`);
  await ctx.close();
});

// A warehouse's per-customer summary with Chinese headers: 800 customers drawn from the BG/NBD
// story (purchase rates ~ Gamma(0.6, 25 days), drop-out after a purchase ~ Beta(0.8, 2.5); a
// seeded generator), their revenue and owners.
function summaryText() {
  let seed = 20261206;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const normal = () => Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
  const gamma = (k) => {  // Marsaglia and Tsang
    if (k < 1) return gamma(k + 1) * Math.pow(rnd(), 1 / k);
    const d = k - 1 / 3, c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let z, v;
      do { z = normal(); v = 1 + c * z; } while (v <= 0);
      v = v * v * v;
      if (Math.log(rnd()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const rows = ["客户编号,复购天数,首末购间隔天数,客龄天数,平均复购金额,累计金额,负责人"];
  const owners = ["阿杰", "小美", "Lin"];
  for (let i = 0; i < 800; i++) {
    const T = 60 + Math.floor(rnd() * 420);
    const lambda = gamma(0.6) / 25, g = gamma(0.8), p = g / (g + gamma(2.5));
    let t = 0, x = 0, tx = 0;
    for (;;) {
      t += -Math.log(rnd()) / lambda;
      if (t > T) break;
      if (Math.floor(t) > tx) { x += 1; tx = Math.floor(t); }  // repeat purchase days
      if (rnd() < p) break;
    }
    const m = x ? (gamma(3) * 30).toFixed(2) : "";
    rows.push(`VIP${String(i).padStart(5, "0")},${x},${tx},${T},${m},${(40 + x * (m ? +m : 0)).toFixed(2)},${owners[i % 3]}`);
  }
  return rows.join("\r\n") + "\r\n";
}

test("a warehouse's per-customer summary is modelled in the import dialog as `yutang clv --summary` models it", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin);
  await selectTab(page, 1);
  const before = await state(page);
  const pick = async (name, buffer) => {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }), clickWidget(page, "file:orders")]);
    await chooser.setFiles({ name, mimeType: "text/csv", buffer });
    await waitFor(page, () => window.yutang && window.yutang.state().widgets["tiers.import_go"] !== undefined);
    await settle(page);
    return state(page);
  };
  const text = summaryText();
  let s = await pick("客户汇总.csv", Buffer.from(text, "utf8"));
  assert.ok(s.widgets["tiers.summary_hint"], `the summary is named; have ${Object.keys(s.widgets)}`);
  assert.ok(s.widgets["tiers.summary_go"], "and offered its model");

  await typeInto(page, "tiers.summary_end", "2025-06-30", { enter: false });
  await scrollClick(page, "tiers.summary_go");
  await waitFor(page, () => window.yutang.state().widgets["tiers.summary_total"] !== undefined);
  await settle(page);
  s = await state(page);
  assert.equal(s.customers, before.customers, "the plan keeps its orders");
  assert.equal(s.orders, before.orders);

  // The per-customer table: the CLI's --out rows for the same file, calibration end and settings
  // (the workspace masks ids by default, as --mask does).
  await scrollTo(page, "tiers.summary_export");
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }), clickWidget(page, "tiers.summary_export")]);
  assert.equal(download.suggestedFilename(), "clv-summary-masked.csv");
  const got = fs.readFileSync(await download.path(), "utf8");
  assert.ok(got.startsWith("\uFEFFcustomer,x,t_x,T,p_alive,expected_purchases,expected_avg_value,clv\r\n"), got.slice(0, 80));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yutang-sum-"));
  const file = path.join(dir, "summary.csv"), out = path.join(dir, "out.csv");
  fs.writeFileSync(file, text);
  const cli = spawnSync(YUTANG, ["clv", "--summary", file, "--calibration-end", "2025-06-30", "--mask", "--out", out], { encoding: "utf8" });
  assert.equal(cli.status, 0, cli.stderr);
  const want = fs.readFileSync(out, "utf8").trimEnd().split("\n");
  const rows = got.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  assert.equal(rows.length, 801);
  assert.deepEqual(rows, want);
  assert.match(rows[1], /^V\*+,/, "ids masked");

  await scrollClick(page, "tiers.close");
  s = await state(page);
  assert.equal(s.widgets["tiers.summary_done"], undefined, "the dialog is closed");
  assert.equal(s.customers, before.customers);

  // A shop's order export gets no such offer.
  s = await pick("orders.csv", shopExport());
  assert.equal(s.widgets["tiers.summary_hint"], undefined);
  assert.equal(s.widgets["tiers.summary_go"], undefined);
  assert.deepEqual(errors, []);
  await ctx.close();
});
