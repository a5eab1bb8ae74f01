// clv_export.test.mjs — the browser's import, read and modelled in parts between frames (the
// wasm build's strict time slicing), gives the native CLI's one-call results: 30,000 customers'
// orders picked through the real file picker, and the CLV panel's per-customer download equals
// `yutang clv FILE --mask --out` row for row (every input, probability and CLV to 6 digits).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { launch, openApp, state, settle, selectTab, clickWidget, scrollTo, ROOT } from "./harness.mjs";

const YUTANG = process.env.YUTANG || path.join(ROOT, "build/native/yutang");
const N = 30000;

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

test("the CLV panel's per-customer download after a time-sliced import equals `yutang clv --mask --out`", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yutang-clv-"));
  const file = path.join(dir, "orders.csv"), out = path.join(dir, "out.csv");
  const gen = spawnSync(YUTANG, ["gen", "--customers", String(N), "--seed", "5", "--out", file], { encoding: "utf8" });
  assert.equal(gen.status, 0, gen.stderr);

  const { page, ctx, errors } = await openApp(env.browser, env.origin);
  await selectTab(page, 1);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }), clickWidget(page, "file:orders")]);
  await chooser.setFiles(file);
  await page.waitForFunction(() => window.yutang.state().widgets["tiers.import_go"] !== undefined, null, { timeout: 30000, polling: 50 });
  await settle(page);
  const frames0 = await page.evaluate(() => window.yutang.frames());
  await clickWidget(page, "tiers.import_go");
  await page.waitForFunction((n) => { const s = window.yutang.status(); return s.customers === n && !s.busy && !s.orders_pending; },
    N, { timeout: 120000, polling: 20 });
  const frames = (await page.evaluate(() => window.yutang.frames())) - frames0;
  assert.ok(frames >= 3, `read and modelled over several frames (${frames})`);
  await settle(page);
  await clickWidget(page, "tiers.close");  // the dialog's summary of what was read

  await scrollTo(page, "tiers.clv_export");
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), clickWidget(page, "tiers.clv_export")]);
  assert.equal(download.suggestedFilename(), "clv-customers-masked.csv", "masked, as the workspace says by default");
  const got = fs.readFileSync(await download.path(), "utf8");
  assert.ok(got.startsWith("\uFEFFcustomer,x,t_x,T,p_alive,expected_purchases,expected_avg_value,clv\r\n"), got.slice(0, 80));

  const cli = spawnSync(YUTANG, ["clv", file, "--mask", "--out", out], { encoding: "utf8" });
  assert.equal(cli.status, 0, cli.stderr);
  const want = fs.readFileSync(out, "utf8").trimEnd().split("\n");
  const rows = got.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  assert.equal(rows.length, want.length);
  assert.ok(rows.length > N / 2, `a row per modelled customer (${rows.length - 1})`);
  for (let i = 0; i < rows.length; i++) assert.equal(rows[i], want[i], `row ${i}`);
  assert.match(rows[1], /^C\*+/, "ids masked");
  const s = await state(page);
  assert.match(s.banner, /clv-customers-masked\.csv/, "the download says what it did");
  assert.deepEqual(errors, []);
  await ctx.close();
});
