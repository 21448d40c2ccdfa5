"""extract and annotate on any input: an Article or an InputError; spans inside the text.

The annotation spans are what a brief cites ("article and character span"), so
for every entity, quantity, date and quote ``text[start:end] == mention.text``
must hold on any text, whatever its combining marks, bidi controls, NULs or
lone surrogates (a JSON record's ``"\\ud800"`` escape gives one).
"""

from __future__ import annotations

from fuzz_strategies import NEWS_WORDS, URLS, any_str, html_bytes, news_text, odd_text
from fuzzing import bounded, budget
from hypothesis import given
from hypothesis import strategies as st

from crosswire.annotate import annotate_text
from crosswire.errors import InputError
from crosswire.extract import extract, require_article_text
from crosswire.model import Annotations, Article, Capture, DateMention, Entity, Quantity, Quote, SourceHints
from crosswire.sources.chars import surrogates_replaced

hints = st.builds(
    SourceHints,
    title=st.none() | odd_text,
    author=st.none() | odd_text,
    published=st.none() | st.sampled_from(["2026-11-12", "2026-11-12T10:00:00+01:00", "2026-02-30", "never"]),
    publisher=st.none() | odd_text,
    url=st.none() | st.sampled_from(URLS),
    language=st.none() | st.sampled_from(["en", "ar", "", "x" * 40]),
)


def _extract(capture: Capture) -> Article | InputError:
    try:
        article = extract(capture)
    except InputError as error:
        assert error.origin == capture.origin
        return error
    assert isinstance(article, Article)
    assert (article.id, article.origin, article.kind) == (capture.id, capture.origin, capture.kind)
    assert isinstance(article.text, str)
    for field in (article.title, article.author, article.published, article.publisher, article.via, article.url):
        assert field is None or isinstance(field, str)
    try:
        require_article_text(article)
    except InputError as error:
        assert error.origin == capture.origin
    return article


@budget("extract_html")
@given(page=html_bytes, hints=hints)
def test_extract_html_gives_an_article_or_an_input_error(page: bytes, hints: SourceHints) -> None:
    with bounded("extract_html", seconds=30):
        article = _extract(Capture(id="p.html", kind="html", origin="p.html", content=page, hints=hints))
        if isinstance(article, Article):  # whatever the page declares, no lone surrogate comes out of its bytes
            for field in (article.text, article.title, article.author, article.publisher, article.url):
                assert field is None or field.encode("utf-8")


@budget("extract_capture")
@given(text=news_text | odd_text | any_str, hints=hints, as_bytes=st.booleans())
def test_extract_capture_gives_an_article_or_an_input_error(text: str, hints: SourceHints, as_bytes: bool) -> None:
    content: str | bytes = text.encode("utf-8", "surrogatepass") if as_bytes else text
    with bounded("extract_capture"):
        _extract(Capture(id="c.txt", kind="capture", origin="c.txt", content=content, hints=hints))


@budget("extract_record")
@given(text=news_text | odd_text | any_str, hints=hints)
def test_extract_record_gives_an_article_or_an_input_error(text: str, hints: SourceHints) -> None:
    with bounded("extract_record"):
        result = _extract(Capture(id="r", kind="record", origin="f.jsonl:1", content=text, hints=hints))
        if isinstance(result, Article):
            assert result.text.strip() and result.text == result.text.strip()


def check_spans(text: str, annotations: Annotations) -> None:
    mentions: list[Entity | Quantity | DateMention | Quote] = [
        *annotations.entities,
        *annotations.quantities,
        *annotations.dates,
        *annotations.quotes,
    ]
    for mention in mentions:
        kind = type(mention).__name__
        assert 0 <= mention.start <= mention.end <= len(text), f"{kind} span {mention.start}:{mention.end} outside"
        assert text[mention.start : mention.end] == mention.text, f"{kind} {mention.text!r} is not its span"
    for sentence in annotations.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)
    frame = annotations.frame
    for values in (frame.who, frame.what, frame.when, frame.where, frame.why, frame.how):
        assert all(isinstance(value, str) for value in values)


published = st.none() | st.sampled_from(["2026-11-12", "2026-11-12T10:00:00Z", "1900-01-01", "9999-12-31", "bad"])


@budget("annotate_text")
@given(text=news_text | odd_text, published=published)
def test_annotate_spans_lie_inside_the_text_and_match_it(text: str, published: str | None) -> None:
    with bounded("annotate_text", seconds=60):
        check_spans(text, annotate_text("fuzz", text, published))


@budget("annotate_words")
@given(
    words=st.lists(st.sampled_from(NEWS_WORDS) | any_str.filter(lambda s: len(s) < 6), min_size=1, max_size=60),
    joiner=st.sampled_from([" ", "", "\u0301 ", " \u202e", "\x00", "\u200b", "\n"]),
    published=published,
)
def test_annotate_spans_with_odd_joins_and_surrogates(words: list[str], joiner: str, published: str | None) -> None:
    text = joiner.join(words)
    with bounded("annotate_words", seconds=60):
        annotations = annotate_text("fuzz", text, published)
    # Spans index the text as given; a lone surrogate is read, and quoted, as U+FFFD.
    check_spans(surrogates_replaced(text), annotations)
