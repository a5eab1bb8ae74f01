// run.mjs — runs the browser tests (tests/e2e/*.test.mjs) one file at a time with Node's test
// runner, against the built site given by --web (default build/web).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const i = process.argv.indexOf("--web");
const web = path.resolve(i > 0 ? process.argv[i + 1] : path.join(here, "../../build/web"));
const files = fs.readdirSync(here).filter((f) => f.endsWith(".test.mjs")).sort().map((f) => path.join(here, f));
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...files], {
  stdio: "inherit", env: { ...process.env, YT_WEB: web },
});
process.exit(r.status === null ? 1 : r.status);
