"""Corroboration by claim: the counted thing and the predicate from the parse, compared by meaning.

The articles are fictional, written here; quantities come from the real
annotator, so the parse supplies ``counted`` and ``predicate``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from crosswire.annotate.entities import EntityStage
from crosswire.annotate.quantities import QuantityStage
from crosswire.model import Annotations, Article, Fact
from crosswire.stories.background import figure_of_another_time
from crosswire.stories.brief_render import shown_value
from crosswire.stories.corroborate import corroborate


def _facts(*texts: str) -> list[Fact]:
    """The quantity facts of one story of these reports, one outlet each, read with their sentences (as the
    engine reads them: a figure's sentence tells whether it is of another time)."""
    sentences, quantities = EntityStage(), QuantityStage()
    articles = [
        quantities(sentences(Article(f"a{i}", "record", "test", text, annotations=Annotations())))
        for i, text in enumerate(texts)
    ]
    facts = corroborate(articles, {a.id: f"outlet{i}" for i, a in enumerate(articles)})
    return [f for f in facts if f.kind == "quantity"]


def test_a_paraphrased_agreement_groups() -> None:
    facts = _facts(
        "Rescuers evacuated 300 residents from the flooded district of Lowmoor on Sunday.",
        "In Lowmoor, 300 people were forced from their homes by the rising river on Sunday.",
    )
    assert [(f.status, f.value, len(f.mentions)) for f in facts] == [("agree", 300, 2)]
    assert facts[0].about == "residents evacuated"


def test_the_same_event_in_other_words_groups() -> None:
    facts = _facts(
        "Air defences shot down 30 drones over Tarrin overnight, the ministry said.",
        "Residents said air defences intercepted 30 UAVs over Tarrin overnight.",  # not the ministry: its own origin
    )
    assert [(f.status, f.about) for f in facts] == [("agree", "drones shot down")]


def test_the_whole_a_part_is_told_of_is_no_rival_count_of_the_part() -> None:
    """"Of the 52 passengers, 40 were injured": 40 injured, which another report bears out; the 52 on board were
    not all injured, so they neither conflict with the 40 nor join them."""
    facts = _facts(
        "Of the 52 passengers on the Dunmore coach, 40 were injured when it overturned on Friday.",
        "Forty passengers were injured on Friday when a coach overturned near Dunmore.",
    )
    assert ("agree", 40) in [(f.status, f.value) for f in facts]
    assert all(f.status != "conflict" for f in facts)


def test_a_toll_told_of_another_time_stays_apart() -> None:
    """'3 killed' told of last spring is another event's toll, however alike the claims."""
    facts = _facts(
        "Gunmen attacked a checkpoint outside Dorrel at dawn, and 3 people were killed.",
        "Last spring a landslide buried the road to the quarry, where 3 people died.",
    )
    assert all(f.status == "single" for f in facts)


def test_equal_counts_of_two_kinds_of_thing_do_not_agree() -> None:
    """The same number told of the same raid, but of rifles in one report and of people in the other: two facts,
    though the sentences share the place, the day and the officers, and neither figure has a unit to compare."""
    rifles = "Customs officers recovered 14 KR 9 rifles from a trawler at the Orran docks on Monday."
    raid = "On Monday at the Orran docks, customs officers boarded a trawler, seizing 14 {}."
    facts = _facts(rifles, raid.format("Chilean and 3 Peruvian nationals"))
    assert [f.status for f in facts if f.value == 14] == ["single", "single"]
    # The same kind in another word still agrees.
    facts = _facts(rifles, raid.format("KR-9 guns"))
    assert [f.status for f in facts if f.value == 14] == ["agree"]


def test_two_crowds_of_thousands_do_not_agree() -> None:
    """An uncommon exact count of the same thing joins two reports on its own; "thousands of fans" names no count,
    and two crowds told with it (one in the square, one in a park) are two crowds."""
    facts = _facts(
        "Thousands of fans celebrated in the square outside the Carrow stadium after the final whistle.",
        "Across town, thousands of fans watched the match on giant screens in Orran Park.",
    )
    assert [f.status for f in facts] == ["single", "single"]


def test_the_same_small_toll_in_other_words_agrees() -> None:
    """Two reports' count of the wounded of one attack is one fact, though the number is small and the
    sentences share no word around it."""
    facts = _facts(
        "Gunmen opened fire at the Dorrel depot on Monday, wounding two guards before they fled.",
        "Police later said two guards had been injured and were recovering at home.",
    )
    assert [(f.status, f.value, len(f.mentions)) for f in facts] == [("agree", 2, 2)]


def test_an_uncommon_count_of_the_same_things_in_other_nouns_agrees() -> None:
    """'27 protesters arrested' and 'a total of 27 demonstrators' (nothing read as what happened): the same
    things counted alike, an uncommon number, so one fact; the same with 3 stays two."""
    facts = _facts(
        "Police arrested 27 protesters outside the Carrow town hall on Friday.",
        "A total of 27 demonstrators spent the night in the cells at Carrow.",
    )
    assert [(f.status, f.value, len(f.mentions)) for f in facts] == [("agree", 27, 2)]
    facts = _facts(
        "Police arrested 3 protesters outside the Carrow town hall on Friday.",
        "A total of 3 demonstrators spent the night in the cells at Carrow.",
    )
    assert [f.status for f in facts] == ["single", "single"]


def test_a_planned_count_never_bears_out_a_count_of_what_was_done() -> None:
    """'Plans to launch two missions' and 'launched two missions': a plan is no report of the deed."""
    facts = _facts(
        "The space agency plans to launch two missions to Mars within the decade.",
        "The agency launched two missions to the moon from Tarrin on Friday.",
    )
    assert [f.status for f in facts] == ["single", "single"]
    facts = _facts(
        "The space agency plans to launch two missions to Mars within the decade.",
        "Two missions to Mars will be launched by the agency in the coming decade, its director said.",
    )
    assert [(f.status, len(f.mentions)) for f in facts] == [("agree", 2)]


def test_a_common_figure_of_the_very_same_claim_needs_fewer_shared_words() -> None:
    """'Two people were hurt' in two reports' own sentences is one fact, though little else is shared; the same
    small number of a claim in other words still needs the usual shared words (above)."""
    facts = _facts(
        "The storm that hit Kelso overnight flooded 30 cellars, the council said on Friday.\n\nTwo people were "
        "hurt, both with cuts from broken glass, and went home from the clinic by the afternoon.",
        "Council crews pumped water from cellars across Kelso on Friday after the overnight storm.\n\nTwo people "
        "were hurt, neither seriously, and power was back for most of the town by evening.",
    )
    (hurt,) = [f for f in facts if f.kind == "quantity" and f.value == 2]
    assert (hurt.status, hurt.about, len(hurt.mentions)) == ("agree", "people hurt", 2)


def test_killed_and_injured_with_the_same_number_never_group() -> None:
    facts = _facts(
        "The bus overturned near Carrow Bridge and 12 people were killed, police said.",
        "Police said 12 people were injured when the bus overturned near Carrow Bridge.",
    )
    assert sorted((f.status, f.about) for f in facts) == [("single", "people injured"), ("single", "people killed")]


def test_a_more_than_figure_agrees_with_a_larger_one() -> None:
    facts = _facts(
        "More than 40 people were injured when the roof of the Velmar market hall gave way.",
        "Hospital staff said 43 people were wounded when the Velmar market hall roof collapsed.",
    )
    assert [(f.status, f.value, len(f.mentions)) for f in facts] == [("agree", 43, 2)]
    assert facts[0].about == "people injured"


def test_two_different_counted_things_never_conflict() -> None:
    facts = _facts(
        "Fourteen crew members were injured when the tanker Solace ran aground off Keld Point.",
        "When the tanker Solace ran aground off Keld Point, 16 passengers were injured.",
    )
    assert all(f.status != "conflict" for f in facts)


def test_a_rival_count_of_the_same_claim_still_conflicts() -> None:
    facts = _facts(
        "Officials said 14 workers were injured when the scaffold at the Orrin depot fell.",
        "Officials said 16 workers were injured when the scaffold at the Orrin depot fell.",
    )
    assert [(f.status, f.about) for f in facts] == [("conflict", "workers injured")]


def _annotated(*reports: tuple[str, str | None]) -> list[Article]:
    """Articles through the full default pipeline (sentences and dates too), each (text, published)."""
    from crosswire.annotate import default_stages
    from crosswire.pipeline import Pipeline

    pipeline = Pipeline(default_stages())
    return [pipeline(Article(f"a{i}", "record", "test", text, published=published))
            for i, (text, published) in enumerate(reports)]  # fmt: skip


def _corroborated(*reports: tuple[str, str | None]) -> tuple[Fact, ...]:
    """The facts of a story told by ``reports`` (text, published), one outlet each."""
    articles = _annotated(*reports)
    return corroborate(articles, {a.id: a.id for a in articles})


def _date_facts(*reports: tuple[str, str | None]) -> list[Fact]:
    """The date facts of a story told by ``reports`` (text, published), one outlet each."""
    return [f for f in _corroborated(*reports) if f.kind == "date"]


def _told_with(recalled: str, *openings: str) -> tuple[Fact, ...]:
    """The facts of a story each outlet opens in its own words (``openings``, published an hour apart) and then
    prints the same ``recalled`` sentence."""
    return _corroborated(*((f"{opening} {recalled}", f"2026-11-09T{8 + hour:02d}:00:00")
                           for hour, opening in enumerate(openings)))  # fmt: skip


def _background_of(facts: Sequence[Fact], value: float) -> list[bool]:
    """Whether each fact of ``value`` is told as background."""
    return [f.background for f in facts if f.value == value]


def test_a_toll_recalled_from_an_earlier_event_does_not_contradict_this_one() -> None:
    facts = _corroborated(
        ("Five people were killed when the Carrow footbridge collapsed on Sunday.", "2026-11-09T08:00:00"),
        ("The Carrow footbridge collapsed on Sunday. Last year a bridge collapse upriver meant seven people were "
         "killed.", "2026-11-09T08:00:00"),
    )  # fmt: skip
    assert not [f for f in facts if f.status == "conflict"]


def test_a_figure_of_an_occasion_named_by_an_earlier_year_is_no_claim_of_the_story() -> None:
    # Two outlets recall the same old case: true, but not this story's figure, so no agreement is shown.
    recalled = "His record stems from a 2019 incident in which he stabbed a guard 11 times at the Carrow jail."
    facts = _told_with(
        recalled,
        "Ana Ruiz escaped from the Carrow jail on Sunday.",
        "Guards said Ana Ruiz got out of the Carrow jail on Sunday night.",
    )
    eleven = [f for f in facts if f.value == 11]
    assert eleven and all(f.background for f in eleven)


def test_an_earlier_year_in_a_closing_relative_clause_dates_only_the_clause() -> None:
    # "a valley that was flattened by the floods of 2009" tells of the valley's past: the quake's figures before it
    # are the story's, and two outlets giving them agree.
    facts = _corroborated(
        ("The 6.4-magnitude quake injured 40 people as it shook a valley that was flattened by floods in 2009.",
         "2026-11-09T08:00:00"),
        ("A 6.4-magnitude quake injured 40 people in the Orran valley on Tuesday, officials said.",
         "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert [(f.status, f.background) for f in facts if f.value in (6.4, 40)] == [("agree", False)] * 2
    # A clause in the middle dates the subject it describes, and the main verb's figure after it with it.
    facts = _corroborated(
        ("The mill fire, which broke out in 2019, killed three workers.", "2026-11-09T08:00:00"),
        ("Three workers were killed when the mill burned down in 2019.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert _background_of(facts, 3) == [True]


def test_ages_listed_after_a_plural_and_the_same_ages_by_name_are_one_fact() -> None:
    # "two men, ages 44 and 52" and, further down the same report, "Ivo Brandt, 44": one of the men, named.
    facts = _facts(
        "A 61-year-old woman and two men, ages 44 and 52, were shot on Monday. The Kelso Courier named the men as "
        "Ivo Brandt, 44, and Tom Berg, 52.",
        "Ivo Brandt, 44, and Tom Berg, 52, were wounded in the shooting in Kelso on Monday.",
    )
    (age,) = [f for f in facts if f.value == 44]
    assert (age.status, len(age.mentions)) == ("agree", 3)


def test_two_counts_of_things_named_by_a_model_can_conflict() -> None:
    # The scanner reads no unit in "six AK-47 rifles" (a model's name stands between the number and the noun); the
    # parse still names the rifles, so two reports of the same seizure that give two counts of them disagree.
    facts = _facts(
        "Commandos boarded the skiff off Port Selwyn on Tuesday and seized six AK-47 rifles and a grenade launcher.",
        "Commandos boarded the skiff off Port Selwyn on Tuesday and seized 14 AK-47 rifles and a grenade launcher.",
    )
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in facts if f.kind == "quantity"] == [
        ("conflict", [6, 14])
    ]


def test_a_dispute_draws_in_the_agreement_that_bears_out_one_side() -> None:
    # The second report's six joins the first's 14 as its rival (the same words around both); the other two tell
    # six in their own words and agree apart.  One fact is shown, 14 against six, with every report of six in it.
    recovered = "Commandos recovered {} AK-47 rifles and a grenade launcher from the skiff off Port Selwyn on Tuesday."
    seized = (
        "Six AK-47 rifles were seized when the navy searched the pirate skiff, officials said.",
        "The navy said it seized six AK-47 rifles in its search of the pirate skiff.",
    )
    facts = _facts(recovered.format(14), recovered.format("six"), *seized)
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in facts] == [("conflict", [6, 6, 6, 14])]
    # A report of six that gives the dispute's 14 too tells two figures: its six is not drawn in with the rest.
    facts = _facts(recovered.format(14), recovered.format("six"), f"{seized[0]} {recovered.format(14)}", seized[1])
    assert sorted((f.status, len(f.mentions)) for f in facts) == [("agree", 2), ("conflict", 3)]


def test_a_year_before_a_name_names_an_earlier_occasion() -> None:
    # "the 1961 Harriers" is that year's team, "the 2011 Velmar earthquake" that year's quake: their figures are
    # history, however many outlets recall them; the story's own year before a name is the story's.
    recalled = "The 1961 Harriers rushed for 398 yards against Dunmore in the old stadium."
    facts = _told_with(
        recalled,
        "The Harriers rushed for 352 yards and still lost on Sunday.",
        "Despite 352 rushing yards, the Harriers lost to Dunmore on Sunday.",
    )
    assert _background_of(facts, 398) == [True]
    assert _background_of(facts, 352) == [False]
    facts = _corroborated(
        ("The 2026 Harriers rushed for 352 yards on Sunday, a club record.", "2026-11-09T08:00:00"),
        ("The Harriers ran for 352 yards against Dunmore on Sunday.", "2026-11-09T09:00:00"),
    )
    assert _background_of(facts, 352) == [False]


def test_a_sentence_opening_with_another_occasion_is_no_claim_of_the_story() -> None:
    # "In a separate incident, ...": all the sentence tells is that other happening's, however many outlets print it;
    # "... hours after a separate incident" may tell the story's own figure beside it, and keeps it.
    other = "In a separate incident, 6 hikers were airlifted from the Orran ridge on Saturday."
    facts = _corroborated(
        (f"Floods cut off the Kelso valley on Sunday, stranding 300 residents. {other}", "2026-11-09T08:00:00"),
        (f"About 300 residents were stranded in the Kelso valley by floods on Sunday. {other}", "2026-11-09T09:00:00"),
        ("Crews reached 300 stranded residents on Sunday, hours after a separate incident upriver.",
         "2026-11-09T10:00:00"),
    )  # fmt: skip
    assert _background_of(facts, 6) == [True]
    assert {m.article for f in facts if f.value == 300 and not f.background for m in f.mentions} == {"a0", "a1", "a2"}


def test_a_sentence_opening_in_an_earlier_time_is_no_claim_of_the_story() -> None:
    # "Before that, ...": the whole sentence is the history behind the story, however many outlets print it;
    # "previously" inside a sentence ("officials had previously said") may tell the story's own earlier figure.
    history = "Before that, she won two league titles as an assistant coach in Kelso."
    facts = _told_with(
        history,
        "Ada Brandt resigned as coach of the Harriers on Monday.",
        "The Harriers said on Monday that Ada Brandt had resigned.",
    )
    assert _background_of(facts, 2) == [True]
    facts = _corroborated(
        ("Floods stranded 40 residents in Kelso on Sunday, officials had previously said.", "2026-11-09T08:00:00"),
        ("Floods stranded 40 residents in Kelso on Sunday, the mayor said.", "2026-11-09T09:00:00"),
    )
    assert _background_of(facts, 40) == [False]


def test_a_sentence_opening_a_counted_span_earlier_is_no_claim_of_the_story() -> None:
    # "Two years earlier, ..." and "Some decades earlier, ..." open in an earlier time as "Years earlier, ..." does.
    for opening in ("Two years earlier", "Some decades earlier", "12 years earlier"):
        facts = _told_with(
            f"{opening}, a blast at the same works injured nine people.",
            "A tank split open at the Orrin dye works on Wednesday night.",
            "Fumes from a split tank at the Orrin dye works drifted over the town on Wednesday.",
        )
        assert _background_of(facts, 9) == [True], opening


def test_a_sentence_dated_by_the_storys_day_keeps_its_figure_beside_an_earlier_occasion() -> None:
    # "killing four on Sunday ... in a valley hit by the 2019 floods": the sentence tells this story's toll and
    # names an older occasion beside it; told without a day of this story, the occasion's figure is its own.
    facts = _corroborated(
        ("A landslide buried houses in Orran on Sunday, killing four people in a valley hit by the 2019 floods.",
         "2026-11-09T08:00:00"),
        ("Four people were killed when a landslide struck Orran on Sunday, the regional council said.",
         "2026-11-09T09:00:00"),
        ("The landslide in Orran killed four people. The 2019 floods in the valley killed 40 people.",
         "2026-11-09T10:00:00"),
    )  # fmt: skip
    assert [(f.status, f.background, len(f.mentions)) for f in facts if f.value == 4] == [("agree", False, 3)]
    assert _background_of(facts, 40) == [True]
    # Undated reports are read against the story's year: a date of that year dates the sentence to the story.
    undated = _corroborated(
        ("A landslide buried houses in Orran on November 8, 2026, killing four people in a valley hit by the 2019 "
         "floods.", None),
        ("Four people were killed when a landslide struck Orran on November 8, 2026, the council said.", None),
    )  # fmt: skip
    assert [(f.status, f.background) for f in undated if f.kind == "quantity" and f.value == 4] == [("agree", False)]


def test_a_figure_in_a_sentence_opening_with_an_earlier_month_is_no_claim_of_the_story() -> None:
    # "In March, ..." told in December is this year's March, months before the story; "In November" is not.
    facts = _corroborated(
        ("Storms cut power to 4,000 homes in Carrow on Sunday. In March, a gale cut power to 9,000 homes.",
         "2026-12-07T08:00:00"),
        ("A storm left 4,000 Carrow homes without power on Sunday. In March, 9,000 homes lost power in a gale.",
         "2026-12-07T09:00:00"),
        ("In November, the utility said 800 poles needed replacing. Sunday's storm cut power to 4,000 homes.",
         "2026-12-07T10:00:00"),
    )  # fmt: skip
    nine_thousand = [f for f in facts if f.value == 9000]
    assert nine_thousand and all(f.background for f in nine_thousand)
    assert not any(f.background for f in facts if f.value == 800)


def test_a_figure_of_a_happening_placed_in_an_earlier_year_is_no_claim_of_the_story() -> None:
    # "in 2011 a 4-year-old girl fell ...": that year's girl and her age, not this story's.
    facts = _corroborated(
        ("A 6-year-old girl fell into the otter pool at Carrow Zoo on Sunday and was pulled out unhurt. In 2011 "
         "a 4-year-old girl fell into the same pool.", "2026-11-09T08:00:00"),
        ("Keepers pulled a 6-year-old girl from the otter pool at Carrow Zoo on Sunday. The zoo raised its fence "
         "after a 4-year-old girl fell in during 2011.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert _background_of(facts, 6) == [False]
    fours = [f for f in facts if f.value == 4]
    assert fours and all(f.background for f in fours)
    # Told beside a day of the story's own time, such a year only names an earlier occasion: the figure stays
    # this story's, kept from conflicts only.
    today = _corroborated(
        ("On Sunday 12 keepers searched the pool, which was built in 2011.", "2026-11-09T08:00:00"),
        ("Twelve keepers searched the otter pool on Sunday.", "2026-11-09T09:00:00"),
    )
    assert [f.status for f in today if f.value == 12] == ["agree"]


def test_a_figure_of_a_year_told_with_when_is_no_claim_of_the_story() -> None:
    # "..., including 2019, when ...": the clause tells that year's occasion, wherever the year stands.
    facts = _corroborated(
        ("The Harlow Owls won the cup on Sunday. They had come close before, including 2019, when they finished "
         "2 points short of the title.", "2026-11-09T08:00:00"),
        ("Harlow won the cup on Sunday night. In the league the Owls were 2 points short of the title in 2019, "
         "when their keeper was hurt.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    twos = [f for f in facts if f.value == 2]
    assert twos and all(f.background for f in twos)


def test_two_people_of_one_age_are_two_facts_and_one_person_named_twice_is_one() -> None:
    facts = _corroborated(
        ("Tom Berg, 36, was stopped in the sixth round by Dervan Kolt in Carrow.", "2026-11-09T08:00:00"),
        ("Dervan Kolt, 36, stopped the challenger in Carrow on Saturday.", "2026-11-09T09:00:00"),
        ("Kolt, 36, kept his title in Carrow on Saturday night.", "2026-11-09T10:00:00"),
    )
    ages = sorted((len(f.mentions), f.status) for f in facts if f.value == 36)
    assert ages == [(1, "single"), (2, "agree")]


def test_two_named_people_of_one_age_described_alike_are_two_facts() -> None:
    # Each report quotes a different onlooker of the same age: a coincidence, not one fact told twice.
    facts = _corroborated(
        ("'It was chaos,' said Ana Ruiz, a 36-year-old teacher who watched the parade in Carrow.",
         "2026-11-09T08:00:00"),
        ("Tom Berg, 36, watched the Carrow parade from a cafe window on Sunday.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert [f.status for f in facts if f.value == 36] == ["single", "single"]


def test_the_day_one_person_died_agrees_whether_named_or_described_beside_the_name() -> None:
    # "Ruiz died" and "her brother, Tomas Ruiz, ... was killed": one death on one day, told in other words.
    dates = _date_facts(
        ("Ruiz died Tuesday after being shot outside a bar in Marlow, where the singer grew up.",
         "2026-11-11T08:00:00"),
        ("Her brother, Tomas Ruiz, 24, was killed on Tuesday.", "2026-11-11T09:00:00"),
    )
    assert [(f.value, f.status) for f in dates] == [("2026-11-10", "agree")]


def test_a_rank_agrees_only_with_the_same_rank_never_with_a_count() -> None:
    # "the sixth round" twice is one fact; "in six rounds" counts rounds, and a count is no rank.
    facts = _corroborated(
        ("Ana Ruiz stopped Tom Berg in the sixth round in Carrow on Saturday.", "2026-11-08T08:00:00"),
        ("Ruiz kept her belt, stopping Berg in the sixth round of their fight.", "2026-11-08T09:00:00"),
        ("Ana Ruiz stopped Tom Berg in six rounds in Carrow on Saturday.", "2026-11-08T10:00:00"),
    )
    sixes = sorted((f.about, f.status, len(f.mentions)) for f in facts if f.value == 6)
    assert sixes == [("rank: round stopped", "agree", 2), ("rounds stopped", "single", 1)]


def test_two_ranks_of_one_happening_conflict_and_ranks_of_two_happenings_do_not() -> None:
    stopped = ("Ana Ruiz stopped Tom Berg in the sixth round in Carrow on Saturday.", "2026-11-08T08:00:00")
    later = ("Ruiz kept her belt by stopping Berg in the seventh round at the Carrow arena.", "2026-11-08T09:00:00")
    floored = ("Ana Ruiz knocked Tom Berg down in the fifth round in Carrow on Saturday.", "2026-11-08T08:00:00")
    ranks = [f for f in _corroborated(stopped, later) if f.about.startswith("rank")]
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in ranks] == [("conflict", [6, 7])]
    assert all(f.status == "single" for f in _corroborated(floored, later) if f.kind == "quantity")


def test_a_tally_written_as_one_word_counts_the_noun_after_it() -> None:
    # "17-of-25 passes": 17 passes completed, not a thing called "of-25"; a tally with no noun says only its number.
    facts = _corroborated(
        ("Ana Ruiz completed 17-of-25 passes as the Owls beat the Rovers on Sunday.", "2026-11-08T08:00:00"),
        ("Ruiz completed 17-of-25 passes and ran in a late score in Sunday's win.", "2026-11-08T09:00:00"),
        ("Tom Berg went 12-of-20 for the Rovers.", "2026-11-08T10:00:00"),
    )
    assert sorted((f.about, f.status) for f in facts if f.value in (17, 12)) == [
        ("number", "single"),
        ("passes completed", "agree"),
    ]


_QUAKE_LEAD = ("A strong earthquake shook the Orran valley on Sunday. Residents ran into the streets. "
               "Power was cut across the region for hours. ")


def test_two_close_counts_of_one_toll_told_below_the_lead_are_a_conflict() -> None:
    # Seven footbridges damaged against eight: the same toll of the same quake, whatever words surround it.
    facts = _corroborated(
        (_QUAKE_LEAD + "Hundreds of homes have been damaged by the tremor, as well as seven footbridges, two of "
         "which collapsed.", "2026-11-09T08:00:00"),
        (_QUAKE_LEAD + "The governor said the quake damaged 40 offices, 2 roads, 14 shops, 8 footbridges and 4 "
         "schools.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in facts if f.value in (7, 8)] == [
        ("conflict", [7, 8])
    ]


def test_two_close_counts_that_tally_no_toll_are_no_conflict() -> None:
    # Runs scored are many happenings of one game: three in one inning and two in another are no dispute.
    lead = "The Harlow Owls won the title on Sunday. Fans filled the square. The mayor sent her congratulations. "
    facts = _corroborated(
        (lead + "A dropped catch let the Owls score three runs early in game six at their home ground.",
         "2026-11-09T08:00:00"),
        (lead + "Ana Ruiz doubled as the Owls scored two runs late in the deciding game.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert not [f for f in facts if f.status == "conflict"]


def test_a_caption_line_gives_no_fact() -> None:
    caption = "In this Friday, Oct. 9, 2026, file photo, 40 firefighters stand outside the Carrow depot."
    facts = _corroborated(
        (f"{caption}\nThe Carrow depot burned down on Sunday, the fire service said.", "2026-11-09T08:00:00"),
        (f"{caption}\nFire destroyed the Carrow depot on Sunday night.", "2026-11-09T09:00:00"),
    )
    assert not [f for f in facts if f.value == 40 or f.value in ("2026-10-09", "2026-11-06")]


def test_the_same_weekday_written_a_week_apart_is_no_conflict() -> None:
    dates = _date_facts(
        ("Harbour officials said Friday that the ferry had been inspected.", "2026-11-06T10:00:00"),
        ("On Friday, harbour officials said the ferry would sail again.", "2026-11-13T10:00:00"),
    )
    assert dates and all(f.status != "conflict" for f in dates)


def test_a_figure_equal_to_one_member_but_contradicting_another_needs_a_real_rival() -> None:
    # "at least one" fits both 1 and 11, but 1 and 11 are not the same claim here: no conflict chain.
    facts = _facts(
        "The tremor shook the valley at 1 in the morning.",
        "The quake in Lindmoor killed at least one person.",
        "Officials said the toll from the disaster had risen to 11 on Tuesday.",
    )
    assert not [f for f in facts if f.status == "conflict"]


def test_a_weekday_never_contradicts_a_date_written_out() -> None:
    # "On Friday" dates the authorities' statement; "on Nov. 24" the seizure itself.
    dates = _date_facts(
        ("Customs officers seized the tanker Marlow Star on Nov. 24 off Carrow, the port said.", "2026-12-04T09:00:00"),
        ("On Friday, customs officers said they had seized the tanker Marlow Star off Carrow.", "2026-12-04T18:00:00"),
    )
    assert dates and all(f.status != "conflict" for f in dates)


def test_two_weights_of_one_animal_are_a_discrepancy_not_a_change() -> None:
    facts = _corroborated(
        ("Keepers at the Carrow zoo shot the 300-kilogram bear that broke out on Sunday.", "2026-11-08T09:00:00"),
        ("The 280-kilogram bear shot by keepers at the Carrow zoo had broken out on Sunday.", "2026-11-08T20:00:00"),
    )
    (weight,) = [f for f in facts if f.kind == "quantity" and f.status == "conflict"]
    assert weight.about == "bear weight" and not weight.changing


def test_a_magnitude_written_two_ways_agrees_and_two_magnitudes_of_the_quake_conflict() -> None:
    agreeing = _corroborated(
        ("A magnitude 6.2 earthquake shook Orran before dawn on Sunday, the observatory said.", "2026-11-08T09:00:00"),
        ("The quake, magnitude 6.2, cracked walls across Orran on Sunday.", "2026-11-08T11:00:00"),
    )
    assert [(f.about, f.status) for f in agreeing if f.kind == "quantity"] == [("earthquake magnitude", "agree")]
    rival = _corroborated(
        ("The quake, magnitude 6.2, cracked walls across Orran on Sunday.", "2026-11-08T09:00:00"),
        ("The 6.5-magnitude quake cracked walls across Orran on Sunday, the observatory said.", "2026-11-08T09:30:00"),
    )
    assert [(f.about, f.status) for f in rival if f.kind == "quantity"] == [("quake magnitude", "conflict")]
    # "a magnitude of 6.5": the "a" is the magnitude's, so the quake is still the story's own, and "of" no part
    # of a whole ("three of the five")
    rival = _corroborated(
        ("The quake, magnitude 6.2, cracked walls across Orran on Sunday.", "2026-11-08T09:00:00"),
        ("The quake that cracked walls across Orran on Sunday had a magnitude of 6.5.", "2026-11-08T09:30:00"),
    )
    assert [(f.about, f.status) for f in rival if f.kind == "quantity"] == [("quake magnitude", "conflict")]


def test_a_dimension_named_without_its_owner_is_the_label() -> None:
    facts = _corroborated(
        ("The quake struck at a depth of 12 kilometres under Orran, the observatory said.", "2026-11-08T09:00:00"),
        ("Seismologists in Tessaly said the tremor hit Orran at a depth of 12 kilometres.", "2026-11-08T10:00:00"),
    )
    assert [(f.about, f.status, f.predicate) for f in facts if f.kind == "quantity"] == [("depth", "agree", "depth")]


def test_the_same_age_told_two_ways_agrees() -> None:
    facts = _corroborated(
        ("Ferry captain Ivo Brandt, 61, steered the boat to the quay.", "2026-11-08T09:00:00"),
        ("The boat was steered to the quay by 61-year-old Ivo Brandt.", "2026-11-08T11:00:00"),
    )
    assert [(f.about, f.status) for f in facts if f.kind == "quantity"] == [("Ivo Brandt age", "agree")]


def test_two_ages_of_someone_brought_in_with_a_are_no_conflict() -> None:
    # Two court reports of one day: "a 14-year-old girl" and "a 12-year-old girl" may be two girls.
    facts = _corroborated(
        ("A 14-year-old girl told the Carrow court she saw the driver run the light.", "2026-11-08T09:00:00"),
        ("A 12-year-old girl told the Carrow court she saw the driver run the light.", "2026-11-08T09:30:00"),
    )
    assert not [f for f in facts if f.status == "conflict"]


def test_a_page_time_stamp_is_no_date_of_the_story() -> None:
    from crosswire.stories.corroborate import page_stamp

    def stamp(text: str, written: str) -> bool:
        return page_stamp(text, text.index(written), text.index(written) + len(written))

    assert stamp("Updated: November 4, 2026 15:50 GMT. The dam gave way.", "November 4, 2026")
    assert stamp("Posted Nov 3, 2026 by the harbour desk", "Nov 3, 2026")
    assert stamp("Reader comment of 12 January 2026 @ 09:29 pm", "12 January 2026")
    assert not stamp("The dam gave way on November 2, 2026, at 6:10, officials said.", "November 2, 2026")
    assert not stamp("The quake struck on Tuesday at 07:37 local time.", "Tuesday")
    # Under a headline: a date with "at" or a bar before its clock time, a date alone on its line, a dateline.
    assert stamp("Dam gives way above Lowmoor\nNovember 4, 2026 at 11:51 AM\nThe dam gave way.", "November 4, 2026")
    assert stamp("Dam gives way\nNovember 4, 2026 | 8:16 am\nThe dam gave way.", "November 4, 2026")
    assert stamp("Dam gives way above Lowmoor\nWednesday, November 4, 2026\nThe dam gave way.", "November 4, 2026")
    assert stamp("November 4, 2026 - LOWMOOR - The dam gave way overnight.", "November 4, 2026")
    # A press release's dateline, a page's date line with a stray page number, a label with a clock time and
    # zone before the day, and the foot of an embedded post.
    assert stamp("Dam gives way\nLOWMOOR, N.D., November 4, 2026\nThe dam gave way.", "November 4, 2026")
    assert stamp("Dam gives way\nWednesday 4 November 2026 14.\nThe dam gave way.", "4 November 2026")
    assert stamp("PUBLISHED: 22:07 GMT, 4 November 2026 | UPDATED: 23:10 GMT", "4 November 2026")
    assert stamp("The water is rising fast — Ana Ruiz (@anaruiz) November 4, 2026", "November 4, 2026")
    assert stamp("Dam gives way above Lowmoor\n7:15 a.m. Nov. 4, 2026\nThe dam gave way.", "Nov. 4, 2026")
    # A comment's stamp as a page's text gives it, the clock split after its colon and "p" for p.m.
    assert stamp("Great reporting, thanks.\non Nov 4 2026, 5: 03p\nI live below the dam.", "Nov 4 2026")
    # In a sentence, the same shapes are the story's dates.
    assert not stamp("The dam gave way on November 4, 2026 at 11:51 am, the council said.", "November 4, 2026")
    assert not stamp("The council met after the dam gave way on\nNovember 4, 2026.", "November 4, 2026")


def test_one_sentence_printed_by_two_outlets_is_one_fact_even_when_it_says_little() -> None:
    # A short copied sentence has no words around its figure to tell what was counted; it is still one statement.
    facts = _facts(
        "Lowmoor's harbour levy stood at 26 percent in spring. By then it is 14.3 percent.",
        "The harbour board cut its levy again. By then it is 14.3 percent.",
    )
    levy = [f for f in facts if f.value == 14.3]
    # One sentence printed twice is one source reported twice: it bears nothing out (issue 12).
    assert [(f.status, len(f.mentions), f.outlets, f.origins) for f in levy] == [("single", 2, 2, 1)]


def test_a_day_both_outlets_write_out_agrees_whatever_the_words_around_it() -> None:
    facts = _date_facts(
        ("Satellite images taken on Oct. 19 show the trawler Kestrel alongside a tanker.", "2026-12-30T08:00:00"),
        ("The harbour authority released pictures of an October 19 meeting of two ships at sea.",
         "2026-12-30T09:00:00"),
    )  # fmt: skip
    assert [(f.status, f.value, len(f.mentions)) for f in facts] == [("agree", "2026-10-19", 2)]


def test_a_date_agreement_says_what_happened_on_the_day_when_nothing_counted_is_named() -> None:
    # "he was released": a pronoun names nobody, yet the day is the day of a release.
    facts = _date_facts(
        ("Coach Ivo Brandt is back at the club. He was released from hospital on Nov. 15.", "2026-11-20T08:00:00"),
        ("Brandt, back at the club, says he felt fine after he was released on November 15.",
         "2026-11-20T09:00:00"),
    )  # fmt: skip
    assert [(f.status, f.value) for f in facts] == [("agree", "2026-11-15")]
    assert facts[0].about.startswith("date: released")  # "released from hospital" in one report


def test_one_side_stating_on_a_day_in_two_reports_agrees() -> None:
    """A date hanging on a verb of saying dates a statement: "officials said Friday" and "an official said
    Friday" are one side's statement that day, told by two outlets."""
    facts = _date_facts(
        ("The trawler remains in the custody of the Carrow coastguard, officials said Friday.", "2026-12-27T08:00:00"),
        ("Coastguard crews boarded the trawler last month and questioned its crew, an official said Friday.",
         "2026-12-27T09:00:00"),
    )  # fmt: skip
    assert [(f.status, f.value, len(f.mentions)) for f in facts] == [("agree", "2026-12-25", 2)]
    assert facts[0].about.endswith("said")


def test_the_same_weekday_in_unrelated_sentences_stays_apart() -> None:
    # "Friday" is shared by many happenings of a story: a weekday alone does not join two statements.
    facts = _date_facts(
        ("The harbour authority said on Friday that the trawler had been seized.", "2026-12-27T08:00:00"),
        ("Fishermen in Carrow protested on Friday against the new quotas.", "2026-12-27T09:00:00"),
    )
    assert all(f.status == "single" for f in facts)


def test_a_part_and_its_whole_never_contradict() -> None:
    # One outlet gives the passes completed, another the passes thrown: "28 of 41".
    facts = _facts(
        "Ruiz completed 28 of 41 passes as Carrow won the final.",
        "Ruiz threw 41 passes as Carrow won the final.",
        "Ruiz completed 28 passes as Carrow won the final.",
    )
    assert not [f for f in facts if f.status == "conflict"]


def test_undated_reports_recalling_an_earlier_year_keep_its_figures_apart() -> None:
    # No publication dates: the story's year is the latest its reports write (2026), and a sentence dated by an
    # earlier one ("in March 2019") tells another event, whose toll neither agrees nor conflicts with this one's.
    articles = _annotated(
        ("The Lindmoor dam gave way in 2026. In March 2019 a flood there left 4,120 people homeless.", None),
        ("Officials said the flood of 2019 left 4,120 people homeless; the dam gave way on Monday.", None),
    )
    facts = corroborate(articles, {a.id: a.id for a in articles})
    assert not [f for f in facts if f.kind == "quantity" and f.value == 4120 and not f.background]
    # The same figure told of this story's own time still agrees.
    facts = _corroborated(
        ("The Lindmoor dam gave way in 2026 and left 4,120 people homeless.", None),
        ("Officials said the dam burst left 4,120 people homeless on Monday.", None),
    )
    assert [f.status for f in facts if f.kind == "quantity" and f.value == 4120] == ["agree"]


def test_a_range_in_words_bears_out_no_figure_and_agrees_only_with_the_same_words() -> None:
    """"Hundreds of residents" does not bear out "more than 300": a reader takes the vague words for no count."""
    hundreds = "Hundreds of residents were evacuated from the valley on Monday."
    facts = _facts(hundreds, "More than 300 residents were evacuated from the valley on Monday.")
    assert not [f for f in facts if f.status == "agree"]
    facts = _facts(hundreds, "Officials said hundreds of residents had been evacuated from the valley on Monday.")
    assert [f.status for f in facts] == ["agree"]


def test_counts_far_apart_are_two_things_not_a_conflict() -> None:
    # 160 shots over the match and 2 in the last minute: the same claim words, two different counts.
    facts = _facts(
        "Officials said 160 shots were fired at the Orrin range during the drill.",
        "Officials said 2 shots were fired at the Orrin range during the drill.",
    )
    assert all(f.status != "conflict" for f in facts)


def test_an_age_one_year_apart_is_a_birthday_not_a_conflict() -> None:
    def age_facts(before: int, after: int, first_published: str = "2026-02-02T10:00:00") -> list[Fact]:
        articles = _annotated(
            (f"The court heard that Tomas Elling, {before}, had fled the scene.", first_published),
            (f"A jury convicted Tomas Elling, {after}, of arson on Friday.", "2026-11-20T10:00:00"),
        )
        return [f for f in corroborate(articles, {a.id: a.id for a in articles}) if f.kind == "quantity"]

    assert all(f.status != "conflict" for f in age_facts(41, 42))
    assert [f.status for f in age_facts(41, 44)] == ["conflict"]
    # Reports of the same week: a birthday between them is unlikely, so one year apart is a discrepancy.
    assert [f.status for f in age_facts(41, 42, "2026-11-18T10:00:00")] == ["conflict"]


def test_measures_of_two_things_named_differently_never_conflict() -> None:
    articles = _annotated(
        ("The mayor's 16-year-old son was among the witnesses.", "2026-11-20T10:00:00"),
        ("Police spoke to the 12-year-old boy who raised the alarm.", "2026-11-20T12:00:00"),
    )
    assert all(f.status != "conflict" for f in corroborate(articles, {a.id: a.id for a in articles}))


def test_a_date_without_a_year_does_not_contradict_the_same_day_with_one() -> None:
    dates = _date_facts(
        ("The Lindmoor bridge will reopen to traffic on May 4, officials said.", "2026-11-20T10:00:00"),
        ("Officials said the Lindmoor bridge will reopen to traffic on May 4, 2027.", "2026-11-20T12:00:00"),
    )
    assert dates and all(f.status != "conflict" for f in dates)
    dates = _date_facts(
        ("The Lindmoor bridge will reopen to traffic on March 9, 2027, officials said.", "2026-11-20T10:00:00"),
        ("Officials said the Lindmoor bridge will reopen to traffic on March 19, 2027.", "2026-11-20T12:00:00"),
    )
    assert any(f.status == "conflict" for f in dates)


def test_an_open_bound_far_below_a_figure_does_not_agree_with_it() -> None:
    # "more than 2,000" fits 310,000, but two petitions days apart are two things, not one figure borne out.
    facts = _facts(
        "More than 2,000 people signed the petition to save the Orrin ferry.",
        "The petition to save the Orrin ferry was signed by 310,000 people.",
    )
    assert all(f.status != "agree" for f in facts)
    facts = _facts(
        "More than 2,000 people signed the petition to save the Orrin ferry.",
        "The petition to save the Orrin ferry was signed by 2,400 people.",
    )
    assert [f.status for f in facts] == ["agree"]


def test_a_figure_recalled_from_another_time_does_not_bear_out_this_storys() -> None:
    articles = _annotated(
        ("Rescuers said 37 miners were trapped at the Orrin pit on Monday.", "2026-11-20T10:00:00"),
        ("In 2019 a flood at the Orrin pit trapped 37 miners for two days.", "2026-11-20T12:00:00"),
    )
    facts = [f for f in corroborate(articles, {a.id: a.id for a in articles}) if f.kind == "quantity"]
    assert facts and all(f.status != "agree" for f in facts if f.value == 37)
    articles = _annotated(
        ("Rescuers said 37 miners were trapped at the Orrin pit on Monday.", "2026-11-20T10:00:00"),
        ("The mine's owner said on Monday that 37 miners were trapped at the Orrin pit.", "2026-11-20T12:00:00"),
    )
    facts = [f for f in corroborate(articles, {a.id: a.id for a in articles}) if f.kind == "quantity"]
    assert [f.status for f in facts if f.value == 37] == ["agree"]


def test_one_reports_two_things_of_one_size_do_not_both_join_a_fact() -> None:
    articles = _annotated(
        ("Keepers said the 23-year-old gorilla escaped from its enclosure at Lindmoor zoo.", "2026-11-20T10:00:00"),
        ("The 23-year-old gorilla escaped at Lindmoor zoo; the 23-year-old keeper on duty was unhurt.",
         "2026-11-20T12:00:00"),
    )  # fmt: skip
    facts = [f for f in corroborate(articles, {a.id: a.id for a in articles}) if f.kind == "quantity"]
    gorilla = [f for f in facts if f.status == "agree"]
    assert len(gorilla) == 1
    cited = {articles[int(m.article[1:])].text[m.start : m.end + 8] for m in gorilla[0].mentions}
    assert not any("keeper" in text for text in cited)


def test_two_lower_bounds_with_different_numbers_do_not_agree() -> None:
    # "At least 30" and "at least 60" can both be true, but they are not one figure: shown as agreeing,
    # they would hide that one outlet counts twice as many.
    facts = _facts(
        "At least 30 people were injured when the grandstand at Hollin Park gave way on Saturday.",
        "At least 60 people were injured when the Hollin Park grandstand gave way on Saturday, medics said.",
    )
    assert not any(f.status == "agree" for f in facts)
    # The same bound from two outlets still agrees, and so does a bound with a figure inside it.
    same = _facts(
        "At least 30 people were injured when the grandstand at Hollin Park gave way on Saturday.",
        "Medics said at least 30 people were injured when the Hollin Park grandstand gave way.",
        "Thirty-four people were injured when the grandstand at Hollin Park gave way, the council said.",
    )
    assert [(f.status, len(f.mentions)) for f in same] == [("agree", 3)]


def test_a_lower_bound_that_rises_during_the_day_is_a_changing_figure() -> None:
    stage = QuantityStage()
    reports = [
        ("morning", "2026-03-01T08:00:00", "At least 25 people were killed when the dam at Orrin burst, police said."),
        ("evening", "2026-03-01T18:00:00", "At least 27 people were killed when the Orrin dam burst, police said."),
    ]
    articles = [stage(Article(i, "record", "t", text, published=when, annotations=Annotations()))
                for i, when, text in reports]  # fmt: skip
    (fact,) = [f for f in corroborate(articles, {"morning": "Orrin Echo", "evening": "Valley Wire"}) if f.changes]
    assert [report.value for report in fact.changes] == [27, 25]  # the latest first


def test_the_seconds_that_finish_a_time_are_no_duration_of_their_own() -> None:
    facts = _facts(
        "The relief flight reached Tarrin in 2 hours and 46 minutes, the airline said.",
        "Officials said the relief flight took 2 hours and 46 minutes to reach Tarrin.",
    )
    # One duration in the larger unit, over both parts' words; not also "46 minutes" agreeing
    assert [(f.value, f.status) for f in facts] == [(pytest.approx(2 + 46 / 60), "agree")]
    assert {m.text for m in facts[0].mentions} == {"2 hours and 46 minutes"}


def test_a_measure_in_two_units_is_read_whole() -> None:
    # "4 minutes 48 seconds" is just under five minutes, not four: the two agree
    facts = _facts(
        "Dana Pell scored the winner with 4 minutes 48 seconds left in the final at Carrow Park.",
        "The winner at Carrow Park came from Dana Pell with just under five minutes left in the final.",
    )
    assert [(m.text, f.status) for f in facts for m in f.mentions] == [
        ("4 minutes 48 seconds", "agree"), ("five minutes", "agree")  # "just under" is its qualifier
    ]
    # A month has no one size: "4 years and 1 month" stays four years, the month no figure of its own
    (served,) = _facts("He served 4 years and 1 month for the robbery at Carrow, the court heard.")
    assert (served.value, [m.text for m in served.mentions]) == (4, ["4 years"])


def test_durations_in_two_units_compare_in_seconds() -> None:
    facts = _facts(
        "The Carrow ferry sat on the sandbank for 3 hours and 30 minutes, the harbour master said.",
        "Stranded for 210 minutes on the sandbank, the Carrow ferry was freed by the tide, its owner said.",
    )
    assert [(m.text, f.status) for f in facts for m in f.mentions] == [
        ("3 hours and 30 minutes", "agree"), ("210 minutes", "agree")
    ]


def test_the_name_of_a_standard_is_no_figure() -> None:
    facts = _facts(
        "The harbour cinema now shows films in 4K on 2 screens, the owner said.",
        "Films are shown in 4K on the harbour cinema's 2 screens, its owner said.",
    )
    assert [f.value for f in facts] == [2]


def test_a_bound_agrees_only_with_figures_near_it() -> None:
    # "More than 40" and 90 may both be true, but neither bears the other out: two statements, no agreement.
    facts = _facts(
        "More than 40 people were injured when the roof of the Velmar market hall gave way.",
        "Hospital staff said 90 people were injured when the Velmar market hall roof collapsed.",
    )
    assert not any(f.status == "agree" for f in facts)
    facts = _facts(
        "Up to 70 percent of the Velmar stalls stayed shut after the collapse, traders said.",
        "Traders said 40 percent of the Velmar stalls stayed shut after the collapse.",
    )
    assert not any(f.status == "agree" for f in facts)


def test_close_counts_of_one_specific_thing_worded_apart_conflict() -> None:
    # Nothing tells the two counts apart: the same photos, posted, and one outlet says three, the other four.
    facts = _facts(
        "The Velmar museum posted three photos of the damaged mural on its website on Monday.",
        "After the storm the Velmar museum posted four photos on its website.",
    )
    photos = [f for f in facts if f.value in (3, 4)]
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in photos] == [("conflict", [3, 4])]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Boats seen coming and boats taken afterwards: two sets of boats.
        (
            "Two launches carrying smugglers were approaching the Orvel ferry at dawn, the coastguard said.",
            "After the chase the coastguard seized three launches near the Orvel ferry, it said.",
        ),
        # Time that ran off the clock and time that was left on it.
        (
            "The Harlow Owls had no timeouts, so 10 seconds ran off the clock before the final snap.",
            "With 12 seconds left on the clock, the Harlow Owls tried one final snap.",
        ),
        # Men already convicted and men still awaiting trial.
        (
            "Five defendants from the Brackley ring have been convicted of fraud so far.",
            "Four more defendants from the Brackley ring await trial in the spring.",
        ),
    ],
)
def test_close_counts_of_one_noun_with_different_happenings_never_conflict(first: str, second: str) -> None:
    facts = _facts(first, second)
    assert not [f for f in facts if f.status == "conflict"]


def test_a_happening_named_by_a_noun_is_what_happened_to_the_things_counted() -> None:
    # "ordered the evacuation of 300 residents": the residents were evacuated, whatever the police did.
    facts = _facts(
        "Police ordered the evacuation of 300 residents from Lowmoor on Sunday.",
        "On Sunday 300 residents were evacuated from Lowmoor, police said.",
    )
    assert [(f.status, f.about, len(f.mentions)) for f in facts] == [("agree", "residents evacuated", 2)]


def test_distances_from_two_places_are_two_facts() -> None:
    facts = _facts(
        "The fugitive was caught in Carrow, about 25 miles northwest of the prison he fled, police said.",
        "The prison stands near Dunmore, about 25 miles east of Carrow, police said.",
    )
    assert not [f for f in facts if f.status == "agree"]
    facts = _facts(
        "The fugitive was caught about 25 miles north of Carrow on Sunday, police said.",
        "Marshals said the fugitive was found 25 miles from Carrow on Sunday.",
    )
    assert [(f.status, f.value) for f in facts] == [("agree", 25)]


def test_equal_measures_of_two_things_are_two_facts() -> None:
    facts = _facts(
        "Tomas Varga broke free for a 37-yard run early in the second quarter.",
        "Late in the game Ivo Brandt kicked a 37-yard field goal for the Harlow Owls.",
    )
    assert not [f for f in facts if f.status == "agree"]


def test_figures_of_two_named_holders_neither_agree_nor_conflict() -> None:
    facts = _facts(
        "Velmar Bank took a $2 billion charge on Friday, analysts said.",
        "Orvel Bank took a $2 billion charge on Friday, analysts said.",
        "Velmar took a $2 billion charge on Friday.",
    )
    assert sorted((f.status, len(f.mentions)) for f in facts) == [("agree", 2), ("single", 1)]
    # The holder named once, as the one who says "it": two banks' charges still.
    facts = _facts(
        "Velmar Bank warned investors that it may record a $3 billion charge this quarter.",
        "Orvel Bank said on Friday it would book a $3 billion charge this quarter.",
    )
    assert not [f for f in facts if f.status == "agree"]
    facts = _facts(
        "Ana Ruiz scored 31 points as the Harlow Owls won on Sunday.",
        "Tom Berg scored 29 points as the Harlow Owls won on Sunday.",
    )
    assert not [f for f in facts if f.status == "conflict"]


def test_two_subjects_each_sentence_names_are_no_two_holders() -> None:
    """A team's three sacks, all by one player, and that player's three sacks: both sentences name both, so
    which one the parse took for whose figure it is tells nothing apart."""
    facts = _facts(
        "The Carrow Owls made three sacks on Sunday, all of them by Ana Ruiz.",
        "Ana Ruiz had three sacks on Sunday as the Carrow Owls beat Kelso.",
    )
    assert [(f.status, f.value) for f in facts] == [("agree", 3)]
    # Two records in sentences naming both boxers agree each with its own, and never conflict.
    facts = _facts(
        "Tom Berg (30-2, 26 knockouts) stopped Ana Ruiz (25-7, 21 knockouts) in Carrow on Saturday.",
        "Ana Ruiz, with 21 knockouts, lost to Tom Berg, who has 26 knockouts, in Carrow on Saturday.",
    )
    records = sorted(f.about for f in facts if f.about.endswith(("wins", "losses")))
    assert records == ["Ana Ruiz losses", "Ana Ruiz wins", "Tom Berg losses", "Tom Berg wins"]  # one report each
    knockouts = [f for f in facts if f.about not in records]
    assert sorted((f.status, f.value, len(f.mentions)) for f in knockouts) == [("agree", 21, 2), ("agree", 26, 2)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # One report recalls an earlier match's opening; the other tells tonight's: nothing but "scored runs"
        # is shared.
        pytest.param(
            "Back home for the fourth match, Carrow had scored three runs before the first break.",
            "They scored two runs on five hits, the last of them a double down the line.",
            id="close counts sharing only their claim",
        ),
        # "three boosters" and "two side boosters": the whole and a part, told apart by the word before the noun.
        pytest.param(
            "The Corvan rocket flew with three boosters strapped together on Friday.",
            "The Corvan rocket flew on Friday, and two side boosters were flown before.",
            id="a count and a count of some of them",
        ),
        # "People" may be two groups: 300 evacuated and 250 sheltered are two facts, not a discrepancy.
        pytest.param(
            "In Lowmoor 300 people left the flooded streets on Sunday.",
            "In Lowmoor 250 people slept in the school hall on Sunday.",
            id="close counts of people in general",
        ),
        # "51 wins coming from knockouts" counts some of the boxer's wins; "58 wins" counts them all.
        pytest.param(
            "Dervan Kolt improved his record to 58 wins and three defeats in Carrow on Saturday.",
            "Dervan Kolt improved his record in Carrow on Saturday: 51 wins coming from knockouts.",
            id="a count narrowed by a participle",
        ),
        pytest.param(
            "The Orvel Mast, measuring 229 feet (70 metres) tall, was switched on above Carrow on Monday.",
            "The Velmar Tower, standing 236 feet (72 metres) tall, was switched on above Carrow on Monday.",
            id="heights of two named things",
        ),
        pytest.param(
            # Lower in a report a count may be a part of the story's toll (one town's dead), not a rival of it.
            "Floodwaters killed 12 people across the Lowmoor valley on Sunday, officials said.",
            "The river burst its banks on Sunday. Crews worked through the night. Schools stayed shut. "
            "In the village of Ashby alone, four people died.",
            id="a count further down than the lead",
        ),
        pytest.param(
            "Twelve people were killed when the market roof fell in Carrow on Friday, police said.",
            "Six children were killed when the market roof fell in Carrow on Friday, police said.",
            id="a group within the toll",
        ),
    ],
)
def test_figures_that_are_no_rivals_never_conflict(first: str, second: str) -> None:
    assert not [f for f in _facts(first, second) if f.status == "conflict"]


def test_a_box_of_labelled_figures_beside_the_story_gives_no_facts() -> None:
    from crosswire.stories.corroborate import in_a_fact_box

    box = "CORVAN FACTS Height: 61 metres Stages: 2 Boosters: 2 Cores: 3 Engines: 19"
    assert in_a_fact_box(box, box.index("2 Boosters"))
    assert not in_a_fact_box("The council said: 14 homes were flooded on Sunday.", 25)
    facts = _facts(
        box + "\nThe Corvan rocket flew with three boosters on Friday.",
        "The Corvan rocket flew with three boosters on Friday, the agency said.",
    )
    assert [(f.status, f.value) for f in facts] == [("agree", 3)]


def test_a_range_and_one_figure_inside_it_neither_agree_nor_conflict() -> None:
    # The range covers several sites; the single figure is one of them. Neither bears the other out.
    facts = _facts(
        "Fares on the Orrin ferry routes will rise by between 4% and 11.5% next spring, the operator said.",
        "Fares on the Orrin ferry's main route will rise by 11.5% next spring, the operator said.",
    )
    assert facts and all(f.status == "single" for f in facts)
    facts = _facts(
        "Fares on the Orrin ferry routes will rise by between 4% and 11.5% next spring, the operator said.",
        "Depending on the route, Orrin ferry fares go up by between 4% and 11.5% from next spring.",
    )
    assert [f.status for f in facts] == ["agree"]


def test_a_doubted_figure_does_not_bear_out_a_reported_one() -> None:
    reported = "Three people were injured when the Orrin footbridge collapsed, the council said."
    facts = _facts(reported, "\"I'm not sure all three people were injured,\" the council leader told reporters.")
    assert all(f.status == "single" and len(f.mentions) == 1 for f in facts)
    facts = _facts(reported, "Witnesses said three people were injured when the footbridge at Orrin collapsed.")
    assert [f.status for f in facts] == ["agree"]


def test_near_shares_of_two_holders_do_not_agree() -> None:
    # "Percent" says nothing of what is shared: about 7 percent (one firm's, after a deal) and 7.2% (a rival's
    # today) are two shares near each other, not one figure told twice.
    facts = _facts(
        "Korvex expects the merger to give it about 7 percent of the cloud services market.",
        "With $40 billion in services revenue, Aldmoor Systems had 7.2% of the market last year.",
    )
    assert not [f for f in facts if f.status == "agree"]
    # The same share told with and without "about" still agrees.
    facts = _facts(
        "Korvex expects the merger to give it about 7 percent of the cloud services market.",
        "The merger will give Korvex 7.2 percent of the cloud services market, the company expects.",
    )
    assert [f.status for f in facts] == ["agree"]


def test_near_sums_of_two_named_things_do_not_agree() -> None:
    # A loss and a charge in one story, both about $3 billion: two sums, not one told twice.
    loss = "Analysts expect the levy to leave Velmar Bank with a loss of about $3 billion this quarter."
    facts = _facts(loss, "An analyst had estimated that the tax charge of Velmar Bank would be $3.2 billion.")
    assert not [f for f in facts if f.status == "agree"]
    facts = _facts(loss, "Velmar Bank itself expects a loss of $3.2 billion this quarter because of the levy.")
    assert [f.status for f in facts] == ["agree"]


def test_two_ranges_with_other_ends_do_not_agree() -> None:
    facts = _facts(
        "The five men convicted so far received sentences of between 6 and 20 years, the court said.",
        "The court said the men convicted so far received sentences of between 8 and 20 years.",
    )
    assert not [f for f in facts if f.status == "agree"]


def test_the_counted_noun_stands_in_for_a_unit_the_scanner_missed() -> None:
    # "seven South Lumerian ... firms": the scanner stops at the two-word nationality and reads no unit, while the
    # parse names the counted firms; the other report's "seven ... firms" is the same count of the same things.
    facts = _facts(
        "The finance ministry later placed seven South Lumerian fishing and freight firms on its blacklist.",
        "Officials announced sanctions on seven fishing and freight firms suspected of moving fuel at sea.",
    )
    firms = [f for f in facts if f.value == 7]
    assert [(f.status, len(f.mentions)) for f in firms] == [("agree", 2)]
    # Another counted noun with the same figure is another thing.
    facts = _facts(
        "The finance ministry later placed seven South Lumerian fishing and freight firms on its blacklist.",
        "Officials announced sanctions on seven trawlers suspected of moving fuel at sea.",
    )
    assert all(f.status == "single" for f in facts if f.value == 7)


def test_a_vague_plural_agrees_with_no_count_of_its_unit() -> None:
    # "Dozens of boats" is no report of 21 boats (fewer than two dozen), nor of 30: it names no count.
    dozens = "Dozens of fishing boats were stranded in Lowmoor harbour by the storm on Sunday."
    for count in (21, 30):
        facts = _facts(dozens, f"The storm stranded {count} fishing boats in Lowmoor harbour on Sunday.")
        assert not any(f.status == "agree" for f in facts)
    facts = _facts(dozens, "Harbour master Ida Vance said dozens of fishing boats remained stranded at Lowmoor.")
    assert [f.status for f in facts] == ["agree"]


def test_several_dozen_is_some_dozens_not_one_dozen() -> None:
    several = "Several dozen fishing boats were stranded in Lowmoor harbour by the storm on Sunday."
    facts = _facts(several, "The storm stranded 12 fishing boats in Lowmoor harbour on Sunday.")
    assert not any(f.status == "agree" for f in facts)
    facts = _facts(several, "Harbour master Ida Vance said several dozen fishing boats remained stranded at Lowmoor.")
    assert [f.status for f in facts] == ["agree"]
    assert [f.value for f in facts] != [12]  # the agreement is on some dozens, not on one dozen


def test_two_heights_of_one_named_thing_conflict_through_brackets_and_a_shorter_name() -> None:
    """A measure is (thing, dimension): the bracketed conversions and "measuring"/"standing" do not hide that
    both give the Orvel Mast's height, and "the Mast" is the Orvel Mast."""
    facts = _facts(
        "The new Orvel Mast, measuring 229 feet (70 metres) tall, was switched on above Carrow on Monday.",
        "Standing 236 feet (72 metres) tall, the Mast was switched on above Carrow on Monday.",
    )
    conflicts = sorted(sorted(m.value for m in f.mentions) for f in facts if f.status == "conflict")
    assert conflicts == [[70, 72], [229, 236]]  # in feet, and in the metres of the conversions
    assert all(f.predicate == "height" for f in facts if f.status == "conflict")


def test_rival_tolls_told_in_two_leads_conflict_in_other_words() -> None:
    """One toll, two reports, few shared words: "killed four people" / "one person died"."""
    facts = _facts(
        "Floodwaters killed four people in Lowmoor on Sunday, officials said. Roads stayed shut.",
        "One person died when the river swept through the Lowmoor quay on Sunday. Rescuers kept searching.",
    )
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in facts] == [("conflict", [1, 4])]


def test_rival_tolls_after_a_page_address_a_headline_and_date_lines_are_still_in_the_leads() -> None:
    """A capture opens with its address, headline and date lines; the lead is its first sentences of prose."""
    facts = _facts(
        "https://news.example/world/quake-veldra\n\nQuake hits Veldra\n\nUpdated: 4 May 2026\n\nBy Ana Ruiz\n\n"
        "A strong earthquake shook the island of Veldra on Sunday, killing at least one person.",
        "https://other.example/story/8812\n\nVeldra earthquake\n\nSunday 3 May 2026 14:02\n\nPhotos: Reuters\n\n"
        "A powerful quake struck Veldra on Sunday; at least three people died, and dozens were hurt.",
    )
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in facts] == [("conflict", [1, 3])]


def test_two_distances_fallen_in_two_leads_are_two_falls_not_rival_reports() -> None:
    """A toll is revised as news comes in; a measure is not: 150 metres and 600 metres are two falls."""
    facts = _facts(
        "A climber from Orran died after falling about 150 metres on Mount Halden. Rescuers reached him at noon.",
        "A second climber was killed after he fell around 600 metres near the Halden hut, police said.",
    )
    assert sorted((f.status, f.value) for f in facts) == [("single", 150), ("single", 600)]


def test_a_bound_in_the_group_does_not_keep_a_rival_toll_out() -> None:
    """"killing four people" contradicts "killed one person", whatever "at least one" beside them allows."""
    facts = _facts(
        "A powerful quake struck the island of Veldra on Sunday, levelled buildings and killed one person.",
        "Two strong quakes hit Veldra on Sunday, flattening homes and killing at least one person.",
        "Powerful earthquakes rocked the capital of Veldra on Sunday, killing four people and injuring dozens.",
    )
    (conflict,) = [f for f in facts if f.status == "conflict"]
    assert sorted((m.value, m.takes_no_side) for m in conflict.mentions) == [(1, False), (1, True), (4, False)]


def test_opposite_moves_of_one_share_never_join() -> None:
    facts = _facts(
        "Velcoin rose 6% on Monday, traders in Orran said.",
        "Velcoin lost 6% on Monday, traders in Orran said.",
    )
    assert sorted(len(f.mentions) for f in facts if f.kind == "quantity") == [1, 1]


def test_one_holders_move_told_in_other_words_is_one_fact() -> None:
    """The shares of one named company moving the same way by the same share: one fact, though the two sentences
    share few other words; its profit moving by the same share is another fact."""
    facts = _facts(
        "Tessel Mining shares rose 7 percent on Thursday after the company found copper near Orran.",
        "The Tessel Mining stock climbed 7% in Thursday trading on news of a copper find.",
        "Tessel Mining's quarterly profit rose 7 percent, the company said in a filing.",
    )
    assert sorted((f.status, len(f.mentions)) for f in facts if f.value == 7) == [("agree", 2), ("single", 1)]


def test_a_sum_and_the_same_sum_a_year_are_two_facts() -> None:
    """A transfer fee and a yearly wage of the same size: a rate is no sum, whatever words they share."""
    facts = _facts(
        "Brenmoor United paid £2 million to sign the defender Luis Orto from Selby Cove.",
        "Orto has signed a contract at Brenmoor United reportedly worth £2 million a year.",
    )
    assert sorted(len(f.mentions) for f in facts) == [1, 1]


def test_the_hurt_and_the_unaccounted_for_are_two_facts() -> None:
    facts = _facts(
        "The storm that hit Carrow on Wednesday injured five people, mostly from falling branches.",
        "Five people are still unaccounted for after Wednesday's storm in Carrow, police said.",
    )
    assert sorted(len(f.mentions) for f in facts) == [1, 1]


def test_a_toll_of_a_similar_attack_does_not_contradict_the_storys() -> None:
    facts = _corroborated(
        ("A car bomb in Orran killed seven people at a bus station on Tuesday.", "2026-11-11T08:00:00"),
        ("Tuesday's bombing in Orran came three weeks after a similar attack killed 12 people at a checkpoint.",
         "2026-11-11T09:00:00"),
    )  # fmt: skip
    assert not [f for f in facts if f.status == "conflict"]


def test_two_reports_of_one_price_agree_and_two_prices_of_one_thing_never_conflict() -> None:
    """A sum reads as the price of the thing it changes hands for, in any verb or noun, so two outlets' prices agree;
    two different prices of one thing may be two sales (bought in March, sold now), so they make no conflict."""
    pay = "Marlow Shipping will pay $640 million for the Harwick ferry line, the two firms said on Monday."
    facts = _facts(pay, "Regulators must still approve the $640 million takeover of the Harwick ferry line.")
    assert [(f.status, f.about) for f in facts if f.value == 640_000_000] == [("agree", "Harwick ferry line price")]
    facts = _facts(
        "Carrow council bought the old mill for $400,000 in March.",
        "The council will sell the old mill for $650,000 to a developer, the mayor said on Monday.",
    )
    assert not [f for f in facts if f.status == "conflict"]


def test_figures_inside_a_printed_web_address_are_no_facts() -> None:
    facts = _facts(
        "https://example.com/news/2026-03-04-12-hurt-in-carrow-crash.htm A bus crashed in Carrow on Tuesday.",
        "https://example.org/2026/03/05/carrow-crash-15-hurt A bus crashed in Carrow on Tuesday.",
    )
    assert not [f for f in facts if f.kind == "quantity"]


def test_a_running_total_bears_out_only_another_running_total_and_is_background() -> None:
    event = "Rescuers said 31 hikers were rescued from the Carrow ridge after the avalanche on Sunday."
    total = "So far this year, 31 hikers have been rescued from the Carrow ridge, rescuers said on Sunday."
    assert all(f.status == "single" for f in _facts(event, total))
    assert [f.background for f in _facts(event, total)] == [False, True]
    other_total = "Rangers said on Sunday that 31 hikers had been rescued from the Carrow ridge so far this year."
    assert [(f.status, f.background) for f in _facts(total, other_total)] == [("agree", True)]


def test_a_total_over_several_occasions_is_a_running_total_but_one_nights_raids_are_not() -> None:
    event = "The cutter stopped 4 smuggling boats off Carrow on Sunday, the coastguard said."
    total = "In its five patrols so far, the cutter has stopped 31 smuggling boats, the coastguard said."
    other_total = "The port said the cutter had stopped a total of 31 smuggling boats during its five patrols."
    assert [(f.status, f.background) for f in _facts(total, other_total) if f.value == 31] == [("agree", True)]
    assert all(f.background for f in _facts(event, total) if f.value == 31)
    raids = "Police made 12 arrests in two raids in Carrow on Friday, officers said."
    other_raids = "The mayor said police made 12 arrests on Friday in two raids across Carrow."
    assert [(f.status, f.background) for f in _facts(raids, other_raids) if f.value == 12] == [("agree", False)]


def test_a_present_perfect_tally_of_this_year_is_a_running_total_and_a_period_in_another_clause_is_not() -> None:
    """"have stopped 31 boats this year" adds up the year's patrols; "this year" in a clause of its own, or a
    past tense, dates the story's own figure."""
    tally = "Coastguard crews have stopped 31 smuggling boats off Carrow this year, the port said on Sunday."
    other_tally = "This year, 31 smuggling boats have been stopped off Carrow, the coastguard said on Sunday."
    assert [(f.status, f.background) for f in _facts(tally, other_tally) if f.value == 31] == [("agree", True)]
    event = "Coastguard crews stopped 31 smuggling boats off Carrow on Sunday, the port said."
    own_clause = "Crews have stopped 31 smuggling boats off Carrow; a trial of the smugglers opens this year."
    assert [(f.status, f.background) for f in _facts(event, own_clause) if f.value == 31] == [("agree", False)]


def test_a_present_perfect_tally_since_a_year_is_a_running_total_but_since_a_day_is_the_storys_own() -> None:
    """"have displaced 40,000 people since the fighting began in 2019" adds up years of events; "since Monday"
    in a flood story is the story's own count so far."""
    event = "The floods in the Carrow valley displaced 40,000 people on Sunday, officials said."
    tally = "The fighting has displaced 40,000 people in the Carrow valley since it began in 2019, officials said."
    assert [(f.status, f.background) for f in _facts(event, tally) if f.value == 40_000] == [
        ("single", False), ("single", True)]  # fmt: skip
    opening = "Since 2019, aid groups say, 40,000 people have been driven from their homes across the valley."
    assert [(f.status, f.background) for f in _facts(tally, opening) if f.value == 40_000] == [("agree", True)]
    so_far = "Since Monday, the floods have displaced 40,000 people in the Carrow valley, officials said."
    assert [(f.status, f.background) for f in _facts(event, so_far) if f.value == 40_000] == [("agree", False)]


def test_a_developing_storys_count_so_far_is_its_own_claim() -> None:
    """A bare "so far" in a breaking story is the story's latest count, not a running total of many events."""
    facts = _facts(
        "Rescuers have so far recovered 31 bodies from the collapsed Carrow mine, officials said on Sunday.",
        "Officials said on Sunday that 31 bodies had been recovered from the collapsed Carrow mine.",
    )
    assert [(f.status, f.background) for f in facts] == [("agree", False)]


def test_a_stock_phrases_number_is_no_fact() -> None:
    facts = _facts(
        "In her first 100 days the Carrow mayor signed 40 orders, her office said.",
        "Forty executive orders bear the new Carrow mayor's name after her first 100 days in office.",
    )
    assert [(f.status, f.value) for f in facts] == [("agree", 40)]


def test_a_level_reached_never_bears_out_a_change_of_the_same_number() -> None:
    """"Fell below $500" says where a price got to, "a $500 drop" how far it moved: two measures."""
    level = "The Carrow token has fallen below $500 for the first time since March, traders said."
    change = "Traders said the selloff in the Carrow token was steep, with a $500 drop seen overnight."
    assert all(f.status == "single" for f in _facts(level, change) if f.kind == "quantity")
    same_level = "Analysts said the Carrow token slid below $500 on Tuesday, its lowest since March."
    assert [f.status for f in _facts(level, same_level) if f.kind == "quantity"] == ["agree"]


def test_figures_no_other_report_states_are_never_encoded() -> None:
    """One report's different figures never join, so the phrases saying what they count are not encoded
    (a few milliseconds each); a second report of the same figure is compared by meaning."""
    from crosswire.stories import claims

    _facts("Volunteers replanted 41 quince orchards near Halvik, and 17 beekeepers moved their hives uphill.")
    assert not {"quince orchards", "beekeepers"} & set(claims._vectors)
    facts = _facts(
        "Volunteers replanted 41 quince orchards near Halvik on Monday.",
        "Near Halvik, 41 quince groves were replanted by volunteers on Monday.",
    )
    assert {"quince orchards", "quince groves"} <= set(claims._vectors)
    assert [f.status for f in facts] == ["agree"]


def test_a_round_measure_bears_out_the_precise_one_it_rounds() -> None:
    """'230 feet' and '229 feet' for one mast are one height, printed at two precisions: no conflict."""
    facts = _corroborated(
        ("Carrow's new radio mast is 230 feet tall, the harbour board said.", "2026-11-09T08:00:00"),
        ("The harbour's new radio mast at Carrow is 229 feet tall, officials said.", "2026-11-09T09:00:00"),
    )
    heights = [f for f in facts if f.kind == "quantity"]
    assert [(f.status, f.value, len(f.mentions)) for f in heights] == [("agree", 229, 2)]  # the precise figure shown


def test_only_round_measures_of_two_digits_are_read_as_rounded() -> None:
    from crosswire.annotate.quantities import QuantityStage
    from crosswire.stories.compat import width
    from crosswire.stories.corroborate import asserted_reading

    def first_width(text: str) -> float:
        article = QuantityStage()(Article("x", "record", "test", text, annotations=Annotations()))
        assert article.annotations is not None
        return width(asserted_reading(min(article.annotations.quantities, key=lambda q: q.start)))

    assert first_width("The mast stands 230 feet tall.") > 0
    assert first_width("The ferry carried 230 people.") == 0  # a count may be exact
    assert first_width("The quake struck 10 km below Orran.") == 0  # one digit: half its value again
    assert first_width("The mast stands 229 feet tall.") == 0


def test_a_figure_without_a_claim_is_labelled_by_its_kind_not_by_words_around_it() -> None:
    """When the parse reads no claim, words picked from around the value ("orvel turned") read as a label but say
    nothing: the fact is named by its unit, or as a number, and its cited sentences say what it is.  A date is
    named by what happened on it when the parse reads that alone ("turned out")."""
    facts = _corroborated(
        ("Across Orvel, 40,000 turned out for the vote on Sunday.", "2026-11-09T08:00:00"),
        ("Officials in Orvel said 40,000 turned out to vote on Sunday.", "2026-11-09T09:00:00"),
    )
    assert sorted((f.kind, f.about) for f in facts if f.status == "agree") == [
        ("date", "date: turned out"),
        ("quantity", "number"),
    ]



def test_a_label_names_no_verb_that_says_nothing_of_what_happened() -> None:
    """"That's four times the safe level": the parse's predicate is the clitic "'s", a form of "be"; "been"
    after the counted thing would read as a label and say nothing."""
    facts = _corroborated(
        ("Nitrate in the Orvel brook was measured on Friday. That's nearly four times the safe level, the board said.",
         "2026-11-09T08:00:00"),
        ("The board tested the Orvel brook on Friday. That's nearly four times the safe level for drinking water.",
         "2026-11-09T09:00:00"),
    )
    assert [f.about for f in facts if f.kind == "quantity"] == ["safe level"]


def test_a_figure_fitting_both_sides_of_a_conflict_takes_no_side() -> None:
    """27 and 25 hurt are a discrepancy; "more than two dozen" bears out both and contradicts neither."""
    facts = _corroborated(
        ("Officials in Carrow said 27 people were injured when the pier gave way on Sunday.", "2026-11-09T08:00:00"),
        ("Medics in Carrow said 25 people were injured when the pier gave way on Sunday.", "2026-11-09T08:30:00"),
        ("More than two dozen people were injured when the Carrow pier gave way on Sunday.", "2026-11-09T09:00:00"),
    )
    (conflict,) = [f for f in facts if f.status == "conflict"]
    sides = sorted((m.value, m.takes_no_side) for m in conflict.mentions)
    assert sides == [(24, True), (25, False), (27, False)]


def test_a_figure_written_to_a_coarser_step_is_the_finer_one_rounded() -> None:
    """"subscribed 64 times" and "64.3 times" are one figure, rounded; "64 times" and "64.8 times" are two, and so
    are 230 and 229 people, written to one step."""
    facts = _corroborated(
        ("The Orvel bond sale was subscribed 64 times, the exchange said on Monday.", "2026-11-09T08:00:00"),
        ("Brokers in Orvel said the bond sale was subscribed 64.3 times by Monday.", "2026-11-09T09:00:00"),
    )
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in facts if f.kind == "quantity"] == [
        ("agree", [64, 64.3])
    ]
    apart = _corroborated(
        ("The Orvel bond sale was subscribed 64 times, the exchange said on Monday.", "2026-11-09T08:00:00"),
        ("Brokers in Orvel said the bond sale was subscribed 64.8 times by Monday.", "2026-11-09T09:00:00"),
    )
    assert not [f for f in apart if f.kind == "quantity" and f.status == "agree"]


def test_one_distance_in_two_units_agrees_and_two_heights_in_two_units_conflict() -> None:
    """Outlets of two countries give one measure in their own units: compared in the kind's base unit, with the
    rounding a conversion brings, "40 km" bears out "about 25 miles"; "86 metres" and "370 feet" are two heights."""
    facts = _facts(
        "The landslide buried the valley road 40 km north of Tessaly, the regional council said on Monday.",
        "Crews were still clearing mud on Tuesday from the highway about 25 miles north of Tessaly.",
    )
    (distance,) = [f for f in facts if f.status == "agree"]
    assert sorted(m.value for m in distance.mentions) == [25, 40]
    assert [m.unit for m in sorted(distance.mentions, key=lambda m: m.value)] == ["mi", "km"]
    # The fact has no one unit, so the brief shows each figure in its own, and the label names neither unit:
    # it names the place the distance is measured from
    assert sorted(shown_value(distance, m) for m in distance.mentions) == ["40 kilometres", "about 25 miles"]
    assert distance.about == "distance north of Tessaly"
    (depth,) = _facts(
        "The quake struck at a depth of 10 kilometres under Orran, the observatory said on Sunday.",
        "Seismologists in Tessaly put the depth of Sunday's tremor under Orran at six miles.",
    )
    assert (depth.status, depth.about) == ("agree", "depth")
    facts = _facts(
        "The Orran bridge, closed since Monday for repairs, is 86 metres high, engineers said.",
        "The Orran bridge, which is 370 feet high, has been closed since Monday for repairs, engineers said.",
    )
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in facts] == [("conflict", [86, 370])]


def test_a_measure_converted_in_brackets_says_what_the_figure_before_it_says() -> None:
    """ "nearly 9,000 pounds (4,080 kilograms)": the bracket restates the figure before it, "nearly" too, so the
    kilograms are an upper bound, and no agreement with another bound at another number ("up to 4,300
    kilograms", what the quay's other crane can lift), as a plain 4,080 would be."""
    facts = _facts(
        "The new crane lifted nearly 9,000 pounds (4,080 kilograms) onto the Carrow quay on Tuesday.",
        "The older crane on the Carrow quay can lift up to 4,300 kilograms, the port said.",
    )
    kilograms = [m for f in facts for m in f.mentions if m.unit == "kg"]
    assert sorted((m.qualifier, m.value) for m in kilograms) == [("nearly", 4080), ("up to", 4300)]
    assert all(f.status == "single" for f in facts)


def _distances(facts: tuple[Fact, ...]) -> list[tuple[float | str, str]]:
    return sorted((m.value, f.status) for f in facts if f.kind == "quantity" for m in f.mentions)


def test_two_distances_in_one_bearing_from_one_place_in_the_leads_are_rival_placements() -> None:
    rival = _corroborated(
        ("A strong quake struck 15 km west of Halbeck before dawn, the observatory said.", "2026-11-09T07:00:00"),
        ("The earthquake was centred about 35 kilometres west of Halbeck, seismologists said.", "2026-11-09T08:00:00"),
    )
    assert _distances(rival) == [(15.0, "conflict"), (35.0, "conflict")]
    # Another bearing may place another thing, or round the bearing as well as the distance: no dispute.
    apart = _corroborated(
        ("A strong quake struck 15 km west of Halbeck before dawn, the observatory said.", "2026-11-09T07:00:00"),
        ("The earthquake was centred about 35 km southwest of Halbeck, seismologists said.", "2026-11-09T08:00:00"),
    )
    assert _distances(apart) == [(15.0, "single"), (35.0, "single")]


def test_a_distance_places_a_thing_whatever_the_verb_and_whatever_the_thing_is_called() -> None:
    """The parse hangs a distance on the word that places something ("off", "north", "away"): the figure says where
    the ferry or the quake was, not what the verb did to the miles ("nautical miles sank"); two reports calling
    the thing placed there by two names ("temblor", "epicentre") still tell one distance from one place."""
    facts = _facts(
        "The temblor was centred about 20 miles north of Carrow, seismologists said on Sunday.",
        "The epicentre was 20 miles north of Carrow, according to the observatory in Tessaly.",
    )
    (distance,) = [f for f in facts if f.kind == "quantity"]
    assert (distance.status, len(distance.mentions)) == ("agree", 2)
    assert distance.about == "distance north of Carrow"
    (warship,) = [f for f in _facts(
        "The warship, some 9 nautical miles away, changed course towards the tanker on Friday.",
        "A patrol helicopter was launched from the warship, then 9 nautical miles away from the tanker.",
    ) if f.kind == "quantity"]  # fmt: skip
    assert (warship.status, warship.about) == ("agree", "warship distance")


def test_a_distance_from_a_named_place_is_labelled_by_the_place_even_across_a_conversion() -> None:
    """"kilometres struck" says neither what was measured nor from where; a conversion in brackets between the
    figure and the place ("75 kilometres (47 miles) west of Tessaly") still places it."""
    facts = _corroborated(
        ("A strong quake struck 75 kilometres (47 miles) west of the port city of Tessaly before dawn.",
         "2026-11-09T07:00:00"),
        ("The earthquake hit some 75 km west of Tessaly on Sunday morning, seismologists said.",
         "2026-11-09T08:00:00"),
        ("Fishermen felt the tremor about 20 km from Tessaly harbour on Sunday.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert sorted((f.about, f.status) for f in facts if f.kind == "quantity" and f.value in (75, 20)) == [
        ("distance from Tessaly", "single"), ("distance west of Tessaly", "agree")
    ]


def test_a_distance_off_a_named_place_is_labelled_by_the_place_and_off_places_no_other_figure() -> None:
    """At sea a distance is told "off" a place ("12 nautical miles off Port Selwyn", "off the coast of Velm"):
    labelled by the place, not "nautical miles sunk".  "Off" after a time or a sum places nothing ("took 20
    minutes off the drive")."""
    facts = _facts(
        "The ferry sank about 12 nautical miles off Port Selwyn early on Friday, the coastguard said.",
        "Divers reached the wreck of the ferry 12 nautical miles off the coast of Port Selwyn on Friday.",
    )
    assert [(f.status, f.about) for f in facts] == [("agree", "distance from Port Selwyn")]
    # what a time is "off" is no place it is measured from, which would tell the two reports' times apart
    facts = _facts(
        "The new bridge takes 20 minutes off the drive from Carrow to Dunmore, the council said on Monday.",
        "Once the bridge opens on Monday, drivers between Carrow and Dunmore will cut 20 minutes off the trip.",
    )
    assert [(f.status, len(f.mentions)) for f in facts] == [("agree", 2)]

def test_a_distance_from_one_place_told_below_the_lead_places_something_else() -> None:
    lead = "A strong quake shook Halbeck before dawn on Monday. Walls cracked in the old town. Nobody was hurt."
    facts = _corroborated(
        (f"{lead} The village of Senn, 9 miles east of the dam, lost power.", "2026-11-09T07:00:00"),
        (f"{lead} The last quake of this size struck 4 miles east of the dam in March.", "2026-11-09T08:00:00"),
    )
    assert _distances(facts) == [(4.0, "single"), (9.0, "single")]


def test_an_age_in_months_agrees_however_it_is_written() -> None:
    facts = _corroborated(
        ("Rescuers in Halbeck carried a 20-month-old boy out of the collapsed house on Sunday.", "2026-11-09T08:00:00"),
        ("The boy pulled from the rubble in Halbeck on Sunday was about 20 months old, a neighbour said.",
         "2026-11-09T09:00:00"),
    )
    assert [(f.about, f.status, len(f.mentions)) for f in facts if f.kind == "quantity"] == [("boy age", "agree", 2)]


def test_the_children_of_a_mother_of_two_are_no_toll() -> None:
    facts = _corroborated(
        ("A mother of two died when a van struck her in Halbeck on Sunday, police said.", "2026-11-09T08:00:00"),
        ("The Halbeck mother of 2 died after a van hit her at a crossing on Sunday.", "2026-11-09T09:00:00"),
    )
    # Her two children, told by each report; not a toll of two that the reports agree on
    counts = [(f.about, m.text) for f in facts if f.kind == "quantity" for m in f.mentions]
    assert sorted(counts) == [("children", "2"), ("children", "two")]
    # A number that counts the ones it is "of" stays what it counts: "a group of 20 hikers was rescued".
    group = _corroborated(("A group of 20 hikers was rescued from the ridge above Halbeck.", "2026-11-09T08:00:00"))
    assert [(f.about.split()[:2], m.value) for f in group if f.kind == "quantity" for m in f.mentions] == [
        (["hikers", "rescued"], 20)
    ]


def test_a_measure_of_someone_named_in_one_report_is_labelled_by_the_name() -> None:
    """ "Ivo Brandt, 61" and "the 61-year-old man" in two other reports: whose age it is, by name, is the label,
    though more reports write "man"."""
    facts = _facts(
        "Police say Ivo Brandt, 61, opened fire at the Carrow depot on Friday, killing one worker.",
        "A 61-year-old man opened fire at the Carrow depot on Friday, killing a worker, police said.",
        "Witnesses said the 61-year-old man fired at least six shots inside the Carrow depot on Friday.",
    )
    (age,) = [f for f in facts if f.value == 61]
    assert (age.about, len(age.mentions)) == ("Ivo Brandt age", 3)


def test_a_number_a_tokeniser_split_is_written_to_its_last_digit() -> None:
    """ "4, 051 yards" in a tokenised text is written to the yard, as "4,051" is: it does not bear out 4,183 as a
    figure rounded to the thousands would."""
    facts = _facts(
        "Ana Ruiz ’ s rookie season ended with 4, 051 yards, the league said on Monday.",
        "Ana Ruiz ’ s rookie season ended with 4, 183 yards, her club said on Monday.",
    )
    assert {m.value for f in facts for m in f.mentions} >= {4051, 4183}
    # one claim told with two figures is a dispute, never one figure (nor one origin: the sentences differ in it)
    assert [f.status for f in facts if {m.value for m in f.mentions} == {4051, 4183}] in ([], ["conflict"])


def test_one_report_calling_one_thing_by_two_words_keeps_one_fact() -> None:
    """ "The quake" and "the earthquake" of one report, each of magnitude 5.9, are one thing (its two heads mean
    the same), not two that report names: with another outlet's figure, one fact."""
    facts = _facts(
        "A magnitude 5.9 quake shook the port of Velm on Sunday, seismologists said. Power failed across Velm as "
        "the magnitude 5.9 earthquake shook the port on Sunday.",
        "The magnitude 5.9 earthquake shook the port of Velm on Sunday morning, officials said.",
    )
    assert [(f.status, len(f.mentions)) for f in facts if f.value == 5.9] == [("agree", 3)]


_QUAKE_LEAD = (
    "The magnitude 6.4 quake that struck the Orran coast before dawn toppled the old lighthouse, the coastguard said."
)


def test_the_same_measure_of_the_story_s_thing_in_two_leads_agrees_in_other_words() -> None:
    """Each report leads with the quake's magnitude in its own words: one fact, though the sentences share no
    other word.  An aftershock brought in with "a" is another thing."""
    facts = _corroborated(
        (_QUAKE_LEAD, "2026-11-09T08:00:00"),
        ("Fishermen at Halvik said the 6.4 magnitude earthquake rocked their boats. A magnitude 4.9 aftershock "
         "followed at noon.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    magnitudes = [(f.status, f.value, len(f.mentions)) for f in facts if f.kind == "quantity"]
    assert sorted(magnitudes) == [("agree", 6.4, 2), ("single", 4.9, 1)]


def test_two_magnitudes_of_the_story_s_quake_in_two_leads_conflict() -> None:
    facts = _corroborated(
        (_QUAKE_LEAD, "2026-11-09T08:00:00"),
        ("Fishermen at Halvik said the 6.6 magnitude earthquake rocked their boats.", "2026-11-09T09:00:00"),
    )
    magnitudes = [f for f in facts if f.kind == "quantity"]
    assert [(f.status, sorted(m.value for m in f.mentions)) for f in magnitudes] == [("conflict", [6.4, 6.6])]


def test_two_ages_in_two_leads_given_of_things_named_apart_do_not_conflict() -> None:
    """"His daughter" and "the girl" may be two people: an age needs one head noun or one name to rival another."""
    facts = _corroborated(
        ("Ivo Brandt and his 16-year-old daughter were pulled from the Orran river on Sunday, police said.",
         "2026-11-09T08:00:00"),
        ("A fisherman pulled the 15-year-old girl from the Orran river on Sunday, police said.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert not [f for f in facts if f.status == "conflict"]


def test_two_outlets_writing_one_final_score_agree_on_each_side_of_it() -> None:
    facts = _corroborated(
        ("The Harbour Owls clinched a home playoff game with a 34-6 win over the Kelso Falcons on Monday.",
         "2026-11-09T08:00:00"),
        ("Kelso never threatened as the Harbour Owls cruised to a 34–6 victory behind three touchdowns from Ana "
         "Ruiz.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    scores = sorted((f.about, f.status, f.value, len(f.mentions)) for f in facts if f.about.endswith("score"))
    assert scores == [("losing score", "agree", 6, 2), ("winning score", "agree", 34, 2)]


def test_two_scores_in_one_story_never_conflict() -> None:
    """One story may tell two games (a replay, last season's meeting): scores agree only when the same pair is
    written, and never contradict each other."""
    facts = _corroborated(
        ("The Harbour Owls beat Kelso 3-1 in the cup replay on Monday.", "2026-11-09T08:00:00"),
        ("The Harbour Owls beat Kelso 2-1 in the first match a week ago, before Monday's replay.",
         "2026-11-09T09:00:00"),
    )  # fmt: skip
    scores = [f for f in facts if f.about.endswith("score")]
    assert len(scores) == 4 and {f.status for f in scores} == {"single"}


def test_one_record_written_for_two_sides_is_two_facts() -> None:
    facts = _corroborated(
        ("The Harbour Owls (2-13) lost again at Kelso on Sunday.", "2026-11-09T08:00:00"),
        ("The Owls hold the first pick over the Lindmoor Falcons (2-13) after Sunday's loss at Kelso.",
         "2026-11-09T09:00:00"),
    )  # fmt: skip
    wins = sorted((f.about, f.status) for f in facts if f.about.endswith(" wins"))
    assert wins == [("Harbour Owls wins", "single"), ("Lindmoor Falcons wins", "single")]


def test_a_bound_bears_out_an_exact_count_of_the_same_kind_of_thing_in_other_words() -> None:
    """"More than 200 passengers" and "226 passengers": the bound says the count in fewer words, though the two
    sentences share nothing else."""
    facts = _corroborated(
        ("Stranded aboard the Orran Air jet, more than 200 passengers waited for hours at the gate.",
         "2026-11-09T08:00:00"),
        ("Flight 22 was carrying 226 passengers when it returned to Carrow, the airline said.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    counts = [(f.status, f.value, sorted(m.text for m in f.mentions)) for f in facts if f.kind == "quantity"]
    assert counts == [("agree", 226, ["200 passengers", "226 passengers"])]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Two bounds: neither says the other's count.
        ("The council has received nearly 3,000 letters since the plan was published in May.",
         "More than 2,000 of the letters opposed the harbour plan, officials said."),
        # "People" may be any group: a bound and a count of them in unrelated sentences are two groups.
        ("More than 20 people were hurt when the Carrow footbridge gave way.",
         "Rescuers said 23 people had been taken to the Orran hospital by nightfall."),
    ],
)  # fmt: skip
def test_a_bound_bears_out_no_other_bound_nor_a_count_of_people(first: str, second: str) -> None:
    facts = _corroborated((first, "2026-11-09T08:00:00"), (second, "2026-11-09T09:00:00"))
    assert {f.status for f in facts if f.kind == "quantity"} == {"single"}


def test_boats_seized_are_not_boats_rescued() -> None:
    """A seizure is a kind of event of its own (``event_classes``): forty boats seized and forty boats rescued are
    two facts, however many other words the two sentences share."""
    facts = _corroborated(
        ("The coastguard seized 40 fishing boats off Carrow on Monday, officials said.", "2026-11-09T08:00:00"),
        ("After Monday's storm, 40 fishing boats were rescued by the coastguard near Carrow.", "2026-11-09T09:00:00"),
    )
    boats = sorted((f.status, f.about) for f in facts if f.kind == "quantity")
    assert boats == [("single", "fishing boats rescued"), ("single", "fishing boats seized")]


def test_an_age_told_in_a_clause_of_another_time_is_no_age_of_the_story() -> None:
    # "when she was just 14" is her age back then: two outlets printing it bear out no age the story reports, and it
    # must not join the 14-year-old victim's age.
    first = "The court heard from the 14-year-old victim. The pastor's sister was married when she was just 14."
    second = "A 14-year-old girl testified on Monday. His sister was sent to the farm when she was only 14, she said."
    facts = _corroborated((first, "2026-11-09T08:00:00"), (second, "2026-11-09T09:00:00"))
    back_then = {("a0", first.rindex("14")), ("a1", second.rindex("14"))}
    for fact in facts:
        held = {(m.article, m.start) for m in fact.mentions}
        assert fact.background or not held & back_then, fact
    assert any(fact.background and {(m.article, m.start) for m in fact.mentions} & back_then for fact in facts)


def test_a_record_told_as_beaten_is_no_figure_of_the_story() -> None:
    # The old record is another time's figure, however many outlets print it; the new mark is the story's.
    facts = _corroborated(
        ("Ana Ruiz scored her 33rd goal on Saturday and broke the club record of 31 goals in a season.",
         "2026-11-09T08:00:00"),
        ("With 33 goals, Ana Ruiz has surpassed the club's old record of 31 goals set in 1998.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert _background_of(facts, 31) == [True]


def test_the_years_a_state_has_lasted_are_history_not_a_claim_of_the_story() -> None:
    # "inspectors have checked the dams for 40 years" tells the history behind the story; "jailed for 12 years"
    # and "held for 40 days" are what happened in it.
    facts = _corroborated(
        ("The board scrapped dam inspections on Monday that inspectors have carried out for 40 years. The engineer "
         "who hid the cracks was jailed for 12 years.", "2026-11-09T08:00:00"),
        ("Inspections that engineers had performed for 40 years were scrapped. The engineer was jailed for 12 years "
         "after being held for 40 days.", "2026-11-09T09:00:00"),
    )  # fmt: skip
    assert [f.background for f in facts if f.value == 40 and f.unit == "year"] == [True]
    assert [f.status for f in facts if f.value == 12 and not f.background] == ["agree"]


@pytest.mark.parametrize(
    "sentence",
    ["When she was just 14, the pastor's sister was married.", "The pastor's sister was married when she was 14."],
)
def test_an_age_back_then_is_read_wherever_its_clause_stands(sentence: str) -> None:
    assert figure_of_another_time(sentence, sentence.index("14"), None)


def test_counts_at_two_ends_of_a_series_are_different_things() -> None:
    """"the first two games" and "the final two games" count different games: neither an agreement nor, with
    other values, a conflict; the same end of the series in other words ("last" / "final") still agrees."""
    facts = _facts(
        "The Harriers won the final two games in Dunmore on Sunday.",
        "Brandt's side won the first two games before losing three away from home.",
    )
    assert [(f.status, f.value) for f in facts if f.value == 2] == [("single", 2), ("single", 2)]
    facts = _facts(
        "The Harriers won the final three games in Dunmore on Sunday.",
        "Brandt's side won the first two games before losing three away from home.",
    )
    assert all(f.status != "conflict" for f in facts)
    facts = _facts(
        "The Harriers won the final two games in Dunmore on Sunday.",
        "Brandt's side won the last two games, both away from home.",
    )
    assert [(f.status, f.value) for f in facts if f.value == 2] == [("agree", 2)]


def test_a_figure_of_coordinated_verbs_agrees_with_either_happening() -> None:
    """"Police arrested and charged three men" tells both happenings of the three men: a report of the arrest of
    three men bears it out; "killed three and injured 11" keeps its two happenings apart."""
    facts = _facts(
        "Police arrested and charged three men over the Kelso warehouse fire on Sunday.",
        "Three men were arrested on Sunday after a fire gutted a warehouse in Kelso, officers said.",
    )
    assert [(f.status, f.value) for f in facts] == [("agree", 3)]
    facts = _facts(
        "The Kelso warehouse fire killed three workers and injured two others on Sunday.",
        "Two workers were killed when fire swept through a Kelso warehouse on Sunday.",
    )
    assert all(f.status != "agree" for f in facts if f.value == 2)


def test_steps_of_a_trial_are_different_happenings() -> None:
    """Arrested, charged, convicted, acquitted, sentenced: steps of one case, each a happening of its own, so the
    same number of people at two steps is no agreement; "found guilty" and "convicted" are one step."""
    facts = _facts(
        "Three Kelso dock workers were arrested over the warehouse fire on Monday.",
        "A jury in Dunmore convicted three dock workers of starting the warehouse fire.",
    )
    assert all(f.status != "agree" for f in facts if f.value == 3)
    facts = _facts(
        "A jury in Dunmore convicted three dock workers of starting the warehouse fire.",
        "Three Kelso dock workers were found guilty of arson at the court in Dunmore on Friday.",
    )
    assert [(f.status, f.value) for f in facts if f.value == 3] == [("agree", 3)]
