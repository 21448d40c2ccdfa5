"""The story list's query string: read leniently for the page, and the links between its pages.

The JSON API validates the same parameters strictly (FastAPI answers 422);
a person typing into the page's form gets the list with a note on what was
left out instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from crosswire.model import StorySummary
from crosswire.serialize import story_to_dict
from crosswire.store.base import STORY_SORTS, StoryQuery, StorySort

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 200
#: Longest filter name read from a query string.
MAX_NAME = 200


def summary_to_dict(summary: StorySummary) -> dict[str, Any]:
    """A story as ``GET /api/stories`` lists it: the contract's fields, then the listing's."""
    return {
        **story_to_dict(summary),
        "contested": summary.contested,
        "changing": summary.changing,
        "agreed": summary.agreed,
        "facts": summary.facts,
        "outlets": list(summary.outlets),
    }


def iso_day(value: str) -> str | None:
    """``"2024-03-12"`` when ``value`` is a real ISO day, else None."""
    try:
        return date.fromisoformat(value.strip()).isoformat() if len(value.strip()) == 10 else None
    except ValueError:
        return None


def parse_story_query(params: Mapping[str, str]) -> tuple[StoryQuery, list[str]]:
    """The listing asked for by a query string, and what in it could not be used (left out)."""
    problems: list[str] = []
    sort_text = params.get("sort", "").strip() or "largest"
    sort: StorySort = "largest"
    for known in STORY_SORTS:
        if sort_text == known:
            sort = known
    if sort_text != sort:
        problems.append(f"unknown order {sort_text!r}: largest first")
    days: dict[str, str | None] = {}
    for name in ("since", "until"):
        raw = params.get(name, "").strip()
        days[name] = iso_day(raw) if raw else None
        if raw and days[name] is None:
            problems.append(f"{name}: {raw!r} is not a date (YYYY-MM-DD)")
    names = {name: (params.get(name, "").strip()[:MAX_NAME] or None) for name in ("outlet", "entity", "place")}
    page = _positive(params.get("page", ""), 1, "page", problems)
    per_page = min(_positive(params.get("per_page", ""), DEFAULT_PER_PAGE, "per_page", problems), MAX_PER_PAGE)
    query = StoryQuery(
        sort=sort,
        since=days["since"],
        until=days["until"],
        contested_only=params.get("contested", "") not in ("", "0", "false"),
        page=page,
        per_page=per_page,
        **names,
    )
    return query, problems


def _positive(raw: str, default: int, name: str, problems: list[str]) -> int:
    raw = raw.strip()
    if not raw:
        return default
    if raw.isdigit() and int(raw) >= 1:
        return int(raw)
    problems.append(f"{name}: {raw!r} is not a whole number from 1 up")
    return default


def query_params(query: StoryQuery) -> dict[str, str]:
    """The query string of ``query``, leaving out what is the default."""
    params = {
        "sort": query.sort if query.sort != "largest" else "",
        "since": query.since or "",
        "until": query.until or "",
        "outlet": query.outlet or "",
        "entity": query.entity or "",
        "place": query.place or "",
        "contested": "1" if query.contested_only else "",
        "per_page": str(query.per_page) if query.per_page not in (None, DEFAULT_PER_PAGE) else "",
        "page": str(query.page) if query.page > 1 else "",
    }
    return {key: value for key, value in params.items() if value}


def list_url(query: StoryQuery, **changes: Any) -> str:
    params = query_params(replace(query, **changes))
    return "/" + (f"?{urlencode(params)}" if params else "")


@dataclass(frozen=True, slots=True)
class Pages:
    """Where one page of a listing sits among all of them, with the links to its neighbours."""

    page: int
    pages: int
    total: int
    first: int
    last: int
    previous_url: str | None
    next_url: str | None
    #: Numbered links: the first and last page and those near this one, (number, url); url None for this
    #: page, number 0 for a gap ("…").
    numbered: tuple[tuple[int, str | None], ...] = ()


def pages_of(query: StoryQuery, total: int) -> Pages:
    """Where the story list's page sits, linking to the same filters on its neighbours."""
    return paging(query.page, query.per_page or max(total, 1), total, lambda page: list_url(query, page=page))


def paging(page: int, per_page: int, total: int, url_of: Callable[[int], str]) -> Pages:
    pages = max(1, math.ceil(total / per_page))
    first = (page - 1) * per_page + 1
    last = min(total, page * per_page)
    return Pages(
        page=page,
        pages=pages,
        total=total,
        first=first if last >= first else 0,
        last=last,
        previous_url=url_of(min(page - 1, pages)) if page > 1 else None,
        next_url=url_of(page + 1) if page < pages else None,
        numbered=_numbered(page, pages, url_of),
    )


#: Pages linked by number on each side of the current one.
NEAR_PAGES = 2


def _numbered(page: int, pages: int, url_of: Callable[[int], str]) -> tuple[tuple[int, str | None], ...]:
    """1 … 4 5 [6] 7 8 … 57: the first and last pages and those near this one, with gaps marked by 0."""
    if pages <= 1:
        return ()
    shown = sorted({1, pages, *range(max(1, page - NEAR_PAGES), min(pages, page + NEAR_PAGES) + 1)})
    links: list[tuple[int, str | None]] = []
    for number in shown:
        if links and number > links[-1][0] + 1:
            links.append((0, None))
        links.append((number, None if number == page else url_of(number)))
    return tuple(links)
