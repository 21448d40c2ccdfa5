"""``crosswire eval corroboration`` on a story set with facts labelled in the repository (issue 12).

The set here is fictional and written for this test: two stories, one on
each side of the split, each told by three outlets.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from crosswire.annotate.quantities.numbers import find_number_spans
from crosswire.errors import CrosswireError
from crosswire.evaluate import corroboration
from crosswire.evaluate.corroboration import load_gold, score_corroboration
from crosswire.evaluate.split import in_check_part
from crosswire.lexicon import terms
from crosswire.model import Article, Fact, FactMention

#: Words that can carry a number or a date in a labelled span.
NUMBER_OR_DATE_WORDS = (
    terms("crosswire.annotate.quantities", "number_words")
    | terms("crosswire.annotate.quantities", "fractions")
    | terms("crosswire.annotate", "months")
    | terms("crosswire.annotate", "weekdays")
    | terms("crosswire.annotate", "relative_days")
    | {"dozen", "dozens", "half", "hundreds", "thousands", "millions", "billions", "pair", "couple", "twice"}
    | {"double", "triple", "first", "second", "third", "fifth", "eighth", "ninth", "twelfth"}
    | {f"{word}th" for word in ("four", "six", "seven", "ten", "eleven", "thirteen", "fourteen", "fifteen")}
)

TUNE_STORY = "3:dam_repairs_in_lindmoor"
CHECK_STORY = "1:ferry_fire_in_portvale"
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

DAM_TEXTS = {
    "lindmoor-gazette.example": "Engineers began repairs on the Lindmoor dam on Monday. "
    "The work will cost 4 million euros and 120 workers will take part, the water board said.",
    "valley-post.example": "Repairs to the Lindmoor dam started this week. The water board put the cost at 4 million "
    "euros; about 120 workers are on site.",
    "river-news.example": "The Lindmoor dam is being repaired. Officials said 150 workers would join the crews, and "
    "the repairs will cost 4 million euros.",
}
FERRY_TEXTS = {
    "portvale-daily.example": "A fire broke out on a ferry near Portvale on Friday. All 86 passengers were brought "
    "ashore safely, the coastguard said.",
    "coast-times.example": "Coastguard boats carried 86 passengers off a burning ferry outside Portvale harbour.",
    "harbour-herald.example": "Smoke poured from a ferry off Portvale. The 86 passengers on board were rescued.",
}


def _article(story: str, source: str, text: str) -> dict[str, Any]:
    return {"id": f"{story[:1]}-{source}", "source": source, "url": None, "title": None,
            "published": "2026-11-06T09:00:00", "text": text, "event": story}  # fmt: skip


def _mention(article: dict[str, Any], number: str, value: float) -> dict[str, Any]:
    start = article["text"].index(number)
    return {"article": article["id"], "source": article["source"], "value": value, "qualifier": None,
            "start": start, "end": start + len(number)}  # fmt: skip


@pytest.fixture
def story_set(tmp_path: Path) -> tuple[Path, Path]:
    """A story set folder (articles only, as in ``shared/data/stories``) and a labels folder beside it."""
    assert not in_check_part(TUNE_STORY) and in_check_part(CHECK_STORY)
    dataset = tmp_path / "lindmoor-dev"
    dataset.mkdir()
    dam = [_article(TUNE_STORY, source, text) for source, text in DAM_TEXTS.items()]
    ferry = [_article(CHECK_STORY, source, text) for source, text in FERRY_TEXTS.items()]
    (dataset / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in dam + ferry), encoding="utf-8")
    tune_facts = [
        {"story": TUNE_STORY, "fact": "repair cost (EUR)", "kind": "quantity", "value": 4000000, "status": "agree",
         "mentions": [_mention(a, "4 million", 4000000) for a in dam]},
        {"story": TUNE_STORY, "fact": "workers on the repairs", "kind": "quantity", "value": 120,
         "status": "conflict", "mentions": [_mention(dam[0], "120", 120), _mention(dam[1], "120", 120),
                                            _mention(dam[2], "150", 150)],
         "note": "two outlets say 120, one says 150 on the same day"},
    ]  # fmt: skip
    check_facts = [
        {"story": CHECK_STORY, "fact": "passengers rescued", "kind": "quantity", "value": 86, "status": "agree",
         "mentions": [_mention(a, "86", 86) for a in ferry]},
    ]  # fmt: skip
    labels = tmp_path / "labels"
    labels.mkdir()
    for part, facts in (("tune", tune_facts), ("check", check_facts)):
        (labels / f"lindmoor-dev.{part}.jsonl").write_text("".join(json.dumps(f) + "\n" for f in facts))
    return dataset, labels


def test_each_part_reads_only_its_own_label_file_and_stories(story_set: tuple[Path, Path]) -> None:
    dataset, labels = story_set
    tune_articles, tune_facts = load_gold(dataset, "tune", labels)
    check_articles, check_facts = load_gold(dataset, "check", labels)
    assert {a["event"] for a in tune_articles} == {f["story"] for f in tune_facts} == {TUNE_STORY}
    assert {a["event"] for a in check_articles} == {f["story"] for f in check_facts} == {CHECK_STORY}
    all_articles, all_facts = load_gold(dataset, "all", labels)
    assert len(all_articles) == 6 and len(all_facts) == 3


def test_a_story_filed_under_the_wrong_part_is_refused(story_set: tuple[Path, Path]) -> None:
    dataset, labels = story_set
    check_file = labels / "lindmoor-dev.check.jsonl"
    (labels / "lindmoor-dev.tune.jsonl").write_text(check_file.read_text())
    with pytest.raises(CrosswireError, match=r"lindmoor-dev\.tune\.jsonl: story '1:ferry_fire_in_portvale'"):
        load_gold(dataset, "tune", labels)


def test_a_story_set_without_labels_is_a_clear_error(tmp_path: Path, story_set: tuple[Path, Path]) -> None:
    dataset, _ = story_set
    with pytest.raises(FileNotFoundError, match=r"no facts\.jsonl and no labels"):
        load_gold(dataset, "all", tmp_path / "nowhere")


def test_labelled_story_set_is_scored_with_the_real_annotators(
    story_set: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset, labels = story_set
    monkeypatch.setattr(corroboration, "LABELS_DIR", labels)
    figures = score_corroboration(dataset, part="tune").figures
    assert figures["n"] == 2 and figures["gold_by_status"] == {"agree": 1, "conflict": 1, "single": 0}
    # Three outlets give the same cost: found and agreed.  The worker count is a real disagreement.
    assert figures["recall_by_status"]["agree"] == 1.0
    assert figures["false_conflicts"] == 0


@pytest.mark.skipif(not DATA.is_dir(), reason="needs ../shared/data (the evaluation sets)")
@pytest.mark.parametrize("label_file", sorted(corroboration.LABELS_DIR.glob("*.jsonl")), ids=lambda p: p.name)
def test_labels_point_at_numbers_in_their_articles(label_file: Path) -> None:
    """Every labelled span lies in its article and holds a digit or a number word; statuses follow the sources.

    Messages name only ids and offsets, so a failure on the check file shows none of its text.
    """
    set_name = label_file.name.split(".")[0]
    records = [json.loads(line) for line in (DATA / "stories" / set_name / "articles.jsonl").open()]
    articles = {str(r["id"]): r for r in records}
    full_key = {str(r["event"]).split(":", 1)[0]: str(r["event"]) for r in records} | {
        str(r["event"]): str(r["event"]) for r in records
    }
    # Each check is first reduced to a bool, so that pytest's report of a failed assert shows no article text.
    for line_number, line in enumerate(label_file.read_text().splitlines(), 1):
        fact = json.loads(line)
        where = f"{label_file.name}:{line_number}"
        well_formed = fact["status"] in ("agree", "conflict", "single") and fact["kind"] in ("quantity", "date")
        assert well_formed, where
        assert len(fact["fact"].split()) <= 10, where
        single_source = len({m["source"] for m in fact["mentions"]}) == 1
        assert single_source == (fact["status"] == "single"), where
        story = full_key.get(fact["story"])
        assert story is not None, where
        for mention in fact["mentions"]:
            article = articles.get(mention["article"])
            in_story = article is not None and article["event"] == story
            assert in_story, (where, mention["article"])
            span = str(article["text"])[mention["start"] : mention["end"]] if article else ""
            short = 0 < len(span.split()) <= 12
            assert short, (where, mention["start"], mention["end"])
            # A date may be named by a holiday ("New Year's Eve"), so only a quantity must show its number.
            words = set(re.findall(r"[a-z]+", span.lower()))
            holds_number = bool(find_number_spans(span)) or bool(words & NUMBER_OR_DATE_WORDS) or fact["kind"] == "date"
            assert holds_number, (where, mention["start"])


def test_a_labelled_fact_is_judged_by_the_fact_holding_its_span() -> None:
    """Two claims in one article share the figure 8 (a tax rate, a number of instalments): the labelled one
    is the fact holding the labelled span, whatever the other claim's status."""
    text = "Firms face an 8 percent rate. They may pay in eight yearly instalments."

    def mention(article: str, words: str) -> FactMention:
        start = text.index(words)
        return FactMention(article=article, text=words, value=8.0, qualifier=None, start=start, end=start + len(words))

    rate = Fact(kind="quantity", about="percent rate", value=8.0, status="agree",
                mentions=(mention("a", "8 percent"), mention("b", "8 percent")))  # fmt: skip
    instalments = Fact(kind="quantity", about="instalments", value=8.0, status="single",
                       mentions=(mention("a", "eight yearly instalments"),))  # fmt: skip
    start = text.index("eight")
    gold = {"kind": "quantity", "value": 8, "status": "single",
            "mentions": [{"article": "a", "value": 8, "start": start, "end": start + 5}]}  # fmt: skip
    articles = {"a": Article(id="a", kind="record", origin="t", text=text)}
    judged = corroboration._judge(gold, [rate, instalments], articles)
    assert judged.matched and judged.right
    # A label whose span no fact holds still matches by value and article.
    gold["mentions"][0].update(start=0, end=4)
    assert not corroboration._judge(gold, [rate, instalments], articles).right


def test_a_labelled_measure_matches_our_fact_shown_in_another_unit() -> None:
    """One outlet writes "24km", another "15 miles": our one fact shows 24; a label giving the miles is that fact."""
    texts = {"a": "The depot stands 24km north of Carrow.", "b": "The depot is 15 miles north of Carrow."}

    def mention(article: str, words: str, value: float) -> FactMention:
        start = texts[article].index(words)
        return FactMention(article=article, text=words, value=value, qualifier=None, start=start,
                           end=start + len(words))  # fmt: skip

    distance = Fact(kind="quantity", about="distance", value=24.0, status="agree",
                    mentions=(mention("a", "24km", 24.0), mention("b", "15 miles", 15.0)))  # fmt: skip
    start = texts["b"].index("15 miles")
    gold = {"kind": "quantity", "value": 15, "status": "agree",
            "mentions": [{"article": "b", "value": 15, "start": start, "end": start + 8}]}  # fmt: skip
    articles = {k: Article(id=k, kind="record", origin="t", text=v) for k, v in texts.items()}
    judged = corroboration._judge(gold, [distance], articles)
    assert judged.matched and judged.right
    # The labelled value must be the value of a labelled sentence the fact holds, not of any of its mentions.
    gold["mentions"][0].update(article="a", start=texts["a"].index("24km"), end=texts["a"].index("24km") + 4)
    assert not corroboration._judge(gold, [distance], articles).matched


def test_a_labelled_agreement_of_outlets_printing_one_sentence_is_one_source_under_independence() -> None:
    """The labels count outlets; read with per-claim independence, two sites printing one wire sentence are a
    single source, and a third site telling the figure in its own words makes it an agreement."""
    wire = "Rescuers pulled 14 miners from the flooded shaft at Harrowgate overnight, the mine operator said."
    own = "Fourteen miners were brought up alive after water flooded the Harrowgate pit."
    articles = {
        "a": Article(id="a", kind="record", origin="t", text=f"Mine rescue. {wire}", publisher="north.example"),
        "b": Article(id="b", kind="record", origin="t", text=f"Miners saved. {wire}", publisher="south.example"),
        "c": Article(id="c", kind="record", origin="t", text=own, publisher="east.example"),
    }

    def labelled(article: str, words: str) -> dict[str, Any]:
        start = articles[article].text.index(words)
        return {"article": article, "source": articles[article].publisher, "value": 14, "start": start,
                "end": start + len(words)}  # fmt: skip

    gold = {"kind": "quantity", "value": 14, "status": "agree",
            "mentions": [labelled("a", "14 miners"), labelled("b", "14 miners")]}  # fmt: skip
    assert corroboration.independent_status(gold, articles) == "single"
    gold["mentions"].append(labelled("c", "Fourteen miners"))
    assert corroboration.independent_status(gold, articles) == "agree"
    # Other statuses are read as labelled.
    assert corroboration.independent_status({**gold, "status": "conflict"}, articles) == "conflict"
