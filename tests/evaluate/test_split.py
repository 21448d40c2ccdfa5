"""The documented tune/check split: a fixed rule, whole stories and topics on one side."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from crosswire.evaluate import run_task
from crosswire.evaluate.split import by_event, by_topic, in_check_part, select, story_set_key
from support import quantity_set


def test_the_rule_is_the_documented_hash() -> None:
    for key in ("0", "17", "storm-at-sea", "3"):
        expected = int(hashlib.sha1(("check:" + key).encode()).hexdigest(), 16) % 3 == 0
        assert in_check_part(key) is expected


def test_parts_partition_the_set_and_keep_order() -> None:
    records = [{"id": i} for i in range(300)]
    tune, check = select(records, "tune"), select(records, "check")
    assert sorted(r["id"] for r in tune + check) == list(range(300))
    assert not {r["id"] for r in tune} & {r["id"] for r in check}
    assert [r["id"] for r in check] == sorted(r["id"] for r in check)
    # the check part is about a third
    assert 70 < len(check) < 130
    assert select(records, "all") == records


def test_a_whole_story_or_topic_stays_on_one_side() -> None:
    articles = [{"event": f"{topic}_{kind}", "id": f"{topic}-{n}"} for topic in range(30) for kind in ("ecb", "ecbplus")
                for n in range(3)]  # fmt: skip
    check = select(articles, "check", by_topic)
    topics = {by_topic(a) for a in check}
    assert all((by_topic(a) in topics) == (a in check) for a in articles)
    assert story_set_key(Path("stories/ecbplus-dev")) is by_topic
    assert story_set_key(Path("stories/giveme5w1h-dev")) is by_event


def test_an_unknown_part_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown part"):
        select([], "dev")  # type: ignore[arg-type]


def test_eval_scores_each_part_on_its_own_items(tmp_path: Path) -> None:
    """Tune and check figures count disjoint items that together make the whole set."""
    data = quantity_set(tmp_path / "mini-dev", 12)
    sizes = {part: run_task("quantities", data, part=part)["n"] for part in ("tune", "check", "all")}
    assert sizes["tune"] + sizes["check"] == sizes["all"] == 12
    assert sizes["check"] == sum(in_check_part(str(i)) for i in range(12))
