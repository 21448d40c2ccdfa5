"""``crosswire serve``: the JSON API, the web pages and the Atom feed in one app.

The JSON bodies are exactly what the CLI prints (``crosswire.serialize`` and
``brief_to_dict``), so the API and ``crosswire ... --json`` never drift apart.
The pydantic models below only document those shapes in /openapi.json; the
handlers return the dictionaries as they are, so a field another part of
crosswire adds shows up here without a change.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Depends, FastAPI, Header, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crosswire.corrections import Overlay, mark_facts
from crosswire.editorial import CorrectionError
from crosswire.engine import Engine
from crosswire.errors import InputError, NotFoundError, StoreBusy
from crosswire.interfaces.web import editors, uploads
from crosswire.interfaces.web.access import StoreAccess, reading_engine, store_access
from crosswire.interfaces.web.editing import TOKEN_ENV, WriteRefused, check_token
from crosswire.interfaces.web.listing import DEFAULT_PER_PAGE, MAX_NAME, MAX_PER_PAGE, pages_of, summary_to_dict
from crosswire.interfaces.web.pages import render
from crosswire.interfaces.web.pages import router as pages_router
from crosswire.serialize import article_to_dict, story_to_dict
from crosswire.sources import SourceItem
from crosswire.sources.jsonl import record_to_capture
from crosswire.store import StoryQuery, StorySummary
from crosswire.store.base import StorySort
from crosswire.stories.brief import brief_to_dict

STATIC = Path(__file__).parent / "web" / "static"
#: Records one POST may carry; larger loads belong to ``crosswire ingest``.
MAX_RECORDS = 1000
#: Largest request body accepted, in bytes (``20000000``, ``512K``, ``20M``, ``1G``).
MAX_BODY_ENV = "CROSSWIRE_MAX_BODY"
DEFAULT_MAX_BODY = 20 * 1024 * 1024

#: Every response (pages, JSON, the feed, static files, errors) carries these.
#: The pages use one same-origin stylesheet and no script, image, font or frame.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}

ReadingEngine = Annotated[Engine, Depends(reading_engine)]


# -- documented shapes (contract.md) -------------------------------------------
class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class StoryOut(_Open):
    id: str
    title: str
    articles: list[str]
    independent_sources: int
    first_published: str | None
    last_published: str | None


class CitationOut(_Open):
    article: str
    start: int
    end: int


class KeyPointOut(_Open):
    text: str
    citations: list[CitationOut]


class MentionOut(_Open):
    article: str
    text: str
    value: int | float | str
    qualifier: str | None
    start: int
    end: int


class FactOut(_Open):
    kind: str
    about: str
    value: int | float | str
    status: str
    mentions: list[MentionOut]


class TimelineOut(_Open):
    date: str
    text: str
    citations: list[CitationOut]


class SourceOut(_Open):
    article: str
    publisher: str | None
    via: str | None
    independent: bool


class BriefOut(_Open):
    story: str
    title: str
    key_points: list[KeyPointOut]
    facts: list[FactOut]
    timeline: list[TimelineOut]
    sources: list[SourceOut]


class ArticleOut(_Open):
    id: str
    title: str | None
    published: str | None
    publisher: str | None
    via: str | None
    url: str | None
    story: str | None
    duplicate_of: str | None
    text: str


class SearchHitOut(_Open):
    """One match; the snippet shows the matched words in [brackets]."""

    article: str
    title: str | None
    story: str
    snippet: str
    published: str | None
    publisher: str | None
    story_title: str | None


class IngestReportOut(_Open):
    ingested: int
    duplicates: int
    errors: list[dict[str, str]]


class ErrorOut(_Open):
    error: str


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "Unknown id"}}


# -- JSON API -----------------------------------------------------------------
api = APIRouter(prefix="/api", tags=["api"])


class ListedStoryOut(StoryOut):
    contested: int
    changing: int
    agreed: int
    facts: int
    outlets: list[str]


class StoryPageOut(_Open):
    stories: list[ListedStoryOut]
    total: int
    page: int
    per_page: int
    pages: int
    sort: str


LISTING_DESCRIPTION = (
    "Without parameters: every story, largest first, as a JSON array (the contract's shape), each with "
    "`contested` (facts the independent sources contradict each other on), `changing`, `agreed`, `facts` and "
    "`outlets` added once the story's listing has been computed. With any parameter: one page, as "
    '`{"stories": [...], "total", "page", "per_page", "pages", "sort"}`, `total` counting every matching story. '
    "`since`/`until` keep stories published on or after / on or before a day; `outlet`, `entity` and `place` "
    "keep stories naming it (whole name, any letter case); `contested=true` keeps contested stories only."
)


@api.get(
    "/stories",
    response_model=list[StoryOut] | StoryPageOut,
    summary="Stories: all of them, or one filtered, sorted page",
    description=LISTING_DESCRIPTION,
)
def list_stories(
    request: Request,
    engine: ReadingEngine,
    sort: Annotated[StorySort, Query(description="largest (default), newest or contested first")] = "largest",
    since: Annotated[date | None, Query(description="Published on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="Published on or before this day (YYYY-MM-DD)")] = None,
    outlet: Annotated[str | None, Query(max_length=MAX_NAME, description="An outlet that reported it")] = None,
    entity: Annotated[str | None, Query(max_length=MAX_NAME, description="A person or organisation named")] = None,
    place: Annotated[str | None, Query(max_length=MAX_NAME, description="A place named")] = None,
    contested: Annotated[bool, Query(description="Only stories with contested facts")] = False,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = DEFAULT_PER_PAGE,
) -> JSONResponse:
    if not request.query_params:
        listed = engine.store.story_summaries()
        return JSONResponse([_listed(story_to_dict(story), listed.get(story.id)) for story in engine.stories()])
    query = StoryQuery(
        sort=sort,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        outlet=outlet,
        entity=entity,
        place=place,
        contested_only=contested,
        page=page,
        per_page=per_page,
    )
    listing = engine.list_stories(query)
    pages = pages_of(query, listing.total)
    return JSONResponse(
        {
            "stories": [summary_to_dict(summary) for summary in listing.stories],
            "total": listing.total,
            "page": page,
            "per_page": per_page,
            "pages": pages.pages,
            "sort": sort,
        }
    )


def _listed(story: dict[str, Any], summary: StorySummary | None) -> dict[str, Any]:
    if summary is None:
        return story
    listed = summary_to_dict(summary)
    return {**story, **{key: listed[key] for key in ("contested", "changing", "agreed", "facts", "outlets")}}


@api.get("/stories/{story_id:path}", response_model=BriefOut, responses=NOT_FOUND, summary="A story's brief")
def get_brief(story_id: str, engine: ReadingEngine) -> Response:
    # Each fact with its stable `key` and an editor's `verdict` (null unless marked wrong).
    overlay = Overlay(engine.store.corrections())
    if (target := engine.merged_into(story_id, overlay)) is not None:
        # Merged by an editor into another story: the same answer as the story page, a permanent redirect.
        return RedirectResponse(f"/api/stories/{quote(target, safe='')}", status_code=308)
    brief = engine.brief(story_id)
    return JSONResponse(mark_facts(brief_to_dict(brief), brief.facts, overlay.wrong_facts(story_id)))


@api.get("/articles/{article_id:path}", response_model=ArticleOut, responses=NOT_FOUND, summary="One article")
def get_article(article_id: str, engine: ReadingEngine) -> JSONResponse:
    stored = engine.article(article_id)
    return JSONResponse(article_to_dict(stored.article, story=stored.story_id, duplicate_of=stored.duplicate_of))


@api.get(
    "/search",
    response_model=list[SearchHitOut],
    summary="Full-text search over articles",
    description=(
        "Articles holding every word of `q`, best first, `limit` of them from `offset` (or from page `page`). "
        "The number of all matching articles is in the `X-Total-Count` header."
    ),
)
def search(
    engine: ReadingEngine,
    q: Annotated[str, Query(max_length=500, description="Words to look for")] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
    page: Annotated[int | None, Query(ge=1, description="Page of `limit` results (instead of offset)")] = None,
) -> JSONResponse:
    start = (page - 1) * limit if page is not None else offset
    hits = engine.store.search(q, limit, start) if q.strip() else []
    total = engine.store.count_matches(q) if q.strip() else 0
    body = [
        {"article": h.article_id, "title": h.title, "story": h.story_id, "snippet": h.snippet,
         "published": h.published, "publisher": h.publisher, "story_title": h.story_title}
        for h in hits
    ]  # fmt: skip
    return JSONResponse(body, headers={"X-Total-Count": str(total)})


INGEST_BODY_EXAMPLE = {
    "records": [
        {"id": "a-1", "source": "Example Times", "title": "…", "published": "2024-05-01", "text": "…"},
        {"id": "a-2", "html": "<html>…</html>"},
    ]
}


@api.post(
    "/ingest",
    response_model=IngestReportOut,
    summary="Ingest article records (bearer token required)",
    description=(
        'Body: `{"records": [...]}`, a list of records, or one record. A record is '
        '`{"id", "source", "url", "title", "published", "text"}` and/or `"html"` with the raw page. '
        f"Requires `Authorization: Bearer <{TOKEN_ENV}>`; refused with 403 when the server has no token set. "
        f"A body over the server's limit ({MAX_BODY_ENV}, default {DEFAULT_MAX_BODY // (1024 * 1024)} MiB) "
        f"or with more than {MAX_RECORDS} records is refused with 413."
    ),
    responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut}},
)
def ingest(
    access: Annotated[StoreAccess, Depends(store_access)],
    _: Annotated[None, Depends(require_write_token)],
    payload: Annotated[dict[str, Any] | list[Any], Body(examples=[INGEST_BODY_EXAMPLE])],
) -> JSONResponse:
    records = _records_of(payload)
    if len(records) > MAX_RECORDS:
        return _error(413, f"too many records in one request ({len(records)} > {MAX_RECORDS})")
    return JSONResponse(access.ingest(_captures(records)).as_json())


def require_write_token(authorization: Annotated[str | None, Header()] = None) -> None:
    """Dependency of every write route.

    A dependency (not a check inside the handler) so that it runs before the
    body is validated: a caller without the token gets 401/403, never a 422
    that would tell them about the body first.
    """
    if not os.environ.get(TOKEN_ENV, ""):
        raise WriteRefused(403, f"writes are disabled: set {TOKEN_ENV} on the server to allow writes")
    scheme, _, given = (authorization or "").partition(" ")
    check_token(given if scheme.lower() == "bearer" else None, "missing or wrong bearer token")


def _records_of(payload: dict[str, Any] | list[Any]) -> list[Any]:
    if isinstance(payload, list):
        return payload
    records = payload.get("records")
    return records if isinstance(records, list) else [payload]


def _captures(records: list[Any]) -> list[SourceItem]:
    items: list[SourceItem] = []
    for index, record in enumerate(records):
        origin = f"request record {index}"
        try:
            items.append(record_to_capture(record, origin, default_id=_content_id(record)))
        except InputError as error:
            items.append(error)
    return items


def _content_id(record: Any) -> str:
    """An id for a record that brings none: stable, so re-posting it is a no-op."""
    digest = hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    return f"posted-{digest[:16]}"


def _refusal_response(refusal: WriteRefused) -> JSONResponse:
    response = _error(refusal.status, refusal.message)
    if refusal.status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response


#: What a 503 asks a client to wait before trying a write again.
RETRY_AFTER_SECONDS = 30


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


# -- what every request passes first ------------------------------------------------
_SIZE = re.compile(r"^\s*(\d+)\s*(?:([kmg])(?:i?b)?|b)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
#: Methods that never write; any other method on /api/ needs the write token.
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def parse_size(value: str) -> int:
    """``"20M"`` → 20971520; plain digits are bytes.  Raises ValueError otherwise."""
    match = _SIZE.match(value)
    if match is None:
        raise ValueError(f"not a size in bytes: {value!r} (e.g. 20000000, 512K, 20M)")
    size = int(match.group(1)) * _SIZE_UNITS[(match.group(2) or "").lower()]
    if size <= 0:
        raise ValueError(f"a size must be positive: {value!r}")
    return size


def max_body_from_env(environ: Mapping[str, str] | None = None) -> int:
    """The request body limit from ``CROSSWIRE_MAX_BODY`` (default 20 MiB)."""
    raw = (os.environ if environ is None else environ).get(MAX_BODY_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BODY
    try:
        return parse_size(raw)
    except ValueError as error:
        raise ValueError(f"{MAX_BODY_ENV}: {error}") from None


class SecurityHeaders:
    """ASGI middleware: puts :data:`SECURITY_HEADERS` on every response.

    It wraps the whole application, Starlette's error middleware included, so
    a 500, a 404, a static file and a 413 from :class:`RequestGuard` carry
    them as well as the pages and the JSON.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._headers = [
            (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in SECURITY_HEADERS.items()
        ]
        self._names = {name for name, _ in self._headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(name, value) for name, value in message.get("headers", []) if name.lower() not in self._names]
                message = {**message, "headers": kept + self._headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _BodyTooLarge(Exception):
    pass


class RequestGuard:
    """ASGI middleware: refuses what must not be read, before anything reads it.

    1. A declared ``Content-Length`` over ``max_body`` gets 413 at once: no
       byte of the body is read and no token is checked.
    2. A write (any method but GET/HEAD/OPTIONS under ``/api/``) without the
       write token gets 401/403, again without reading the body.
    3. A body without a length (chunked) is counted as the application reads
       it; past ``max_body`` reading stops and the answer is 413, whatever the
       application was about to say.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = _content_length(headers)
        if declared is not None and declared > self.max_body:
            message = f"request body too large: {declared} bytes, the limit is {self.max_body} bytes"
            await _too_large(scope, message)(scope, receive, send)
            return
        if scope["method"] not in _READ_METHODS and scope["path"].startswith("/api/"):
            try:
                require_write_token(headers.get("authorization"))
            except WriteRefused as refusal:
                await _refusal_response(refusal)(scope, receive, send)
                return

        received = 0
        exceeded = False
        started = False

        async def receive_limited() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    exceeded = True
                    raise _BodyTooLarge
            return message

        async def send_unless_exceeded(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                return  # the 413 below replaces whatever the application answers
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive_limited, send_unless_exceeded)
        except Exception:
            # The application may turn the interrupted read into its own error
            # (a 400, a 500) or let it through; either way the answer is 413.
            if not exceeded or started:
                raise
        if exceeded and not started:
            message = f"request body too large: more than {self.max_body} bytes"
            await _too_large(scope, message)(scope, receive, send)


def _too_large(scope: Scope, message: str) -> Response:
    """413: JSON on the API, a page (the ingest form's answer) everywhere else; nothing was read or stored."""
    if str(scope.get("path", "")).startswith("/api/"):
        return _error(413, message)
    return render(
        "error.html",
        status_code=413,
        title="Upload too large",
        message=f"Nothing was stored: the upload is too large ({message.removeprefix('request body too large: ')}). "
        "Upload fewer or smaller files at a time "
        f"(the limit is set by {MAX_BODY_ENV} on the server), or ingest large collections with `crosswire ingest`.",
    )


def _content_length(headers: Headers) -> int | None:
    # The HTTP server has already refused a malformed or repeated length.
    value = headers.get("content-length")
    return int(value) if value is not None and value.strip().isdigit() else None


class _CrosswireApp(FastAPI):
    max_body: int = DEFAULT_MAX_BODY

    def build_middleware_stack(self) -> ASGIApp:
        # Outside Starlette's ServerErrorMiddleware, so even a 500 has the headers.
        return SecurityHeaders(RequestGuard(super().build_middleware_stack(), self.max_body))


# -- the app --------------------------------------------------------------------
def app_from_environment() -> FastAPI:
    """The app of one worker process of ``crosswire serve --workers N``, over the store in ``CROSSWIRE_DB``."""
    return create_app(os.environ["CROSSWIRE_DB"])


def create_app(db: str, max_body: int | None = None) -> FastAPI:
    """The whole ``crosswire serve`` application over the store at ``db``.

    ``max_body`` is the largest request body accepted, in bytes; by default
    it comes from ``CROSSWIRE_MAX_BODY`` (20 MiB when unset).
    """
    limit = max_body_from_env() if max_body is None else max_body
    if limit <= 0:
        raise ValueError(f"max_body must be positive, not {limit}")
    access = StoreAccess(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = _CrosswireApp(
        title="crosswire",
        summary="Stories, cited briefs and corroborated facts from many news outlets.",
        version="0.1.0",
        lifespan=lifespan,
        # Swagger UI and ReDoc load their scripts from a CDN; the server must
        # work offline, so only the plain /openapi.json is served.
        docs_url=None,
        redoc_url=None,
    )
    app.max_body = limit
    app.state.store_access = access
    # Before the API's catch-all GET /api/stories/{id}, which would take .../corrections.
    app.include_router(editors.api_router)
    app.include_router(api)
    app.include_router(uploads.api_router)
    app.include_router(editors.router)
    app.include_router(pages_router)
    app.include_router(uploads.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(WriteRefused)
    def write_refused(_: Request, refusal: WriteRefused) -> Response:
        return _refusal_response(refusal)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        # A body that is not even JSON fails before any dependency runs; on a
        # write route the token still has to be checked first.
        if request.method == "POST":
            try:
                require_write_token(request.headers.get("authorization"))
            except WriteRefused as refusal:
                return _refusal_response(refusal)
        if request.url.path.startswith("/api/"):
            # The API's own error shape ({"error": ...}, as its 404s and 400s), with FastAPI's detail beside it.
            problems = "; ".join(f"{'.'.join(str(part) for part in e['loc'][1:]) or 'request'}: {e['msg']}"
                                 for e in error.errors())  # fmt: skip
            return JSONResponse({"error": problems, "detail": jsonable_encoder(error.errors())}, status_code=422)
        return await request_validation_exception_handler(request, error)

    @app.exception_handler(CorrectionError)
    def correction_refused(request: Request, error: CorrectionError) -> Response:
        if request.url.path.startswith("/api/"):
            return _error(400, str(error))
        return render("error.html", status_code=400, title="Correction not made", message=str(error))

    @app.exception_handler(StoreBusy)
    def store_busy(request: Request, error: StoreBusy) -> Response:
        # Another process (a long CLI ingest) holds the write lock: nothing was written, the client may retry.
        message = f"the store is busy: {error}; nothing was written, try again later"
        response: Response
        if request.url.path.startswith("/api/"):
            response = _error(503, message)
        else:  # an editor's form or the ingest page: a page saying so, not JSON
            response = render("error.html", status_code=503, title="The store is busy", message=message)
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    @app.exception_handler(NotFoundError)
    def not_found(request: Request, error: NotFoundError) -> Response:
        if request.url.path.startswith("/api/"):
            return _error(404, str(error))
        return render("error.html", status_code=404, title="Not found", message=str(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        # An address no route answers (a mistyped link): a page a reader can go on from, JSON on the API.
        if error.status_code == 404 and not request.url.path.startswith(("/api/", "/static/")):
            message = f"There is no page at {request.url.path}."
            return render("error.html", status_code=404, title="Not found", message=message)
        return await http_exception_handler(request, error)

    return app
