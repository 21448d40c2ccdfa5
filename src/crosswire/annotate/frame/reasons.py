"""*Why* and *how*: clauses after causal and instrumental cues.

*Why* is the clause after "because", "due to", "in response to" and the
like; *how* the clause after "by" + gerund or "using" ("by cutting prices").
"""

from __future__ import annotations

import re

_WHY = re.compile(
    r"\b(?:because(?:\sof)?|due\sto|as\sa\sresult\sof|in\sorder\sto|so\sthat|in\sresponse\sto|after)\s(?P<clause>[^.;:!?]{3,120})",
    re.IGNORECASE,
)
_HOW = re.compile(r"\b(?:by|using|through|via)\s(?P<clause>\w+ing\b[^.;:!?,]{0,100}|[^.;:!?,]{3,60})", re.IGNORECASE)


def why_phrases(lead: str) -> list[str]:
    return [match.group("clause").strip() for match in _WHY.finditer(lead)]


def how_phrases(lead: str) -> list[str]:
    clauses = (match.group("clause").strip() for match in _HOW.finditer(lead))
    return [clause for clause in clauses if clause.split()[0].endswith("ing")]
