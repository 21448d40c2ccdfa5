"""Server-rendered pages: stories, one story's brief, one article, search.

Each page asks the engine for the same dictionaries the JSON API returns and
hands them to a template; the only logic here is arranging them for reading.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from crosswire.corrections import Overlay, mark_facts
from crosswire.engine import Engine
from crosswire.interfaces.web.access import reading_engine
from crosswire.interfaces.web.dates import machine_date, readable_date
from crosswire.interfaces.web.editing import writes_enabled
from crosswire.interfaces.web.feed import stories_feed
from crosswire.interfaces.web.highlight import article_pieces, parse_span, search_terms, snippet_pieces, span_anchor
from crosswire.interfaces.web.links import http_url
from crosswire.interfaces.web.listing import (
    DEFAULT_PER_PAGE,
    list_url,
    pages_of,
    paging,
    parse_story_query,
    query_params,
)
from crosswire.interfaces.web.story_page import (
    OUTLETS_SHOWN,
    VALUES_SHOWN,
    contested_facts,
    fact_names,
    outlet_label,
    outlet_rows,
    reported_times,
    shape_facts,
)
from crosswire.model import Article
from crosswire.serialize import story_to_dict
from crosswire.store.base import STORY_SORTS
from crosswire.stories.brief import brief_to_dict
from crosswire.stories.text import sentence_spans

TEMPLATES = Path(__file__).parent / "templates"
#: Search results on one page.
SEARCH_PER_PAGE = 20
#: Longest search accepted, in characters.
MAX_QUERY = 500

router = APIRouter(include_in_schema=False)
ReadingEngine = Annotated[Engine, Depends(reading_engine)]


@lru_cache(maxsize=65536)
def _article_path(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='')}"


def article_url(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """The article page, with the cited span highlighted and scrolled to when given."""
    url = _article_path(article_id)
    if start is not None and end is not None:
        url += f"?hl={start}-{end}#{span_anchor(start, end)}"
    return url


def found_url(article_id: str, query: str) -> str:
    """An article reached from a search: its page with the search's words marked, scrolled to the first."""
    return f"/articles/{quote(article_id, safe='')}?{urlencode({'q': query})}#t-1"


def story_url(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


class _PageEnvironment(Environment):
    """Jinja with ``fact.about`` read from a dict as a key first.

    The pages render the briefs' JSON shapes, dicts of hundreds of mentions; Jinja's own lookup
    tries an attribute first and reaches the key only through a raised AttributeError, which was
    a third of a story page's time.  A dict's own methods (``publishers.get``) stay methods, so an
    article whose id is "get" cannot change what a template calls.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_METHODS:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_DICT_METHODS = frozenset(dir(dict))


def _environment() -> Environment:
    env = _PageEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(article_url=article_url, story_url=story_url, found_url=found_url)
    # Every outside URL goes through this filter before it may be an href:
    # ``{% set href = url | http_url %}{% if href %}<a href="{{ href }}">...``
    env.filters["http_url"] = http_url
    env.filters["readable_date"] = readable_date
    env.filters["machine_date"] = machine_date
    return env


templates = _environment()


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code)


#: Names offered as suggestions in the story list's filter form.
FILTER_SUGGESTIONS = 300


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, engine: ReadingEngine) -> HTMLResponse:
    query, problems = parse_story_query(request.query_params)
    listing = engine.list_stories(query)
    pages = pages_of(query, listing.total)
    return render(
        "stories.html",
        stories=listing.stories,
        filters=query,
        problems=problems,
        pages=pages,
        last_page_url=list_url(query, page=pages.pages),
        filtered=query_params(replace(query, page=1, sort="largest", per_page=DEFAULT_PER_PAGE)) != {},
        sorts=[(sort, list_url(query, sort=sort, page=1)) for sort in STORY_SORTS],
        outlets=sorted(engine.store.story_terms("outlet", FILTER_SUGGESTIONS), key=str.casefold),
        entities=engine.store.story_terms("entity", FILTER_SUGGESTIONS),
        places=engine.store.story_terms("place", FILTER_SUGGESTIONS),
    )


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story_page(
    story_id: str,
    engine: ReadingEngine,
    view: Annotated[str, Query(description="'contested' shows only what the sources disagree on")] = "",
) -> Response:
    if story_id.endswith("/") and story_id.strip("/"):
        return RedirectResponse(story_url(story_id.rstrip("/")), status_code=308)  # "/stories/s-1/": the story
    overlay = Overlay(engine.store.corrections())
    if (target := engine.merged_into(story_id, overlay)) is not None:
        return RedirectResponse(story_url(target), status_code=308)  # its address leads where it was merged
    shown = engine.story_view(story_id)
    story, brief_model = shown.story, shown.brief
    brief = mark_facts(brief_to_dict(brief_model), brief_model.facts, overlay.wrong_facts(story_id))
    shape_facts(brief["facts"])
    corrections = overlay.story_corrections(story_id)
    titles = {article.id: article.title or article.id for article in shown.articles}
    outlets = {article.id: outlet_label(article) for article in shown.articles}
    published = {article.id: article.published for article in shown.articles}
    # Each outlet's own headline first, one row per outlet; copies and republications apart.
    outlet_table, copies = outlet_rows(brief["sources"], published, outlets)
    return render(
        "story.html",
        story=story_to_dict(story),
        brief=brief,
        titles=titles,
        publishers=outlets,
        reported=reported_times(published),
        outlets=outlet_table,
        copies=copies,
        contested=contested_facts(brief["facts"], published),
        agreements=[fact for fact in brief["facts"] if fact.get("status") == "agree" and not fact.get("verdict")],
        outlets_shown=OUTLETS_SHOWN,
        values_shown=VALUES_SHOWN,
        marked_wrong=[fact for fact in brief["facts"] if fact.get("verdict")],
        contested_only=view == "contested",
        corrections=corrections,
        fact_names=fact_names(brief["facts"]),
        last_correction=corrections[-1] if corrections else None,
        editing=writes_enabled(),
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(
    article_id: str,
    engine: ReadingEngine,
    hl: Annotated[list[str] | None, Query(description="Spans to highlight, START-END")] = None,
    q: Annotated[str, Query(max_length=MAX_QUERY, description="Search words to mark")] = "",
) -> HTMLResponse:
    stored = engine.article(article_id)
    article = stored.article
    spans = [span for span in (parse_span(value) for value in hl or []) if span is not None]
    pieces, top_anchors = article_pieces(article.text, spans, _sentences(article), search_terms(q))
    return render(
        "article.html",
        article=article,
        story_id=stored.story_id,
        story_title=_story_title(engine, stored.story_id),
        duplicate_of=stored.duplicate_of,
        pieces=pieces,
        top_anchors=top_anchors,
        search=q.strip(),
        terms_found=any(piece.term for piece in pieces),
    )


def _sentences(article: Article) -> list[tuple[int, int]]:
    if article.annotations is not None and article.annotations.sentences:
        return [(s.start, s.end) for s in article.annotations.sentences]
    return sentence_spans(article.text)


def _story_title(engine: Engine, story_id: str) -> str:
    listed = engine.store.story_summaries([story_id]).get(story_id)
    return listed.title if listed is not None else engine.story(story_id).title


@router.get("/search", response_class=HTMLResponse)
def search_page(engine: ReadingEngine, q: str = "", page: str = "") -> HTMLResponse:
    query = q.strip()[:MAX_QUERY]
    if len(q.strip()) > MAX_QUERY:
        query = query.rsplit(" ", 1)[0] if " " in query else query  # cut at a word, never inside one
    number = int(page) if page.isdigit() and int(page) >= 1 else 1
    total = engine.store.count_matches(query) if query else 0
    hits = engine.store.search(query, SEARCH_PER_PAGE, (number - 1) * SEARCH_PER_PAGE) if query else []
    results = [{"hit": hit, "pieces": snippet_pieces(hit.snippet)} for hit in hits]
    return render(
        "search.html",
        query=query,
        cut=len(q.strip()) > MAX_QUERY,
        max_query=MAX_QUERY,
        results=results,
        pages=paging(number, SEARCH_PER_PAGE, total, lambda n: search_url(query, n)),
    )


def search_url(query: str, page: int = 1) -> str:
    params = {"q": query, **({"page": str(page)} if page > 1 else {})}
    return f"/search?{urlencode(params)}"


@router.get("/feeds/stories.atom")
def stories_atom(request: Request, engine: ReadingEngine) -> Response:
    body = stories_feed(engine.stories(), str(request.base_url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")
