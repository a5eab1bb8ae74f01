// trust.test.mjs — the app as a page people can trust, in real Chromium: it opens offline with
// the saved workspace, recovers from a damaged save slot, survives a full disk with the work kept
// and offered as a download, notices a second tab instead of overwriting it, opens and exports
// workspace files through the real picker and download, copies and pastes through the system
// clipboard, shows help on F1, switches theme, and reports storage use.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { launch, openApp, state, settle, selectTab, clickWidget, waitFrames, undo, OUT, WEB } from "./harness.mjs";
import { decodePng, pixelStats } from "./png.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

async function rename(page, name) {
  const err = await page.evaluate((n) => window.yutang.dispatch({ type: "set_name", value: n }), name);
  assert.equal(err, "");
  await settle(page);
}

// Export workspace asks first how the KOCs (customers) go out; "in full" is the whole workspace.
async function exportWorkspace(page) {
  await clickWidget(page, "export_ws");
  await clickWidget(page, "export_ws.full");
}

async function downloadText(page, action) {
  const [dl] = await Promise.all([page.waitForEvent("download"), action()]);
  const file = path.join(OUT, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, "utf8") };
}

test("with the server stopped, a reload still opens the app with the saved workspace", async () => {
  const own = await launch();
  try {
    const { page } = await openApp(own.browser, own.origin);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller || (location.reload(), false), null,
      { timeout: 20000 }).catch(() => {});
    await waitFrames(page, 2);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await rename(page, "离线也能用");
    await new Promise((r) => own.server.close(r));
    own.server.closeAllConnections?.();
    await page.reload();
    await waitFrames(page, 2);
    const s = await state(page);
    assert.equal(s.workspace.payload.name, "离线也能用");
    assert.ok(s.customers > 0, "the demo data came from the cache too");
    await page.screenshot({ path: path.join(OUT, "offline-reload.png") });
  } finally {
    await own.browser.close();
  }
});

// The app's files come from the service worker's cache, not the server, until a new version (a
// new sw.js: build.sh stamps it with a hash of the files) has installed; the page then says so,
// and the next load runs the new files.
test("the page opens from its cache; a new version is announced and used from the next load", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "yutang-web-"));
  fs.cpSync(WEB, root, { recursive: true });
  const own = await launch(root);
  try {
    const { page, errors } = await openApp(own.browser, own.origin);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller || (location.reload(), false), null,
      { timeout: 20000 }).catch(() => {});
    await waitFrames(page, 2);
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the page is controlled");
    const marker = () => page.evaluate(() => window.__build || "");
    // A changed file on the server, the same sw.js: the page still opens with the cached file.
    const js = path.join(root, "yutang.js");
    fs.appendFileSync(js, '\nwindow.__build = "next";\n');
    await page.reload();
    await waitFrames(page, 2);
    assert.equal(await marker(), "", "the cached yutang.js ran, not the server's");
    const wasm = await page.evaluate(() => performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm")).deliveryType);
    assert.equal(wasm, "cache-storage", "the wasm came from the service worker's cache");
    // A new version: the page announces it; the next load runs it.
    const sw = path.join(root, "sw.js");
    fs.writeFileSync(sw, fs.readFileSync(sw, "utf8").replace(/const VERSION = "[^"]*";/, 'const VERSION = "next-version";'));
    await page.reload();
    await waitFrames(page, 2);
    await page.waitForFunction(() => getComputedStyle(document.getElementById("notice")).display !== "none", null,
      { timeout: 20000, polling: 100 });
    assert.match(await page.evaluate(() => document.getElementById("notice").textContent), /已更新|updated/);
    await page.reload();
    await waitFrames(page, 2);
    assert.equal(await marker(), "next", "the new version's yutang.js ran");
    assert.deepEqual(await page.evaluate(() => caches.keys()), ["yutang-next-version"], "the old version's cache is gone");
    assert.deepEqual(errors, []);
  } finally {
    await own.browser.close();
    own.server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("a damaged save slot is reported and the other slot is used", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await rename(page, "第一版");
  await rename(page, "第二版");
  const seq = (await state(page)).saved_seq;
  // Damage the newest slot the way a crash half-way through a write would.
  await page.evaluate((k) => {
    const v = localStorage.getItem(k);
    localStorage.setItem(k, v.slice(0, Math.floor(v.length / 2)));
  }, `yutang.ws.${seq % 2}`);
  await page.reload();
  await waitFrames(page, 2);
  const s = await state(page);
  assert.equal(s.workspace.payload.name, "第一版", "the older, intact slot was loaded");
  assert.match(s.banner, /恢复|Recovered/);
  await ctx.close();
});

test("a full disk: the message names it, the work stays in memory and can be downloaded", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await settle(page);
  const before = (await state(page)).saved_seq;
  await page.evaluate(() => { window.yutangFailStorage = "QuotaExceededError"; });
  await rename(page, "磁盘满了也不丢");
  let s = await state(page);
  assert.equal(s.workspace.payload.name, "磁盘满了也不丢", "the edit is kept in memory");
  assert.equal(s.saved_seq, before, "nothing was saved");
  assert.match(s.banner, /空间|quota|full/i);
  await page.screenshot({ path: path.join(OUT, "quota-banner.png") });
  const dl = await downloadText(page, () => clickWidget(page, "banner_download"));
  assert.match(dl.name, /\.yutang\.json$/);
  assert.equal(JSON.parse(dl.text).payload.name, "磁盘满了也不丢");
  // Space comes back: the next edit saves and the message goes away.
  await page.evaluate(() => { window.yutangFailStorage = ""; });
  await rename(page, "又能保存了");
  s = await state(page);
  assert.ok(s.saved_seq > before);
  assert.equal(s.banner, "");
  await ctx.close();
});

test("a second tab is noticed; a save there pauses autosave here until the user chooses", async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const a = (await openApp(env.browser, env.origin, { context: ctx })).page;
  const b = (await openApp(env.browser, env.origin, { context: ctx })).page;
  await settle(a);
  await settle(b);
  assert.match((await state(a)).banner, /另一个标签页|another tab/);
  await rename(a, "甲标签页的修改");
  await settle(b);
  let sb = await state(b);
  assert.equal(sb.other_tab_saved, true);
  const stored = await b.evaluate(() => [localStorage.getItem("yutang.ws.0"), localStorage.getItem("yutang.ws.1")]);
  await rename(b, "乙标签页的修改");
  const after = await b.evaluate(() => [localStorage.getItem("yutang.ws.0"), localStorage.getItem("yutang.ws.1")]);
  assert.deepEqual(after, stored, "tab B did not overwrite tab A's save");
  await b.screenshot({ path: path.join(OUT, "two-tabs.png") });
  await clickWidget(b, "tabs.load_theirs");
  sb = await state(b);
  assert.equal(sb.workspace.payload.name, "甲标签页的修改");
  assert.equal(sb.other_tab_saved, false);
  await ctx.close();
});

test("Open workspace… opens the picker on the first click; the chosen file replaces the workspace, undo restores it", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await settle(page);
  const original = (await state(page)).workspace;
  const file = JSON.parse(JSON.stringify(original));
  file.payload.name = "从文件打开";
  // The envelope's checksum must match what is inside: let the app compute it by exporting.
  const exported = await downloadText(page, () => exportWorkspace(page));
  const text = exported.text.replace(JSON.stringify(original.payload.name), JSON.stringify("从文件打开"));
  // A field of the wrong type: refused, naming the file, and nothing changes.
  const broken = exported.text.replace('"mask_personal":true', '"mask_personal":"yes"');
  const [chooser0] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:workspace")]);
  await chooser0.setFiles({ name: "broken.yutang.json", mimeType: "application/json", buffer: Buffer.from(broken) });
  await page.waitForFunction(() => window.yutang.state().banner.includes("broken.yutang.json"), null, { timeout: 5000 });
  let s = await state(page);
  assert.equal(s.workspace.payload.name, original.payload.name, "a file that does not read changes nothing");
  // The changed name breaks the checksum, but the file still reads completely: it opens as one
  // undoable step, with a notice that it was edited outside Yutang.
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:workspace")]);
  await chooser.setFiles({ name: "tampered.yutang.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.waitForFunction(() => window.yutang.state().banner.includes("tampered.yutang.json"), null, { timeout: 5000 });
  s = await state(page);
  assert.equal(s.workspace.payload.name, "从文件打开", "a hand-edited file that still reads opens");
  assert.match(s.banner, /校验和不符/);
  await page.mouse.click(640, 780);
  await undo(page);
  s = await state(page);
  assert.equal(s.workspace.payload.name, original.payload.name, "undo restores the workspace");
  // A good file: written by the CLI-compatible export of another workspace.
  await rename(page, "另一个工作区");
  const good = await downloadText(page, () => exportWorkspace(page));
  await rename(page, original.payload.name);
  const [chooser2] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:workspace")]);
  await chooser2.setFiles({ name: good.name, mimeType: "application/json", buffer: Buffer.from(good.text) });
  await page.waitForFunction(() => window.yutang.state().workspace.payload.name === "另一个工作区", null, { timeout: 5000 });
  await page.mouse.click(640, 780);
  await page.keyboard.press("Control+z");
  await settle(page);
  s = await state(page);
  assert.equal(s.workspace.payload.name, original.payload.name, "one undo restores the previous workspace");
  await ctx.close();
});

test("copy from a text field reaches the system clipboard; pasted text arrives once", async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1,
    permissions: ["clipboard-read", "clipboard-write"] });
  const { page } = await openApp(env.browser, env.origin, { context: ctx });
  await rename(page, "复制这段文字");
  await selectTab(page, 5);
  await clickWidget(page, "ws_name");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+C");
  await settle(page);
  assert.equal(await page.evaluate(() => window.yutangClipboard), "复制这段文字");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "复制这段文字");
  // Paste text copied elsewhere: replace the selection with it.
  await page.evaluate(() => navigator.clipboard.writeText("外部粘贴"));
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  await settle(page);
  await page.keyboard.press("Enter");
  await settle(page);
  assert.equal((await state(page)).workspace.payload.name, "外部粘贴");
  await ctx.close();
});

test("F1 shows the help overlay and Escape closes it; the dark theme darkens the page; storage use is shown", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await settle(page);
  await page.mouse.click(640, 700);
  await page.keyboard.press("F1");
  await settle(page);
  assert.equal((await state(page)).help, true);
  await page.screenshot({ path: path.join(OUT, "help.png") });
  await page.keyboard.press("Escape");
  await settle(page);
  assert.equal((await state(page)).help, false);

  await selectTab(page, 5);
  const light = pixelStats(decodePng(await page.screenshot()));
  await clickWidget(page, "theme.dark");
  const s = await state(page);
  assert.equal(s.workspace.payload.settings.theme, "dark");
  const dark = pixelStats(decodePng(await page.screenshot({ path: path.join(OUT, "settings-dark.png") })));
  assert.ok(dark.meanLuma < light.meanLuma - 40, `dark theme is darker (${dark.meanLuma} vs ${light.meanLuma})`);
  assert.equal(s.storage.known, true);
  assert.ok(s.storage.used > 0 && s.storage.quota > s.storage.used, `storage use ${s.storage.used} of ${s.storage.quota}`);
  await ctx.close();
});

test("HiDPI and resizing: the canvas backs every device pixel, follows the window, and clicks still land", async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  const { page } = await openApp(env.browser, env.origin, { context: ctx });
  await settle(page);
  let c = await page.evaluate(() => { const e = document.getElementById("canvas"); return [e.width, e.height]; });
  assert.deepEqual(c, [2000, 1400]);
  await page.setViewportSize({ width: 1200, height: 760 });
  await page.waitForFunction(() => document.getElementById("canvas").width === 2400, null, { timeout: 5000 });
  await settle(page);
  c = await page.evaluate(() => { const e = document.getElementById("canvas"); return [e.width, e.height]; });
  assert.deepEqual(c, [2400, 1520]);
  await clickWidget(page, "langswitch");
  assert.equal((await state(page)).language, "en", "a click at CSS coordinates hits the widget");
  await page.screenshot({ path: path.join(OUT, "hidpi-en.png") });
  await ctx.close();
});

test("keyboard: Tab moves from one field to the next, Enter commits, and the edit is one undo step", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await selectTab(page, 5);
  const brand = (await state(page)).workspace.payload.brand;
  await clickWidget(page, "ws_name");
  await page.keyboard.press("Tab");
  await settle(page);
  await page.keyboard.press("End");
  await page.keyboard.type("KB");
  await page.keyboard.press("Enter");
  await settle(page);
  let s = await state(page);
  assert.equal(s.workspace.payload.brand, brand + "KB", "Tab moved the caret into the brand field");
  await page.mouse.click(5, 790);
  await page.keyboard.press("Control+z");
  await settle(page);
  s = await state(page);
  assert.equal(s.workspace.payload.brand, brand);
  await ctx.close();
});
