"""Every command of ../shared/docs/contract.md answers --help and prints the documented JSON.

These run the installed ``crosswire`` entry point in a subprocess, as an
external evaluation would.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

CROSSWIRE = str(Path(sys.executable).parent / "crosswire")
CONTRACT_COMMANDS = ["extract", "annotate", "ingest", "stories", "brief", "eval", "serve", "fetch", "watch", "batch"]

LEAD = (
    "Rescue crews in Portvale pulled 27 people from the flooded Marrow Street tunnel on Tuesday, "
    "the harbour fire service said. More than 40 volunteers joined the effort overnight."
)
#: The same event in another outlet's own words (not a copy: counted as a second source).
OTHER = (
    "Twenty-seven people trapped by floodwater in Portvale's Marrow Street tunnel were brought out alive "
    "on Tuesday. Firefighters said the rescue took most of the night and that the tunnel would stay shut. "
    "Several drivers abandoned their cars as the water reached the windows, one witness told the Quay Post. "
    "The council has promised an inquiry into why the pumps at the tunnel mouth did not start. "
)
FILLER = (
    "Water rose quickly after the storm drains failed near the old market, according to officials who "
    "asked residents to avoid the lower town until the pumps had cleared the road. "
)


def _page(title: str, outlet: str, date: str, lead: str) -> str:
    rest = [FILLER * 2, FILLER, "Repairs are expected to take weeks."] if lead != OTHER else [OTHER, OTHER]
    body = "".join(f"<p>{text}</p>" for text in [lead, *rest])
    return (
        f"<html><head><title>{title} | {outlet}</title>"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{date}">'
        f'<meta name="author" content="Mara Ellis"></head><body><nav><a href="/">Home</a> <a href="/x">World</a></nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright {outlet}</footer></body></html>"
    )


def run(*args: str, stdin: str | None = None, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [CROSSWIRE, *(["--db", str(db)] if db else []), *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=300, check=False)


def json_lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "ledger-tunnel.html").write_text(
        _page("Crews rescue 27 from tunnel", "Harbor Ledger", "2026-11-11", LEAD)
    )
    (folder / "quay-tunnel.html").write_text(
        _page("Tunnel flood: 27 rescued", "Quay Post", "2026-11-11T18:00:00", OTHER)
    )
    unrelated = "Grain prices in Aldmoor fell for a third week as the harvest came in early. " * 4
    (folder / "broken.jsonl").write_text('{"id": "ok", "text": "' + unrelated + '"}\n{not json\n')
    return folder


@pytest.fixture(scope="module")
def db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "cw.db"
    result = run("ingest", str(corpus), "--json", db=path)
    assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize("command", CONTRACT_COMMANDS)
def test_every_contract_command_answers_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout


def test_extract_prints_one_documented_object_per_file(corpus: Path) -> None:
    result = run("extract", str(corpus / "ledger-tunnel.html"), str(corpus / "quay-tunnel.html"), "--json")
    assert result.returncode == 0, result.stderr
    objects = json_lines(result.stdout)
    assert len(objects) == 2
    keys = {"path", "kind", "title", "author", "published", "publisher", "via", "url", "language", "text"}
    for obj in objects:
        assert keys <= obj.keys()
        assert obj["kind"] == "html"
        assert "Marrow Street tunnel" in obj["text"] and "Home" not in obj["text"]
    assert objects[0]["published"].startswith("2026-11-11")


def test_extract_reports_bad_files_per_item_and_carries_on(tmp_path: Path, corpus: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.html"), str(corpus / "ledger-tunnel.html"), "--json")
    assert result.returncode == 0
    bad, good = json_lines(result.stdout)
    assert bad == {"path": str(tmp_path / "empty.html"), "error": "file is empty"}
    assert "text" in good


def test_extract_exits_non_zero_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.html"), "--json")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr


def test_annotate_prints_the_documented_fields() -> None:
    line = json.dumps({"id": "n1", "text": LEAD, "published": "2026-11-12"})
    result = run("annotate", "-", "--json", stdin=line + "\n")
    assert result.returncode == 0, result.stderr
    (obj,) = json_lines(result.stdout)
    assert obj["id"] == "n1"
    assert {"entities", "quantities", "dates", "quotes", "frame"} <= obj.keys()
    assert set(obj["frame"]) == {"who", "what", "when", "where", "why", "how"}
    for key, fields in {
        "entities": {"text", "label", "start", "end"},
        "quantities": {"text", "start", "end", "value", "value_max", "unit", "qualifier", "change"},
        "dates": {"text", "start", "end", "date"},
    }.items():
        assert obj[key], key
        for item in obj[key]:
            assert fields <= item.keys()
            assert LEAD[item["start"] : item["end"]] == item["text"]
    assert any(q["value"] == 27 for q in obj["quantities"])


def test_annotate_lists_ranks_apart_from_the_quantities() -> None:
    # A rank is no amount: the contract's quantities (which quantity benchmarks score) leave "the sixth round" out.
    text = "Ana Ruiz stopped Tom Berg in the sixth round after landing 40 punches on Saturday."
    result = run("annotate", "-", "--json", stdin=json.dumps({"id": "r1", "text": text, "published": None}) + "\n")
    assert result.returncode == 0, result.stderr
    (obj,) = json_lines(result.stdout)
    assert [(q["text"], q["value"]) for q in obj["quantities"]] == [("40 punches", 40)]
    assert [(r["text"], r["value"], r["counted"]) for r in obj["ranks"]] == [("sixth", 6, "round")]


def test_annotate_lists_scores_apart_from_the_quantities() -> None:
    # A game's score is two figures told as one pair, no amount: each side is listed under "scores".
    text = "The Harbour Owls beat Kelso 3-1 on Saturday, and 2,400 fans saw it."
    result = run("annotate", "-", "--json", stdin=json.dumps({"id": "s1", "text": text, "published": None}) + "\n")
    assert result.returncode == 0, result.stderr
    (obj,) = json_lines(result.stdout)
    assert [(q["text"], q["value"]) for q in obj["quantities"]] == [("2,400 fans", 2400)]
    assert [(s["text"], s["value"], s["tally"]) for s in obj["scores"]] == [
        ("3-1", 3, "winning score"),
        ("3-1", 1, "losing score"),
    ]


def test_ingest_summary_and_idempotence(corpus: Path, db: Path) -> None:
    again = run("ingest", str(corpus), "--json", db=db)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["ingested"] == 0
    assert summary["duplicates"] == 3
    assert [e["path"] for e in summary["errors"]] == [f"{corpus / 'broken.jsonl'}:2"]


def test_stories_lists_every_article_once(db: Path) -> None:
    result = run("stories", "--json", db=db)
    assert result.returncode == 0, result.stderr
    stories = json.loads(result.stdout)
    keys = {"id", "title", "articles", "independent_sources", "first_published", "last_published"}
    assert all(keys <= story.keys() for story in stories)
    members = [article for story in stories for article in story["articles"]]
    assert sorted(members) == ["ledger-tunnel.html", "ok", "quay-tunnel.html"]
    for story in stories:
        assert 1 <= story["independent_sources"] <= len(story["articles"])
        assert story["first_published"] is None or story["first_published"] <= story["last_published"]


def test_brief_json_has_the_documented_shape(db: Path) -> None:
    stories = json.loads(run("stories", "--json", db=db).stdout)
    story_id = stories[0]["id"]
    result = run("brief", story_id, "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert {"story", "title", "key_points", "facts", "timeline", "sources"} <= brief.keys()
    assert brief["story"] == story_id
    for point in brief["key_points"]:
        assert point["text"] and point["citations"]
        assert {"article", "start", "end"} <= point["citations"][0].keys()
    for fact in brief["facts"]:
        assert {"kind", "about", "value", "status", "mentions"} <= fact.keys()
        assert fact["status"] in {"agree", "conflict", "single"}
    for source in brief["sources"]:
        assert {"article", "publisher", "via", "independent"} <= source.keys()


def test_brief_markdown_and_unknown_story(db: Path) -> None:
    stories = json.loads(run("stories", "--json", db=db).stdout)
    markdown = run("brief", stories[0]["id"], "--format", "md", db=db)
    assert markdown.returncode == 0 and markdown.stdout.startswith("#")
    missing = run("brief", "no-such-story", "--format", "json", db=db)
    assert missing.returncode != 0
    assert "no story" in missing.stderr and "Traceback" not in missing.stderr


def test_eval_extraction_on_a_tiny_dataset(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    body = LEAD + " " + FILLER * 3
    page = _page("Crews rescue 27", "Harbor Ledger", "2026-11-11", body)
    (tmp_path / "pages" / "p1.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "p1", "url": None, "body": body}) + "\n")
    result = run("eval", "extraction", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)
    assert metrics["task"] == "extraction" and metrics["n"] == 1
    assert 0.5 < metrics["f1"] <= 1.0


def test_eval_scores_one_part_and_refuses_an_unknown_part(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    records = []
    for number in range(6):
        body = LEAD + " " + FILLER * (number + 1)
        page = _page("Crews rescue 27", "Harbor Ledger", "2026-11-11", body)
        (tmp_path / "pages" / f"p{number}.html.gz").write_bytes(gzip.compress(page.encode()))
        records.append(json.dumps({"id": f"p{number}", "url": None, "body": body}))
    (tmp_path / "gold.jsonl").write_text("\n".join(records) + "\n")
    sizes = {}
    for part in ("tune", "check"):
        result = run("eval", "extraction", str(tmp_path), "--part", part, "--json")
        assert result.returncode == 0, result.stderr
        metrics = json.loads(result.stdout)
        assert metrics["part"] == part and set(metrics) >= {"n", "precision", "recall", "f1"}
        sizes[part] = metrics["n"]
    assert sizes["tune"] + sizes["check"] == 6
    refused = run("eval", "extraction", str(tmp_path), "--part", "dev", "--json")
    assert refused.returncode == 2 and "unknown part 'dev'" in refused.stderr


def test_eval_on_a_missing_dataset_says_so(tmp_path: Path) -> None:
    result = run("eval", "stories", str(tmp_path / "absent"), "--json")
    assert result.returncode != 0
    assert "not found" in result.stderr and "Traceback" not in result.stderr


def test_fetch_refuses_loopback_without_allow_private(tmp_path: Path) -> None:
    result = run("fetch", "http://127.0.0.1:9/page.html", db=tmp_path / "f.db")
    assert result.returncode != 0
    assert "private, loopback" in result.stderr


def test_serve_refuses_an_unreadable_body_limit_without_a_traceback(tmp_path: Path) -> None:
    command = [CROSSWIRE, "--db", str(tmp_path / "s.db"), "serve", "--port", "0"]
    environment = {**os.environ, "CROSSWIRE_MAX_BODY": "a lot"}
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, env=environment)
    assert result.returncode == 2
    assert "CROSSWIRE_MAX_BODY" in result.stderr and "Traceback" not in result.stderr


def test_annotate_refuses_an_over_long_text_alone() -> None:
    lines = [json.dumps({"id": "short", "text": "Over 40 boats left the harbour on Tuesday."}),
             json.dumps({"id": "long", "text": "The tide turned again. " * 200})]  # fmt: skip
    command = [CROSSWIRE, "annotate", "-", "--json"]
    environment = {**os.environ, "CROSSWIRE_MAX_TEXT_CHARS": "1000"}
    result = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=300,
                            check=False, env=environment)  # fmt: skip
    assert result.returncode == 0, result.stderr
    short, long = json_lines(result.stdout)
    assert short["id"] == "short" and short["quantities"]
    assert long["id"] == "long" and "over the limit" in long["error"]


def test_annotate_over_two_processes_answers_every_line_in_order() -> None:
    lines: list[str] = []
    for number in range(80):
        if number % 9 == 4:
            lines.append(f'{{"id": "broken-{number}", "text": ')  # malformed JSON, answered in its place
        else:
            text = f"The ferry carried {number + 10} passengers across the bay to Portvale on Tuesday."
            lines.append(json.dumps({"id": f"line-{number}", "text": text}))
    command = [CROSSWIRE, "annotate", "-", "--json"]
    environment = {**os.environ, "CROSSWIRE_PROCESSES": "2"}
    result = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=300,
                            check=False, env=environment)  # fmt: skip
    assert result.returncode == 0, result.stderr
    answers = json_lines(result.stdout)
    assert len(answers) == 80
    for number, answer in enumerate(answers):
        if number % 9 == 4:
            assert "malformed JSON" in answer["error"]
        else:
            assert answer["id"] == f"line-{number}"
            assert [q["value"] for q in answer["quantities"]] == [number + 10]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_with_two_workers_answers_from_two_processes(db: Path) -> None:
    port = _free_port()
    command = [CROSSWIRE, "--db", str(db), "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        stories: list[dict[str, Any]] = []
        while not stories:
            assert server.poll() is None and time.monotonic() < deadline, "crosswire serve --workers 2 did not start"
            try:
                stories = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=5).json()
            except httpx.TransportError:
                time.sleep(0.2)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        assert len(children) >= 2  # uvicorn's worker processes, each with its own store connection
        tunnel = next(story for story in stories if len(story["articles"]) == 2)
        for _ in range(6):  # several requests, so that both workers answer some
            page = httpx.get(f"http://127.0.0.1:{port}/stories/{tunnel['id']}", timeout=30)
            assert page.status_code == 200 and "Quay Post" in page.text
    finally:
        server.terminate()
        server.wait(timeout=30)
