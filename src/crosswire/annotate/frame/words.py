"""The frame's word lists, kept as data in ``lexicons/*.json`` (see ``crosswire.lexicon``).

Code asks for a list by name, as a set of terms to look words up in, or as
a regex alternation of its terms in the order the file gives them (a term's
spaces match any one whitespace character), to build a pattern once at import.
"""

from __future__ import annotations

import re

from crosswire.lexicon import load_lexicon, terms

PACKAGE = "crosswire.annotate.frame"


def words(name: str) -> frozenset[str]:
    """The terms of the frame lexicon ``name``."""
    return terms(PACKAGE, name)


def alternation(name: str) -> str:
    """The terms of the frame lexicon ``name`` as ``a|b\\sc|...``, in file order, for use inside ``(?:...)``."""
    return "|".join(re.escape(entry.term).replace(r"\ ", r"\s") for entry in load_lexicon(PACKAGE, name).entries)
