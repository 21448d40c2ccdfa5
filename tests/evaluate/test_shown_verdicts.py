"""The hand-check dump of shown verdicts (``crosswire.evaluate.shown_verdicts``), on a fictional story set
written for this test: one story on each side of the split, each told by three outlets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.evaluate.shown_verdicts import JUDGE, diff, dump, main, read_rows, view
from crosswire.evaluate.split import in_check_part

TUNE_STORY = "3:dam_repairs_in_lindmoor"
CHECK_STORY = "1:ferry_fire_in_portvale"
TEXTS = {
    TUNE_STORY: [
        "Engineers began repairs on the Lindmoor dam on Monday. The work will cost 4 million euros, the water "
        "board said.",
        "Repairs to the Lindmoor dam started this week. The board put the cost of the work at 4 million euros.",
        "The Lindmoor dam is being repaired. Officials said the repairs would cost 4 million euros.",
    ],
    CHECK_STORY: [
        "A fire broke out on a ferry near Portvale on Friday. All 86 passengers were brought ashore safely.",
        "Coastguard boats carried 86 passengers off a burning ferry outside Portvale harbour on Friday.",
        "Smoke poured from a ferry off Portvale on Friday. The 86 passengers on board were rescued.",
    ],
}


def _story_set(root: Path) -> Path:
    assert not in_check_part(TUNE_STORY) and in_check_part(CHECK_STORY)
    folder = root / "stories" / "giveme5w1h-dev"
    folder.mkdir(parents=True)
    (root / "stories" / "ecbplus-dev").mkdir()
    (root / "stories" / "ecbplus-dev" / "articles.jsonl").write_text("", encoding="utf-8")
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for story, texts in TEXTS.items():
            for number, text in enumerate(texts):
                record = {"id": f"{story[:1]}-{number}", "source": f"outlet-{number}.example", "url": None,
                          "title": text.split(". ")[0], "published": f"2026-11-0{number + 2}T09:00:00",
                          "text": text, "event": story}  # fmt: skip
                handle.write(json.dumps(record) + "\n")
    return root


def test_the_dump_holds_the_shown_verdicts_of_the_tuning_part_only(tmp_path: Path) -> None:
    data = _story_set(tmp_path / "data")
    out = tmp_path / "rows.jsonl"
    assert dump(data, out) >= 1
    rows = read_rows(out)
    assert {row["story"] for row in rows} == {"giveme5w1h-dev/3"}  # the check story is never shown
    (cost,) = [row for row in rows if row["kind"] == "quantity"]
    assert (cost["status"], cost["value"], len(cost["mentions"])) == ("agree", 4_000_000, 3)
    assert all(m["sentence"] in TEXTS[TUNE_STORY][int(m["article"][-1])] for m in cost["mentions"])

    lines = list(view(rows, {"giveme5w1h-dev/3": ["Engineers began repairs"]}, 0, len(rows)))
    assert lines[0] == JUDGE and "   - Engineers began repairs" in lines
    assert any(line.strip().startswith("--- ROW 0: status=") for line in lines)

    # A change that drops a row and shows another: only those two are judged again.
    changed = [*rows[1:], {**rows[0], "status": "conflict"}]
    assert diff(rows, changed) == ([0], [len(changed) - 1])


def test_a_bad_command_prints_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["judge"]) == 2
    assert "shown_verdicts dump" in capsys.readouterr().err
