"""The fixed split of every evaluation set into a tuning part and a check part.

The rule is the one ``shared/data/README.md`` documents, so that every
session and every tool agrees on it without a list of ids:

    an item is in the check part when
    int(sha1(("check:" + KEY).encode()).hexdigest(), 16) % 3 == 0

KEY is the item's ``id``, except for story sets, where a whole story stays on
one side: the giveme5w1h story and corroboration sets key by the story
(``event``, resp. ``story``), and ECB+ by its topic (the part of ``event``
before the first ``_``), so both events of a topic are on one side.

The tuning part may be read, debugged on and written rules from; the check
part is only scored (``crosswire eval`` prints aggregate figures for it, never
an item).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

Part = Literal["tune", "check", "all"]
PARTS: tuple[Part, ...] = get_args(Part)

Record = TypeVar("Record", bound=Mapping[str, Any])
SplitKey = Callable[[Mapping[str, Any]], str]


def in_check_part(key: str) -> bool:
    """Whether the item (or story, or topic) named ``key`` belongs to the check part."""
    return int(hashlib.sha1(("check:" + key).encode()).hexdigest(), 16) % 3 == 0


def by_id(record: Mapping[str, Any]) -> str:
    return str(record["id"])


def by_event(record: Mapping[str, Any]) -> str:
    return str(record["event"])


def by_story(record: Mapping[str, Any]) -> str:
    return str(record["story"])


def by_topic(record: Mapping[str, Any]) -> str:
    """ECB+: ``"3_ecb"`` and ``"3_ecbplus"`` are both topic ``"3"``."""
    return str(record["event"]).split("_", 1)[0]


def story_set_key(dataset_dir: Path) -> SplitKey:
    """How the articles of a story set are split: by topic for ECB+ sets, by event otherwise."""
    return by_topic if Path(dataset_dir).name.lower().startswith("ecbplus") else by_event


def in_part(key: str, part: Part) -> bool:
    if part == "all":
        return True
    return in_check_part(key) == (part == "check")


def select(records: Iterable[Record], part: Part, key: SplitKey = by_id) -> list[Record]:
    """The records of one part, in their original order."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: choose one of {', '.join(PARTS)}")
    return [record for record in records if in_part(key(record), part)]
