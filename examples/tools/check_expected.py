"""Self-check of the sample corpus against its answer key.

Reads examples/corpus/ directly (not through the generator) and checks that
every article id named in EXPECTED.json exists under the id rules of
contract.md, that every story article appears exactly once, and that every
quoted phrase occurs in that article's raw content.

Usage: ``.venv/bin/python examples/tools/check_expected.py`` (exit 1 on any problem).
"""

from __future__ import annotations

import gzip
import html
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"
ATOM = "{http://www.w3.org/2005/Atom}"


def page_articles() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((CORPUS / "html").iterdir()):
        raw = path.read_bytes()
        name = path.name
        if name.endswith(".gz"):
            raw, name = gzip.decompress(raw), name[: -len(".gz")]
        found[name] = raw.decode("utf-8")
    for path in sorted((CORPUS / "captures").glob("*.txt")):
        found[path.name] = path.read_text(encoding="utf-8")
    return found


def record_articles() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in (CORPUS / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        missing = {"id", "url", "title", "published", "text"} - record.keys()
        if not {"source", "publisher"} & record.keys():  # the outlet's name, under either field (sources/jsonl.py)
            missing.add("source")
        if missing:
            raise SystemExit(f"records.jsonl: record {record.get('id')} lacks {sorted(missing)}")
        found[record["id"]] = record["text"]
    return found


def feed_articles() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((CORPUS / "feeds").glob("*.xml")):
        root = ET.parse(path).getroot()
        for item in root.iter("item"):
            found[item.findtext("link", "")] = item.findtext(CONTENT_NS, "")
        for entry in root.iter(f"{ATOM}entry"):
            link = entry.find(f"{ATOM}link[@rel='alternate']")
            href = link.get("href", "") if link is not None else ""
            found[href] = entry.findtext(f"{ATOM}content", "")
    return found


def warc_articles() -> dict[str, str]:
    found: dict[str, str] = {}
    with (CORPUS / "archive.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            uri = record.headers.get("WARC-Target-URI")
            found[str(uri)] = record.reader.read().decode("utf-8")
    return found


def all_articles() -> dict[str, str]:
    articles: dict[str, str] = {}
    for source in (page_articles(), record_articles(), feed_articles(), warc_articles()):
        clash = articles.keys() & source.keys()
        if clash:
            raise SystemExit(f"duplicate article ids: {sorted(clash)}")
        articles.update(source)
    # Phrases are checked against text as a reader sees it, so entities are decoded.
    return {key: html.unescape(value) for key, value in articles.items()}


def check(expected: dict[str, Any], articles: dict[str, str]) -> list[str]:
    problems: list[str] = []
    story_keys = {story["key"] for story in expected["stories"]}
    listed = [article for story in expected["stories"] for article in story["articles"]]
    for article in sorted(set(listed) - articles.keys()):
        problems.append(f"story article not in corpus: {article}")
    for article in sorted(articles.keys() - set(listed)):
        problems.append(f"corpus article in no story: {article}")
    if len(listed) != len(set(listed)):
        problems.append("an article is listed in more than one story")

    def phrase(article: str, text: str, where: str) -> None:
        if article not in articles:
            problems.append(f"{where}: unknown article {article}")
        elif text not in articles[article]:
            problems.append(f"{where}: {text!r} not found in {article}")

    for pair in expected["syndicated"]:
        for role in ("original", "copy"):
            if pair[role] not in articles:
                problems.append(f"syndicated: unknown article {pair[role]}")
    for item in expected["aggregated"]:
        if item["article"] not in articles:
            problems.append(f"aggregated: unknown article {item['article']}")
    for group in ("conflicts", "agreements"):
        for fact in expected[group]:
            if fact["story"] not in story_keys:
                problems.append(f"{group}: unknown story {fact['story']}")
            for value in fact["values"]:
                phrase(value["article"], value["text"], f"{group}/{fact['about']}")
    for fact in expected["single_source_facts"]:
        phrase(fact["article"], fact["text"], f"single/{fact['about']}")
    # Optional extras of this corpus's key: date phrases, quotation openings and final scores.
    for item in expected.get("dates", []):
        phrase(item["article"], item["text"], f"dates/{item['date']}")
    for item in expected.get("quotes", []):
        phrase(item["article"], item["text"], f"quotes/{item['speaker']}")
    for item in expected.get("final_scores", []):
        for report in item["reports"] + item["moments"]:
            phrase(report["article"], report["text"], f"final_scores/{item['about']}")
    if expected["single_outlet_story"] not in story_keys:
        problems.append(f"single_outlet_story: unknown story {expected['single_outlet_story']}")
    return problems


def main() -> int:
    expected = json.loads((CORPUS / "EXPECTED.json").read_text(encoding="utf-8"))
    articles = all_articles()
    problems = check(expected, articles)
    for problem in problems:
        print("FAIL", problem)
    stories = len(expected["stories"])
    print(f"{len(articles)} articles, {stories} stories, {len(expected['outlets'])} outlets: "
          f"{'OK' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
