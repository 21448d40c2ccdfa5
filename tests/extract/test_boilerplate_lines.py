"""Line rules of ``clean_body``: chrome in several languages goes, prose stays."""

from __future__ import annotations

import re

import pytest

from crosswire.extract.body import (
    CAPTION_MAX_CHARS,
    PROMO_MAX_CHARS,
    _first_chars,
    _one_branch,
    _patterns,
    clean_body,
    is_boilerplate,
)
from crosswire.extract.rules import load_rules

PROSE = "The harbour council voted seven to two on Thursday to rebuild the old ferry pier by 2028."


@pytest.mark.parametrize(
    "chrome",
    [
        "Auch interessant",
        "Lesen Sie auch:",
        "Weitere Artikel zum Thema",
        "À lire aussi",
        "NOTAS RELACIONADAS",
        "Le puede interesar:",
        "MIRA: Vecinos celebran la reapertura del muelle",
        "Czytaj także",
        "Titelbild: Hafenamt / Berg",
        "Crédits photos : Agence Nord",
        "Quelle: Hafenverwaltung",
        "Bild anzeigen",
        "Keine Kommentare",
        "23.10.2018",
        "3:59 PM",
        "https://www.example.org/harbour/pier-vote",
        "2019-11-19T08:57:40+01:00",
        "- Order Reprints",
        "This copy is for your personal, non-commercial use only.",
        "Zum Newsletter anmelden",
        "Pour lire la suite de cet article, abonnez-vous",
        "The old pier at dusk, photos © Harbour Herald, 2018",
    ],
)
def test_chrome_lines_are_dropped(chrome: str) -> None:
    assert clean_body(f"{PROSE}\n{chrome}\n{PROSE}", title=None) == f"{PROSE}\n\n{PROSE}"


@pytest.mark.parametrize(
    "prose",
    [
        "Auch interessant war die Frage, wer den Umbau bezahlen soll, sagte die Bürgermeisterin am Abend.",
        "Mira Lopez, who runs the ferry kiosk, said the vote came as a relief to traders on the quay.",
        "Die Quelle des Geldes: ein Fonds des Landes, der 2027 ausläuft, wie der Kämmerer erklärte.",
        "Copyright lawyers for the builder said on Friday that the design had been registered in 2021.",
    ],
)
def test_prose_that_starts_like_chrome_is_kept(prose: str) -> None:
    assert clean_body(f"{PROSE}\n{prose}", title=None) == f"{PROSE}\n\n{prose}"


def test_rules_sharing_a_leading_anchor_keep_their_own_alternatives() -> None:
    """Rules are merged under one ``^`` or ``\\b``; a rule with a top-level ``|`` keeps its meaning."""
    assert _one_branch(r"\bsubscribe (?:to|now)\b") and _one_branch(r"\b[|]x") and _one_branch(r"\ba\|b")
    assert not _one_branch(r"^see more|read next") and not _one_branch(r"\b(?:a|b)c|d")


def test_first_chars_of_a_rule_are_read_only_where_they_are_certain() -> None:
    assert _first_chars("subscribe (?:to|now)") == frozenset("s")
    assert _first_chars("(?:sign up|Read|don'?t miss)\\s*:") == frozenset("sRd")
    assert _first_chars("\\[(?:video|poll)\\]") == frozenset("[")
    assert _first_chars("(?:a|(?:b|c)d)e") == frozenset("abc")
    # a first item that may be absent, a class, an escape class or an empty alternative: unknown
    for rule in ("a?bc", "(?:the )?latest", "[ab]c", "\\d+ shares", "(?:a|)b", ".{0,300}photo"):
        assert _first_chars(rule) is None, rule


#: Lines written here: each opens or holds what some rule looks for (at its start, at a word, anywhere),
#: in several cases.
LINES = [
    "Sponsored", "SUBSCRIBE NOW for the harbour letter", "Follow us on the quay", "We use cookies to count visits",
    "Share", "12 comments", "Photo: Harbour Herald", "The pier at dawn (Photo: Ines Varga)", "Home > Harbour > Pier",
    "https://example.org/pier", "Also read: the ferry timetable", "[VIDEO]", "Lesen Sie auch", "À LIRE AUSSI",
    "The council met on Thursday and voted for the pier.", "Ferry subscribers read the notice on Friday.",
    "ſubscribe now", "Disclaimer: the harbour fund is ours", "Image credit: Port office", "3 min read",
    "The new ferry at the quay. Source: Port office", "The ferry at the quay (Reuters/Ines Varga)",
    "The quay in winter © Harbour Herald 2026", "Sources say the ferry will sail in May.",
]  # fmt: skip


def test_grouped_alternations_match_what_the_rules_match_one_by_one() -> None:
    """The alternations grouped by first character find a match on exactly the lines one of the rules matches."""
    categories = ("ui", "consent", "residue", "caption", "promo")
    rules = [re.compile(rule, re.IGNORECASE) for category in categories for rule in load_rules("boilerplate")[category]]
    for line in LINES:
        one_by_one = any(rule.search(line) for rule in rules)
        assert any(pattern.search(line) for pattern in _patterns(*categories)) == one_by_one, line


def test_boilerplate_is_ui_consent_and_promo_or_captions_short_enough_for_them() -> None:
    def any_rule(category: str, line: str) -> bool:
        return any(re.search(rule, line, re.IGNORECASE) for rule in load_rules("boilerplate")[category])

    long_promo = "Subscribe now for the harbour letter, " + "with the tide tables and the ferry news " * 7
    assert len(long_promo) > PROMO_MAX_CHARS and any_rule("promo", long_promo) and not is_boilerplate(long_promo)
    for line in [*LINES, long_promo, "Photo: " + "the quay " * 40]:
        short_promo = len(line) <= PROMO_MAX_CHARS and any_rule("promo", line)
        short_caption = len(line) <= CAPTION_MAX_CHARS and any_rule("caption", line)
        expected = any_rule("ui", line) or any_rule("consent", line) or short_promo or short_caption
        assert is_boilerplate(line) == expected, line
