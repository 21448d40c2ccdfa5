"""Where a claim comes from: wire text carried by several outlets, and who is said to have said it.

Independence is judged claim by claim, not only article by article.  Two
outlets whose articles differ may still print one agency's sentence for a
figure ("Police say 27 people are injured"): for that figure they are one
origin reported twice.  Sentences are copies when, case and spacing aside,
they are near-identical (``COPY_SIMILARITY``) and long enough to be a
written sentence rather than a stock phrase, or one text edited: most of its
word triples kept, its content words kept in order, or half of it kept in
runs of its own phrasing with words cut, added or changed between them.

The attribution of a figure is the "according to X" or "X said" of its
sentence ("police said", "according to the coastguard"), so that five outlets
quoting one police statement read as one statement reported five times.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from crosswire.lexicon import Entry, phrase_alternation, terms
from crosswire.stories.sources import registered_domain
from crosswire.stories.text import WEB_ADDRESS, content_words, stem

#: Similarity (0..100) of two sentences for one to be a copy of the other.
COPY_SIMILARITY = 90
#: Shorter sentences are too common to tell a copy ("Five people died.").
MIN_COPY_CHARS = 40
#: A lightly edited copy (a clause added, a unit spelt out, a conversion in brackets) keeps most of the
#: word triples of the shorter sentence; two reporters telling one fact in their own words share few
#: ("Police said 27 people were injured in the crash" / "27 people were injured in Tuesday's crash,
#: police said": 0.38).
COPY_CONTAINMENT = 0.6
#: Word triples the shorter sentence needs before containment may call it a copy: short plain sentences
#: ("More than 300 residents were evacuated from the valley on Monday.") are written alike by reporters
#: working apart.
MIN_COPY_TRIPLES = 12
#: Words in a row two sentences must share to be one text whatever is glued around it (a headline and a
#: dateline run into the first sentence, a clause added): reporters writing apart do not repeat 12 words
#: in a row, and outlets quoting one statement word for word repeat its origin.
MIN_COPY_RUN = 12
#: A copy edited in its tense or its little words ("have been damaged by the quakes" / "were damaged in the
#: quake") keeps this share of the shorter sentence's content words, in the same order ...
COPY_WORDS_IN_ORDER = 0.85
#: ... when it has at least this many: shorter sentences are written alike by reporters working apart ...
MIN_COPY_WORDS = 10
#: ... and this share of its word triples: two reporters telling one event in its natural order ("X defended
#: his crown by stopping Y in the seventh round") keep the content words but not the phrasing (0.33 on
#: such pairs of the tuning stories, 0.44 and up on edited copies there).
EDITED_COPY_TRIPLES = 0.4
#: An edited copy keeps the original's phrasing in runs: two or more word runs of at least this many words,
#: in the order of the sentences, ...
EDITED_RUN = 4
#: ... covering at least this share of the shorter sentence's words ("the epicentre was about 60 kilometres
#: from the island's main town of Porto Vell and the quake occurred at a depth of 12 kilometres" / "the quake,
#: whose epicentre was about 60 kilometres from Porto Vell, occurred at a depth of 12 kilometres and ...").
#: Reporters working apart share a stock run or two ("at a depth of", "told reporters on"), or one long
#: phrase that is the plain way to say it ("people were injured when the footbridge at Marrow gave way"), and
#: seldom half a sentence in several runs ...
EDITED_COVERAGE = 0.5
#: ... of at least this many words: short sentences are phrased alike by chance.
MIN_EDITED_WORDS = 12
_SPEECH = "|".join(sorted(terms("crosswire.annotate", "attribution_verbs"), key=len, reverse=True))
_ACCORDING_TO = re.compile(r"\baccording to ((?:the |a |an )?[\w'’.-]+(?: [\w'’.-]+){0,4}?)(?=[,.;:!?\"”]|$)", re.I)
_WHO = r"((?:the |a |an )?[\w'’.-]+(?: [\w'’.-]+){0,3})"
#: "..., police said." (after a comma, the speaker ends the sentence) and "Police said ..." (before the figure).
_SAID_AFTER = re.compile(rf"(?:^|[,;]\s*){_WHO} (?:{_SPEECH})\b(?!\s+that)", re.I)
_SAID_BEFORE = re.compile(rf"\b{_WHO} (?:{_SPEECH})(?: that)?\b", re.I)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
#: Words no speaker's name opens or ends with (``lexicons/stopwords.json``: function words, reporting verbs).
_FUNCTION_WORDS = terms("crosswire.stories", "stopwords")
_CLOCK_BEFORE = re.compile(r"^(?:(?:at\s+)?\d[\d:.]*\s*(?:[ap]\.\s?m\.|[ap]m\b)?|[ap]\.\s?m\.|[ap]m\b)\s*", re.I)


def normalised(sentence: str) -> str:
    """A sentence as copies are compared: case, spacing and printed web addresses aside (texts saved from
    pages may carry the page's address before the first sentence, which differs between two outlets that
    print the same wire sentence)."""
    return " ".join(WEB_ADDRESS.sub(" ", sentence).casefold().split())


def copies(a: str, b: str) -> bool:
    """Whether two sentences (normalised) are one text printed twice, perhaps lightly edited."""
    if min(len(a), len(b)) < MIN_COPY_CHARS:
        return a == b and len(a) > 0
    return (
        a == b
        or _opens_or_closes(a, b)
        or fuzz.ratio(a, b) >= COPY_SIMILARITY
        or _contained(a, b)
        or _shared_run(a, b)
        or _same_words_in_order(a, b)
        or _phrasing_kept(a, b)
    )


def _opens_or_closes(a: str, b: str) -> bool:
    """Whether the shorter sentence, whole, opens or closes the other: one sentence printed twice, where one
    page's sentence splitter ran it into the next line ("... sentence. ... For the man ...")."""
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) or longer.endswith(shorter)


_WORD = re.compile(r"[^\W_]+")
_BRACKETED = re.compile(r"\([^)]*\)")


def _contained(a: str, b: str) -> bool:
    """Whether most word triples of the shorter sentence are in the other (brackets aside: "600 metres
    (2,000 feet)" is the same copy as "600m")."""
    shared, shorter = _shared_triples(a, b)
    return shorter >= MIN_COPY_TRIPLES and shared >= COPY_CONTAINMENT * shorter


def _shared_triples(a: str, b: str) -> tuple[int, int]:
    """How many word triples the two sentences share, and how many the shorter one has."""
    triples_a, triples_b = _triples(a), _triples(b)
    return len(triples_a & triples_b), min(len(triples_a), len(triples_b))


def _shared_run(a: str, b: str) -> bool:
    """Whether the two sentences share ``MIN_COPY_RUN`` words in a row (brackets aside)."""
    if _shared_triples(a, b)[0] < MIN_COPY_RUN - 2:
        return False  # a run of n words is n - 2 shared triples: most pairs stop at this cheap test
    words_a, words_b = _words(a), _words(b)
    match = SequenceMatcher(None, words_a, words_b, autojunk=False).find_longest_match(
        0, len(words_a), 0, len(words_b)
    )
    return match.size >= MIN_COPY_RUN


def _same_words_in_order(a: str, b: str) -> bool:
    """Whether the shorter sentence's content words (stemmed) are nearly all in the other, in its order: one
    text with its tense or its function words edited (``COPY_WORDS_IN_ORDER``)."""
    words_a, words_b = _content(a), _content(b)
    shorter = min(len(words_a), len(words_b))
    if shorter < MIN_COPY_WORDS or len(set(words_a) & set(words_b)) < COPY_WORDS_IN_ORDER * shorter:
        return False  # the cheap test first: most pairs share too few words to be in order
    shared, shorter_triples = _shared_triples(a, b)
    if shared < EDITED_COPY_TRIPLES * shorter_triples:
        return False
    blocks = SequenceMatcher(None, words_a, words_b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) >= COPY_WORDS_IN_ORDER * shorter


def _phrasing_kept(a: str, b: str) -> bool:
    """Whether two or more runs of at least ``EDITED_RUN`` words, in order, cover ``EDITED_COVERAGE`` of the
    shorter sentence (of ``MIN_EDITED_WORDS`` or more): one text with words cut, added or changed between runs
    of its own phrasing (the way text reuse between a wire report and the papers printing it is told apart,
    brackets aside).  One run alone is a copy only when long (``_shared_run``)."""
    words_a, words_b = _words(a), _words(b)
    shorter = min(len(words_a), len(words_b))
    if shorter < MIN_EDITED_WORDS:
        return False
    # A run of n >= EDITED_RUN words holds n - 2 >= (1 - 2 / EDITED_RUN) n shared triples: the cheap test first.
    if _shared_triples(a, b)[0] < (1 - 2 / EDITED_RUN) * EDITED_COVERAGE * shorter:
        return False
    blocks = SequenceMatcher(None, words_a, words_b, autojunk=False).get_matching_blocks()
    runs = [block.size for block in blocks if block.size >= EDITED_RUN]
    return len(runs) >= 2 and sum(runs) >= EDITED_COVERAGE * shorter


@lru_cache(maxsize=4096)
def _content(sentence: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in content_words(_BRACKETED.sub(" ", sentence)))


@lru_cache(maxsize=4096)
def _words(sentence: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_BRACKETED.sub(" ", sentence)))


@lru_cache(maxsize=4096)
def _triples(sentence: str) -> frozenset[tuple[str, ...]]:
    """The sentence's word triples, brackets aside; cached, since a story compares each sentence with many."""
    words = _words(sentence)
    return frozenset(words[i : i + 3] for i in range(len(words) - 2))


def origin_keys(
    sources: Sequence[str],
    sentences: Sequence[str],
    same_statement: Callable[[int, int], bool] = lambda i, j: True,
    around: Sequence[tuple[str, ...]] | None = None,
    speakers: Sequence[str | None] | None = None,
    one_text: Callable[[int, int], bool] = lambda i, j: False,
) -> list[str]:
    """An origin key per mention: the source, or the origin of the earlier mentions of other sources whose
    sentences it copies and whose statement it repeats (``same_statement(i, j)``: a wire sentence updated with
    another figure is a statement of its own); a mention copying two earlier ones joins their origins, the
    earliest source standing for all.  With ``around`` (the sentences next to each mention's), a copied
    neighbour makes a copy too: an outlet that reworded a wire report's sentence for the figure but prints
    the report's sentences around it carries that report.  With ``speakers`` (each
    mention's attribution), two outlets quoting one speaker ("the zoo said" / "zoo officials said") are one
    statement reported twice, and an outlet crediting another ("according to the Gazette") carries its report.
    A figure passed on from others' reports ("..., according to reports", ``relays``) confirms nothing of
    its own: it carries the earlier outlet's statement of it.  ``one_text(i, j)`` says whether two mentions'
    articles are versions of one text (``versions_of_one_text``): what they state alike, they state once.

    Mentions are compared only across sources; within one source every mention already counts once.  A
    source that carries another's text for a claim carries it for its other mentions of the same statement too
    (a wire report's sentence printed lower down, its lead reworded above): they take that origin.
    """
    # Each mention points at the earlier mention whose report it carries; its origin is the source at the end
    # of that chain, so a carriage found later (below) reaches every mention that carries the carrier.
    carries = list(range(len(sources)))
    outlets = frozenset(_outlet_name(source) for source in sources)

    def first(i: int) -> int:
        while carries[i] != i:
            i = carries[i]
        return i

    for i in range(len(sentences)):
        relayed = relays(sentences[i])
        for j in range(i):
            if sources[i] == sources[j] or not same_statement(i, j):
                continue
            if relayed:  # "..., according to reports": an earlier outlet's report passed on, whichever it was
                carries[i] = first(j)
                break
            if (
                copies(sentences[i], sentences[j])
                or one_text(i, j)
                or (around is not None and _copied_around(around[i], around[j]))
                or (speakers is not None and _one_speaker(speakers[i], speakers[j], sources[i], sources[j], outlets))
            ) and (first(i) == i or same_statement(first(i), first(j))):
                # A text carrying two earlier reports joins them: two rewordings of one release, each printed
                # in part by a third outlet, are one release, though neither copies the other.  Not two that
                # state different figures: each is a statement of its own, whatever a third repeats of both.
                carried, carrier = sorted((first(i), first(j)))
                carries[carrier] = carried
    for i in range(len(sources)):
        if sources[first(i)] != sources[i]:  # carried: the source's own mentions of this statement are that carriage
            for k in range(len(sources)):
                if first(k) == k and sources[k] == sources[i] and k != i and same_statement(k, i):
                    carries[k] = first(i)
    return [sources[first(i)] for i in range(len(sources))]


#: Phrases by which a sentence passes on others' reports ("according to reports"; ``lexicons/relay_words.json``).
_RELAY = re.compile(rf"\b(?:{phrase_alternation(terms('crosswire.stories', 'relay_words'))})\b", re.IGNORECASE)


def relays(sentence: str) -> bool:
    """Whether the sentence passes a figure on from others' reports without standing behind it."""
    return _RELAY.search(sentence) is not None


def check_relay_word(entry: Entry) -> None:
    """The lexicon check: the example relays its figure."""
    assert relays(entry.example), entry.term


#: Words of a speaker that name no one in particular ("officials", "a spokesman"; ``lexicons/many_speakers.json``).
_MANY_SPEAKERS = terms("crosswire.stories", "many_speakers")
_SPEAKER_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def speaker_key(speaker: str | None) -> frozenset[str]:
    """The words of an attribution that name someone ("the zoo", "Carrow Zoo officials" -> {"zoo"} and
    {"carrow", "zoo"}); empty when it names no one in particular ("officials", "a spokesman")."""
    if speaker is None:
        return frozenset()
    words = {word.casefold() for word in _SPEAKER_WORD.findall(speaker)}
    return frozenset(words - _MANY_SPEAKERS - _FUNCTION_WORDS)


def _one_speaker(
    speaker: str | None, other: str | None, source: str, other_source: str, outlets: frozenset[str]
) -> bool:
    """Whether two mentions' speakers are one (one names all the other's words: "the zoo" / "zoo officials"),
    or either mention credits the other's outlet ("according to the Gazette" for gazette.com), whichever
    was printed first.  ``outlets``: the names of the outlets in play, against which a short name is read."""
    mine, theirs = speaker_key(speaker), speaker_key(other)
    if mine and theirs and (mine <= theirs or theirs <= mine):
        return True
    return _credits(speaker, other_source, outlets) or _credits(other, source, outlets)


#: A short name an outlet is credited by, the end of its name ("the Post" for nypost.com), is this long at least.
MIN_SHORT_NAME = 4


def _credits(speaker: str | None, source: str, outlets: frozenset[str]) -> bool:
    """Whether an attribution names the outlet of ``source``: a word of it is the outlet's name ("the Gazette"
    for gazette.com), or its words run together are ("The Evening Ledger" for eveningledger.com), or its one word
    ends the outlet's name and no other outlet's in play ("according to the Post" for nypost.com, when no other
    outlet's name ends in "post")."""
    words = speaker_key(speaker)
    if not words:
        return False
    outlet = _outlet_name(source)
    spelled = "".join(word.casefold() for word in _SPEAKER_WORD.findall(speaker or "") if word.casefold() != "the")
    if outlet in words or outlet == spelled:
        return True
    if len(words) != 1:
        return False  # "The Evening Ledger" is no short name of morningledger.com
    (word,) = words
    return len(word) >= MIN_SHORT_NAME and outlet.endswith(word) and sum(name.endswith(word) for name in outlets) == 1


@lru_cache(maxsize=4096)
def _outlet_name(source: str) -> str:
    """The name an outlet goes by in print, from its source key: "edition.cnn.com" -> "cnn"."""
    return (registered_domain(source) or source).casefold().split(".")[0]


def check_many_speakers(entry: Entry) -> None:
    """The lexicon check: the example's attribution names no one in particular."""
    assert attribution(entry.example) is not None and not speaker_key(attribution(entry.example)), entry.term


@lru_cache(maxsize=16384)
def _copied_around(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether a sentence next to one mention copies a sentence next to the other (long enough to tell); cached,
    since a story's mentions of one passage are compared with many others."""
    return any(copies(x, y) for x in a for y in b if min(len(x), len(y)) >= MIN_COPY_CHARS)


def attribution(sentence: str) -> str | None:
    """Who the sentence says the figure comes from: "according to the coastguard" → "the coastguard";
    "police said" → "police"; None when the sentence attributes nothing (or only to "he", "she")."""
    for pattern in (_ACCORDING_TO, _SAID_AFTER, _SAID_BEFORE):
        match = pattern.search(sentence)
        if match is not None:
            # A clock time is no part of a speaker ("at 3:20 a.m. Borough officials said").
            who = _speaker(_CLOCK_BEFORE.sub("", match.group(1).strip()).rstrip("."))
            # A speaker has a word of three letters or more: not a stray quote mark or a cut initial.
            if who and who.casefold() not in _PRONOUNS and re.search(r"[^\W\d_]{3,}", who):
                return who
    return None


def _speaker(words_before: str) -> str | None:
    """The speaker among the words before "said": those after a "that" ("… Marlowe Road that police
    said" → "police"), without the auxiliary before the verb ("the mayor has said" → "the mayor");
    none when what is left opens on a function word ("and said", "in fair condition and said"): the
    end of another clause, not a name."""
    words = words_before.split()
    if "that" in (lowered := [word.casefold() for word in words]):
        words = words[len(lowered) - lowered[::-1].index("that") :]
    while words and words[-1].casefold() in _FUNCTION_WORDS:
        words.pop()
    named = [word for word in words if word.casefold() not in ("the", "a", "an")]
    if not named or named[0].casefold() in _FUNCTION_WORDS:
        return None
    return " ".join(words)


#: Two articles printing this many long sentences alike are versions of one text (a wire story and its
#: write-through, or a partner's copy with its own lead): whatever they state alike, they state once.
SHARED_SENTENCES = 3
#: A sentence this many words long or longer is unlikely to be written alike by two reporters.
SHARED_SENTENCE_WORDS = 12


def versions_of_one_text(texts: Mapping[str, Sequence[str]]) -> frozenset[frozenset[str]]:
    """The pairs of articles (ids) that print ``SHARED_SENTENCES`` or more long sentences word for word
    (``normalised``), from each article's sentences."""
    holders: dict[str, set[str]] = {}
    for article, sentences in texts.items():
        for sentence in sentences:
            if len(sentence.split()) >= SHARED_SENTENCE_WORDS:
                holders.setdefault(normalised(sentence), set()).add(article)
    shared: Counter[frozenset[str]] = Counter()
    for articles in holders.values():
        for pair in itertools.combinations(sorted(articles), 2):
            shared[frozenset(pair)] += 1
    return frozenset(pair for pair, count in shared.items() if count >= SHARED_SENTENCES)
