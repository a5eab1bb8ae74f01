// summary.test.mjs — `yutang clv --summary`: per-customer summaries made by a warehouse.
//
// docs/summary.duckdb.sql runs for real in DuckDB (npm @duckdb/node-api) over the CDNOW sample and
// over a million-customer synthetic file; the fits from its output must equal the fits from the raw
// orders to 1e-6, and so must the CLV total and the segments. docs/summary.spark.sql is parsed
// with Spark's own grammar (npm dt-sql-parser) and, with Spark's two-argument datediff given its
// documented meaning, must give the DuckDB query's summary (there is no Spark here to run it).
// Bad summaries are refused naming the line, the column and the problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { register } from "node:module";
import { DuckDBInstance } from "@duckdb/node-api";
import { run, tmpdir, DATA, ROOT } from "./common.mjs";

register("./esm_hooks.mjs", import.meta.url);
const { SparkSQL } = await import("dt-sql-parser");

const SQL = fs.readFileSync(path.join(ROOT, "docs", "summary.duckdb.sql"), "utf8");
const SPARK_SQL = fs.readFileSync(path.join(ROOT, "docs", "summary.spark.sql"), "utf8");
const CDNOW = path.join(DATA, "cdnow", "CDNOW_sample.txt");

// Runs the shipped SQL over `ordersCsv` (customer,order_date,amount with a header) and writes the
// summary CSV to `out`. With `spark`, runs docs/summary.spark.sql instead: Spark's
// datediff(end, start) (the days from start to end, an INT) is given to DuckDB as a macro, and a
// calibration end replaces the last order date as that file's header says to.
async function summarise(ordersCsv, out, calibrationEnd, { spark = false } = {}) {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  await con.run(
    `CREATE VIEW orders AS SELECT * FROM read_csv('${ordersCsv}', header = true, ` +
      `columns = {'customer': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DOUBLE'})`,
  );
  let query = (spark ? SPARK_SQL : SQL).replace(/;\s*$/, "");
  if (spark) {
    await con.run("CREATE TEMP MACRO datediff(end_date, start_date) AS CAST(end_date - start_date AS INTEGER)");
    if (calibrationEnd) {
      const last = "(SELECT max(order_date) FROM orders) AS cal";
      assert.ok(query.includes(last), "the Spark query's calibration end");
      query = query.replace(last, `DATE'${calibrationEnd}' AS cal`);
    }
  } else if (calibrationEnd) {
    await con.run(`SET VARIABLE calibration_end = DATE '${calibrationEnd}'`);
  }
  await con.run(`COPY (${query}) TO '${out}' (HEADER, DELIMITER ',')`);
  con.closeSync();
}

// The CDNOW sample as the orders CSV the queries read, in `dir`. CDNOW's lines are
// " 00004 0001 19970101  2   29.33" (customer, -, date, quantity, amount).
function cdnowOrders(dir) {
  const csv = ["customer,order_date,amount"];
  for (const line of fs.readFileSync(CDNOW, "utf8").split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    csv.push(`${f[0]},${f[2].slice(0, 4)}-${f[2].slice(4, 6)}-${f[2].slice(6, 8)},${f[4]}`);
  }
  const file = path.join(dir, "cdnow.csv");
  fs.writeFileSync(file, csv.join("\n") + "\n");
  return file;
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
  const orders = cdnowOrders(dir);
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

test("the Spark SQL is valid Spark and gives the DuckDB query's summary", async () => {
  // Spark's grammar (dt-sql-parser's SparkSQL, adapted from Spark 3.5's SqlBaseParser.g4) accepts it;
  // the same text with one comma dropped is refused, so the check can fail.
  const spark = new SparkSQL();
  assert.deepEqual(spark.validate(SPARK_SQL), []);
  const broken = SPARK_SQL.replace("datediff(b.last_day, b.first_day)", "datediff(b.last_day b.first_day)");
  assert.notEqual(broken, SPARK_SQL);
  assert.ok(spark.validate(broken).length > 0, "a syntax error is found");

  // Run over the CDNOW sample (a fixed calibration end) and a generated shop file (the last
  // order date), it writes the DuckDB query's rows.
  const dir = tmpdir();
  const cdnowCsv = cdnowOrders(dir);
  const shopCsv = path.join(dir, "shop.csv");
  const g = run(["gen", "--customers", "20000", "--out", shopCsv]);
  assert.equal(g.code, 0, g.err);
  for (const [orders, end] of [[cdnowCsv, "1997-09-30"], [shopCsv, undefined]]) {
    const a = path.join(dir, "duckdb.csv"), b = path.join(dir, "spark.csv");
    await summarise(orders, a, end);
    await summarise(orders, b, end, { spark: true });
    // DuckDB sums in parallel, in no fixed order: the amounts agree to rounding, the rest exactly.
    const rows = (f) => fs.readFileSync(f, "utf8").trim().split("\n").map((l) => l.split(","));
    const [ra, rb] = [rows(a), rows(b)];
    assert.ok(ra.length > 1000, `${path.basename(orders)}: ${ra.length} rows`);
    assert.equal(rb.length, ra.length, path.basename(orders));
    for (let i = 0; i < ra.length; i++) {
      assert.deepEqual(rb[i].slice(0, 4), ra[i].slice(0, 4), `${path.basename(orders)} row ${i + 1}`);
      if (i > 0) for (const k of [4, 5]) close(Number(rb[i][k]), Number(ra[i][k]), `${path.basename(orders)} row ${i + 1}`);
    }
  }
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
