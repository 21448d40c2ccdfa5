"""People in roles and the place of the event, compared across a story's outlets.

Numbers and dates are not the only facts outlets disagree on: one names
"Interior Minister Ana Ruiz", another "Interior Minister Ana Ruis"; one puts
the blast in Cusco, another in Lima.  Two kinds of fact come from here:

* ``person``: a titled name ("Fisheries Minister Lena Kovac", "Port Authority
  Director Ivo Brandt").  ``about`` is the role, ``value`` the person.  Outlets that
  name the same person for a role agree.  Different people for the same role
  conflict only when the role has one holder at a time (an office qualified
  by its organisation, "Interior Minister", or one of ``SOLE_OFFICES``) and
  the reports were published within ``SAME_TERM_DAYS`` of each other: an
  office changes hands, and a story told over months or without dates names
  the predecessor too (a hand check found two governments' "Interior
  Secretary" shown as a discrepancy).  A story may well quote two different
  "Officer"s, and a misspelt holder is merged, not contested (below).
* ``place``: the frame's *where* of each article.  Outlets that give the
  same place agree; different places are separate facts, never a conflict,
  because without a gazetteer "Ghent" and "East Flanders" may both be right.

Names are compared after the story-wide merge of spelling variants
(``same_name``): "Ana Ruis" and "Ana Ruiz", a surname and the full name,
and the known variants of ``annotate/rules/names.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from crosswire.annotate.entities import TITLES, apply_title_rule
from crosswire.annotate.names import common_form
from crosswire.lexicon import Entry, terms
from crosswire.model import Annotations, Article, Fact, FactMention, FactStatus
from crosswire.stories.cluster import day_number

#: Two spellings at least this similar (0..100) are one name: "Kovac" / "Kovach".
NAME_SIMILARITY = 90
#: With the first names equal, surnames of at least ``MIN_SURNAME`` letters this similar are one name.
SURNAME_SIMILARITY = 75
MIN_SURNAME = 4
#: Two names for a sole office conflict only in reports published this close together (days).
SAME_TERM_DAYS = 3
#: Offices with one holder at a time, even without an organisation named (``lexicons/sole_offices.json``).
SOLE_OFFICES = terms("crosswire.stories", "sole_offices")
#: Titles with one holder once it is said whose they are ("Interior Minister", "Port Authority Director");
#: an "Officer" or a "Spokesman" has many colleagues (``lexicons/offices_of_one.json``).
OFFICES_OF_ONE = terms("crosswire.stories", "offices_of_one")
#: Forms of address, not roles (``lexicons/honorifics.json``).
_HONORIFICS = terms("crosswire.stories", "honorifics")
_TITLE_WORDS = "|".join(re.escape(title) for title in sorted(TITLES, key=len, reverse=True))
#: A title right before a name, with up to two capitalised words saying whose it is ("Peru's Interior Minister",
#: "Port Authority Director"), or in lower case with one lower-case qualifier ("police chief", "interior minister").
_ROLE_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<role>(?P<whose>(?:[A-Z][\w&'’-]*\s){{0,2}})(?P<title>{_TITLE_WORDS})"
    rf"|(?P<whose_lower>(?:[A-Za-z]+\s)?)(?P<title_lower>(?i:{_TITLE_WORDS})))\s$"
)
#: Words that may qualify a title as part of the role ("Fisheries", "FBI", "interior"), but not grammar words
#: (``lexicons/not_role_qualifiers.json``).
_NOT_QUALIFIERS = terms("crosswire.stories", "not_role_qualifiers")


_Same = Callable[[str, str], bool]


@dataclass(frozen=True, slots=True)
class _Mention:
    article: str
    source: str
    text: str
    value: str
    about: str
    start: int
    end: int
    #: For a person: whether the role has one holder at a time, so that two names for it may conflict.
    sole: bool = False
    #: The article's publication day (days since year 1), None when unknown.
    day: int | None = None


def same_name(a: str, b: str) -> bool:
    """Whether two names of a story are one person.

    Known variants are first mapped to one form; then a surname matches the
    full name ("Kovac" / "Lena Kovac"), and spellings differing by a
    letter or two match ("Kovac" / "Kovach", "Ana Ruiz" / "Ana Ruis").
    """
    a, b = common_form(a).casefold(), common_form(b).casefold()
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    if len(short) < len(long):
        # "Kovac" / "Lena Kovac", "Ivo Brandt" / "Dr Ivo Brandt", "Ana Ruiz" / "Ana M. Ruiz".
        return short[-1] == long[-1] and _in_order(short, long)
    if short[:-1] == long[:-1] and len(short[-1]) >= MIN_SURNAME:
        # "Ana Ruiz" / "Ana Ruis": the same first names, the surname off by a letter.
        return fuzz.ratio(short[-1], long[-1]) >= SURNAME_SIMILARITY
    return fuzz.ratio(a, b) >= NAME_SIMILARITY


def same_place(a: str, b: str) -> bool:
    """Whether two place names of a story are one place: "Ghent" / "GHENT" / "Ghent, Belg." / "Ghent, Belgium".

    Only the name before a qualifying region is compared, so "Cusco, Peru"
    is not "Peru".
    """
    a, b = (common_form(name.split(",")[0]).casefold() for name in (a, b))
    return a == b or fuzz.ratio(a, b) >= NAME_SIMILARITY


def _in_order(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def check_sole_office(entry: Entry) -> None:
    """The lexicon check: the example's titled person is read in that role, as a role with one holder."""
    text = entry.example
    article = Article(
        "example", "record", "lexicon", text, annotations=Annotations(entities=tuple(apply_title_rule(text, [])))
    )
    mentions = _role_mentions(article, {})
    assert any(m.about.split()[-len(entry.term.split()) :] == entry.term.split() and m.sole for m in mentions), (
        entry.term,
        mentions,
    )


def _example_roles(text: str) -> tuple[int, list[_Mention]]:
    """How many people the title rule finds in a lexicon example, and their roles."""
    people = apply_title_rule(text, [])
    article = Article("example", "record", "lexicon", text, annotations=Annotations(entities=tuple(people)))
    return len(people), _role_mentions(article, {})


def check_honorific(entry: Entry) -> None:
    """The lexicon check: the name after the form of address is read as a person, with no role."""
    people, mentions = _example_roles(entry.example)
    assert people == 1 and not mentions, (entry.term, mentions)


def check_not_qualifier(entry: Entry) -> None:
    """The lexicon check: the example's titled person is read in a role that does not take in the word."""
    _, mentions = _example_roles(entry.example)
    assert len(mentions) == 1 and entry.term not in mentions[0].about.split(), (entry.term, mentions)


def people_and_places(articles: Sequence[Article], source_of: Mapping[str, str]) -> list[Fact]:
    """``person`` and ``place`` facts of a story's articles (in publication order)."""
    roles = [mention for article in articles for mention in _role_mentions(article, source_of)]
    places = [mention for article in articles if (mention := _place_mention(article, source_of))]
    facts = [_fact("person", group, same_name) for group in _person_groups(roles)]
    facts += [_fact("place", group, same_place) for group in _by_value(places, same_place)]
    return facts


def _role_mentions(article: Article, source_of: Mapping[str, str]) -> list[_Mention]:
    annotations = article.annotations
    if annotations is None:
        return []
    mentions = []
    for entity in annotations.entities:
        if entity.label != "PERSON" or len(entity.text.split()) < 2:
            continue
        title = _ROLE_BEFORE.search(article.text, max(0, entity.start - 60), entity.start)
        if title is None:
            continue
        whose = _whose(title.group("whose") or title.group("whose_lower") or "")
        office = (title.group("title") or title.group("title_lower")).lower()
        if office in _HONORIFICS:
            continue
        start = title.end("role") - len(office) - (len(whose) + 1 if whose else 0)
        role = " ".join(filter(None, [whose.lower(), office]))
        # "Attorney General" is read as "General" qualified by "Attorney": the whole role may be the sole office.
        sole = office in SOLE_OFFICES or role in SOLE_OFFICES or (bool(whose) and office in OFFICES_OF_ONE)
        mentions.append(
            _Mention(article.id, source_of.get(article.id, article.id), article.text[start : entity.end],
                     entity.name or entity.text, role, start, entity.end, sole=sole, day=day_number(article.published))
        )  # fmt: skip
    return mentions


def _whose(qualifier: str) -> str:
    """The words that say whose a title is, without a possessive owner or grammar words.

    "Peru's Interior" -> "Interior"; "The FBI" -> "FBI"; "said" -> "".
    """
    words = qualifier.split()
    while words and (words[0].lower() in _NOT_QUALIFIERS or words[0].endswith(("'s", "’s"))):
        words = words[1:]
    return " ".join(words)


def _place_mention(article: Article, source_of: Mapping[str, str]) -> _Mention | None:
    annotations = article.annotations
    frame = annotations.frame if annotations else None
    if frame is None or not frame.where:
        return None
    place = frame.where[0]
    start = article.text.find(place)
    if start < 0:
        return None
    return _Mention(article.id, source_of.get(article.id, article.id), place, place, "where the event happened",
                    start, start + len(place))  # fmt: skip


def _person_groups(mentions: Sequence[_Mention]) -> list[list[_Mention]]:
    """Mentions of one role together when the role has one holder and the reports are of one time;
    otherwise one group per person."""
    by_role: dict[str, list[_Mention]] = {}
    for mention in mentions:
        by_role.setdefault(mention.about, []).append(mention)
    groups: list[list[_Mention]] = []
    for members in by_role.values():
        contested = all(m.sole for m in members) and _same_term([m.day for m in members])
        groups.extend([members] if contested else _by_value(members))
    return groups


def _same_term(days: Sequence[int | None]) -> bool:
    """Whether reports of these publication days are of one time: all dated, within ``SAME_TERM_DAYS``."""
    known = [day for day in days if day is not None]
    return len(known) == len(days) and max(known, default=0) - min(known, default=0) <= SAME_TERM_DAYS


def _by_value(mentions: Sequence[_Mention], same: _Same = same_name) -> list[list[_Mention]]:
    groups: list[list[_Mention]] = []
    for mention in mentions:
        group = next((g for g in groups if same(g[0].value, mention.value)), None)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    return groups


def _status(group: Sequence[_Mention], same: _Same) -> FactStatus:
    if len({m.source for m in group}) < 2:
        return "single"
    first = group[0].value
    return "agree" if all(same(first, m.value) for m in group) else "conflict"


def _fact(kind: str, group: Sequence[_Mention], same: _Same) -> Fact:
    status = _status(group, same)
    # A conflict shows the latest statement, as for numbers; otherwise the fullest name.
    value = group[-1].value if status == "conflict" else max((m.value for m in group), key=len)
    mentions = tuple(FactMention(m.article, m.text, m.value, None, m.start, m.end, origin=m.source) for m in group)
    sources = len({m.source for m in group})
    return Fact(kind=kind, about=group[0].about, value=value, status=status, mentions=mentions,
                origins=sources, outlets=sources)  # fmt: skip
