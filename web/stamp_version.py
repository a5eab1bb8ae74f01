#!/usr/bin/python3
"""stamp_version.py — writes a content hash of the built site into sw.js (its cache name), so a
new build is picked up as a new service-worker version."""
import hashlib, pathlib, sys

web = pathlib.Path(sys.argv[1])
h = hashlib.sha256()
for name in ["index.html", "yutang.js", "blobread.js", "yutang_app.js", "yutang_app.wasm", "yutang_app.data", "manifest.webmanifest"]:
    p = web / name
    if p.exists():
        h.update(p.read_bytes())
sw = web / "sw.js"
text = sw.read_text(encoding="utf-8")
sw.write_text(text.replace('const VERSION = "dev";', f'const VERSION = "{h.hexdigest()[:12]}";'), encoding="utf-8")
