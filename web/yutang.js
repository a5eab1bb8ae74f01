// yutang.js — the page's JavaScript around the wasm app:
//  * Module setup (canvas, loading progress);
//  * the IME bridge: a hidden <textarea> focused while ImGui wants text, placed at the caret,
//    forwarding committed text (IME composition results, insertText, paste) to the app. Keys that
//    produce a keypress are left to SDL, so ASCII is never delivered twice;
//  * the test hook window.yutang: state() and dispatch(command);
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
    update: function (active, x, y, h) {
      var r = canvas.getBoundingClientRect();
      ime.style.left = (r.left + x) + "px";
      ime.style.top = (r.top + y) + "px";
      ime.style.height = Math.max(12, h) + "px";
      if (active && !this.active) ime.focus({preventScroll: true});
      if (!active && this.active) { ime.blur(); canvas.focus({preventScroll: true}); }
      this.active = active;
    },
  };
})();

// ---- test hook -----------------------------------------------------------------------------
window.yutang = {
  // The workspace (as saved) plus derived counters: frame, tab, language, version, saved_seq…
  state: function () { return JSON.parse(Module.ccall("yt_state", "string", [], [])); },
  // Applies one command (an object or its JSON text); returns "" or the error message.
  dispatch: function (cmd) {
    return Module.ccall("yt_dispatch", "string", ["string"], [typeof cmd === "string" ? cmd : JSON.stringify(cmd)]);
  },
  // Frames drawn so far (cheap; state() serialises the whole workspace).
  frames: function () { return Module._yt_frames ? Module._yt_frames() : 0; },
  // Switches tab: 0 总览, 1 用户分层, 2 角色, 3 内容日历, 4 漏斗 ROI, 5 设置.
  selectTab: function (i) { Module.ccall("yt_select_tab", null, ["number"], [i]); },
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
