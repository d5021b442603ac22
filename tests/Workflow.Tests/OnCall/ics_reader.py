"""An iCalendar reader independent of Ical.Net, on Python's standard library only (RFC 5545 sections 3.1, 3.3.5,
3.6.1): checks the line rules, unfolds, and prints one line per event: start, end, summary. Exits 1 on any breach."""
import sys
from datetime import datetime, timezone

raw = sys.stdin.buffer.read()
if b"\n" in raw.replace(b"\r\n", b""):
    sys.exit("bare LF: lines must end in CRLF")
lines = raw.split(b"\r\n")
if lines[-1] != b"":
    sys.exit("the document must end with CRLF")
for line in lines:
    if len(line) > 75:
        sys.exit(f"line longer than 75 octets: {line[:40]!r}")
unfolded = []
for line in lines[:-1]:
    text = line.decode("utf-8")
    if text[:1] in (" ", "\t"):
        unfolded[-1] += text[1:]
    else:
        unfolded.append(text)

def utc(value):
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)

stack, event, events = [], None, []
for text in unfolded:
    name_params, _, value = text.partition(":")
    name = name_params.split(";")[0].upper()
    if name == "BEGIN":
        stack.append(value)
        if value == "VEVENT":
            event = {}
    elif name == "END":
        if not stack or stack.pop() != value:
            sys.exit(f"END:{value} does not close what is open")
        if value == "VEVENT":
            for required in ("UID", "DTSTAMP", "DTSTART", "DTEND"):
                if required not in event:
                    sys.exit(f"an event lacks {required}")
            events.append(event)
    elif event is not None and stack and stack[-1] == "VEVENT":
        event[name] = value
if stack or unfolded[0] != "BEGIN:VCALENDAR":
    sys.exit("the calendar is not closed")
uids = [e["UID"] for e in events]
if len(set(uids)) != len(uids):
    sys.exit("duplicate UID")
for e in events:
    start, end = utc(e["DTSTART"]), utc(e["DTEND"])
    if end <= start:
        sys.exit("an event ends before it starts")
    print(f"{start:%Y-%m-%d %H:%M} {end:%Y-%m-%d %H:%M} {e['SUMMARY']}")
