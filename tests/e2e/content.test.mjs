// content.test.mjs — the content compliance scan in real Chromium: typing an ad-law term into a
// calendar item's title through the IME bridge makes the finding appear (in the plan, in the
// item's editor and on the Dashboard's list); switching the term off in Settings → 违禁词 makes it
// go, and one Control+Z brings it back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, openApp, state, settle, selectTab, clickWidget, undo, OUT, typeInto } from "./harness.mjs";

const CAL_TAB = 3, SETTINGS_TAB = 5;

let env;
before(async () => { env = await launch(); });
after(async () => { await env.browser.close(); env.server.close(); });

const term = (s, id) => s.workspace.payload.compliance.terms.find((t) => t.id === id);
const rules = (s) => s.plan.finding_rules;

test("a banned word typed into a calendar item is found; switching the term off in Settings removes it", async () => {
  const { page, errors } = await openApp(env.browser, env.origin);
  let s = await state(page);
  assert.ok(!rules(s).includes("content.absolute_term"), "the demo's words are clean");
  await selectTab(page, CAL_TAB);
  await clickWidget(page, "cal.item.d-push-1");
  await typeInto(page, "cal.edit.title", "顶级粉底，第一次用也不卡粉", { scroll: false });
  s = await state(page);
  assert.equal(s.workspace.payload.calendar.items.find((x) => x.id === "d-push-1").title, "顶级粉底，第一次用也不卡粉");
  assert.ok(rules(s).includes("content.absolute_term"), `the scan found 顶级: ${rules(s)}`);
  assert.ok(s.widgets["cal.edit.finding.0"], "the item's editor says what is wrong");
  assert.ok(!s.widgets["cal.edit.finding.1"], "one finding: the ordinal 第一次 is not a claim (nor a taboo word)");
  await page.screenshot({ path: path.join(OUT, "content-item-finding.png") });

  await selectTab(page, SETTINGS_TAB);
  await clickWidget(page, "terms.head");
  await typeInto(page, "terms.filter", "顶级", { scroll: false });
  s = await state(page);
  assert.ok(s.widgets["term.on.abs.top"], "the filtered list shows 顶级");
  await clickWidget(page, "term.on.abs.top");
  s = await state(page);
  assert.equal(term(s, "abs.top").enabled, false);
  assert.ok(!rules(s).includes("content.absolute_term"), "switched off, the finding is gone");
  await page.screenshot({ path: path.join(OUT, "settings-terms.png") });

  await undo(page);
  s = await state(page);
  assert.equal(term(s, "abs.top").enabled, true, "one undo switches it back on");
  assert.ok(rules(s).includes("content.absolute_term"));
  assert.deepEqual(errors, []);
});
