#!/usr/bin/python3
"""check_xlsx.py BOOK.xlsx TABLE.csv [MIN_NUMBERS] — reads an exported workbook with openpyxl (an independent
reader) and checks it holds the CSV export's table: the same rows and cells, numbers as numbers
(equal values), text as text (leading zeros and formula guards kept), and at least MIN_NUMBERS
number cells (default 0). Exit 0 when equal."""
import csv
import sys

from openpyxl import load_workbook

book, table = sys.argv[1], sys.argv[2]
ws = load_workbook(book, read_only=True).worksheets[0]
got = [list(r) for r in ws.iter_rows(values_only=True)]
with open(table, encoding="utf-8-sig", newline="") as f:
    want = list(csv.reader(f))
if len(got) != len(want):
    sys.exit(f"rows: {len(got)} in the workbook, {len(want)} in the CSV")
numbers = 0
for i, (g, w) in enumerate(zip(got, want), 1):
    g = list(g) + [None] * (len(w) - len(g))
    for j, cell in enumerate(w):
        v = g[j]
        if cell == "":
            ok = v is None
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            ok = float(cell) == float(v)
            numbers += 1
        else:
            ok = v == cell
        if not ok:
            sys.exit(f"row {i} column {j + 1}: workbook {v!r}, CSV {cell!r}")
min_numbers = int(sys.argv[3]) if len(sys.argv) > 3 else 0
if numbers < min_numbers:
    sys.exit(f"{numbers} number cells, expected at least {min_numbers}")
print(f"{len(got)} rows equal, {numbers} number cells")
