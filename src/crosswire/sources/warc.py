"""WARC archives (e.g. Common Crawl's CC-NEWS): one capture per HTML response.

The article id of a WARC record is its ``WARC-Target-URI`` (contract.md).  The
WARC-Date is when the page was crawled, not published, so it is not used as a
publication date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from crosswire.errors import InputError
from crosswire.model import Capture, SourceHints

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path) -> Iterator[Capture | InputError]:
    seen_any = False
    try:
        with path.open("rb") as stream:
            if not stream.read(1):
                raise InputError(str(path), "file is empty")
            stream.seek(0)
            records = ArchiveIterator(
                stream, record_types=WarcRecordType.response, parse_http=True, verify_digests=False
            )
            for record in records:
                seen_any = True
                capture = _record_to_capture(record, path)
                if capture is not None:
                    yield capture
    except OSError as error:
        # fastwarc reports a truncated or corrupt archive as OSError; what was
        # read before the damage has already been yielded and is kept.
        yield InputError(str(path), f"corrupt or truncated WARC data ({error})")
        return
    if not seen_any:
        yield InputError(str(path), "no WARC response records found (not a WARC file?)")


def _record_to_capture(record: object, path: Path) -> Capture | None:
    headers = record.headers  # type: ignore[attr-defined]
    uri = headers.get("WARC-Target-URI")
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
