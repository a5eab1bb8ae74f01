#!/usr/bin/env python3
"""cross_check_lunar.py — compares a lunar fixture CSV (year,festival,date) with Debian's `lunar`
tool (lunar 2.2, table-based, covers lunar years up to 2048), a second independent source.

Usage: cross_check_lunar.py FIXTURE.csv  -> prints the rows compared and every disagreement;
exits 1 when any row disagrees. 清明 is a solar term, which `lunar` does not give: not compared.
"""
import datetime
import re
import subprocess
import sys

LUNAR_MD = {  # festival -> (lunar-year offset from the season year, month, day)
    "spring_festival": (0, 1, 1), "lantern": (0, 1, 15), "dragon_boat": (0, 5, 5),
    "qixi": (0, 7, 7), "mid_autumn": (0, 8, 15), "double_ninth": (0, 9, 9),
    "laba": (-1, 12, 8), "xiaonian": (-1, 12, 23),
}
SOLAR_RE = re.compile(r"^Solar\s*:\s*(\d+)\.(\d+)\.(\d+)", re.M)


def lunar_to_solar(y, m, d):
    out = subprocess.run(["lunar", "-i", str(y), str(m), str(d)], capture_output=True, text=True).stdout
    match = SOLAR_RE.search(out)
    if not match:
        return None
    return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def main():
    compared = mismatched = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("year,"):
                continue
            year, fest, date = line.split(",")
            year = int(year)
            want = datetime.date.fromisoformat(date)
            if fest == "new_year_eve":
                got = lunar_to_solar(year, 1, 1)
                got = got - datetime.timedelta(days=1) if got else None
            elif fest in LUNAR_MD:
                off, m, d = LUNAR_MD[fest]
                got = lunar_to_solar(year + off, m, d)
            else:
                continue
            if got is None:  # outside the tool's range
                continue
            compared += 1
            if got != want:
                mismatched += 1
                print(f"mismatch {year} {fest}: fixture {want} lunar(1) {got}")
    print(f"debian lunar cross-check: {compared} rows compared, {mismatched} mismatches")
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
