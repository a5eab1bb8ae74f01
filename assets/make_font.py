#!/usr/bin/python3
"""make_font.py — build the Chinese UI font: a subset of Debian's WenQuanYi Micro Hei.

Covers ASCII, Latin-1 punctuation, CJK symbols and punctuation (U+3000-303F), fullwidth forms
(U+FF00-FFEF), all of GB2312 (levels 1 and 2: 6,763 hanzi plus its symbol rows) and every
non-ASCII character that appears in the sources given with --scan (UI strings, demo data).
Writes the font and, beside it, zh.chars.txt (the requested characters) for inspection.
Run with Debian's python3 (python3-fonttools).
"""
import argparse, os, pathlib, sys, time

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def gb2312_chars():
    out = []
    for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def scanned_chars(paths):
    found = set()
    for root in paths:
        for p in pathlib.Path(root).rglob("*"):
            if p.suffix in (".cpp", ".hpp", ".h", ".csv", ".json") and p.is_file():
                for ch in p.read_text(encoding="utf-8", errors="ignore"):
                    if ord(ch) > 0x7F:
                        found.add(ch)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--scan", nargs="*", default=[])
    a = ap.parse_args()
    chars = set(chr(c) for c in range(0x20, 0x7F))
    chars |= set(chr(c) for c in range(0xA0, 0x100))
    chars |= set(chr(c) for c in range(0x2000, 0x2070))  # general punctuation (— … ‰ ‘ ’ “ ”)
    chars |= set(chr(c) for c in range(0x2190, 0x2300))  # arrows, maths (≥ ≤ × ÷)
    chars |= set(chr(c) for c in range(0x25A0, 0x2700))  # geometric shapes, symbols (icons)
    chars |= set(chr(c) for c in range(0x3000, 0x3040))
    chars |= set(chr(c) for c in range(0xFF00, 0xFFF0))
    chars |= set(gb2312_chars())
    chars |= scanned_chars(a.scan)
    out = pathlib.Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    text_file = out.with_name("zh.chars.txt")
    text_file.write_text("".join(sorted(chars)), encoding="utf-8")
    from fontTools import subset
    t0 = time.time()
    subset.main([FONT, "--font-number=0", f"--text-file={text_file}", f"--output-file={out}",
                 "--layout-features=", "--no-layout-closure", "--drop-tables+=GSUB,GPOS,GDEF,vhea,vmtx,gasp",
                 "--no-hinting", "--name-IDs=1,2,3,4,5,6", "--notdef-outline"])
    print(f"font subset: {len(chars)} chars requested, {out.stat().st_size} bytes, {time.time() - t0:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
