// platform_web.cpp — the browser build: WebGL2, localStorage, the hidden text-input bridge for
// Chinese IMEs, and the test hook behind window.yutang (see web/yutang.js).
//
// The only file (with web/*.js) that knows it runs in a browser: every EM_JS shim and exported
// C entry point is here.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "platform/platform_impl.hpp"

// ---- JavaScript shims ------------------------------------------------------------------------

// 1 and *out set (malloc'd UTF-8) when present, 0 when absent, -1 when storage is unusable.
EM_JS(int, yt_js_storage_get, (const char* key, char** out), {
    try {
        var v = window.localStorage.getItem(UTF8ToString(key));
        if (v === null) return 0;
        var n = lengthBytesUTF8(v) + 1;
        var p = _malloc(n);
        stringToUTF8(v, p, n);
        HEAP32[out >> 2] = p;
        return 1;
    } catch (e) {
        return -1;
    }
});

// 0 ok, 1 quota exceeded, 2 storage disabled/unavailable.
EM_JS(int, yt_js_storage_set, (const char* key, const char* value), {
    try {
        if (window.yutangFailStorage) throw new DOMException("test", window.yutangFailStorage);
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
        return 0;
    } catch (e) {
        return (e && (e.name === "QuotaExceededError" || e.code === 22)) ? 1 : 2;
    }
});

EM_JS(void, yt_js_text_input, (int active, float x, float y, float h), {
    if (window.yutangIme) window.yutangIme.update(!!active, x, y, h);
});

EM_JS(void, yt_js_download, (const char* name, const char* mime, const char* data, int len), {
    var bytes = HEAPU8.slice(data, data + len);
    var blob = new Blob([bytes], {type: UTF8ToString(mime)});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

// A page in a new tab (the printable plan): a Blob URL of this origin, so the opener can wire the
// page's print button (the page itself runs no script: a blob document keeps this page's CSP).
// The previous page's URL is revoked when a new one opens. 1 = opened, 0 = the browser refused.
EM_JS(int, yt_js_open_html, (const char* data, int len), {
    var url = URL.createObjectURL(new Blob([HEAPU8.slice(data, data + len)], {type: "text/html;charset=utf-8"}));
    var w = window.open(url, "_blank");
    if (!w) { URL.revokeObjectURL(url); return 0; }
    if (window.yutangReportUrl) URL.revokeObjectURL(window.yutangReportUrl);
    window.yutangReportUrl = url;
    var tries = 0;
    var wire = function() {
        var b = null;
        try { b = w.document && w.document.location.href === url ? w.document.getElementById("yt-print") : null; } catch (e) { return; }
        if (b) {
            if (!b.dataset.wired) { b.dataset.wired = "1"; b.addEventListener("click", function() { w.print(); }); }
        } else if (++tries < 100) {
            setTimeout(wire, 50);
        }
    };
    wire();
    return 1;
});

// Large data, files, storage, other tabs and the clipboard: the page (web/yutang.js) does the
// work in window.yutangHost; these shims only pass the arguments across.
EM_JS(void, yt_js_install, (), {
    // Copies bytes into the wasm heap for a call into C (which takes them). HEAPU8 is re-read
    // after the allocation because memory growth replaces the view.
    // The buffer is a string's own (yt_bytes_alloc), so a large file is handed over without a
    // second copy.
    window.yutangCopyIn = function(u8) {
        var p = _yt_bytes_alloc(u8.length);
        HEAPU8.set(u8, p);
        return p;
    };
    // The same for large arrays, in tasks of 1 MB slices for up to 24 ms, then done(p): the first
    // writes into fresh memory are slow (a 100 MB file held the page for a quarter of a second
    // right after a reload; a 16 MB slice for 40-75 ms, and up to 184 ms, on a slow day), and
    // between the tasks the page keeps drawing. Each task waits for a frame, which while the app
    // starts takes 40-50 ms: in tasks of 4 MB (11-16 ms each after a reload) the 23 MB stored copy
    // waited for six. HEAPU8 is read again for every slice.
    var tasks = new MessageChannel(), queued = [];
    tasks.port1.onmessage = function() { queued.shift()(); };
    var soon = window.yutangSoon = function(fn) { queued.push(fn); tasks.port2.postMessage(0); };
    window.yutangCopyInSliced = function(u8, done) {
        var p = _yt_bytes_alloc(u8.length), at = 0, slice = 1 << 20;
        var next = function() {
            var t0 = performance.now();
            do {
                var end = Math.min(u8.length, at + slice);
                HEAPU8.set(u8.subarray(at, end), p + at);
                at = end;
            } while (at < u8.length && performance.now() - t0 < 24);
            if (at < u8.length) soon(next);
            else done(p);
        };
        next();
    };
    // A Blob (a picked file) the same way, each 4 MB part copied as it is read (yutang.js's
    // yutangReadSlices). fail(error) when the Blob cannot be read (the file changed or went away).
    window.yutangCopyInBlob = function(blob, done, fail) {
        var p = _yt_bytes_alloc(blob.size);
        window.yutangReadSlices(blob, function(u8, at) { HEAPU8.set(u8, p + at); })
            .then(function() { done(p); }, function(e) { _yt_bytes_free(p); fail(e); });
    };
});

EM_JS(void, yt_js_host, (const char* method, const char* a, const char* b), {
    var h = window.yutangHost;
    if (h && h[UTF8ToString(method)]) h[UTF8ToString(method)](UTF8ToString(a), UTF8ToString(b));
});

EM_JS(void, yt_js_blob_put, (const char* key, const char* data, int len), {
    if (window.yutangHost) window.yutangHost.blobPut(UTF8ToString(key), HEAPU8.slice(data, data + len));
});

EM_JS(void, yt_js_blob_put_parts, (const char* key, const char* head, int head_len, const char* body, int body_len, int hold), {
    var k = UTF8ToString(key);
    if (!window.yutangHost) { _yt_release(hold); return; }
    // The head at once (small), the body 4 MB per task, from the next task on, into Blobs joined
    // at the end (a Blob of Blobs copies nothing): one Blob of a 100 MB file held the page for a
    // quarter of a second, and a 16 MB slice for ~45 ms.
    // HEAPU8 is read again for every slice; the C side holds the body until yt_release(hold).
    var parts = [new Blob([HEAPU8.subarray(head, head + head_len)])], at = 0, slice = 4 << 20;
    var next = function() {
        var end = Math.min(body_len, at + slice);
        if (end > at) parts.push(new Blob([HEAPU8.subarray(body + at, body + end)]));
        at = end;
        if (at < body_len) { window.yutangSoon(next); return; }
        _yt_release(hold);
        window.yutangHost.blobPut(k, new Blob(parts));
    };
    window.yutangSoon(next);
});

// Encryption at rest: WebCrypto in web/yutang.js (yutangHost.key*), answers through yt_crypto_event.
EM_JS(void, yt_js_key_derive, (const char* id, const char* pass, const char* salt, int salt_len, int iterations, const char* tag), {
    if (window.yutangHost) window.yutangHost.keyDerive(UTF8ToString(id), UTF8ToString(pass), HEAPU8.slice(salt, salt + salt_len),
                                                      iterations, UTF8ToString(tag));
});

EM_JS(void, yt_js_encrypt, (const char* id, const char* tag, const char* aad, const char* data, int len), {
    if (window.yutangHost) window.yutangHost.encrypt(UTF8ToString(id), UTF8ToString(tag), UTF8ToString(aad), HEAPU8.slice(data, data + len));
});

EM_JS(void, yt_js_decrypt, (const char* id, const char* tag, const char* iv, int iv_len, const char* aad, const char* data, int len), {
    if (window.yutangHost)
        window.yutangHost.decrypt(UTF8ToString(id), UTF8ToString(tag), HEAPU8.slice(iv, iv + iv_len), UTF8ToString(aad),
                                  HEAPU8.slice(data, data + len));
});

EM_JS(void, yt_js_random, (char* out, int len), {
    crypto.getRandomValues(HEAPU8.subarray(out, out + len));
});

EM_JS(int, yt_js_prefers_english, (), {
    return (navigator.language || "zh").toLowerCase().indexOf("en") === 0 ? 1 : 0;
});

EM_JS(int, yt_js_coarse_pointer, (), {
    return window.matchMedia && window.matchMedia("(pointer: coarse)").matches ? 1 : 0;
});

namespace yt::platform {

namespace {

// The frame loop and the objects the exported entry points reach. Platform-layer globals: the
// browser calls back into C with no user pointer.
std::function<int()> g_frame;
app::App* g_app = nullptr;
std::function<void()> g_wake;
std::string g_out;  // keeps the last string returned to JS alive
float g_caret_x = 0, g_caret_y = 0;
bool g_text_active = false;
float g_sent_x = -1, g_sent_y = -1;
bool g_text_cursor = false;  // the last frame's pointer was over a text field (ImGui's I-beam)
// Turns of the browser's frame loop so far, and how many of the latest ran idle in a row (drew
// nothing): tests wait for the app to settle on these rather than on wall-clock time, which a
// busy machine stretches.
double g_loops = 0;
int g_idle_streak = 0;
// Frames drawn whole, in part and not at all (Damage::Kind order), and a whole frame asked for.
double g_draws[3] = {0, 0, 0};
bool g_repaint = false;

std::vector<app::PlatformEvent> g_events;
std::string g_clipboard;  // what ImGui copied or the page last pasted

const char* get_clipboard(void*) { return g_clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    yt_js_host("copyText", g_clipboard.c_str(), "");
}

void push_event(app::PlatformEvent e) {
    g_events.push_back(std::move(e));
    if (g_wake) g_wake();
}

// Bytes the page reads over several tasks (a file being stored), held until it calls
// yt_release(id) (hold() returns the id).
std::unordered_map<int, std::shared_ptr<const std::string>>& held_bytes() {
    static std::unordered_map<int, std::shared_ptr<const std::string>> m;
    return m;
}
int hold(std::shared_ptr<const std::string> bytes) {
    static int next = 0;
    held_bytes()[++next] = std::move(bytes);
    return next;
}

class WebPlatform : public app::Platform {
public:
    Result<std::optional<std::string>> storage_get(const std::string& key) override {
        char* p = nullptr;
        int r = yt_js_storage_get(key.c_str(), &p);
        if (r < 0) return Error("storage.disabled");
        if (r == 0) return std::optional<std::string>{};
        std::string v(p);
        std::free(p);
        return std::optional<std::string>{std::move(v)};
    }
    Status storage_set(const std::string& key, const std::string& value) override {
        int r = yt_js_storage_set(key.c_str(), value.c_str());
        if (r == 1) return Error("storage.quota");
        if (r != 0) return Error("storage.disabled");
        return ok_status();
    }
    std::string asset_path(const std::string& rel) const override { return "/assets/" + rel; }
    void text_input(bool active, float x, float y, float h) override { yt_js_text_input(active ? 1 : 0, x, y, h); }
    Status download(const std::string& filename, const std::string& mime, const std::string& data) override {
        yt_js_download(filename.c_str(), mime.c_str(), data.data(), static_cast<int>(data.size()));
        return ok_status();
    }
    Result<std::string> open_html(const std::string& name, const std::string& html) override {
        if (!yt_js_open_html(html.data(), static_cast<int>(html.size()))) return Error("report.tab_blocked");
        return name;
    }
    std::string preferred_language() const override { return yt_js_prefers_english() ? "en" : "zh"; }
    bool touch_screen() const override { return yt_js_coarse_pointer() != 0; }
    void pick_file(const std::string& purpose, const std::string& accept) override {
        yt_js_host("pickFile", purpose.c_str(), accept.c_str());
    }
    void blob_put(const std::string& key, std::string data) override {
        yt_js_blob_put(key.c_str(), data.data(), static_cast<int>(data.size()));
    }
    void blob_put_parts(const std::string& key, std::string_view head, std::shared_ptr<const std::string> body) override {
        const std::string_view b = body ? std::string_view(*body) : std::string_view();
        yt_js_blob_put_parts(key.c_str(), head.data(), static_cast<int>(head.size()), b.data(), static_cast<int>(b.size()),
                             hold(std::move(body)));
    }
    void blob_get(const std::string& key) override { yt_js_host("blobGet", key.c_str(), ""); }
    void blob_delete(const std::string& key) override { yt_js_host("blobDelete", key.c_str(), ""); }
    void request_storage_info(bool persist) override { yt_js_host("storageInfo", persist ? "1" : "0", ""); }
    void announce_saved(std::uint64_t seq) override { yt_js_host("announceSaved", std::to_string(seq).c_str(), ""); }
    void key_derive(const std::string& id, const std::string& pass, const std::string& salt, std::uint32_t iterations,
                    const std::string& tag) override {
        yt_js_key_derive(id.c_str(), pass.c_str(), salt.data(), static_cast<int>(salt.size()), static_cast<int>(iterations),
                         tag.c_str());
    }
    void key_forget(const std::string& id) override { yt_js_host("keyForget", id.c_str(), ""); }
    void encrypt(const std::string& id, const std::string& tag, const std::string& aad, std::string plain) override {
        yt_js_encrypt(id.c_str(), tag.c_str(), aad.c_str(), plain.data(), static_cast<int>(plain.size()));
    }
    void decrypt(const std::string& id, const std::string& tag, const std::string& iv, const std::string& aad,
                 std::string sealed) override {
        yt_js_decrypt(id.c_str(), tag.c_str(), iv.data(), static_cast<int>(iv.size()), aad.c_str(), sealed.data(),
                      static_cast<int>(sealed.size()));
    }
    std::string random_bytes(std::size_t n) override {
        std::string s(n, '\0');
        yt_js_random(s.data(), static_cast<int>(n));
        return s;
    }
    void wipe_storage() override { yt_js_host("wipe", "", ""); }
    void set_idle_lock(int minutes) override { yt_js_host("setIdleLock", std::to_string(minutes).c_str(), ""); }
    std::vector<app::PlatformEvent> take_events() override {
        std::vector<app::PlatformEvent> out;
        out.swap(g_events);
        return out;
    }
};

void ime_pos(int x, int y) {
    g_caret_x = static_cast<float>(x);
    g_caret_y = static_cast<float>(y);
}

void loop() {
    if (!g_frame) return;
    const int r = g_frame();
    g_loops += 1;
    g_idle_streak = r == 2 ? g_idle_streak + 1 : 0;
}

}  // namespace

void gl_attributes() {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
}

const char* glsl_version() { return "#version 300 es"; }

float device_pixel_ratio(SDL_Window*) {
    double r = emscripten_get_device_pixel_ratio();
    return r >= 1.0 ? static_cast<float>(r) : 1.0f;
}

std::unique_ptr<app::Platform> make_platform() { return std::make_unique<WebPlatform>(); }

void run(const std::function<int()>& frame, int) {
    g_frame = frame;
    ImGuiIO& io = ImGui::GetIO();
    io.ImeSetInputScreenPosFn = ime_pos;
    // SDL's Emscripten backend has no clipboard: ImGui copies through the page, and the page
    // hands pasted text over (yt_paste) before ImGui handles the Ctrl+V that caused it.
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    yt_js_install();
    emscripten_set_main_loop(loop, 0, 1);
}

// SDL's Emscripten backend never sends SDL_DROPFILE; web/yutang.js delivers drops (yt_file).
void file_dropped(const char*) {}

void attach(app::App* app, std::function<void()> wake) {
    g_app = app;
    g_wake = std::move(wake);
}

void after_frame(app::Platform& p, bool want_text_input) {
    g_text_cursor = ImGui::GetMouseCursor() == ImGuiMouseCursor_TextInput;
    if (want_text_input != g_text_active || (want_text_input && (g_caret_x != g_sent_x || g_caret_y != g_sent_y))) {
        g_text_active = want_text_input;
        g_sent_x = g_caret_x;
        g_sent_y = g_caret_y;
        p.text_input(want_text_input, g_caret_x, g_caret_y, ImGui::GetFontSize());
    }
}

// Asked of the context itself: the attributes it was given are only a request.
bool keeps_frame() {
    static const int keeps = [] {
        EmscriptenWebGLContextAttributes a;
        const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE c = emscripten_webgl_get_current_context();
        return c && emscripten_webgl_get_context_attributes(c, &a) == EMSCRIPTEN_RESULT_SUCCESS && a.preserveDrawingBuffer
                   ? 1
                   : 0;
    }();
    return keeps != 0;
}

bool take_repaint() { return std::exchange(g_repaint, false); }

void count_draw(int kind) {
    if (kind >= 0 && kind < 3) g_draws[kind] += 1;
}

}  // namespace yt::platform

// ---- entry points called from JavaScript -----------------------------------------------------
using namespace yt::platform;

namespace {

// Buffers window.yutangCopyIn filled: strings of their final size, by their data pointer.
std::unordered_map<const char*, std::unique_ptr<std::string>>& js_buffers() {
    static std::unordered_map<const char*, std::unique_ptr<std::string>> m;
    return m;
}

// Bytes window.yutangCopyIn filled (null: none), as a string: the very buffer, not a copy.
std::string take_js_bytes(char* p, int len) {
    std::string s;
    if (!p) return s;
    auto it = js_buffers().find(p);
    if (it == js_buffers().end()) {  // not one of ours: copied and freed
        s.assign(p, static_cast<std::size_t>(len > 0 ? len : 0));
        std::free(p);
        return s;
    }
    s = std::move(*it->second);
    js_buffers().erase(it);
    s.resize(static_cast<std::size_t>(len > 0 ? len : 0));
    return s;
}

}  // namespace

extern "C" {

// The page has read what hold() kept for it.
EMSCRIPTEN_KEEPALIVE void yt_release(int id) { held_bytes().erase(id); }

// A buffer of `len` bytes for window.yutangCopyIn to fill; take_js_bytes() takes it.
EMSCRIPTEN_KEEPALIVE char* yt_bytes_alloc(int len) {
    auto s = std::make_unique<std::string>();
    const auto n = static_cast<std::size_t>(std::max(1, len));
#if defined(_LIBCPP_VERSION)
    // The page fills every byte: sized without zero-filling them first (libc++'s public
    // __resize_default_init), which for a 100 MB file held the page for a quarter of a second.
    s->__resize_default_init(n);
#else
    s->resize(n);
#endif
    char* p = s->data();
    js_buffers()[p] = std::move(s);
    return p;
}

// A buffer from yt_bytes_alloc that will not be handed over (its Blob could not be read).
EMSCRIPTEN_KEEPALIVE void yt_bytes_free(char* data) { js_buffers().erase(data); }

EMSCRIPTEN_KEEPALIVE const char* yt_state() {
    g_out = g_app ? g_app->state_json() : "null";
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* yt_status() {
    g_out = g_app ? g_app->status_json() : "null";
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* yt_dispatch(const char* json) {
    g_out = g_app ? g_app->dispatch(json ? json : "") : "not started";
    if (g_wake) g_wake();
    return g_out.c_str();
}

// Committed text from the hidden input element (IME results, pasted or inserted text).
EMSCRIPTEN_KEEPALIVE void yt_text_input(const char* utf8) {
    if (utf8 && *utf8) ImGui::GetIO().AddInputCharactersUTF8(utf8);
    if (g_wake) g_wake();
}

EMSCRIPTEN_KEEPALIVE void yt_select_tab(int tab) {
    if (g_app && tab >= 0 && tab < static_cast<int>(yt::app::Tab::Count)) g_app->select_tab(static_cast<yt::app::Tab>(tab));
    if (g_wake) g_wake();
}

// Whether the pointer was over a text field in the last frame: a tap on one focuses the hidden
// text input inside the touch event itself (phones open the keyboard only then).
EMSCRIPTEN_KEEPALIVE int yt_text_cursor() { return g_text_cursor ? 1 : 0; }

// The soft keyboard covers the text being typed: scroll it up by `dy` CSS pixels.
EMSCRIPTEN_KEEPALIVE void yt_reveal(float dy) {
    if (g_app) g_app->reveal_text_field(dy);
    if (g_wake) g_wake();
}

// Frames drawn so far: a cheap counter for tests that wait for the app to draw or to go idle.
EMSCRIPTEN_KEEPALIVE double yt_frames() { return g_app ? static_cast<double>(g_app->frames()) : 0.0; }

// Turns of the frame loop, and idle turns in a row (see g_loops).
EMSCRIPTEN_KEEPALIVE double yt_loops() { return g_loops; }
EMSCRIPTEN_KEEPALIVE int yt_idle_streak() { return g_idle_streak; }

// Frames drawn whole (0), in part (1) or not at all, nothing having changed (2); see app/damage.hpp.
EMSCRIPTEN_KEEPALIVE double yt_draws(int kind) { return kind >= 0 && kind < 3 ? g_draws[kind] : 0.0; }

// The next frame is drawn whole, and soon.
EMSCRIPTEN_KEEPALIVE void yt_repaint() {
    g_repaint = true;
    if (g_wake) g_wake();
}

EMSCRIPTEN_KEEPALIVE void yt_wake() {
    if (g_wake) g_wake();
}

// A file the user picked (purpose as asked) or dropped (purpose ""); `data` was allocated by
// window.yutangCopyIn and is freed here.
EMSCRIPTEN_KEEPALIVE void yt_file(const char* purpose, const char* name, char* data, int len) {
    yt::app::PlatformEvent e;
    e.kind = yt::app::PlatformEvent::Kind::File;
    e.key = purpose ? purpose : "";
    e.name = name ? name : "";
    e.data = take_js_bytes(data, len);
    push_event(std::move(e));
}

// Large-data storage answers: kind 0 loaded (data freed here), 1 missing, 2 saved, 3 failed.
EMSCRIPTEN_KEEPALIVE void yt_blob_event(int kind, const char* key, char* data, int len, const char* error) {
    using K = yt::app::PlatformEvent::Kind;
    yt::app::PlatformEvent e;
    e.kind = kind == 0 ? K::BlobLoaded : kind == 1 ? K::BlobMissing : kind == 2 ? K::BlobSaved : K::BlobFailed;
    e.key = key ? key : "";
    e.data = take_js_bytes(data, len);
    e.error = error ? error : "";
    push_event(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void yt_storage_estimate(double used, double quota, int persisted) {
    yt::app::PlatformEvent e;
    e.kind = yt::app::PlatformEvent::Kind::StorageEstimate;
    e.used = used;
    e.quota = quota;
    e.persisted = persisted != 0;
    push_event(std::move(e));
}

// Another tab of this app: kind 0 opened, 1 saved the workspace.
EMSCRIPTEN_KEEPALIVE void yt_other_tab(int kind, const char* id) {
    yt::app::PlatformEvent e;
    e.kind = kind == 0 ? yt::app::PlatformEvent::Kind::OtherTab : yt::app::PlatformEvent::Kind::OtherTabSaved;
    e.name = id ? id : "";
    push_event(std::move(e));
}

// Text pasted into the page (the DOM paste event): becomes what ImGui's Ctrl+V inserts.
EMSCRIPTEN_KEEPALIVE void yt_paste(const char* text) {
    g_clipboard = text ? text : "";
    if (g_wake) g_wake();
}

// WebCrypto answers: kind 0 key ready, 1 encrypted (a = IV, b = ciphertext), 2 decrypted
// (b = plaintext), 3 failed (error: an i18n key). a and b were allocated by yutangCopyIn.
EMSCRIPTEN_KEEPALIVE void yt_crypto_event(int kind, const char* tag, char* a, int a_len, char* b, int b_len, const char* error) {
    using K = yt::app::PlatformEvent::Kind;
    yt::app::PlatformEvent e;
    e.kind = kind == 0 ? K::KeyReady : kind == 1 ? K::Encrypted : kind == 2 ? K::Decrypted : K::CryptoFailed;
    e.key = tag ? tag : "";
    e.name = take_js_bytes(a, a_len);
    e.data = take_js_bytes(b, b_len);
    e.error = error ? error : "";
    push_event(std::move(e));
}

// Every stored key of the app was removed: `what` lists them, one a line.
EMSCRIPTEN_KEEPALIVE void yt_wiped(const char* what) {
    yt::app::PlatformEvent e;
    e.kind = yt::app::PlatformEvent::Kind::Wiped;
    e.data = what ? what : "";
    push_event(std::move(e));
}

// No input for the chosen idle time; and the test hook's / keyboard's "lock now".
EMSCRIPTEN_KEEPALIVE void yt_idle_lock() {
    yt::app::PlatformEvent e;
    e.kind = yt::app::PlatformEvent::Kind::IdleLock;
    push_event(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void yt_lock() {
    if (g_app) g_app->lock();
    if (g_wake) g_wake();
}

// "purpose\taccept" of the file button under (x, y) in the last frame, or "": the page opens
// the picker inside the pointerup event itself, where every browser allows it.
EMSCRIPTEN_KEEPALIVE const char* yt_file_button_at(float x, float y) {
    g_out = g_app ? g_app->file_button_at(x, y) : "";
    return g_out.c_str();
}

}  // extern "C"
