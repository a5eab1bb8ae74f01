// browser.mjs — the browser benchmark quoted in the README: a million customers' orders as a shop
// exports them (GB18030 CSV with Chinese headers and a status column, ~98 MB) picked through the
// real file picker in Debian's Chromium: the time from the pick to the preview, from 导入 to the
// Tiers view with every figure, the restore after a reload, the longest main-thread block during
// each (gaps between animation frames, measured by the page, not by the app), when the restore
// passes each of its stages, and the memory the
// tab holds; then a warehouse's 1M-customer summary (DuckDB's, docs/summary.md) modelled in the
// import dialog: from 为汇总建模 to its result, with the same frame and long-task counts.
// Usage: node tests/bench/browser.mjs BUILD_DIR [--repeat=N] [--reloads=N] [--summary-only] [--gpu-process]
// After the reloads the same file is imported again over the user's own orders (导入 again).
// (--gpu-process: WebGL in Chromium's GPU process instead of the renderer; see harness.mjs;
// --reloads=N: N reloads in a row after the import, each restore timed: the first steps after a
// reload run while the page before is torn down)
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const B = path.resolve(process.argv[2] || "build");
const summaryOnly = process.argv.includes("--summary-only");
const repeat = Number((process.argv.find((a) => a.startsWith("--repeat=")) || "--repeat=1").split("=")[1]);
const reloads = Number((process.argv.find((a) => a.startsWith("--reloads=")) || "--reloads=1").split("=")[1]);
process.env.YT_WEB = process.env.YT_WEB || path.join(B, "web");
if (process.argv.includes("--gpu-process")) process.env.YT_CHROMIUM_GPU = "1";
const { launch, openApp, selectTab, state, clickWidget, scrollTo } = await import("../e2e/harness.mjs");

// The file: `yutang gen` orders with a status column, Chinese headers, encoded as GB18030.
const dir = path.join(B, "bench");
fs.mkdirSync(dir, { recursive: true });
const csv = path.join(dir, "orders-1m.csv");
const gbk = path.join(dir, "orders-1m-gb18030.csv");
if (!fs.existsSync(csv)) {
  const g = spawnSync(path.join(B, "native/yutang"), ["gen", "--customers", "1000000", "--out", csv], { stdio: "inherit" });
  if (g.status !== 0) process.exit(1);
}
if (!fs.existsSync(gbk)) {
  const sh = `awk -F, 'NR==1{print "客户ID,下单日期,实付金额,订单状态\\r"; next} {print $0 ",交易成功\\r"}' "${csv}" | iconv -f UTF-8 -t GB18030 > "${gbk}"`;
  const r = spawnSync("bash", ["-c", sh], { stdio: "inherit" });
  if (r.status !== 0) process.exit(1);
}
const summary = path.join(dir, "summary-1m.csv");
if (!fs.existsSync(summary)) {
  const r = spawnSync("node", [path.join(path.dirname(new URL(import.meta.url).pathname), "summary.mjs"), csv, summary], { stdio: "inherit" });
  if (r.status !== 0) process.exit(1);
}
const size = fs.statSync(gbk).size;
console.log(`file: ${gbk} (${(size / 1e6).toFixed(1)} MB, GB18030); WebGL ${process.env.YT_CHROMIUM_GPU === "1" ? "in the GPU process (--gpu-process)" : "in the renderer (--disable-gpu)"}`);

// How long each animation-frame callback runs (the app's frame: its work, drawing and JS glue),
// recorded from the page's start. A long task also holds what the browser does after it: under
// --disable-gpu the compositor reads the WebGL canvas back, waiting for SwiftShader to render the
// frame, which a GPU-composited browser does not do.
const timeCallbacks = () => {
  window.__callbacks = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (f) => raf((t) => {
    const s = performance.now();
    try { f(t); } finally { window.__callbacks.push(performance.now() - s); }
  });
};
// When a restore passes each of its stages, from the page's start (status() polled every frame):
// the stored copy handed to the app, its rows read (progress 0.6), the status choice applied (0.7),
// the model done (no import running), every figure (not busy).
const recordStages = () => {
  const st = window.__stages = {};
  let ran = false;
  const tick = () => {
    const y = window.yutang;
    if (window.yutangReady && y && y.status && st.figures === undefined) {
      const s = y.status();
      const t = performance.now();
      if (st.ready === undefined) st.ready = t;
      if (!s.orders_pending && st.copy === undefined) st.copy = t;
      if (s.progress !== null) ran = true;
      if (st.copy !== undefined && st.rows === undefined && (s.progress >= 0.6 || (ran && s.progress === null))) st.rows = t;
      if (st.rows !== undefined && st.choice === undefined && (s.progress >= 0.7 || s.progress === null)) st.choice = t;
      if (st.choice !== undefined && st.model === undefined && s.progress === null) st.model = t;
      if (st.model !== undefined && !s.busy && s.customers > 0) st.figures = t;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
const stagesText = (st) => ["copy", "rows", "choice", "model", "figures"].map((k) => `${k} ${st[k] === undefined ? "-" : st[k].toFixed(0)}`).join(", ");
async function newPage() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await ctx.addInitScript(timeCallbacks);
  await ctx.addInitScript(recordStages);
  return openApp(browser, origin, { context: ctx });
}

// Gaps between animation frames, recorded by the page itself from now on.
async function watchFrames(page) {
  await page.evaluate(() => {
    window.__gaps = [];
    window.__tasks = [];
    window.__callbacks.splice(0);
    if (!window.__observer) {
      window.__observer = new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push(e.duration); });
      window.__observer.observe({ type: "longtask", buffered: false });
    }
    let last = performance.now();
    const tick = (t) => { window.__gaps.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
}
// The longest gap since the last call, and how many of the gaps were over 50 ms, as text.
async function longestGap(page) {
  const [g, t, c] = await page.evaluate(() => [window.__gaps.splice(0), window.__tasks.splice(0), window.__callbacks.splice(0)]);
  const over = g.filter((v) => v > 50).length;
  const cmax = c.length ? Math.max(...c) : 0;
  return { max: g.length ? Math.max(...g) : 0,
    text: `${over} of ${g.length} frames over 50 ms; ${t.length} long tasks, longest ${t.length ? Math.max(...t).toFixed(0) : 0} ms;` +
      ` the app's longest frame callback ${cmax.toFixed(0)} ms, ${c.filter((v) => v > 50).length} over 50 ms` };
}
// Polled every 20 ms, so through status(): state() serialises the whole workspace (~5 ms). (A
// build from before status() is polled through state(), to compare builds.)
const done = (n) => (k) => { const s = window.yutang && (window.yutang.status || window.yutang.state)(); return s && s.customers === k && !s.busy && !s.orders_pending; };

const { server, origin, browser } = await launch();
try {
  for (let run = 0; run < (summaryOnly ? 0 : repeat); run++) {
    const { page, ctx } = await newPage();
    await selectTab(page, 1);
    await watchFrames(page);
    // Pick the file (the picker opens from the click, as for a user).
    const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 10000 }),
      clickWidget(page, "file:orders")]);
    await chooser.setFiles(gbk);
    const t0 = Date.now();
    await page.waitForFunction(() => window.yutang.state().widgets["tiers.import_go"] !== undefined, null, { timeout: 120000, polling: 20 });
    const preview = Date.now() - t0;
    const gapPreview = await longestGap(page);
    const go = (await state(page)).widgets["tiers.import_go"];
    await page.mouse.move(go[0] + go[2] / 2, go[1] + go[3] / 2);
    await page.mouse.down(); await page.waitForTimeout(40);
    const t1 = Date.now();
    await page.mouse.up();
    await page.waitForFunction(done(), 1000000, { timeout: 300000, polling: 20 });
    const imported = Date.now() - t1;
    const gapImport = await longestGap(page);
    const s = await state(page);
    // Wait until the stored copy is written (autosave of the dataset), then reload.
    await page.waitForFunction(() => !(window.yutang.status || window.yutang.state)().busy, null, { timeout: 60000 });
    await page.waitForTimeout(1500);
    const mem = await page.evaluate(() => ({ wasm: Module.HEAP8.buffer.byteLength, js: performance.memory ? performance.memory.usedJSHeapSize : 0 }));
    // The stored copy a reload reads (IndexedDB "orders": the rows as read, or an older build's file).
    const storedBytes = await page.evaluate(() => new Promise((res) => {
      const o = indexedDB.open("yutang");
      o.onerror = () => res(-1);
      o.onsuccess = () => {
        const g = o.result.transaction("blobs").objectStore("blobs").get("orders");
        g.onsuccess = () => { const v = g.result; res(v ? (v.size !== undefined ? v.size : v.byteLength) : 0); o.result.close(); };
        g.onerror = () => res(-1);
      };
    }));
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const reload = async () => {
      const t2 = Date.now();
      await page.reload();
      await page.waitForFunction(() => window.yutangReady && window.yutang && window.yutang.frames() >= 1, null, { timeout: 30000, polling: 20 });
      const ready = Date.now() - t2;
      await watchFrames(page);
      // The app's start (its first frames build the font atlas) is told apart from the restore.
      await page.waitForFunction(() => window.yutang.frames() >= 3, null, { timeout: 30000, polling: 5 });
      const start = await longestGap(page);
      await page.waitForFunction(done(), 1000000, { timeout: 300000, polling: 20 });
      const ms = Date.now() - t2;
      await page.waitForFunction(() => window.__stages.figures !== undefined, null, { timeout: 10000 }).catch(() => {});
      return { ms, ready, start, gaps: await longestGap(page), stages: stagesText(await page.evaluate(() => window.__stages)) };
    };
    const { ms: restored, ready, start: gapStart, gaps: gapRestore, stages } = await reload();
    const more = [];
    for (let k = 1; k < reloads; k++) {
      await page.waitForTimeout(1500);
      const r = await reload();
      more.push(`\n  reload ${k + 1} → restored ${r.ms} ms (the app's first frame at ${r.ready} ms; ${r.gaps.text})` +
        `\n    stages (ms from the page's start): ${r.stages}`);
    }
    // The same file imported again over the user's own orders (this week's export after last
    // week's): besides the import, the customers' segment moves against the held orders are matched.
    await page.waitForTimeout(1500);
    await selectTab(page, 1);  // a reload opens on the Dashboard
    const [chooser2] = await Promise.all([page.waitForEvent("filechooser", { timeout: 10000 }),
      clickWidget(page, "file:orders")]);
    await chooser2.setFiles(gbk);
    await page.waitForFunction(() => window.yutang.state().widgets["tiers.import_go"] !== undefined, null, { timeout: 120000, polling: 20 });
    const go2 = (await state(page)).widgets["tiers.import_go"];
    await page.mouse.move(go2[0] + go2[2] / 2, go2[1] + go2[3] / 2);
    await page.mouse.down(); await page.waitForTimeout(40);
    await longestGap(page);  // from the click's release on
    const t3 = Date.now();
    await page.mouse.up();
    await page.waitForFunction(() => { const st = (window.yutang.status || window.yutang.state)(); if (st.busy) window.__sawBusy2 = true; return window.__sawBusy2 && st.customers === 1000000 && !st.busy; },
      null, { timeout: 300000, polling: 20 });
    const reimported = Date.now() - t3;
    const gapReimport = await longestGap(page);
    const change = (await state(page)).workspace.payload.dataset.change;
    more.push(`\n  导入 again → every figure ${reimported} ms (longest frame ${gapReimport.max.toFixed(0)} ms; ${gapReimport.text}); ` +
      `segment change: ${change.matched} customers matched`);
    console.log(`run ${run + 1}: ${s.customers} customers, ${s.orders} orders` +
      `\n  pick → preview ${preview} ms (longest frame ${gapPreview.max.toFixed(0)} ms; ${gapPreview.text})` +
      `\n  导入 → Tiers view with every figure ${imported} ms (longest frame ${gapImport.max.toFixed(0)} ms; ${gapImport.text}); pick to figures ${preview + imported} ms` +
      `\n  stored copy ${(storedBytes / 1e6).toFixed(1)} MB` +
      `\n  reload → restored ${restored} ms (the app's first frame at ${ready} ms; longest frame while restoring ${gapRestore.max.toFixed(0)} ms; ${gapRestore.text}; the app's first frames ${gapStart.max.toFixed(0)} ms)` +
      `\n    stages (ms from the page's start): ${stages}` +
      more.join("") +
      `\n  memory: wasm heap ${(mem.wasm / 1048576).toFixed(0)} MiB, JS heap ${(metrics.JSHeapUsedSize / 1048576).toFixed(0)} MiB used of ${(metrics.JSHeapTotalSize / 1048576).toFixed(0)} MiB`);
    await ctx.close();
  }
  // The warehouse path in the dialog: the 1M-customer summary picked, then modelled.
  for (let run = 0; run < repeat; run++) {
    const { page, ctx } = await newPage();
    await selectTab(page, 1);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 10000 }),
      clickWidget(page, "file:orders")]);
    await chooser.setFiles(summary);
    await page.waitForFunction(() => window.yutang.state().widgets["tiers.summary_go"] !== undefined, null, { timeout: 120000, polling: 20 });
    await scrollTo(page, "tiers.summary_go");
    await watchFrames(page);
    const go = (await state(page)).widgets["tiers.summary_go"];
    await page.mouse.move(go[0] + go[2] / 2, go[1] + go[3] / 2);
    await page.mouse.down(); await page.waitForTimeout(40);
    const t0 = Date.now();
    await page.mouse.up();
    await page.waitForFunction(() => { const s = (window.yutang.status || window.yutang.state)(); if (s.busy) window.__sawBusy = true; return window.__sawBusy && !s.busy; },
      null, { timeout: 300000, polling: 20 });
    await page.waitForFunction(() => window.yutang.state().widgets["tiers.summary_done"] !== undefined, null, { timeout: 10000, polling: 20 });
    const modelled = Date.now() - t0;
    const gap = await longestGap(page);
    console.log(`summary run ${run + 1}: ${path.basename(summary)} (${(fs.statSync(summary).size / 1e6).toFixed(1)} MB) ` +
      `为汇总建模 → result ${modelled} ms (longest frame ${gap.max.toFixed(0)} ms; ${gap.text})`);
    await ctx.close();
  }
} finally {
  await browser.close();
  server.close();
}
