// options.test.mjs — the strict command line: each subcommand takes exactly the options its --help
// lists; an unknown option, a missing value, a malformed number or date, an option given twice or
// an extra argument is refused with exit 2 and a message that names the option (and, for a typo,
// the closest known one), in the language asked for.
//
// `yutang CMD --opt VALUE --help` checks the options and prints the help without running CMD, so
// every option of every subcommand is tried here without side effects.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { run, tmpdir } from "./common.mjs";

// The subcommands, from `yutang --help` ("  NAME …   what it does").
function subcommands() {
  const r = run(["--lang", "en", "--help"]);
  assert.equal(r.code, 0, r.err);
  const body = r.out.split("commands:\n")[1].split("\n\n")[0];
  return body.split("\n").map((l) => l.trim().split(" ")[0]);
}

// The options a subcommand's --help lists: name -> value placeholder ("" for a flag).
function listed(cmd, lang = "en") {
  const r = run(["--lang", lang, cmd, "--help"]);
  assert.equal(r.code, 0, `${cmd} --help: ${r.err}`);
  const opts = new Map();
  for (const line of r.out.split("\n")) {
    const m = /^  --([a-z][a-z-]*)(?: (\S+))?\s{3,}\S/.exec(line);
    if (m) opts.set(m[1], m[2] || "");
  }
  return { text: r.out, opts };
}

// A value of the right form for a placeholder.
function sample(meta) {
  if (meta === "DATE") return "2026-01-31";
  if (meta.includes("|")) return meta.split("|")[0];
  return "1";
}

const NUMERIC = new Set(["N", "DAYS", "AMOUNT", "RATE"]);
const COMMANDS = subcommands();

test("yutang --help lists every subcommand", () => {
  assert.deepEqual([...COMMANDS].sort(),
    ["apply", "audience", "bench", "calbench", "calendar", "check", "clv", "demo", "editbench", "festivals", "funnel", "gen", "groups", "journeys", "report", "scripts", "seal", "tier"]);
});

test("every subcommand's --help lists its usage and its options, --lang and --help among them, in zh and en", () => {
  for (const cmd of COMMANDS) {
    const en = listed(cmd, "en");
    assert.match(en.text, new RegExp(`^usage: yutang ${cmd}\\b`), cmd);
    assert.ok(en.opts.has("help") && en.opts.get("lang") === "zh|en", `${cmd}: ${[...en.opts.keys()]}`);
    const zh = listed(cmd, "zh");
    assert.match(zh.text, new RegExp(`^用法：yutang ${cmd}\\b`), cmd);
    assert.deepEqual([...zh.opts.keys()], [...en.opts.keys()], `${cmd}: the same options in both languages`);
  }
});

test("every option a subcommand's --help lists is accepted by it", () => {
  for (const cmd of COMMANDS) {
    for (const [name, meta] of listed(cmd).opts) {
      if (name === "help") continue;  // the probe itself
      const args = meta ? [`--${name}`, sample(meta)] : [`--${name}`];
      const r = run(["--lang", "en", cmd, ...args, "--help"]);
      assert.equal(r.code, 0, `${cmd} --${name} ${args[1] ?? ""}: ${r.err}`);
    }
  }
});

test("an option a subcommand's --help does not list is refused (exit 2), naming it", () => {
  const all = new Map();
  for (const cmd of COMMANDS) for (const [name, meta] of listed(cmd).opts) all.set(name, meta);
  all.set("bogus-flag", "X");
  for (const cmd of COMMANDS) {
    const own = listed(cmd).opts;
    for (const [name, meta] of all) {
      if (own.has(name)) continue;
      const r = run(["--lang", "en", cmd, `--${name}`, ...(meta ? [sample(meta)] : []), "--help"]);
      assert.equal(r.code, 2, `${cmd} --${name} must be refused`);
      assert.match(r.err, new RegExp(`yutang ${cmd} has no option --${name}\\b`), r.err);
    }
  }
});

test("`check ws.json --bogus-flag 1` is an error, no longer ignored", () => {
  const dir = tmpdir();
  const ws = path.join(dir, "ws.json");
  assert.equal(run(["demo", "--out", ws]).code, 0);
  const r = run(["--lang", "en", "check", ws, "--bogus-flag", "1"]);
  assert.equal(r.code, 2);
  assert.equal(r.out, "", "nothing checked");
  assert.match(r.err, /yutang check has no option --bogus-flag\. Run yutang check --help/);
});

test("a mistyped option gets the closest known one, for every subcommand, in en and zh", () => {
  for (const cmd of COMMANDS) {
    // The subcommand's longest option with two different neighbouring letters swapped.
    const name = [...listed(cmd).opts.keys()].sort((a, b) => b.length - a.length)[0];
    let k = 1;
    while (name[k] === name[k + 1]) ++k;
    const typo = name.slice(0, k) + name[k + 1] + name[k] + name.slice(k + 2);
    const en = run(["--lang", "en", cmd, `--${typo}`]);
    assert.equal(en.code, 2, cmd);
    assert.match(en.err, new RegExp(`has no option --${typo}; did you mean --${name}\\?`), en.err);
    const zh = run([cmd, `--${typo}`]);
    assert.equal(zh.code, 2, cmd);
    assert.match(zh.err, new RegExp(`没有选项 --${typo}，是不是 --${name}？`), zh.err);
  }
  // Case, a missing letter, a beginning, a single dash.
  assert.match(run(["--lang", "en", "check", "x.json", "--JSON"]).err, /did you mean --json\?/);
  assert.match(run(["--lang", "en", "tier", "x.csv", "--column", "customer=1"]).err, /did you mean --columns\?/);
  assert.match(run(["--lang", "en", "clv", "x.csv", "--calib", "1997-09-30"]).err, /did you mean --calibration-end\?/);
  assert.match(run(["--lang", "en", "festivals", "2026", "-json"]).err, /has no option -json; did you mean --json\?/);
  // A mistyped subcommand too.
  assert.match(run(["--lang", "en", "chekc", "x.json"]).err, /Unknown subcommand chekc; did you mean check\?/);
});

test("an option without its value is refused, for every valued option of every subcommand", () => {
  for (const cmd of COMMANDS) {
    for (const [name, meta] of listed(cmd).opts) {
      if (!meta) continue;
      for (const args of [[`--${name}`], [`--${name}`, "--help"], [`--${name}=`]]) {
        const r = run(["--lang", "en", cmd, ...args]);
        assert.equal(r.code, 2, `${cmd} ${args.join(" ")}`);
        assert.match(r.err, new RegExp(`The option --${name} needs a value\\.`), r.err);
      }
    }
  }
  assert.match(run(["check", "x.json", "--today"]).err, /选项 --today 后面缺少值/);
});

test("a malformed number or date is refused, for every numeric and date option of every subcommand", () => {
  let numbers = 0, dates = 0;
  for (const cmd of COMMANDS) {
    for (const [name, meta] of listed(cmd).opts) {
      if (NUMERIC.has(meta)) {
        for (const bad of ["abc", "12x", "1,5", "nan", "inf"]) {
          const r = run(["--lang", "en", cmd, `--${name}`, bad]);
          assert.equal(r.code, 2, `${cmd} --${name} ${bad}`);
          assert.match(r.err, new RegExp(`The option --${name} needs a (whole )?number, not "${bad}"`), r.err);
        }
        ++numbers;
      } else if (meta === "DATE") {
        for (const bad of ["2026-02-30", "tomorrow", "2026-1", "31/01/2026"]) {
          const r = run(["--lang", "en", cmd, `--${name}`, bad]);
          assert.equal(r.code, 2, `${cmd} --${name} ${bad}`);
          assert.match(r.err, new RegExp(`The option --${name} needs a date \\(YYYY-MM-DD\\), not "${bad.replace(/[/]/g, "\\/")}"`), r.err);
        }
        ++dates;
      }
    }
  }
  assert.ok(numbers >= 15 && dates >= 7, `${numbers} numeric and ${dates} date options tried`);
  // Counts are whole numbers; other numbers may have a fraction or a sign.
  assert.match(run(["--lang", "en", "gen", "--customers", "1.5", "--out", "x.csv"]).err, /--customers needs a whole number, not "1.5"/);
  assert.equal(run(["tier", "x.csv", "--manual-m", "-2.5", "--help"]).code, 0);
  assert.match(run(["check", "x.json", "--today", "2026-02-30"]).err, /选项 --today 的值“2026-02-30”不是日期/);
});

test("a word outside an option's choices is refused, with the closest choice", () => {
  const r = run(["--lang", "en", "clv", "x.csv", "--unit", "weak"]);
  assert.equal(r.code, 2);
  assert.match(r.err, /--unit takes one of day\|week\|month, not "weak"; did you mean week\?/);
  assert.match(run(["--lang", "en", "tier", "x.csv", "--binning", "deciles"]).err, /--binning takes one of quintile\|quartile\|tercile\|custom, not "deciles"/);
  assert.match(run(["--lang", "fr", "demo"]).err, /选项 --lang 的值“fr”无效/);
  assert.match(run(["demo", "--lang", "EN"]).err, /--lang 的值“EN”无效，是不是 en？/);
});

test("a flag given a value, an option given twice and an extra argument are refused", () => {
  const dir = tmpdir();
  const ws = path.join(dir, "ws.json");
  assert.equal(run(["demo", "--out", ws]).code, 0);
  const flag = run(["--lang", "en", "check", ws, "--json=1"]);
  assert.equal(flag.code, 2);
  assert.match(flag.err, /The option --json takes no value \(given "1"\)/);
  const twice = run(["--lang", "en", "check", ws, "--today", "2026-01-01", "--today", "2026-02-01"]);
  assert.equal(twice.code, 2);
  assert.match(twice.err, /The option --today is given more than once/);
  const extra = run(["--lang", "en", "check", ws, ws]);
  assert.equal(extra.code, 2);
  assert.match(extra.err, /yutang check does not take the argument ".*ws\.json"/);
  assert.match(run(["--lang", "en", "calbench", "now"]).err, /yutang calbench does not take the argument "now"/);
  const missing = run(["--lang", "en", "calendar", ws, "--from", "2026-11-01"]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /yutang calendar needs the option --to/);
});

test("valid forms still work: --key=value, options before operands, -h, -- and --lang after the subcommand", () => {
  const dir = tmpdir();
  const ws = path.join(dir, "ws.json");
  assert.equal(run(["demo", `--out=${ws}`]).code, 0);
  const a = run(["check", "--json", "--today=2026-11-15", ws, "--lang", "en"]);
  assert.ok(a.code === 0 || a.code === 1, a.err);
  assert.equal(JSON.parse(a.out).today, "2026-11-15");
  assert.equal(run(["festivals", "-h"]).code, 0);
  fs.copyFileSync(ws, path.join(dir, "--odd.json"));  // after "--" a name like an option is a file
  const b = run(["--lang", "en", "check", "--json", "--today", "2026-11-15", "--", "--odd.json"], { cwd: dir });
  assert.ok(b.code === 0 || b.code === 1, b.err);
  assert.deepEqual(JSON.parse(b.out), JSON.parse(a.out));
  const late = run(["festivals", "1900", "--lang", "en"]);
  assert.equal(late.code, 2);
  assert.doesNotMatch(late.err, /[\u4e00-\u9fff]/, "an English message");
});
