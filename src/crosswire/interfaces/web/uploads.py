"""The ingest page (``/ingest``) and ``POST /api/ingest/files``: uploaded files, ingested one by one.

Each uploaded file is written under its own base name into a temporary
directory (removed when the request ends, whatever happens) and ingested as
``crosswire ingest FILE`` would: the article id of a page is its file name,
so uploading the same file again changes nothing.  Parquet part files of one
upload are read together, as the folder ``crosswire batch`` wrote.  Each file
gets its own result: articles added, duplicates, the stories they joined, and
the engine's errors with the file's name in place of the temporary path.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Annotated, Any, BinaryIO

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from crosswire.engine import Engine
from crosswire.errors import InputError
from crosswire.interfaces.web.access import StoreAccess, store_access
from crosswire.interfaces.web.editing import TOKEN_ENV, TOKEN_FIELD, WriteRefused, check_form_write, writes_enabled
from crosswire.interfaces.web.pages import render
from crosswire.model import Article, Capture
from crosswire.sources import SourceItem, iter_sources

#: Files one upload may hold (the body limit, CROSSWIRE_MAX_BODY, caps their size).
MAX_FILES = 200
#: What the file chooser offers; anything else is still tried and refused by name if unknown.
ACCEPTED = ".html,.htm,.txt,.jsonl,.xml,.rss,.atom,.warc,.gz,.parquet"
_PARQUET_FOLDER = "parquet-parts"

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"])


@dataclass
class FileResult:
    """What ingesting one uploaded file (or the Parquet parts of one upload) did."""

    name: str
    ingested: int = 0
    duplicates: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    #: The stories the new articles are in: ``{"id", "title"}``.
    stories: list[dict[str, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def upload_name(raw: str | None) -> str | None:
    """The base name an uploaded file is stored and known by; None when it has no usable one."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if not name or name.startswith(".") or len(name.encode("utf-8")) > 200:
        return None
    return name


def ingest_uploads(access: StoreAccess, uploads: list[tuple[str, BinaryIO]]) -> list[FileResult]:
    """Store each upload in a temporary directory and ingest it; the directory is always removed."""
    results: list[FileResult] = []
    with tempfile.TemporaryDirectory(prefix="crosswire-upload-") as temporary:
        root = Path(temporary)
        units: list[tuple[FileResult, Path]] = []
        parquet: FileResult | None = None
        for index, (raw, stream) in enumerate(uploads):
            name = upload_name(raw)
            if name is None:
                shown = raw or "(no name)"
                results.append(FileResult(shown, errors=[{"path": shown, "error": "the file has no usable name"}]))
                continue
            is_parquet = name.lower().endswith(".parquet")
            folder = root / (_PARQUET_FOLDER if is_parquet else str(index))
            folder.mkdir(exist_ok=True)
            target = folder / name
            if target.exists():
                results.append(FileResult(name, errors=[{"path": name, "error": "uploaded twice in one request"}]))
                continue
            with target.open("wb") as out:
                shutil.copyfileobj(stream, out)
            if not is_parquet:
                results.append(FileResult(name))
                units.append((results[-1], target))
            elif parquet is None:
                parquet = FileResult(name)
                results.append(parquet)
                units.append((parquet, folder))
            else:
                parquet.name += f", {name}"
        for result, path in units:
            prefix = str(path.parent if path.is_file() else path) + os.sep
            items = [_relabelled(item, prefix) for item in iter_sources([path])]
            access.write(partial(_ingest_into, items=items, result=result))
    return results


def _ingest_into(engine: Engine, items: list[SourceItem], result: FileResult) -> None:
    report = engine.ingest_items(items)
    result.ingested = report.ingested
    result.duplicates = report.duplicates
    result.skipped = report.skipped
    result.errors = report.errors
    story_ids = sorted({stored.story_id for stored in engine.store.get_articles(report.article_ids)})
    listed = engine.store.story_summaries(story_ids)
    result.stories = [
        {"id": story_id, "title": listed[story_id].title if story_id in listed else story_id} for story_id in story_ids
    ]


def _relabelled(item: SourceItem, prefix: str) -> SourceItem:
    """The item with the temporary directory taken out of its origin (and its error message)."""
    if isinstance(item, InputError):
        return InputError(item.origin.replace(prefix, ""), item.problem.replace(prefix, ""))
    if isinstance(item, (Capture, Article)):
        return replace(item, origin=item.origin.replace(prefix, ""))
    return item


def _uploaded_files(form: FormData) -> list[UploadFile]:
    return [value for value in form.getlist("files") if isinstance(value, UploadFile) and value.filename]


def _totals(results: list[FileResult]) -> dict[str, Any]:
    return {
        "ingested": sum(r.ingested for r in results),
        "duplicates": sum(r.duplicates for r in results),
        "errors": [error for r in results for error in r.errors],
    }


# -- the page --------------------------------------------------------------------------------
def _page(status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("enabled", writes_enabled())
    context.setdefault("token_env", TOKEN_ENV)
    context.setdefault("accepted", ACCEPTED)
    context.setdefault("max_files", MAX_FILES)
    return render("ingest.html", status_code=status, **context)


def size_text(size: int) -> str:
    """A byte count as a reader reads it: 20971520 → "20 MB", 512000 → "500 KB"."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> HTMLResponse:
    if not writes_enabled():
        return _page(403, refusal=f"Uploads are turned off: this server has no write token ({TOKEN_ENV}).")
    # The server's body limit, said before a reader picks files (an upload over it is refused with 413).
    max_body = getattr(request.app, "max_body", None)
    return _page(limit=size_text(max_body) if isinstance(max_body, int) else None)


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_upload(request: Request, access: Annotated[StoreAccess, Depends(store_access)]) -> Response:
    async with request.form(max_files=MAX_FILES, max_fields=20) as form:
        token = form.get(TOKEN_FIELD)
        try:
            check_form_write(request.headers, token if isinstance(token, str) else None)
        except WriteRefused as refusal:
            return _page(refusal.status, refusal=_refusal_text(refusal))
        files = _uploaded_files(form)
        if not files:
            return _page(400, problem="Choose at least one file to upload.")
        uploads = [(upload.filename or "", upload.file) for upload in files]
        results = await run_in_threadpool(ingest_uploads, access, uploads)
    return _page(results=results, totals=_totals(results))


def _refusal_text(refusal: WriteRefused) -> str:
    if refusal.status == 401:
        return "The write token is missing or wrong: nothing was stored. Type the token the server's operator gave you."
    return f"Refused: {refusal.message}. Nothing was stored."


# -- the same as JSON ----------------------------------------------------------------------------
@api_router.post(
    "/ingest/files",
    summary="Ingest uploaded files (bearer token required)",
    description=(
        "A `multipart/form-data` body with one or more `files` parts: HTML pages, `.txt` captures, "
        "`.jsonl` records, RSS/Atom `.xml`, `.warc`/`.warc.gz`, `crosswire batch` Parquet parts (read together). "
        f"Requires `Authorization: Bearer <{TOKEN_ENV}>`. Answers "
        '`{"files": [{"name", "ingested", "duplicates", "skipped", "errors", "stories": [{"id", "title"}]}], '
        '"ingested", "duplicates", "errors"}`; a body over the server\'s limit is refused with 413.'
    ),
)
async def ingest_files(request: Request, access: Annotated[StoreAccess, Depends(store_access)]) -> JSONResponse:
    async with request.form(max_files=MAX_FILES, max_fields=20) as form:
        files = _uploaded_files(form)
        if not files:
            return JSONResponse({"error": "no file in the body: send multipart/form-data with 'files' parts"}, 400)
        results = await run_in_threadpool(ingest_uploads, access, [(f.filename or "", f.file) for f in files])
    return JSONResponse({"files": [r.as_json() for r in results], **_totals(results)})
