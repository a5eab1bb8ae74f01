// yutang.js — the page's JavaScript around the wasm app:
//  * Module setup (canvas, loading progress);
//  * the IME bridge: a hidden <textarea> focused while ImGui wants text, placed at the caret,
//    forwarding committed text (IME composition results, insertText, paste) to the app. Keys that
//    produce a keypress are left to SDL, so ASCII is never delivered twice;
//  * the host services behind the app's Platform (window.yutangHost): file picker and drop,
//    large data in IndexedDB, storage estimate and persistence, other tabs, clipboard;
//  * encryption at rest with WebCrypto (PBKDF2-SHA-256 → AES-256-GCM; the keys are
//    non-extractable CryptoKeys kept here, never copied into the app), the idle lock, and
//    forgetting every stored value of the app;
//  * touch: a long press acts as a right click; a finger that pans scrolls;
//  * the test hook window.yutang: state(), status() (cheap, for polling) and dispatch(command);
//  * service-worker registration and the "updated" notice.
"use strict";

var Module = {
  canvas: document.getElementById("canvas"),
  print: function (t) { console.log(t); },
  printErr: function (t) { console.warn(t); },
  setStatus: function (text) {
    var m = /\((\d+(\.\d+)?)\/(\d+)\)/.exec(text || "");
    var bar = document.getElementById("progress");
    if (m && bar) bar.value = Math.round(100 * parseFloat(m[1]) / parseInt(m[3], 10));
  },
  onRuntimeInitialized: function () {
    var s = document.getElementById("status");
    if (s) s.style.display = "none";
    window.yutangReady = true;
  },
};

// The canvas keeps its pixels between frames (preserveDrawingBuffer), so the app draws a frame
// again only where it changed, and not at all when nothing did (wasm/app/damage.hpp): a software
// renderer pays for every pixel. SDL creates the WebGL context without a way to ask for this.
// Setting the canvas's width or height clears it, even to the size it had (SDL does so on every
// window resize event): the next frame is then drawn whole.
(function () {
  var canvas = document.getElementById("canvas"), getContext = canvas.getContext;
  canvas.getContext = function (type, attrs) {
    if (type !== "webgl2" && type !== "webgl") return getContext.call(this, type, attrs);
    var gl = getContext.call(this, type, Object.assign({}, attrs, {preserveDrawingBuffer: true}));
    if (gl && !gl.yutangShadow) shadowState(gl);
    return gl;
  };
  // ImGui's renderer saves and restores the GL state around every frame it draws, asking with
  // glGetIntegerv for the scissor box and the blend functions and equations. WebGL answers those
  // seven with a synchronous round trip to the GPU thread, which first runs every command queued
  // before it: 1-1.5 ms each in headless Chromium (5 ms a drawn frame), and the first ones of a
  // page waited 73 ms for the font texture's upload. Nothing but the app draws on this context,
  // so their values are the ones last set through it: they are kept here as they are set, and
  // WebGL is asked for each once. A lost context starts again from WebGL's own.
  function shadowState(gl) {
    var known = {}, real = gl.getParameter;
    var shadowed = [gl.SCISSOR_BOX, gl.BLEND_SRC_RGB, gl.BLEND_DST_RGB, gl.BLEND_SRC_ALPHA, gl.BLEND_DST_ALPHA,
                    gl.BLEND_EQUATION_RGB, gl.BLEND_EQUATION_ALPHA];
    function after(name, keep) {
      var f = gl[name];
      gl[name] = function () { f.apply(gl, arguments); keep.apply(null, arguments); };
    }
    function set(names, values) { for (var i = 0; i < names.length; i++) known[names[i]] = values[i]; }
    after("scissor", function (x, y, w, h) {
      if (w >= 0 && h >= 0) known[gl.SCISSOR_BOX] = new Int32Array([x, y, w, h]);  // else WebGL refuses it
    });
    after("blendFunc", function (s, d) {
      set([gl.BLEND_SRC_RGB, gl.BLEND_SRC_ALPHA, gl.BLEND_DST_RGB, gl.BLEND_DST_ALPHA], [s, s, d, d]);
    });
    after("blendFuncSeparate", function (sr, dr, sa, da) {
      set([gl.BLEND_SRC_RGB, gl.BLEND_DST_RGB, gl.BLEND_SRC_ALPHA, gl.BLEND_DST_ALPHA], [sr, dr, sa, da]);
    });
    after("blendEquation", function (m) { set([gl.BLEND_EQUATION_RGB, gl.BLEND_EQUATION_ALPHA], [m, m]); });
    after("blendEquationSeparate", function (rgb, a) { set([gl.BLEND_EQUATION_RGB, gl.BLEND_EQUATION_ALPHA], [rgb, a]); });
    gl.getParameter = function (p) {
      if (shadowed.indexOf(p) < 0) return real.call(gl, p);
      if (!(p in known)) known[p] = real.call(gl, p);
      var v = known[p];
      return v instanceof Int32Array ? new Int32Array(v) : v;
    };
    gl.canvas.addEventListener("webglcontextlost", function () { for (var k in known) delete known[k]; });
    gl.yutangShadow = true;
  }
  ["width", "height"].forEach(function (p) {
    var d = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, p);
    Object.defineProperty(canvas, p, {
      configurable: true, enumerable: true,
      get: function () { return d.get.call(this); },
      set: function (v) { d.set.call(this, v); if (Module._yt_repaint) Module._yt_repaint(); },
    });
  });
})();

window.onerror = function (msg) {
  var t = document.getElementById("status-text");
  if (t) t.textContent = "出错了 Error: " + msg;
};

// ---- IME bridge ----------------------------------------------------------------------------
(function () {
  var ime = document.getElementById("ime");
  var canvas = document.getElementById("canvas");
  var composing = false;
  var keyTyped = false;  // the current input came from a keypress that SDL already turned into text

  function send(text) {
    if (text && Module._yt_text_input) Module.ccall("yt_text_input", null, ["string"], [text]);
  }
  window.addEventListener("keypress", function () { keyTyped = true; }, true);
  ime.addEventListener("compositionstart", function () { composing = true; });
  ime.addEventListener("compositionend", function (e) {
    composing = false;
    send(e.data);
    ime.value = "";
  });
  ime.addEventListener("input", function (e) {
    if (composing || e.isComposing) return;
    if (keyTyped) { keyTyped = false; ime.value = ""; return; }
    if (e.inputType === "insertText" || e.inputType === "insertFromPaste" || e.inputType === "insertReplacementText") {
      send(e.data !== null && e.data !== undefined ? e.data : ime.value);
    }
    ime.value = "";
  });
  ime.addEventListener("keyup", function () { keyTyped = false; });

  window.yutangIme = {
    active: false,
    caret: null,  // {y, h}: the caret in CSS pixels of the canvas, while a field is active
    update: function (active, x, y, h) {
      var r = canvas.getBoundingClientRect();
      ime.style.left = (r.left + x) + "px";
      ime.style.top = (r.top + y) + "px";
      ime.style.height = Math.max(12, h) + "px";
      if (active && !this.active) ime.focus({preventScroll: true});
      if (!active && this.active) { ime.blur(); canvas.focus({preventScroll: true}); }
      this.active = active;
      this.caret = active ? {y: y, h: h} : null;
      if (active) this.revealAbove(visibleBottom());
    },
    // Keeps the caret above `bottom` (CSS px of the page, e.g. the top of the soft keyboard):
    // the app scrolls the field up by what is hidden, plus a margin.
    revealAbove: function (bottom) {
      if (!this.active || !this.caret) return;
      var r = canvas.getBoundingClientRect();
      var hidden = r.top + this.caret.y + this.caret.h + 12 - bottom;
      if (hidden > 0 && Module._yt_reveal) Module.ccall("yt_reveal", null, ["number"], [hidden + 40]);
    },
  };

  // The soft keyboard shrinks the visual viewport; the field being typed in must stay above it.
  function visibleBottom() {
    var v = window.visualViewport;
    return v ? v.offsetTop + v.height : window.innerHeight;
  }
  if (window.visualViewport) {
    window.visualViewport.addEventListener("resize", function () { window.yutangIme.revealAbove(visibleBottom()); });
  }

  // Phones open the keyboard only for a focus() inside the touch itself, and ImGui activates
  // the field a frame later. So when a touch ends on a text field (the app drew ImGui's I-beam
  // for the pointer in the last frame), the hidden input is focused right here.
  canvas.addEventListener("pointerup", function (e) {
    if (e.pointerType !== "touch" || !Module._yt_text_cursor) return;
    if (Module.ccall("yt_text_cursor", "number", [], [])) ime.focus({preventScroll: true});
  });
})();

// ---- host services -------------------------------------------------------------------------
// Reads a Blob (a picked file) as 4 MB parts, three reads in flight, handing each to
// onPart(bytes, offset) in file order; the promise settles when all are handed over (or one
// cannot be read). Blob.arrayBuffer() reads the whole through one pipe on the page's thread: for
// a 100 MB file, tasks of 107-170 ms (a CDP trace), and a second copy of the file held in memory.
window.yutangReadSlices = function (blob, onPart) {
  var slice = 4 << 20, ahead = 3, n = blob.size, next = 0, reads = [];
  var read = function (at, end) {
    return blob.slice(at, end).arrayBuffer().then(function (buf) { return {at: at, u8: new Uint8Array(buf)}; });
  };
  var start = function () {
    while (reads.length < ahead && next < n) {
      var end = Math.min(n, next + slice), r = read(next, end);
      r.catch(function () {});  // reported through take() below
      reads.push(r);
      next = end;
    }
  };
  return new Promise(function (resolve, reject) {
    var take = function () {
      if (!reads.length) { resolve(); return; }
      reads.shift().then(function (part) {
        onPart(part.u8, part.at);
        start();
        take();
      }, reject);
    };
    start();
    take();
  });
};

(function () {
  var canvas = document.getElementById("canvas");

  function call(name, types, args) {
    if (Module["_" + name]) return Module.ccall(name, null, types, args);
  }

  // Reads a File into the app, a part at a time (yt_file takes the copy).
  function deliver(purpose, file) {
    window.yutangCopyInBlob(file, function (p) {
      call("yt_file", ["string", "string", "number", "number"], [purpose, file.name, p, file.size]);
    }, function (e) { console.warn("file read:", e); });
  }

  // One <input type=file>, kept in the document and not display:none (Safari fires no change
  // event otherwise).
  var input = document.createElement("input");
  input.type = "file";
  input.id = "file-input";
  input.style.cssText = "position:absolute;left:-9999px;top:0;width:1px;height:1px;opacity:0";
  document.body.appendChild(input);
  var inputPurpose = "";
  input.addEventListener("change", function () {
    if (input.files && input.files[0]) deliver(inputPurpose, input.files[0]);
    input.value = "";
  });
  var gestureOpened = null;  // {purpose, t}: the picker was already opened by the click itself
  function openPicker(purpose, accept) {
    inputPurpose = purpose;
    input.accept = accept || "";
    input.click();
  }

  // Browsers open a file picker only during a user gesture, and ImGui sees the click a frame
  // later. So when a press lands on a file button, the picker is opened in the release event.
  canvas.addEventListener("pointerdown", function (e) {
    if (e.button !== 0 || !Module._yt_file_button_at) return;
    var r = canvas.getBoundingClientRect();
    var hit = Module.ccall("yt_file_button_at", "string", ["number", "number"], [e.clientX - r.left, e.clientY - r.top]);
    if (!hit) return;
    var parts = hit.split("\t");
    var up = function (u) {
      window.removeEventListener("pointerup", up, true);
      var again = Module.ccall("yt_file_button_at", "string", ["number", "number"], [u.clientX - r.left, u.clientY - r.top]);
      if (again !== hit) return;  // released elsewhere: no click
      gestureOpened = {purpose: parts[0], t: Date.now()};
      openPicker(parts[0], parts[1]);
    };
    window.addEventListener("pointerup", up, true);
  }, true);

  // Drop a file anywhere on the page.
  document.addEventListener("dragover", function (e) { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; });
  document.addEventListener("drop", function (e) {
    e.preventDefault();
    var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (f) deliver("", f);
  });

  // Large data: IndexedDB database "yutang", object store "blobs" (key -> Uint8Array).
  var dbPromise = null;
  function db() {
    if (!dbPromise) dbPromise = new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error("storage.disabled")); return; }
      var req;
      try { req = indexedDB.open("yutang", 1); } catch (e) { reject(e); return; }
      req.onupgradeneeded = function () { req.result.createObjectStore("blobs"); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error || new Error("storage.disabled")); };
    });
    return dbPromise;
  }
  function errorKey(e) {
    return e && (e.name === "QuotaExceededError" || /quota/i.test(String(e.message))) ? "storage.quota" : "storage.disabled";
  }
  function blobEvent(kind, key, u8, err) {
    var send = function (p) {
      call("yt_blob_event", ["number", "string", "number", "number", "string"], [kind, key, p, u8 ? u8.length : 0, err || ""]);
    };
    if (u8) window.yutangCopyInSliced(u8, send);
    else send(0);
  }
  // A stored copy of the orders is read while the app starts (the wasm compiled, the workspace
  // read), in a worker, so that after a reload it is already here when the app asks for it. Only
  // the plain key: a protected copy's key is known later. Only when the database exists (a first
  // visit creates nothing). A write or delete of the key, a wipe, another tab's save, or 10 s
  // unused drops what was read.
  var early = {};
  function readBlob(key) {
    return tx("readonly", function (s) { return s.get(key); }).then(function (v) {
      if (v === undefined || v === null) return null;
      // Whole, not in slices as a picked file is: read while the app starts, the stored copy came
      // 0.2-0.4 s sooner that way (alternating reloads, 68 MB), the restore waiting on it.
      if (v instanceof Blob) return v.arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
      return v instanceof Uint8Array ? v : new Uint8Array(v);  // stored by an earlier version
    });
  }
  // In a worker (blobread.js) when the page can start one, else as readBlob() does.
  function readInWorker(key) {
    return new Promise(function (resolve, reject) {
      var w = new Worker("blobread.js");
      var end = function (f, v) { w.terminate(); f(v); };
      w.onmessage = function (m) {
        if (m.data.error) end(reject, new Error(m.data.error));
        else end(resolve, m.data.bytes ? new Uint8Array(m.data.bytes) : null);
      };
      w.onerror = function (e) { e.preventDefault(); end(reject, new Error("worker")); };
      w.postMessage({ key: key });
    }).catch(function () { return readBlob(key); });
  }
  function readEarly(key) {
    var p = window.Worker ? readInWorker(key) : readBlob(key);
    p.catch(function () {});
    early[key] = p;
    setTimeout(function () { if (early[key] === p) delete early[key]; }, 10000);
  }
  if (window.indexedDB && indexedDB.databases) indexedDB.databases().then(function (list) {
    if (list.some(function (d) { return d.name === "yutang"; })) readEarly("orders");
  }).catch(function () {});

  function tx(mode, fn) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction("blobs", mode);
        var r = fn(t.objectStore("blobs"));
        t.oncomplete = function () { resolve(r && r.result); };
        t.onabort = t.onerror = function () { reject(t.error || (r && r.error)); };
      });
    });
  }

  var tabId = Math.random().toString(36).slice(2);
  var channel = null;
  try { channel = new BroadcastChannel("yutang"); } catch (e) { channel = null; }
  if (channel) {
    channel.onmessage = function (m) {
      var d = m.data || {};
      if (d.from === tabId) return;
      if (d.type === "hello") channel.postMessage({type: "here", from: tabId});
      if (d.type === "hello" || d.type === "here") call("yt_other_tab", ["number", "string"], [0, d.from]);
      if (d.type === "saved") {
        early = {};  // another tab saved: what was read early may be older than the store
        call("yt_other_tab", ["number", "string"], [1, d.from]);
      }
    };
    channel.postMessage({type: "hello", from: tabId});
  }

  // Encryption at rest. Keys by the id the app gives (it names the salt). WebCrypto is
  // asynchronous: every answer goes back through yt_crypto_event with the request's tag.
  var keys = {};
  function cryptoEvent(kind, tag, a, b, err) {
    var pa = a ? window.yutangCopyIn(a) : 0, pb = b ? window.yutangCopyIn(b) : 0;
    call("yt_crypto_event", ["number", "string", "number", "number", "number", "number", "string"],
      [kind, tag, pa, a ? a.length : 0, pb, b ? b.length : 0, err || ""]);
  }
  var utf8 = new TextEncoder();

  // Idle lock: after `idleMinutes` without a key, pointer or wheel event the app locks itself.
  var idleMinutes = 0, idleTimer = null;
  function armIdle() {
    clearTimeout(idleTimer);
    idleTimer = idleMinutes > 0 ? setTimeout(function () { call("yt_idle_lock", [], []); }, idleMinutes * 60000) : null;
  }
  ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"].forEach(function (t) {
    window.addEventListener(t, function () { if (idleMinutes > 0) armIdle(); }, true);
  });

  var clipboardCopy = "";
  window.yutangHost = {
    keyDerive: function (id, pass, salt, iterations, tag) {
      var subtle = window.crypto && window.crypto.subtle;
      if (!subtle) { cryptoEvent(3, tag, null, null, "persist.crypto"); return; }
      subtle.importKey("raw", utf8.encode(pass), "PBKDF2", false, ["deriveKey"]).then(function (base) {
        return subtle.deriveKey({name: "PBKDF2", salt: salt, iterations: iterations, hash: "SHA-256"}, base,
          {name: "AES-GCM", length: 256}, false, ["encrypt", "decrypt"]);
      }).then(function (key) { keys[id] = key; cryptoEvent(0, tag, null, null, ""); },
              function () { cryptoEvent(3, tag, null, null, "persist.crypto"); });
    },
    keyForget: function (id) { if (id) delete keys[id]; else keys = {}; },
    encrypt: function (id, tag, aad, data) {
      var key = keys[id];
      if (!key) { cryptoEvent(3, tag, null, null, "persist.crypto"); return; }
      var iv = crypto.getRandomValues(new Uint8Array(12));
      crypto.subtle.encrypt({name: "AES-GCM", iv: iv, additionalData: utf8.encode(aad), tagLength: 128}, key, data)
        .then(function (ct) { cryptoEvent(1, tag, iv, new Uint8Array(ct), ""); },
              function () { cryptoEvent(3, tag, null, null, "persist.crypto"); });
    },
    decrypt: function (id, tag, iv, aad, data) {
      var key = keys[id];
      if (!key) { cryptoEvent(3, tag, null, null, "persist.crypto"); return; }
      crypto.subtle.decrypt({name: "AES-GCM", iv: iv, additionalData: utf8.encode(aad), tagLength: 128}, key, data)
        .then(function (pt) { cryptoEvent(2, tag, null, new Uint8Array(pt), ""); },
              function () { cryptoEvent(3, tag, null, null, "persist.wrong_passphrase"); });
    },
    setIdleLock: function (minutes) { idleMinutes = parseInt(minutes, 10) || 0; armIdle(); },
    // Forget all data on this device: every localStorage key of the app, its IndexedDB database,
    // and any service-worker cache that is not the app's own files. Says what went.
    wipe: function () {
      var removed = [];
      try {
        var names = [];
        for (var i = 0; i < localStorage.length; i++) {
          var k = localStorage.key(i);
          if (k && k.indexOf("yutang") === 0) names.push(k);
        }
        names.forEach(function (k) { localStorage.removeItem(k); removed.push("localStorage " + k); });
      } catch (e) { /* storage disabled: nothing stored there */ }
      keys = {};
      idleMinutes = 0;
      armIdle();
      var closing = dbPromise ? dbPromise.then(function (d) { d.close(); }, function () {}) : Promise.resolve();
      dbPromise = null;
      early = {};
      var idb = closing.then(function () {
        return new Promise(function (resolve) {
          if (!window.indexedDB) { resolve(); return; }
          var req = indexedDB.deleteDatabase("yutang");
          req.onsuccess = function () { removed.push("IndexedDB yutang"); resolve(); };
          req.onerror = req.onblocked = function () { resolve(); };
        });
      });
      var cached = (window.caches && caches.keys ? caches.keys() : Promise.resolve([])).then(function (names) {
        // "yutang-<version>" holds the app's own files (kept, so it still opens offline).
        return Promise.all(names.filter(function (n) { return n.indexOf("yutang-") !== 0; }).map(function (n) {
          return caches.delete(n).then(function () { removed.push("Cache " + n); });
        }));
      }).catch(function () {});
      Promise.all([idb, cached]).then(function () { call("yt_wiped", ["string"], [removed.join("\n")]); });
    },
    pickFile: function (purpose, accept) {
      if (gestureOpened && gestureOpened.purpose === purpose && Date.now() - gestureOpened.t < 3000) {
        gestureOpened = null;  // the click already opened it
        return;
      }
      openPicker(purpose, accept);
    },
    blobPut: function (key, data) {  // bytes (Uint8Array) or a Blob
      if (window.yutangFailBlobs) { blobEvent(3, key, null, "storage.quota"); return; }
      // Kept as a Blob: reading it back is then an asynchronous read, not a copy of a large
      // value on the page's thread (a 100 MB file held the page for a quarter of a second).
      delete early[key];
      tx("readwrite", function (s) { return s.put(data instanceof Blob ? data : new Blob([data]), key); })
        .then(function () { blobEvent(2, key, null, ""); }, function (e) { blobEvent(3, key, null, errorKey(e)); });
    },
    blobGet: function (key) {
      var read = early[key] || readBlob(key);
      delete early[key];
      read.then(function (u8) { blobEvent(u8 ? 0 : 1, key, u8, ""); }, function () { blobEvent(1, key, null, ""); });
    },
    blobDelete: function (key) {
      delete early[key];
      tx("readwrite", function (s) { return s.delete(key); }).catch(function () {});
    },
    storageInfo: function (persist) {
      var sm = navigator.storage;
      if (!sm || !sm.estimate) return;
      var ask = persist === "1" && sm.persist ? sm.persist() : (sm.persisted ? sm.persisted() : Promise.resolve(false));
      Promise.all([sm.estimate(), ask.catch(function () { return false; })]).then(function (r) {
        call("yt_storage_estimate", ["number", "number", "number"], [r[0].usage || 0, r[0].quota || 0, r[1] ? 1 : 0]);
      });
    },
    announceSaved: function (seq) { if (channel) channel.postMessage({type: "saved", seq: seq, from: tabId}); },
    copyText: function (text) {
      clipboardCopy = text;
      window.yutangClipboard = text;  // what the app last copied (tests read it)
      var fallback = function () {
        var ta = document.createElement("textarea");
        ta.value = text;
        ta.style.cssText = "position:absolute;left:-9999px";
        document.body.appendChild(ta);
        ta.select();
        try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
        ta.remove();
        var ime = document.getElementById("ime");
        if (window.yutangIme && window.yutangIme.active) ime.focus({preventScroll: true});
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
      else fallback();
    },
  };

  // Pasting: the text becomes what ImGui's Ctrl+V inserts (the key event reaches the app after
  // this handler ran), so it is inserted once, at ImGui's caret.
  document.addEventListener("paste", function (e) {
    var text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    e.preventDefault();
    call("yt_paste", ["string"], [text]);
  }, true);

  // F1 is the app's help, not the browser's. Ctrl/Cmd+V must keep its default action (the
  // browser's paste, which fires the paste event above), although SDL cancels every key it
  // handles: this one event's preventDefault is made a no-op before SDL sees it.
  window.addEventListener("keydown", function (e) {
    if (e.key === "F1") e.preventDefault();
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "v" || e.key === "V"))
      Object.defineProperty(e, "preventDefault", {value: function () {}});
  }, true);

  // Touch: a long press (550 ms without moving) is a right click, which opens context menus.
  var pressTimer = null, pressAt = null;
  canvas.addEventListener("pointerdown", function (e) {
    if (e.pointerType !== "touch") return;
    pressAt = {x: e.clientX, y: e.clientY};
    clearTimeout(pressTimer);
    pressTimer = setTimeout(function () {
      var o = {bubbles: true, cancelable: true, clientX: pressAt.x, clientY: pressAt.y, button: 2, buttons: 2};
      canvas.dispatchEvent(new MouseEvent("mousedown", o));
      setTimeout(function () { canvas.dispatchEvent(new MouseEvent("mouseup", Object.assign(o, {buttons: 0}))); }, 60);
    }, 550);
  });
  function cancelPress(e) {
    if (!pressAt) return;
    if (e.type === "pointermove" && Math.abs(e.clientX - pressAt.x) + Math.abs(e.clientY - pressAt.y) < 10) return;
    clearTimeout(pressTimer);
    pressAt = null;
  }
  canvas.addEventListener("pointermove", cancelPress);
  canvas.addEventListener("pointerup", cancelPress);
  canvas.addEventListener("pointercancel", cancelPress);

  // Touch: a finger that moves mostly up or down scrolls what is under it (as mouse-wheel notches,
  // one per 80 CSS px of travel — Dear ImGui's step), instead of pressing whatever it started on.
  // A touch that stays put (a tap, a hold) or starts sideways (a slider) reaches the app as
  // before: it is held back until the first 8 px of movement or 150 ms decide, then replayed.
  var STEP = 80, SLOP = 8, HOLD_MS = 150;
  var pan = null;  // {start, x, y, mode: "wait" | "pan" | "press", timer, accX, accY}
  var replayed = new WeakSet();
  function replay(ev) {
    var e = new TouchEvent(ev.type, {bubbles: true, cancelable: true, touches: Array.from(ev.touches),
      targetTouches: Array.from(ev.targetTouches), changedTouches: Array.from(ev.changedTouches)});
    replayed.add(e);
    canvas.dispatchEvent(e);
  }
  function press() {
    if (!pan || pan.mode !== "wait") return;
    clearTimeout(pan.timer);
    pan.mode = "press";
    replay(pan.start);
  }
  function wheelAt(x, y, dx, dy) {
    canvas.dispatchEvent(new WheelEvent("wheel", {bubbles: true, cancelable: true, clientX: x, clientY: y,
      deltaMode: 0, deltaX: dx, deltaY: dy}));
  }
  function onTouch(e) {
    if (replayed.has(e) || e.target !== canvas) return;
    var t = e.changedTouches[0];
    if (e.type === "touchstart") {
      if (e.touches.length !== 1) { press(); return; }  // a second finger: no panning
      pan = {start: e, x: t.clientX, y: t.clientY, mode: "wait", accX: 0, accY: 0};
      pan.timer = setTimeout(press, HOLD_MS);
      // The pointer moves there at once (no press): the app shows what is under the finger (a
      // text field's I-beam, which the keyboard code above reads) and scrolls the panel there.
      canvas.dispatchEvent(new MouseEvent("mousemove", {bubbles: true, clientX: t.clientX, clientY: t.clientY}));
    } else if (!pan || pan.mode === "press") {
      if (e.type !== "touchmove") pan = null;
      return;  // the app has the touch
    } else if (e.type === "touchmove") {
      var dx = t.clientX - pan.x, dy = t.clientY - pan.y;
      if (pan.mode === "wait") {
        if (Math.abs(dx) + Math.abs(dy) < SLOP) { e.preventDefault(); e.stopPropagation(); return; }
        if (Math.abs(dx) > Math.abs(dy)) { press(); return; }  // sideways: a drag for the app
        clearTimeout(pan.timer);
        pan.mode = "pan";
      }
      pan.accX += dx; pan.accY += dy;
      pan.x = t.clientX; pan.y = t.clientY;
      while (Math.abs(pan.accY) >= STEP) {
        var up = pan.accY > 0;
        wheelAt(pan.x, pan.y, 0, up ? -100 : 100);  // a finger moving down shows what is above
        pan.accY += up ? -STEP : STEP;
      }
      while (Math.abs(pan.accX) >= STEP) {
        var left = pan.accX > 0;
        wheelAt(pan.x, pan.y, left ? 1 : -1, 0);
        pan.accX += left ? -STEP : STEP;
      }
    } else {  // touchend, touchcancel
      if (pan.mode === "wait") {
        press();
        pan = null;
        return;  // a tap: the end follows the replayed start
      }
      pan = null;  // the end of a pan: the app never saw it begin
    }
    e.preventDefault();
    e.stopPropagation();
  }
  ["touchstart", "touchmove", "touchend", "touchcancel"].forEach(function (type) {
    window.addEventListener(type, onTouch, {capture: true, passive: false});
  });
})();

// ---- test hook -----------------------------------------------------------------------------
window.yutang = {
  // The workspace (as saved) plus derived counters: frame, tab, language, version, saved_seq…
  state: function () { return JSON.parse(Module.ccall("yt_state", "string", [], [])); },
  // customers, orders, busy, orders_pending and frame only: cheap enough to poll during long work.
  status: function () { return JSON.parse(Module.ccall("yt_status", "string", [], [])); },
  // Applies one command (an object or its JSON text); returns "" or the error message.
  dispatch: function (cmd) {
    return Module.ccall("yt_dispatch", "string", ["string"], [typeof cmd === "string" ? cmd : JSON.stringify(cmd)]);
  },
  // Frames drawn so far (cheap; state() serialises the whole workspace).
  frames: function () { return Module._yt_frames ? Module._yt_frames() : 0; },
  // Frames drawn whole, in part (only where they changed) and not at all (nothing changed).
  draws: function () {
    var d = Module._yt_draws;
    return d ? {whole: d(0), part: d(1), none: d(2)} : {whole: 0, part: 0, none: 0};
  },
  // The next frame is drawn whole (to compare with the frames drawn in part).
  repaint: function () { if (Module._yt_repaint) Module._yt_repaint(); },
  // Turns of the frame loop so far, and how many of the latest in a row drew nothing (idle).
  loops: function () { return Module._yt_loops ? Module._yt_loops() : 0; },
  idleStreak: function () { return Module._yt_idle_streak ? Module._yt_idle_streak() : 0; },
  // Switches tab: 0 总览, 1 用户分层, 2 角色, 3 内容日历, 4 漏斗 ROI, 5 设置.
  selectTab: function (i) { Module.ccall("yt_select_tab", null, ["number"], [i]); },
  // Locks now (with a passphrase set), as the toolbar's 锁定 button and the idle timer do.
  lock: function () { Module.ccall("yt_lock", null, [], []); },
};

// ---- offline support -----------------------------------------------------------------------
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  var hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.register("sw.js").catch(function (e) { console.warn("service worker:", e); });
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (!hadController) return;  // first install, nothing to announce
    var n = document.getElementById("notice");
    n.textContent = "鱼塘已更新，下次打开时生效 · Yutang was updated; reload to use the new version";
    n.style.display = "block";
  });
}

document.getElementById("canvas").addEventListener("contextmenu", function (e) { e.preventDefault(); });
