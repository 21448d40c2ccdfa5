"""*Where* of the frame: which tagged names tell where the event happened."""

from __future__ import annotations

from crosswire.annotate.frame.where import headline_places, lead_places
from crosswire.model import Entity


def tagged(text: str, *names: tuple[str, str, int]) -> list[Entity]:
    """Entities for ``(name, label, occurrence)``: the occurrence-th (from 0) appearance of name in text."""
    entities = []
    for name, label, occurrence in names:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(name, start + 1)
        entities.append(Entity(text=name, label=label, start=start, end=start + len(name)))
    return sorted(entities, key=lambda entity: entity.start)


def test_a_name_after_outside_is_a_site_whatever_its_tag() -> None:
    text = "Fans held a vigil outside Halden Towers. Halden Towers sold its last flat in May."
    entities = tagged(text, ("Halden Towers", "WORK_OF_ART", 0), ("Halden Towers", "WORK_OF_ART", 1))
    assert lead_places(text, entities, len(text)) == ["Halden Towers"]
    assert lead_places(text, entities[1:], len(text)) == []  # the owner of the flats is no place


def test_the_headline_keeps_the_longer_of_two_names_at_one_spot() -> None:
    headline = "Singer protests outside Halden Towers"
    entities = [
        Entity(text="Halden Towers", label="WORK_OF_ART", start=0, end=13),
        Entity(text="Halden", label="ORG", start=40, end=46),
    ]
    assert headline_places(headline, entities) == ["Halden Towers"]
    assert headline_places("Halden Towers sells its last flat", entities) == []


def test_an_event_is_a_place_only_after_at() -> None:
    text = "She crashed in her last home Grand Prix. He spun twice at the wet Lisbon Grand Prix on the coast."
    entities = tagged(text, ("Grand Prix", "FAC", 0), ("Lisbon Grand Prix", "FAC", 0))
    assert lead_places(text, entities, len(text)) == ["Lisbon Grand Prix"]
    assert headline_places("Rain ruins Lisbon Grand Prix", entities) == []
    assert headline_places("Rookie wins at Lisbon Grand Prix", entities) == ["Lisbon Grand Prix"]


def test_a_name_tagged_mostly_as_a_person_is_no_place() -> None:
    text = "Prices rose in the UK after Quorex. Quorex said on Monday that Quorex would fight on."
    entities = tagged(text, ("UK", "GPE", 0), ("Quorex", "GPE", 0), ("Quorex", "PERSON", 1), ("Quorex", "PERSON", 2))
    assert lead_places(text, entities, len(text)) == ["UK"]
    assert headline_places("Quorex hits UK shoppers", entities) == ["UK"]


def test_where_someone_lives_or_holds_office_is_not_where_the_event_happened() -> None:
    text = (
        "The rider, a 35-year-old nurse from Hull, was fined. Ivo Brandt, 58, of Ghent, died in Harwich. "
        "The President of Freedonia and a Bristol fan watched on."
    )
    entities = tagged(
        text, ("Hull", "GPE", 0), ("Ghent", "GPE", 0), ("Harwich", "GPE", 0), ("Freedonia", "GPE", 0),
        ("Bristol", "GPE", 0),
    )  # fmt: skip
    assert lead_places(text, entities, len(text)) == ["Harwich"]


def test_a_place_that_only_describes_a_noun_is_no_answer_to_where() -> None:
    from crosswire.annotate.frame.where import modifier_only
    from crosswire.annotate.nlp import load_parser

    parse = load_parser()
    # A country as an adjective, a city in a team's name: they say what kind of thing, not where.
    assert modifier_only("US", [parse("The US software maker said it would repair the flaw by Friday.")])
    assert modifier_only("Halden", [parse("The Halden Rovers fans sang in Kelso all night.")])
    assert not modifier_only("Kelso", [parse("The Halden Rovers fans sang in Kelso all night.")])
    # Before an event, a part of the place or an institution there, the place still says where.
    assert not modifier_only("Lindmoor", [parse("The Lindmoor flood forced hundreds from their homes.")])
    assert not modifier_only("Orrin County", [parse("The Orrin County court heard the case on Monday.")])
    # One use that says where is enough; a place the parsed text never names is kept.
    docs = [parse("The US software maker said so."), parse("Talks were held in the US on Monday.")]
    assert not modifier_only("US", docs)
    assert not modifier_only("Arden", docs)


def test_a_lone_name_of_a_person_named_in_full_is_no_place() -> None:
    text = "Ilse Varrow opened the Dunmore bridge. Crowds cheered as Varrow cut the ribbon in Dunmore."
    entities = tagged(text, ("Ilse Varrow", "PERSON", 0), ("Dunmore", "GPE", 1), ("Varrow", "GPE", 1))
    assert lead_places(text, entities, len(text)) == ["Dunmore"]
    # A country keeps its place, whoever shares its name.
    text = "Tomas Chad won the vote in Chad on Sunday."
    entities = tagged(text, ("Tomas Chad", "PERSON", 0), ("Chad", "GPE", 1))
    assert lead_places(text, entities, len(text)) == ["Chad"]


def test_a_place_naming_a_team_is_no_place() -> None:
    text = "The Halden Rovers beat the home side in Carrow on Sunday."
    entities = tagged(text, ("Halden", "GPE", 0), ("Carrow", "GPE", 0))
    assert lead_places(text, entities, len(text)) == ["Carrow"]
