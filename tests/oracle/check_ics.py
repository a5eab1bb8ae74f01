#!/usr/bin/python3
"""check_ics.py — parses an .ics written by `yutang calendar … --ics FILE` with an independent
parser (Debian's python3-icalendar) and checks what a calendar app would rely on.

Usage: check_ics.py FILE.ics N [--summary TEXT]... [--start YYYYMMDDTHHMM]...
  N          the expected number of events (VEVENTs)
  --summary  a text that some event's SUMMARY must contain (repeatable; Chinese allowed)
  --start    a local start time (Asia/Shanghai) some event must have, e.g. 20261115T2000
Checks: the file parses; N events; every UID present and unique; DTSTART/DTEND carry
TZID=Asia/Shanghai and resolve to UTC+8; DTEND after DTSTART; a VTIMEZONE for Asia/Shanghai with
offset +08:00; DTSTAMP present; every SUMMARY non-empty text. Prints "ok: …" or the failures,
exit status 0 / 1.
"""
import datetime
import sys

import icalendar


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    path, want = argv[1], int(argv[2])
    summaries, starts = [], []
    i = 3
    while i < len(argv):
        if argv[i] == "--summary" and i + 1 < len(argv):
            summaries.append(argv[i + 1])
        elif argv[i] == "--start" and i + 1 < len(argv):
            starts.append(argv[i + 1])
        else:
            print(f"unknown argument {argv[i]}")
            return 2
        i += 2
    with open(path, "rb") as f:
        raw = f.read()
    problems = []
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("bare LF line ending")
    cal = icalendar.Calendar.from_ical(raw)
    tzs = [c for c in cal.walk("VTIMEZONE") if str(c.get("TZID")) == "Asia/Shanghai"]
    if not tzs:
        problems.append("no VTIMEZONE Asia/Shanghai")
    else:
        std = tzs[0].walk("STANDARD")
        if not std or std[0].decoded("TZOFFSETTO") != datetime.timedelta(hours=8):
            problems.append("VTIMEZONE offset is not +08:00")
    events = cal.walk("VEVENT")
    if len(events) != want:
        problems.append(f"{len(events)} events, expected {want}")
    uids = set()
    all_summaries, all_starts = [], set()
    for ev in events:
        uid = str(ev.get("UID", ""))
        if not uid or uid in uids:
            problems.append(f"missing or duplicate UID {uid!r}")
        uids.add(uid)
        if ev.get("DTSTAMP") is None:
            problems.append(f"{uid}: no DTSTAMP")
        summary = str(ev.get("SUMMARY", ""))
        if not summary.strip():
            problems.append(f"{uid}: empty SUMMARY")
        all_summaries.append(summary)
        for key in ("DTSTART", "DTEND"):
            prop = ev.get(key)
            if prop is None or prop.params.get("TZID") != "Asia/Shanghai":
                problems.append(f"{uid}: {key} without TZID=Asia/Shanghai")
                continue
            value = ev.decoded(key)
            if not isinstance(value, datetime.datetime) or value.utcoffset() != datetime.timedelta(hours=8):
                problems.append(f"{uid}: {key} does not resolve to UTC+8 ({value!r})")
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if end <= start:
            problems.append(f"{uid}: DTEND not after DTSTART")
        all_starts.add(start.strftime("%Y%m%dT%H%M"))
    for text in summaries:
        if not any(text in s for s in all_summaries):
            problems.append(f"no SUMMARY contains {text!r}")
    for s in starts:
        if s not in all_starts:
            problems.append(f"no event starts at {s}")
    if problems:
        for p in problems[:50]:
            print("FAIL:", p)
        return 1
    print(f"ok: {len(events)} events, {len(uids)} unique UIDs, Asia/Shanghai times, {len(summaries)} summaries found")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
