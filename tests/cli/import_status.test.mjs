// import_status.test.mjs — `yutang tier` / `clv` on a shop export with an order-status column:
// closed, refunded and unpaid orders are excluded and said so (text and --json), --statuses
// changes the choice, --columns maps status / owner / product by hand. The export is written here
// in GB18030 (Debian's python3 encodes it).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { run, tmpdir } from "./common.mjs";

// 30 buyers with paid orders, 5 whose only order was closed, 3 refunded, 2 unpaid.
function shopExport(dir) {
  const rows = ["订单编号,买家昵称,手机号,付款时间,实付金额,订单状态,商品名称,归属员工"];
  let n = 0;
  const add = (buyer, paidAt, amount, status) => {
    n += 1;
    rows.push(`2025${String(n).padStart(8, "0")},昵称${buyer % 7},1380000${String(buyer).padStart(4, "0")},${paidAt},${amount},${status},洁面乳,阿杰`);
  };
  for (let b = 0; b < 30; b++) {
    add(b, `2025-03-${String(1 + (b % 28)).padStart(2, "0")} 10:00:00`, "100.00", "交易成功");
    if (b % 3 === 0) add(b, `2025-04-${String(1 + (b % 28)).padStart(2, "0")} 10:00:00`, "50.00", "已发货");
  }
  for (let b = 30; b < 35; b++) add(b, "", "0.00", "交易关闭");
  for (let b = 35; b < 38; b++) add(b, "2025-03-15 09:00:00", "80.00", "退款成功");
  for (let b = 38; b < 40; b++) add(b, "", "0.00", "等待买家付款");
  const csv = path.join(dir, "orders.csv");
  const py = spawnSync("python3", ["-c", "import sys; open(sys.argv[1],'wb').write(sys.stdin.read().encode('gb18030'))", csv], {
    input: rows.join("\n") + "\n",
    encoding: "utf8",
  });
  assert.equal(py.status, 0, py.stderr);
  return csv;
}

test("tier: excluded orders are not sales, buyers with only excluded orders are not customers", () => {
  const csv = shopExport(tmpdir());
  const r = run(["tier", csv, "--json"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.customers, 30);
  assert.equal(j.orders, 40);
  assert.equal(j.revenue, 30 * 100 + 10 * 50);
  assert.equal(j.import.excluded, 10);
  assert.equal(j.import.excluded_by_status, 10);
  assert.equal(j.import.excluded_customers, 10);
  const closed = j.import.statuses.find((s) => s.value === "交易关闭");
  assert.deepEqual(closed, { value: "交易关闭", class: "closed", included: false, rows: 5, excluded: 5 });
  const texts = j.import.notices.map((x) => x.text);
  assert.ok(texts.includes("已排除 5 笔交易关闭订单"), texts.join("|"));
  assert.ok(texts.includes("已排除 3 笔退款成功订单"), texts.join("|"));
  assert.ok(texts.includes("已排除 2 笔等待买家付款订单"), texts.join("|"));
  // The phone column is the key (the nickname is shared by several buyers): no nickname warning.
  assert.ok(!j.import.notices.some((x) => x.code.startsWith("io.nickname")));

  const en = run(["--lang", "en", "tier", csv]);
  assert.equal(en.code, 0, en.err);
  assert.match(en.out, /^Excluded 5 closed orders \(交易关闭\)$/m);
  assert.match(en.out, /^Excluded 3 refunded orders \(退款成功\)$/m);
  assert.match(en.out, /^10 buyers had only excluded orders and are not counted as customers$/m);
});

test("--statuses changes which orders count; a bad class is refused", () => {
  const csv = shopExport(tmpdir());
  const r = run(["tier", csv, "--json", "--statuses", "completed,paid,refunded"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.customers, 33);
  assert.equal(j.revenue, 30 * 100 + 10 * 50 + 3 * 80);
  assert.equal(j.import.excluded_by_status, 7);
  const bad = run(["tier", csv, "--statuses", "paid,shipped"]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /shipped/);
});

test("clv --json carries the import summary; --columns maps status, owner and product by hand", () => {
  const dir = tmpdir();
  const csv = shopExport(dir);
  const c = run(["clv", csv, "--json"]);
  assert.equal(c.code, 0, c.err);
  const j = JSON.parse(c.out);
  assert.equal(j.customers, 30);
  assert.equal(j.import.excluded, 10);
  // Without the status column mapped every row is read as a sale, and nothing is said about statuses.
  const plain = run(["tier", csv, "--json", "--columns", "customer=3,date=4,amount=5,owner=8,product=7"]);
  assert.equal(plain.code, 0, plain.err);
  const p = JSON.parse(plain.out);
  assert.equal(p.import.statuses.length, 0);
  assert.equal(p.import.excluded_unpaid, 7);  // blank payment time and 0.00 paid: still not purchases
  assert.equal(p.customers, 33);
  const mapped = run(["tier", csv, "--json", "--columns", "customer=3,date=4,amount=5,status=6"]);
  assert.equal(JSON.parse(mapped.out).customers, 30);
});
