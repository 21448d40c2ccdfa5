"""The 5W1H frame: who/what from the headline's main clause, when and where from the lead."""

from __future__ import annotations

from crosswire.annotate import default_stages
from crosswire.annotate.dates import find_dates
from crosswire.annotate.frame import FrameStage
from crosswire.annotate.frame.headline import recase_headline
from crosswire.annotate.frame.when import ranked_time_phrases
from crosswire.annotate.frame.where import is_country, lead_places
from crosswire.model import Article, Entity, Frame
from crosswire.pipeline import Pipeline


def frame_of(body: str, title: str | None = None, published: str | None = "2026-03-04") -> Frame:
    """The frame of an article whose text opens with its title, as records carry it."""
    text = f"{title}\n\n{body}" if title else body
    article = Article(id="t", kind="record", origin="t", text=text, title=title, published=published)
    annotated = Pipeline(default_stages())(article)
    assert annotated.annotations is not None
    return annotated.annotations.frame


def test_who_is_the_headline_subject_and_what_its_verb_phrase() -> None:
    frame = frame_of(
        "The kettle maker said on Monday that a faulty switch could overheat; three scorched worktops were found.",
        title="Brightwell Appliances recalls 40,000 kettles",
    )
    assert frame.who[0] == "Brightwell Appliances"
    assert frame.what[0] == "recalls 40,000 kettles"


def test_who_is_whom_the_footage_shows_not_the_footage() -> None:
    frame = frame_of(
        "The clip, filmed from a balcony, was shared thousands of times on Tuesday.",
        title="Video shows firefighters carrying a pensioner from a burning block",
    )
    assert frame.who[:2] == ("firefighters", "Video")


def test_what_of_a_says_headline_is_the_event_the_lead_tells() -> None:
    frame = frame_of(
        "The mayor signed a twenty-year lease with the port authority at city hall on Monday.",
        title="Mayor says harbour deal is close",
    )
    assert frame.what[0].startswith("signed a twenty-year lease")
    assert frame.what[1] == "says harbour deal is close"


def test_a_title_before_a_name_is_not_part_of_who() -> None:
    frame = frame_of("The city will repair the roads first.", title="Mayor Lena Ortiz unveils a new budget")
    assert frame.who[0] == "Lena Ortiz"


def test_passive_headline_puts_the_agent_first() -> None:
    frame = frame_of(
        "The minister had been accused of misusing travel funds. The committee found no wrongdoing.",
        title="Minister Tom Reyes cleared by ethics committee",
    )
    assert frame.who[:2] == ("ethics committee", "Tom Reyes")
    # With its "was" left out, the participle and the one it befell make up the event.
    assert frame.what[0] == "Minister Tom Reyes cleared by ethics committee"


def test_a_headline_participle_keeps_its_noun_in_what() -> None:
    frame = frame_of(
        "Lightning struck the tower shortly after midnight, the coastguard said.",
        title="Coastguard: Old lighthouse in Carrow damaged by lightning",
    )
    assert frame.what[0] == "Old lighthouse in Carrow damaged by lightning"
    frame = frame_of("The harbour master said the old lighthouse was damaged.", title="Storm damages old lighthouse")
    assert frame.what[0] == "damages old lighthouse"  # an active verb keeps its subject out


def test_who_of_a_headline_naming_several_people_is_all_of_them() -> None:
    frame = frame_of(
        "The three trustees resigned on Friday over the sale of two paintings. Ivo Brandt said he was tired.",
        title="Ivo Brandt, Lena Kovac and Tomas Brandvik quit the museum board",
    )
    assert frame.who[0] == "Ivo Brandt, Lena Kovac and Tomas Brandvik"
    assert frame.what[0] == "quit the museum board"
    frame = frame_of(
        "Diego Moreno said the deal would keep the ferry running. Ruth Hale, the harbour chair, agreed. "
        "Hale and Moreno spoke to reporters after the vote.",
        title="Hale and Moreno sign ferry deal",
    )
    assert frame.who[0] == "Ruth Hale and Diego Moreno"  # each surname as the article names the person


def test_a_pronoun_subject_is_passed_over_for_the_next_clause() -> None:
    frame = frame_of(
        "Officials in Tromso said the water mains froze overnight.",
        title="'We are leaving' tenants say as pipes burst",
    )
    assert frame.who[0] == "tenants"


def test_what_stops_before_time_cause_and_place_adjuncts() -> None:
    frame = frame_of(
        "Officials said the line will reopen next month.",
        title="Rail operator suspends night trains after derailment",
    )
    assert frame.what[0] == "suspends night trains"
    frame = frame_of("The fighters met little resistance.", title="Rebels seize the airport in Tromso")
    assert frame.what[0] == "seize the airport"


def test_what_leaves_a_place_it_ends_on_to_where() -> None:
    # The place hangs on the object, not on the verb, so the parse alone does not end the action there.
    frame = frame_of(
        "The keeper of the Arden zoo said the young otters were doing well.",
        title="Vet praises the care of rescued otters in Arden",
    )
    assert frame.what[0] == "praises the care of rescued otters"
    assert "Arden" in frame.where
    frame = frame_of(
        "Two lorries collided on the coast road on Monday night. The road was closed until dawn.",
        title="Fatal lorry crash on the coast road near Halden",
    )
    assert frame.what[0] == "Fatal lorry crash on the coast road"
    # With only its verb left, the place stays: "gather in Carrow" is what happened.
    frame = frame_of("Hundreds of fishermen came to the quay on Monday.", title="Fishermen gather in Carrow")
    assert frame.what[0] == "gather in Carrow"


def test_what_leaves_the_reason_of_a_judgement_or_a_feeling_to_why() -> None:
    frame = frame_of(
        "The owners said the fog had closed the harbour mouth twice in a week.",
        title="Ferry operator blames fog for the cancelled sailings",
    )
    assert frame.what[0] == "blames fog"
    frame = frame_of("Bakers in Carrow said the price of flour had doubled since spring.",
                     title="Shoppers are angry over smaller loaves")  # fmt: skip
    assert frame.what[0] == "are angry"


def test_what_keeps_a_for_phrase_that_is_not_a_reason() -> None:
    frame = frame_of("The old depot on the quay will become a market hall.",
                     title="Carrow council pays 5 million euros for the old depot")  # fmt: skip
    assert frame.what[0] == "pays 5 million euros for the old depot"
    frame = frame_of("The vote was held on Tuesday evening.", title="Lindmoor residents vote for a new harbour wall")
    assert frame.what[0] == "vote for a new harbour wall"


def test_a_headline_without_a_verb_is_its_own_what_and_who_comes_from_the_lead() -> None:
    frame = frame_of(
        "Firefighters contained the blaze at the Corbin plant on Sunday evening. Two workers were treated for burns.",
        title="Chemical plant fire: Explosion and thick smoke over Corbin",
    )
    assert frame.what[0] == "Explosion and thick smoke over Corbin"
    assert frame.who[0] == "Firefighters"


def test_without_a_headline_the_first_lead_sentence_is_read() -> None:
    frame = frame_of("HALIFAX - The Halifax Comets signed goalkeeper Sam Lowe to a two-year contract on Friday.", None)
    assert frame.who[0] == "Halifax Comets"
    assert frame.what[0].startswith("signed goalkeeper Sam Lowe")


def test_title_case_headline_is_recased_from_the_body() -> None:
    body = "The county board approved the water plan on Monday. Mayor Ruth Hale of Ashford welcomed the plan."
    assert recase_headline("County Board Approves Water Plan", body) == "county board approves water plan"
    assert recase_headline("Ashford Board CLEARED", body) == "Ashford board CLEARED"  # unknown words keep their case
    frame = frame_of(body, title="County Board Approves Water Plan")
    assert frame.what[0] == "Approves Water Plan"  # phrases keep the headline's own spelling


def test_a_title_case_verb_the_body_writes_in_another_tense_is_still_a_verb() -> None:
    # The body says "held", never "hold": in a title-case headline the capital tells nothing.
    frame = frame_of(
        "Rebels held the airport in Tromso for six hours on Monday, officials said.",
        title="Rebels Hold Airport in Tromso",
    )
    assert (frame.who[0], frame.what[0]) == ("Rebels", "Hold Airport")
    assert frame.where[0] == "Tromso"


def test_a_promo_line_before_the_lead_is_not_the_event() -> None:
    frame = frame_of(
        "Get our morning briefing in your inbox every day! Dock workers in Carrow walked out on Monday over pay.",
        title="Port of Carrow: a long week",
    )
    assert frame.who[0] == "Dock workers"
    frame = frame_of("Sign up for our newsletter and never miss a story! Dock workers in Carrow walked out on Monday.")
    assert frame.what[0] == "walked out"


def test_what_leaves_the_time_of_the_event_to_when() -> None:
    frame = frame_of("Rescuers in Carrow freed two climbers late Thursday night after a nine-hour search.")
    assert frame.what[0] == "freed two climbers"
    assert frame.when[0] == "late Thursday night"
    frame = frame_of("The museum board sold the two paintings at 6pm on Friday to a private buyer.")
    assert frame.what[0] == "sold the two paintings"


def test_a_headline_verb_read_as_a_noun_is_found_in_the_verb_list() -> None:
    # The parser reads "slams" and "rams" as plural nouns: no clause without the verb list.
    frame = frame_of(
        "The coach told reporters the schedule favoured the larger clubs and asked the league to redo it.",
        title="Coach Ada Quill slams 'unfair' fixture list and demands review",
    )
    assert frame.what[0] == "slams 'unfair' fixture list"
    frame = frame_of(
        "A driver steered a coach into the railings of the museum on Friday, police said.",
        title="Bus driver rams coach into museum railings in Ghent",
    )
    assert (frame.who[0], frame.what[0]) == ("Bus driver", "rams coach into museum railings")


def test_when_is_the_surface_phrase_with_its_clock_time_and_part_of_day() -> None:
    frame = frame_of(
        "A fire broke out at a warehouse in Tromso at around 5am on Tuesday, the fire service said.",
        title="Warehouse fire in Tromso",
    )
    assert frame.when[0] == "at around 5am on Tuesday"
    frame = frame_of("Police were called late Sunday night to the stadium.", title="Fans clash")
    assert frame.when[0] == "late Sunday night"
    # The "on" of a day adjunct opens the phrase but is no part of the time; an edge word keeps it.
    frame = frame_of("The dockers walked out on Friday afternoon, the union said.", title="Dockers strike")
    assert frame.when[0] == "Friday afternoon"
    frame = frame_of("The dockers walked out late on Friday, the union said.", title="Dockers strike")
    assert frame.when[0] == "late on Friday"


def test_when_prefers_a_recent_day_to_an_old_date() -> None:
    text = "The singer, born on May 2, 1961, performed on Saturday in front of 40,000 people."
    assert ranked_time_phrases(text, find_dates(text, "2026-03-04"), 0, "2026-03-04") == ["Saturday", "May 2, 1961"]


def test_when_gives_no_answer_rather_than_guess_the_publication_day() -> None:
    # The text names no time of the event: the publication day would be a guess (reports often come a day later).
    frame = frame_of("The company raised its prices for the third time.", title="Prices rise again")
    assert frame.when == ()
    # Only the time of something else (a founding, a past year): still no answer.
    frame = frame_of(
        "The brewery, founded in 1898, has closed its bottling line. It last changed hands in 2011.",
        title="Brewery closes bottling line",
    )
    assert frame.when == ()


def test_when_prefers_a_recent_span_of_the_text_to_the_publication_day() -> None:
    # No day is named, but "last month" is the text's own time for the change; "last year" and "next month" are not.
    text = "The airline, which raised fares last year, dropped free snacks last month and adds seats next month."
    assert ranked_time_phrases(text, find_dates(text, "2026-03-04"), 0, "2026-03-04")[0] == "last month"


def test_when_prefers_the_day_told_in_the_headlines_words() -> None:
    text = (
        "Residents had protested outside the town hall on Tuesday. "
        "After a long debate, the council voted on Thursday to close the old harbour bridge to lorries."
    )
    dates = find_dates(text, "2026-03-06")
    headline = "Council votes to close harbour bridge to lorries"
    assert ranked_time_phrases(text, dates, 0, "2026-03-06", headline)[0] == "Thursday"
    assert ranked_time_phrases(text, dates, 0, "2026-03-06")[0] == "Tuesday"  # no headline: reading order


def test_when_prefers_the_lead_to_a_later_phrase_in_the_headlines_words() -> None:
    # The lead tells the event; a caption further down repeats the headline but is no better witness of its time.
    body = (
        "Two people were hurt when a truck tipped over near Dunmore at around 7am. "
        "The road was shut for hours. Drivers were told to avoid the area. Buses ran late all morning. "
        "Photo: the lorry that overturned on the ring road just after 7am, seen from a bridge."
    )
    frame = frame_of(body, title="Lorry overturns on ring road", published="2026-03-07")
    assert frame.when[0] == "at around 7am"


def test_when_passes_over_the_day_of_a_relative_clause() -> None:
    # "who took office on Monday" tells something the mayor did before: background to the signing.
    frame = frame_of(
        "The mayor, who took office on Monday, signed the harbour lease on Friday. The port expects more ferries.",
        published="2026-03-07",
    )
    assert frame.when[:2] == ("Friday", "Monday")
    frame = frame_of(
        "The mayor, who took office on Monday, said it was an honour to open the bridge on Friday.",
        published="2026-03-07",
    )
    assert frame.when[0] == "Friday"


def test_when_prefers_the_time_the_main_verb_governs() -> None:
    # The lead's other times belong to events told as background: a vote, a storm, the close of the polls.
    cases = (
        ("After Tuesday's vote, the council closed the old harbour bridge to lorries on Thursday.", "Thursday"),
        ("Two days after the storm hit the coast on Saturday, police said the sea wall collapsed on Monday.", "Monday"),
        ("Hours after the polls closed on Sunday, the mayor conceded defeat on Monday morning in a short speech.",
         "Monday morning"),
    )  # fmt: skip
    for body, expected in cases:
        assert frame_of(body, published="2026-03-10").when[0] == expected


def test_the_edge_of_a_state_is_not_the_time_of_the_event() -> None:
    # "still inside as of 11am" tells how things stood, not when the wall fell.
    frame = frame_of(
        "A wall of the old cinema fell onto the street in Dunmore, and two workers were still inside as of 11am. "
        "The wall came down at about 7am, the fire service said.",
        published="2026-03-10",
    )
    assert frame.when[0] == "at about 7am"


def test_a_day_that_owns_a_noun_is_the_time_of_what_the_noun_names() -> None:
    # "Thursday's meeting" is the headline's meeting; "Tuesday's election" another event, whatever words surround it.
    headline = "Rival leaders meet at castle"
    for text in (
        "The two leaders were still bitter rivals after Tuesday's election. "
        "They shook hands after Thursday's long meeting at the castle.",
        "Rival leaders had clashed at the castle before Tuesday's election. They shook hands after Thursday's meeting.",
    ):
        assert ranked_time_phrases(text, find_dates(text, "2026-03-06"), 0, "2026-03-06", headline)[0] == "Thursday"


def test_when_may_be_told_relative_to_another_event() -> None:
    text = "The ferry sank only two weeks after its launch, the owners said today."
    phrases = ranked_time_phrases(text, find_dates(text, "2026-03-04"), 0, "2026-03-04")
    assert phrases[0] == "only two weeks after its launch"


def test_a_masthead_is_not_a_day() -> None:
    frame = frame_of("METRO TODAY Radio reports that the coach resigned on Monday.", title="Coach resigns")
    assert frame.when[0] == "Monday"


def test_where_starts_with_the_dateline() -> None:
    frame = frame_of("LIMA (Reuters) - Heavy rain flooded parts of Cusco and Arequipa on Monday.", "Floods")
    assert frame.where[0] == "Lima"  # as running text writes it


def test_where_a_caption_label_before_the_dateline_is_skipped() -> None:
    frame = frame_of("Photo LISBON -- The port workers ended their strike on Monday.", "Port strike ends")
    assert frame.where[0] == "Lisbon"


def test_where_a_town_in_the_headline_beats_the_dateline() -> None:
    frame = frame_of(
        "LIMA (Reuters) - Gunmen attacked a police post in the mountain town of Cusco late on Friday.",
        title="Gunmen attack police post in Cusco",
    )
    assert frame.where[:2] == ("Cusco", "Lima")


def test_where_skips_a_team_name_and_an_owned_thing() -> None:
    frame = frame_of(
        "The Denver Owls beat the home side 3-1 in Eugene, Oregon, on Sunday. "
        "Their striker crashed his Skoda after the match.",
        title="Denver Owls win the cup final",
    )
    assert "Denver" not in frame.where
    assert frame.where[0] == "Eugene, Oregon"
    frame = frame_of("Its US-based owner said prices would rise.", title="Chocolate maker shrinks its bars")
    assert "US" not in frame.where


def test_where_cuts_a_person_the_tagger_ran_into_a_place() -> None:
    text = "Crowds cheered at Lakeside Stadium Ana Ruiz waved. Ana Ruiz, the race director, said it went well."
    entities = [
        Entity(text="Lakeside Stadium Ana Ruiz", label="FAC", start=18, end=43),
        Entity(text="Ana Ruiz", label="PERSON", start=51, end=59),
    ]
    assert lead_places(text, entities, len(text)) == ["Lakeside Stadium"]


def test_where_prefers_a_place_to_the_country_it_lies_in() -> None:
    frame = frame_of(
        "A ferry capsized near the port of Piraeus on Monday, officials said.",
        title="Ferry capsizes in Greece",
    )
    assert frame.where[:2] == ("Piraeus", "Greece")
    assert is_country("the UK") and is_country("U.S.") and not is_country("Piraeus")


def test_where_keeps_a_place_with_its_region_and_skips_places_naming_an_office() -> None:
    frame = frame_of(
        "US President Ann Lee visited Tulsa, Oklahoma, on Friday to meet flood victims.",
        title="President visits flood zone",
    )
    assert frame.where[0] == "Tulsa, Oklahoma"


def test_pipe_keeps_order_and_matches_single_calls() -> None:
    articles = [
        Article(id=str(n), kind="record", origin="t", text=text, title=title, published="2026-03-04")
        for n, (title, text) in enumerate(
            [("Storm hits coast", "A storm hit the coast of Galicia on Monday."), (None, "Prices rose in May.")]
        )
    ]
    annotated = list(Pipeline(default_stages()[:-1]).pipe(articles))
    stage = FrameStage()
    assert list(stage.pipe(annotated)) == [stage(article) for article in annotated]


def test_a_headline_verb_read_as_a_noun_beats_a_later_subject() -> None:
    # The parser takes "Kovac beats" for a noun phrase and Ruiz for the one who wins.
    frame = frame_of(
        "Lena Kovac won the Varnholm Open on Sunday, beating Ana Ruiz in three sets.",
        title="Kovac beats Ruiz to win Varnholm Open",
    )
    assert frame.who[0] == "Lena Kovac"
    assert frame.what[0] == "beats Ruiz to win Varnholm Open"
    frame = frame_of(
        "The Carrow Harbour Board voted on Wednesday to close the old pier.",
        title="Carrow Harbour Board Votes to Close Old Pier",
    )
    assert (frame.who[0], frame.what[0]) == ("Carrow Harbour Board", "Votes to Close Old Pier")


def test_a_label_before_a_colon_is_not_part_of_the_subject() -> None:
    frame = frame_of(
        "Police said the suspect fled in a stolen van on Tuesday night.", title="Police: Suspect fled in stolen van"
    )
    assert frame.who[0] == "Suspect"
    assert frame.what[0] == "fled in stolen van"


def test_a_headline_verb_read_as_a_noun_is_found_through_the_lead() -> None:
    # The parser reads "Mara Vance stages" as the subject and "boycott" as the verb.
    frame = frame_of(
        "Mara Vance staged a boycott outside the ferry office on Monday over the new fares.",
        title="Mara Vance stages boycott outside ferry office",
    )
    assert frame.who[0] == "Mara Vance"
    assert frame.what[0] == "stages boycott"


def test_a_surname_in_the_headline_becomes_the_full_name_of_the_article() -> None:
    frame = frame_of(
        "Senator Grace Holloway said on Tuesday she would not seek a third term. Holloway, 71, has served since 2009.",
        title="Holloway announces retirement",
    )
    assert frame.who[0] == "Grace Holloway"


def test_a_tag_with_digits_is_not_a_place() -> None:
    frame = frame_of("The G20 summit opened in Geneva on Friday with talks on trade.", title="Leaders meet")
    assert frame.where == ("Geneva",)  # the tagger may call "G20" a place


def test_a_paragraph_in_the_title_field_is_not_read_as_a_headline() -> None:
    title = "Residents of the valley " + "and their neighbours " * 20 + "gathered."
    frame = frame_of("Farmers protested water cuts in Tulare on Monday.", title=title)
    assert frame.who[0] == "Farmers"


def test_by_after_an_active_perfect_is_not_an_agent() -> None:
    frame = frame_of("The report was published on Monday.", title="Auditors have found no wrongdoing by the mayor")
    assert frame.who[0] == "Auditors"


def test_a_dateline_in_capitals_is_written_as_running_text_writes_a_place() -> None:
    assert frame_of("NEW YORK (Wire) - Ferry crews walked out on Monday.", "Ferry strike").where[0] == "New York"
    assert frame_of("UN -- Delegates left the hall on Monday.", "Walkout").where[0] == "UN"


def test_where_falls_back_to_the_first_paragraphs_when_the_lead_names_no_place() -> None:
    body = (
        "The maker of the Crunchwell biscuit has made each packet lighter without cutting its price. "
        "Shoppers noticed the change within a week. "
        "The company said the cost of sugar had risen sharply. "
        "A spokesperson added that the recipe itself was unchanged. "
        "The lighter packets went on sale in Norway last month."
    )
    frame = frame_of(body, title="Biscuit fans angry as packets shrink")
    assert frame.where[:1] == ("Norway",)


def test_where_keeps_the_lead_place_before_places_further_on() -> None:
    body = (
        "A ferry ran aground near Tromso on Sunday with forty people aboard. "
        "Nobody was hurt, the coastguard said. "
        "The passengers were taken ashore by lifeboat. "
        "The ferry company said it would inspect the hull. "
        "A similar grounding happened in Bergen two years ago."
    )
    frame = frame_of(body, title="Ferry runs aground, passengers safe")
    assert frame.where[:1] == ("Tromso",)
    assert "Bergen" not in frame.where  # the lead names a place: nothing further on is needed
