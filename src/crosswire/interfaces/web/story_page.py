"""What the story page shows, shaped from a story's brief (its JSON form) and its articles' heads.

The page is read by a fact-checker in one order (sources, contested facts, changing figures,
agreements, key points, timeline, all facts), and a story of hundreds of articles must read as
well as one of five: each outlet once, each wording once with the outlets that printed it, a few
outlets named beside a figure and the rest a link away.  Everything here is plain data for the
template; nothing here renders article HTML.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from crosswire.annotate.quantities.units import written_with_unit
from crosswire.interfaces.web.dates import machine_date, readable_date
from crosswire.store import ArticleSummary
from crosswire.stories.brief_render import format_value
from crosswire.stories.corroborate import asserted_low

#: Outlets named beside an agreement, and beside each wording of a contested fact; the rest are a
#: link away, in the fact's row of "All facts".
OUTLETS_SHOWN = 8
#: Values listed for a contested fact in "All facts" before "… (N figures)".
VALUES_SHOWN = 6

UNDATED = Markup('<span class="muted">undated</span>')


def time_element(published: str | None) -> Markup:
    """``<time>`` of a publication date, readable, with its machine form; "undated" without one."""
    if not published:
        return UNDATED
    return Markup('<time datetime="{}">{}</time>').format(machine_date(published), readable_date(published))


def shown_value(kind: str, value: float | str) -> str:
    """A value as the page prints it: a date readable ("4 November 2026"), a number without ".0"."""
    if kind == "date" and isinstance(value, str):
        return readable_date(value) or value
    return format_value(value)


def outlet_label(article: ArticleSummary) -> str:
    """The outlet a reader credits: "Harbor Ledger", or "Harbor Ledger via NewsHive" for a republication;
    for a page that names no outlet, the site it came from ("ledger.example"), else its own id."""
    outlet = article.publisher or article.via or _site(article.url) or article.id
    if article.via and article.publisher and article.via != article.publisher:
        return f"{outlet} via {article.via}"
    return outlet


def _site(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


@dataclass
class OutletRow:
    """One independent outlet in the headline comparison: its first article, and its others."""

    outlet: str
    first: dict[str, Any]
    more: list[dict[str, Any]] = field(default_factory=list)


def outlet_rows(
    sources: Sequence[dict[str, Any]], published: Mapping[str, str | None], outlets: Mapping[str, str]
) -> tuple[list[OutletRow], list[dict[str, Any]]]:
    """One row per outlet (its first headline, then its later articles), in order of first publication,
    and the copies and republications of another outlet's article apart, in publication order.  An
    outlet's own later article is no copy (it counts with the outlet, not as a source of its own): it
    folds under the outlet's row."""
    ordered = sorted(sources, key=lambda source: (published.get(source["article"]) or "", source["article"]))
    rows: dict[str, OutletRow] = {}
    copies = []
    for source in ordered:
        if source.get("copy_of"):
            copies.append(source)
            continue
        outlet = outlets.get(source["article"], source["article"])
        if outlet in rows:
            rows[outlet].more.append(source)
        else:
            rows[outlet] = OutletRow(outlet, source)
    return list(rows.values()), copies


def shape_facts(facts: list[dict[str, Any]]) -> None:
    """Add to each fact (a brief's JSON fact, with its ``key``) what the page shows of it: its row in
    "All facts", its value as printed (every figure of a conflict), its wordings, and the first
    report of each article citing it."""
    for row, fact in enumerate(facts, start=1):
        fact["row"] = row
        # The brief's own wording of a quantity ("hundreds (100–1,000)", "more than 40"): never a vague
        # amount's lower bound as if it were exact.
        as_asserted = fact.get("shown") if fact["kind"] == "quantity" else None
        fact["shown"] = as_asserted or shown_value(fact["kind"], fact["value"])
        if fact["status"] == "conflict":
            values = dict.fromkeys(_mention_shown(fact["kind"], m) for m in fact["mentions"])
            fact["figures"] = list(values)
        fact["wordings"] = same_wording(fact["kind"], fact["mentions"], fact.get("unit"))
        cited: dict[str, dict[str, Any]] = {}
        for mention in fact["mentions"]:
            cited.setdefault(mention["article"], mention)
        fact["cited"] = list(cited.values())
        if fact.get("changing"):
            fact["series"] = changing_series(fact)
            fact["figures"] = list(dict.fromkeys(report["shown"] for report in fact["series"]))  # latest first


def changing_series(fact: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A changing figure's reports, latest first as the brief lists them, each with the mention that states it
    in its article (its words, who it is attributed to, its span for the link), when the fact holds one."""
    series = []
    for report in fact.get("changes", []):
        mention = next(
            (m for m in fact["mentions"] if m["article"] == report["article"] and m["value"] == report["value"]), None
        )
        series.append({**report, "shown": _mention_shown(fact["kind"], mention) if mention else
                       shown_value(fact["kind"], report["value"]), "mention": mention})  # fmt: skip
    return series


def _mention_shown(kind: str, mention: Mapping[str, Any]) -> str:
    """A mention's value as the brief words it, qualifier and range included, else as the page prints it."""
    shown = mention.get("shown") if kind == "quantity" else None
    return str(shown) if shown else shown_value(kind, mention["value"])


def _range_shown(kind: str, mention: Mapping[str, Any], unit: str | None = None) -> str:
    """A mention's value with the top of the range it states ("5–10") and its unit ("$40,000,000"), without its
    qualifier, which the page prints apart."""
    value_max = mention.get("value_max") if kind == "quantity" else None
    if value_max is None:
        shown = shown_value(kind, mention["value"])
    else:
        # "hundreds of residents" asserts 200 or more, as corroboration reads it.
        shown = f"{shown_value(kind, asserted_low(mention['value'], str(mention['text'])))}–{format_value(value_max)}"
    return written_with_unit(shown, unit) if kind == "quantity" else shown


def same_wording(kind: str, mentions: Sequence[dict[str, Any]], unit: str | None = None) -> list[dict[str, Any]]:
    """A fact's reports grouped by their exact words and value, in order of first report: a wire
    sentence that thirty outlets printed is one line naming the thirty, not thirty copies of it;
    each article once, at its first report."""
    wordings: dict[tuple[str, str], dict[str, Any]] = {}
    for mention in mentions:
        wording = wordings.setdefault(
            (mention["text"], str(mention["value"])),
            {"text": mention["text"], "value": mention["value"], "shown": _range_shown(kind, mention, unit),
             "qualifier": mention.get("qualifier"), "attribution": mention.get("attribution"),
             "takes_no_side": bool(mention.get("takes_no_side")), "reports": []},
        )  # fmt: skip
        if all(report["article"] != mention["article"] for report in wording["reports"]):
            wording["reports"].append(mention)  # an article repeating its own words is cited once
    return list(wordings.values())


def contested_facts(facts: Sequence[dict[str, Any]], published: Mapping[str, str | None]) -> list[dict[str, Any]]:
    """The facts the sources contradict each other on (not figures that changed over time), each
    with its wordings side by side (see :func:`same_wording`), reports in publication order; a wording
    whose figure fits every side ("more than two dozen" beside 25 and 27) is set apart, as taking none."""
    contested = []
    for fact in facts:
        if fact.get("status") != "conflict" or fact.get("changing") or fact.get("verdict"):
            continue
        reports = sorted(
            fact.get("mentions", []), key=lambda m: (published.get(m["article"]) or "", m["article"], m["start"])
        )
        wordings = same_wording(fact["kind"], reports, fact.get("unit"))
        contested.append({"fact": fact, "sides": [w for w in wordings if not w["takes_no_side"]],
                          "no_side": [w for w in wordings if w["takes_no_side"]]})  # fmt: skip
    return contested


def fact_names(facts: Sequence[dict[str, Any]]) -> dict[str, str]:
    """What each fact is, by key, for the corrections log ("people injured: 27")."""
    return {fact["key"]: f"{fact['about']}: {fact['shown']}" for fact in facts}


def reported_times(published: Mapping[str, str | None]) -> defaultdict[str, Markup]:
    """Each article's date as the page shows it, written once for the many reports that cite it."""
    return defaultdict(lambda: UNDATED, {article: time_element(when) for article, when in published.items()})
