// summary.test.mjs — `yutang clv --summary`: per-customer summaries made by a warehouse.
//
// docs/summary.duckdb.sql runs for real in DuckDB (npm @duckdb/node-api) over the CDNOW sample and
// over a million-customer synthetic file; the fits from its output must equal the fits from the raw
// orders to 1e-6, and so must the CLV total and the segments. Bad summaries are refused naming the
// line, the column and the problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { run, tmpdir, DATA, ROOT } from "./common.mjs";

const SQL = fs.readFileSync(path.join(ROOT, "docs", "summary.duckdb.sql"), "utf8");
const CDNOW = path.join(DATA, "cdnow", "CDNOW_sample.txt");

// Runs the shipped SQL over `ordersCsv` (customer,order_date,amount with a header) and writes the
// summary CSV to `out`.
async function summarise(ordersCsv, out, calibrationEnd) {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  await con.run(
    `CREATE VIEW orders AS SELECT * FROM read_csv('${ordersCsv}', header = true, ` +
      `columns = {'customer': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DOUBLE'})`,
  );
  if (calibrationEnd) await con.run(`SET VARIABLE calibration_end = DATE '${calibrationEnd}'`);
  const query = SQL.replace(/;\s*$/, "");
  await con.run(`COPY (${query}) TO '${out}' (HEADER, DELIMITER ',')`);
  con.closeSync();
}

function clvJson(args) {
  const r = run(["--lang", "en", "clv", ...args, "--json"]);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}

function close(a, b, what) {
  assert.ok(Number.isFinite(a) && Number.isFinite(b), `${what}: ${a} vs ${b}`);
  assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

// Same customers, fits, CLV and segments from both paths.
function assertSame(fromSummary, fromOrders) {
  assert.equal(fromSummary.source, "summary");
  assert.equal(fromOrders.source, "orders");
  assert.equal(fromSummary.customers, fromOrders.customers);
  assert.equal(fromSummary.repeat_buyers, fromOrders.repeat_buyers);
  assert.equal(fromSummary.status, "ok");
  assert.equal(fromOrders.status, "ok");
  for (const k of ["r", "alpha", "a", "b", "loglik"]) close(fromSummary.bgnbd[k], fromOrders.bgnbd[k], `bgnbd.${k}`);
  for (const k of ["p", "q", "v", "loglik"]) close(fromSummary.gamma_gamma[k], fromOrders.gamma_gamma[k], `gamma_gamma.${k}`);
  assert.equal(fromSummary.bgnbd.grid_days, fromOrders.bgnbd.grid_days);
  close(fromSummary.total_clv, fromOrders.total_clv, "total_clv");
  close(fromSummary.total_expected_purchases, fromOrders.total_expected_purchases, "total_expected_purchases");
  assert.equal(fromSummary.segments.length, 8);
  for (let i = 0; i < 8; i++) {
    assert.equal(fromSummary.segments[i].customers, fromOrders.segments[i].customers, fromOrders.segments[i].key);
    close(fromSummary.segments[i].clv_total, fromOrders.segments[i].clv_total, `segment ${fromOrders.segments[i].key}`);
  }
  assert.ok(fromOrders.segments.some((s) => s.customers > 0));
}

test("the DuckDB summary of the CDNOW sample fits as the raw orders do", async () => {
  const dir = tmpdir();
  // CDNOW: " 00004 0001 19970101  2   29.33" (customer, -, date, quantity, amount) -> CSV.
  const csv = ["customer,order_date,amount"];
  for (const line of fs.readFileSync(CDNOW, "utf8").split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    csv.push(`${f[0]},${f[2].slice(0, 4)}-${f[2].slice(4, 6)}-${f[2].slice(6, 8)},${f[4]}`);
  }
  const orders = path.join(dir, "cdnow.csv");
  fs.writeFileSync(orders, csv.join("\n") + "\n");
  const summary = path.join(dir, "summary.csv");
  await summarise(orders, summary, "1997-09-30");
  assert.match(fs.readFileSync(summary, "utf8").split("\n")[0], /^customer,frequency,recency,T,monetary_value,revenue$/);

  const common = ["--calibration-end", "1997-09-30", "--unit", "week"];
  const a = clvJson(["--summary", summary, ...common]);
  const b = clvJson([CDNOW, "--columns", "customer=1,date=3,amount=5", ...common]);
  assertSame(a, b);
  assert.equal(a.customers, 2357);  // the CDNOW sample's cohort
  assert.deepEqual(a.summary.columns, ["customer", "frequency", "recency", "T", "monetary_value", "revenue"]);
  assert.equal(a.calibration_end, "1997-09-30");

  // Per customer, the --out rows agree too (same ids, same figures to the printed digits).
  const outA = path.join(dir, "a.csv"), outB = path.join(dir, "b.csv");
  clvJson(["--summary", summary, ...common, "--out", outA]);
  clvJson([CDNOW, "--columns", "customer=1,date=3,amount=5", ...common, "--out", outB]);
  const rows = (f) => fs.readFileSync(f, "utf8").trim().split("\n").sort();
  assert.deepEqual(rows(outA), rows(outB));

  // Without a calibration end or a revenue column: the fits still match, no segments are drawn.
  const bare = path.join(dir, "bare.csv");
  fs.writeFileSync(bare, fs.readFileSync(summary, "utf8").split("\n").map((l) => l.split(",").slice(0, 5).join(",")).join("\n"));
  const c = clvJson(["--summary", bare, "--unit", "week"]);
  assert.equal(c.calibration_end, null);
  close(c.bgnbd.r, b.bgnbd.r, "bgnbd.r without revenue");
  assert.deepEqual(c.segments, []);
});

test("a million customers: the DuckDB summary path equals the raw orders path", async () => {
  const dir = tmpdir();
  const orders = path.join(dir, "orders-1m.csv");
  const g = run(["gen", "--customers", "1000000", "--out", orders]);
  assert.equal(g.code, 0, g.err);
  const summary = path.join(dir, "summary-1m.csv");
  await summarise(orders, summary);  // calibration end: the last order date
  const b = clvJson([orders]);
  const a = clvJson(["--summary", summary, "--calibration-end", b.calibration_end]);
  assertSame(a, b);
  assert.ok(a.customers > 900000, `${a.customers} customers`);
});

test("bad summaries are refused naming the line, the column and the problem", () => {
  const dir = tmpdir();
  const write = (name, text) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const refuse = (file, pattern, extra = []) => {
    const r = run(["--lang", "en", "clv", "--summary", file, ...extra]);
    assert.equal(r.code, 2, r.out);
    assert.match(r.err, pattern);
  };
  const head = "customer,frequency,recency,T,monetary_value\n";
  refuse(write("cols.csv", "customer,frequency,T\nA,1,5\n"), /recency, monetary_value/);
  refuse(write("frac.csv", head + "A,1,10,20,5\nB,1,2.5,20,5\n"), /line 3.*recency|recency.*line 3/s);
  refuse(write("after.csv", head + "A,2,30,20,5\n"), /more than T/);
  refuse(write("over.csv", head + "A,5,3,20,5\n"), /cannot exceed recency/);
  refuse(write("norep.csv", head + "A,0,3,20,\n"), /should be 0/);
  refuse(write("dup.csv", head + "A,1,3,20,5\nB,0,0,9,\nA,0,0,20,\n"), /"A" appears twice \(first on line 2\)/);
  refuse(write("amount.csv", head + "A,1,3,20,abc\n"), /not an amount: "abc"/);
  refuse(write("empty.csv", head), /header/i);
  // lifetimes' CDNOW summary is in weeks with decimals: refused at its first fractional cell.
  refuse(path.join(DATA, "cdnow", "cdnow_customers_summary_with_transactions.csv"), /line 2.*t_x|t_x.*line 2/s);
  // The import options do not apply to a summary.
  refuse(write("ok.csv", head + "A,1,3,20,5\n"), /--columns does not go with --summary/, ["--columns", "customer=1"]);
  // An owner column totals the CLV per owner, largest first.
  const owned = run(["--lang", "en", "clv", "--summary", write("owned.csv", head.replace("\n", ",owner\n") + "A,1,3,20,5,小王\nB,0,0,9,,小李\nC,2,9,30,8,小王\n"), "--json"]);
  assert.equal(owned.code, 0, owned.err);
  const o = JSON.parse(owned.out).owners;
  assert.deepEqual(o.map((x) => [x.owner, x.customers]).sort(), [["小李", 1], ["小王", 2]]);
  // Chinese headers are read.
  const zh = Buffer.from("客户编号,复购天数,首末购间隔天数,客龄天数,平均复购金额\nA,1,3,20,5\nB,0,0,7,\n", "utf8");
  const r = run(["--lang", "en", "clv", "--summary", write("zh.csv", zh), "--json"]);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).customers, 2);
});
