#!/usr/bin/python3
"""make_workbooks.py OUT_DIR [--orders N] — workbooks for the .xlsx import tests, written by an
independent writer (openpyxl, from Debian's python3-openpyxl), and the bad cases by hand with
zipfile around a small hand-written workbook.

Writes into OUT_DIR:
  orders.xlsx / orders.csv   the same N orders (default 50,000): Chinese headers, a customer id of
                             numbers stored as text with leading zeros, order times as Excel serials
                             in a date format, amounts as numbers; sheets 订单 (first) and 说明
  cover_first.xlsx           a notes sheet first, the orders on sheet 2 (名单)
  bad_*.xlsx / *.xls         malformed XML, DOCTYPE with entities, zip bomb, encrypted (OLE + EncryptionInfo),
                             old binary .xls (OLE without it), ZIP64, bzip2 compression, a huge shared
                             string count, a zip that is not a workbook, a truncated file
"""
import csv
import datetime as dt
import io
import random
import struct
import sys
import zipfile

from openpyxl import Workbook

out = sys.argv[1]
n_orders = int(sys.argv[sys.argv.index("--orders") + 1]) if "--orders" in sys.argv else 50000
rng = random.Random(13)

HEAD = ["客户编号", "下单时间", "实付金额", "订单号", "城市"]
CITIES = ["上海", "北京", "广州", "深圳", "杭州", "成都"]
start = dt.datetime(2025, 1, 1)
rows = []
for i in range(n_orders):
    cust = "%06d" % rng.randint(1, n_orders // 3)            # leading zeros: text, not a number
    when = start + dt.timedelta(days=rng.randint(0, 540), seconds=rng.randint(0, 86399))
    amount = round(rng.uniform(9.9, 1299.0), 2)
    if i % 97 == 0:
        amount = float(rng.randint(10, 500))                  # whole numbers print without ".0"
    rows.append([cust, when, amount, "D%09d" % i, rng.choice(CITIES)])

wb = Workbook()
ws = wb.active
ws.title = "订单"
ws.append(HEAD)
for r in rows:
    ws.append(r)
for cell in ws["B"][1:]:
    cell.number_format = "yyyy-mm-dd hh:mm:ss"
for cell in ws["A"][1:]:
    cell.number_format = "@"
notes = wb.create_sheet("说明")
notes.append(["本表由店铺后台导出"])
wb.save(f"{out}/orders.xlsx")

with open(f"{out}/orders.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(HEAD)
    for r in rows:
        w.writerow([r[0], r[1].strftime("%Y-%m-%d %H:%M:%S"), ("%d" % r[2]) if r[2] == int(r[2]) else repr(r[2]), r[3], r[4]])

wb = Workbook()
ws = wb.active
ws.title = "封面"
ws.append(["2025 年订单导出"])
ws2 = wb.create_sheet("名单")
ws2.append(HEAD)
for r in rows[:2000]:
    ws2.append(r)
for cell in ws2["B"][1:]:
    cell.number_format = "yyyy/m/d"
wb.save(f"{out}/cover_first.xlsx")


def write_zip(path, parts, method=zipfile.ZIP_DEFLATED, **kw):
    with zipfile.ZipFile(path, "w", method, **kw) as z:
        for name, data in parts.items():
            z.writestr(name, data)


CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
           '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
           '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>'
           '</Relationships>')
WB_1904 = ('<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/>'
           '<x:sheets><x:sheet name="Sheet1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs></styleSheet>')
SST = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
       '<si><t>会员</t></si><si><r><rPr><b/></rPr><t>下单</t></r><r><t xml:space="preserve">日期</t></r><rPh><t>xiadan</t></rPh></si>'
       '<si><t>金额</t></si></sst>')
SHEET = ('<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
         '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>'
         '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>007</x:t></x:is></x:c><x:c r="B2" s="1"><x:v>44986</x:v></x:c><x:c r="C2"><x:v>12.300000000000001</x:v></x:c></x:row>'
         '<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:r><x:t>王</x:t></x:r><x:r><x:t>,五</x:t></x:r></x:is></x:c><x:c r="B4" s="1"><x:v>44987.5</x:v></x:c><x:c r="C4"><x:v>1E2</x:v></x:c></x:row>'
         '</x:sheetData></x:worksheet>')
good = {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WB_1904,
        "xl/_rels/workbook.xml.rels": WB_RELS, "xl/styles.xml": STYLES, "xl/sharedStrings.xml": SST,
        "xl/worksheets/sheet1.xml": SHEET}

# Bad cases.
write_zip(f"{out}/bad_xml.xlsx", {**good, "xl/worksheets/sheet1.xml": SHEET.replace("</x:row>", "", 1)})
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><sst><si><t>&lol3;</t></si></sst>')
write_zip(f"{out}/bad_doctype.xlsx", {**good, "xl/sharedStrings.xml": LAUGHS})
bomb_sheet = SHEET.replace("</x:sheetData>", "</x:sheetData>" + " " * (64 << 20))
write_zip(f"{out}/bad_bomb.xlsx", {**good, "xl/worksheets/sheet1.xml": bomb_sheet})
write_zip(f"{out}/bad_sst_count.xlsx", {**good, "xl/sharedStrings.xml": SST.replace('uniqueCount="3"', 'uniqueCount="999999999"')})
write_zip(f"{out}/bad_bzip2.xlsx", good, zipfile.ZIP_BZIP2)
# ZIP64: the good workbook with a ZIP64 end record and locator, the classic record's fields at their
# "see ZIP64" values (what writers emit past 65,535 entries or 4 GB).
write_zip(f"{out}/bad_zip64.xlsx", good)
with open(f"{out}/bad_zip64.xlsx", "rb") as f:
    data = f.read()
e = data.rfind(b"PK\x05\x06")
n, cd_size, cd_off = struct.unpack("<HII", data[e + 10:e + 20])
z64 = struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, n, n, cd_size, cd_off)
loc = struct.pack("<4sIQI", b"PK\x06\x07", 0, e, 1)
eocd = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
with open(f"{out}/bad_zip64.xlsx", "wb") as f:
    f.write(data[:e] + z64 + loc + eocd)
write_zip(f"{out}/bad_notbook.xlsx", {"word/document.xml": "<w/>", "[Content_Types].xml": CT})
with open(f"{out}/orders.xlsx", "rb") as f:
    data = f.read()
with open(f"{out}/bad_truncated.xlsx", "wb") as f:
    f.write(data[: len(data) // 2])


def cfb(streams):
    """A compound-file header and one directory sector naming `streams` (what detection reads)."""
    head = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    head = head.ljust(512, b"\0")
    dirs = b""
    for name in ["Root Entry"] + streams:
        u = name.encode("utf-16-le") + b"\0\0"
        dirs += (u.ljust(64, b"\0") + len(u).to_bytes(2, "little")).ljust(128, b"\0")
    return head + dirs.ljust(512, b"\0")


with open(f"{out}/bad_encrypted.xlsx", "wb") as f:
    f.write(cfb(["EncryptionInfo", "EncryptedPackage"]))
with open(f"{out}/old.xls", "wb") as f:
    f.write(cfb(["Workbook", "\x05SummaryInformation"]))
