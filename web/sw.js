// sw.js — the service worker: caches the app's files on first visit, so the page opens offline,
// and serves them from that cache first, so it opens as fast as the files can be read.
// build.sh stamps VERSION with a hash of the built files; a new version is checked for on every
// load, installs beside the old one (fetching its files past the HTTP cache), takes over and
// deletes the old cache; the page says so, and the next load uses it. Serving from the network
// first instead made every load wait for the server and write the 4 MB of files to the cache
// again: 420-500 ms more before the wasm was compiled than without a service worker.
"use strict";
const VERSION = "dev";
const CACHE = "yutang-" + VERSION;
const FILES = ["./", "index.html", "yutang.js", "blobread.js", "yutang_app.js", "yutang_app.wasm", "yutang_app.data",
               "manifest.webmanifest", "icon.svg"];

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, {cache: "reload"}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("yutang-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== "GET" || url.origin !== self.location.origin) return;
  // This version's files from its cache; anything else (or a file missing from it) from the network.
  e.respondWith(caches.open(CACHE).then((c) => c.match(e.request, {ignoreSearch: true}))
    .then((r) => r || fetch(e.request).catch(() => caches.match("index.html").then((i) => i || Response.error()))));
});
