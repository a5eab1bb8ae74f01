// harness.mjs — shared setup for the browser tests: the built site served from 127.0.0.1,
// Debian's Chromium driven by playwright-core, and helpers that talk to the app's test hook.
import path from "node:path";
import fs from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "../../web/serve.mjs";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const WEB = process.env.YT_WEB || path.join(ROOT, "build/web");
export const OUT = process.env.YT_E2E_OUT || path.join(ROOT, "build/e2e");
fs.mkdirSync(OUT, { recursive: true });

// WebGL runs on SwiftShader in the renderer (--disable-gpu); YT_CHROMIUM_GPU=1 (the browser
// benchmark's --gpu-process) runs it in a GPU process instead, through ANGLE, as a browser with a
// GPU composites.
const GL_ARGS = process.env.YT_CHROMIUM_GPU === "1" ? ["--use-angle=swiftshader"] : ["--disable-gpu"];
const CHROMIUM_ARGS = ["--no-sandbox", ...GL_ARGS, "--enable-unsafe-swiftshader", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage"];

// Serves `root` (the built site unless a test serves a copy it changes).
export async function launch(root = WEB) {
  const server = await startServer(root, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true, args: CHROMIUM_ARGS });
  return { server, origin, browser };
}

// Opens the app in a fresh context and waits until it has drawn `frames` frames.
export async function openApp(browser, origin, { context, viewport = { width: 1280, height: 800 } } = {}) {
  const ctx = context || await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const t0 = Date.now();
  await page.goto(origin + "/index.html");
  await waitFrames(page, 2);
  return { ctx, page, requests, errors, firstFrameMs: Date.now() - t0 };
}

export async function state(page) {
  return page.evaluate(() => window.yutang.state());
}

// Waits until the app has rendered at least `n` frames in total.
export async function waitFrames(page, n, timeout = 30000) {
  await page.waitForFunction((k) => window.yutangReady && window.yutang && window.yutang.frames() >= k, n,
    { timeout, polling: 50 });
}

// Waits until the app stops drawing: the frame loop has turned at least twice since the call (so
// input sent before it has been read) and its latest turns drew nothing. Counted in loop turns,
// not time, so a slow machine only makes it wait longer. Gives up quietly after 20 s (chunked
// work such as a large import keeps the app drawing; the caller checks what it waits for).
export async function settle(page) {
  const start = await page.evaluate(() => window.yutang.loops());
  try {
    await page.waitForFunction((l0) => window.yutang.loops() >= l0 + 2 && window.yutang.idleStreak() >= 2,
      start, { timeout: 20000, polling: 25 });
  } catch (e) {
    if (!/Timeout/i.test(String(e && e.message))) throw e;
  }
}

export async function selectTab(page, index) {
  await page.evaluate((i) => window.yutang.selectTab(i), index);
  await settle(page);
}

// Clicks the centre of a named widget (rectangles come from the app's test hook), holding the
// button long enough for ImGui to see press and release in separate frames.
export async function clickWidget(page, name) {
  const r = await rect(page, name);
  const x = r[0] + r[2] / 2, y = r[1] + r[3] / 2;
  await page.mouse.move(x, y);
  await page.waitForTimeout(80);
  await page.mouse.down();
  await page.waitForTimeout(80);
  await page.mouse.up();
  await settle(page);
}

// The screen rectangle [x, y, w, h] of a named widget (throws when it is not on screen).
export async function rect(page, name) {
  const s = await state(page);
  const r = s.widgets[name];
  if (!r) throw new Error(`widget ${name} not on screen; have ${Object.keys(s.widgets)}`);
  return r;
}

// Ctrl+Z with each key held across frames (the app draws only after input).
export async function undo(page) {
  await page.keyboard.down("Control");
  await page.waitForTimeout(60);
  await page.keyboard.down("z");
  await page.waitForTimeout(100);
  await page.keyboard.up("z");
  await page.keyboard.up("Control");
  await settle(page);
}

// Turns the mouse wheel `notches` steps (down when positive) over the left part of the page.
export async function wheel(page, notches) {
  const vp = page.viewportSize();
  await page.mouse.move(vp.width * 0.3, vp.height * 0.6);
  for (let i = 0; i < Math.abs(notches); i++) await page.mouse.wheel(0, notches > 0 ? 100 : -100);
  await settle(page);
}

// Scrolls the tab with the mouse wheel until `name` is wholly on screen.
export async function scrollTo(page, name, tries = 60) {
  const vp = page.viewportSize();
  for (let i = 0; i < tries; i++) {
    const s = await state(page);
    const v = s.layout.visible[name], r = s.widgets[name];
    if (v && r && v[3] >= r[3] - 1 && v[1] >= 0 && v[1] + v[3] <= vp.height) return;
    await wheel(page, r && r[1] < vp.height * 0.2 ? -2 : 2);
  }
  throw new Error(`${name} cannot be scrolled into view`);
}

// Scrolls `name` into view, then clicks it.
export async function scrollClick(page, name) {
  await scrollTo(page, name);
  await clickWidget(page, name);
}

// Clicks a text field (scrolled into view unless `scroll` is false), replaces its text with
// `text` (typed through the IME bridge as one insertion) and, with `enter`, presses Enter.
export async function typeInto(page, widget, text, { enter = true, scroll = true } = {}) {
  if (scroll) await scrollClick(page, widget);
  else await clickWidget(page, widget);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await settle(page);
  await page.keyboard.insertText(text);
  await settle(page);
  if (enter) await page.keyboard.press("Enter");
  await settle(page);
}
