"""``crosswire eval corroboration``: facts and their status against a hand-labelled gold set.

Metric (shared/data/corroboration/giveme5w1h-dev/README.md): per story, a
system fact matches a gold fact when the kind is the same, the value matches
(dates equal; numbers within 1% of the gold value or of a gold mention's
value, or the system's qualified value compatible with the gold value) and
its mentions cover at least one gold article; the match covering the most
gold articles is used.  Reported: recall per status and overall, plain match
recall, and false conflicts (system conflicts matched to gold agree/single).

The labelled sets count sources as outlets: two sites printing one wire
sentence agree.  Issue 12 counts them once for that claim, and so does the
brief.  So the status is also judged against the labels read with that rule
(``recall_independent``): a labelled agreement whose outlets all print one
sentence (the same copy test as the brief's, ``origins.copies``, on the
labelled mentions' own sentences, with the same value) is a single source.
"""

from __future__ import annotations

import importlib
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError
from crosswire.evaluate.scored import Scored
from crosswire.evaluate.split import Part, SplitKey, by_event, by_story, in_part, select, story_set_key
from crosswire.model import Annotations, Article, Fact, FactMention
from crosswire.stories.compat import Reading, compatible
from crosswire.stories.corroborate import corroborate
from crosswire.stories.origins import origin_keys
from crosswire.stories.told import around_of, said_by_of, sentence_of

STATUSES = ("agree", "conflict", "single")

Annotate = Callable[[Article], Article]


def _load_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: not found; expected a corroboration set such as ../shared/data/corroboration/giveme5w1h-dev"
        )
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def default_annotator() -> Annotate:
    """The project's annotators: the full default stages when they exist, else quantities alone.

    Imported late so that the corroboration logic does not depend on which
    annotators are finished.
    """
    annotate = importlib.import_module("crosswire.annotate")
    stages_factory = getattr(annotate, "default_stages", None)
    if stages_factory is not None:
        pipeline = importlib.import_module("crosswire.pipeline").Pipeline(stages_factory())

        def run_pipeline(article: Article) -> Article:
            result: Article = pipeline(article)
            return result

        return run_pipeline
    try:
        quantities = importlib.import_module("crosswire.annotate.quantities")
    except ModuleNotFoundError as error:
        raise CrosswireError("corroboration needs annotations, and crosswire.annotate offers none yet") from error
    stage = quantities.QuantityStage()

    def quantities_only(article: Article) -> Article:
        result: Article = stage(article if article.annotations else _with_empty_annotations(article))
        return result

    return quantities_only


def _with_empty_annotations(article: Article) -> Article:
    return replace(article, annotations=Annotations())


def _value_matches(fact: Fact, gold: dict[str, Any]) -> bool:
    if gold["kind"] == "date":
        return fact.value == str(gold["value"])
    if isinstance(fact.value, str):
        return False
    targets = [float(gold["value"])] + [float(m["value"]) for m in gold["mentions"] if not isinstance(m["value"], str)]
    # A measure told in two units is one fact, shown in one of them: "24km" beside "15 miles" shows 24, and
    # a label may give the miles. A labelled sentence the fact holds with a labelled value is the same figure.
    labelled = [m.value for m in fact.mentions if not isinstance(m.value, str) and _holds_labelled(m, gold)]
    if any(abs(value - t) <= 0.01 * abs(t) for value in (fact.value, *labelled) for t in targets):
        return True
    qualifier = next((m.qualifier for m in fact.mentions if m.value == fact.value), None)
    return compatible(Reading(fact.value, qualifier), Reading(float(gold["value"])))


def _overlaps(mention: FactMention, label: dict[str, Any]) -> bool:
    """Whether our mention overlaps a labelled mention's span."""
    return bool(mention.article == label["article"] and mention.start < label["end"] and label["start"] < mention.end)


def _holds_labelled(mention: FactMention, gold: dict[str, Any]) -> bool:
    """Whether the mention overlaps a labelled mention of the gold fact."""
    return any(_overlaps(mention, g) for g in gold["mentions"])


def _spans_held(gold: dict[str, Any], fact: Fact) -> int:
    """How many of the gold fact's labelled mentions this fact holds (a mention of it overlaps the span)."""
    return sum(any(_overlaps(m, g) for m in fact.mentions) for g in gold["mentions"])


def _best_match(gold: dict[str, Any], facts: Sequence[Fact]) -> Fact | None:
    """Our fact for a labelled one: of the facts with its value, the one holding most of its labelled
    mentions (the very sentences labelled), then the one covering most of its articles. Matching by
    value and article alone took another claim of the same figure in the same article (an 8 per cent
    rate for eight instalments) and judged that claim's status instead."""
    gold_articles = {m["article"] for m in gold["mentions"]}
    best: Fact | None = None
    best_cover = (0, 0)
    for fact in facts:
        if fact.kind != gold["kind"] or not _value_matches(fact, gold):
            continue
        cover = (_spans_held(gold, fact), len(gold_articles & {m.article for m in fact.mentions}))
        if cover[1] and cover > best_cover:
            best, best_cover = fact, cover
    return best


def story_articles(records: Sequence[dict[str, Any]], annotate: Annotate) -> list[Article]:
    """A story set's records as annotated articles, in publication order (a conflict's value is the latest)."""
    ordered = sorted(records, key=lambda r: str(r.get("published") or ""))
    return [
        annotate(
            Article(
                id=str(r["id"]),
                kind="record",
                origin="articles.jsonl",
                text=str(r["text"]),
                title=r.get("title"),
                published=r.get("published"),
                publisher=r.get("source"),
                url=r.get("url"),
            )
        )
        for r in ordered
    ]


@dataclass(frozen=True)
class JudgedFact:
    """One gold fact: its status, whether a system fact matched it, with the right status,
    and the id of a system conflict it was wrongly put in (None otherwise)."""

    status: str
    matched: bool
    right: bool
    false_conflict: int | None
    #: The gold conflict is a figure that changed over time (labels' ``changing``), and whether ours says so.
    gold_changing: bool = False
    shown_changing: bool = False
    #: The labelled status read with per-claim independence (module notes), and whether ours is that.
    independent_status: str = ""
    independent_right: bool = False


def _figures(judged: Sequence[JudgedFact]) -> dict[str, Any]:
    totals = {s: sum(1 for j in judged if j.status == s) for s in STATUSES}
    correct = {s: sum(1 for j in judged if j.status == s and j.right) for s in STATUSES}
    matched_agree_or_single = sum(1 for j in judged if j.matched and j.status != "conflict")
    false_conflicts = {j.false_conflict for j in judged if j.false_conflict is not None}
    n = len(judged)
    independent_totals = {s: sum(1 for j in judged if j.independent_status == s) for s in STATUSES}
    independent_correct = {s: sum(1 for j in judged if j.independent_status == s and j.independent_right)
                           for s in STATUSES}  # fmt: skip
    return {
        "task": "corroboration",
        "n": n,
        "recall": sum(correct.values()) / n if n else 0.0,
        # The labels read with per-claim independence: outlets printing one sentence are one source.
        "recall_independent": sum(independent_correct.values()) / n if n else 0.0,
        "independent_by_status": {
            s: {"gold": independent_totals[s], "right": independent_correct[s]} for s in STATUSES
        },
        "recall_by_status": {s: (correct[s] / totals[s] if totals[s] else None) for s in STATUSES},
        "gold_by_status": totals,
        "match_recall": sum(j.matched for j in judged) / n if n else 0.0,
        "false_conflicts": len(false_conflicts),
        "false_conflict_rate": len(false_conflicts) / matched_agree_or_single if matched_agree_or_single else 0.0,
        # Changing figures (issue 12): gold conflicts labelled as changed over time that we show as changing,
        # and gold discrepancies (conflicts not labelled so) that we wrongly show as a change.
        "changing": {
            "gold": sum(j.gold_changing for j in judged),
            "found": sum(j.gold_changing and j.shown_changing for j in judged),
            "discrepancies_shown_changing": sum(
                j.status == "conflict" and not j.gold_changing and j.shown_changing for j in judged
            ),
        },
    }


def independent_status(gold: Mapping[str, Any], articles: Mapping[str, Article]) -> str:
    """The labelled status with per-claim independence: an agreement whose outlets all print one sentence
    with the same value is a single source (as ``corroborate.fact_status`` counts origins)."""
    if gold["status"] != "agree":
        return str(gold["status"])
    mentions = [m for m in gold["mentions"] if m["article"] in articles]
    keys = origin_keys(
        [str(m.get("source") or articles[m["article"]].publisher or m["article"]) for m in mentions],
        [sentence_of(articles[m["article"]], int(m["start"]), int(m["end"])) for m in mentions],
        lambda i, j: mentions[i]["value"] == mentions[j]["value"],
        [around_of(articles[m["article"]], int(m["start"]), int(m["end"])) for m in mentions],
        [said_by_of(articles[m["article"]], int(m["start"]), int(m["end"])) for m in mentions],
    )
    return "agree" if len(set(keys)) >= 2 else "single"


def _judge(gold: dict[str, Any], facts: Sequence[Fact], articles: Mapping[str, Article]) -> JudgedFact:
    status = gold["status"]
    independent = independent_status(gold, articles)
    gold_changing = bool(gold.get("changing"))
    fact = _best_match(gold, facts)
    if fact is None:
        return JudgedFact(status, matched=False, right=False, false_conflict=None, gold_changing=gold_changing,
                          independent_status=independent)  # fmt: skip
    wrongly_contested = status != "conflict" and fact.status == "conflict"
    return JudgedFact(status, True, fact.status == status, id(fact) if wrongly_contested else None,
                      gold_changing=gold_changing, shown_changing=fact.changing,
                      independent_status=independent, independent_right=fact.status == independent)  # fmt: skip


#: Facts labelled here for story sets that come without them (issue 12), one file per part:
#: ``<set>.tune.jsonl`` and ``<set>.check.jsonl`` (format in this folder's README).
LABELS_DIR = Path(__file__).parent / "labels" / "corroboration"
LABELLED_PARTS: tuple[Part, ...] = ("tune", "check")


def _labelled_facts(dataset_dir: Path, part: Part, story_key: SplitKey, labels_dir: Path) -> list[dict[str, Any]]:
    """Our own labels for a story set, read only from the files of the part asked for.

    The check labels sit in a file of their own so that working on the tuning
    part never shows them; a fact filed under the wrong part is an error,
    because it would leak a check story into tuning or the other way round.
    """
    facts: list[dict[str, Any]] = []
    for file_part in LABELLED_PARTS:
        if part not in ("all", file_part):
            continue
        path = labels_dir / f"{dataset_dir.name}.{file_part}.jsonl"
        for fact in _load_jsonl(path) if path.is_file() else []:
            if not in_part(story_key(fact), file_part):
                raise CrosswireError(f"{path}: story {fact['story']!r} belongs to the other part of the split")
            facts.append(fact)
    if not facts and part == "all":
        raise FileNotFoundError(f"{dataset_dir}: no facts.jsonl and no labels in {labels_dir} for {dataset_dir.name}")
    return facts


def _story_keys(events: set[str]) -> Callable[[str], str]:
    """Labels name a story by its full event key or by the id before its colon ("10" for "10:ferry_..."),
    since giveme5w1h keys spell out a headline, which the project must not copy."""
    by_id: dict[str, list[str]] = defaultdict(list)
    for event in events:
        by_id[event.split(":", 1)[0]].append(event)

    def full_key(story: str) -> str:
        if story in events:
            return story
        matches = by_id.get(story, [])
        if len(matches) != 1:
            raise CrosswireError(f"labelled story {story!r} names {len(matches)} events of the set, not one")
        return matches[0]

    return full_key


def load_gold(
    dataset_dir: Path, part: Part = "all", labels_dir: Path | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The articles of the labelled stories and their gold facts, for one part.

    A corroboration set (``facts.jsonl`` beside ``articles.jsonl``) is read as
    it is; a story set without facts is read with the labels made here, and
    only its labelled stories take part.
    """
    dataset_dir = Path(dataset_dir)
    if (dataset_dir / "facts.jsonl").is_file():
        records = select(_load_jsonl(dataset_dir / "articles.jsonl"), part, by_event)
        return records, select(_load_jsonl(dataset_dir / "facts.jsonl"), part, by_story)
    record_key = story_set_key(dataset_dir)
    all_records = _load_jsonl(dataset_dir / "articles.jsonl")
    full_key = _story_keys({str(r["event"]) for r in all_records})

    def story_key(fact: Mapping[str, Any]) -> str:
        return record_key({"event": full_key(str(fact["story"]))})

    facts = [{**fact, "story": full_key(str(fact["story"]))}
             for fact in _labelled_facts(dataset_dir, part, story_key, labels_dir or LABELS_DIR)]  # fmt: skip
    stories = {str(fact["story"]) for fact in facts}
    records = [r for r in all_records if str(r["event"]) in stories]
    return records, facts


def score_corroboration(dataset_dir: Path, annotate: Annotate | None = None, part: Part = "all") -> Scored[JudgedFact]:
    dataset_dir = Path(dataset_dir)
    records, gold_facts = load_gold(dataset_dir, part)
    annotate = annotate or default_annotator()
    by_story_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_story_id[str(record["event"])].append(record)

    judged: list[JudgedFact] = []
    system_facts = 0
    for story, story_records in by_story_id.items():
        articles = story_articles(story_records, annotate)
        # Gold rule: articles of one site are one source; different sites are independent.
        source_of = {a.id: a.publisher or a.id for a in articles}
        facts = corroborate(articles, source_of)
        system_facts += len(facts)
        by_id = {article.id: article for article in articles}
        judged.extend(_judge(gold, facts, by_id) for gold in gold_facts if gold["story"] == story)
    figures = {**_figures(judged), "dataset": dataset_dir.name, "part": part, "system_facts": system_facts}
    return Scored(figures, judged, _figures)


def evaluate_corroboration(dataset_dir: Path, annotate: Annotate | None = None, part: Part = "all") -> dict[str, Any]:
    return score_corroboration(dataset_dir, annotate, part).figures
