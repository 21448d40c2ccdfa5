"""WARC archives (e.g. Common Crawl's CC-NEWS): one capture per HTML response.

The article id of a WARC record is its ``WARC-Target-URI`` (contract.md).  The
WARC-Date is when the page was crawled, not published, so it is not used as a
publication date.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from crosswire.errors import InputError, LimitError
from crosswire.model import Capture, SourceHints
from crosswire.sources.chars import storable
from crosswire.sources.limits import ITEM_BYTES

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: A record is read whole to check it; larger tails are not expected in news WARCs.
_MAX_TAIL_BYTES = 64 * 1024 * 1024
_LATER_RECORDS_LOST = "; later records were not read"
#: Bytes inflated at a time when a gzip member is only checked for damage.
_INFLATE_PIECE = 1 << 20
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:\s*(\d+)")


def read_warc(path: Path) -> Iterator[Capture | InputError]:
    last_record_at: int | None = None
    # Each capture (or refusal of an oversized record) is held back until the
    # next record has been read, so that a record cut off at the end of a
    # damaged file is never passed on.
    pending: Capture | InputError | None = None
    cap = ITEM_BYTES.value()
    try:
        with path.open("rb") as stream:
            if not stream.read(1):
                raise InputError(str(path), "file is empty")
            stream.seek(0)
            for record in ArchiveIterator(stream, parse_http=False, verify_digests=False):
                if pending is not None:
                    yield pending
                    pending = None
                last_record_at = record.stream_pos
                if record.record_type != WarcRecordType.response:
                    continue
                if record.content_length > cap:
                    # Refused by its header, before any of it is read; the
                    # iterator skips its block without holding it.
                    pending = ITEM_BYTES.error(_record_origin(record, path), "WARC record", record.content_length, cap)
                    continue
                record.parse_http()
                pending = _record_to_capture(record, path)
    except OSError as error:
        yield InputError(str(path), f"corrupt or truncated WARC data ({error})")
        return
    if last_record_at is None:
        yield InputError(str(path), "no WARC records found (not a WARC file?)")
        return
    # fastwarc stops quietly at a damaged record; what was read before it is
    # kept, and the damage is reported.
    damage = _damage_after(path, last_record_at)
    last_record_whole = damage is None or damage.endswith(_LATER_RECORDS_LOST)
    if isinstance(pending, InputError):
        # The iterator skipped what the oversized record's Content-Length
        # claimed: damage found from there on is that claim, one error says both.
        if damage:
            damage = None
            pending = LimitError(pending.origin, pending.problem + _LATER_RECORDS_LOST)
        yield pending
    elif pending is not None and last_record_whole:
        yield pending
    if damage:
        yield InputError(str(path), damage)


def _damage_after(path: Path, last_record_at: int) -> str | None:
    """Why the bytes from the last readable record on are not a whole record, if they are not."""
    with path.open("rb") as stream:
        size = stream.seek(0, 2)
        stream.seek(last_record_at)
        tail = stream.read(max(0, min(_MAX_TAIL_BYTES, size - last_record_at)))
    if tail[:2] == b"\x1f\x8b":
        member = zlib.decompressobj(wbits=31)
        try:
            # Inflated a piece at a time and dropped: the member may be a bomb.
            pending = tail
            while pending and not member.eof:
                member.decompress(pending, _INFLATE_PIECE)
                pending = member.unconsumed_tail
        except zlib.error as error:
            return f"corrupt gzip data in the WARC after offset {last_record_at} ({error})"
        if not member.eof:
            return f"truncated WARC: the record at offset {last_record_at} is cut off"
        if member.unused_data.strip():
            return f"corrupt or truncated WARC data after offset {last_record_at}" + _LATER_RECORDS_LOST
        return None
    header_end = tail.find(b"\r\n\r\n")
    match = _CONTENT_LENGTH.search(tail[:header_end] if header_end >= 0 else b"")
    if header_end < 0 or match is None:
        return f"truncated WARC: the record at offset {last_record_at} has no complete header"
    record_end = header_end + 4 + int(match.group(1))
    if len(tail) < record_end:
        return f"truncated WARC: the record at offset {last_record_at} is cut off"
    if tail[record_end:].strip():
        return f"corrupt WARC data after offset {last_record_at}" + _LATER_RECORDS_LOST
    return None


def _record_origin(record: object, path: Path) -> str:
    """``FILE#TARGET-URI`` (or the record id, or its offset when it has neither)."""
    headers = record.headers  # type: ignore[attr-defined]
    name = headers.get("WARC-Target-URI") or headers.get("WARC-Record-ID")
    return f"{path}#{storable(name)}" if name else f"{path}@{record.stream_pos}"  # type: ignore[attr-defined]


def _record_to_capture(record: object, path: Path) -> Capture | None:
    headers = record.headers  # type: ignore[attr-defined]
    uri = headers.get("WARC-Target-URI")
    uri = storable(uri) if uri else uri  # a NUL in the header would reach the store in the id
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None or http.status_code != 200:
        return None
    content_type = (http.get("Content-Type") or "").lower()
    if content_type and not content_type.startswith(_HTML_TYPES):
        return None
    body = record.reader.read()  # type: ignore[attr-defined]
    if not uri or not body.strip():
        return None
    return Capture(
        id=uri,
        kind="html",
        origin=f"{path}#{uri}",
        content=body,
        hints=SourceHints(url=uri),
    )
