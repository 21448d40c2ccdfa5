"""Reading numbers written in digits or in words.

``find_number_spans`` finds every number in a text, as digits ("6,000",
"5.2") or words ("six thousand", "twenty-five", "a dozen", "one-third"),
with its value.  Vague amounts ("dozens", "tens of thousands") come out as
ranges, an order of magnitude wide, because that is what they assert.
The quantity scanner decides which of these numbers are quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.lexicon import load_lexicon

_PACKAGE = "crosswire.annotate.quantities"
_NUMBER_WORDS = load_lexicon(_PACKAGE, "number_words").entries


def _words_of_kind(kind: str) -> dict[str, int]:
    return {entry.term: int(entry.value["value"]) for entry in _NUMBER_WORDS if entry.value["kind"] == kind}


#: Every number written as a word ("two", "twenty", "hundred", "dozen").
NUMBER_WORDS: frozenset[str] = frozenset(entry.term for entry in _NUMBER_WORDS)
SMALL_NUMBERS: dict[str, int] = _words_of_kind("unit")
TENS: dict[str, int] = _words_of_kind("tens")
SCALES: dict[str, int] = _words_of_kind("scale")
#: Denominators of fractions; only read as fractions after a numerator
#: ("a third", "two-thirds"), since "third" alone is an ordinal.
FRACTIONS: dict[str, int] = {
    form: int(entry.value["denominator"])
    for entry in load_lexicon(_PACKAGE, "fractions").entries
    for form in (entry.term, entry.value["plural"])
}

_SCALE = "|".join(SCALES)
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_FRACTION = "|".join(sorted(FRACTIONS, key=len, reverse=True))
_NUMERATOR = "|".join(word for word, value in SMALL_NUMBERS.items() if 1 <= value <= 9)

#: Runs of number words joined by spaces, hyphens or "and" ("one hundred and five").
_WORD_RUN = re.compile(
    rf"\b(?:(?:an?|half\s+an?)\s+(?=(?:{_SCALE}|dozen)\b))?"
    rf"(?:{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*\b",
    re.IGNORECASE,
)
_FRACTION_PHRASE = re.compile(
    rf"\b(a|an|{_NUMERATOR})[\s-]+({_FRACTION})\b(?!-)"  # not "a third-party"
    rf"|\b(half)\b(?=\s+(?:of|the|a|an)\b)",
    re.IGNORECASE,
)
#: "sixfold", "tenfold": the number word glued to "fold" (the unit reader takes "fold").
_FOLD_WORDS = "|".join([*SMALL_NUMBERS, *TENS, "hundred", "thousand"])
_FOLD = re.compile(rf"\b({_FOLD_WORDS})(?=fold\b)", re.IGNORECASE)
#: "dozens of", "hundreds of", "tens of thousands of", "millions of": the words of a vague count.
VAGUE_COUNT_WORDS = frozenset(["tens", "dozens", *(f"{word}s" for word in SCALES)])
_PLURAL_SCALES = "|".join(["dozens", *(f"{word}s" for word in SCALES)])
#: "tens to hundreds of", "dozens or hundreds of": a vague range opens at the first word's amount.
_VAGUE = re.compile(
    rf"\b(?:(?P<low>tens|{_PLURAL_SCALES})\s+(?:to|or)\s+)?(?:(?P<times>tens|hundreds)\s+of\s+)?"
    rf"(?P<scale>{_PLURAL_SCALES})\b(?=\s+of\b)",
    re.IGNORECASE,
)
#: "several hundred", "a few dozen", "several hundred thousand": a vague count of a scale word
#: (``lexicons/vague_counts.json``) is a range of it, not the scale word's own value.
_VAGUE_COUNTS = {
    entry.term: (int(entry.value["low"]), int(entry.value["high"]))
    for entry in load_lexicon(_PACKAGE, "vague_counts").entries
}
_VAGUE_COUNT = re.compile(
    rf"\b(?P<count>{'|'.join(sorted(_VAGUE_COUNTS, key=len, reverse=True))})\s+"
    rf"(?P<scales>(?:{_SCALE}|dozen)(?:\s+(?:{_SCALE}))*)\b(?![\s-]+(?:and\s+)?(?:{_WORD})\b)",
    re.IGNORECASE,
)
#: Digits with optional thousands separators and decimals, not glued to a
#: preceding number; a glued letter ("S23", but "RM23") is judged later.
_NUMERAL = re.compile(r"(?<![\d.,/])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|,\d|/\d)|(?<![\w.])\.\d+\b")
#: A numeral a tokenised text split after its separator ("22, 000", "a depth of 1. 2 miles"): research corpora put
#: a space after every comma and full stop, those inside numbers too.  Split thousands are read only in a text
#: that shows it was tokenised (``_TOKENISED``): elsewhere "12, 500" may be a list.  A decimal so split needs a
#: word in lower case, a per cent sign or a comma after it ("at 3. Then" ends a sentence), and no score before it
#: ("won 2-1. 3 players ..."): real pages put a full stop and a space between two numbers almost never otherwise.
_SPLIT_THOUSANDS = re.compile(r"(?<![\d.,/])\d{1,3}(?:, \d{3})+(?:\. \d{1,2})?(?![\d,])(?!\s\d)")
SPLIT_DECIMAL = re.compile(r"(?<![\d.,/])(?<!\d-)\d{1,3}\. \d{1,2}(?![\d,.])(?=\s*(?:[a-z%,]|-[a-z]))")
#: What only a tokenised text writes: a group of thousands opening with a nought after a space ("20, 000"), a
#: possessive cut from its noun ("Ruiz ’ s"), a clock time cut after its colon ("2: 15 a.m.").
_TOKENISED = re.compile(r"(?<![\d.,])\d{1,3}, 0\d\d(?!\d)|\w ['’] s\b|\b\d{1,2}: \d\d\b")


#: Digits a tokeniser split after their separators, in a figure read whole ("22, 000", "6. 1").
SPLIT_DIGITS = re.compile(r"\d{1,3}(?:[,.] \d+)+")


def written_whole(figure: str) -> str:
    """A figure's words with a number a tokeniser split written whole: "22, 000 fans" → "22,000 fans"."""
    return SPLIT_DIGITS.sub(lambda run: run.group().replace(", ", ",").replace(". ", "."), figure)


def breaks_a_split_decimal(text: str, position: int) -> bool:
    """Whether a sentence break right after a full stop, at ``position``, falls inside a decimal a tokeniser split
    ("a depth of 1. | 2 miles"): the entity stage and the grammar's own sentence splitter make no break there."""
    window = SPLIT_DECIMAL.finditer(text, max(0, position - 8), min(len(text), position + 8))
    return any(match.start() < position < match.end() for match in window)


def tokenised(text: str) -> bool:
    """Whether the text was cut into tokens and pasted back with a space after each (``_TOKENISED``)."""
    return _TOKENISED.search(text) is not None


#: "2.5×10−8", "3 x 10^8": mantissa, sign and exponent.
_SCIENTIFIC = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?[×x]\s?10\s?\^?([−-]?)(\d{1,3})\b")
#: "1/2", "3/4" standing alone (not dates like 12/05/2024).
_SLASH_FRACTION = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
#: Glyphs of common fractions ("3½ hours").
_FRACTION_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_GLYPH = re.compile(rf"(?<![\d.,])(\d+)?\s?([{''.join(_FRACTION_GLYPHS)}])")


@dataclass(frozen=True, slots=True)
class NumberSpan:
    start: int
    end: int
    value: float
    value_max: float | None = None
    #: True for numbers in words: they need more care (the pronoun "one").
    in_words: bool = False


def find_number_spans(text: str) -> list[NumberSpan]:
    """Every number in ``text``, in order, without overlaps."""
    spans: list[NumberSpan] = []
    for match in _SCIENTIFIC.finditer(text):
        exponent = int(match.group(3)) * (-1 if match.group(2) else 1)
        spans.append(NumberSpan(match.start(), match.end(), float(match.group(1)) * 10.0**exponent))
    for match in _GLYPH.finditer(text):
        whole = float(match.group(1)) if match.group(1) else 0.0
        spans.append(NumberSpan(match.start(), match.end(), whole + _FRACTION_GLYPHS[match.group(2)]))
    for match in _SLASH_FRACTION.finditer(text):
        numerator, denominator = int(match.group(1)), int(match.group(2))
        if 0 < numerator < denominator <= 16:
            spans.append(NumberSpan(match.start(), match.end(), numerator / denominator))
    for match in _NUMERAL.finditer(text):
        spans.append(NumberSpan(match.start(), match.end(), float(match.group().replace(",", ""))))
    split = [*SPLIT_DECIMAL.finditer(text), *(_SPLIT_THOUSANDS.finditer(text) if tokenised(text) else ())]
    for match in split:
        spans.append(NumberSpan(match.start(), match.end(), float(written_whole(match.group()).replace(",", ""))))
    for match in _VAGUE.finditer(text):
        low = _vague_lower_bound(match["times"], match["scale"])
        high = low * 10
        if match["low"] is not None:
            low = 10.0 if match["low"].lower() == "tens" else _vague_lower_bound(None, match["low"])
        spans.append(NumberSpan(match.start(), match.end(), min(low, high), high, in_words=True))
    for match in _VAGUE_COUNT.finditer(text):
        low, high = _VAGUE_COUNTS[" ".join(match["count"].lower().split())]
        unit = 1.0
        for scale in match["scales"].lower().split():
            unit *= 12 if scale == "dozen" else SCALES[scale]
        spans.append(NumberSpan(match.start(), match.end(), low * unit, high * unit, in_words=True))
    for match in _FRACTION_PHRASE.finditer(text):
        if match.group(3):
            spans.append(NumberSpan(match.start(), match.end(), 0.5, in_words=True))
            continue
        numerator = 1 if match.group(1).lower() in ("a", "an") else SMALL_NUMBERS[match.group(1).lower()]
        value = numerator / FRACTIONS[match.group(2).lower()]
        spans.append(NumberSpan(match.start(), match.end(), value, in_words=True))
    for match in _FOLD.finditer(text):
        word = match.group(1).lower()
        value = SMALL_NUMBERS.get(word) or TENS.get(word) or SCALES[word]
        spans.append(NumberSpan(match.start(), match.end(), float(value), in_words=True))
    for match in _WORD_RUN.finditer(text):
        spans.extend(_word_numbers(match))
    return _mixed_numbers(text, _without_overlaps(spans))


def _mixed_numbers(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    """Join a whole number and the fraction after it into one number: "an 11-and-a-half hour flight" is
    11.5 hours, "3 1/2 miles" 3.5 miles, "two and a half million" 2.5 million."""
    joined: list[NumberSpan] = []
    for span in spans:
        previous = joined[-1] if joined else None
        value = _mixed_value(previous, span, text) if previous is not None else None
        if previous is not None and value is not None:
            joined[-1] = NumberSpan(previous.start, span.end, value, in_words=previous.in_words)
        else:
            joined.append(span)
    return joined


def _mixed_value(whole: NumberSpan, fraction: NumberSpan, text: str) -> float | None:
    """The value of a whole number joined to the fraction after it, or None when they are two numbers."""
    if whole.value_max is not None or fraction.value_max is not None or not whole.value.is_integer():
        return None
    if whole.value < 1:
        return None
    between = text[whole.end : fraction.start]
    if between == " " and not fraction.in_words and 0 < fraction.value < 1:
        return whole.value + fraction.value  # "3 1/2"
    words = _A_FRACTION.fullmatch(text, fraction.start, fraction.end)
    if words is None or _AND.fullmatch(between) is None:
        return None
    scale = SCALES[words.group(1).lower()] if words.group(1) else 1
    return (whole.value + fraction.value / scale) * scale  # "four and a half", "two and a half million"


_AND = re.compile(r"(?:\s+|-)and(?:\s+|-)", re.IGNORECASE)
_A_FRACTION = re.compile(rf"an?[\s-]+(?:{_FRACTION})(?:\s+({_SCALE}))?", re.IGNORECASE)


def plural_scale_amount(text: str) -> bool:
    """Whether ``text`` holds a plural of a scale word ("dozens of", "tens of thousands of"): an amount
    that says at least two of its unit."""
    return _VAGUE.search(text) is not None


def _vague_lower_bound(multiplier: str | None, plural_scale: str) -> float:
    scale = 12.0 if plural_scale.lower() == "dozens" else float(SCALES[plural_scale.lower()[:-1]])
    if multiplier is not None:
        scale *= 10 if multiplier.lower() == "tens" else 100
    return scale


def _word_numbers(match: re.Match[str]) -> list[NumberSpan]:
    """Split a run of number words into numbers ("ten and twelve" is two)."""
    pieces = list(re.finditer(r"[A-Za-z]+", match.group()))
    spans: list[NumberSpan] = []
    group: list[re.Match[str]] = []
    for piece in pieces:
        word = piece.group().lower()
        if word == "and":
            # "and" continues a number only after a scale word ("hundred and five").
            if group and group[-1].group().lower() in SCALES:
                continue
            if group:
                spans.append(_read_group(match.start(), group))
            group = []
            continue
        if group and _starts_new_number(group[-1].group().lower(), word):
            spans.append(_read_group(match.start(), group))
            group = []
        group.append(piece)
    if group:
        spans.append(_read_group(match.start(), group))
    return [span for span in spans if span.value == span.value]


def _starts_new_number(previous: str, word: str) -> bool:
    """Two small numbers in a row ("one two") or tens after units are separate numbers."""
    if previous in ("a", "an", "half"):
        return False
    if word in SCALES or word == "dozen":
        return False
    if previous in TENS and word in SMALL_NUMBERS and SMALL_NUMBERS[word] < 10:
        return False
    return previous in SMALL_NUMBERS or previous in TENS


def _read_group(offset: int, group: list[re.Match[str]]) -> NumberSpan:
    words = [piece.group().lower() for piece in group]
    total = 0.0
    current = 0.0
    half = False
    for word in words:
        if word in ("a", "an"):
            current = max(current, 1)
        elif word == "half":
            half = True
        elif word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
    value = (total + current) * (0.5 if half else 1)
    return NumberSpan(offset + group[0].start(), offset + group[-1].end(), value, in_words=True)


def _without_overlaps(spans: list[NumberSpan]) -> list[NumberSpan]:
    """Keep the longest span where several overlap (the fraction over its numerator)."""
    kept: list[NumberSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
