"""*Why* and *how*: clauses after causal and instrumental cues.

*Why* is the clause after "because", "due to", "in response to" and the
like; *how* the clause after "by" + gerund or "using" ("by cutting prices").
"""

from __future__ import annotations

import re

from crosswire.annotate.frame.words import alternation
from crosswire.lexicon import Entry

#: Causal cues (``lexicons/cause_cues.json``) and instrumental cues (``lexicons/means_cues.json``).
_WHY = re.compile(rf"\b(?:{alternation('cause_cues')})\s(?P<clause>[^.;:!?]{{3,120}})", re.IGNORECASE)
_HOW = re.compile(
    rf"\b(?:{alternation('means_cues')})\s(?P<clause>\w+ing\b[^.;:!?,]{{0,100}}|[^.;:!?,]{{3,60}})", re.IGNORECASE
)


def why_phrases(lead: str) -> list[str]:
    return [match.group("clause").strip() for match in _WHY.finditer(lead)]


def how_phrases(lead: str) -> list[str]:
    clauses = (match.group("clause").strip() for match in _HOW.finditer(lead))
    return [clause for clause in clauses if clause.split()[0].endswith("ing")]


def check_why(entry: Entry) -> None:
    """The lexicon check: the clause after the cue (the value) is a *why* of the example."""
    assert entry.value in why_phrases(entry.example), (entry.term, why_phrases(entry.example))


def check_how(entry: Entry) -> None:
    """The lexicon check: the clause after the cue (the value) is a *how* of the example."""
    assert entry.value in how_phrases(entry.example), (entry.term, how_phrases(entry.example))
