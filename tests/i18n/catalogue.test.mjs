// catalogue.test.mjs — the message catalogue is checked against the sources: every text the code
// asks for exists in Chinese and English, and every entry is used (catalogue.mjs says how).
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";

import { check, layered, readSources, scan } from "./catalogue.mjs";

const ROOT = process.env.YT_ROOT || path.resolve(".");
const files = readSources(ROOT);

test("every text asked for is in the catalogue in both languages, and every entry is used", () => {
  const s = scan(files);
  assert.ok(s.entries.size > 1000, `read ${s.entries.size} entries`);
  assert.ok(s.asked.length > 900, `found ${s.asked.length} requests`);
  const r = check(s);
  assert.deepEqual(r.missing, [], "asked for but not in the catalogue");
  assert.deepEqual(r.untranslated, [], "without Chinese or English");
  assert.deepEqual(r.unused, [], "in the catalogue but used nowhere");
});

test("the check fails when an entry is removed, and when an entry nothing uses is added", () => {
  // Remove the row of a key the code asks for by name: it is reported missing.
  const s = scan(files);
  const asked = s.asked.find((a) => a.key === "cmd.unknown_id");
  assert.ok(asked && s.entries.has("cmd.unknown_id"));
  const table = s.entries.get("cmd.unknown_id").file;
  const cut = { ...files, [table]: files[table].replace(/^\s*\{"cmd\.unknown_id",.*$/m, "") };
  assert.ok(check(scan(cut)).missing.some((m) => m.startsWith("cmd.unknown_id ")));
  // A row nothing asks for is reported unused; one without English is reported untranslated.
  const extra = { ...files, [table]: files[table].replace(/^(\s*\{"cmd\.unknown_id",.*)$/m, '$1\n    {"cmd.never_asked", "从未使用", "Never used"},\n    {"cmd.no_english", "无英文", ""},') };
  const r = check(scan(extra));
  assert.ok(r.unused.includes("cmd.never_asked"));
  assert.ok(r.untranslated.includes("cmd.no_english"));
});

test("the screens' words live in the app's tables, and core and the CLI ask only for core's", () => {
  const r = layered(scan(files));
  assert.deepEqual(r.appInCore, [], "app words in a core table");
  assert.deepEqual(r.coreAsksApp, [], "asked for by core or the CLI but defined only by the app");
  // Shown to fail: a screen's row put back into a core table, and core asking for a screen's word.
  const core = "core/i18n/messages_core.cpp";
  const moved = { ...files, [core]: files[core].replace(/^(\s*\{"cmd\.unknown_id",.*)$/m, '$1\n    {"ui.back_in_core", "回到核心", "Back in core"},') };
  assert.ok(layered(scan(moved)).appInCore.includes("ui.back_in_core"));
  const asks = { ...files, "core/edit/edit.cpp": files["core/edit/edit.cpp"] + '\nconst char* x = tr("tab.tiers", Lang::Zh);\n' };
  assert.ok(layered(scan(asks)).coreAsksApp.some((m) => m.startsWith("tab.tiers ")));
});
