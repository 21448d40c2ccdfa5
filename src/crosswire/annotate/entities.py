"""Named entities and sentences, from spaCy, with a fix for titles before names.

The small English model reads "Fisheries Minister Lena Kovac" as ORG
"Fisheries" plus PERSON "Kovac".  A title word followed by capitalised words
is a strong sign of a person, so ``apply_title_rule`` finds those runs
itself, makes the words after the title one PERSON and drops whatever spaCy
had found overlapping the run.

Numeric and temporal labels (DATE, MONEY, CARDINAL, ...) are left out: the
quantity and date stages handle those with their own rules.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from crosswire.annotate.names import link_names
from crosswire.annotate.nlp import load_nlp
from crosswire.annotate.quantities.numbers import breaks_a_split_decimal
from crosswire.lexicon import Entry, load_lexicon
from crosswire.model import Annotations, Article, Entity, Sentence

NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})

#: Titles and offices before a name, as written (``lexicons/titles.json``), in the file's order.
TITLES = tuple(entry.term for entry in load_lexicon("crosswire.annotate", "titles").entries)
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.)"
_TITLE_RUN = re.compile(
    r"(?P<title>\b(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r"))"
    rf"\s(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,3}})"
)
#: Capitalised words right before a title belong to it ("Fisheries Minister").
_TITLE_PREFIX = re.compile(r"(?:\b[A-Z][a-z]+\s){1,3}$")
_TITLE_WORDS = frozenset(word for title in TITLES for word in title.split())


#: A blank line: the end of a paragraph, a list item or a headline.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
#: Any line break, where a text puts one paragraph on each line.
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
#: A line ending as a sentence ends (a full stop, a question, a closing quotation mark or bracket).
_SENTENCE_END_OF_LINE = re.compile(r"[.!?:;\"”’')\]][ \t]*$")
#: A text whose lines end as sentences end at least this often holds one paragraph on each line (what
#: trafilatura writes, and most supplied texts); a text wrapped at a width ends a sentence on few of its lines.
ONE_PARAGRAPH_A_LINE = 0.5


class EntityStage:
    """Fills ``Annotations.entities`` and ``Annotations.sentences``."""

    name = "entities"
    requires = frozenset({"text"})
    assigns = frozenset({"entities", "sentences"})

    def __call__(self, article: Article) -> Article:
        return _with_doc(article, load_nlp()(article.text))

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Article]:
        pairs = ((article.text, article) for article in articles)
        for doc, article in load_nlp().pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield _with_doc(article, doc)


def _with_doc(article: Article, doc: Doc) -> Article:
    entities = tuple(entities_from_doc(article.text, doc))
    sentences = tuple(_within_paragraphs(article.text, doc))
    annotations = dataclasses.replace(article.annotations or Annotations(), entities=entities, sentences=sentences)
    return dataclasses.replace(article, annotations=annotations)


#: A sentence ending in a short capitalised abbreviation ("Dec.", "Corp.", "Gen.") ...
_ABBREVIATION_END = re.compile(r"(?<![\w.])[A-Z][a-z]{1,4}\.$")
#: ... and the next starting with a small letter or a digit: one sentence the model cut at the abbreviation's
#: full stop ("Velmar Corp. will take a charge", "in a Dec. 22 filing").
_GOES_ON = re.compile(r"[a-z0-9]")


def _model_sentences(text: str, doc: Doc) -> Iterator[tuple[int, int]]:
    """spaCy's sentence spans, with a cut after an abbreviation mended, and one inside a decimal a tokeniser split
    ("a depth of 1. 2 miles", ``numbers.breaks_a_split_decimal``)."""
    pending: tuple[int, int] | None = None
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        if pending is not None:
            if _ABBREVIATION_END.search(text[pending[0] : pending[1]].rstrip()) and _GOES_ON.match(text, start):
                pending = (pending[0], end)
                continue
            if breaks_a_split_decimal(text, pending[1]):
                pending = (pending[0], end)
                continue
            yield pending
        pending = (start, end)
    if pending is not None:
        yield pending


def _within_paragraphs(text: str, doc: Doc) -> Iterator[Sentence]:
    """spaCy's sentences, cut at the ends of paragraphs: blank lines, and every line break of a text that holds
    one paragraph on each line (``one_paragraph_a_line``).

    The model joins lines that end without a full stop to the sentence after
    them, so a page's summary bullets ("• Two crew members rescued"),
    a headline or a date line would open the lead's first sentence; no sentence runs
    across a paragraph.
    """
    breaks = _LINE_BREAK if one_paragraph_a_line(text) else _PARAGRAPH_BREAK
    for sent_start, sent_end in _model_sentences(text, doc):
        start = sent_start
        for match in breaks.finditer(text, start, sent_end):
            if text[start : match.start()].strip():
                yield Sentence(start, match.start())
            start = match.end()
        if text[start:sent_end].strip():
            yield Sentence(start, sent_end)


def one_paragraph_a_line(text: str) -> bool:
    """Whether the text puts one paragraph on each line: at least ``ONE_PARAGRAPH_A_LINE`` of its lines end as
    a sentence ends.  A headline or a date line among them ends without a full stop, and ends its paragraph all
    the same; a text wrapped at a width breaks most of its lines inside a sentence."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    ending = sum(_SENTENCE_END_OF_LINE.search(line) is not None for line in lines)
    return ending >= ONE_PARAGRAPH_A_LINE * len(lines)


def entities_from_doc(text: str, doc: Doc) -> list[Entity]:
    found = [
        Entity(text=span.text, label=span.label_, start=span.start_char, end=span.end_char)
        for span in doc.ents
        if span.label_ not in NUMERIC_LABELS
    ]
    return link_names(text, apply_title_rule(text, found))


def check_title_example(entry: Entry) -> None:
    """The lexicon check: the capitalised words right after the title in the example become a PERSON."""
    name_start = entry.example.index(entry.term + " ") + len(entry.term) + 1
    people = [e for e in apply_title_rule(entry.example, []) if e.label == "PERSON"]
    assert any(person.start == name_start for person in people), (entry.term, people)


def apply_title_rule(text: str, entities: list[Entity]) -> list[Entity]:
    """PERSON for the name after a title; drop entities overlapping title and name."""
    people: list[Entity] = []
    covered: list[tuple[int, int]] = []
    for match in _TITLE_RUN.finditer(text):
        name_words = match.group("name").split()
        # A title may be followed by another title word ("Prime Minister"); trim those.
        while name_words and name_words[0] in _TITLE_WORDS:
            name_words.pop(0)
        if not name_words or (len(name_words) == 1 and name_words[0].endswith(".")):
            continue
        name_start = match.start("name") + match.group("name").index(name_words[0])
        name_end = name_start + len(" ".join(name_words))
        prefix = _TITLE_PREFIX.search(text, 0, match.start("title"))
        run_start = prefix.start() if prefix else match.start("title")
        people.append(Entity(text=text[name_start:name_end], label="PERSON", start=name_start, end=name_end))
        covered.append((run_start, name_end))
    kept = [e for e in entities if not any(e.start < end and start < e.end for start, end in covered)]
    return sorted(kept + people, key=lambda e: (e.start, e.end))
