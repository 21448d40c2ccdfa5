"""Briefs: every key point is cited verbatim; JSON follows the contract."""

from __future__ import annotations

import json

from crosswire.model import Annotations, Article, Brief, DateMention, Fact, FactMention, Quantity, Story
from crosswire.stories.brief import brief_to_dict, brief_to_markdown, write_brief
from crosswire.stories.corroborate import corroborate
from crosswire.stories.sources import independent_sources

_REPORTS = {
    "north": (
        "North Gazette",
        "A lake ferry carrying 86 people rammed a jetty at Varnholm on Saturday evening. "
        "Officials said 14 people were hurt, three of them badly. "
        "The skipper had lost steering when a rudder cable snapped, inspectors think. "
        "Lifeboat crews brought everyone to shore within ninety minutes.",
    ),
    "south": (
        "South Herald",
        "Officials said 16 people were hurt when a lake ferry rammed a jetty at Varnholm. "
        "The ferry, with 86 people aboard, had set off from the north shore forty minutes before. "
        "A steering fault is the likely cause, and the jetty is shut until further notice.",
    ),
    "east": (
        "East Courier",
        "An evening crossing went wrong on Saturday when a lake ferry with 86 people rammed a jetty. "
        "Travellers spoke of a jolt, then spilt coffee and cracked windows on the upper deck. "
        "The ferry company said it would help the inspectors in every way it could.",
    ),
}


def _annotated(article_id: str, publisher: str, text: str) -> Article:
    quantities = []
    for written, value in (("86 people", 86), ("14 people", 14), ("16 people", 16)):
        if written in text:
            start = text.index(written)
            quantities.append(Quantity(written, start, start + len(written), value, None, "people"))
    dates = []
    if "Saturday" in text:
        start = text.index("Saturday")
        dates.append(DateMention("Saturday", start, start + len("Saturday"), "2024-05-11"))
    annotations = Annotations(quantities=tuple(quantities), dates=tuple(dates))
    return Article(article_id, "record", "t", text, publisher=publisher, annotations=annotations)


def _brief_inputs() -> tuple[Story, list[Article]]:
    articles = [_annotated(key, publisher, text) for key, (publisher, text) in _REPORTS.items()]
    story = Story("s-1", "Lake ferry rams jetty", tuple(a.id for a in articles), 3, None, None)
    return story, articles


def _written(articles: list[Article]) -> Brief:
    """The brief of one story made of these articles, corroborated and sourced as the engine does it."""
    story = Story("s", "A story", tuple(a.id for a in articles), len(articles), None, None)
    source_of, sources = independent_sources(articles, {})
    return write_brief(story, articles, corroborate(articles, source_of), sources)


def test_key_point_citations_slice_to_their_text() -> None:
    story, articles = _brief_inputs()
    source_of, sources = independent_sources(articles, {})
    brief = write_brief(story, articles, corroborate(articles, source_of), sources)
    texts = {a.id: a.text for a in articles}
    assert 3 <= len(brief.key_points) <= 7
    for point in brief.key_points:
        first = point.citations[0]
        assert texts[first.article][first.start : first.end] == point.text
        for citation in point.citations:
            assert 0 <= citation.start < citation.end <= len(texts[citation.article])


def test_timeline_uses_event_dates_with_their_sentences() -> None:
    story, articles = _brief_inputs()
    source_of, sources = independent_sources(articles, {})
    brief = write_brief(story, articles, corroborate(articles, source_of), sources)
    assert [entry.date for entry in brief.timeline] == ["2024-05-11"]
    entry = brief.timeline[0]
    texts = {a.id: a.text for a in articles}
    assert "Saturday" in entry.text
    assert {c.article for c in entry.citations} == {"north", "east"}
    for citation in entry.citations:
        assert "Saturday" in texts[citation.article][citation.start : citation.end]


def test_markdown_shows_the_conflict_and_the_sources() -> None:
    story, articles = _brief_inputs()
    source_of, sources = independent_sources(articles, {})
    brief = write_brief(story, articles, corroborate(articles, source_of), sources)
    markdown = brief_to_markdown(brief)
    assert "## Discrepancies" in markdown
    assert "14 people" in markdown and "16 people" in markdown
    for publisher, _ in _REPORTS.values():
        assert publisher in markdown


def test_brief_json_has_the_contract_fields() -> None:
    story, articles = _brief_inputs()
    source_of, sources = independent_sources(articles, {"east": "north"})
    brief = write_brief(story, articles, corroborate(articles, source_of), sources)
    data = json.loads(json.dumps(brief_to_dict(brief)))
    assert set(data) >= {"story", "title", "key_points", "facts", "timeline", "sources"}
    assert {"text", "citations"} <= set(data["key_points"][0])
    assert set(data["facts"][0]) >= {"kind", "about", "value", "status", "mentions"}
    assert set(data["facts"][0]["mentions"][0]) >= {"article", "text", "value", "qualifier", "start", "end"}
    east = next(s for s in data["sources"] if s["article"] == "east")
    assert east["independent"] is False and east["copy_of"] == "north"
    people_on_board = next(f for f in data["facts"] if f["value"] == 86)
    assert people_on_board["status"] == "agree"  # north and south; east is north's copy


def _fact(value: float, status: str, counted: str | None, article: str = "north", start: int = 0) -> Fact:
    mention = FactMention(article, str(value), value, None, start, start + 2)
    return Fact("quantity", f"{counted} seen", value, status, (mention,), counted=counted)  # type: ignore[arg-type]


def test_a_brief_shows_what_matters_first_and_at_most_25_rows_of_the_rest() -> None:
    story, articles = _brief_inputs()
    _, sources = independent_sources(articles, {})
    singles = [_fact(float(n), "single", "boats", start=n) for n in range(40)]
    nothing = _fact(7.0, "single", None)  # a number the parse could not tie to anything
    conflict = _fact(3.0, "conflict", "divers")
    brief = write_brief(story, articles, [*singles, nothing, conflict], sources)
    assert brief.facts[0] is conflict
    assert len(brief.facts) == 25 and nothing not in brief.facts
    assert [f.value for f in brief.facts[1:4]] == [0.0, 1.0, 2.0]  # told earliest in its article first


def test_a_key_point_cites_no_outlet_that_printed_another_figure() -> None:
    """"Officials said 14 people were hurt" and "Officials said 16 people were hurt" share their words, not their
    figure: neither is cited for the other; a third outlet printing 14 is."""
    texts = {
        "north": ("North Gazette", "Officials said 14 people were hurt when the ferry rammed the jetty at Varnholm."),
        "south": ("South Herald", "Officials said 16 people were hurt when the ferry rammed the jetty at Varnholm."),
        "west": ("West Post", "Officials said 14 people were hurt when the lake ferry rammed the Varnholm jetty."),
    }
    articles = [_annotated(key, publisher, text) for key, (publisher, text) in texts.items()]
    brief = _written(articles)
    assert brief.key_points
    for point in brief.key_points:
        cited = {texts[c.article][1][c.start : c.end] for c in point.citations}
        assert not any(("14" in point.text and "16" in text) or ("16" in point.text and "14" in text) for text in cited)
    points = {point.text: {c.article for c in point.citations} for point in brief.key_points}
    assert any(articles == {"north", "west"} for articles in points.values())


def test_a_quotation_of_two_sentences_is_cited_whole() -> None:
    """A key point never breaks off inside a quotation with its mark left open."""
    text = ('The harbour festival opened in Varnholm on Saturday with a parade of boats. '
            'The organiser, Lena Broek, said: "People here know the lake. They know its moods too." '
            'Crowds lined the quay until late in the evening, and the fireworks went on past midnight.')
    articles = [_annotated("only", "North Gazette", text)]
    brief = _written(articles)
    quoted = [point.text for point in brief.key_points if "Lena Broek" in point.text]
    assert quoted == ['The organiser, Lena Broek, said: "People here know the lake. They know its moods too."']
    assert all(point.text.count('"') % 2 == 0 for point in brief.key_points)


def _dated(article_id: str, publisher: str, text: str, days: dict[str, str]) -> Article:
    dates = tuple(DateMention(words, text.index(words), text.index(words) + len(words), day)
                  for words, day in days.items())  # fmt: skip
    return Article(article_id, "record", "t", text, publisher=publisher, annotations=Annotations(dates=dates))


def test_a_timeline_tells_each_sentence_once_and_cites_only_sentences_telling_the_same() -> None:
    """A sentence naming two days is one entry; another outlet's sentence of the same day that shares no words
    with the entry's but the day ("Here is what we know as of Wednesday") is not cited for it."""
    north = _dated("north", "North Gazette", "Police said on Wednesday that the ferry had struck the jetty on "
                   "Tuesday night. Divers searched the hull all morning.",
                   {"on Wednesday": "2024-05-15", "on Tuesday night": "2024-05-14"})  # fmt: skip
    south = _dated("south", "South Herald", "The ferry struck the Varnholm jetty on Tuesday night, police said. "
                   "Here is what we know as of Wednesday.",
                   {"on Tuesday night": "2024-05-14", "as of Wednesday": "2024-05-15"})  # fmt: skip
    articles = [north, south]
    brief = _written(articles)
    texts = [entry.text for entry in brief.timeline]
    assert len(texts) == len(set(texts))  # no sentence twice
    for entry in brief.timeline:
        for citation in entry.citations:
            cited = {a.id: a.text for a in articles}[citation.article][citation.start : citation.end]
            assert cited == entry.text or "ferry" in cited.lower()  # it tells the same event


def test_a_timeline_entry_cites_no_outlet_that_printed_another_figure() -> None:
    """"Three people died in the fire on Tuesday" is not backed by "Five people died in the fire on Tuesday"."""
    three = "Three people died in the Varnholm warehouse fire on Tuesday, police said."
    five = "Five people died in the Varnholm warehouse fire on Tuesday, the fire service said."
    articles = []
    for key, publisher, text, count in (("north", "North Gazette", three, 3), ("south", "South Herald", five, 5)):
        word = text.split()[0]
        quantity = Quantity(f"{word} people", 0, len(word) + 7, count, None, "people")
        day = DateMention("on Tuesday", text.index("on Tuesday"), text.index("on Tuesday") + 10, "2024-05-14")
        annotations = Annotations(quantities=(quantity,), dates=(day,))
        articles.append(Article(key, "record", "t", text, publisher=publisher, annotations=annotations))
    brief = _written(articles)
    for entry in brief.timeline:
        assert len({citation.article for citation in entry.citations}) == 1, entry


def test_a_quoted_key_point_cites_only_outlets_printing_those_words_and_never_a_heading() -> None:
    """Two quotations of one organiser share her name and the festival's, not her words; a heading line ("Harbour
    festival at a glance") tells nothing."""
    texts = {
        "north": ("North Gazette", 'The organiser of the Varnholm harbour festival, Lena Broek, said: "People here '
                  'know the lake and they know its moods." The festival runs until Sunday.'),
        "south": ("South Herald", 'The organiser of the Varnholm harbour festival, Lena Broek, said: "We wanted '
                  'to put the whole town on the water tonight." Boats filled the bay.'),
        "east": ("East Courier", "Varnholm harbour festival organiser Lena Broek at a glance\n"
                 'The organiser of the Varnholm harbour festival, Lena Broek, said: "People here know the lake '
                 'and they know its moods." Crowds stayed late.'),
    }
    articles = [_annotated(key, publisher, text) for key, (publisher, text) in texts.items()]
    brief = _written(articles)
    for point in brief.key_points:
        for citation in point.citations:
            cited = texts[citation.article][1][citation.start : citation.end]
            assert "at a glance" not in cited
            if "know the lake" in point.text:
                assert "know the lake" in cited


def test_a_timeline_entry_is_told_in_prose_and_cites_no_list_line() -> None:
    """A fact box line ("• Jetty closed: Tuesday night") is neither the entry nor a citation when a sentence
    of prose tells the same day."""
    north = _dated("north", "North Gazette", "The ferry struck the Varnholm jetty on Tuesday night, police said.",
                   {"on Tuesday night": "2024-05-14"})  # fmt: skip
    south = _dated("south", "South Herald", "• Varnholm jetty closed: Tuesday night\nThe Varnholm ferry struck the "
                   "jetty on Tuesday night and was towed clear, police said.",
                   {"Tuesday night": "2024-05-14", "on Tuesday night": "2024-05-14"})  # fmt: skip
    articles = [north, south]
    brief = _written(articles)
    texts = {a.id: a.text for a in articles}
    for entry in brief.timeline:
        assert not entry.text.startswith("•")
        assert all(not texts[c.article][c.start : c.end].startswith("•") for c in entry.citations)


def _through_pipeline(reports: dict[str, tuple[str, str]]) -> list[Article]:
    """Articles (id → publisher, text) through the full default pipeline, as the engine annotates them."""
    from crosswire.annotate import default_stages
    from crosswire.pipeline import Pipeline

    pipeline = Pipeline(default_stages())
    return [pipeline(Article(key, "record", "test", text, publisher=publisher, published="2026-03-12"))
            for key, (publisher, text) in reports.items()]  # fmt: skip


_EVACUATION = {
    "north": ("North Gazette", "A chemical tank split open at the Orrin dye works on Wednesday night. "
              "Police evacuated 380 residents from the streets around the works before midnight. "
              "The leak was sealed by dawn, the works manager said."),
    "south": ("South Herald", "Fumes from a split tank at the Orrin dye works drifted over the east of the town. "
              "In all, 380 people were forced from their homes and spent the night in a school hall. "
              "Nobody was hurt, police said."),
}


def test_one_agreed_figure_in_other_words_is_one_key_point_citing_both_outlets() -> None:
    """"Evacuated 380 residents" and "380 people were forced from their homes" state one agreed fact: the brief says it
    once, and that key point cites the other outlet's sentence as well."""
    articles = _through_pipeline(_EVACUATION)
    brief = _written(articles)
    saying = [point for point in brief.key_points if "380" in point.text]
    assert len(saying) == 1
    assert {citation.article for citation in saying[0].citations} == {"north", "south"}


def test_a_sentence_telling_a_figure_of_an_earlier_event_is_no_key_point() -> None:
    """A sentence recalling another time's toll ("Two years earlier, a blast at the same works injured nine
    people") tells of another event, however central its words."""
    reports = dict(_EVACUATION)
    reports["east"] = ("East Courier", "The Orrin dye works was evacuated on Wednesday night after a tank split open. "
                       "Two years earlier, a blast at the same works injured nine people. "
                       "Residents returned on Thursday morning.")
    articles = _through_pipeline(reports)
    brief = _written(articles)
    assert not any("nine people" in point.text for point in brief.key_points)


def test_one_happening_on_one_day_is_one_key_point_but_two_statements_of_one_day_are_two() -> None:
    """Two outlets telling the collapse on Tuesday in their own words say one thing, cited to both; two things
    officials said on Wednesday are two, though the day of saying is one agreed date."""
    reports = {
        "north": ("North Gazette", "A footbridge over the Orrin canal collapsed on Tuesday evening as fans walked "
                  "to a match. Officials said on Wednesday that the towpath would stay shut for a month."),
        "south": ("South Herald", "Dozens of walkers dropped into shallow water when the footbridge collapsed on "
                  "Tuesday evening. Officials said on Wednesday that every walker had been accounted for after a "
                  "search of the canal."),
    }
    brief = _written(_through_pipeline(reports))
    collapse = [point for point in brief.key_points if "collapsed" in point.text]
    assert len(collapse) == 1 and {c.article for c in collapse[0].citations} == {"north", "south"}
    assert len([point for point in brief.key_points if point.text.startswith("Officials said")]) == 2


def test_an_age_names_who_and_makes_no_two_sentences_one_point() -> None:
    """"Police found Dara Voss, 41, on the coast road" and "Dara Voss, 41, said nothing to officers" tell two things
    about one woman: her age, given by both outlets, neither merges them nor cites one for the other."""
    reports = {
        "north": ("North Gazette", "Police found Dara Voss, 41, asleep in a stolen van on the coast road near Kelso "
                  "on Friday."),
        "south": ("South Herald", "Dara Voss, 41, said nothing to officers during the drive back to the Orrin "
                  "station, according to the county sheriff."),
    }
    brief = _written(_through_pipeline(reports))
    assert len(brief.key_points) == 2
    assert all(len(point.citations) == 1 for point in brief.key_points)


def test_a_key_point_leaves_out_the_address_and_headline_lines_above_its_sentence() -> None:
    """Supplied text often opens with the page's address and headline on lines of their own, no full stop
    between them and the first sentence: the key point is the sentence, and a line wrapped inside a sentence
    (a break before a lower-case word) stays in it."""
    reports = {
        "north": ("North Gazette", "https://north.example/news/orrin-canal-footbridge\nOrrin footbridge gives way\n"
                  "A footbridge over the Orrin canal collapsed on Tuesday evening as fans walked to a match. "
                  "Officials said on Wednesday that the towpath would stay shut for a month while engineers\n"
                  "check the other crossings."),
        "south": ("South Herald", "Divers searched the canal on Wednesday for anyone swept under the broken "
                  "bridge. Engineers will inspect the remaining spans next week."),
    }
    articles = _through_pipeline(reports)
    brief = _written(articles)
    texts = {a.id: a.text for a in articles}
    cited = [texts[c.article][c.start : c.end] for point in brief.key_points for c in point.citations]
    assert "A footbridge over the Orrin canal collapsed on Tuesday evening as fans walked to a match." in cited
    assert not any("https://" in text or "gives way" in text for text in cited)
    assert any(text.endswith("while engineers\ncheck the other crossings.") for text in cited)


def test_a_figure_given_in_passing_far_down_another_report_is_no_citation() -> None:
    """A key point is cited to another report's lead sentence stating its figures, not to a sentence far down
    that gives the figure in passing about something else."""
    filler = " ".join(f"Crews checked valve {n} of the east tank farm before noon." for n in range(1, 8))
    reports = dict(_EVACUATION)
    reports["east"] = ("East Courier", f"A tank split open at the Orrin dye works late on Wednesday. {filler} "
                       "The 380 evacuated residents were told on Thursday evening that they could return home.")
    articles = _through_pipeline(reports)
    brief = _written(articles)
    texts = {a.id: a.text for a in articles}
    point = next(point for point in brief.key_points if "380" in point.text)
    cited = {c.article: texts[c.article][c.start : c.end] for c in point.citations}
    assert set(cited) == {"north", "south"}, cited


def test_a_photo_caption_in_the_lead_is_no_key_point() -> None:
    """A picture's caption above or inside a report's opening tells what an old photo shows, not the story."""
    reports = {
        "north": ("North Gazette", "In this 2019 file photo, walkers cross the old Orrin canal footbridge near the "
                  "lock.\nA footbridge over the Orrin canal collapsed on Tuesday evening as fans walked to a "
                  "match. Officials said on Wednesday that the towpath would stay shut for a month."),
        "south": ("South Herald", "Divers searched the canal on Wednesday for anyone swept under the broken "
                  "bridge. Engineers will inspect the remaining spans next week."),
    }
    brief = _written(_through_pipeline(reports))
    assert brief.key_points
    assert not any("file photo" in point.text for point in brief.key_points)
