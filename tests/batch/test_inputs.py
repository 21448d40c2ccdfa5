"""Which files a batch reads, in which order, and what it says about the others."""

from __future__ import annotations

from pathlib import Path

from crosswire.batch.inputs import list_batch_inputs


def test_folder_inputs_are_sorted_and_only_warc_and_jsonl_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.jsonl", "a.warc.gz", "sub/c.warc", "page.html", "README.md", ".hidden.jsonl"):
        (folder / name).write_text("x")
    listed = list_batch_inputs([folder, tmp_path / "gone.jsonl"])
    assert [Path(item.path).name for item in listed] == ["a.warc.gz", "b.jsonl", "page.html", "c.warc", "gone.jsonl"]
    problems = {Path(item.path).name: item.problem for item in listed}
    assert problems["a.warc.gz"] is None and problems["b.jsonl"] is None and problems["c.warc"] is None
    assert "only WARC" in str(problems["page.html"])
    assert problems["gone.jsonl"] == "no such file or directory"
