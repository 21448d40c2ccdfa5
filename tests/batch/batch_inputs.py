"""WARC and JSONL inputs for the batch tests, written byte by byte here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support import article_page, response, warcinfo

#: Three events, each reported by two or three outlets in their own words.
EVENTS = {
    "tunnel": (
        "Rescue crews in Portvale pulled 27 people from the flooded Marrow Street tunnel on Tuesday.",
        "Crews in Portvale rescued 27 people trapped in the flooded Marrow Street tunnel on Tuesday.",
    ),
    "bridge": (
        "Engineers closed the Kestrel Bridge in Aldmoor on Monday after finding 3 cracked cables.",
        "The Kestrel Bridge in Aldmoor was shut on Monday when engineers found 3 cracked cables.",
    ),
    "harvest": (
        "Farmers in the Ebbing Valley reported a record apple harvest of 41,000 tonnes this autumn.",
        "The Ebbing Valley apple harvest reached a record 41,000 tonnes this autumn, farmers said.",
    ),
}
OUTLETS = ("Harbor Ledger", "Quay Post")


def news_warc(path: Path) -> list[str]:
    """A WARC with a warcinfo record and one page per (event, outlet); returns the page URIs."""
    records = [warcinfo()]
    uris: list[str] = []
    for number, (event, leads) in enumerate(EVENTS.items()):
        for outlet, lead in zip(OUTLETS, leads, strict=True):
            uri = f"https://{outlet.lower().replace(' ', '')}.example/{event}"
            day = f"2026-11-{10 + number:02d}"
            records.append(response(uri, article_page(event.title(), outlet, day, lead), len(records) + 1))
            uris.append(uri)
    path.write_bytes(b"".join(records))
    return uris


def news_jsonl(path: Path, extra_lines: list[str] | None = None) -> list[str]:
    """A third outlet's records on the same events, as JSONL; returns the record ids."""
    lines: list[str] = []
    ids: list[str] = []
    for number, (event, leads) in enumerate(EVENTS.items()):
        record: dict[str, Any] = {
            "id": f"courier-{event}",
            "source": "Valley Courier",
            "url": f"https://courier.example/{event}",
            "title": f"{event.title()} report",
            "published": f"2026-11-{10 + number:02d}",
            "text": leads[0].replace(" on ", " early on ") + " Officials promised a full account later in the week.",
        }
        lines.append(json.dumps(record))
        ids.append(record["id"])
    path.write_text("\n".join(lines + (extra_lines or [])) + "\n")
    return ids


def truncated_copy(source: Path, target: Path) -> None:
    """``source`` cut off in the middle of its last record."""
    data = source.read_bytes()
    last_member = data.rfind(b"\x1f\x8b\x08")
    target.write_bytes(data[: last_member + (len(data) - last_member) // 2])
