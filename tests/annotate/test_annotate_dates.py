"""Date scanner and resolution against the publication date."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.annotate.dates import DateStage, find_dates, opening_date
from crosswire.model import Article


def resolved(text: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(mention.text, mention.date) for mention in find_dates(text, published)]


@pytest.mark.parametrize(
    "expression", ["November 12, 2026", "12 Nov 2026", "2026-11-12", "Nov. 12, 2026", "12th of November 2026"]
)
def test_absolute_dates(expression: str) -> None:
    assert resolved(f"The council met on {expression} to vote.", None) == [(expression, "2026-11-12")]


def test_day_and_month_take_the_publication_year() -> None:
    assert resolved("The dam failed on May 16.", "2026-06-03") == [("May 16", "2026-05-16")]


def test_day_and_month_across_the_year_end() -> None:
    assert resolved("Talks began on December 30.", "2027-01-04")[0][1] == "2026-12-30"
    assert resolved("The ferry resumes on January 3.", "2026-12-28")[0][1] == "2027-01-03"


def test_weekday_is_the_most_recent_one_on_or_before_publication() -> None:
    # 2026-03-03 is a Tuesday.
    assert resolved("The fire started on Sunday.", "2026-03-03") == [("on Sunday", "2026-03-01")]
    assert resolved("Shoppers queued at the bakery on Tuesday.", "2026-03-03")[0][1] == "2026-03-03"
    assert resolved("The plant closed last Tuesday.", "2026-03-03")[0][1] == "2026-02-24"


def test_weekday_across_month_and_year_ends() -> None:
    # 2026-01-01 is a Thursday: "Monday" is in the previous year.
    assert resolved("Crews worked through Monday.", "2026-01-01")[0][1] == "2025-12-29"


def test_future_weekday() -> None:
    assert resolved("The minister will visit on Friday.", "2026-03-03")[0][1] == "2026-03-06"
    assert resolved("Results are due next Monday.", "2026-03-03")[0][1] == "2026-03-09"


@pytest.mark.parametrize(
    "sentence",
    [
        "A memorial service is planned for Friday.",
        "The final is set for Friday in the new stadium.",
        "A public meeting is to be held on Friday evening.",
        "The festival opens Friday with a drone show over the river.",
    ],
)
def test_future_phrasings_point_a_weekday_ahead(sentence: str) -> None:
    # 2026-03-03 is a Tuesday: the coming Friday is 2026-03-06.
    assert resolved(sentence, "2026-03-03")[0][1] == "2026-03-06"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 2026-03-03 is a Tuesday: the coming Friday is 2026-03-06, the last one 2026-02-27.
        ("The harbour board said it would inspect the pier on Friday.", "2026-03-06"),
        ("Season-ticket holders can collect refunds at the box office from 9 a.m. on Friday.", "2026-03-06"),
        ("The ban was expected to be lifted on Friday morning.", "2026-03-06"),
        # The verb the weekday hangs on is past: the promise elsewhere in the sentence does not move it.
        ("Tenants will get a rebate under a deal signed on Friday night.", "2026-02-27"),
        ("The ferry, which sank on Friday, will be raised next month.", "2026-02-27"),
        # A participle after "be" or "remain" is no past tense.
        ("The inquest will be opened on Friday.", "2026-03-06"),
        ("The tunnel is expected to remain closed on Friday.", "2026-03-06"),
        # A capitalised "On" after a full stop opens a sentence of its own, told in the past.
        ("The board said it would look again. On Friday, the mill shut its gates.", "2026-02-27"),
    ],
)
def test_a_weekday_takes_the_tense_of_the_verb_it_hangs_on(sentence: str, expected: str) -> None:
    """"would inspect on Friday" is the next Friday (issue 12); "a deal signed on Friday" the last one; the stop of
    "a.m." does not end the sentence and hide its "can"."""
    assert [date for text, date in resolved(sentence, "2026-03-03") if "Friday" in text] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 2026-03-03 is a Tuesday.  Nothing before the weekday tells the time, a future after it does.
        ("On Friday, the council will vote on the harbour budget.", "2026-03-06"),
        ("When the ferry sails on Friday, it will carry the first passengers since the storm.", "2026-03-06"),
        ("Friday's vote will decide who runs the port.", "2026-03-06"),
        ("As early as Friday, inspectors can return to the pier.", "2026-03-06"),
        # A past tense anywhere in the sentence puts the future at another time than the weekday's.
        ("On Friday, the mayor said the bridge will reopen in May.", "2026-02-27"),
        ("On Friday, shares fell sharply and analysts expect they will recover.", "2026-02-27"),
        ("After the storm passed through the valley on Friday, crews will survey the damage.", "2026-02-27"),
        ("Friday's crash, which investigators will study for months, closed the road.", "2026-02-27"),
        # Someone's words after the weekday, and the next sentence, are not the weekday's narration.
        ('On Friday, the mayor promised: "We will reopen the bridge."', "2026-02-27"),
        ("The council met on Friday. It will vote again in May.", "2026-02-27"),
    ],
)
def test_a_future_after_the_weekday_points_it_ahead(sentence: str, expected: str) -> None:
    """"When the rocket launches on Tuesday, it will ..." is the coming Tuesday, but only in a sentence that tells
    nothing in the past tense."""
    assert [date for text, date in resolved(sentence, "2026-03-03") if "Friday" in text] == [expected]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # Named as still to come: the next such day, whatever the sentence's tense is not.
        ("Crowds are gathering ahead of Friday's planned vote.", "2026-03-03", "2026-03-06"),
        ("Friday afternoon's scheduled ferry crossing is fully booked.", "2026-03-03", "2026-03-06"),
        # Told in the past, the plan may have been for a day gone by: the nearer such day.
        ("Friday's planned vote was put off for a month.", "2026-03-03", "2026-03-06"),
        ("Friday's planned vote was put off for a month.", "2026-03-09", "2026-03-06"),
        # A possessive without such a word dates what happened.
        ("Friday's vote was close.", "2026-03-03", "2026-02-27"),
    ],
)
def test_a_weekday_naming_a_planned_event_points_ahead(sentence: str, published: str, expected: str) -> None:
    assert [date for text, date in resolved(sentence, published) if "Friday" in text] == [expected]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # An expectation told in the past tense: the nearer Friday, whichever side of publication it falls.
        ("The ferry was due to sail on Friday, but the crossing was called off.", "2026-03-07", "2026-03-06"),
        ("The ferry was due to sail on Friday after repairs.", "2026-03-05", "2026-03-06"),
        ("The road was expected to reopen on Friday.", "2026-03-03", "2026-03-06"),
        # A negated modal before a deadline: the nearer Friday too ("could not go back before Friday").
        ("Residents could not go back to the quay before Friday.", "2026-03-05", "2026-03-06"),
        ("Divers could not reach the hull before Friday.", "2026-03-07", "2026-03-06"),
        # ... unless the sentence looks ahead: "won't reopen before Friday" is the coming one.
        ("The quay won't reopen before Friday.", "2026-03-03", "2026-03-06"),
    ],
)
def test_an_expectation_told_in_the_past_takes_the_nearer_weekday(sentence: str, published: str, expected: str) -> None:
    assert [date for text, date in resolved(sentence, published) if "Friday" in text] == [expected]


@pytest.mark.parametrize(
    "sentence", ["The show will return every Saturday in December.", "The fish market opens on Saturdays.",
                 "Volunteers sweep the quay each Saturday morning."],
)  # fmt: skip
def test_a_weekday_that_recurs_dates_nothing(sentence: str) -> None:
    assert [date for _, date in resolved(sentence, "2026-03-03")] == [None]


def test_future_words_inside_a_quotation_are_the_speakers_not_the_narrations() -> None:
    # Published on a Wednesday.
    text = '"This town will not forget it," the mayor said late Tuesday night.'
    assert [m.date for m in find_dates(text, "2026-11-04")] == ["2026-11-03"]
    quoted = '"We will meet the engineers on Friday," she said.'
    assert [m.date for m in find_dates(quoted, "2026-11-04")] == ["2026-11-06"]
    reported = "The council will need answers, the mayor told reporters on Monday."
    assert [m.date for m in find_dates(reported, "2026-11-04")] == ["2026-11-02"]


def test_future_weekday_across_the_year_end() -> None:
    # 2026-12-30 is a Wednesday: "next Monday" is in the new year.
    assert resolved("Schools reopen next Monday.", "2026-12-30")[0][1] == "2027-01-04"


def test_a_holiday_on_a_fixed_day_names_that_day_in_the_nearest_year() -> None:
    """"on Christmas Day" in a report of 28 December is that year's; "New Year’s Eve" (curly apostrophe) in a
    report of 2 January is the year before's; a holiday inside a name still dates the day it names."""
    assert resolved("Snow fell on Christmas Day.", "2026-12-28") == [("Christmas Day", "2026-12-25")]
    assert resolved("Fireworks lit the harbour on New Year’s Eve.", "2027-01-02") == [("New Year’s Eve", "2026-12-31")]
    assert resolved("The firm's Christmas Day appeal raised money.", "2026-12-20") == [("Christmas Day", "2026-12-25")]
    assert resolved("Snow fell on Christmas Day.", None) == [("Christmas Day", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fair runs from March 3 to 9.", [("March 3", "2026-03-03"), ("9", "2026-03-09")]),
        ("Launch is planned between Feb 8 and 25, weather allowing.", [("Feb 8", "2026-02-08"), ("25", "2026-02-25")]),
        ("The window moved to Feb 7-14 on Saturday.", [("Feb 7", "2026-02-07"), ("14", "2026-02-14"),
                                                        ("on Saturday", "2026-01-31")]),
        ("The festival fills the old town 7-14 March each year.", [("7", "2026-03-07"), ("14 March", "2026-03-14")]),
        # a count, a percentage, "and" without "between", a day before the first: no range
        ("On Feb 8 and 25 people died.", [("Feb 8", "2026-02-08")]),
        ("Between Feb 8 and 25 percent of the fleet stayed in port.", [("Feb 8", "2026-02-08")]),
        ("The Kestrels won on Feb 17-4 in the final.", [("Feb 17", "2026-02-17")]),
    ],
)
def test_a_range_written_with_one_month_gives_both_days(text: str, expected: list[tuple[str, str]]) -> None:
    assert resolved(text, "2026-02-06") == expected


def test_next_weekday_written_on_that_weekday_is_a_week_on() -> None:
    # 2026-03-08 is a Sunday.
    assert resolved("The Herons visit next Sunday.", "2026-03-08") == [("next Sunday", "2026-03-15")]
    assert resolved("The Herons visit next Sunday.", "2026-03-06") == [("next Sunday", "2026-03-08")]


def test_a_name_holding_a_weekday_dates_nothing() -> None:
    assert resolved("The fix ships with the next Patch Tuesday updates.", "2026-03-04") == [("Patch Tuesday", None)]
    assert resolved("The ferry does not run on Good Friday.", "2026-03-04") == [("Good Friday", None)]


def test_a_weekday_written_with_its_date_is_one_mention_of_that_date() -> None:
    text = "Mill fire closes harbour road Saturday, November 7, 2026 The mill burned overnight."
    assert resolved(text, "2026-11-09") == [("Saturday, November 7, 2026", "2026-11-07")]
    assert resolved("It happened on Saturday, Nov. 7.", "2026-11-09") == [("on Saturday, Nov. 7", "2026-11-07")]


def test_relative_days_and_vague_periods() -> None:
    found = dict(resolved("Yesterday the river rose; today it fell. Prices climbed last week.", "2026-03-01"))
    assert found["Yesterday"] == "2026-02-28"
    assert found["today"] == "2026-03-01"
    assert found["last week"] is None


def test_without_publication_date_relative_dates_are_unknown() -> None:
    assert resolved("It rained on Tuesday and again on May 16.", None) == [("on Tuesday", None), ("May 16", None)]


def test_month_and_modal_verb_are_told_apart() -> None:
    assert resolved("Officials may 5 times revise the plan.", "2026-03-03") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mill fire closes harbour road\nPublished: Tuesday, Nov. 3, 2026 12:10 p.m.\nThe mill burned on Monday.",
         "2026-11-03"),
        ("Mill fire closes harbour road November 3, 2026 9:40 am The mill burned on Monday.", "2026-11-03"),
        ("Mill fire closes harbour road\nNovember 3, 2026\nThe mill burned on Monday.", "2026-11-03"),
        # a page's date label with its clock time between label and day, as the stories layer reads stamps
        ("Mill fire closes harbour road UPDATED: 09:15 GMT, 3 November 2026 The mill burned on Monday.",
         "2026-11-03"),
        # a date inside the first sentence may be another event's: no date line
        ("On March 11, 2005, a gunman killed four people; he was sentenced on Monday.", None),
        ("The mill burned on Monday, the fire service said.", None),
    ],
)
def test_an_undated_text_is_read_against_its_own_date_line(text: str, expected: str | None) -> None:
    assert opening_date(text) == expected


def test_the_stage_reads_an_undated_text_against_its_date_line() -> None:
    text = "Mill fire closes harbour road\nPublished: Tuesday, Nov. 3, 2026 12:10 p.m.\nThe mill burned on Monday."
    article = DateStage()(Article("a", "record", "a.jsonl", text, published=None))
    assert article.annotations is not None
    mondays = [(d.text, d.date) for d in article.annotations.dates if d.text == "on Monday"]
    assert mondays == [("on Monday", "2026-11-02")]


def test_stage_reads_publication_date() -> None:
    article = Article(id="a", kind="record", origin="a", text="It opened yesterday.", published="2026-03-01T09:00:00")
    result = DateStage()(article)
    assert result.annotations is not None
    assert [d.date for d in result.annotations.dates] == ["2026-02-28"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "2026-03-03", "garbage"]))
def test_offsets_hold_on_any_text(text: str, published: str | None) -> None:
    for mention in find_dates(text, published):
        assert text[mention.start : mention.end] == mention.text


def test_today_inside_a_name_dates_nothing() -> None:
    assert find_dates("Photo: Ana Ruiz for Carrow Today", "2026-11-08") == []
    assert [d.date for d in find_dates("Today the ferry sails again.", "2026-11-08")] == ["2026-11-08"]
    assert [d.date for d in find_dates("The mayor said the ferry sails today.", "2026-11-08")] == ["2026-11-08"]


def test_today_meaning_these_days_dates_nothing_and_today_of_an_event_dates_the_day() -> None:
    assert resolved("It is the largest ferry in service today on the northern route.", "2026-11-08") == []
    assert resolved("The largest ferry on the northern route enters service today.", "2026-11-08") == [
        ("today", "2026-11-08")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The probe will reach the asteroid on October 4 next year.", "2027-10-04"),
        ("The probe left Harwick on October 4 last year.", "2025-10-04"),
        ("The fair opens on 2 May this year.", "2026-05-02"),
        ("The fair opened on 2 May 2024, a year before the flood.", "2024-05-02"),  # a written year stands
    ],
)
def test_a_year_said_after_a_day_places_it_in_that_year(sentence: str, expected: str) -> None:
    assert find_dates(sentence, "2026-11-09T08:00:00")[0].date == expected
