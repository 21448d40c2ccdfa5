"""Cited briefs: extractive key points, a dated timeline, facts and sources.

Every key point is a sentence copied from an article, and its first citation
points at exactly that sentence, so a reader can always check it.  Key
points are drawn from the leads of independent sources, preferring sentences
that state corroborated facts and that share the story's common vocabulary
(central sentences), and skipping near-repeats of points already chosen:
sentences in mostly the same words, or stating the same figures of the same
corroborated facts in other words (those are cited for the point instead).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.annotate.quantities.grammar import MEASURE_DIMENSIONS
from crosswire.annotate.quantities.scores import TALLIES
from crosswire.lexicon import terms
from crosswire.model import Article, Brief, Citation, Fact, KeyPoint, SourceEntry, Story, TimelineEntry
from crosswire.stories.brief_render import brief_to_dict, brief_to_markdown
from crosswire.stories.corroborate import in_a_caption
from crosswire.stories.text import content_words, sentence_spans, stem, trim_span

MIN_KEY_POINTS = 3
MAX_KEY_POINTS = 7
#: Sentences of each article's opening considered for key points.
LEAD_SENTENCES = 6
MIN_SENTENCE_CHARS = 40
MAX_SENTENCE_CHARS = 400
#: Word overlap above which two sentences say the same thing.
REPEAT_OVERLAP = 0.6
MAX_TIMELINE = 12
#: Verbs of saying: a date they take dates a statement, not a happening.
_SAYING = terms("crosswire.annotate", "attribution_verbs")
_AGE = MEASURE_DIMENSIONS["age"]

__all__ = ["brief_to_dict", "brief_to_markdown", "write_brief"]


@dataclass(frozen=True, slots=True)
class _Sentence:
    article: str
    source: str
    position: int
    start: int
    end: int
    text: str
    words: frozenset[str]
    #: The figures the sentence states (its quantities' values): a sentence backs another only if it states
    #: the other's figures too ("25 people were injured" is not backed by "27 people were injured").
    figures: frozenset[float] = frozenset()


def _article_sentences(article: Article) -> list[tuple[int, int]]:
    annotations = article.annotations
    if annotations is not None and annotations.sentences:
        spans = [trim_span(article.text, s.start, s.end) for s in annotations.sentences]
        spans = [span for span in spans if span[0] < span[1]]
    else:
        spans = sentence_spans(article.text)
    lines = [line for start, end in spans for line in _lines_apart(article.text, start, end)]
    return _whole_quotations(article.text, lines)


#: A line break after which a new line begins: what the line before it says is done, even without a full stop.
_NEW_LINE = re.compile(r"\n\s*(?=[\"“'‘(]?[A-Z0-9])")


def _lines_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence span cut at each line break that opens a new line: a page's address, its headline, a date line
    or a caption above the first sentence ("Harbour fire: what we know\nA fire broke out ...") is not part of
    it.  A break before a lower-case word is a line wrapped inside one sentence and stays."""
    cuts = [start, *(match.start() for match in _NEW_LINE.finditer(text, start, end)), end]
    parts = [trim_span(text, a, b) for a, b in itertools.pairwise(cuts)]
    return [(a, b) for a, b in parts if a < b]


#: The most sentences one quotation is read across (a longer quote is left as its sentences).
MAX_QUOTED_SENTENCES = 4


def _whole_quotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences with a quotation of several sentences kept whole: 'She said: "We know the river. We
    know its moods."' is one sentence for a key point or a timeline entry, not a quote broken off at its
    first full stop with its quotation mark left open."""
    merged: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        taken = 1
        while _open_quote(text[start:end]) and taken < MAX_QUOTED_SENTENCES and index + taken < len(spans):
            end = spans[index + taken][1]
            taken += 1
        if _open_quote(text[start:end]):
            end, taken = spans[index][1], 1  # never closed: the sentence as it was
        merged.append((start, end))
        index += taken
    return merged


def _open_quote(sentence: str) -> bool:
    """Whether a quotation opened in the sentence is not closed in it (curly or straight marks)."""
    return sentence.count("“") > sentence.count("”") or sentence.count('"') % 2 == 1


def _sentences(article: Article, source: str) -> list[_Sentence]:
    found = []
    quantities = article.annotations.quantities if article.annotations else ()
    for position, (start, end) in enumerate(_article_sentences(article)):
        text = article.text[start:end]
        figures = frozenset(q.value for q in quantities if start <= q.start < end)
        words = frozenset(stem(w) for w in content_words(text))
        found.append(_Sentence(article.id, source, position, start, end, text, words, figures))
    return found


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _is_prose(sentence: _Sentence) -> bool:
    text = sentence.text
    return (
        MIN_SENTENCE_CHARS <= len(text) <= MAX_SENTENCE_CHARS
        and text[-1] in ".!?\"”’'"
        and len(sentence.words) >= 5
        and not text.endswith("?")
    )


def _fact_weight(sentence: _Sentence, facts: Sequence[Fact]) -> float:
    weight = 0.0
    for fact in facts:
        for mention in fact.mentions:
            if mention.article == sentence.article and sentence.start <= mention.start < sentence.end:
                weight = max(weight, 1.0 if fact.status == "agree" else 0.3)
    return weight


class _SentenceAt:
    """A story's sentences, found by article and offset: a bisect in the article's sentences (which follow each
    other in the text), not a walk over every sentence of the story for each figure."""

    def __init__(self, sentences: Sequence[_Sentence]) -> None:
        self._of: dict[str, list[_Sentence]] = {}
        for sentence in sentences:
            self._of.setdefault(sentence.article, []).append(sentence)
        self._starts = {article: [s.start for s in told] for article, told in self._of.items()}

    def __call__(self, article: str, offset: int) -> _Sentence | None:
        """The sentence of ``article`` holding ``offset``; None when none does."""
        at = bisect.bisect_right(self._starts.get(article, []), offset) - 1
        sentence = self._of[article][at] if at >= 0 else None
        return sentence if sentence is not None and offset < sentence.end else None


#: A figure or a date of a fact as a sentence states it: the fact's place among the story's facts, and the value.
_StatedFigure = tuple[int, float | str]


#: The figures each sentence states (``_figures_stated``), by the sentence's (article, start).
_FiguresBySentence = dict[tuple[str, int], frozenset[_StatedFigure]]


def _figures_stated(sentence_at: _SentenceAt, facts: Sequence[Fact]) -> _FiguresBySentence:
    """The figures of the story's facts each sentence states, by (article, start).  Two sentences
    stating the same figures of the same facts tell the same thing in their own words ("420 people were forced
    from their homes" / "police evacuated 420 residents", one agreed fact); the other value of a disputed figure
    ("three killed" / "seven killed") is another statement.  A date counts by what happened on it ("the bridge
    collapsed on Tuesday"), not when it only dates a statement ("officials said on Wednesday") or nothing the
    parse could name: many sentences are said on one day."""
    stated: dict[tuple[str, int], set[_StatedFigure]] = {}
    for index, fact in enumerate(facts):
        if not _states_what_happened(fact):
            continue
        for mention in fact.mentions:
            if (sentence := sentence_at(mention.article, mention.start)) is not None:
                stated.setdefault((mention.article, sentence.start), set()).add((index, mention.value))
    return {key: frozenset(figures) for key, figures in stated.items()}


def _states_what_happened(fact: Fact) -> bool:
    """A count or a measure, but not an age: "Ana Ruiz, 38" says who, and sentences about anything she did give it;
    or a date of a happening the parse named, not of a statement."""
    if fact.kind == "quantity":
        return fact.predicate != _AGE
    return fact.kind == "date" and fact.predicate is not None and fact.predicate.lower() not in _SAYING


def _same_figures(stated: frozenset[_StatedFigure], other: _Sentence, figures: _FiguresBySentence) -> bool:
    """Whether the other sentence states every one of ``stated``'s figures."""
    return stated <= figures.get((other.article, other.start), frozenset())


def _corroborated(figures: frozenset[_StatedFigure], facts: Sequence[Fact]) -> frozenset[_StatedFigure]:
    """The figures that independent sources give: the mentions of one source's figure were never weighed against
    another source's, so stating one of them says nothing of what another sentence says."""
    return frozenset(figure for figure in figures if facts[figure[0]].status != "single")


def _tells_another_event(figures: frozenset[_StatedFigure], facts: Sequence[Fact]) -> bool:
    """Whether the sentence states a figure of another time ("Last year a fire at the depot killed two people"):
    a fact told only in sentences about an earlier event is no key point of this story."""
    return any(facts[index].background for index, _ in figures)


def _key_points(
    candidates: list[_Sentence], all_sentences: list[_Sentence], sentence_at: _SentenceAt, facts: Sequence[Fact]
) -> list[KeyPoint]:
    vocabulary: Counter[str] = Counter()
    for sentence in candidates:
        vocabulary.update(sentence.words)
    sources = {s.source for s in candidates}

    def score(sentence: _Sentence) -> float:
        # Centrality: how many sources use this sentence's words, on average.
        centrality = sum(min(vocabulary[w], len(sources)) for w in sentence.words) / (
            len(sentence.words) * len(sources)
        )
        lead = 1.0 / (1.0 + sentence.position)
        return centrality + 0.5 * lead + 0.5 * _fact_weight(sentence, facts)

    figures = _figures_stated(sentence_at, facts)
    none: frozenset[_StatedFigure] = frozenset()
    chosen: list[_Sentence] = []
    corroborated: dict[_Sentence, frozenset[_StatedFigure]] = {}  # each chosen point's figures that others give
    per_source: Counter[str] = Counter()
    for sentence in sorted(candidates, key=score, reverse=True):
        if len(chosen) >= MAX_KEY_POINTS:
            break
        stated = figures.get((sentence.article, sentence.start), none)
        if _tells_another_event(stated, facts):
            continue
        stated = _corroborated(stated, facts)
        if any(_overlap(sentence.words, c.words) >= REPEAT_OVERLAP for c in chosen):
            continue
        if stated and any(_same_figures(stated, c, figures) for c in chosen):
            continue  # the figures of a point already chosen, in other words
        # Spread points over sources until every source has had a turn.
        if per_source[sentence.source] >= 2 and len(chosen) < MIN_KEY_POINTS + 1 and len(sources) > 1:
            continue
        chosen.append(sentence)
        corroborated[sentence] = stated
        per_source[sentence.source] += 1
    chosen.sort(key=lambda s: (s.position, -score(s)))
    leads = {(s.article, s.start) for s in candidates}
    return [KeyPoint(s.text, _citations(s, all_sentences, figures, corroborated[s], leads)) for s in chosen]


def _citations(
    sentence: _Sentence,
    all_sentences: list[_Sentence],
    figures: _FiguresBySentence,
    stated: frozenset[_StatedFigure],
    leads: set[tuple[str, int]],
) -> tuple[Citation, ...]:
    """The sentence, then one sentence of each other source that says it: in mostly the same words, or, in that
    source's lead (``leads``), stating the sentence's corroborated figures (``stated``).  Further down a report
    gives a figure in passing as often as it tells it ("the families of the two wounded men asked for privacy"),
    while its lead tells what happened."""
    citations = [Citation(sentence.article, sentence.start, sentence.end)]
    cited_articles = {sentence.article}
    for other in all_sentences:
        if other.article in cited_articles or other.source == sentence.source:
            continue
        in_lead = (other.article, other.start) in leads
        same_figures = bool(stated) and in_lead and _same_figures(stated, other, figures)
        says_it = (_overlap(sentence.words, other.words) >= REPEAT_OVERLAP or same_figures) and _is_prose(other)
        if says_it and _backs(other, sentence):
            citations.append(Citation(other.article, other.start, other.end))
            cited_articles.add(other.article)
    return tuple(citations)


def _backs(other: _Sentence, sentence: _Sentence) -> bool:
    """Whether another outlet's sentence can be cited for a sentence: it states the sentence's figures too
    ("27 people were injured" does not back "25 people were injured"), and the words the sentence quotes
    ("she said: “we know the river”" is not backed by another quotation of hers)."""
    if not sentence.figures <= other.figures:
        return False
    quoted = _quoted_words(sentence.text)
    return not quoted or _overlap(quoted, _quoted_words(other.text) or other.words) >= REPEAT_OVERLAP


#: A quotation in a sentence, in curly or straight marks.
_QUOTATION = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
#: Fewer quoted words than this are a phrase ("a \"tough\" call"), not a quotation to check.
MIN_QUOTED_WORDS = 4


def _quoted_words(text: str) -> frozenset[str]:
    """The content words a sentence quotes, stemmed; empty when it quotes no passage."""
    quoted = " ".join(match.group(1) or match.group(2) for match in _QUOTATION.finditer(text))
    words = content_words(quoted)
    return frozenset(stem(word) for word in words) if len(words) >= MIN_QUOTED_WORDS else frozenset()


def _timeline(facts: Sequence[Fact], sentence_at: _SentenceAt) -> list[TimelineEntry]:
    """The story's dated events, best attested first, shown in date order.  Each sentence is told once, under
    the best-attested date it gives (a sentence naming two days is one entry, not two), in prose where a sentence
    of prose tells it; an entry cites the other outlets' prose sentences of its date that tell the same thing:
    sharing words with it besides the date's, and backing its figures and quotations (``_backs``)."""
    candidates: list[tuple[str, list[_Sentence], frozenset[str]]] = []
    for fact in facts:
        if fact.kind != "date" or not isinstance(fact.value, str):
            continue
        cited = [s for m in fact.mentions if (s := sentence_at(m.article, m.start)) is not None]
        date_words = frozenset(stem(w) for m in fact.mentions for w in content_words(m.text))
        if cited:
            candidates.append((fact.value, list({(s.article, s.start): s for s in cited}.values()), date_words))
    candidates.sort(key=lambda candidate: -len({s.source for s in candidate[1]}))
    told: set[tuple[str, int]] = set()
    entries: list[tuple[int, TimelineEntry]] = []
    for day, cited, date_words in candidates:
        untold = [s for s in cited if (s.article, s.start) not in told]
        # a sentence of prose tells the entry; a list line ("• Listing date: 13 November") only when none does
        lead = next((s for s in untold if _is_prose(s)), untold[0] if untold else None)
        if lead is None:
            continue
        same = [lead, *(s for s in untold if s is not lead and _is_prose(s)
                        and (lead.words & s.words) - date_words and _backs(s, lead))]  # fmt: skip
        told.update((s.article, s.start) for s in same)
        citations = tuple(Citation(s.article, s.start, s.end) for s in same)
        entries.append((len({s.source for s in same}), TimelineEntry(day, lead.text, citations)))
    best = sorted(entries, key=lambda item: -item[0])[:MAX_TIMELINE]
    return sorted((entry for _, entry in best), key=lambda entry: entry.date)


def _source_keys(sources: Sequence[SourceEntry]) -> dict[str, str]:
    """Article → a key shared by articles of one publisher and by copies of one original."""
    own = {entry.article: (entry.publisher or entry.article).lower() for entry in sources}
    return {entry.article: own.get(entry.copy_of, entry.copy_of) if entry.copy_of else own[entry.article]
            for entry in sources}  # fmt: skip


#: The order facts are shown in: what is contested, then what changed, then what is agreed, then the rest.
_STATUS_ORDER = {"conflict": 0, "agree": 2, "single": 3}
#: Fact rows a brief shows: every discrepancy and change, then agreements and single-source facts up to this.
MAX_FACT_ROWS = 25


def shown_facts(facts: Sequence[Fact], source_key: dict[str, str]) -> list[Fact]:
    """The facts a reader is shown, in the order that matters to them.

    Discrepancies first, then changing figures, then agreements (most independent origins first), then
    single-source facts.  A figure that counts or measures nothing the parse could name ("4" of a product
    name, a bare "1"; a score's side says what it is) is left out: a number with no claim is no fact; so is a
    figure of another event, told only in sentences about an earlier time.  Past ``MAX_FACT_ROWS`` only
    discrepancies and changes are still added; they are what a reader must not miss.
    """

    def rank(fact: Fact) -> tuple[int, int, int, int, int]:
        status = 1 if fact.changing else _STATUS_ORDER.get(fact.status, 3)
        sources = len({source_key.get(m.article, m.article) for m in fact.mentions})
        # News puts what matters first: a claim of what happened, told early in its article.
        earliest = min((m.start for m in fact.mentions), default=0)
        return status, -(fact.origins or sources), -sources, fact.predicate is None, earliest

    named = [
        fact
        for fact in facts
        if (fact.kind != "quantity" or fact.counted is not None or fact.predicate in TALLIES) and not fact.background
    ]
    ordered = sorted(named, key=rank)
    contested = [fact for fact in ordered if fact.status == "conflict"]
    rest = [fact for fact in ordered if fact.status != "conflict"]
    return contested + rest[: max(0, MAX_FACT_ROWS - len(contested))]


def write_brief(
    story: Story, articles: Sequence[Article], facts: Sequence[Fact], sources: Sequence[SourceEntry]
) -> Brief:
    """A cited brief of one story from its articles, corroborated facts and source list."""
    source_key = _source_keys(sources)
    independent = {entry.article for entry in sources if entry.independent} or {a.id for a in articles}
    all_sentences: list[_Sentence] = []
    candidates: list[_Sentence] = []
    for article in articles:
        sentences = _sentences(article, source_key.get(article.id, article.id))
        all_sentences.extend(sentences)
        if article.id in independent:
            # A picture's caption ("In this 2019 file photo, ...") tells what a photo shows, not the story.
            candidates.extend(s for s in sentences[:LEAD_SENTENCES]
                              if _is_prose(s) and not in_a_caption(article, s.start, s.end))  # fmt: skip
    if len(candidates) < MIN_KEY_POINTS:  # short or odd articles: widen to any prose sentence
        candidates = [s for s in all_sentences if s.article in independent and _is_prose(s)] or candidates
    sentence_at = _SentenceAt(all_sentences)
    return Brief(
        story=story.id,
        title=story.title,
        key_points=tuple(_key_points(candidates, all_sentences, sentence_at, facts)),
        facts=tuple(shown_facts(facts, source_key)),
        timeline=tuple(_timeline(facts, sentence_at)),
        sources=tuple(sources),
    )
