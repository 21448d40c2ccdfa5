"""Editors' corrections: split a story, move an article, merge two stories, mark a fact wrong.

Each checks its request against the store, stores the correction with who and
when, re-applies every correction to the articles' stories (the overlay of
``crosswire.corrections``) and refreshes the listing rows of the stories
that changed, all in one write transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime

from crosswire.corrections import Correction, Overlay, fact_keys, split_story_id
from crosswire.engine import Engine
from crosswire.errors import CrosswireError, NotFoundError

#: Longest note kept with a verdict.
MAX_NOTE = 2000


class CorrectionError(CrosswireError):
    """A correction that cannot be made as asked (the message says why)."""


def split_story(engine: Engine, story_id: str, article_ids: list[str], editor: str, note: str = "") -> Correction:
    """Move ``article_ids`` out of ``story_id`` into a new story."""
    chosen = list(dict.fromkeys(article_ids))
    note = _checked_note(note)
    with engine.store.writing():
        held = _story_articles(engine, story_id)
        if not chosen:
            raise CorrectionError("choose at least one article to move into the new story")
        strangers = [a for a in chosen if a not in held]
        if strangers:
            raise CorrectionError(f"not in story {story_id!r}: {', '.join(strangers)}")
        if len(chosen) == len(held):
            raise CorrectionError("a split must leave at least one article in the story")
        at = _now()
        target = split_story_id(story_id, chosen, at)
        return _record(engine, Correction("split", story_id, editor, at, target, tuple(chosen), note=note))


def move_article(engine: Engine, article_id: str, to_story: str, editor: str, note: str = "") -> Correction:
    """Move one article (and its copies) into another story."""
    note = _checked_note(note)
    with engine.store.writing():
        stored = engine.store.get_article(article_id)
        if stored is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        _story_articles(engine, to_story)
        if stored.story_id == to_story:
            raise CorrectionError(f"article {article_id!r} is already in story {to_story!r}")
        correction = Correction("move", stored.story_id, editor, _now(), to_story, (article_id,), note=note)
        return _record(engine, correction)


def merge_stories(engine: Engine, story_id: str, into: str, editor: str, note: str = "") -> Correction:
    """Merge ``story_id`` into ``into``: its articles, and whatever the clusterer later adds to it, go there."""
    note = _checked_note(note)
    with engine.store.writing():
        _story_articles(engine, story_id)
        _story_articles(engine, into)
        if story_id == into:
            raise CorrectionError("a story cannot be merged into itself")
        return _record(engine, Correction("merge", story_id, editor, _now(), into, note=note))


def mark_fact_wrong(engine: Engine, story_id: str, key: str, note: str, editor: str) -> Correction:
    """Mark one fact of a story's brief wrong, with a note saying why."""
    note = _checked_note(note)
    if not note:
        raise CorrectionError("say in a note why the fact is wrong")
    with engine.store.writing():
        brief = engine.brief(story_id)
        if key not in fact_keys(brief.facts):
            raise NotFoundError(f"story {story_id!r} has no fact with key {key!r}")
        return _record(engine, Correction("verdict", story_id, editor, _now(), fact=key, note=note))


def _checked_note(note: str) -> str:
    # The API's models cap the note too; the story page's form posts any length.
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise CorrectionError(f"the note is over {MAX_NOTE} characters")
    return note


def _story_articles(engine: Engine, story_id: str) -> list[str]:
    held = engine.store.story_article_ids(story_id)
    if not held:
        raise NotFoundError(f"no story with id {story_id!r}")
    return held


def _record(engine: Engine, correction: Correction) -> Correction:
    """Store the correction, re-place the articles, refresh the listing rows; inside the caller's transaction."""
    store = engine.store
    saved = store.save_correction(correction)
    overlay = Overlay(store.corrections())
    changes = overlay.changes(store.placements())
    store.place_articles((article, story, clustered) for article, story, clustered, _ in changes)
    touched = {saved.story} | ({saved.target} if saved.target else set())
    touched |= {story for _, story, _, _ in changes} | {old for _, _, _, old in changes}
    held = {story for _, story, _, _ in store.placements()}
    store.delete_story_summaries(touched - held)
    engine.refresh_story_summaries(touched & held)
    return saved


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
