"""People in roles and the place of the event, compared across outlets."""

from __future__ import annotations

import dataclasses

from crosswire.annotate import default_stages
from crosswire.model import Annotations, Article, Entity, Fact, Frame
from crosswire.pipeline import Pipeline
from crosswire.stories.corroborate import corroborate
from crosswire.stories.people_places import _read_place, people_and_places, same_name, same_place

STORY = {
    "coast-times": (
        "Ferry sinks off Piraeus",
        "PIRAEUS (Reuters) - A ferry sank off Piraeus on Monday. Interior Minister Ana Ruiz said 12 people were "
        "rescued. Police officer John Kamau said divers were still searching.",
    ),
    "daily-ledger": (
        "Ferry disaster in Piraeus",
        "A ferry went down near Piraeus on Monday, Greece's Interior Minister Ana Ruis told reporters. "
        "Police officer Mary Wanjiru said two bodies had been found.",
    ),
    "evening-post": (
        "Greek ferry sinking",
        "Interior Minister Peter Otieno said on Monday that a ferry sank near Piraeus.",
    ),
}


def text_of(outlet: str) -> str:
    title, body = STORY[outlet]
    return f"{title}\n\n{body}"


def story_articles() -> list[Article]:
    articles = [
        Article(id=outlet, kind="record", origin="t", text=text_of(outlet), title=STORY[outlet][0],
                published="2026-03-04")
        for outlet in STORY
    ]  # fmt: skip
    return list(Pipeline(default_stages()).pipe(articles))


def story_facts() -> list[Fact]:
    return people_and_places(story_articles(), {outlet: outlet for outlet in STORY})


def test_two_holders_of_one_office_conflict_and_a_misspelling_does_not() -> None:
    facts = story_facts()
    ministers = [f for f in facts if f.kind == "person" and f.about == "interior minister"]
    assert len(ministers) == 1
    minister = ministers[0]
    assert minister.status == "conflict"
    assert {m.value for m in minister.mentions} == {"Ana Ruiz", "Ana Ruis", "Peter Otieno"}
    assert {m.text for m in minister.mentions} >= {"Interior Minister Ana Ruiz", "Interior Minister Peter Otieno"}


def test_two_officers_are_two_people_not_a_conflict() -> None:
    officers = [f for f in story_facts() if f.kind == "person" and f.about.endswith("officer")]
    assert sorted(f.value for f in officers) == ["John Kamau", "Mary Wanjiru"]
    assert all(f.status == "single" for f in officers)


def test_the_place_three_outlets_give_is_agreed() -> None:
    places = [f for f in story_facts() if f.kind == "place"]
    assert [(f.value, f.status) for f in places] == [("Piraeus", "agree")]
    for mention in places[0].mentions:  # each citation points at the place in its own article
        assert text_of(mention.article)[mention.start : mention.end] == mention.text


def test_corroborate_reports_people_and_places_with_numbers() -> None:
    facts = corroborate(story_articles(), {outlet: outlet for outlet in STORY})
    assert {"quantity", "person", "place"} <= {fact.kind for fact in facts}


def test_names_of_one_person() -> None:
    assert same_name("Kovac", "Kovach")
    assert same_name("Kovac", "Lena Kovac")
    assert same_name("Ivo Brandt", "Dr Ivo Brandt")
    assert same_name("Ana Ruiz", "Ana M. Ruiz")
    assert same_name("Ana Ruiz", "Ana Ruis")
    assert not same_name("Ana Ruiz", "Ana Ortiz")
    assert not same_name("Ana Ruiz", "Peter Ruiz")
    assert not same_name("Brandt", "Ivo Brand")


def test_names_of_one_place() -> None:
    assert same_place("Ghent", "GHENT") and same_place("Ghent, Belg.", "Ghent, Belgium")
    assert same_place("Bombay", "Mumbai")  # a known variant (annotate/rules/names.json)
    assert not same_place("Cusco, Peru", "Peru")


def test_two_holders_of_one_office_a_year_apart_or_undated_are_two_facts() -> None:
    articles = story_articles()
    for days_apart in ({"coast-times": "2025-03-04"}, {outlet: None for outlet in STORY}):
        shifted = [dataclasses.replace(a, published=days_apart.get(a.id, a.published)) for a in articles]
        facts = people_and_places(shifted, {outlet: outlet for outlet in STORY})
        ministers = [f for f in facts if f.kind == "person" and f.about == "interior minister"]
        assert all(f.status != "conflict" for f in ministers) and len(ministers) == 2


# --- The place of the event: a place a narrative sentence puts the event at, in no other role (issue 12) ---


def annotated(texts: dict[str, tuple[str, str]]) -> list[Article]:
    """Articles (outlet -> headline, body) through the shipped annotators, the headline opening the text."""
    articles = [
        Article(id=outlet, kind="record", origin="t", text=f"{title}\n\n{body}", title=title, published="2026-03-04")
        for outlet, (title, body) in texts.items()
    ]
    return list(Pipeline(default_stages()).pipe(articles))


def places_of(texts: dict[str, tuple[str, str]]) -> list[Fact]:
    return [f for f in people_and_places(annotated(texts), {o: o for o in texts}) if f.kind == "place"]


def cited(fact: Fact, articles: list[Article]) -> list[str]:
    """The sentence of each of the fact's citations."""
    text_of_article = {a.id: a.text for a in articles}
    sentences = []
    for mention in fact.mentions:
        text = text_of_article[mention.article]
        assert text[mention.start : mention.end] == mention.text
        left = max(text.rfind(". ", 0, mention.start) + 2, text.rfind("\n", 0, mention.start) + 1)
        right = text.find(".", mention.end)
        sentences.append(text[left : right + 1])
    return sentences


def test_a_team_named_after_a_city_is_not_where_the_match_was_played() -> None:
    texts = {
        "north-post": ("Falcons win cup final", "The Leeds Falcons beat the Hull Harriers 3-1 in Sheffield on Sunday."),
        "south-star": ("Cup goes to Leeds", "Leeds beat Hull 3-1 on Sunday, and Leeds Falcons fans celebrated in "
                                           "Sheffield until dawn."),
    }  # fmt: skip
    places = places_of(texts)
    assert [(f.value, f.status) for f in places] == [("Sheffield", "agree")]


def test_a_flight_bound_for_a_city_did_not_happen_there() -> None:
    texts = {
        "air-wire": ("Jet diverted", "A Lisbon-bound jet landed in Madrid on Tuesday after a passenger fell ill, "
                                     "the airline said."),
        "day-news": ("Flight to Lisbon turns back", "Passengers on a Lisbon-bound flight from Oslo were stranded "
                                                    "for six hours."),
    }  # fmt: skip
    places = places_of(texts)
    assert "Lisbon" not in {f.value for f in places}
    assert [f.value for f in places] == ["Madrid"]


def test_a_film_title_is_no_place() -> None:
    texts = {
        "screen-daily": ("Kovac to direct sequel", 'Lena Kovac will direct "Vienna", the studio said on Monday. '
                                                   "In Vienna, a widow hunts for her missing son."),
        "film-weekly": ("New director for sequel", 'The studio picked Lena Kovac to direct "Vienna" after a long '
                                                   "search. In Vienna, the hero returns home after the war."),
        # No quotation marks here: the title is known from the story's other reports.
        "reel-news": ("Sequel finds director", "Lena Kovac signed on Monday to direct the sequel. In Vienna, a "
                                               "widow goes looking for her son."),
    }  # fmt: skip
    assert "Vienna" not in {f.value for f in places_of(texts)}


def test_a_name_the_tagger_took_for_a_place_is_no_place() -> None:
    # The tagger reads the singer once as a place and twice as a person; the frame ranks the name first.
    text = "Earlier this week Mara Vance sang at a vigil in Lisbon. Mara Vance said she was heartbroken. Vance wept."
    entities: tuple[Entity, ...] = (
        Entity("Mara Vance", "GPE", 19, 29),
        Entity("Lisbon", "GPE", 48, 54),
        Entity("Mara Vance", "PERSON", 56, 66),
        Entity("Mara Vance", "PERSON", 56, 66),
    )
    annotations = Annotations(entities=entities, frame=Frame(where=("Mara Vance", "Lisbon")))
    article = Article("a", "record", "t", text, annotations=annotations)
    [place] = [f for f in people_and_places([article], {"a": "a"}) if f.kind == "place"]
    assert place.value == "Lisbon" and text[place.mentions[0].start : place.mentions[0].end] == "Lisbon"
    # The same name after a locative preposition, but tagged as a person more often than as a place.
    text = "Fans gathered in Mara Vance after the show. Mara Vance thanked them. Mara Vance left."
    entities = (Entity("Mara Vance", "GPE", 17, 27), Entity("Mara Vance", "PERSON", 44, 54),
                Entity("Mara Vance", "PERSON", 69, 79))  # fmt: skip
    annotations = Annotations(entities=entities, frame=Frame(where=("Mara Vance",)))
    article = Article("b", "record", "t", text, annotations=annotations)
    assert not [f for f in people_and_places([article], {"b": "b"}) if f.kind == "place"]


def test_a_dateline_gives_the_place_when_no_sentence_does() -> None:
    texts = {
        "north-wire": ("Ferry strike", "OSLO (Reuters) - Ferry crews walked out on Monday, halting crossings to "
                                       "Kiel for the day."),
    }  # fmt: skip
    articles = annotated(texts)
    [place] = [f for f in people_and_places(articles, {"north-wire": "north-wire"}) if f.kind == "place"]
    assert place.value == "Oslo" and place.mentions[0].text == "OSLO"
    assert articles[0].text.index("OSLO") == place.mentions[0].start
    # Two reports from one town share the dateline, not the report: two origins.
    texts = {
        "north-wire": (
            "Ferry strike",
            "BERGEN, Nor. - Ferry crews walked out on Monday, halting crossings for the day.",
        ),
        "fjord-daily": (
            "Crossings halted",
            "BERGEN, Nor. - No ferries sailed on Monday as crews stopped work over pay.",
        ),
    }
    [place] = places_of(texts)
    assert (place.value, place.status, place.outlets, place.origins) == ("Bergen", "agree", 2, 2)


def test_a_caption_naming_a_city_gives_no_place() -> None:
    texts = {
        "coast-times": ("Storm floods homes", "In this file photo, the mayor speaks at a rally in Bergen.\n\n"
                                              "Storms flooded hundreds of homes in Oslo on Monday."),
        "daily-ledger": ("Flooding in the capital", "The mayor, pictured at a rally in Bergen last year, has "
                                                    "cancelled her trip.\n\nHundreds of homes were flooded in Oslo on "
                                                    "Monday."),
    }  # fmt: skip
    places = places_of(texts)
    assert "Bergen" not in {f.value for f in places}
    assert [(f.value, f.status) for f in places] == [("Oslo", "agree")]


def test_the_citation_is_the_sentence_that_puts_the_event_there() -> None:
    texts = {
        "coast-times": ("Bridge falls", "The Bergen Times said engineers had warned for years. A road bridge "
                                        "collapsed in Bergen on Friday, injuring four drivers."),
    }  # fmt: skip
    articles = annotated(texts)
    [place] = [f for f in people_and_places(articles, {"coast-times": "coast-times"}) if f.kind == "place"]
    assert place.value == "Bergen"
    assert cited(place, articles) == ["A road bridge collapsed in Bergen on Friday, injuring four drivers."]


def test_a_place_in_another_role_after_a_preposition_is_no_place() -> None:
    def read(text: str, place: str) -> list[str]:
        start = text.index(place)
        annotations = Annotations(entities=(Entity(place, "GPE", start, start + len(place)),),
                                  frame=Frame(where=(place,)))  # fmt: skip
        article = Article("a", "record", "t", text, annotations=annotations)
        return [str(f.value) for f in people_and_places([article], {"a": "a"}) if f.kind == "place"]

    assert read("Police said the blast happened in Ghent on Monday.", "Ghent") == ["Ghent"]
    assert read("Police said the blast happened in Ghent's north on Monday.", "Ghent") == ["Ghent"]
    assert read("Rebels said they were aiding in Ghent's efforts to rebuild.", "Ghent") == []  # an owner
    assert read("The council imposed a fine on Ghent for the spill.", "Ghent") == []  # a target, not a site
    assert read("The minister was disappointed in Ghent after the vote.", "Ghent") == []
    assert read('The minister said he was "deeply disappointed" in Ghent after the vote.', "Ghent") == []
    assert read("Why did the ferry not dock in Ghent?", "Ghent") == []  # a question asserts nothing
    assert read("He escaped while being moved to a prison in Ghent.", "Ghent") == []  # a destination
    assert read("Fans waited for hours in Ghent Rovers shirts.", "Ghent") == []  # part of a longer name
    assert read("Crews worked in Ghent Tuesday to clear the wreck.", "Ghent") == ["Ghent"]  # a day after the place


def test_a_place_the_lead_puts_the_event_at_comes_before_one_told_only_further_down() -> None:
    """The frame may rank first a place the story only names far down, in a sentence about something else;
    the place the lead puts the event at is where it happened, cited at the lead."""
    text = ("A grain silo collapsed in Ostby on Tuesday, burying two trucks. Crews searched the rubble all day. "
            "The cooperative that built it once stored half the barley grown in Norland, a former manager said.")
    places = ("Ostby", "Norland")
    entities = tuple(Entity(name, "GPE", text.index(name), text.index(name) + len(name)) for name in places)
    article = Article("a", "record", "t", text, annotations=Annotations(entities=entities,
                                                                       frame=Frame(where=("Norland", "Ostby"))))
    [place] = [f for f in people_and_places([article], {"a": "a"}) if f.kind == "place"]
    assert (place.value, place.mentions[0].start) == ("Ostby", text.index("Ostby"))


def test_a_place_in_a_sentence_about_an_earlier_time_is_not_where_the_event_happened() -> None:
    texts = {
        "valley-news": ("Dairy barn burns", "The barn, built in 1934 when settlers came to farm in Alaska, burned "
                                           "down in Palmer on Sunday."),
        "north-wire": ("Fire destroys old barn", "Fire destroyed the old dairy barn in Palmer on Sunday night."),
    }  # fmt: skip
    assert [f.value for f in places_of(texts)] == ["Palmer"]
    texts["valley-news"] = ("Dairy barn burns", "The barn, built in the 1930s when settlers came to farm in Alaska, "
                                                "burned down in Palmer on Sunday.")
    assert [f.value for f in places_of(texts)] == ["Palmer"]


def test_outlets_printing_one_wire_sentence_are_one_origin_for_the_place() -> None:
    wire = "Snow kept falling in Tromso on Tuesday, closing schools and the airport for a second day."
    texts = {
        "north-post": ("Snow closes schools", wire),
        "fjord-daily": ("Schools shut by snow", f"(NTB) - {wire}"),
        "arctic-news": ("More snow", wire),
    }
    [place] = places_of(texts)
    # Three outlets, one wire sentence: a single source for the place, reported three times.
    assert (place.value, place.status, place.outlets, place.origins) == ("Tromso", "single", 3, 1)
    assert len({m.origin for m in place.mentions}) == 1
    texts["arctic-news"] = ("More snow", "Schools and the airport in Tromso stayed shut on Tuesday as snow fell.")
    [place] = places_of(texts)
    assert (place.status, place.outlets, place.origins) == ("agree", 3, 2)


def test_outlets_printing_one_wire_sentence_are_one_origin_for_a_person() -> None:
    wire = "Interior Minister Ana Ruiz said on Monday that divers had found the wreck of the ferry."
    articles = [
        Article(id=o, kind="record", origin="t", text=wire, title="Ferry found", published="2026-03-04",
                annotations=Annotations(entities=(Entity("Ana Ruiz", "PERSON", 18, 26),)))
        for o in ("a", "b")
    ]  # fmt: skip
    [minister] = [f for f in people_and_places(articles, {"a": "a", "b": "b"}) if f.kind == "person"]
    assert (minister.status, minister.outlets, minister.origins) == ("single", 2, 1)


def test_a_place_reworded_inside_a_carried_passage_is_one_origin() -> None:
    # The second outlet reworded the sentence with the place but prints the wire's next sentence as it stands.
    carried = "Crews worked through the night to clear the line, and trains were expected to run again by noon."
    texts = {
        "rail-wire": ("Train derails", f"A freight train left the tracks near Lillehammer on Tuesday. {carried}"),
        "valley-post": ("Derailment", f"On Tuesday a freight train derailed near Lillehammer. {carried}"),
    }
    [place] = places_of(texts)
    assert (place.value, place.status, place.outlets, place.origins) == ("Lillehammer", "single", 2, 1)
    texts["valley-post"] = ("Derailment", "On Tuesday a freight train derailed near Lillehammer. Nobody was hurt, "
                                          "and the farmers who saw it ran to help the driver out of the cab.")
    [place] = places_of(texts)
    assert (place.status, place.origins) == ("agree", 2)


def test_a_place_both_outlets_have_from_one_speaker_is_one_origin() -> None:
    texts = {
        "harbour-news": ("Tanker fire", "The tanker caught fire off Varna on Sunday, the coastguard said."),
        "sea-report": ("Fire at sea", "According to the coastguard, a tanker burned at anchor off Varna on Sunday."),
    }
    [place] = places_of(texts)
    assert (place.value, place.status, place.origins) == ("Varna", "single", 1)
    texts["sea-report"] = ("Fire at sea", "A tanker burned at anchor off Varna on Sunday, a port worker said.")
    [place] = places_of(texts)
    assert (place.status, place.origins) == ("agree", 2)


def test_outlets_quoting_a_person_each_name_his_post_on_their_own_account() -> None:
    texts = {
        "city-desk": ("Library to close", "The library will close in May, library director Omar Haddad said."),
        "the-courier": ("Library closing", '"We did all we could," library director Omar Haddad said on Monday.'),
    }
    articles = annotated(texts)
    [director] = [f for f in people_and_places(articles, {o: o for o in texts}) if f.kind == "person"]
    # Both quote him, but each names him and his post itself: two origins for who the director is.
    assert (director.value, director.status, director.origins) == ("Omar Haddad", "agree", 2)
    assert {m.attribution for m in director.mentions} == {"library director Omar Haddad"}


def test_a_chain_of_places_after_a_body_seats_that_body() -> None:
    # Lumeria is where the company sits, not where the tanker was boarded.
    seat = "The tanker belongs to a company in Dalby in Lumeria's north, the coastguard said."
    assert _read_place(seat, "Lumeria") is None
    # A chain after an event keeps its place: the fire was in Lumeria.
    fire = _read_place("A fire broke out at a depot in Dalby in Lumeria's north on Sunday.", "Lumeria")
    assert fire is not None and fire.value == "Lumeria"


def test_an_abbreviated_title_is_the_role_written_out() -> None:
    # "Gov." and "Governor" name one role: the fact says "governor", and both outlets agree on its holder.
    texts = {
        "harbour-news": "Flooding closed the Carrow ferry on Monday, Gov. Lena Kovac said at a briefing.",
        "valley-star": "Governor Lena Kovac toured the flooded Carrow ferry terminal on Monday.",
    }
    articles = list(Pipeline(default_stages()).pipe(
        Article(id=outlet, kind="record", origin="t", text=text, published="2026-03-04")
        for outlet, text in texts.items()
    ))  # fmt: skip
    people = [f for f in people_and_places(articles, {o: o for o in texts}) if f.kind == "person"]
    assert [(f.about, f.value, f.status) for f in people] == [("governor", "Lena Kovac", "agree")]


def test_a_place_first_named_far_down_is_not_where_the_event_happened() -> None:
    """Reports say where their event happened in their opening paragraphs; a place the frame ranks first but no
    sentence puts anything at until far down ("the clinic she runs in Norland") belongs to something else."""
    opening = ["The award was announced on Monday.", "The panel praised her work with rural patients."]
    filler = [f"She has spoken about the case {n} times." for n in ("two", "three", "four", "five", "six", "seven",
                                                                      "eight", "nine", "ten")]  # fmt: skip
    text = " ".join([*opening, *filler, "She also runs a small clinic in Norland."])
    start = text.index("Norland")
    entity = Entity("Norland", "GPE", start, start + len("Norland"))
    article = Article("a", "record", "t", text, annotations=Annotations(entities=(entity,),
                                                                       frame=Frame(where=("Norland",))))
    assert [f for f in people_and_places([article], {"a": "a"}) if f.kind == "place"] == []
    # The same sentence near the top is where the event happened.
    text = " ".join([opening[0], "She also runs a small clinic in Norland.", opening[1], *filler])
    start = text.index("Norland")
    entity = Entity("Norland", "GPE", start, start + len("Norland"))
    article = Article("a", "record", "t", text, annotations=Annotations(entities=(entity,),
                                                                       frame=Frame(where=("Norland",))))
    assert [f.value for f in people_and_places([article], {"a": "a"}) if f.kind == "place"] == ["Norland"]
