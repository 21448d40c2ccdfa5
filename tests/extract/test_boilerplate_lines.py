"""Line rules of ``clean_body``: chrome in several languages goes, prose stays."""

from __future__ import annotations

import pytest

from crosswire.extract.body import _one_branch, clean_body

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
