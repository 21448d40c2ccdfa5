"""Story clustering weighs what articles mean, not only the words they share (stories/meaning.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from crosswire.model import Article
from crosswire.stories import cluster
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.meaning import LEAD_WORDS_WITHOUT_HEADLINE, article_meaning, meaning_text

#: Two outlets on one night's storm, in words of their own: hardly a content word in common.
POWER_CUT = [
    (
        "power-1",
        "Storm leaves thousands of homes without power",
        "Gales brought down power lines across the region on Sunday night, leaving thousands of homes without "
        "electricity. Repair crews worked until dawn to restore the supply.",
    ),
    (
        "power-2",
        "Blackout after windstorm downs lines",
        "Households were left in the dark after a windstorm toppled pylons. Engineers are reconnecting "
        "customers, the network operator said.",
    ),
]
#: Earlier, unrelated news, so that document frequencies are not those of an empty archive.
BACKGROUND = [
    (
        "bg-1",
        "Library reopens after two-year refit",
        "The Ashby town library reopened on Saturday after a two-year refit, with a new reading room "
        "and longer opening hours, librarian Tom Okafor said.",
    ),
    (
        "bg-2",
        "Ferry fares to rise in April",
        "Fares on the Kelling island ferry will rise by six percent in April, the operator announced, "
        "blaming fuel costs and a new harbour levy.",
    ),
    (
        "bg-3",
        "Tremor rattles windows in Port Aldane",
        "A small earthquake shook buildings in Port Aldane early on Monday. Nobody was hurt, the harbour "
        "master said, though a few chimneys fell.",
    ),
]


def _article(item: tuple[str, str, str], published: str | None) -> Article:
    article_id, title, text = item
    return Article(article_id, "record", "t", text, title=title, published=published)


def _clusterer() -> StoryClusterer:
    clusterer = StoryClusterer()
    for item in BACKGROUND:
        clusterer.assign(_article(item, "2024-02-20"))
    return clusterer


def test_two_dated_reports_of_one_event_in_other_words_join_one_story() -> None:
    clusterer = _clusterer()
    first = clusterer.assign(_article(POWER_CUT[0], "2024-03-03"))
    assert clusterer.assign(_article(POWER_CUT[1], "2024-03-04")) == first


def test_without_the_encoder_the_same_reports_are_weighed_on_their_words_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cluster, "article_meaning", lambda article: None)
    clusterer = _clusterer()
    first = clusterer.assign(_article(POWER_CUT[0], "2024-03-03"))
    assert clusterer.assign(_article(POWER_CUT[1], "2024-03-04")) != first


def test_undated_reports_are_not_joined_on_meaning() -> None:
    """Without dates nothing but names tells two events of one kind apart, so meaning does not count."""
    clusterer = _clusterer()
    first = clusterer.assign(_article(POWER_CUT[0], None))
    assert clusterer.assign(_article(POWER_CUT[1], None)) != first


def test_a_report_of_something_else_on_the_same_day_keeps_its_own_story() -> None:
    clusterer = _clusterer()
    storm = clusterer.assign(_article(POWER_CUT[0], "2024-03-03"))
    fair = (
        "fair-1",
        "Spring fair draws record crowds to Holmbrook",
        "More than 12,000 visitors came to the Holmbrook spring fair on Sunday, organisers said, "
        "with the cattle show and the brass band the favourites.",
    )
    assert clusterer.assign(_article(fair, "2024-03-03")) != storm


def test_a_story_keeps_its_meaning_through_export_and_restore() -> None:
    live = _clusterer()
    story_id = live.assign(_article(POWER_CUT[0], "2024-03-03"))
    restored = StoryClusterer.from_state(json.loads(json.dumps(live.export_state())))
    saved, loaded = live._stories[story_id].meaning, restored._stories[story_id].meaning
    assert saved is not None and loaded is not None
    assert np.array_equal(saved, loaded)
    second = _article(POWER_CUT[1], "2024-03-04")
    assert restored.assign(second) == live.assign(second) == story_id


def test_the_encoder_reads_the_headline_or_without_one_the_opening_of_the_body() -> None:
    title = "Storm leaves thousands of homes without power"
    body = "Gales brought down power lines overnight. " + " ".join(f"word{i}" for i in range(200))
    assert meaning_text(Article("a", "record", "t", body, title=title)) == title
    untitled = meaning_text(Article("b", "record", "t", body, title=None))
    assert untitled.startswith("Gales brought down power lines overnight.")
    assert len(untitled.split()) == LEAD_WORDS_WITHOUT_HEADLINE


#: Reports written here in languages the (English) encoder was not trained on.
NOT_ENGLISH = [
    (
        "Sturm lässt Tausende Haushalte ohne Strom",
        "Ein schwerer Sturm hat in der Nacht zum Montag Tausende Haushalte im Norden ohne Strom gelassen, "
        "teilte der Netzbetreiber mit. Die Reparaturarbeiten dauern an.",
    ),
    (
        "Una tormenta deja sin luz a miles de hogares",
        "Una fuerte tormenta dejó sin electricidad a miles de hogares en el norte del país durante la noche "
        "del domingo, informó la compañía eléctrica.",
    ),
    (
        "La tempête prive des milliers de foyers d'électricité",
        "Une violente tempête a privé d'électricité des milliers de foyers dans le nord du pays dimanche soir, "
        "a indiqué le gestionnaire du réseau.",
    ),
]


@pytest.mark.parametrize("title,text", NOT_ENGLISH, ids=["german", "spanish", "french"])
def test_an_article_not_in_english_has_no_meaning_vector(title: str, text: str) -> None:
    """The encoder reads any two headlines of a language it does not know as alike."""
    assert article_meaning(Article("x", "record", "t", text, title=title)) is None


def test_an_english_article_has_one_unless_it_declares_another_language() -> None:
    _, title, text = POWER_CUT[0]
    assert article_meaning(Article("x", "record", "t", text, title=title)) is not None
    assert article_meaning(Article("x", "record", "t", text, title=title, language="de")) is None
    assert article_meaning(Article("x", "record", "t", text, title=title, language="en-GB")) is not None
