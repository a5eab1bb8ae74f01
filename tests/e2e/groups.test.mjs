// groups.test.mjs — Personas → 群健康 / Group health in the browser: a GB18030 and a UTF-8 group-
// statistics export chosen through the real file picker (the section's import button), the table's
// rows and a zombie flag read back through the test hook, the workspace untouched, and a bad file
// refused naming its line while the previous import stays. Fixtures: tests/data/groups/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, ROOT, OUT } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const DATA = path.join(ROOT, "tests/data/groups");

async function pick(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 5000 }),
    clickWidget(page, "file:group_stats")]);
  assert.match(await chooser.element().getAttribute("accept"), /\.csv/);
  await chooser.setFiles({ name: file, mimeType: "text/csv", buffer: fs.readFileSync(path.join(DATA, file)) });
}

async function waitFile(page, name) {
  await page.waitForFunction((n) => window.yutang.state().group_health.file === n, name, { timeout: 15000, polling: 100 });
  await settle(page);
}

test("group statistics through the picker: per-group table, zombie and deal-group flags; the workspace unchanged", async () => {
  // Tall: the section below the KOC registry is on screen without scrolling.
  const { page, ctx, errors } = await openApp(env.browser, env.origin, { viewport: { width: 1400, height: 2400 } });
  await selectTab(page, 2);
  const before = await state(page);
  assert.ok(before.widgets["file:group_stats"], "the import button is drawn");
  assert.deepEqual(before.group_health.groups, []);

  await pick(page, "daily_utf8.csv");
  await waitFile(page, "daily_utf8.csv");
  let s = await state(page);
  assert.equal(s.tab, "personas");
  assert.equal(s.version, before.version, "importing statistics is not an edit of the workspace");
  assert.equal(s.can_undo, false);
  const byName = Object.fromEntries(s.group_health.groups.map((g) => [g.name, g]));
  assert.deepEqual(Object.keys(byName), ["花漾福利1群", "花漾福利2群", "小婉晒单群"]);
  assert.equal(byName["花漾福利1群"].members, 408);
  assert.ok(Math.abs(byName["花漾福利1群"].churn - 6 / 404) < 1e-6);
  assert.equal(byName["花漾福利1群"].zombie, false);
  assert.equal(byName["花漾福利2群"].zombie, true);
  assert.equal(byName["花漾福利2群"].plan_id, "g2");
  assert.equal(byName["花漾福利2群"].deal_without_lead, true);
  for (const w of ["ghealth_row.0", "ghealth_row.2", "ghealth_flags.1", "tbl.ghealth.h0"]) assert.ok(s.widgets[w], w);
  await page.screenshot({ path: path.join(OUT, "personas-group-health.png") });

  // GB18030, per period: replaces the previous file.
  await pick(page, "period_gb18030.csv");
  await waitFile(page, "period_gb18030.csv");
  s = await state(page);
  const names = s.group_health.groups.map((g) => g.name);
  assert.deepEqual(names, ["阿杰护肤课堂", "花漾黑金会员群"]);
  assert.equal(s.group_health.groups[1].zombie, true);
  assert.ok(Math.abs(s.group_health.groups[0].speaking_ratio - 0.3) < 1e-6);

  // A bad file: refused with its line named; the previous import stays.
  await pick(page, "bad_count.csv");
  await page.waitForFunction(() => window.yutang.state().group_health.error !== "", null, { timeout: 15000, polling: 100 });
  s = await state(page);
  assert.equal(s.group_health.file, "period_gb18030.csv");
  assert.match(s.group_health.error, /第 3 行/);
  assert.equal(s.group_health.groups.length, 2);
  assert.equal(s.version, before.version);
  assert.deepEqual(errors, []);
  await ctx.close();
});
