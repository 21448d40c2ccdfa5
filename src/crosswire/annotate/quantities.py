"""Quantities: amounts with their unit or counted thing, qualifier and change.

``find_quantities`` is a regex and lexicon scanner (no model): it takes every
number ``numbers.find_number_spans`` finds, drops the numbers that are not
amounts (years, dates, times, phone numbers, ordinals, list numbers, parts of
names), then reads the context around each amount: a currency before it, a
multiplier and a unit or counted noun after it, a second number that makes it
a range, a qualifier ("more than") and a change verb ("rose by") before it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from crosswire.annotate import counted, numbers, units
from crosswire.model import Annotations, Article, Quantity

QUALIFIERS = (
    "more than", "less than", "fewer than", "greater than", "no more than", "no fewer than",
    "no less than", "just over", "just under", "well over", "well under", "just below",
    "just above", "at least", "at most", "up to", "as many as", "as much as", "as few as",
    "as little as", "upwards of", "close to", "an estimated", "approximately", "approx.",
    "roughly", "about", "around", "some", "nearly", "almost", "over", "under", "below",
    "above", "only", "just", "barely", "exactly", "precisely", "circa", "an average of",
    "on average", "a total of", "a further", "another", "at", "estimated",
)  # fmt: skip
_QUALIFIER_BEFORE = re.compile(
    r"\b(?P<qualifier>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
#: Qualifiers that say nothing about the amount's precision are not reported.
_SILENT_QUALIFIERS = frozenset({"at", "a total of", "another", "a further", "only", "just"})

_UP_WORDS = (
    "rose|rise|rises|rising|risen|increased|increase|increases|increasing|up|gained|gain|gains|"
    "grew|grow|grows|growing|jumped|jump|jumps|climbed|climb|climbs|soared|surged|added|adding|"
    "higher|boosted|boost|raised|advanced"
)
_DOWN_WORDS = (
    "fell|fall|falls|falling|fallen|dropped|drop|drops|declined|decline|declines|decreased|"
    "decrease|decreases|down|lost|lose|loses|slid|slipped|plunged|tumbled|shed|sank|lower|"
    "eased|cut|cuts|reduced|shrank|slumped"
)
_CHANGE_BEFORE = re.compile(
    rf"\b(?:(?P<up>{_UP_WORDS})|(?P<down>{_DOWN_WORDS}))\s+(?:by\s+)?"
    r"(?:(?:a|an|some|about|around|nearly|almost|roughly|over|more than|just over|just under)\s+)?$",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*(?:\d{{1,2}}\s?[-–]\s?)?$")
#: The second half of "2014-15" (a season or fiscal year).
_YEAR_SPAN_BEFORE = re.compile(r"\b(?:1[5-9]|20)\d\d[-–/]$")
_STREET_AFTER = re.compile(
    r"^(?:\s[A-Z][a-z]+){1,3}\s(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Blvd|Boulevard|Drive|Place|Square)\b"
)
#: Lower-case labels that a number identifies rather than counts ("category 4").
_LABEL_WORDS = frozenset(
    {"category", "level", "grade", "phase", "chapter", "section", "article", "page", "stage", "version",
     "season", "episode", "channel", "route", "highway", "flight", "room", "gate", "platform", "row", "seat",
     "tier", "class", "type", "size", "model", "number", "no", "sub", "iphone", "ipad"}
)  # fmt: skip
#: "Senard, 65, now faces": an age in apposition to a name.
_AGE_APPOSITION = re.compile(r"[A-Z][a-z]+,\s$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}(?![a-z])")
_TIME_AFTER = re.compile(
    r"^(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock|GMT|BST|EST|ET\b|UTC))", re.IGNORECASE
)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b")
#: A capitalised word right before the number, as in "Boeing 737", "Game 2".
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z][\w&'’]*)[\s-]?$")
_NUMBER_PREFIX = re.compile(r"(?:#|\bNo\.?\s?|\bno\.\s?|\bNumber\s)$")
_RANGE_JOINER = re.compile(r"^\s*(?:to|-|–|—|and|through)\s*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+(?:\S+\s+)?$", re.IGNORECASE)

#: Words that, capitalised before a number, are not part of a name.
_NOT_NAME_WORDS = frozenset(
    {"the", "in", "on", "at", "by", "of", "for", "from", "to", "with", "and", "but", "or", "as", "than", "all",
     "only", "just", "some", "about", "around", "nearly", "almost", "over", "under", "more", "less", "roughly",
     "approximately", "up", "down", "another", "those", "these", "its", "their", "his", "her", "our",
     "after", "before", "since", "until", "during", "between", "among", "within", "each", "every", "last",
     "next", "first", "top", "least", "most", "estimated", "exactly", "total", "average", "per", "cent",
     "percent", "rose", "fell", "added", "lost", "gained", "dropped", "is", "was", "were", "are", "be",
     "has", "had", "have", "said", "says", "reported", "a", "an"}
)  # fmt: skip
#: Words before "one" that make it a pronoun ("each one", "no one").
_PRONOUN_ONE_BEFORE = frozenset({"each", "no", "any", "every", "the", "this", "that", "which", "another", "someone"})


class QuantityStage:
    """Fills ``Annotations.quantities`` from the article text."""

    name = "quantities"
    requires = frozenset({"text"})
    assigns = frozenset({"quantities"})

    def __call__(self, article: Article) -> Article:
        annotations = article.annotations or Annotations()
        found = tuple(find_quantities(article.text))
        return dataclasses.replace(article, annotations=dataclasses.replace(annotations, quantities=found))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity stated in ``text``, in order of appearance."""
    spans = [span for span in numbers.find_number_spans(text) if not _inside_phone_number(text, span)]
    quantities: list[Quantity] = []
    consumed_until = 0
    for index, span in enumerate(spans):
        if span.start < consumed_until or not _is_amount(text, span):
            continue
        quantity = _read_quantity(text, span, spans[index + 1 :])
        if quantity is None:
            continue
        quantities.append(quantity)
        consumed_until = quantity.end
    return quantities


def _inside_phone_number(text: str, span: numbers.NumberSpan) -> bool:
    window_start = max(0, span.start - 20)
    for match in _PHONE.finditer(text, window_start, min(len(text), span.end + 20)):
        if match.start() <= span.start and span.end <= match.end():
            return True
    return False


def _is_amount(text: str, span: numbers.NumberSpan) -> bool:
    """False for numbers that name, order or date something rather than count it."""
    before, after = text[max(0, span.start - 40) : span.start], text[span.end : span.end + 40]
    if span.in_words:
        return _is_counting_word(text, span, before, after)
    has_currency = units.CURRENCY_BEFORE.search(before) is not None
    if re.search(r"[A-Za-z]$", before) and not has_currency:
        return False  # glued to a word: "S23", "V10", "A4"
    if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after) or re.search(r"\d:$", before):
        return False
    if re.match(r"^'?s\b", after) or before.endswith("'"):  # decades: 1990s, '90s
        return False
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _YEAR_SPAN_BEFORE.search(before):
        return False
    if _STREET_AFTER.match(after):
        return False
    if _NUMBER_PREFIX.search(before):
        return False
    line_start = before.rsplit("\n", 1)[-1]
    if (not line_start.strip() or span.start == 0) and re.match(r"^[.)]\s", after):
        return False
    has_unit = _measurement_unit_after(after, currency=None) is not None
    if _looks_like_year(text, span) and not has_currency and not has_unit:
        return False
    if has_currency or has_unit or not _part_of_name(before):
        return True
    # "Bring 3 blankets": a capitalised verb opening a sentence, then a count.
    opens_sentence = re.search(r"(?:^|[.!?]\s+|\n\s*|^\d+[.)]\s+)[A-Z][a-z]+\s$", before) is not None
    noun = counted.counted_noun(text, span.end, span.value)
    return opens_sentence and noun is not None and noun[0].islower() and counted.looks_plural(noun[0])


def _is_counting_word(text: str, span: numbers.NumberSpan, before: str, after: str) -> bool:
    word = text[span.start : span.end].lower()
    if re.search(r"\bper\s+$", before, re.IGNORECASE):
        return False  # the "million" of "parts per million"
    if word == "one":
        previous = re.search(r"(\w+)\s+$", before)
        if previous and previous.group(1).lower() in _PRONOUN_ONE_BEFORE:
            return False
        if re.match(r"^\s*(?:another|'s|’s)\b", after):
            return False
    return not _part_of_name(before)


def _looks_like_year(text: str, span: numbers.NumberSpan) -> bool:
    literal = text[span.start : span.end]
    return literal.isdigit() and len(literal) == 4 and 1500 <= int(literal) <= 2100


def _part_of_name(before: str) -> bool:
    if before.endswith("-") and re.search(r"[A-Za-z]-$", before):
        return True  # "COVID-19", "F-35"
    match = _WORD_BEFORE.search(before)
    if match is None:
        return False
    word = match.group("word")
    if word.lower() in _LABEL_WORDS:
        return True
    has_capital = any(letter.isupper() for letter in word)
    return has_capital and word.lower() not in _NOT_NAME_WORDS


def _measurement_unit_after(after: str, currency: str | None) -> tuple[str, int] | None:
    """The canonical unit right after an amount and the characters it spans."""
    match = units.UNIT_AFTER.match(after)
    cased = units.CASED_UNIT_AFTER.match(after)
    if cased and (match is None or cased.end() > match.end()):
        if cased.group("unit") in ("m", "g", "l", "p", "C", "F", "K", "G") and currency is not None:
            return None
        return units.CASED_UNITS[cased.group("unit")], cased.end()
    if match is None:
        return None
    return units.unit_for(match.group("unit")), match.end()


def _read_quantity(text: str, span: numbers.NumberSpan, later: list[numbers.NumberSpan]) -> Quantity | None:
    start, value, value_max = span.start, span.value, span.value_max
    currency_match = units.CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
    currency = units.CURRENCY_PREFIXES[currency_match.group("currency")] if currency_match else None
    if currency_match:
        start -= len(currency_match.group(0))
        if currency_match.group(0).endswith("-"):
            value = -value  # "$-50.8bn"
    else:
        minus = re.search(r"(?:(?<![\w\d])[-−]|\bminus[\s-])$", text[max(0, start - 6) : start], re.IGNORECASE)
        if minus:
            start, value = start - len(minus.group()), -value

    end, multiplier = _read_multiplier(text, span.end, currency)
    value *= multiplier
    value_max = value_max * multiplier if value_max is not None else None

    unit: str | None = currency
    measured = _measurement_unit_after(text[end : end + 40], currency)
    # After a currency only a per-share unit may follow ("63 cents per share").
    if measured is not None and (currency is None or measured[0] == "cents per share"):
        unit, end = measured[0], end + measured[1]

    # The next number starts after this amount's own words ("million" is a span too).
    following = next((other for other in later if other.start >= end), None)
    range_end = _read_range(text, span, start, end, unit, following)
    if range_end is not None:
        end, value, value_max, unit = _apply_range(text, range_end, value, multiplier, unit, currency)

    if unit is not None and unit != "%":
        rate = units.RATE_AFTER.match(text, end)
        if rate:
            unit = f"{unit} per {units.RATE_DENOMINATORS[rate.group('denominator').lower()]}"
            end = rate.end()
    if unit is None:
        noun = counted.counted_noun(text, end, value, vague=span.value_max is not None)
        if noun is not None:
            unit, end = noun

    if unit is None and _AGE_APPOSITION.search(text[max(0, start - 30) : start]) and re.match(r"^,", text[end:]):
        unit = "years old"
    qualifier, change = _read_qualifier_and_change(text, start)
    if value_max is not None and value_max < value:
        value_max = None
    return Quantity(
        text=text[start:end], start=start, end=end, value=value, value_max=value_max,
        unit=unit, qualifier=qualifier, change=change,
    )  # fmt: skip


def _read_multiplier(text: str, position: int, currency: str | None) -> tuple[int, float]:
    after = text[position : position + 20]
    word = units.MULTIPLIER_AFTER.match(after)
    if word:
        return position + word.end(), units.MULTIPLIERS[word.group("word").lower()]
    if currency is not None:
        letter = units.CURRENCY_MULTIPLIER_AFTER.match(after)
        if letter:
            return position + letter.end(), units.CURRENCY_MULTIPLIERS[letter.group("word").lower()]
    return position, 1.0


def _read_range(
    text: str,
    span: numbers.NumberSpan,
    start: int,
    end: int,
    unit: str | None,
    following: numbers.NumberSpan | None,
) -> numbers.NumberSpan | None:
    """The second number of "3 to 4 inches", "between 10 and 12", "$5-6 billion"."""
    if following is None or span.value_max is not None:
        return None
    joiner = _RANGE_JOINER.match(text[end : following.start + 1])
    if joiner is None:
        return None
    joiner_word = joiner.group().strip().lower()
    gap = text[end + joiner.end() : following.start]
    gap_currency = units.CURRENCY_BEFORE.fullmatch(gap) if gap else None
    if gap and gap_currency is None:
        return None
    if gap_currency is not None and unit != units.CURRENCY_PREFIXES[gap_currency.group("currency")]:
        return None  # "18 sen to RM23.50": a change and a price
    before = text[max(0, start - 40) : start]
    if joiner_word == "and" and not _BETWEEN_BEFORE.search(before):
        return None
    if joiner_word == "to" and unit is not None and _CHANGE_BEFORE.search(before):
        return None  # "rose 5% to 20%", "fell 0.4 per cent to 13176": a change and a new level
    if joiner_word == "to" and re.search(r"\bby\s+(?:\S+\s+)?$", before):
        return None
    _, second_multiplier = _read_multiplier(text, following.end, unit if unit in units.CURRENCIES else None)
    if following.value * second_multiplier < span.value:
        return None
    return following


def _apply_range(
    text: str, second: numbers.NumberSpan, value: float, multiplier: float, unit: str | None, currency: str | None
) -> tuple[int, float, float, str | None]:
    end, second_multiplier = _read_multiplier(text, second.end, currency)
    if multiplier == 1.0 and second_multiplier != 1.0 and value < second.value:
        value *= second_multiplier  # "$5 to $6 billion": the scale is written once
    value_max = second.value * (second_multiplier if second_multiplier != 1.0 else multiplier)
    measured = _measurement_unit_after(text[end : end + 40], currency)
    if measured is not None and currency is None:
        unit, end = measured[0], end + measured[1]
    return end, value, value_max, unit


def _read_qualifier_and_change(text: str, start: int) -> tuple[str | None, str | None]:
    before = text[max(0, start - 60) : start]
    qualifier_match = _QUALIFIER_BEFORE.search(before)
    qualifier = None
    if qualifier_match:
        qualifier = " ".join(qualifier_match.group("qualifier").lower().split())
        qualifier = None if qualifier in _SILENT_QUALIFIERS else qualifier
        # "up 5%" is a change; "up to 5%" a ceiling.
        if qualifier_match.group("qualifier").lower() == "up to" and re.search(
            r"\b(?:rose|risen|rising|jumped|climbed)\s+up\s+to\s+$", before, re.IGNORECASE
        ):
            qualifier = None
    change_match = _CHANGE_BEFORE.search(before)
    change = None
    if change_match and not re.search(r"\bup\s+to\s+$", before, re.IGNORECASE):
        change = "up" if change_match.group("up") else "down"
    return qualifier, change
