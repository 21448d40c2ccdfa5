"""Property and fuzz tests (hypothesis) over every reader, extract and annotate (issue 13).

What they check, for any input: a reader yields items (captures, articles) or a
clean :class:`~crosswire.errors.InputError` naming the item, never another
exception and never a hang (each example runs under a wall-clock bound);
``extract`` returns an Article or raises ``InputError``; ``annotate_text``
returns annotations whose spans lie inside the text and whose ``text`` equals
the text at the span.  ``test_fuzz_corpus.py`` runs every file of the kept
corpus of hostile inputs (``corpus/``, written by ``make_corpus.py``) through
its reader and through a real ingest into a fresh SQLite store.

Budgets are hypothesis profiles registered here and chosen by the environment
variable ``HYPOTHESIS_PROFILE``:

``ci`` (the default)
    a few hundred examples per reader (about 4,500 in all), derandomized (the
    same examples on every run), no example database: ``tests/fuzz`` takes
    about 25 s on two cores, under a minute beside other work.
``long``
    for a local run: the per-test counts in ``fuzzing.BUDGETS`` add up to
    more than 100,000 examples over the readers (annotate gets fewer: spaCy
    is slow), with random seeds and hypothesis's example database::

        HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/fuzz -p no:cacheprovider -q

    (about 119,000 examples, 9 minutes on two cores, much longer beside other
    work; ``nohup ... &`` runs it in the background).  The summary line ``fuzz examples run: N`` gives the
    total and the count per test.

Bugs the fuzzing found have a reproducer in ``test_fuzz_known_bugs.py``; one
whose fix is outside ``tests/`` is marked strict-xfail there and the fuzz tests
keep clear of it (``fuzzing.KNOWN_BUG_FRAMES``, notes in the strategies) until
the fix lands.  All found so far are fixed.

The profiles are not loaded globally (``settings.load_profile``), so the other
hypothesis tests of the suite keep their own settings; each fuzz test takes
its settings from :func:`fuzzing.budget`, which starts from the chosen profile.

Regenerate the corpus with ``.venv/bin/python tests/fuzz/make_corpus.py``
(deterministic; keep it under about 300 KB).
"""

from __future__ import annotations

import pytest
from fuzzing import EXAMPLES_RUN, PROFILE
from hypothesis import HealthCheck, settings

_SLOW_OK = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
    HealthCheck.large_base_example,
]

settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, database=None, suppress_health_check=_SLOW_OK
)
settings.register_profile("long", max_examples=5_000, deadline=None, suppress_health_check=_SLOW_OK)


def pytest_report_header() -> str:
    return f"fuzz profile: {PROFILE} (HYPOTHESIS_PROFILE)"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if EXAMPLES_RUN:
        total = sum(EXAMPLES_RUN.values())
        detail = ", ".join(f"{name} {count:,}" for name, count in sorted(EXAMPLES_RUN.items()))
        terminalreporter.write_line(f"fuzz examples run: {total:,} (profile {PROFILE}: {detail})")
