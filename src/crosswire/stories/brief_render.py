"""A brief as the contract's JSON (``crosswire brief --format json``) and as Markdown."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from crosswire.annotate.quantities import find_quantities, numbers
from crosswire.annotate.quantities.units import written_with_unit
from crosswire.model import Brief, Citation, Fact, FactMention, FigureReport, SourceEntry
from crosswire.stories.corroborate import asserted_low


def _citation_dict(citation: Citation) -> dict[str, Any]:
    return {"article": citation.article, "start": citation.start, "end": citation.end}


def _value_max(fact: Fact, mention: FactMention) -> float | None:
    """The top of the range a quantity mention states ("5-10 people", "hundreds of police"), as corroboration
    read it in its sentence, or None for one number.  A brief stored before mentions kept it reads it again
    from the mention's own words."""
    if fact.kind != "quantity" or not isinstance(mention.value, int | float):
        return None
    if mention.value_max is not None:
        return mention.value_max
    read = [q for q in find_quantities(mention.text) if math.isclose(q.value, mention.value)]
    return read[0].value_max if read else None


def _vague_words(mention: FactMention) -> str | None:
    """ "hundreds", "tens of thousands": the words of a vague amount, as written, when the mention is one."""
    vague = [s for s in numbers.find_number_spans(mention.text) if s.value_max is not None and s.in_words]
    return mention.text[vague[0].start : vague[0].end] if vague else None


def shown_value(fact: Fact, mention: FactMention) -> str:
    """What the mention asserts, in words a reader takes at face value: a vague amount as its words and the
    range they span ("hundreds (200–1,000)"), a range as a range ("5–10"), with its qualifier ("over
    363,000,000"); never a vague amount's lower bound alone as if it were exact."""
    value_max = _value_max(fact, mention)
    unit = fact.unit or mention.unit  # one measure in two units ("40 km", "about 25 miles"): each in its own
    shown = format_value(mention.value)
    if value_max is not None:
        words = _vague_words(mention)
        # A vague plural says at least two of its unit ("hundreds": 200 or more), as corroboration reads it.
        number = mention.value if isinstance(mention.value, int | float) else None
        low = format_value(asserted_low(number, mention.text)) if number is not None else shown
        span = f"{low}–{format_value(value_max)}"
        shown = f"{words} ({written_with_unit(span, unit)})" if words else written_with_unit(span, unit)
    elif fact.kind == "quantity":
        shown = written_with_unit(shown, unit)  # "$40,000,000", not a bare 40,000,000
    return f"{mention.qualifier} {shown}" if mention.qualifier else shown


def _fact_shown(fact: Fact) -> str:
    """The fact's value as :func:`shown_value` writes it, from the first mention that states that value."""
    mention = next((m for m in fact.mentions if m.value == fact.value), None)
    return shown_value(fact, mention) if mention is not None else format_value(fact.value)


def _fact_dict(fact: Fact) -> dict[str, Any]:
    return {
        "kind": fact.kind,
        "about": fact.about,
        "value": fact.value,
        # Beyond the contract: the value as the articles assert it ("hundreds (100–1,000)", "over 25").
        "shown": _fact_shown(fact),
        "status": fact.status,
        "mentions": [
            {
                "article": m.article,
                "text": m.text,
                "value": m.value,
                # Beyond the contract: the top of a stated range or vague amount, and the value as asserted.
                "value_max": _value_max(fact, m),
                "shown": shown_value(fact, m),
                "qualifier": m.qualifier,
                "start": m.start,
                "end": m.end,
                "attribution": m.attribution,
                "origin": m.origin,
                # Beyond the contract: in a conflict, a figure that fits every side ("more than two dozen").
                "takes_no_side": m.takes_no_side,
                # Beyond the contract: the unit of the mention's figure ("km"), which may not be the fact's.
                "unit": m.unit,
            }
            for m in fact.mentions
        ],
        # Beyond the contract: independent origins behind the outlets (one wire sentence printed twice is one).
        "origins": fact.origins,
        "outlets": fact.outlets,
        # The claim's parts (issue 12): what was counted or measured, and what happened to it.
        "claim": {"counted": fact.counted, "predicate": fact.predicate},
        # Beyond the contract: the unit the figures are given in ("USD", "km", "%"), when they share one.
        "unit": fact.unit,
        # Beyond the contract: a conflict whose figures follow publication time, with its reports latest first.
        "changing": fact.changing,
        "changes": [
            {"value": r.value, "article": r.article, "source": r.source, "published": r.published} for r in fact.changes
        ],
    }


def _source_dict(source: SourceEntry) -> dict[str, Any]:
    return {
        "article": source.article,
        "publisher": source.publisher,
        "via": source.via,
        "independent": source.independent,
        "copy_of": source.copy_of,
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The JSON object of ``crosswire brief --format json`` (contract.md), plus ``copy_of`` on sources."""
    return {
        "story": brief.story,
        "title": brief.title,
        "key_points": [
            {"text": point.text, "citations": [_citation_dict(c) for c in point.citations]}
            for point in brief.key_points
        ],
        "facts": [_fact_dict(fact) for fact in brief.facts],
        "timeline": [
            {"date": entry.date, "text": entry.text, "citations": [_citation_dict(c) for c in entry.citations]}
            for entry in brief.timeline
        ],
        "sources": [_source_dict(source) for source in brief.sources],
    }


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _cite(citations: Sequence[Citation]) -> str:
    return ", ".join(f"[{c.article}:{c.start}-{c.end}]" for c in citations)


#: Decimals a figure of 1 or more is printed with ("$5,967.34"), and significant digits of a smaller one ("0.333"
#: for "a third", "0.08" for a percentage): a reader is never shown a float's sixteen digits.
DECIMALS = 2
SMALL_DIGITS = 3


def format_value(value: float | str) -> str:
    """A figure as a reader writes it: thousands separated ("190,000,000,000"), no ".0", at most two decimals
    ("64.3"), a fraction to three significant digits ("0.333"); a date or a name as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    rounded = round(value, DECIMALS) if abs(value) >= 1 else float(f"{value:.{SMALL_DIGITS}g}")
    return f"{int(rounded):,}" if float(rounded).is_integer() else f"{rounded:,}"


def _report_shown(fact: Fact, report: FigureReport) -> str:
    """A changing figure's report as its article's mention asserts it."""
    mention = next((m for m in fact.mentions if m.article == report.article and m.value == report.value), None)
    return shown_value(fact, mention) if mention is not None else format_value(report.value)


def _source_status(source: SourceEntry) -> str:
    if source.copy_of:
        return f"copy of {source.copy_of}"
    return "independent" if source.independent else "same publisher"


def brief_to_markdown(brief: Brief) -> str:
    lines = [f"# {brief.title}", ""]
    lines += ["## Key points", ""]
    lines += [f"- {' '.join(point.text.split())} {_cite(point.citations)}" for point in brief.key_points]
    if brief.timeline:
        lines += ["", "## Timeline", ""]
        lines += [f"- **{e.date}**: {' '.join(e.text.split())} {_cite(e.citations)}" for e in brief.timeline]
    conflicts = [fact for fact in brief.facts if fact.status == "conflict" and not fact.changing]
    if conflicts:
        lines += ["", "## Discrepancies", "", "| About | Value | Stated as | Source |", "| --- | --- | --- | --- |"]
        for fact in conflicts:
            for m in fact.mentions:
                no_side = " (fits every figure: no side)" if m.takes_no_side else ""
                lines.append(
                    f"| {_cell(fact.about)} | {_cell(shown_value(fact, m))}{no_side} | {_cell(m.text)} "
                    f"| [{m.article}:{m.start}-{m.end}] |"
                )
    changing = [fact for fact in brief.facts if fact.changing]
    if changing:
        lines += ["", "## Changing figures", "", "| About | Reported, latest first |", "| --- | --- |"]
        for fact in changing:
            reports = " ← ".join(
                f"{_cell(_report_shown(fact, r))} ({_cell(r.source)}, {r.published}) [{r.article}]"
                for r in fact.changes
            )
            lines.append(f"| {_cell(fact.about)} | {reports} |")
    lines += ["", "## Sources", "", "| Article | Publisher | Via | Status |", "| --- | --- | --- | --- |"]
    for source in brief.sources:
        lines.append(
            f"| {_cell(source.article)} | {_cell(source.publisher or '')} | {_cell(source.via or '')} "
            f"| {_source_status(source)} |"
        )
    return "\n".join(lines) + "\n"
