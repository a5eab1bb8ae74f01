// catalogue.mjs — reads the message catalogue and the sources that use it, for catalogue.test.mjs.
//
// The catalogue: every {"key", "中文", "English"} row of a message table (core/**/messages*.cpp,
// and the app's own, wasm/app/messages_ui*.cpp).
// A use: a string literal anywhere in core/, wasm/, cli/ or web/ outside those rows. A key is
// used when it is written out as a literal, or is built from literals: a prefix literal (with a
// dot, as "rules.name.") followed by a literal or a number, up to three parts ("tiering.seg." +
// key + ".rfm"). A call that asks for a text — T(l, "k"), tr("k"), trf("k"), label(l, "k"),
// Error("k"), a finding's message = "k" / fix = "k" — must name a key of the catalogue.
import fs from "node:fs";
import path from "node:path";

// A row: {"key", "中文" ["more"…], "English" ["more"…]} (adjacent literals join, as in C++).
const STR = String.raw`(?:"(?:[^"\\]|\\.)*"\s*)+`;
const ROW = new RegExp(String.raw`\{"([a-z][A-Za-z0-9_.\-]*)",\s*(${STR}),\s*(${STR})\}`, "g");
const joined = (lits) => [...lits.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join("");

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(cpp|hpp|js|mjs|html)$/.test(e.name)) out.push(p);
  }
  return out;
}

// The sources, as { file: text }.
export function readSources(root) {
  const files = {};
  for (const d of ["core", "wasm", "cli", "web"]) {
    const dir = path.join(root, d);
    if (fs.existsSync(dir)) for (const f of walk(dir)) files[path.relative(root, f)] = fs.readFileSync(f, "utf8");
  }
  return files;
}

// String literals of C++ / JS text (comments, character literals and raw strings handled).
export function literals(s) {
  const out = [];
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s[i];
    if (c === "/" && s[i + 1] === "/") { const j = s.indexOf("\n", i); i = j < 0 ? n : j; continue; }
    if (c === "/" && s[i + 1] === "*") { const j = s.indexOf("*/", i + 2); i = j < 0 ? n : j + 2; continue; }
    if (c === "R" && s[i + 1] === '"' && !/[A-Za-z0-9_]/.test(s[i - 1] || "")) {
      const open = s.indexOf("(", i);
      const delim = ")" + s.slice(i + 2, open) + '"';
      const j = s.indexOf(delim, open);
      out.push(s.slice(open + 1, j));
      i = j + delim.length;
      continue;
    }
    if (c === "'" || c === '"' || c === "`") {
      let j = i + 1;
      while (j < n && s[j] !== c) j += s[j] === "\\" ? 2 : 1;
      if (c === '"') out.push(s.slice(i + 1, j));
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

// { entries: Map key → {zh, en, file}, uses: Set of literals, asked: [{key, file}] }
export function scan(files) {
  const entries = new Map();
  const uses = new Set();
  const asked = [];
  const ASK = /(?:\bT\(\s*[A-Za-z_.]+\s*,|\btrf?\(|\blabel\(\s*[A-Za-z_.]+\s*,|\bError\(|\bmessage\s*=|\bfix\s*=)\s*"([a-z][a-z0-9_]*\.[a-z0-9_.\-]+)"/g;
  for (const [file, text] of Object.entries(files)) {
    let rest = text;
    if (/messages[a-z_]*\.cpp$/.test(file)) {
      for (const m of text.matchAll(ROW)) if (!entries.has(m[1])) entries.set(m[1], { zh: joined(m[2]), en: joined(m[3]), file });
      rest = text.replace(ROW, "");
    }
    for (const l of literals(rest)) uses.add(l);
    for (const m of rest.matchAll(ASK)) asked.push({ key: m[1], file });
  }
  return { entries, uses, asked };
}

// Keys nothing uses, and texts asked for that the catalogue lacks (or lacks a language of).
export function check({ entries, uses, asked }) {
  const prefixes = [...uses].filter((u) => /^[a-z][a-z0-9_]*\.[a-z0-9_.\-]*$/.test(u) && u.length >= 4);
  const composable = (rest, parts) =>
    uses.has(rest) || /^\d+$/.test(rest) ||
    (parts > 1 && [...uses].some((u) => u.length > 0 && u.length < rest.length && rest.startsWith(u) && composable(rest.slice(u.length), parts - 1)));
  const used = (k) => uses.has(k) || prefixes.some((p) => k.length > p.length && k.startsWith(p) && composable(k.slice(p.length), 2));
  const unused = [...entries.keys()].filter((k) => !used(k)).sort();
  // A literal ending in "." asked for is the start of a key built at run time (checked as a prefix).
  const missing = [...new Set(asked.filter((a) => !a.key.endsWith(".") && !entries.has(a.key)).map((a) => `${a.key} (${a.file})`))].sort();
  const untranslated = [...entries].filter(([, e]) => !e.zh || !e.en).map(([k]) => k).sort();
  return { unused, missing, untranslated };
}

// The words of the screens belong to the app: no "ui.*", "tab.*" or "storage.*" row in a core
// table, and nothing core/ or cli/ asks for is defined only in the app's tables (the CLI links
// core alone, so such a text would show as its key).
export function layered({ entries, asked }) {
  const APP = /^(ui|tab|storage)\./;
  const appInCore = [...entries].filter(([k, e]) => APP.test(k) && e.file.startsWith("core/")).map(([k]) => k).sort();
  const coreAsksApp = [...new Set(asked.filter((a) => /^(core|cli)\//.test(a.file) && entries.has(a.key) &&
      !entries.get(a.key).file.startsWith("core/")).map((a) => `${a.key} (${a.file})`))].sort();
  return { appInCore, coreAsksApp };
}
