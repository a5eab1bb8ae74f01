// blobread.js — a worker that reads one stored copy from the page's IndexedDB ("yutang", store
// "blobs") and hands its bytes to the page without a copy (a transferred ArrayBuffer).
// The page reads the stored orders this way while the app starts: a Blob read on the page's
// thread arrives in parts that wait for that thread, which is busy starting the app (a 28 MB
// Blob came 0.23-0.59 s after a reload in 8 of 11 reloads and at 1.03-1.05 s in 3; in this
// worker at 0.39-0.50 s in 5 of 5). Replies {bytes} (null when the key or the database is not
// there) or {error}.
"use strict";
self.onmessage = function (m) {
  var key = m.data && m.data.key;
  var fail = function (e) { self.postMessage({ error: String((e && e.name) || e || "error") }); };
  var req;
  try { req = indexedDB.open("yutang", 1); } catch (e) { fail(e); return; }
  // No database yet: create nothing (the page makes it when it first stores something).
  req.onupgradeneeded = function () { req.transaction.abort(); };
  req.onerror = function () { if (req.error && req.error.name === "AbortError") self.postMessage({ bytes: null }); else fail(req.error); };
  req.onsuccess = function () {
    var d = req.result, g;
    try { g = d.transaction("blobs", "readonly").objectStore("blobs").get(key); } catch (e) { d.close(); fail(e); return; }
    g.onerror = function () { d.close(); fail(g.error); };
    g.onsuccess = function () {
      var v = g.result;
      d.close();
      if (v === undefined || v === null) { self.postMessage({ bytes: null }); return; }
      var done = function (buf) { self.postMessage({ bytes: buf }, [buf]); };
      if (v instanceof Blob) v.arrayBuffer().then(done, fail);
      else if (v instanceof ArrayBuffer) done(v);
      else if (ArrayBuffer.isView(v)) done(v.byteOffset === 0 && v.byteLength === v.buffer.byteLength ? v.buffer : v.slice().buffer);
      else fail("type");
    };
  };
};
