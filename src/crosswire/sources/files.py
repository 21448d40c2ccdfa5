"""Walk files and directories and hand each file to the reader for its format."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from crosswire.errors import InputError
from crosswire.model import Article, Capture
from crosswire.sources.chars import has_surrogates, storable, without_surrogates
from crosswire.sources.limits import FILE_BYTES, ITEM_BYTES, Limit

#: What a reader yields: raw captures, already-processed articles (Parquet from
#: ``crosswire batch``), or the error that took an item's place.
SourceItem = Capture | Article | InputError
Reader = Callable[[Path], Iterator[SourceItem]]

#: Files that are never inputs (editor droppings, our own notes beside a corpus).
_IGNORED_NAMES = {".DS_Store", "README.md", "EXPECTED.json"}


def iter_sources(paths: Iterable[str | Path]) -> Iterator[SourceItem]:
    """Yield captures (or errors) for every input file under ``paths``, in a
    stable order: the files of a directory sorted by name."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            children = [
                child
                for child in sorted(p for p in path.rglob("*") if p.is_file())
                if child.name not in _IGNORED_NAMES and not child.name.startswith(".")
            ]
            # The part files of a `crosswire batch` output are one stream in
            # input order, not files to read one after another by name.
            parts = [child for child in children if child.suffix.lower() == ".parquet" and _name_error(child) is None]
            if parts:
                from crosswire.sources.parquet import read_parquet_files

                yield from read_parquet_files(parts)
            in_parts = set(parts)
            for child in children:
                if child not in in_parts:
                    yield from _read_file(child)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield InputError(_shown(path), "no such file or directory")


def reader_for(path: Path) -> Reader | None:
    """The reader for a file, chosen by its extension (``.gz`` looked through)."""
    from crosswire.sources import feeds, jsonl, pages, parquet, warc

    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return warc.read_warc
    if name.endswith(".gz"):
        name = name[: -len(".gz")]
    suffix = Path(name).suffix
    readers: dict[str, Reader] = {
        ".html": pages.read_html,
        ".htm": pages.read_html,
        ".txt": pages.read_capture,
        ".jsonl": jsonl.read_jsonl,
        ".xml": feeds.read_feed,
        ".rss": feeds.read_feed,
        ".atom": feeds.read_feed,
        ".parquet": parquet.read_parquet,
    }
    return readers.get(suffix)


def _read_file(path: Path) -> Iterator[SourceItem]:
    name_error = _name_error(path)
    if name_error is not None:
        yield name_error
        return
    reader = reader_for(path)
    if reader is None:
        suffix = "".join(path.suffixes) or "(none)"
        yield InputError(
            str(path),
            f"unknown file type {suffix!r}: expected .html, .htm, .txt, .jsonl, .xml, .rss, .atom, .warc "
            "(any of them optionally .gz) or .parquet",
        )
        return
    try:
        yield from reader(path)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(str(path), f"cannot read file: {error.strerror or error}")


def _name_error(path: Path) -> InputError | None:
    """The error for a file whose name is not valid UTF-8, or None.

    Python keeps such a name's bytes as lone surrogates, which would reach
    the article's id and origin and stop the ingest at the store.
    """
    if not has_surrogates(str(path)):
        return None
    return InputError(_shown(path), "the file name is not valid UTF-8: rename the file (or its folder)")


def _shown(path: Path) -> str:
    """``path`` as text that can be printed, an undecodable byte of its name as ``\\xe9``."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate not from an undecodable byte
        return without_surrogates(str(path))


def read_bytes(path: Path, limit: Limit = ITEM_BYTES) -> bytes:
    """The file's bytes, un-gzipped when its name ends in ``.gz``.

    ``limit`` caps the bytes read (a page is one item, a feed a whole file);
    gzip data is decompressed only up to the cap (and never past
    ``FILE_BYTES``), so a gzip bomb costs no more memory than the cap.

    Raises :class:`InputError` for an empty file, a truncated/corrupt gzip or
    a file over the limit.
    """
    cap = limit.value()
    if path.name.lower().endswith(".gz"):
        if limit is not FILE_BYTES and FILE_BYTES.value() < cap:
            limit, cap = FILE_BYTES, FILE_BYTES.value()
        with path.open("rb") as raw, gzip.GzipFile(fileobj=raw, mode="rb") as stream:
            try:
                data = stream.read(cap + 1)
            except (EOFError, OSError, zlib.error) as error:
                raise InputError(str(path), f"corrupt or truncated gzip data ({error})") from error
        if len(data) > cap:
            raise limit.error(str(path), "decompressed size", limit=cap)
    else:
        size = path.stat().st_size
        if size > cap:
            raise limit.error(str(path), "file", size, cap)
        data = path.read_bytes()
    if not data.strip():
        raise InputError(str(path), "file is empty")
    return data


class CappedStream:
    """A file read line by line, un-gzipped when its name ends in ``.gz``.

    What is decompressed from a gzip file is counted, and reading past
    ``FILE_BYTES`` raises a :class:`~crosswire.errors.LimitError`; damaged
    gzip data raises an :class:`InputError`.  Plain files are not capped as a
    whole: only one line at a time is held.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._raw: BinaryIO = path.open("rb")
        self._gzip = path.name.lower().endswith(".gz")
        self._stream: BinaryIO = self._raw
        if self._gzip:
            self._stream = cast(BinaryIO, gzip.GzipFile(fileobj=self._raw, mode="rb"))
        self._cap = FILE_BYTES.value()
        self.position = 0  # bytes read so far (decompressed)

    def readline(self, size: int) -> bytes:
        if self._gzip:  # never inflate more than one byte past the cap
            size = min(size, self._cap - self.position + 1)
        try:
            line = self._stream.readline(size)
        except (EOFError, OSError, zlib.error) as error:
            if not self._gzip:
                raise
            raise InputError(str(self.path), f"corrupt or truncated gzip data ({error})") from error
        self.position += len(line)
        if self._gzip and self.position > self._cap:
            raise FILE_BYTES.error(str(self.path), "decompressed size", limit=self._cap)
        return line

    def close(self) -> None:
        self._stream.close()
        self._raw.close()

    def __enter__(self) -> CappedStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def decode_text(data: bytes, origin: str) -> str:
    """Decode text that must be UTF-8, with a specific error when it is not.

    NUL bytes in the first 4 KB make it binary; a NUL later on becomes U+FFFD.
    """
    if b"\x00" in data[:4096]:
        raise InputError(origin, "binary content (NUL bytes), not text")
    try:
        return storable(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputError(origin, f"invalid UTF-8 at byte {error.start}: save the file as UTF-8") from error
