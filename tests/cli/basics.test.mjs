// basics.test.mjs — `yutang --help`, `--version`, `demo --out`, unknown commands.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { run, tmpdir } from "./common.mjs";

test("--version prints the version", () => {
  const r = run(["--version"]);
  assert.equal(r.code, 0);
  assert.match(r.out, /^yutang \d+\.\d+\.\d+\n$/);
});

test("--help lists the subcommands in Chinese by default and in English on request", () => {
  const zh = run(["--help"]);
  assert.equal(zh.code, 0);
  assert.match(zh.out, /用法/);
  assert.match(zh.out, /demo/);
  const en = run(["--lang", "en", "--help"]);
  assert.equal(en.code, 0);
  assert.match(en.out, /usage: yutang/);
});

test("no command prints help and exits 2", () => {
  assert.equal(run([]).code, 2);
});

test("an unknown subcommand is a usage error naming it", () => {
  const r = run(["--lang", "en", "frobnicate"]);
  assert.equal(r.code, 2);
  assert.match(r.err, /frobnicate/);
});

test("demo --out writes a valid workspace file with the demo brand", () => {
  const dir = tmpdir();
  const file = path.join(dir, "demo.json");
  const r = run(["demo", "--out", file]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(doc.format, "yutang.workspace");
  assert.equal(typeof doc.schema, "number");
  assert.match(doc.checksum, /^fnv1a64:[0-9a-f]{16}$/);
  assert.ok(doc.payload.roles.personas.length >= 2);
  assert.ok(doc.payload.roles.groups.length >= 1);
  assert.ok(doc.payload.calendar.items.length >= 10);
  assert.ok(doc.payload.economics.scenarios.length >= 1);
  assert.equal(doc.payload.settings.language, "zh");
});

test("demo --out to an unwritable place fails with exit 2 and a message", () => {
  const r = run(["--lang", "en", "demo", "--out", "/nonexistent-dir/x/demo.json"]);
  assert.equal(r.code, 2);
  assert.match(r.err, /Cannot write/);
});
