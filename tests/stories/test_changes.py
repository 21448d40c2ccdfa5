"""Changing figures: a conflict whose values follow publication time is a change, not a discrepancy.

The articles are fictional, written here; quantities come from the real annotator.
"""

from __future__ import annotations

from dataclasses import replace

from crosswire.annotate.quantities import QuantityStage
from crosswire.model import Annotations, Article, Brief, Fact, FigureReport
from crosswire.stories.brief_render import brief_to_dict, brief_to_markdown
from crosswire.stories.changes import figure_changes
from crosswire.stories.corroborate import corroborate


def _report(value: float, published: str, source: str = "x") -> FigureReport:
    return FigureReport(value, f"{source}-{published}", source, published)


def _equal(a: FigureReport, b: FigureReport) -> bool:
    return a.value == b.value


def test_a_toll_rising_during_the_day_is_a_change_latest_first() -> None:
    morning = _report(5, "2026-11-04T07:40:00", "harbour-herald")
    noon = _report(5, "2026-11-04T11:05:00", "coast-times")
    evening = _report(7, "2026-11-04T18:30:00", "portvale-daily")
    assert figure_changes([morning, evening, noon], _equal) == (evening, noon, morning)


def test_a_count_falling_over_days_is_a_change() -> None:
    first = _report(12, "2026-11-04", "a")
    later = _report(4, "2026-11-06", "b")
    assert figure_changes([first, later], _equal) == (later, first)


def test_reports_of_the_same_time_that_disagree_stay_a_discrepancy() -> None:
    same_moment = [_report(25, "2026-11-04T09:00:00", "a"), _report(27, "2026-11-04T09:00:00", "b")]
    assert figure_changes(same_moment, _equal) == ()
    # Without a time of day, two reports of one day cannot be ordered.
    same_day = [_report(25, "2026-11-04", "a"), _report(27, "2026-11-04T16:00:00", "b")]
    assert figure_changes(same_day, _equal) == ()


def test_a_figure_going_up_and_down_is_not_a_running_count() -> None:
    reports = [_report(5, "2026-11-04T08:00:00"), _report(9, "2026-11-04T12:00:00"), _report(6, "2026-11-04T16:00:00")]
    assert figure_changes(reports, _equal) == ()


def test_a_report_without_a_publication_time_leaves_a_discrepancy() -> None:
    assert figure_changes([_report(5, "2026-11-04T08:00:00"), _report(7, "")], _equal) == ()


def test_zones_are_compared_in_utc() -> None:
    # 10:00 in Oslo (UTC+1) is before 09:30 UTC.
    oslo = _report(3, "2026-11-04T10:00:00+01:00", "a")
    london = _report(4, "2026-11-04T09:30:00+00:00", "b")
    assert figure_changes([london, oslo], _equal) == (london, oslo)


def _articles(*reports: tuple[str, str | None, str]) -> list[Article]:
    stage = QuantityStage()
    articles = [
        Article(f"a{i}", "record", "test", text, published=published, publisher=outlet, annotations=Annotations())
        for i, (text, published, outlet) in enumerate(reports)
    ]
    return [stage(article) for article in articles]


def _toll(facts: tuple[Fact, ...]) -> Fact:
    return next(f for f in facts if f.kind == "quantity" and f.status == "conflict")


def test_corroboration_reads_a_rising_toll_as_a_change() -> None:
    articles = _articles(
        ("Five people were killed when the Carrow footbridge collapsed, police said.", "2026-11-04T08:15:00",
         "Harbour Herald"),
        ("Seven people were killed when the Carrow footbridge collapsed, police said.", "2026-11-04T17:45:00",
         "Coast Times"),
    )  # fmt: skip
    toll = _toll(corroborate(articles, {a.id: str(a.publisher) for a in articles}))
    assert toll.changing and [r.value for r in toll.changes] == [7, 5]
    assert [r.source for r in toll.changes] == ["Coast Times", "Harbour Herald"]


def test_corroboration_keeps_a_same_time_disagreement_a_discrepancy() -> None:
    articles = _articles(
        ("Five people were killed when the Carrow footbridge collapsed, police said.", "2026-11-04", "Harbour Herald"),
        ("Seven people were killed when the Carrow footbridge collapsed, police said.", "2026-11-04", "Coast Times"),
    )
    toll = _toll(corroborate(articles, {a.id: str(a.publisher) for a in articles}))
    assert not toll.changing and toll.changes == ()


def test_the_brief_shows_a_change_apart_from_the_discrepancies() -> None:
    articles = _articles(
        ("Five people were killed when the Carrow footbridge collapsed, police said.", "2026-11-04T08:15:00", "A"),
        ("Seven people were killed when the Carrow footbridge collapsed, police said.", "2026-11-04T17:45:00", "B"),
    )
    toll = _toll(corroborate(articles, {a.id: str(a.publisher) for a in articles}))
    discrepancy = replace(toll, about="people hurt", changes=())
    brief = Brief("s", "Footbridge collapse", (), (toll, discrepancy), (), ())
    as_json = brief_to_dict(brief)
    assert [(f["changing"], len(f["changes"])) for f in as_json["facts"]] == [(True, 2), (False, 0)]
    assert as_json["facts"][0]["changes"][0] == {"value": 7, "article": "a1", "source": "B",
                                                 "published": "2026-11-04T17:45:00"}  # fmt: skip
    markdown = brief_to_markdown(brief)
    changes, discrepancies = markdown.index("## Changing figures"), markdown.index("## Discrepancies")
    assert "people hurt" in markdown[discrepancies:changes]
    assert "people hurt" not in markdown[changes:]
