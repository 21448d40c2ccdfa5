"""The agree and conflict verdicts a brief shows, dumped for a hand check (issue 12), and two dumps compared.

    python -m crosswire.evaluate.shown_verdicts dump ../shared/data /tmp/rows.jsonl
    python -m crosswire.evaluate.shown_verdicts view ../shared/data /tmp/rows.jsonl [FIRST END] > /tmp/rows.txt
    python -m crosswire.evaluate.shown_verdicts diff /tmp/before.jsonl /tmp/after.jsonl

``dump`` groups the tuning part of the story sets by their labelled events, corroborates each story and keeps
the rows its brief would show (``brief.shown_facts``) whose status is agree or conflict, with each mention's
outlet, figure and sentence.  ``view`` renders rows for a judge who sees nothing else: the instructions
(``JUDGE``), then each story's headlines and its rows.  ``diff`` names the rows one dump has and the other
has not, so that only those need judging again after a change.

Only the tuning part is read: the check part is scored, never shown, and a dump prints its sentences.  For
the same reason the files written hold evaluation-set text and belong outside the repository.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from crosswire.evaluate.corroboration import default_annotator, story_articles
from crosswire.evaluate.split import in_part, story_set_key
from crosswire.model import Article, Fact
from crosswire.stories.brief import shown_facts
from crosswire.stories.corroborate import corroborate

#: The story sets whose shown verdicts the issue asks to check by hand.
STORY_SETS = ("stories/giveme5w1h-dev", "stories/ecbplus-dev")

JUDGE = """\
How to judge a row.  Each ROW is one fact a news-corroboration tool shows on a story page: a status (agree or
conflict; "changing" is a figure shown as changing over time), a label, a value, and the mentions it groups,
each with its outlet, its figure as written, the value read and the sentence it comes from.  Each STORY first
lists headlines of its articles: they say what the story's one real-world event is.  Judge only from what is
shown.  A row is RIGHT when all of these hold:
1. about the story: the fact is about the story's own event or its direct circumstances (who, where, when,
   casualties, damage, consequences, reactions), not another event told in passing (an earlier attack, last
   year's total, a record set years ago, general background statistics);
2. the same fact: every mention states the same thing counted or measured, of the same happening and time;
3. the status: an agreement's values are compatible (qualifiers count: "more than 20" fits 25) and at least
   two independently written sentences say it (one text printed by several outlets is one origin); a
   conflict's values really disagree for the same fact at the same time, and a "changing" one really changed;
4. not noise: the figure means something to a reader (not page furniture, a credit, a clock time, a number
   inside a name).
Otherwise the category is the first that fails: another_event, noise, different_facts, copies, wrong_status,
other.  Also say whether the label says in plain words what was counted, happened or was measured.
Answer one JSON line per row:
{"row": N, "right": true|false, "category": "right"|"another_event"|"noise"|"different_facts"|"copies"|
 "wrong_status"|"other", "label_ok": true|false, "why": "at most 20 words of your own"}
"""


def tune_stories(data_dir: Path) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The records of each labelled event in the tuning part of ``STORY_SETS``."""
    stories: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for name in STORY_SETS:
        dataset = data_dir / name
        key = story_set_key(dataset)
        with (dataset / "articles.jsonl").open(encoding="utf-8") as handle:
            for record in map(json.loads, filter(str.strip, handle)):
                if in_part(key(record), "tune"):
                    stories[(name, str(record["event"]))].append(record)
    return stories


def _story_key(name: str, event: str) -> str:
    """A story as rows name it: its set and the id before the event's colon (a giveme5w1h key spells a headline)."""
    return f"{name.split('/')[-1]}/{event.split(':', 1)[0]}"


def shown_rows(story: str, articles: list[Article]) -> Iterator[dict[str, Any]]:
    """The agree and conflict rows the story's brief shows, each outlet's articles one source."""
    source_of = {a.id: a.publisher or a.id for a in articles}
    by_id = {a.id: a for a in articles}
    facts = corroborate(articles, source_of)
    for fact in shown_facts(facts, {a: s.lower() for a, s in source_of.items()}):
        if fact.status in ("agree", "conflict"):
            yield _row(story, fact, by_id, source_of)


def _row(story: str, fact: Fact, by_id: dict[str, Article], source_of: dict[str, str]) -> dict[str, Any]:
    mentions = [{"article": m.article, "source": source_of[m.article], "text": m.text, "value": m.value,
                 "qualifier": m.qualifier, "start": m.start, "sentence": _sentence(by_id[m.article], m.start)}
                for m in fact.mentions]  # fmt: skip
    return {"story": story, "status": fact.status, "changing": fact.changing, "kind": fact.kind,
            "about": fact.about, "value": fact.value, "origins": fact.origins, "mentions": mentions}  # fmt: skip


def _sentence(article: Article, start: int) -> str:
    sentences = article.annotations.sentences if article.annotations else ()
    span = next((s for s in sentences if s.start <= start < s.end), None)
    return " ".join((article.text[span.start : span.end] if span else article.text[start : start + 200]).split())


def dump(data_dir: Path, out: Path) -> int:
    annotate = default_annotator()
    with out.open("w", encoding="utf-8") as handle:
        count = 0
        for (name, event), records in sorted(tune_stories(data_dir).items()):
            story = _story_key(name, event)
            for row in shown_rows(story, story_articles(records, annotate)):
                handle.write(json.dumps(row) + "\n")
                count += 1
    return count


def read_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def view(rows: list[dict[str, Any]], headlines: dict[str, list[str]], first: int, end: int) -> Iterable[str]:
    yield JUDGE
    story = None
    for number, row in enumerate(rows):
        if not first <= number < end:
            continue
        if row["story"] != story:
            story = row["story"]
            yield f"\n======== STORY {story}; headlines of its articles:"
            yield from (f"   - {title[:160]}" for title in headlines.get(story, [])[:4])
        changing = " (changing)" if row["changing"] else ""
        yield (f"\n--- ROW {number}: status={row['status']}{changing} label={row['about']!r} value={row['value']} "
               f"independent_origins={row['origins']}")  # fmt: skip
        for mention in row["mentions"]:
            qualifier = f" [{mention['qualifier']}]" if mention["qualifier"] else ""
            figure = f"figure {mention['text']!r} = {mention['value']}{qualifier}"
            yield f"  * {mention['source']} ({mention['article']}) {figure}"
            yield f'      "{mention["sentence"]}"'


def _headlines(data_dir: Path) -> dict[str, list[str]]:
    titles: dict[str, list[str]] = defaultdict(list)
    for (name, event), records in tune_stories(data_dir).items():
        titles[_story_key(name, event)] = [(r.get("title") or r["text"]).strip().splitlines()[0] for r in records]
    return titles


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    mentions = tuple(sorted((m["article"], m["start"]) for m in row["mentions"]))
    return row["story"], row["status"], row["changing"], row["about"], str(row["value"]), mentions


def diff(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> tuple[list[int], list[int]]:
    """The rows of ``before`` that ``after`` no longer shows, and the rows of ``after`` that are new."""
    old, new = {_key(r): i for i, r in enumerate(before)}, {_key(r): i for i, r in enumerate(after)}
    return sorted(i for k, i in old.items() if k not in new), sorted(i for k, i in new.items() if k not in old)


def main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "dump":
        print(f"{dump(Path(argv[1]), Path(argv[2]))} rows written to {argv[2]}")
    elif len(argv) >= 3 and argv[0] == "view":
        rows = read_rows(Path(argv[2]))
        first, end = (int(argv[3]), int(argv[4])) if len(argv) >= 5 else (0, len(rows))
        print("\n".join(view(rows, _headlines(Path(argv[1])), first, end)))
    elif len(argv) == 3 and argv[0] == "diff":
        gone, came = diff(read_rows(Path(argv[1])), read_rows(Path(argv[2])))
        print(f"rows of the first no longer shown: {gone}\nnew rows of the second: {came}")
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
