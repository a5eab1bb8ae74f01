// common.mjs — runs the `yutang` CLI for the CLI tests (path from $YUTANG, set by CTest).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const YUTANG = process.env.YUTANG || path.resolve("build/native/yutang");
export const ROOT = process.env.YT_ROOT || path.resolve(".");
export const DATA = path.join(ROOT, "tests", "data");  // real data sets kept with the tests

export function run(args, opts = {}) {
  const r = spawnSync(YUTANG, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...opts });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function tmpdir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "yutang-cli-"));
}

// Writes the built-in demo workspace to `dir`/demo.json and returns its path.
export function demoFile(dir) {
  const file = path.join(dir, "demo.json");
  const r = run(["demo", "--out", file]);
  if (r.code !== 0) throw new Error(`yutang demo failed: ${r.err}`);
  return file;
}
