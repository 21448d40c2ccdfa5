"""What a date is the date of, read from the parse of its sentence, and the date facts' labels it gives."""

from __future__ import annotations

import pytest

from crosswire.annotate import annotate_text
from crosswire.model import Article
from crosswire.pipeline import Pipeline
from crosswire.stories.corroborate import corroborate


@pytest.mark.parametrize(
    ("text", "thing", "predicate"),
    [
        ("The talks were held in Geneva on Tuesday, officials said.", "talks", "held"),
        ("Rebels signed a ceasefire last week after months of fighting.", "ceasefire", "signed"),
        ("The ferry sank on 4 March 2026 near the harbour.", "ferry", "sank"),
        ("An earlier ceasefire signed in January 2025 collapsed within weeks.", "earlier ceasefire", "signed"),
        ("The council closed the bridge Friday for repairs.", "bridge", "closed"),
        ("The March 3 vote was postponed.", "vote", None),
        ("The meeting took place on Tuesday in the town hall.", "meeting", None),  # "took place": no thing taken
        ("Late Wednesday evening the dam gave way.", "dam", None),  # the evening is part of the date
        ("KESTON, Brannock (Quay Post) - The airport was closed on Thursday.", "airport", "closed"),
        ("Vantor-Hale said on Monday that it would close the plant.", "Vantor-Hale", "said"),  # a hyphenated name whole
        ("Two Carrow bakers were found guilty on Friday.", "Carrow bakers", "found guilty"),  # a verdict, no discovery
        # A common noun beside a name means the one named: the date is that person's.
        ("Her brother, Tomas Ruiz, was killed on Tuesday near Carrow.", "Tomas Ruiz", "killed"),
        ("The ferry's captain Ivo Brandt died on Friday.", "Ivo Brandt", "died"),
    ],
)
def test_a_date_is_the_date_of_what_its_sentence_says_happened(text: str, thing: str, predicate: str | None) -> None:
    (date,) = annotate_text("a", text, "2026-03-10").dates
    assert (date.counted, date.predicate) == (thing, predicate)


def test_a_dateline_is_not_read_into_the_sentence_it_opens() -> None:
    text = (
        "KESTON, Brannock — Keston Airport in northern Brannock was closed for almost four hours "
        "on Thursday night after drones were seen over the runway."
    )
    (date,) = annotate_text("a", text, "2026-11-07").dates
    assert (date.counted, date.predicate) == ("Keston Airport", "closed")
    ferries = "KESTON, Nov 6 (Quay Post) - Ferries were halted on Friday, the port said."
    dated = annotate_text("a", ferries, "2026-11-07")
    assert [(d.text, d.counted, d.predicate) for d in dated.dates] == [
        ("Nov 6", None, None),  # the dateline's own date dates nothing in the sentence
        ("on Friday", "ferries", "halted"),
    ]


def test_a_link_is_no_thing_a_date_dates() -> None:
    # A photo's caption and link, then the date it was posted: the parser hangs the date from the link.
    (date,) = annotate_text("a", "Flooded platform pic.example.com/abc123 November 9, 2016", None).dates
    assert date.counted is None


def test_date_facts_are_labelled_by_what_happened_on_the_day() -> None:
    from crosswire.annotate import default_stages

    texts = {
        "quay-post": "Talks between the two unions were held in Portvale on Tuesday, the mediator said.",
        "harbour-herald": "The talks were held on Tuesday in Portvale, according to a union spokeswoman.",
    }
    articles = list(
        Pipeline(default_stages()).pipe(
            Article(id=outlet, kind="record", origin=outlet, text=text, published="2026-03-11", publisher=outlet)
            for outlet, text in texts.items()
        )
    )
    (fact,) = [f for f in corroborate(articles, {a.id: a.id for a in articles}) if f.kind == "date"]
    assert fact.about == "date: talks held"
    assert fact.status == "agree" and fact.value == "2026-03-10"


def test_a_name_modifying_the_noun_after_it_is_not_who_the_date_is_of() -> None:
    # "another 11th hour Varney rule": Varney says whose rule it was; the mayor overturned it, Varney did nothing.
    (date,) = annotate_text("a", "On March 3, the mayor overturned another 11th hour Varney rule.", "2026-03-10").dates
    assert date.predicate == "overturned" and date.counted != "Varney"
