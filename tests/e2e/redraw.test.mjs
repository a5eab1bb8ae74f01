// redraw.test.mjs — the canvas keeps its pixels, and a frame is drawn again only where it changed
// (wasm/app/damage.hpp): hovering a button in the import dialog and a large import's progress draw
// the dialog alone, frames with no change draw nothing, a canvas cleared by setting its size is
// drawn whole, and what the page then shows is, pixel for pixel, what a frame drawn whole shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openApp, state, settle, selectTab, clickWidget } from "./harness.mjs";
import { decodePng } from "./png.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const draws = (page) => page.evaluate(() => window.yutang.draws());

// 300,000 customers' orders (about 0.4 s to import): long enough for progress frames.
function orders() {
  const rows = ["customer,date,amount"];
  for (let c = 0; c < 300000; c++) {
    const day = 1 + (c * 7) % 28, month = 1 + (c * 5) % 12;
    rows.push(`C${c},2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")},${(20 + (c % 97)).toFixed(2)}`);
  }
  return Buffer.from(rows.join("\n") + "\n");
}

// The page as shown, against the page after a frame drawn whole: the same pixels. First the app is
// woken until it draws nothing new (work that ends after an import, such as saving it, may still
// change the status line), so that the frame drawn whole is of the same picture.
async function sameAsWhole(page, what) {
  await settle(page);
  let woken, still, tries = 0;
  do {
    woken = await draws(page);
    await page.evaluate(() => Module._yt_wake());
    await settle(page);
    still = await draws(page);
  } while (!(still.whole === woken.whole && still.part === woken.part) && ++tries < 20);
  assert.ok(still.none > woken.none && still.whole === woken.whole && still.part === woken.part,
    `${what}: the picture is settled: ${JSON.stringify([woken, still])}`);
  const shown = decodePng(await page.screenshot());
  const before = await draws(page);
  await page.evaluate(() => window.yutang.repaint());
  await settle(page);
  assert.ok((await draws(page)).whole > before.whole, `${what}: the repaint drew a whole frame`);
  const whole = decodePng(await page.screenshot());
  assert.equal(shown.width, whole.width);
  let differ = 0;
  for (let i = 0; i < shown.data.length; i++) differ += shown.data[i] !== whole.data[i];
  assert.equal(differ, 0, `${what}: ${differ} channel values differ from the frame drawn whole`);
}

test("frames drawn only where they changed look exactly like frames drawn whole", async () => {
  const { page, ctx, errors } = await openApp(env.browser, env.origin);
  await selectTab(page, 1);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:orders")]);
  await chooser.setFiles({ name: "orders-300k.csv", mimeType: "text/csv", buffer: orders() });
  await page.waitForFunction(() => window.yutang && window.yutang.state().widgets["tiers.import_go"] !== undefined,
    null, { timeout: 20000, polling: 100 });
  await settle(page);
  await sameAsWhole(page, "the import dialog");

  // Hovering the 导入 button changes the dialog only; the frames after it change nothing.
  const go = (await state(page)).widgets["tiers.import_go"];
  let d0 = await draws(page);
  await page.mouse.move(go[0] + go[2] / 2, go[1] + go[3] / 2);
  await settle(page);
  let d1 = await draws(page);
  assert.ok(d1.part > d0.part, `the hover drew part of the page: ${JSON.stringify([d0, d1])}`);
  assert.equal(d1.whole, d0.whole, "and no whole frame");
  assert.ok(d1.none > d0.none, "the frames after it drew nothing");
  await sameAsWhole(page, "the hovered button");

  // Setting the canvas's size clears it, even to the size it had (SDL does on every resize event):
  // the next frame is drawn whole, nothing being left blank.
  d0 = await draws(page);
  await page.evaluate(() => { const c = document.getElementById("canvas"); c.width = c.width; });
  await settle(page);
  assert.ok((await draws(page)).whole > d0.whole, "a cleared canvas is drawn whole");
  await sameAsWhole(page, "the canvas after its size was set");

  // The import: its progress frames draw the dialog, not the page behind it.
  d0 = await draws(page);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForFunction(() => window.yutang.status().busy, null, { timeout: 10000, polling: 5 });
  await page.waitForFunction(() => !window.yutang.status().busy && window.yutang.status().customers === 300000,
    null, { timeout: 60000, polling: 20 });
  d1 = await draws(page);
  assert.ok(d1.part - d0.part >= 2, `the click and the progress drew part of the page: ${JSON.stringify([d0, d1])}`);
  await sameAsWhole(page, "the imported customers");
  assert.deepEqual(errors, []);
  await ctx.close();
});

// ImGui's renderer asks for the scissor box and the blend state before every frame it draws; the
// page keeps those values as they are set (yutang.js), since WebGL answers each with a round trip
// that waits for the GPU thread. Drawn frames ask WebGL for none of them, and what the page keeps
// is what WebGL itself reports.
test("drawn frames do not wait on WebGL for the state ImGui saves, and the kept state is WebGL's own", async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await ctx.addInitScript(() => {
    window.__asked = {};
    const P = WebGL2RenderingContext.prototype, real = P.getParameter;
    P.getParameter = function (p) { window.__asked[p] = (window.__asked[p] || 0) + 1; return real.call(this, p); };
  });
  const { page, errors } = await openApp(env.browser, env.origin, { context: ctx });
  await settle(page);
  await page.evaluate(() => { window.__asked = {}; });
  const d0 = await draws(page);
  for (let i = 0; i < 6; i++) {
    await page.evaluate(() => window.yutang.repaint());
    await settle(page);
  }
  await selectTab(page, 1);
  await settle(page);
  const d1 = await draws(page);
  assert.ok(d1.whole - d0.whole >= 6, `whole frames were drawn: ${JSON.stringify([d0, d1])}`);
  const r = await page.evaluate(() => {
    const gl = document.getElementById("canvas").getContext("webgl2");
    const names = ["SCISSOR_BOX", "BLEND_SRC_RGB", "BLEND_DST_RGB", "BLEND_SRC_ALPHA", "BLEND_DST_ALPHA",
      "BLEND_EQUATION_RGB", "BLEND_EQUATION_ALPHA"];
    const asList = (v) => (v instanceof Int32Array ? Array.from(v) : [v]);
    const asked = names.map((n) => window.__asked[gl[n]] || 0);
    const kept = names.map((n) => asList(gl.getParameter(gl[n])));
    const real = names.map((n) => asList(WebGL2RenderingContext.prototype.getParameter.call(gl, gl[n])));
    return { names, asked, kept, real };
  });
  assert.deepEqual(r.asked, r.names.map(() => 0), `WebGL was asked during the frames: ${JSON.stringify(r)}`);
  assert.deepEqual(r.kept, r.real, "the kept values are WebGL's");
  assert.ok(r.real[0][2] > 0 && r.real[0][3] > 0, `a real scissor box: ${JSON.stringify(r.real[0])}`);
  assert.deepEqual(errors, []);
  await ctx.close();
});
