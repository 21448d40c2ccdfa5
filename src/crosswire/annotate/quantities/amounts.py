"""Which numbers are amounts: years, dates, times, phone numbers, ordinals, list numbers and
numbers inside names ("Boeing 737", "COVID-19") name, order or date something rather than count it."""

from __future__ import annotations

import itertools
import re

from crosswire.annotate.quantities import ages, counted, numbers, qualifiers, units
from crosswire.lexicon import Entry, load_lexicon, phrase_alternation, terms

_PACKAGE = "crosswire.annotate.quantities"
_MONTH_FORMS = [form for entry in load_lexicon(_PACKAGE, "months").entries for form in entry.value]
_MONTH = "(?:" + "|".join(sorted((form.capitalize() for form in _MONTH_FORMS), key=len, reverse=True)) + r")\.?"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*(?:\d{{1,2}}(?:\s?[-–&]\s?|,?\s(?:and|to|or)\s))?$")
#: A month and day before a year: "November 12th, | 2007", "NOV. 12, | 2007" (a date's year, whatever follows it).
_DAY_OF_MONTH_BEFORE = re.compile(rf"\b(?i:{_MONTH})\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s*$")
#: A number word hyphened into a compound noun by "-and-" and a word that is no number or fraction:
#: "three-and-out" (but "two-and-a-half hours" is 2.5, read before this test sees it).
_AND_COMPOUND_AFTER = re.compile(r"^-and-(?!an?\b|half\b)[a-z]+\b(?!-(?:half|quarter|third))", re.IGNORECASE)
#: The second half of "2014-15" (a season or fiscal year).
_YEAR_SPAN_BEFORE = re.compile(r"\b(?:1[5-9]|20)\d\d[-–/]\Z")
_STREET_TYPES = "|".join(sorted((word.capitalize() for word in terms(_PACKAGE, "street_types")), key=len, reverse=True))
_STREET_AFTER = re.compile(rf"^(?:\s(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))){{1,3}}\s(?:{_STREET_TYPES})\b")
#: "12 W 44th St", "40 Avenue Foch": a house number before a street ("40 East 5th Ave." is read by
#: ``_STREET_AFTER``, whose names may be ordinals).
_HOUSE_NUMBER_AFTER = re.compile(
    r"^\s(?:[NSEW]\.?\s(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)|(?:Ave|Avenue|Rue|Via|Calle)\s[A-Z])"
)
#: "A.D. 1000", "500 BC": years of an era.
_ERA_BEFORE = re.compile(r"\b(?:A\.D\.|AD)\s?(?:\d{1,4}\s?(?:and|to|-|–)\s?)?$")
_ERA_AFTER = re.compile(r"^\s?(?:AD|A\.D\.|BC|B\.C\.|BCE|CE)\b")
#: "the 12 Pro", "the 900 Series": a model number, named by the word after it.
_MODEL_SUFFIXES = "|".join(sorted(terms(_PACKAGE, "model_suffixes"), key=len, reverse=True))
_MODEL_SUFFIX_AFTER = re.compile(rf"^\s(?:{_MODEL_SUFFIXES})\b", re.IGNORECASE)
#: "a 2-1 win", "at 2-0 down": a score, the first number not below the second.
SCORE = re.compile(r"(?<![\d.,])(\d{1,3})[-–](\d{1,3})(?![\d%]|[.,]\d|\s?(?:per|%))")
#: "went 10-5-1", "(4-11)" or "(58-3, 51 KO)" after a team or a fighter: win-loss records.
RECORD = re.compile(
    r"(?<![\d.,])\d{1,3}[-–]\d{1,3}[-–]\d{1,3}(?![\d.,]\d)|(?<=[A-Za-z] \()\d{1,3}[-–]\d{1,3}(?=\)|,\s)"
)
#: "fell to 5-10", "a 2-14 record": a win-loss record, whatever the order of its numbers
#: (``lexicons/record_verbs.json``); a unit or a counted thing after the pair makes it a range again.
_RECORD_VERBS = "|".join(sorted(terms(_PACKAGE, "record_verbs"), key=len, reverse=True))
RECORD_PAIR = re.compile(
    rf"\b(?:{_RECORD_VERBS})\s(?P<pair>\d{{1,2}}[-–]\d{{1,2}})(?![\d%]|[.,]\d)(?!\s+[a-z]+s\b)"
    r"|(?<![\d.,])(?P<before_record>\d{1,2}[-–]\d{1,2})(?=\s+record\b)"
)
#: "the top three", "the bottom 10": a place in a ranking unless something is counted after it.
_RANK_BEFORE = re.compile(r"\b(?:top|bottom)\s$", re.IGNORECASE)
#: Qualifiers before a four-digit number that make it a count rather than a year ("at least 1200"); the
#: prepositions among them ("over", "around") and those marked as dating ("circa") also precede years.
_COUNT_QUALIFIERS = [q for q in qualifiers.QUALIFIERS if q not in counted.STOP_WORDS and q not in qualifiers.DATING]
_AMOUNT_BEFORE_YEAR_LIKE = re.compile(
    r"\b(?:" + "|".join(re.escape(q) for q in sorted(_COUNT_QUALIFIERS, key=len, reverse=True)) + r")\s$",
    re.IGNORECASE,
)
_LARGE_SCALES = "|".join(word for word, value in numbers.SCALES.items() if value >= 1_000_000)
_SCALE_AFTER = re.compile(rf"\s(?:{_LARGE_SCALES})\b", re.IGNORECASE)
#: "20, 000", "4, 183" or "6. 1": digit groups split by a space, as text that was cut into tokens and pasted
#: back together has them.  Whether "20, 000" is 20,000 or a list cannot be told for sure, so neither half is
#: read.  A list ("300, 400 metres") has numbers of one size, none opening with a nought, and no currency
#: sign before it ("$380, 600" is one sum); a month before the first group makes it a date ("May 4, 300
#: people"), which leaves the second alone.
_SPLIT_GROUPS = re.compile(
    r"(?<![\d.,])(?:\d{1,3}, 0\d\d|\d{1,2}, \d{3}|(?<=[$€£¥])\d{3}, \d{3}|\d{1,2}\. \d{1,2})(?![\d]|[.,]\d)"
)
#: Capitals glued to a number, and what after one digit would still make it an amount ("PS4.5m", "PS4,500").
_MODEL_NAME = re.compile(r"(?<![A-Za-z])[A-Z]{2,3}\Z")
_MORE_OF_THE_AMOUNT = re.compile(rf"^(?:[.,]\d|\s?(?:{_LARGE_SCALES}|m|bn|k)\b)", re.IGNORECASE)
#: Lower-case labels that a number identifies rather than counts ("category 4").
_LABEL_WORDS = terms(_PACKAGE, "labels")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}(?![a-z])")
#: An hour: before minutes ("1:28", "1: 28 PM", a space some pages print after the colon) or a clock word.
_TIME_AFTER = re.compile(
    r"^(?::\d|:\s\d\d\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|EST|ET\b|UTC)"
    r"|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock|GMT|BST|EST|ET\b|UTC))",
    re.IGNORECASE,
)
#: "at 1100 hrs", "by 0630 hours": a clock time on the 24-hour clock, not a number of hours.
_CLOCK_HOURS = re.compile(
    r"\b(?:at|by|until|till|from|before|after|around|about)\s(?:[01]\d|2[0-3])[0-5]\d\s(?:hrs|hours|h)\b"
)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b")
_LOCAL_PHONE = re.compile(r"\b\d{3}-\d{4}\b")
_PHONE_CUES = "|".join(sorted(terms(_PACKAGE, "phone_cues"), key=len, reverse=True))
_PHONE_CUE_BEFORE = re.compile(rf"\b(?:{_PHONE_CUES})\b[^\n]*$", re.IGNORECASE)
#: A capitalised word right before the number, as in "Boeing 737", "Game 2", with the words hyphened to it
#: when all are capitalised ("NORTH-WE 4": the name is the whole compound, not its last part, a function word).
#: On the same line (``_LETTER_BEFORE``).
_WORD_BEFORE = re.compile(r"(?P<word>(?:[A-Z][\w&'’]*-)+[A-Z][\w&'’]*|[A-Za-z][\w&'’]*)[ \t-]?\Z")
#: Prose before a number inside a name: a lower-case word, a number ("the 1967 Six-Day War") or "The".
_PROSE_BEFORE = re.compile(r"\b(?:[a-z]+|\d+|The)\s+$")
#: "a former 2-Time League Champion": a number hyphened to a capitalised word that another one follows.
_TITLE_COMPOUND_AFTER = re.compile(r"^-[A-Z][a-z]+[\s-][A-Z]")
#: Nouns after a decimal that make it a version, not an amount ("the 5.20 update"; ``lexicons/version_nouns.json``).
_VERSION_NOUNS = "|".join(sorted(terms(_PACKAGE, "version_nouns"), key=len, reverse=True))
_VERSION_AFTER = re.compile(rf"^(?:\.\d+)*\s(?:{_VERSION_NOUNS})\b(?!-)", re.IGNORECASE)
_VERSION_BEFORE = re.compile(rf"\b(?:{_VERSION_NOUNS})\s$", re.IGNORECASE)
#: Nouns after a measure that make it a position ("the 20-yard line"; ``lexicons/position_nouns.json``).
_POSITION_NOUNS = "|".join(sorted(terms(_PACKAGE, "position_nouns"), key=len, reverse=True))
_POSITION_AFTER = re.compile(rf"[\s-]+(?:{_POSITION_NOUNS})\b(?!\s+of\b)", re.IGNORECASE)
_NUMBER_PREFIX = re.compile(r"(?:#|\bNo\.?\s?|\bno\.\s?|\bNumber\s)\Z")
#: Words that, capitalised before a number, are not part of a name: function words, qualifiers, words of
#: change and a few more that open a sentence ("Today 40 ferries sailed").
_NOT_NAME_WORDS = (
    counted.STOP_WORDS
    | frozenset(word for qualifier in qualifiers.QUALIFIERS for word in qualifier.split())
    | frozenset(qualifiers.CHANGE_WORDS)
    | terms(_PACKAGE, "name_openers")
)
#: A weekday right before the number ("On Sunday 300 residents ...", "Friday 13").
_WEEKDAY_BEFORE = re.compile(
    r"\b(?i:" + "|".join(terms("crosswire.annotate", "weekdays")) + r"),?\s+$"
)
#: Words before "one" that make it a pronoun ("each one", "no one").
_PRONOUN_ONE_BEFORE = terms(_PACKAGE, "pronoun_one")


def inside_phone_number(text: str, span: numbers.NumberSpan) -> bool:
    if _covering(_PHONE, text, span, (20, 20)):
        return True
    # A short local number ("555-0143") only after a word that announces one: "300-1500" is a range.
    local = _covering(_LOCAL_PHONE, text, span, (20, 20))
    return local is not None and _PHONE_CUE_BEFORE.search(text, max(0, local.start() - 30), local.start()) is not None


def check_phone_cue(entry: Entry) -> None:
    """The lexicon check: the example's number (the value) is no amount."""
    from crosswire.annotate.quantities import find_quantities  # the package runs this module

    found = [text for q in find_quantities(entry.example) for text in [entry.example[q.start : q.end]]]
    assert not any(part in entry.value for text in found for part in text.split()), (entry.term, found)


#: A letter right before the number: glued to a word ("S23", "V10").  The patterns read on the characters before a
#: number end in ``\Z``, not ``$``: ``$`` also matches before a final line break, and a line's last word is no
#: part of a number opening the next ("Read more: Travel Tips\n4 people were hurt").
_LETTER_BEFORE = re.compile(r"[A-Za-z]\Z")
#: A word giving something its name right before the number (``lexicons/naming_verbs.json``: "a crew *called* 9
#: Lanes"), and a capitalised word right after it: the number opens the name.
_NAMING_BEFORE = re.compile(rf"\b(?:{phrase_alternation(terms(_PACKAGE, 'naming_verbs'))})\s+\Z", re.IGNORECASE)
_NAME_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


def is_amount(text: str, span: numbers.NumberSpan) -> bool:
    """False for numbers that name, order or date something rather than count it."""
    before, after = text[max(0, span.start - 40) : span.start], text[span.end : span.end + 40]
    if _names_a_position(after) and not re.search(r"\ban?\s+$", before, re.IGNORECASE):
        return False  # "the 20-yard line"; but "a 300-metre line" is a line that long
    if span.in_words:
        return _is_counting_word(text, span, before, after)
    # a currency or a unit's word before it: "$5", "magnitude-5.2"
    unit_before = (
        units.CURRENCY_BEFORE.search(before) is not None or units.unit_word_before(text, span.start) is not None
    )
    if _LETTER_BEFORE.search(before) and not unit_before:
        return False  # glued to a word: "S23", "V10", "A4"
    if _MODEL_NAME.search(before) and not _MORE_OF_THE_AMOUNT.match(after) and span.end - span.start == 1:
        return False  # a currency code glued to one digit is a model's name ("PS4 games"), not "PS4.5m"
    if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after) or re.search(r"\d:$", before):
        return False
    if re.match(r"^'?s\b", after) or before.endswith("'"):  # decades: 1990s, '90s
        return False
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _YEAR_SPAN_BEFORE.search(before):
        return False
    if _DAY_OF_MONTH_BEFORE.search(before) and _looks_like_year(text, span):
        return False  # "November 12th, 2007 HP has signed": the date's year, not 2007 horsepower
    if _STREET_AFTER.match(after) or _HOUSE_NUMBER_AFTER.match(after) or _MODEL_SUFFIX_AFTER.match(after):
        return False
    if _ERA_BEFORE.search(before) or _ERA_AFTER.match(after) or _in_score(text, span):
        return False
    if _NUMBER_PREFIX.search(before) or _in_split_groups(text, span) or _is_clock_hours(text, span):
        return False
    if "." in text[span.start : span.end] and (
        _VERSION_AFTER.match(after) or (_VERSION_BEFORE.search(before) and not _SCALE_AFTER.match(after))
    ):
        return False  # "the 5.20 update", "after its 6.0 release", "system update 5.20": a software version
    if _TITLE_COMPOUND_AFTER.match(after) and _PROSE_BEFORE.search(before):
        return False  # "a former 2-Time League Champion": part of a title
    line_start = before.rsplit("\n", 1)[-1]
    if (not line_start.strip() or span.start == 0) and re.match(r"^[.)]\s", after):
        return False
    has_unit = units.measurement_unit_after(after, currency=None) is not None
    if (
        _looks_like_year(text, span)
        and not unit_before
        and not has_unit
        and not _AMOUNT_BEFORE_YEAR_LIKE.search(before)
    ):
        return False
    if _RANK_BEFORE.search(before) and counted.counted_noun(text, span.end, span.value) is None:
        return False
    if _NAMING_BEFORE.search(before) and _NAME_WORD_AFTER.match(after) and not unit_before and not has_unit:
        # "a crew called 9 Lanes": the number opens a name; "the court called 12 Kelso residents" counts them
        noun = counted.counted_noun(text, span.end, span.value)
        if noun is None or not noun[0].split()[-1][:1].islower():
            return False
    if ages.is_age_after_name(text, span.start, span.end, span.value):
        return True
    if _SCALE_AFTER.match(after):
        return True  # "Ruritania 9 billion": names do not run to billions
    if _WEEKDAY_BEFORE.search(before) and not unit_before and not has_unit:
        # "On Sunday 300 residents were evacuated" counts residents; "Friday 13" is a day, not a name either.
        return counted.counted_noun(text, span.end, span.value) is not None
    if not unit_before and not has_unit and _continues_a_named_series(before, span.value):
        return False  # "Harbour Browser 8 and | 9 users": versions named, not nine users
    if unit_before or has_unit or not _part_of_name(before):
        return True
    # "Bring 3 blankets": a capitalised verb opening a sentence, then a count.
    opens_sentence = re.search(r"(?:^|[.!?]\s+|\n\s*|^\d+[.)]\s+)[A-Z][a-z]+\s$", before) is not None
    noun = counted.counted_noun(text, span.end, span.value)
    return opens_sentence and noun is not None and noun[0].islower() and counted.looks_plural(noun[0])


def _names_a_position(after: str) -> bool:
    """ "the 20-yard line", "at the 60-minute mark": a measure that says where, not how much."""
    measured = units.measurement_unit_after(after, None)
    return measured is not None and _POSITION_AFTER.match(after, measured[1]) is not None


def _covering(
    pattern: re.Pattern[str], text: str, span: numbers.NumberSpan, reach: tuple[int, int], group: str | None = None
) -> re.Match[str] | None:
    """The match of ``pattern`` (of its named ``group``, when given and matched) that holds the number, read
    within ``reach`` characters before and after it."""
    for match in pattern.finditer(text, max(0, span.start - reach[0]), min(len(text), span.end + reach[1])):
        part = group if group is not None and match.group(group) else 0
        if match.start(part) <= span.start and span.end <= match.end(part):
            return match
    return None


def _in_score(text: str, span: numbers.NumberSpan) -> bool:
    if _covering(RECORD, text, span, (8, 8)) or _covering(RECORD_PAIR, text, span, (20, 30), "pair"):
        return True
    score = _covering(SCORE, text, span, (8, 8))
    return score is not None and int(score.group(1)) >= int(score.group(2))


def _is_clock_hours(text: str, span: numbers.NumberSpan) -> bool:
    return _covering(_CLOCK_HOURS, text, span, (8, 6)) is not None


#: "a third", "a fifth": a fraction before "of" or alone ("cut by a third"), an ordinal before a noun.
_ORDINAL_NOT_FRACTION = re.compile(
    r"^an?[\s-]+(?:" + "|".join(f for f, d in numbers.FRACTIONS.items() if d > 2 and f != "quarter") + r")$"
)


#: "a 32-bit edition", "a five-star hotel", "the two-state solution", "the two-time Open champion": the number and
#: a noun that is no unit, joined by a hyphen, before another word (a name's too: "a 64-bit Velmar build").
_KIND_COMPOUND_AFTER = re.compile(r"-([a-z]+)\s+([A-Za-z]+)")


#: The end of a number, right before a compound: "32" of "32-bit", "three" of "three-time".
_NUMBER_END = re.compile(rf"(?:\d|\b(?i:{'|'.join(numbers.SMALL_NUMBERS)}))$")


def names_a_kind(text: str, end: int) -> bool:
    """Whether the amount ending at ``end`` says what kind of thing a noun is ("a four-cylinder engine").

    Such an amount is a quantity (it measures the engine), but it reports nothing that happened: two
    reports of one event do not agree or disagree about a hotel's stars or a program's 32 bits.  The compound
    follows the number itself: after a unit ("a 108-foot-tall rocket") it says what the measure is.
    """
    compound = _KIND_COMPOUND_AFTER.match(text, end)
    return (
        compound is not None
        and _NUMBER_END.search(text, max(0, end - 12), end) is not None
        and compound.group(2).lower() not in counted.STOP_WORDS
        and units.measurement_unit_after(compound.group(1), None) is None
    )


def _in_split_groups(text: str, span: numbers.NumberSpan) -> bool:
    """Whether the number is half of split digit groups; not when it is the groups read whole (a tokenised
    text's "20, 000": ``numbers.tokenised``)."""
    match = _covering(_SPLIT_GROUPS, text, span, (5, 5))
    if match is None or (match.start(), match.end()) == (span.start, span.end):
        return False
    return not _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start())


def _is_counting_word(text: str, span: numbers.NumberSpan, before: str, after: str) -> bool:
    word = text[span.start : span.end].lower()
    if _ORDINAL_NOT_FRACTION.match(word):
        next_word = re.match(r"^\s+([A-Za-z]+)", after)
        if next_word and next_word.group(1).lower() not in counted.STOP_WORDS:
            return False  # "a third term", "a fifth straight win": an ordinal before its noun, not 1/3
    if text[span.start].isupper() and re.match(r"^[\s-][A-Z][a-z]", after) and _PROSE_BEFORE.search(before):
        # mid-sentence "the Six-Day War", "the 1967 Six Day War", "The Three Musketeers", "at Two Rivers Park":
        # a capitalised number inside a title or name
        return False
    if word == "zero" and (after.startswith("-") or re.match(r"^\s+[a-z]+(?<!s)\b", after)):
        # "a zero-day flaw", "a zero day exploit", "zero tolerance": before a singular noun, an idiom; an
        # amount of nothing counts a plural ("zero deaths").
        return False
    if _RANK_BEFORE.search(before) and counted.counted_noun(text, span.end, span.value) is None:
        return False
    if _AND_COMPOUND_AFTER.match(after):
        return False  # "a three-and-out", "a nine-and-dine": a compound noun, no count of anything
    if re.search(r"\bper\s+$", before, re.IGNORECASE):
        return False  # the "million" of "parts per million"
    if word == "one":
        previous = re.search(r"(\w+)\s+$", before)
        if previous and previous.group(1).lower() in _PRONOUN_ONE_BEFORE:
            return False
        if re.match(r"^\s*(?:another|'s|’s)\b", after):
            return False
        compound = re.match(r"^-([a-z]+)", after)
        if compound and units.measurement_unit_after(compound.group(1), None) is None:
            return False  # "one-time", "one-off", "one-way": an adjective, not a count
    return not _part_of_name(before)


#: The first number of a series and what joins the next: "Harbour Browser 6 to | 10", "HB6 and | 9".
#: (Not a comma: "By June 2, | 400 families" is a date, then a count.)
_SERIES_BEFORE = re.compile(r"(?P<glued>[A-Za-z])?(?P<first>\d+(?:\.\d+)?)\s*(?:to|and|or|through|[-–/])\s*$")


#: A list of bare numbers before this one: "HB6, 7, 8, | 9", "versions 6, 7 and | 8" (two items at least
#: before it, or a first glued to a name: "By June 2, | 400 families" is a date, then a count).
_LIST_BEFORE = re.compile(
    r"(?P<glued>[A-Za-z])?(?P<first>\d+(?:\.\d+)?)(?P<more>(?:\s*,\s*\d+(?:\.\d+)?)*)\s*,?\s*(?:(?:and|or)\s+)?$"
)


_LABEL_BEFORE = re.compile(rf"\b(?:{phrase_alternation(_LABEL_WORDS)})\s+$", re.IGNORECASE)


def _continues_a_named_series(before: str, value: float) -> bool:
    """Whether the number goes on from a number that is part of a name: "Harbour Browser 6 to | 10",
    "HB6 and | 9" and "HB6, 7, 8 and | 9" name versions, as the first number does, so the later ones count
    nothing either.  A list's numbers rise one after another, as versions do ("Jul 2, 2013 | 1" is a date
    and a clock)."""
    series = _SERIES_BEFORE.search(before)
    if series is not None and (series["glued"] is not None or _part_of_name(before[: series.start("first")])):
        return True
    listed = _LIST_BEFORE.search(before)
    if listed is None or listed.start() == listed.end():
        return False
    listed_values = [float(number) for number in re.findall(r"\d+(?:\.\d+)?", listed.group(0))]
    if any(later <= earlier for earlier, later in itertools.pairwise([*listed_values, value])):
        return False
    opening = before[: listed.start("first")]
    if not (listed["glued"] or listed["more"] or _LABEL_BEFORE.search(opening)):
        return False  # "By June 2, | 400 families": one number and a comma may be a date, then a count
    return listed["glued"] is not None or _part_of_name(opening)


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
