"""Bylines in plain text: who a line credits ("By Mara Quint", "Von Jana Kolb
und Ole Brink · 4. November 2026", "Text & Fotos: Ivo Marsh", a name alone
beside a date).

Cues, name particles, joiners, outlet, role and stop words are data
(``lexicons/byline_cues.json``, ``lexicons/byline_words.json``); this module
holds only how a line is cut into names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from crosswire.extract.body import squash, word_count
from crosswire.extract.dates import META_PART, date_labels, printed_dates
from crosswire.lexicon import Entry, load_lexicon

#: A name has at most this many words.
MAX_NAME_WORDS = 5
#: A byline of several names ("Ines Varga, Lin Oduya y Jonas Brem") has at most this many words.
MAX_BYLINE_WORDS = 12
#: After a cue and its names, a byline has at most this many other words ("Eine Reportage von Ada Brook mit Lin Oduya").
MAX_WORDS_AFTER_NAMES = 4
_QUOTES = re.compile(r"[«»“”„\"]")
#: A name standing alone on a line, without a cue, has at most this many words.
MAX_BARE_NAME_WORDS = 4


@cache
def _cue_pattern() -> re.Pattern[str]:
    """A cue opening a line; one that is not a label may follow an indefinite article and the
    piece's noun ("Ein Kommentar von Jan Dorn", "A column by Ada Brook")."""
    cues = sorted(load_lexicon("crosswire.extract", "byline_cues").terms, key=len, reverse=True)
    alternatives = "|".join(re.escape(cue) for cue in cues)
    prepositions = "|".join(re.escape(cue) for cue in cues if cue not in _label_cues())
    articles = "|".join(re.escape(word) for word in sorted(_byline_words()["article"], key=len, reverse=True))
    piece = rf"(?:(?:{articles})\s+[^\W\d_][\w-]*\s+(?=(?:{prepositions})(?!\w)))?"
    return re.compile(
        rf"^\W{{0,2}}{piece}(?P<cue>{alternatives})(?!\w)\s*(?P<colon>:?)\s*(?P<rest>.*)$", re.IGNORECASE
    )


def without_cue(text: str) -> str:
    """``text`` without the credit cue opening it ("Posted by Ines Varga" -> "Ines Varga"); as it is without one."""
    match = _cue_pattern().match(text)
    return match.group("rest").strip() if match and match.group("rest").strip() else text


@cache
def _label_cues() -> frozenset[str]:
    """Cues that are nouns naming the credit ("Author", "Text"), not prepositions ("by", "von")."""
    return frozenset(entry.term for entry in load_lexicon("crosswire.extract", "byline_cues").entries
                     if entry.value.get("label"))  # fmt: skip


@cache
def _people_only_cues() -> frozenset[str]:
    """Cues after which an outlet alone is no author ("Published by Harbourline Media Ltd": the publisher)."""
    return frozenset(entry.term for entry in load_lexicon("crosswire.extract", "byline_cues").entries
                     if entry.value.get("people_only"))  # fmt: skip


def _credits_people_only(match: re.Match[str]) -> bool:
    cue = match.groupdict().get("cue")
    return cue is not None and " ".join(cue.lower().split()) in _people_only_cues()


@cache
def _organisation_words() -> frozenset[str]:
    """Words that make a name an organisation's ("Ltd", "GmbH"), squashed (``lexicons/organisation_words.json``)."""
    return frozenset(squash(term) for term in load_lexicon("crosswire.extract", "organisation_words").terms)


def is_organisation_word(word: str) -> bool:
    """Whether a word makes a name an organisation's, however written ("LTD", "e. V.", "GmbH,")."""
    return squash(word) in _organisation_words()


def names_an_organisation(name: str) -> bool:
    """Whether a name holds an organisation word ("Harbourline Media Ltd")."""
    return any(is_organisation_word(word) for word in name.split())


@cache
def _glued_stop_word() -> re.Pattern[str]:
    """Where a capitalised stop word is run into the name before it, as captures join a byline and its button
    ("Ada BrookFollow", "Lina SommerTeilen"): the place to put a space back."""
    words = sorted((word.capitalize() for word in _byline_words()["stop"] if len(word) > 3), key=len, reverse=True)
    return re.compile(rf"(?<=[a-zäöüßéèáíóúñ])(?=(?:{'|'.join(map(re.escape, words))})\b)")


@cache
def _glued_cue() -> re.Pattern[str]:
    """A one-word cue, capitalised, run into the name as captures join elements: "ByAlex Brook", "VonAnna Berg"."""
    cues = sorted((cue for cue in load_lexicon("crosswire.extract", "byline_cues").terms if cue.isalpha()), key=len)
    alternatives = "|".join(re.escape(cue.capitalize()) for cue in reversed(cues))
    return re.compile(rf"^(?:{alternatives})(?P<rest>[A-ZÄÖÜ][a-zäöüéèáíóúñ]+\s.*)$")


@cache
def _byline_words() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {
        kind: set() for kind in ("particle", "joiner", "outlet", "role", "stop", "article", "determiner")
    }
    for entry in load_lexicon("crosswire.extract", "byline_words").entries:
        kinds[entry.value["kind"]].add(entry.term)
        if entry.value.get("article"):
            kinds["article"].add(entry.term)  # "ein": a stop word that is an article too
    return {kind: frozenset(terms) for kind, terms in kinds.items()}




_PART_SEPARATOR = re.compile(r"\s*(?:[|·•/(\[]|\s[-–—]\s|:\s)\s*")
_TOKEN = re.compile(r"[^\s,;]+|[,;]")


@dataclass(frozen=True, slots=True)
class Byline:
    names: tuple[str, ...]
    outlet: str | None = None

    @property
    def author(self) -> str:
        return ", ".join(self.names)


#: A footnote mark after a name: stars or superscript digits ("Oduya*", "Brandt²").  Plain digits
#: stay: a handle such as "mara77" keeps them.
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d_])(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹]+)$")
#: A user name after a cue ("By kelpie_77", "Autor: harbourblog.example"): one token of letters, digits, '.', '_', '-'.
_HANDLE = re.compile(r"^(?=[\w.-]*[^\W\d_])[^\W_][\w.-]*[^\W_]$")
#: A credit label naming several roles before its colon ("Text & Fotos:", "Text and photos:"): a joiner and a word.
_LABEL_TAIL = re.compile(r"^(?P<joiner>\S+)\s+[^\W\d_]+\s*:\s*(?P<rest>\S.*)$")


def _name_token(word: str) -> str:
    """A name word without a footnote mark ("Oduya*", "Brandt²")."""
    return _FOOTNOTE_MARK.sub("", word)


def _is_name_word(word: str) -> bool:
    letters = _name_token(word).strip(".'’-")
    return bool(letters) and not any(char.isdigit() for char in letters) and letters[0].isupper()


def _names_in(text: str) -> tuple[list[str], list[str]]:
    """The person names and outlet names a byline's text holds, in order.

    Names run while words are capitalised (or particles inside a name);
    a joiner or comma starts the next name; any other word ends the list.
    A name holding an outlet word is an outlet; one holding a role word
    ("Staff Writer") is dropped.
    """
    words = _byline_words()
    groups: list[list[str]] = [[]]
    for token in _TOKEN.findall(text):
        lower = token.lower()
        if token in (",", ";") or (lower in words["joiner"] and _joins(token, text)):
            if groups[-1]:
                groups.append([])
            continue
        if lower.strip(".,:") in words["stop"] and not (token.islower() and lower in words["particle"]):
            break
        if lower.strip(".,") in words["role"]:
            if len(groups) == 1 and not groups[-1]:
                groups[-1].append(token)  # "By Staff": the desk, named first, is the credit
                continue
            if len(groups) > 1:
                groups[-1] = []  # "Tom Reyes, Health Correspondent": the role after the name
            elif len(groups[-1]) > 2:
                groups[-1].pop()  # "Lin Oduya Science editor": the role's own word
            break
        if _is_name_word(token) or (lower in words["particle"] and groups[-1]):
            groups[-1].append(_name_token(token))
            continue
        break
    people: list[str] = []
    outlets: list[str] = []
    roles: list[str] = []
    for group in groups:
        while group and group[-1].lower() in words["particle"]:
            group.pop()
        if not group:
            continue
        name = " ".join(group).strip(".,:;")
        lowered = name.lower()
        if _has_term(lowered, words["role"]):
            roles.append(name)
        elif names_an_outlet(name):
            outlets.append(name)
        elif len(group) <= MAX_NAME_WORDS:
            people.append(_tidy_case(name))
    if not people and not outlets and roles:
        people = roles[:1]  # "By Staff", "Redaktion": the desk is the credit
    return people, outlets


def _joins(token: str, text: str) -> bool:
    """Whether a joiner word joins two names: written lower-case or capitalised ("and", "Und"),
    or in a byline all in capitals; "ET" in "ET Online" is an acronym, "E" in "Robert E Lee" an initial."""
    if token.islower() or not token.isalpha() or text.isupper():
        return True
    return len(token) > 1 and token == token.capitalize()


def _handle(text: str) -> str | None:
    """The user name a cue credits when it is the cue's only word, or is followed by a stop word
    ("By kelpie_77", "Autor: harbourblog.example", "Author: mara77 am Montag")."""
    tokens = _TOKEN.findall(text)
    words = _byline_words()
    if not tokens or (len(tokens) > 1 and tokens[1].lower() not in words["stop"]):
        return None
    token = str(tokens[0]).strip(".")
    if len(token) < 2 or not _HANDLE.match(token) or any(token.lower() in words[kind] for kind in words):
        return None
    return token


def _takes_handle(match: re.Match[str]) -> bool:
    """Whether a lone lower-case word after this cue is a user name: after a preposition ("By kelpie77")
    or a label with its colon ("Autor: kelpie77"), not after a label without one ("Author information")."""
    groups = match.groupdict()
    cue = groups.get("cue")
    return cue is not None and (bool(groups.get("colon")) or cue.lower() not in _label_cues())


def _has_term(lowered: str, terms: frozenset[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(term)}(?!\w)", lowered) for term in terms)


def _tidy_case(name: str) -> str:
    """An all-capitals name in title case ("MIRA TALBERG" -> "Mira Talberg")."""
    return name.title() if name.isupper() and len(name) > 3 else name


def _before_date_or_label(text: str) -> str:
    """The part of a byline before its first date or date label."""
    cut = len(text)
    for found in printed_dates(text)[:1]:
        cut = min(cut, found.start)
    for pattern, _ in date_labels():
        match = pattern.search(text)
        if match:
            cut = min(cut, match.start())
    return text[:cut]


@lru_cache(maxsize=8192)
def byline_names(line: str, bare: bool = False) -> Byline | None:
    """The names a byline line credits: after a cue ("By", "Von", "Author:"),
    or, with ``bare``, a line that is only a name (perhaps with its date)."""
    if len(line) > 200:
        return None
    line = _glued_stop_word().sub(" ", line)
    match = _cue_pattern().match(line) or _glued_cue().match(line)
    if match is None and not bare:
        # a meta line of parts: "07 | 03 | 2026 Seen | Ratgeber | Text & Fotos: Ivo Marsh"
        for part in META_PART.split(line)[1:]:
            match = _cue_pattern().match(part.strip())
            if match:
                break
    if match:
        rest = match.group("rest")
        labelled = _LABEL_TAIL.match(rest)
        if labelled and labelled.group("joiner").lower() in _byline_words()["joiner"]:
            rest = labelled.group("rest")  # "Text & Fotos: Ivo Marsh": the label goes on to its colon
    elif bare:
        rest = line
    else:
        return None
    rest = _before_date_or_label(rest)
    parts = [part for part in _PART_SEPARATOR.split(rest) if part.strip()]
    if not parts:
        return None
    people, outlets = _names_in(parts[0])
    # the next part of "Name | Outlet" or "Name, Outlet" may name the outlet
    for part in parts[1:2]:
        _, more_outlets = _names_in(part)
        outlets.extend(more_outlets)
    cued = match is not None
    if match is not None and _credits_people_only(match):
        # "Published by Harbourline Media Ltd": a company or an outlet alone is the publisher, not the writer
        people = [name for name in people if not names_an_organisation(name)]
        if not people:
            return None
    if not people and outlets and cued:
        return Byline((outlets[0],))
    if not people and not outlets and match is not None and _takes_handle(match):
        handle = _handle(parts[0])
        return Byline((handle,)) if handle else None
    if not people:
        return None
    if cued and (_leftover_words(parts[0], people, outlets) > MAX_WORDS_AFTER_NAMES or _QUOTES.search(parts[0])):
        return None  # "Von Wolken, Winden und «ganz eigenem Wetter»": a headline
    if not cued and (len(people) > 3 or _leftover_words(parts[0], people, outlets) > 0):
        return None
    if not cued and any(not 2 <= len(name.split()) <= MAX_BARE_NAME_WORDS for name in people):
        return None  # one capitalised word beside a date is a label or a place more often than a name
    if not cued and any(name.split()[0].lower() in _byline_words()["determiner"] for name in people):
        return None  # "Unsere Geschichte", "Die Schneeflocke": a section or a title, no name opens with an article
    return Byline(tuple(people), outlets[0] if outlets else None)


def names_an_outlet(name: str) -> bool:
    """Whether a credited name is an outlet's ("The Coastal Ledger", "Agencia Sur"): an outlet word, or "The …"."""
    lowered = name.lower()
    return lowered.startswith("the ") or _has_term(lowered, _byline_words()["outlet"])


def only_stop_words(text: str) -> bool:
    """Whether a credit holds only words that are never a name ("Follow", "Datum", "Alle Beiträge")."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return bool(words) and all(word in _byline_words()["stop"] for word in words)


def names_a_desk(name: str) -> bool:
    """Whether a credited name is a desk or a job, not a person ("Staff", "Redaktion", "Online-Redaktion")."""
    return _has_term(name.lower(), _byline_words()["role"])


def _leftover_words(text: str, people: Sequence[str], outlets: Sequence[str]) -> int:
    """Words of ``text`` that are neither names, outlets nor joiners, up to a
    role word; a capitalised word just before the role is the role's own
    ("Lin Oduya Science editor")."""
    named = {word.lower() for name in (*people, *outlets) for word in name.split()}
    words = _byline_words()
    leftover: list[str] = []
    for word in re.findall(r"[^\s,;]+", text):
        lower = _name_token(word).lower().strip(".,")
        if lower in words["role"]:
            return max(0, len(leftover) - 1)
        if lower in words["stop"] and lower not in named:
            break  # a stop word ends the names ("Ada Brook am 4. Mai", "Ada Brook Teilen"): nothing after it is one
        if lower not in named and lower not in words["joiner"] and not lower.isdigit():
            leftover.append(word)  # a bare count after a name is its comments ("Lina Sommer 6")
    return len(leftover)


def cue_alone(line: str) -> bool:
    """A byline cue on its own line ("Von", "By:", "Über die Autorin"): the name is on the next line."""
    if len(line) > 60:
        return False
    match = _cue_pattern().match(line)
    return match is not None and word_count(match.group("rest")) <= 3 and byline_names(line) is None


def joiner_words() -> frozenset[str]:
    """The words that join two names in a byline ("and", "und", "&")."""
    return _byline_words()["joiner"]


def joiner_alone(line: str) -> bool:
    """A line holding only a joiner ("and", "und", "&"): a byline of linked names broken over lines."""
    return line.strip().lower() in _byline_words()["joiner"]


#: A copyright line's holder: "© 2026 Tidewater Daily. All rights reserved.", "Copyright 2026 The Ledger".
COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?(?P<holder>[^.,|©]{2,60})",
    re.IGNORECASE,
)
#: What may stand between the copyright mark and the holder ("© by", "©2026 - "), and after the holder's name.
_BEFORE_HOLDER = re.compile(r"^[\s\-–—:]*(?:by\s+)?", re.IGNORECASE)
_AFTER_HOLDER = re.compile(r"\s+[-–—]\s+|\s*[®™]")


def copyright_person(line: str) -> str | None:
    """The person a copyright line names as holder ("© 2026 Ines Varga", "©2026 - Ines Varga - Studio Nord",
    "All content © by Ines Varga"): on a personal site, its writer.  None for a company or an outlet, and
    for a picture's credit: labelled or counted before its mark ("Photo: © …", "Picture 2 of 4 © …"), or
    naming its agency after a slash ("© Ines Varga / Nordbild")."""
    for match in COPYRIGHT_HOLDER.finditer(line):
        if "/" in match["holder"] or any(ch == ":" or ch.isdigit() for ch in line[: match.start()]):
            continue
        holder = _AFTER_HOLDER.split(_BEFORE_HOLDER.sub("", match["holder"]), maxsplit=1)[0].strip()
        byline = byline_names(holder, bare=True)
        if byline is not None and len(byline.names) == 1 and byline.outlet is None:
            name = byline.names[0]
            if not names_an_organisation(name) and not names_an_outlet(name):
                return name
    return None


def check_byline_cue(entry: Entry) -> None:
    """The lexicon check: the example credits the entry's author, or (author null) labels a box whose name follows."""
    if entry.value["author"] is None:
        assert cue_alone(entry.example), entry.term
        return
    byline = byline_names(entry.example)
    assert byline is not None and byline.author == entry.value["author"], (entry.term, byline)


def check_byline_word(entry: Entry) -> None:
    if entry.value["kind"] == "determiner":
        assert byline_names(entry.example, bare=True) is None, entry.term
        return
    byline = byline_names(entry.example)
    assert byline is not None and byline.author == entry.value["author"], (entry.term, byline)
    assert byline.outlet == entry.value.get("outlet"), (entry.term, byline)
