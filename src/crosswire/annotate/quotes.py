"""Direct quotes and their speakers, plus "according to X" attributions.

A quote is text between straight or curly double quotes with at least three
words (shorter ones are scare quotes or titles).  The speaker is read from
the attribution next to it:

* after the quote: ``"…," said Mayor Ana Ruiz.`` / ``"…," Ruiz said.`` /
  ``"…," she said.``
* before the quote: ``Ruiz said: "…"`` / ``Ruiz told reporters, "…"``

The attribution verbs (``lexicons/attribution_verbs.json``, where "told" may
take an object) and the particles inside names ("van", ``lexicons/
name_particles.json``) are data, each with an example quote and its speaker.

A pronoun stands for the last PERSON named before the quote, and a surname
is expanded to the full name the article gave earlier ("Ruiz" → "Ana
Ruiz").  A clause ending in ", according to X" is an indirect quote of X.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from crosswire.lexicon import Entry, load_lexicon
from crosswire.model import Annotations, Article, Entity, Quote

_ATTRIBUTION_VERBS = load_lexicon("crosswire.annotate", "attribution_verbs").entries
_NAME_PARTICLES = load_lexicon("crosswire.annotate", "name_particles").entries


def _verb_pattern(entry: Entry) -> str:
    """An attribution verb; one that takes an object ("told reporters") may have a few words after it."""
    verb = re.escape(entry.term)
    takes_object = isinstance(entry.value, dict) and entry.value.get("object", False)
    return verb + r"\s[\w\s]{0,30}?" if takes_object else verb


_SPEECH_VERBS = "(?:" + "|".join(_verb_pattern(entry) for entry in _ATTRIBUTION_VERBS) + ")"
_PARTICLES = "|".join(re.escape(entry.term) for entry in _NAME_PARTICLES)
_NAME = rf"(?:[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|{_PARTICLES}))*)"
_PRONOUN = r"(?:he|she|they|He|She|They)"
_QUOTED = re.compile(r"\"(?P<straight>[^\"\n]{2,}?)\"|“(?P<curly>[^”\n]{2,}?)”")
_AFTER_VERB_FIRST = re.compile(rf"^\s*,?\s*{_SPEECH_VERBS}\s(?P<speaker>(?:the\s)?{_NAME}|{_PRONOUN})")
_AFTER_NAME_FIRST = re.compile(rf"^\s*,?\s*(?P<speaker>{_NAME}|{_PRONOUN})(?:,\s[^,\"“]{{1,60}},)?\s{_SPEECH_VERBS}\b")
_BEFORE = re.compile(rf"(?P<speaker>{_NAME}|{_PRONOUN})(?:,\s[^,\"“]{{1,60}},)?\s{_SPEECH_VERBS}\s*[:,]?\s*$")
_ACCORDING_TO = re.compile(r",?\s*according\sto\s(?P<speaker>[^,.;:!?\"“”\n]{2,60})")
_SENTENCE_END = re.compile(r"[.!?]\s")


class QuoteStage:
    """Fills ``Annotations.quotes``; reads PERSON entities for speakers."""

    name = "quotes"
    requires = frozenset({"text", "entities"})
    assigns = frozenset({"quotes"})

    def __call__(self, article: Article) -> Article:
        annotations = article.annotations or Annotations()
        found = tuple(find_quotes(article.text, annotations.entities))
        return dataclasses.replace(article, annotations=dataclasses.replace(annotations, quotes=found))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)


def find_quotes(text: str, entities: Iterable[Entity] = ()) -> list[Quote]:
    """Direct and "according to" quotes in ``text``, in order."""
    people = [entity for entity in entities if entity.label == "PERSON"]
    quotes: list[Quote] = []
    for match in _QUOTED.finditer(text):
        group = "straight" if match.group("straight") is not None else "curly"
        content = match.group(group).strip(" ,")
        if len(content.split()) < 3:
            continue
        start = match.start(group) + match.group(group).index(content)
        raw = _speaker_near(text, match.start(), match.end())
        speaker = _resolve(raw, people, match.start()) if raw else None
        quotes.append(Quote(text=content, start=start, end=start + len(content), speaker=speaker))
    quotes.extend(_according_to(text, people, quotes))
    return sorted(quotes, key=lambda quote: quote.start)


def _speaker_near(text: str, quote_start: int, quote_end: int) -> str | None:
    after = text[quote_end : quote_end + 120]
    for pattern in (_AFTER_VERB_FIRST, _AFTER_NAME_FIRST):
        found = pattern.match(after)
        if found:
            return found.group("speaker")
    before = text[max(0, quote_start - 120) : quote_start]
    found = _BEFORE.search(before)
    return found.group("speaker") if found else None


def _resolve(raw: str, people: list[Entity], position: int) -> str | None:
    """A pronoun or a surname becomes the full name of a PERSON named earlier."""
    earlier = [person for person in people if person.end <= position]
    if raw.lower() in ("he", "she", "they"):
        return earlier[-1].text if earlier else None
    speaker = raw.removeprefix("the ").strip(" .,")
    # Prefer the PERSON inside the attribution ("Mayor Ana Ruiz" → "Ana Ruiz").
    for person in people:
        if person.text in speaker:
            speaker = person.text
            break
    if " " not in speaker:
        for person in reversed(people):
            if person.text.endswith(" " + speaker):
                return person.text
    return speaker or None


def _according_to(text: str, people: list[Entity], direct: list[Quote]) -> list[Quote]:
    found: list[Quote] = []
    for match in _ACCORDING_TO.finditer(text):
        if any(quote.start <= match.start() < quote.end + 3 for quote in direct):
            continue
        previous_end = [m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())]
        clause_start = previous_end[-1] if previous_end else 0
        clause = text[clause_start : match.start()].strip()
        if len(clause.split()) < 3:
            continue
        start = text.index(clause, clause_start)
        speaker = _resolve(match.group("speaker"), people, match.start())
        found.append(Quote(text=clause, start=start, end=start + len(clause), speaker=speaker))
    return found


def check_attribution_verb(entry: Entry) -> None:
    """The lexicon check: the example's one quote is attributed, through the verb, to the entry's speaker."""
    _assert_one_speaker(entry)
    if entry.value.get("object"):
        assert re.search(rf"\b{re.escape(entry.term)}\s+[a-z]", entry.example), (entry.term, "no object after the verb")


def check_name_particle(entry: Entry) -> None:
    """The lexicon check: the example's one quote is attributed to the whole name, particle included."""
    assert f" {entry.term} " in entry.value["speaker"], (entry.term, entry.value)
    _assert_one_speaker(entry)


def _assert_one_speaker(entry: Entry) -> None:
    speakers = [quote.speaker for quote in find_quotes(entry.example)]
    assert speakers == [entry.value["speaker"]], (entry.term, speakers)
