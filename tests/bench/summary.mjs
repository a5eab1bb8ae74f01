// summary.mjs — the warehouse path of the benchmarks: docs/summary.duckdb.sql run by DuckDB
// (npm @duckdb/node-api) over an order CSV (customer_id,order_date,amount), written as the
// per-customer summary `yutang clv --summary` reads. Prints how long DuckDB took.
// Usage: node summary.mjs ORDERS.csv SUMMARY.csv
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

const [orders, out] = process.argv.slice(2);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const sql = fs.readFileSync(path.join(root, "docs", "summary.duckdb.sql"), "utf8").replace(/;\s*$/, "");
const t0 = performance.now();
const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
await con.run(
  `CREATE VIEW orders AS SELECT * FROM read_csv('${orders}', header = true, ` +
    `columns = {'customer': 'VARCHAR', 'order_date': 'DATE', 'amount': 'DOUBLE'})`,
);
await con.run(`COPY (${sql}) TO '${out}' (HEADER, DELIMITER ',')`);
con.closeSync();
console.log(`DuckDB summary of ${path.basename(orders)}: ${(performance.now() - t0).toFixed(0)} ms`);
