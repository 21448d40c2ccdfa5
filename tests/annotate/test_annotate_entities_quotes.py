"""Entities (with the title rule), quotes with their speakers, and the frame."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosswire.annotate import annotate_text, default_stages
from crosswire.annotate.entities import EntityStage, _within_paragraphs, apply_title_rule, one_paragraph_a_line
from crosswire.annotate.quotes import find_quotes
from crosswire.model import Article, Entity
from crosswire.pipeline import Pipeline


def article(text: str, published: str | None = None) -> Article:
    return Article(id="t", kind="record", origin="t", text=text, published=published)


def test_title_before_name_gives_the_person() -> None:
    result = EntityStage()(article("Fisheries Minister Lena Kovac visited the harbour."))
    assert result.annotations is not None
    people = [(e.text, e.label) for e in result.annotations.entities if e.label == "PERSON"]
    assert people == [("Lena Kovac", "PERSON")]
    assert not any(e.text == "Fisheries" for e in result.annotations.entities)


def test_title_rule_drops_overlapping_entities_only() -> None:
    text = "Mayor Ana Ruiz met Lisbon officials."
    guesses = [Entity("Mayor Ana", "ORG", 0, 9), Entity("Lisbon", "GPE", 19, 25)]
    assert apply_title_rule(text, guesses) == [Entity("Ana Ruiz", "PERSON", 6, 14), Entity("Lisbon", "GPE", 19, 25)]


def test_numeric_labels_are_left_to_other_stages() -> None:
    result = EntityStage()(article("Apple sold 5 million phones in March for $3 billion."))
    assert result.annotations is not None
    assert {e.label for e in result.annotations.entities} <= {"ORG", "PERSON", "GPE", "LOC", "NORP", "PRODUCT"}


def test_pipe_matches_single_calls_and_keeps_order() -> None:
    texts = ["Judge Maria Lopez ruled in Denver.", "Nothing to see here.", "Senator Tom Hale spoke."]
    stage = EntityStage()
    piped = list(stage.pipe(article(text) for text in texts))
    assert [a.text for a in piped] == texts
    assert [a.annotations for a in piped] == [stage(article(text)).annotations for text in texts]


def test_speaker_after_the_quote_with_title() -> None:
    text = '"We will rebuild every school," said Mayor Ana Ruiz.'
    (quote,) = find_quotes(text, [Entity("Ana Ruiz", "PERSON", 42, 50)])
    assert quote.text == "We will rebuild every school"
    assert quote.speaker == "Ana Ruiz"
    assert text[quote.start : quote.end] == quote.text


def test_speaker_before_the_quote_and_surname_expanded() -> None:
    text = 'Ana Ruiz toured the site. Ruiz said: "The water came in an hour."'
    (quote,) = find_quotes(text, [Entity("Ana Ruiz", "PERSON", 0, 8)])
    assert quote.speaker == "Ana Ruiz"


def test_pronoun_speaker_is_the_last_named_person() -> None:
    text = "Ana Ruiz left early. Then Piotr Nowak arrived. “Nobody told us anything,” she said."
    people = [Entity("Ana Ruiz", "PERSON", 0, 8), Entity("Piotr Nowak", "PERSON", 26, 37)]
    (quote,) = find_quotes(text, people)
    # The simple rule takes the last named person, whatever the pronoun.
    assert quote.speaker == "Piotr Nowak"
    assert quote.text == "Nobody told us anything"


def test_scare_quotes_are_not_quotes() -> None:
    assert find_quotes('The so-called "reform" stalled.') == []


def test_according_to() -> None:
    (quote,) = find_quotes("Forty homes were flooded, according to the fire service.")
    assert quote.text == "Forty homes were flooded"
    assert quote.speaker == "fire service"


def test_default_stages_build_a_valid_pipeline_and_fill_everything() -> None:
    pipeline = Pipeline(default_stages())
    assert pipeline.names[0] == "entities"
    annotations = annotate_text(
        "x",
        "LISBON - Mayor Ana Ruiz said on Monday that more than 300 homes in Lisbon were flooded because "
        'the river burst its banks. "We will rebuild," Ruiz said.',
        "2026-03-04",
    )
    assert annotations.frame.who[0] == "Ana Ruiz"
    assert annotations.frame.when[0] == "Monday"
    assert [d.date for d in annotations.dates] == ["2026-03-02"]
    assert "Lisbon" in annotations.frame.where
    assert annotations.frame.why and annotations.frame.why[0].startswith("the river burst")
    assert annotations.frame.what[0].startswith("said on Monday that")
    assert [q.value for q in annotations.quantities] == [300]
    assert annotations.quotes[0].speaker == "Ana Ruiz"
    assert annotations.sentences and annotations.sentences[0].start == 0


def test_worker_processes_give_the_same_entities_in_the_same_order() -> None:
    from crosswire.annotate.entities import EntityStage
    from crosswire.model import Article
    from crosswire.pipeline import Pipeline
    from crosswire.workers import MIN_ITEMS_PER_WORKER

    texts = [f"Mayor Ana Ruiz of Lisbon met {n} fishermen from Porto on Tuesday." for n in range(70)]
    articles = [Article(id=str(n), kind="record", origin="t", text=text) for n, text in enumerate(texts)]
    assert len(articles) >= 2 * MIN_ITEMS_PER_WORKER  # large enough for two workers
    one = list(Pipeline([EntityStage()]).pipe(articles))
    two = list(Pipeline([EntityStage()], processes=2).pipe(articles))
    assert [a.id for a in two] == [a.id for a in articles]
    assert [a.annotations.entities for a in two if a.annotations] == [
        a.annotations.entities for a in one if a.annotations
    ]
    assert any(e.text == "Ana Ruiz" for e in two[0].annotations.entities)  # type: ignore[union-attr]


def _sentence_texts(text: str) -> list[str]:
    """The sentences the entity stage cuts ``text`` into, stripped."""
    annotated = EntityStage()(Article("a", "record", "t", text))
    assert annotated.annotations is not None
    return [text[s.start : s.end].strip() for s in annotated.annotations.sentences]


def test_a_sentence_never_runs_across_a_blank_line() -> None:
    text = (
        "• Ferry ran aground near the harbour mouth\n\n• No one was hurt\n\n"
        "KESTON, Nov 2 - A ferry carrying 140 passengers ran aground off Keston on Sunday. "
        "Tugs freed it two hours later."
    )
    sentences = _sentence_texts(text)
    assert sentences[:2] == ["• Ferry ran aground near the harbour mouth", "• No one was hurt"]
    assert sentences[2].startswith("KESTON, Nov 2 - A ferry") and sentences[2].endswith("on Sunday.")


def _doc_cut_at(words: list[str], cuts: set[int]) -> tuple[str, Doc]:
    """A spaCy document of ``words`` whose sentences start at the word indexes in ``cuts``."""
    doc = Doc(Vocab(), words=words, sent_starts=[i == 0 or i in cuts for i in range(len(words))])
    return doc.text, doc


@pytest.mark.parametrize(
    ("sentence", "cut_before"),
    [
        ("Velmar Bank noted in a Dec. 22 report that it may record a charge .", "22"),
        ("Orvel Holdings Corp. will take a charge , analysts said .", "will"),
    ],
)
def test_a_cut_after_an_abbreviation_is_mended(sentence: str, cut_before: str) -> None:
    words = sentence.split()
    text, doc = _doc_cut_at(words, {words.index(cut_before)})
    assert [text[s.start : s.end] for s in _within_paragraphs(text, doc)] == [text.strip()]


def test_a_cut_inside_a_decimal_a_tokeniser_split_is_mended() -> None:
    """ "A 4. 6 quake": a tokenised text's decimal, not a sentence ending in "4." (the break cut the figure and
    its cited sentence in two); a number ending a sentence before a capital stays a break."""
    sentence = "A 4. 6 quake shook the Orran valley early on Monday ."
    words = sentence.split()
    text, doc = _doc_cut_at(words, {words.index("6")})
    assert [text[s.start : s.end] for s in _within_paragraphs(text, doc)] == [text.strip()]
    sentence = "The count was 4. 6 Then it ended ."
    words = sentence.split()
    text, doc = _doc_cut_at(words, {words.index("Then")})
    assert len(list(_within_paragraphs(text, doc))) == 2


def test_a_sentence_ending_in_an_abbreviation_before_a_capital_stays_apart() -> None:
    sentence = "The talks moved to Washington D.C. Officials said 12 people took part ."
    words = sentence.split()
    text, doc = _doc_cut_at(words, {words.index("Officials")})
    assert len(list(_within_paragraphs(text, doc))) == 2


def test_a_text_of_one_paragraph_a_line_ends_a_sentence_at_each_line() -> None:
    text = (
        "Quake shakes Varn coast in region hit by 2019 flood\n"
        "Nov 3, 2026 6:20AM\n"
        "A strong quake killed six people in Varn on Monday, officials said.\n"
        "Rescuers searched collapsed homes through the night."
    )
    assert _sentence_texts(text)[:3] == [
        "Quake shakes Varn coast in region hit by 2019 flood",
        "Nov 3, 2026 6:20AM",
        "A strong quake killed six people in Varn on Monday, officials said.",
    ]


def test_a_text_wrapped_at_a_width_keeps_its_sentences_across_lines() -> None:
    text = (
        "A strong quake killed six people in the coastal town of Varn\n"
        "on Monday morning, officials said, and rescuers searched the\n"
        "collapsed homes of the old harbour district through the night\n"
        "while aftershocks shook the hills above the town."
    )
    assert not one_paragraph_a_line(text)
    assert "on Monday morning" in _sentence_texts(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline without a stop\nThe first paragraph ends here.", True),
        ("One line only, with no break", False),
        ("Officials said the road\nwould reopen next week once\nthe repairs were done.", False),
        ('Ferry runs aground\n"Nobody was hurt," the captain said.\nTugs freed it (Reuters)', True),
    ],
)
def test_a_text_holds_one_paragraph_a_line_when_most_lines_end_a_sentence(text: str, expected: bool) -> None:
    assert one_paragraph_a_line(text) is expected
