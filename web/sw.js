// sw.js — the service worker: caches the app's files on first visit so the page opens offline.
// build.sh stamps VERSION with a hash of the built files; a new version installs beside the old
// one and takes over on the next load.
"use strict";
const VERSION = "dev";
const CACHE = "yutang-" + VERSION;
const FILES = ["./", "index.html", "yutang.js", "yutang_app.js", "yutang_app.wasm", "yutang_app.data",
               "manifest.webmanifest", "icon.svg"];

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("yutang-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== "GET" || url.origin !== self.location.origin) return;
  // Network first (so updates arrive), cache as the fallback when offline.
  e.respondWith(fetch(e.request).then((resp) => {
    if (resp.ok) {
      const copy = resp.clone();
      caches.open(CACHE).then((c) => c.put(e.request, copy));
    }
    return resp;
  }).catch(() => caches.match(e.request, {ignoreSearch: true}).then((r) => r || caches.match("index.html"))));
});
