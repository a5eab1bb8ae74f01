// xlsx.test.mjs — `yutang tier` and `clv` on Excel workbooks written by an independent writer
// (openpyxl, tests/xlsx/make_workbooks.py): the same tiers as the equivalent CSV, the sheet
// choice, and every bad workbook refused with its own message (exit 2).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { run, tmpdir, ROOT } from "./common.mjs";

let dir;
before(() => {
  dir = tmpdir();
  const r = spawnSync("/usr/bin/python3", [path.join(ROOT, "tests/xlsx/make_workbooks.py"), dir], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
});

// The tier JSON without what names the input file.
function tiers(file, extra = []) {
  const r = run(["tier", path.join(dir, file), "--json", ...extra]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  delete j.file;
  if (j.import) { delete j.import.file_name; delete j.import.encoding; delete j.import.delimiter; }
  return j;
}

test("50,000 orders from an openpyxl workbook give the same tiers as the same orders in CSV", () => {
  const x = tiers("orders.xlsx");
  const c = tiers("orders.csv");
  assert.ok(x.customers > 10000, `customers: ${x.customers}`);
  assert.deepEqual(x, c);
});

test("clv on the workbook equals clv on the CSV, customer ids with their leading zeros", () => {
  const out = (f) => path.join(dir, f + ".clv.csv");
  const a = run(["clv", path.join(dir, "orders.xlsx"), "--json", "--out", out("x")]);
  const b = run(["clv", path.join(dir, "orders.csv"), "--json", "--out", out("c")]);
  assert.equal(a.code, 0, a.err);
  assert.equal(b.code, 0, b.err);
  assert.deepEqual(JSON.parse(a.out), JSON.parse(b.out));
  const rows = fs.readFileSync(out("x"), "utf8");
  assert.equal(rows, fs.readFileSync(out("c"), "utf8"));
  assert.match(rows, /\n00\d{4},/);  // "000123" stays text, not 123
});

test("--sheet picks a worksheet by name or number; a missing one lists the sheets", () => {
  const cover = run(["--lang", "en", "tier", path.join(dir, "cover_first.xlsx"), "--json"]);
  assert.equal(cover.code, 2);  // the cover sheet has no order columns
  const byName = tiers("cover_first.xlsx", ["--sheet", "名单"]);
  const byNumber = tiers("cover_first.xlsx", ["--sheet", "2"]);
  assert.deepEqual(byName, byNumber);
  assert.ok(byName.customers > 100);
  const none = run(["--lang", "en", "tier", path.join(dir, "cover_first.xlsx"), "--sheet", "汇总", "--json"]);
  assert.equal(none.code, 2);
  assert.match(none.err, /no worksheet "汇总" \(it has: 封面, 名单\)/);
});

test("bad workbooks are refused with a message that says what to do", () => {
  const cases = {
    "bad_xml.xlsx": /not valid XML/,
    "bad_doctype.xlsx": /not valid XML \(line \d+: DOCTYPE\)/,
    "bad_bomb.xlsx": /expands \d+ times its packed size/,
    "bad_sst_count.xlsx": /shared text table is too large/,
    "bad_bzip2.xlsx": /unsupported compression method \(12\)/,
    "bad_zip64.xlsx": /ZIP64/,
    "bad_notbook.xlsx": /not an Excel workbook/,
    "bad_truncated.xlsx": /damaged or incomplete/,
    "bad_encrypted.xlsx": /password-protected/,
    "old.xls": /Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx/,
  };
  for (const [file, re] of Object.entries(cases)) {
    const r = run(["--lang", "en", "tier", path.join(dir, file), "--json"]);
    assert.equal(r.code, 2, `${file}: ${r.out}`);
    assert.match(r.err, re, file);
    const zh = run(["tier", path.join(dir, file), "--json"]);
    assert.match(zh.err, /[\u4e00-\u9fff]/, `${file} in Chinese`);
  }
});

test("calendar --xlsx: openpyxl reads back the same table as the CSV export", () => {
  const ws = path.join(dir, "demo.json");
  assert.equal(run(["demo", "--out", ws]).code, 0);
  const csv = path.join(dir, "cal.csv"), xlsx = path.join(dir, "cal.xlsx");
  const r = run(["calendar", ws, "--from", "2026-11-01", "--to", "2026-11-30", "--csv", csv, "--xlsx", xlsx]);
  assert.equal(r.code, 0, r.err);
  const py = spawnSync("/usr/bin/python3", [path.join(ROOT, "tests/oracle/check_xlsx.py"), xlsx, csv], { encoding: "utf8" });
  assert.equal(py.status, 0, py.stdout + py.stderr);
  // And Yutang's own reader takes the export back as orders-like text: a workbook it wrote opens.
  assert.doesNotMatch(run(["--lang", "en", "tier", xlsx]).err, /damaged|not valid XML|not an Excel/);
});
