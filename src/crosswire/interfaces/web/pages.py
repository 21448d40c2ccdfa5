"""Server-rendered pages: stories, one story's brief, one article, search.

Each page asks the engine for the same dictionaries the JSON API returns and
hands them to a template; the only logic here is arranging them for reading.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

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
from crosswire.model import Article
from crosswire.serialize import story_to_dict
from crosswire.store.base import STORY_SORTS
from crosswire.stories.brief import brief_to_dict
from crosswire.stories.text import sentence_spans

TEMPLATES = Path(__file__).parent / "templates"
#: Search results on one page.
SEARCH_PER_PAGE = 20
#: Reports cited by name beside an agreement; the rest are a link away, in the story's "All facts".
AGREEMENT_CITATIONS = 8
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


def value_text(value: float | str) -> str:
    """A fact's value as a reader writes it: 27, not 27.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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
    env.filters["value_text"] = value_text
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
    return render(
        "stories.html",
        stories=listing.stories,
        filters=query,
        problems=problems,
        pages=pages_of(query, listing.total),
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
    overlay = Overlay(engine.store.corrections())
    if overlay.resolve(story_id) != story_id and not engine.store.story_article_ids(story_id):
        # An editor merged this story into another: its address leads there.
        return RedirectResponse(story_url(overlay.resolve(story_id)), status_code=308)
    shown = engine.story_view(story_id)
    story, brief_model = shown.story, shown.brief
    brief = mark_facts(brief_to_dict(brief_model), brief_model.facts, overlay.wrong_facts(story_id))
    for row, fact in enumerate(brief["facts"], start=1):
        fact["row"] = row  # the fact's row in "All facts", where an agreement's other reports are
        fact["wordings"] = same_wording(fact["mentions"])
    corrections = overlay.story_corrections(story_id)
    articles = {article.id: article for article in shown.articles}
    titles = {article_id: article.title or article_id for article_id, article in articles.items()}
    publishers = {
        article_id: article.publisher or article.via or article_id for article_id, article in articles.items()
    }
    published = {article_id: article.published for article_id, article in articles.items()}
    # Each article's date as the page shows it, written once for the many reports that cite it.
    reported = defaultdict(lambda: UNDATED, {article_id: time_element(when) for article_id, when in published.items()})
    # Independent sources first (each outlet's own headline), then copies.
    sources = sorted(
        brief["sources"], key=lambda source: (not source["independent"], published.get(source["article"]) or "")
    )
    return render(
        "story.html",
        story=story_to_dict(story),
        brief=brief,
        titles=titles,
        publishers=publishers,
        published=published,
        reported=reported,
        sources=sources,
        contested=contested_facts(brief["facts"], published),
        agreements=[fact for fact in brief["facts"] if fact.get("status") == "agree" and not fact.get("verdict")],
        citations_shown=AGREEMENT_CITATIONS,
        marked_wrong=[fact for fact in brief["facts"] if fact.get("verdict")],
        contested_only=view == "contested",
        corrections=corrections,
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


UNDATED = Markup('<span class="muted">undated</span>')


def time_element(published: str | None) -> Markup:
    """``<time>`` of a publication date, readable, with its machine form; "undated" without one."""
    if not published:
        return UNDATED
    return Markup('<time datetime="{}">{}</time>').format(machine_date(published), readable_date(published))


def same_wording(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A fact's reports grouped by their exact words and value, in order of first report: a wire
    sentence that thirty outlets printed is one line naming the thirty, not thirty copies of it;
    each article once, at its first report."""
    wordings: dict[tuple[str, str], dict[str, Any]] = {}
    for mention in mentions:
        wording = wordings.setdefault(
            (mention["text"], str(mention["value"])),
            {"text": mention["text"], "value": mention["value"], "qualifier": mention.get("qualifier"),
             "attribution": mention.get("attribution"), "reports": []},
        )  # fmt: skip
        if all(report["article"] != mention["article"] for report in wording["reports"]):
            wording["reports"].append(mention)  # an article repeating its own words is cited once
    return list(wordings.values())


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
    number = int(page) if page.isdigit() and int(page) >= 1 else 1
    total = engine.store.count_matches(query) if query else 0
    hits = engine.store.search(query, SEARCH_PER_PAGE, (number - 1) * SEARCH_PER_PAGE) if query else []
    results = [{"hit": hit, "pieces": snippet_pieces(hit.snippet)} for hit in hits]
    return render(
        "search.html",
        query=query,
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


def contested_facts(facts: list[dict[str, Any]], published: dict[str, str | None]) -> list[dict[str, Any]]:
    """The facts the sources contradict each other on (not figures that changed over time), each
    with its wordings side by side (see :func:`same_wording`), reports in publication order."""
    contested = []
    for fact in facts:
        if fact.get("status") != "conflict" or fact.get("changing") or fact.get("verdict"):
            continue
        reports = sorted(
            fact.get("mentions", []), key=lambda m: (published.get(m["article"]) or "", m["article"], m["start"])
        )
        contested.append({"fact": fact, "sides": same_wording(reports)})
    return contested
