// protect.test.mjs — encrypted workspaces and safe exports from the command line.
// A workspace sealed the way the page does it (WebCrypto: PBKDF2-SHA-256 → AES-256-GCM, here
// Node's own WebCrypto, written as the app's stored slot) opens with --passphrase-file and checks
// exactly like the plain file; `yutang seal` (OpenSSL) writes boxes WebCrypto opens; wrong or
// missing passphrases are clear errors. Every CSV the CLI writes guards cells that a spreadsheet
// would run as formulas (= + - @ tab CR).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { webcrypto as wc } from "node:crypto";
import { run, tmpdir } from "./common.mjs";

const PASS = "correct horse 电池 staple";
const ITER = 600000;

// core/persist's fnv1a64 (its offset basis is 1469598103934665603, as the workspace files have
// always been checked with).
function fnv1a64(text) {
  let h = 1469598103934665603n;
  for (const b of Buffer.from(text, "utf8")) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; }
  return h.toString(16).padStart(16, "0");
}

async function keyFor(pass, salt, iterations) {
  const base = await wc.subtle.importKey("raw", new TextEncoder().encode(pass), "PBKDF2", false, ["deriveKey"]);
  return wc.subtle.deriveKey({ name: "PBKDF2", salt, iterations, hash: "SHA-256" }, base,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

// The sealed box exactly as web/yutang.js + core/persist/sealed.cpp write it.
async function sealLikeThePage(plain, pass, content = "workspace") {
  const salt = wc.getRandomValues(new Uint8Array(16)), iv = wc.getRandomValues(new Uint8Array(12));
  const key = await keyFor(pass, salt, ITER);
  const ct = new Uint8Array(await wc.subtle.encrypt({ name: "AES-GCM", iv, tagLength: 128,
    additionalData: new TextEncoder().encode(`yutang.sealed/1/${content}`) }, key, new TextEncoder().encode(plain)));
  const b64 = (u) => Buffer.from(u).toString("base64");
  const sum = fnv1a64(["1", content, "AES-256-GCM", "PBKDF2-SHA256", String(ITER), b64(salt), b64(iv), b64(ct)].join("\n"));
  return JSON.stringify({ format: "yutang.sealed", schema: 1, app: "0.1.0", content, cipher: "AES-256-GCM",
    kdf: "PBKDF2-SHA256", iterations: ITER, salt: b64(salt), iv: b64(iv), checksum: `fnv1a64:${sum}`,
    ciphertext: b64(ct) }) + "\n";
}

async function openLikeThePage(text, pass) {
  const box = JSON.parse(text);
  const key = await keyFor(pass, Buffer.from(box.salt, "base64"), box.iterations);
  const pt = await wc.subtle.decrypt({ name: "AES-GCM", iv: Buffer.from(box.iv, "base64"), tagLength: 128,
    additionalData: new TextEncoder().encode(`yutang.sealed/1/${box.content}`) }, key, Buffer.from(box.ciphertext, "base64"));
  return new TextDecoder().decode(pt);
}

function setup() {
  const dir = tmpdir();
  const plain = path.join(dir, "plan.yutang.json");
  assert.equal(run(["demo", "--out", plain]).code, 0);
  const pw = path.join(dir, "pass.txt");
  fs.writeFileSync(pw, PASS + "\n");
  return { dir, plain, pw };
}

test("the page's encrypted workspace (its stored slot) checks exactly like the plain file", async () => {
  const { dir, plain, pw } = setup();
  const text = fs.readFileSync(plain, "utf8");
  const sealed = path.join(dir, "slot.txt");
  fs.writeFileSync(sealed, "7\n" + await sealLikeThePage(text, PASS));
  assert.ok(!fs.readFileSync(sealed, "utf8").includes("花漾"), "nothing of the plan in clear");
  const a = run(["--lang", "en", "check", plain, "--json", "--today", "2026-11-15"]);
  const b = run(["--lang", "en", "check", sealed, "--json", "--today", "2026-11-15", "--passphrase-file", pw]);
  assert.equal(b.code, a.code, b.err);
  assert.equal(b.out, a.out);
  const c1 = run(["calendar", plain, "--from", "2026-11-01", "--to", "2026-11-30", "--json"]);
  const c2 = run(["calendar", sealed, "--from", "2026-11-01", "--to", "2026-11-30", "--json", "--passphrase-file", pw]);
  assert.equal(c2.code, 0, c2.err);
  assert.equal(c2.out, c1.out);

  const none = run(["--lang", "en", "check", sealed]);
  assert.equal(none.code, 2);
  assert.match(none.err, /encrypted.*--passphrase-file/);
  const wrongFile = path.join(dir, "wrong.txt");
  fs.writeFileSync(wrongFile, "not the passphrase\n");
  const wrong = run(["--lang", "en", "check", sealed, "--passphrase-file", wrongFile]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /Wrong passphrase/);
  // A damaged box is told apart from a wrong passphrase.
  const box = fs.readFileSync(sealed, "utf8");
  const damaged = path.join(dir, "damaged.txt");
  fs.writeFileSync(damaged, box.replace(/"ciphertext":"(.)/, (m, c) => `"ciphertext":"${c === "A" ? "B" : "A"}`));
  const d = run(["--lang", "en", "check", damaged, "--passphrase-file", pw]);
  assert.equal(d.code, 2);
  assert.match(d.err, /Checksum mismatch/);
});

test("yutang seal (OpenSSL) writes a box WebCrypto opens; apply keeps an encrypted workspace encrypted", async () => {
  const { dir, plain, pw } = setup();
  const sealed = path.join(dir, "sealed.yutang.json");
  const r = run(["--lang", "en", "seal", plain, "--passphrase-file", pw, "--out", sealed]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /AES-256-GCM.*600000/);
  const box = JSON.parse(fs.readFileSync(sealed, "utf8"));
  assert.equal(box.cipher, "AES-256-GCM");
  assert.equal(box.kdf, "PBKDF2-SHA256");
  assert.equal(box.iterations, 600000);
  assert.equal(await openLikeThePage(fs.readFileSync(sealed, "utf8"), PASS), fs.readFileSync(plain, "utf8"));

  const cmds = path.join(dir, "cmds.jsonl");
  fs.writeFileSync(cmds, JSON.stringify({ type: "set_name", value: "加密后批量改名" }) + "\n");
  const out = path.join(dir, "edited.yutang.json");
  const a = run(["apply", sealed, "--commands", cmds, "--out", out, "--passphrase-file", pw]);
  assert.equal(a.code, 0, a.err);
  const edited = fs.readFileSync(out, "utf8");
  assert.ok(edited.includes("yutang.sealed") && !edited.includes("加密后批量改名"), "still encrypted");
  const back = path.join(dir, "back.yutang.json");
  assert.equal(run(["seal", out, "--open", "--out", back, "--passphrase-file", pw]).code, 0);
  assert.equal(JSON.parse(fs.readFileSync(back, "utf8")).payload.name, "加密后批量改名");
});

const DANGEROUS = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"];

// Cells of a CSV (RFC 4180, quoted fields may hold CR/LF), per row.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) { if (c === "\r") i++; row.push(cell); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test("clv --out guards customer ids a spreadsheet would run as formulas; --mask hides them", () => {
  const dir = tmpdir();
  const orders = path.join(dir, "orders.csv");
  const lines = ["customer,date,amount"];  // ids quoted: a CR or tab stays inside the field
  const ids = [...DANGEROUS, ...Array.from({ length: 40 }, (_, i) => `C${i}`)];
  ids.forEach((id, k) => {
    const q = `"${id.replace(/"/g, '""')}"`;
    for (let n = 0; n <= k % 4; n++) lines.push(`${q},2024-${String(1 + ((k + n * 3) % 12)).padStart(2, "0")}-${10 + n},${20 + k + n}`);
  });
  fs.writeFileSync(orders, lines.join("\n") + "\n");
  const out = path.join(dir, "clv.csv");
  const r = run(["clv", orders, "--columns", "customer=1,date=2,amount=3", "--calibration-end", "2024-09-30",
    "--unit", "week", "--out", out]);
  assert.equal(r.code, 0, r.err);
  const rows = parseCsv(fs.readFileSync(out, "utf8"));
  const cells = rows.slice(1).map((row) => row[0]);
  // Each id is guarded, or arrives trimmed by the importer (a leading tab) and so harmless.
  for (const id of DANGEROUS)
    assert.ok(cells.includes("'" + id) || (id.trim() !== id && cells.includes(id.trim())), `${JSON.stringify(id)} is guarded`);
  for (const c of cells) assert.ok(!/^[=+\-@\t\r]/.test(c), `no cell starts a formula: ${JSON.stringify(c)}`);
  const masked = path.join(dir, "clv-masked.csv");
  assert.equal(run(["clv", orders, "--columns", "customer=1,date=2,amount=3", "--calibration-end", "2024-09-30",
    "--unit", "week", "--out", masked, "--mask"]).code, 0);
  const m = fs.readFileSync(masked, "utf8");
  assert.ok(!m.includes("C12,") && m.includes("C**,"), "ids masked");
});

test("calendar --csv guards titles and notes a spreadsheet would run as formulas; ICS stamps the export time", () => {
  const { dir, plain } = setup();
  const cmds = path.join(dir, "cmds.jsonl");
  fs.writeFileSync(cmds, DANGEROUS.map((t, i) => JSON.stringify({ type: "insert", section: "calendar.items", id: `bad${i}`,
    value: { id: `bad${i}`, day: Date.UTC(2026, 10, 10 + i) / 86400000, channel: "moments", type: "promo", title: t, notes: t } })).join("\n") + "\n");
  const ws = path.join(dir, "bad.yutang.json");
  const a = run(["apply", plain, "--commands", cmds, "--out", ws]);
  assert.equal(a.code, 0, a.err);
  const csv = path.join(dir, "plan.csv"), ics = path.join(dir, "plan.ics");
  const before = Math.floor(Date.now() / 1000);
  const r = run(["calendar", ws, "--from", "2026-11-10", "--to", "2026-11-16", "--csv", csv, "--ics", ics]);
  assert.equal(r.code, 0, r.err);
  const cells = parseCsv(fs.readFileSync(csv, "utf8").replace(/^\uFEFF/, "")).slice(1).flat();
  for (const t of DANGEROUS) assert.ok(cells.some((c) => c.includes("'" + t)), `${JSON.stringify(t)} guarded`);
  for (const c of cells) assert.ok(!/^[=+\-@\t\r]/.test(c), `no cell starts a formula: ${JSON.stringify(c)}`);
  const stamp = /DTSTAMP:(\d{8}T\d{6}Z)/.exec(fs.readFileSync(ics, "utf8"))[1];
  const t = Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(9, 11),
    +stamp.slice(11, 13), +stamp.slice(13, 15)) / 1000;
  assert.ok(t >= before - 1 && t <= Math.floor(Date.now() / 1000) + 1, `DTSTAMP ${stamp} is the export time`);
});
