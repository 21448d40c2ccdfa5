"""The story listing's tables and queries, shared by the SQL stores.

A story's listing row (:class:`StorySummary`) is written by the engine each
time the story changes, so that filtering, ordering, counting and paging
happen in one SQL query instead of in Python over every article.  The SQL
here is plain enough for SQLite and PostgreSQL alike; only the parameter
mark differs (``?`` or ``%s``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from crosswire.model import StorySummary
from crosswire.store.base import StoryQuery, term_key

#: Migration 2 of both stores: the listing row of each story and the names it can be filtered by.
STORY_TABLES = """
    CREATE TABLE IF NOT EXISTS stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        articles TEXT NOT NULL,
        article_count INTEGER NOT NULL,
        independent_sources INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT,
        first_day TEXT,
        last_day TEXT,
        contested INTEGER NOT NULL,
        changing INTEGER NOT NULL,
        agreed INTEGER NOT NULL,
        facts INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS stories_size ON stories(independent_sources, article_count);
    CREATE INDEX IF NOT EXISTS stories_last ON stories(last_published);
    CREATE INDEX IF NOT EXISTS stories_contested ON stories(contested);
    CREATE TABLE IF NOT EXISTS story_terms (
        kind TEXT NOT NULL,
        term TEXT NOT NULL,
        story_id TEXT NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (kind, term, story_id)
    );
    CREATE INDEX IF NOT EXISTS story_terms_story ON story_terms(story_id)
"""

#: Migration 4 of both stores: each story's brief as the engine wrote it, with the articles it was written
#: from, so that a story page reads it instead of corroborating every article again (JSON of ``Brief``).
BRIEF_TABLE = """
    CREATE TABLE IF NOT EXISTS story_briefs (
        story_id TEXT PRIMARY KEY,
        articles TEXT NOT NULL,
        brief TEXT NOT NULL
    )
"""
BRIEF_SQL = "SELECT articles, brief FROM story_briefs WHERE story_id = {mark}"


def brief_insert(mark: str) -> str:
    return f"INSERT INTO story_briefs (story_id, articles, brief) VALUES ({mark}, {mark}, {mark})"


STORY_COLUMNS = (
    "id, title, articles, independent_sources, first_published, last_published, contested, changing, agreed, facts"
)
_INSERT_COLUMNS = STORY_COLUMNS + ", article_count, first_day, last_day"
ALL_SUMMARIES_SQL = f"SELECT {STORY_COLUMNS} FROM stories"

#: ``ORDER BY`` of each sort; ties fall back to the id so that pages never overlap.
_ORDER = {
    "largest": "independent_sources DESC, article_count DESC, coalesce(first_published, '') ASC, id ASC",
    "newest": "CASE WHEN last_published IS NULL THEN 1 ELSE 0 END, last_published DESC, "
    "independent_sources DESC, id ASC",
    "contested": "contested DESC, independent_sources DESC, article_count DESC, id ASC",
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

#: Stories whose listing row is missing or was computed for another number of articles, or whose brief
#: is not stored (a store written before briefs were kept).
STALE_STORIES_SQL = (
    "SELECT a.story_id FROM (SELECT story_id, count(*) AS n FROM articles GROUP BY story_id) a "
    "LEFT JOIN stories s ON s.id = a.story_id LEFT JOIN story_briefs b ON b.story_id = a.story_id "
    "WHERE s.id IS NULL OR s.article_count <> a.n OR b.story_id IS NULL"
)


def day_of(published: str | None) -> str | None:
    """``2024-03-12T08:00:00`` → ``2024-03-12``; None when it does not start with a day."""
    match = _DAY.match(published or "")
    return match.group(0) if match else None


def story_insert(mark: str) -> str:
    marks = ", ".join([mark] * len(_INSERT_COLUMNS.split(",")))
    return f"INSERT INTO stories ({_INSERT_COLUMNS}) VALUES ({marks})"


def summary_deletes(mark: str) -> tuple[str, str]:
    """The two ``DELETE`` statements that take one story's listing row and its names away."""
    return f"DELETE FROM stories WHERE id = {mark}", f"DELETE FROM story_terms WHERE story_id = {mark}"


def term_insert(mark: str) -> str:
    return f"INSERT INTO story_terms (kind, term, story_id, label) VALUES ({mark}, {mark}, {mark}, {mark})"


def summary_row(summary: StorySummary) -> tuple[Any, ...]:
    return (
        summary.id, summary.title, json.dumps(list(summary.articles)), summary.independent_sources,
        summary.first_published, summary.last_published, summary.contested, summary.changing, summary.agreed,
        summary.facts, len(summary.articles), day_of(summary.first_published), day_of(summary.last_published),
    )  # fmt: skip


def term_rows(summary: StorySummary) -> list[tuple[str, str, str, str]]:
    """One row per distinct name of each kind (the first spelling seen is its label)."""
    rows: dict[tuple[str, str], str] = {}
    for kind, names in (("outlet", summary.outlets), ("entity", summary.entities), ("place", summary.places)):
        for name in names:
            key = term_key(name)
            if key:
                rows.setdefault((kind, key), " ".join(name.split()))
    return [(kind, key, summary.id, label) for (kind, key), label in rows.items()]


def row_to_summary(row: tuple[Any, ...] | Any, outlets: tuple[str, ...] = ()) -> StorySummary:
    (story_id, title, articles, independent, first, last, contested, changing, agreed, facts) = row
    return StorySummary(
        id=str(story_id), title=str(title), articles=tuple(json.loads(articles)),
        independent_sources=int(independent), first_published=first, last_published=last,
        contested=int(contested), changing=int(changing), agreed=int(agreed), facts=int(facts), outlets=outlets,
    )  # fmt: skip


def listing_filter(query: StoryQuery, mark: str) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (possibly empty) of a listing query and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if query.since:
        clauses.append(f"last_day >= {mark}")
        params.append(query.since)
    if query.until:
        clauses.append(f"first_day <= {mark}")
        params.append(query.until)
    if query.outlet and term_key(query.outlet):
        clauses.append(
            f"EXISTS (SELECT 1 FROM story_terms t WHERE t.kind = 'outlet' AND t.term = {mark} AND t.story_id = s.id)"
        )
        params.append(term_key(query.outlet))
    if query.place and term_key(query.place):
        # A place by whole words of a place's or a body's name: "Aalborg" finds "Aalborg Airport", and a town
        # the entity reader took for a body in a capitalised dateline ("AALBORG, Denmark —").
        clauses.append(
            "EXISTS (SELECT 1 FROM story_terms t WHERE t.kind IN ('place', 'entity') AND t.story_id = s.id "
            f"AND ' ' || t.term || ' ' LIKE {mark} ESCAPE '\\')"
        )
        params.append(f"% {_like_escaped(term_key(query.place))} %")
    if query.entity and term_key(query.entity):
        # A person or body by the whole of its name or by whole words of it: "Ruiz" finds "Ana Ruiz".
        clauses.append(
            "EXISTS (SELECT 1 FROM story_terms t WHERE t.kind = 'entity' AND t.story_id = s.id "
            f"AND ' ' || t.term || ' ' LIKE {mark} ESCAPE '\\')"
        )
        params.append(f"% {_like_escaped(term_key(query.entity))} %")
    if query.contested_only:
        clauses.append("contested > 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _like_escaped(text: str) -> str:
    """``text`` matched as written by ``LIKE ... ESCAPE '\\'``: its ``%``, ``_`` and ``\\`` taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def listing_sql(query: StoryQuery, mark: str) -> tuple[str, str, list[Any], list[Any]]:
    """(rows SQL, count SQL, rows parameters, count parameters) for one page of the listing."""
    where, params = listing_filter(query, mark)
    rows = f"SELECT {STORY_COLUMNS} FROM stories s{where} ORDER BY {_ORDER[query.sort]}"
    row_params = list(params)
    if query.per_page is not None:
        rows += f" LIMIT {mark} OFFSET {mark}"
        row_params += [query.per_page, (max(query.page, 1) - 1) * query.per_page]
    return rows, f"SELECT count(*) FROM stories s{where}", row_params, params


def outlets_sql(count: int, mark: str) -> str:
    marks = ", ".join([mark] * count)
    return f"SELECT story_id, label FROM story_terms WHERE kind = 'outlet' AND story_id IN ({marks}) ORDER BY label"


def terms_sql(mark: str) -> str:
    return (
        f"SELECT max(label), count(*) AS n FROM story_terms WHERE kind = {mark} "
        f"GROUP BY term ORDER BY n DESC, max(label) LIMIT {mark}"
    )
