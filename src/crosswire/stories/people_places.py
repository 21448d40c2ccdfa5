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
* ``place``: where each article says its event happened.  Of the frame's
  *where* (best first), then the places of the first narrative sentences,
  the first that a narrative sentence puts something at ("in Ghent", "near
  the Ghent dam", "at an Atlanta courthouse") is taken, cited at that
  sentence; failing that, the article's dateline ("GHENT (Reuters) -").
  Captions, teasers and questions are no narrative; a place in another role
  is passed over: a destination ("a Ghent-bound flight", "to Ghent"), an
  origin ("from Ghent"), part of a longer name ("the Ghent Rovers", "the
  Ghent Times"), an owner ("Ghent's efforts"), a target ("sanctions on
  Ghent"), a name the article tags as a person or a work more often, or
  writes in quotation marks ("Vienna", a film).  Outlets that give the same
  place agree; different places are separate facts, never a conflict,
  because without a gazetteer "Ghent" and "East Flanders" may both be right.

For both kinds, outlets that print one sentence naming the same person or
place count as one origin (``Fact.origins``), as for numbers.

Names are compared after the story-wide merge of spelling variants
(``same_name``): "Ana Ruis" and "Ana Ruiz", a surname and the full name,
and the known variants of ``annotate/rules/names.json``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from rapidfuzz import fuzz

from crosswire.annotate.entities import TITLES, apply_title_rule
from crosswire.annotate.frame.where import PLACE_LABELS, dateline_place
from crosswire.annotate.names import common_form
from crosswire.annotate.quantities.grammar import CALENDAR_WORDS
from crosswire.lexicon import Entry, load_lexicon, mapping, terms
from crosswire.model import Annotations, Article, Entity, Fact, FactMention, FactStatus, Frame
from crosswire.stories.background import background_sentences, story_year
from crosswire.stories.cluster import day_number
from crosswire.stories.origins import origin_keys, speaker_key
from crosswire.stories.text import sentence_spans, trim_span
from crosswire.stories.told import around_of, told_in

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
#: Titles written out, by their abbreviations ("Gov.": "governor"; ``annotate/lexicons/titles.json``).
_WRITTEN_OUT = {term.lower(): value for term, value in mapping("crosswire.annotate", "titles").items() if term != value}
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
#: Verbs asking readers to get in touch with the titled person named after them (``lexicons/contact_verbs.json``).
_CONTACT_VERBS = terms("crosswire.stories", "contact_verbs")


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
    #: The mention's sentence (``origins.py``): outlets printing one sentence are one origin.
    sentence: str = ""
    #: The sentences right before and after it, normalised (``told.around_of``): a carried passage is one origin.
    around: tuple[str, ...] = ()


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


def check_person_without_role(entry: Entry) -> None:
    """The lexicon check of forms of address and of contact verbs: the example names one person, after the form of
    address or the verb, and no role is read for them ("Mrs. Ana Ruiz", "asked to call Sgt. Ana Ruiz")."""
    people, mentions = _example_roles(entry.example)
    assert people == 1 and not mentions, (entry.term, mentions)


def check_not_qualifier(entry: Entry) -> None:
    """The lexicon check: the example's titled person is read in a role that does not take in the word."""
    _, mentions = _example_roles(entry.example)
    assert len(mentions) == 1 and entry.term not in mentions[0].about.split(), (entry.term, mentions)


def _read_place(example: str, place: str, label: str = "GPE") -> _Mention | None:
    """The place fact of a one-sentence article whose frame gives ``place`` as the where, tagged ``label``."""
    start = example.index(place)
    entity = Entity(text=place, label=label, start=start, end=start + len(place))
    annotations = Annotations(entities=(entity,), frame=Frame(where=(place,)))
    return _place_mention(Article("example", "record", "lexicon", example, annotations=annotations), {})


def check_locative(entry: Entry) -> None:
    """The lexicon check: the place after the preposition is read as where the event happened, cited there; for a
    preposition of sites only, when tagged as a site and not when tagged as a town."""
    sites_only = isinstance(entry.value, dict)
    place = str(entry.value["place"] if isinstance(entry.value, dict) else entry.value)
    mention = _read_place(entry.example, place, "LOC" if sites_only else "GPE")
    assert mention is not None and mention.value == place, (entry.term, mention)
    assert entry.example[mention.start : mention.end] == place
    assert not sites_only or _read_place(entry.example, place, "GPE") is None, entry.term


def check_not_the_place(entry: Entry) -> None:
    """The lexicon check: the place of the example is in another role (or a caption) and gives no place fact."""
    assert _read_place(entry.example, str(entry.value)) is None, entry.term


def people_and_places(
    articles: Sequence[Article], source_of: Mapping[str, str], one_text: frozenset[frozenset[str]] = frozenset()
) -> list[Fact]:
    """``person`` and ``place`` facts of a story's articles (in publication order); ``one_text`` pairs the
    articles that are versions of one text (``origins.versions_of_one_text``)."""
    roles = [mention for article in articles for mention in _role_mentions(article, source_of)]
    not_places = _not_places(articles)
    year = story_year(articles)
    places = [mention for article in articles if (mention := _place_mention(article, source_of, not_places, year))]
    facts = [_fact("person", group, same_name, one_text) for group in _person_groups(roles)]
    facts += [_fact("place", group, same_place, one_text) for group in _by_value(places, same_place)]
    return facts


def _role_mentions(article: Article, source_of: Mapping[str, str]) -> list[_Mention]:
    annotations = article.annotations
    if annotations is None:
        return []
    mentions = []
    sentences: list[tuple[int, int]] | None = None
    for entity in annotations.entities:
        if entity.label != "PERSON" or len(entity.text.split()) < 2:
            continue
        title = _ROLE_BEFORE.search(article.text, max(0, entity.start - 60), entity.start)
        if title is None:
            continue
        whose = _whose(title.group("whose") or title.group("whose_lower") or "")
        office = (title.group("title") or title.group("title_lower")).lower()
        if office in _HONORIFICS or whose.lower() in _CONTACT_VERBS:
            continue  # a form of address; or whom a call for information names ("asked to call Sgt. Ana Ruiz")
        start = title.end("role") - len(office) - (len(whose) + 1 if whose else 0)
        office = _WRITTEN_OUT.get(office, office)  # "Gov." is the governor's role, as "Governor" is
        role = " ".join(filter(None, [whose.lower(), office]))
        # "Attorney General" is read as "General" qualified by "Attorney": the whole role may be the sole office.
        sole = office in SOLE_OFFICES or role in SOLE_OFFICES or (bool(whose) and office in OFFICES_OF_ONE)
        sentences = _article_sentences(article) if sentences is None else sentences
        mentions.append(
            _Mention(article.id, source_of.get(article.id, article.id), article.text[start : entity.end],
                     entity.name or entity.text, role, start, entity.end, sole=sole, day=day_number(article.published),
                     sentence=_sentence_of(sentences, article.text, start),
                     around=around_of(article, start, entity.end))
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


def _place_mention(
    article: Article,
    source_of: Mapping[str, str],
    not_places: AbstractSet[str] | None = None,
    year_of_story: int | None = None,
) -> _Mention | None:
    """Where the article says its event happened: the first of the frame's places (best first), then of the
    places of the first narrative sentences, that one of the first ``PLACE_SENTENCES`` narrative sentences puts
    the event at ("in Ghent", "near the Halden dam"), cited at that sentence; failing that, the place of the
    article's dateline ("GHENT (Reuters) -"), cited there.  None when no sentence puts any of them in that role:
    a name only seen in a caption, as a destination ("Ghent-bound") or inside another name ("the Ghent Rovers")
    says nothing about where anything happened.  ``not_places``: names (case-folded) the story uses for
    something else (``_not_places``; by default, those the article does).  A sentence about an earlier time
    ("built in the 1930s when settlers came to farm in Alaska") says where that happened, not the story's event
    (``background.py``; ``year_of_story`` for an undated article)."""
    annotations = article.annotations
    frame = annotations.frame if annotations else None
    if annotations is None or frame is None or not frame.where:
        return None
    earlier = background_sentences(article, year_of_story)
    narrative = [
        (start, end)
        for start, end in _narrative_sentences(article)
        if not any(b.start <= start < b.end or start <= b.start < end for b in earlier)
    ]
    if not narrative:
        return None
    entities = annotations.entities
    not_places = _not_places([article]) if not_places is None else not_places
    # The frame's places first; then those of the first narrative sentences, for a frame that read its lead from
    # a caption or a teaser the narrative leaves out.
    lead_end = narrative[min(len(narrative), LEAD_SENTENCES) - 1][1]
    in_lead = [
        e.text for e in entities if e.label in PLACE_LABELS and e.end <= lead_end and _within(narrative, e.start, e.end)
    ]
    candidates = [place for place in dict.fromkeys([*frame.where, *in_lead]) if place.casefold() not in not_places]
    # Where the event happened is told near the top; a place first put at something far down is another
    # thing's ("the clinic she runs in Norland", "farmers once tried their luck in Norland").
    telling = narrative[:PLACE_SENTENCES]
    uses = [span for place in candidates for span in _locative_uses(article.text, place, entities, telling)]
    # A place the lead puts the event at comes first: the frame's best place may be told as a locative only
    # far down, in a sentence about something else ("half the barley grown in Norland").
    found = next((span for span in uses if span[0] < lead_end), uses[0] if uses else None)
    if found is not None:
        start, end, value = found
        sentence = _sentence_of(narrative, article.text, start)
    elif (dateline := _dateline(article.text, frame.where, narrative)) is not None:
        start, end, value = dateline
        # A dateline is short and alike in every report from one town ("GHENT, Belgium"): what tells a copy
        # is the paragraph it opens.
        line_end = article.text.find("\n", end)
        sentence = article.text[start : len(article.text) if line_end < 0 else line_end]
    else:
        return None
    return _Mention(article.id, source_of.get(article.id, article.id), article.text[start:end], value, PLACE_ABOUT,
                    start, end, sentence=sentence, around=around_of(article, start, end))  # fmt: skip


#: How a place fact names what it is about.
PLACE_ABOUT = "where the event happened"
#: Labels of names that are no place, whatever else the tagger calls them at the same spot ("Houston Texans",
#: "Ana Ruiz", "New Moon").
_NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "NORP"})
#: Narrative sentences whose places are read after the frame's.
LEAD_SENTENCES = 2
#: Narrative sentences that may tell where the event happened: news tells it in its opening paragraphs.
PLACE_SENTENCES = 10
#: Lines of the head of the text a dateline may open ("Headline\n\nGHENT (Reuters) - ...").
DATELINE_LINES = 3


def _alternation(lexicon: str) -> str:
    """The terms of a stories lexicon as ``a|b\\s+c|...``, longest first, for use inside ``(?:...)``."""
    return "|".join(
        re.escape(term).replace(r"\ ", r"\s+")
        for term in sorted(terms("crosswire.stories", lexicon), key=len, reverse=True)
    )


#: A locative preposition right before a place, with an article and a word of ``lexicons/place_modifiers.json``
#: between ("in northeast Ghent", "at an Atlanta courthouse"), and the word before the preposition, even when a
#: quotation closes after it ('"very disappointed" in Ghent').
_LOCATIVE_BEFORE = re.compile(
    rf"(?:(?<![\w'’-])(?P<before>[\w'’-]+)[\"”’)]*\s+)?(?<![\w'’-])(?P<preposition>(?i:{_alternation('locatives')}))"
    rf"\s+(?:(?:the|an?)\s+)?(?:(?i:{_alternation('place_modifiers')})\s+)?$"
)
#: Prepositions that put things at a site or a feature (tagged LOC or FAC) but not in a town or a country: there
#: they name a target ("sanctions on Ghent"); ``lexicons/locatives.json``, the entries marked ``sites_only``.
_SITES_ONLY = frozenset(
    entry.term
    for entry in load_lexicon("crosswire.stories", "locatives").entries
    if isinstance(entry.value, dict) and entry.value.get("sites_only")
)
_SITE_LABELS = frozenset({"LOC", "FAC"})
#: Words before the preposition that make the place the object of a feeling or a stake ("disappointed in Ghent";
#: ``lexicons/not_locative_before.json``).
_NOT_LOCATIVE_BEFORE = terms("crosswire.stories", "not_locative_before")
#: A word joined to a place by a hyphen that gives the place another role ("Tokyo-bound": a destination;
#: "Ghent-based": an attribute; ``lexicons/place_role_suffixes.json``).
_ROLE_AFTER = re.compile(rf"-(?:{_alternation('place_role_suffixes')})\b", re.IGNORECASE)
#: A capitalised word right after a place: the place is part of a longer name ("Houston Texans", "the Erie
#: Times-News", "Ghent Rovers"), unless the word is a day or a month ("in Ghent Monday").
_NAME_GOES_ON = re.compile(r"[ \t]+(?:&\s+)?(?P<word>[A-Z][\w'’.-]*)")
#: Words that make a sentence a picture's caption or a video's title rather than the story's text
#: (``lexicons/caption_cues.json``).
_CAPTION_CUE = re.compile(rf"(?<!\w)(?:{_alternation('caption_cues')})(?!\w)", re.IGNORECASE)
#: A player's shirt number after the name, as sports captions print it ("Ana Ruiz (7) scores").
_SHIRT_NUMBER = re.compile(r"[A-Z][\w'’-]+\s\(\d{1,2}\)")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
#: A capitalised name in quotation marks on its own ("Vienna", "New Moon"): a title.
_QUOTED_NAME = re.compile(r"[\"“](?P<name>[A-Z][\w'’.-]*(?: [\w'’.-]+){0,5}?)[,.!?]?[\"”]")
#: A destination the locative phrase belongs to ("taken to a hospital in Ghent", "a transfer to one in Ghent";
#: ``lexicons/destination_words.json``).
_DESTINATION_BEFORE = re.compile(
    rf"(?<![\w'’-])(?i:{_alternation('destination_words')})\s+(?:one|(?:(?:a|an|the|his|her|its|their)\s+)?"
    rf"(?:[a-z][\w-]*\s+)?(?:{_alternation('sites_of_a_place')}))\s+$"
)
#: A possessive after a place and the word or two after it ("Ghent's north", "Ghent's famous cathedral").
_POSSESSIVE_AFTER = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?P<next>[\w-]+)(?:\s+(?P<then>[\w-]+))?")
#: Parts and sites of a place that its possessive may own and still say where (``lexicons/sites_of_a_place.json``).
_POSSESSED_SITES = terms("crosswire.stories", "sites_of_a_place")


def _article_sentences(article: Article) -> list[tuple[int, int]]:
    """Spans of the article's sentences, as the annotators split them (by punctuation when they did not)."""
    annotations = article.annotations
    if annotations is not None and annotations.sentences:
        return [trim_span(article.text, s.start, s.end) for s in annotations.sentences]
    return sentence_spans(article.text)


def _narrative_sentences(article: Article) -> list[tuple[int, int]]:
    """Spans of the article's sentences that tell the story: not captions, not a line without a full stop
    (a teaser, a credit, a section name), except the headline when the text opens with it."""
    text = article.text
    spans = _article_sentences(article)
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    headline = article.title is not None and text[:first_line_end].strip() == article.title.strip()
    kept = []
    for start, end in spans:
        if start >= end:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : len(text) if line_end < 0 else line_end].strip()
        if not _SENTENCE_END.search(line) and not (headline and line_start == 0):
            continue
        sentence = text[start:end]
        if sentence.rstrip("\"”’') ").endswith("?"):
            continue  # a question asserts no place
        if _CAPTION_CUE.search(sentence) or _SHIRT_NUMBER.search(sentence):
            continue
        kept.append((start, end))
    return kept


def _within(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(left <= start and end <= right for left, right in spans)


def _sentence_of(spans: Sequence[tuple[int, int]], text: str, position: int) -> str:
    """The sentence holding ``position`` (empty when none does)."""
    span = next(((left, right) for left, right in spans if left <= position < right), (position, position))
    return text[span[0] : span[1]]


def _locative_uses(
    text: str, place: str, entities: Sequence[Entity], narrative: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Where a narrative sentence puts something at ``place``: each use tagged as a place, after a locative
    preposition, in no other role (a destination, an attribute, part of a longer name)."""
    uses = []
    for match in re.finditer(rf"(?<![\w-]){re.escape(place)}(?![\w])", text):
        start, end = match.span()
        if not _within(narrative, start, end):
            continue
        before = _LOCATIVE_BEFORE.search(text, max(0, start - 60), start)
        if before is None or _not_locative_chain(text, before):
            continue
        preposition = before.start("preposition")
        if _DESTINATION_BEFORE.search(text, max(0, preposition - 40), preposition):
            continue
        labels = _place_labels(start, end, entities)
        if before.group("preposition").lower() in _SITES_ONLY:
            labels &= _SITE_LABELS
        if _ROLE_AFTER.match(text, end) or not labels or _owner(text, end):
            continue
        goes_on = _NAME_GOES_ON.match(text, end)
        if goes_on is not None and goes_on.group("word").lower().rstrip(".") not in CALENDAR_WORDS:
            continue
        uses.append((start, end, place))
    return uses


#: How many places a chain of locatives ("a company in Dalby in Lumeria's north") may name before its head.
MAX_LOCATIVE_CHAIN = 3


def _not_locative_chain(text: str, before: re.Match[str]) -> bool:
    """Whether the locative phrase belongs to a word that gives the place another role, right before its
    preposition ("disappointed in Ghent") or before a chain of places it heads ("a company in Dalby in
    Lumeria's north": Lumeria seats the company too)."""
    for _ in range(MAX_LOCATIVE_CHAIN):
        word = before.group("before") or ""
        if word.lower() in _NOT_LOCATIVE_BEFORE:
            return True
        if not word[:1].isupper():
            return False  # the chain ends at a word that is no place
        earlier = _LOCATIVE_BEFORE.search(text, max(0, before.start("before") - 60), before.start("before"))
        if earlier is None:
            return False
        before = earlier
    return False


def _place_labels(start: int, end: int, entities: Sequence[Entity]) -> set[str]:
    """The place labels the tagger gave the words at ``start:end``; none when it also read them as a name of
    something else (a person, an organisation, a work)."""
    labels = {e.label for e in entities if e.start < end and start < e.end}
    return set() if labels & _NOT_PLACE_LABELS else labels & PLACE_LABELS


def _not_places(articles: Sequence[Article]) -> frozenset[str]:
    """Names (case-folded) that the articles tag as a person, an organisation or a work more often than as a
    place ("Ana Ruiz" read once as a place), or write in quotation marks: the title of a work ("Vienna", a film,
    is a title in the whole story once one report quotes it)."""
    votes: Counter[str] = Counter()
    quoted: set[str] = set()
    for article in articles:
        for entity in article.annotations.entities if article.annotations else ():
            if entity.label in _NOT_PLACE_LABELS:
                votes[entity.text.casefold()] += 1
            elif entity.label in PLACE_LABELS:
                votes[entity.text.casefold()] -= 1
        quoted.update(match.group("name").casefold() for match in _QUOTED_NAME.finditer(article.text))
    return frozenset({name for name, vote in votes.items() if vote > 0} | quoted)


def _owner(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` is a possessive that owns something other than a part or a site of it:
    "in Ghent's efforts", "on Ghent's next possession" (not "in Ghent's north", "outside Ghent's old cathedral",
    "in Ghent's Old Town")."""
    match = _POSSESSIVE_AFTER.match(text, end)
    if match is None or match.group("next")[:1].isupper():
        return False
    return not {match.group("next").lower(), (match.group("then") or "").lower()} & _POSSESSED_SITES


def _dateline(text: str, places: Sequence[str], narrative: Sequence[tuple[int, int]]) -> tuple[int, int, str] | None:
    """The place of a dateline opening one of the first lines, when the frame names it and it heads a narrative
    sentence: its span and the place as running text writes it ("GHENT" -> "Ghent")."""
    position = 0
    for _ in range(DATELINE_LINES):
        while position < len(text) and text[position].isspace():
            position += 1
        place = dateline_place(text, position)
        if place is not None and any(same_place(place, named) for named in places):
            match = re.match(r"[^\s(,–—-]+(?:\s[^\s(,–—-]+)*", text[position:])
            end = position + len(match.group()) if match else position
            if end > position and _within(narrative, position, end):
                return position, end, place
        next_line = text.find("\n", position)
        if next_line < 0:
            break
        position = next_line
    return None


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


def _status(group: Sequence[_Mention], origins: Sequence[str], same: _Same) -> FactStatus:
    """As for numbers (``corroborate.fact_status``): one origin is a single source, however many outlets
    print its sentence."""
    if len(set(origins)) < 2:
        return "single"
    first = group[0].value
    return "agree" if all(same(first, m.value) for m in group) else "conflict"


def _speaks_of_self(speaker: str | None, mention: _Mention) -> bool:
    """Whether the speaker is the person the mention names ("zoo director Thane Maynard said"): each outlet that
    quotes him names him and his post on its own account, so his being quoted makes no one origin of that."""
    return speaker is not None and bool(speaker_key(speaker) & speaker_key(mention.value))


def _fact(kind: str, group: Sequence[_Mention], same: _Same, one_text: frozenset[frozenset[str]]) -> Fact:
    # As for numbers (``corroborate``): outlets printing one sentence or passage, or quoting one speaker, that
    # names the same person or place are one origin; a copy naming another is a statement of its own.
    sentences, said_by = zip(*(told_in(m.sentence) for m in group), strict=True)
    origins = origin_keys(
        [m.source for m in group],
        sentences,
        lambda i, j: same(group[i].value, group[j].value),
        [m.around for m in group],
        [None if _speaks_of_self(speaker, m) else speaker for speaker, m in zip(said_by, group, strict=True)],
        lambda i, j: frozenset((group[i].article, group[j].article)) in one_text,
    )
    status = _status(group, origins, same)
    # A conflict shows the latest statement, as for numbers; otherwise the fullest name.
    value = group[-1].value if status == "conflict" else max((m.value for m in group), key=len)
    mentions = tuple(
        FactMention(m.article, m.text, m.value, None, m.start, m.end, speaker, origin)
        for m, speaker, origin in zip(group, said_by, origins, strict=True)
    )
    return Fact(kind=kind, about=group[0].about, value=value, status=status, mentions=mentions,
                origins=len(set(origins)), outlets=len({m.source for m in group}))  # fmt: skip
