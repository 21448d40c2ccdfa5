"""Editors' corrections, applied as an overlay on the clusterer's stories.

The clusterer places each article once, in publication order, and its story
ids never change (``stories/cluster.py``); it keeps its own state of which
articles each of its stories holds.  An editor's correction never edits that
state.  It is stored as a row of its own, and the *effective* story of every
article is worked out from the clusterer's story and the corrections, in the
order they were made:

* **move** and **split** pin articles to a story (a split pins them to a new
  story, whose id is made from the correction);
* **merge** redirects one story to another: whatever the clusterer places in
  the story merged away later lands in the story it was merged into, so a
  merge survives new articles, and a story pinned to is redirected too;
* a duplicate (a copy of another article's text) follows its original, so a
  moved article takes its copies along; an article with no correction on it
  goes where the clusterer put it.

The effective story is what every reader sees (stories, briefs, listing rows,
search); the clusterer's own choice is kept beside it, so replaying the
clusterer still checks against what it decided.  A **verdict** correction
marks one fact of a story's brief wrong, with a note; facts are matched by a
stable key (:func:`fact_key`), and a fact marked wrong is not counted as
contested.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from crosswire.model import Fact

CorrectionKind = Literal["split", "move", "merge", "verdict"]
CORRECTION_KINDS: tuple[CorrectionKind, ...] = ("split", "move", "merge", "verdict")


@dataclass(frozen=True, slots=True)
class Correction:
    """One editor's correction, stored with who made it and when.

    ``story`` is the story it was made on (the story split, the article's story
    before a move, the story merged away, the story whose fact was judged);
    ``target`` is where articles went (the new story of a split, a move's
    destination, the story merged into).
    """

    kind: CorrectionKind
    story: str
    editor: str
    at: str
    target: str | None = None
    articles: tuple[str, ...] = ()
    fact: str | None = None
    note: str = ""
    #: Order of the corrections in the store (0 before it is stored).
    seq: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.seq,
            "kind": self.kind,
            "story": self.story,
            "target": self.target,
            "articles": list(self.articles),
            "fact": self.fact,
            "note": self.note,
            "editor": self.editor,
            "at": self.at,
        }


def split_story_id(story: str, articles: Sequence[str], at: str) -> str:
    """The id of the story a split makes: new, and shaped like the clusterer's."""
    digest = hashlib.sha1(json.dumps(["split", story, sorted(articles), at]).encode()).hexdigest()
    return "s-" + digest[:12]


def fact_key(fact: Fact) -> str:
    """A key naming one fact of a brief across reads of the story, as its articles change.

    Made of the fact's kind, what it is about and, unless the sources disagree on it, its value: a
    conflict's shown value may change as reports arrive, the thing it is about does not.  What it is
    about is its claim (what was counted, what happened to it) when the parse read one; a date is
    named by its day alone, and other facts by their label.  A label made of the words found around
    the figures ("date: night drone") is no name: it changes with every article the story gains or
    loses, and an editor's verdict would come off the fact it was given to.
    """
    value = "" if fact.status == "conflict" else str(fact.value)
    if fact.counted or fact.predicate:
        subject = [fact.counted or "", fact.predicate or ""]
    elif fact.kind == "date":
        subject = []
    else:
        subject = [" ".join(fact.about.split()).casefold()]
    return "f-" + hashlib.sha1(json.dumps([fact.kind, *subject, value]).encode()).hexdigest()[:12]


def fact_keys(facts: Sequence[Fact]) -> list[str]:
    """The key of each fact of one brief, each key naming one fact only.

    Two facts can share what :func:`fact_key` is made of (two contested counts of the same thing
    that corroboration kept apart, their figures too far apart to be one claim); an editor marking
    one wrong must not mark the other.  The one whose first report comes first (article id, then
    offset) keeps the plain key, the others get ``-2``, ``-3``...: the same facts always get the
    same keys, whatever their order in the brief.
    """
    keys = [fact_key(fact) for fact in facts]
    shared: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        shared.setdefault(key, []).append(index)
    for key, indices in shared.items():
        if len(indices) < 2:
            continue
        first_report = {
            index: min(((m.article, m.start) for m in facts[index].mentions), default=("", 0)) for index in indices
        }
        for rank, index in enumerate(sorted(indices, key=lambda i: (first_report[i], i)), start=1):
            if rank > 1:
                keys[index] = f"{key}-{rank}"
    return keys


#: One article's placement: (id, effective story, the clusterer's story when different, duplicate_of).
Placement = tuple[str, str, str | None, str | None]


class Overlay:
    """The corrections, ready to say where each article belongs."""

    def __init__(self, corrections: Iterable[Correction]) -> None:
        self.corrections = sorted(corrections, key=lambda c: c.seq)
        self.pins: dict[str, str] = {}
        self.redirects: dict[str, str] = {}
        self.verdicts: dict[tuple[str, str], Correction] = {}
        for correction in self.corrections:
            if correction.kind in ("split", "move") and correction.target:
                for article in correction.articles:
                    self.pins[article] = correction.target
            elif correction.kind == "merge" and correction.target:
                self.redirects[correction.story] = correction.target
            elif correction.kind == "verdict" and correction.fact:
                self.verdicts[(correction.story, correction.fact)] = correction

    def __bool__(self) -> bool:
        return bool(self.corrections)

    def resolve(self, story: str) -> str:
        """Where a story's articles are now: past every merge (a cycle stops where it closes)."""
        seen = {story}
        while story in self.redirects and self.redirects[story] not in seen:
            story = self.redirects[story]
            seen.add(story)
        return story

    def effective(self, article: str, clustered: str, original_story: str | None = None) -> str:
        """The story an article is in: its pin, else its original's story (a copy), else its clusterer's story."""
        if article in self.pins:
            return self.resolve(self.pins[article])
        if original_story is not None:
            return original_story
        return self.resolve(clustered)

    def changes(self, placements: Iterable[Placement]) -> list[tuple[str, str, str | None, str]]:
        """(article, new story, clusterer's story or None, old story) for every article whose story changes.

        ``placements`` in the order the articles were stored, so an original comes before its copies.
        """
        effective: dict[str, str] = {}
        changed = []
        for article, story, clustered, duplicate_of in placements:
            raw = clustered or story
            now = self.effective(article, raw, effective.get(duplicate_of) if duplicate_of else None)
            effective[article] = now
            kept = raw if raw != now else None
            if (now, kept) != (story, clustered):
                changed.append((article, now, kept, story))
        return changed

    def story_corrections(self, story: str) -> list[Correction]:
        """The corrections that concern a story: made on it, or bringing articles into it."""
        found = []
        for correction in self.corrections:
            ends = {correction.story, correction.target, self.resolve(correction.story)}
            if correction.target:
                ends.add(self.resolve(correction.target))
            if story in ends:
                found.append(correction)
        return found

    def wrong_facts(self, story: str) -> dict[str, Correction]:
        """The facts of a story marked wrong, by key (the latest verdict on each; also made before a merge)."""
        return {
            key: correction
            for (made_on, key), correction in self.verdicts.items()
            if made_on == story or self.resolve(made_on) == story
        }


def mark_facts(brief: Mapping[str, Any], facts: Sequence[Fact], wrong: Mapping[str, Correction]) -> dict[str, Any]:
    """The brief's JSON with each fact's ``key`` and editor's ``verdict`` (null, or the correction) added."""
    marked = dict(brief)
    rows = []
    for row, key in zip(brief["facts"], fact_keys(facts), strict=True):
        correction = wrong.get(key)
        verdict = None
        if correction is not None:
            verdict = {"wrong": True, "note": correction.note, "editor": correction.editor, "at": correction.at}
        rows.append({**row, "key": key, "verdict": verdict})
    marked["facts"] = rows
    return marked
