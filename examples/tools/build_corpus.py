"""Write examples/corpus/ and its answer key from the stories in corpus_stories/.

Run from anywhere: ``python examples/tools/build_corpus.py``.  Output is
deterministic (gzip timestamps are fixed), so rebuilding changes no bytes
unless the text changed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

import build_warc
from corpus_model import AGGREGATORS, OUTLETS, Piece, ScoreCheck, Story
from corpus_stories import airport, bridge, brockton, cranberry, drone_show, dunmore, football, ipo, water
from render_capture import render_capture
from render_html import render_page, small_page

TOOLS = Path(__file__).resolve().parent
CORPUS = TOOLS.parent / "corpus"
WARC_PAGES = TOOLS / "warc_pages"
STORIES: tuple[Story, ...] = tuple(
    m.STORY for m in (bridge, airport, dunmore, water, ipo, brockton, drone_show, cranberry, football)
)
#: Extra "related" links so outlets with one article still show a realistic rail.
FILLER_LINKS = (
    ("High school hockey preview: five teams to watch", "/sports/hockey-preview"),
    ("Letters: readers weigh in on the school budget", "/opinion/letters"),
    ("Where to find the best chowder this winter", "/food/chowder-guide"),
)


def all_pieces() -> list[Piece]:
    return [piece for story in STORIES for piece in story.pieces]


def related_for(piece: Piece, pieces: list[Piece]) -> list[tuple[str, str]]:
    same_outlet = [(p.headline, p.url) for p in pieces if p.outlet == piece.outlet and p.slug != piece.slug]
    filler = [(text, f"https://www.{OUTLETS[piece.outlet].domain}{path}") for text, path in FILLER_LINKS]
    return (same_outlet + filler)[:4]


def comment_count(piece: Piece) -> int:
    return int(hashlib.sha1(piece.slug.encode()).hexdigest()[:4], 16) % 240


def body_text(piece: Piece) -> str:
    return "\n\n".join(p[3:] if p.startswith("## ") else p for p in piece.paragraphs)


def write_pages(pieces: list[Piece]) -> None:
    (CORPUS / "html").mkdir(parents=True, exist_ok=True)
    (CORPUS / "captures").mkdir(parents=True, exist_ok=True)
    for piece in pieces:
        if piece.fmt == "html":
            page = render_page(piece, related_for(piece, pieces), comment_count(piece))
            (CORPUS / "html" / piece.file_name).write_text(page, encoding="utf-8")
        elif piece.fmt == "html.gz":
            page = render_page(piece, related_for(piece, pieces), comment_count(piece))
            packed = gzip.compress(page.encode("utf-8"), mtime=0)
            (CORPUS / "html" / piece.file_name).write_bytes(packed)
        elif piece.fmt == "capture":
            (CORPUS / "captures" / piece.file_name).write_text(render_capture(piece), encoding="utf-8")


def write_records(pieces: list[Piece]) -> None:
    """records.jsonl: the JSONL pieces, then the records written by hand into the corpus, kept as they are."""
    lines = []
    for piece in (p for p in pieces if p.fmt == "jsonl"):
        record = {"id": piece.slug, "source": OUTLETS[piece.outlet].name, "url": piece.url,
                  "title": piece.headline, "published": piece.published, "text": body_text(piece)}
        if piece.with_html:
            record["html"] = small_page(piece)
        lines.append(json.dumps(record, ensure_ascii=False))
    lines += hand_written_records({p.article_id for p in pieces})
    (CORPUS / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def hand_written_records(generated: set[str]) -> list[str]:
    """The lines of the current records.jsonl that no story here generates: records of stories written by hand
    straight into the corpus (their own field names and furniture on purpose), kept byte for byte."""
    path = CORPUS / "records.jsonl"
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line and json.loads(line)["id"] not in generated]


def paragraphs_html(piece: Piece) -> str:
    return "".join(
        f"<h2>{escape(p[3:], quote=False)}</h2>" if p.startswith("## ") else f"<p>{escape(p, quote=False)}</p>"
        for p in piece.paragraphs
    )


def rss_feed(pieces: list[Piece]) -> str:
    outlet = OUTLETS[pieces[0].outlet]
    items = []
    for piece in pieces:
        when = format_datetime(datetime.fromisoformat(piece.published))
        items.append(f"""  <item>
    <title>{escape(piece.headline, quote=False)}</title>
    <link>{piece.url}</link>
    <guid isPermaLink="true">{piece.url}</guid>
    <pubDate>{when}</pubDate>
    <dc:creator>{escape(piece.author, quote=False)}</dc:creator>
    <category>News</category>
    <description>{escape(piece.paragraphs[0], quote=False)}</description>
    <content:encoded><![CDATA[{paragraphs_html(piece)}]]></content:encoded>
  </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>{escape(outlet.name)}</title>
  <link>https://www.{outlet.domain}/</link>
  <description>{escape(outlet.tagline)}</description>
  <language>en-us</language>
{chr(10).join(items)}
</channel>
</rss>
"""


def atom_feed(pieces: list[Piece]) -> str:
    outlet = OUTLETS[pieces[0].outlet]
    newest = max(p.published for p in pieces)
    entries = []
    for piece in pieces:
        entries.append(f"""  <entry>
    <title>{escape(piece.headline)}</title>
    <link rel="alternate" type="text/html" href="{piece.url}"/>
    <id>{piece.url}</id>
    <published>{piece.published}</published>
    <updated>{piece.published}</updated>
    <author><name>{escape(piece.author)}</name></author>
    <summary>{escape(piece.paragraphs[0])}</summary>
    <content type="html">{escape(paragraphs_html(piece))}</content>
  </entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{escape(outlet.name)}</title>
  <subtitle>{escape(outlet.tagline)}</subtitle>
  <link rel="self" href="https://www.{outlet.domain}/feeds/all.atom"/>
  <link rel="alternate" href="https://www.{outlet.domain}/"/>
  <id>https://www.{outlet.domain}/</id>
  <updated>{newest}</updated>
{chr(10).join(entries)}
</feed>
"""


def write_feeds(pieces: list[Piece]) -> None:
    (CORPUS / "feeds").mkdir(parents=True, exist_ok=True)
    rss = sorted((p for p in pieces if p.fmt == "rss"), key=lambda p: p.published, reverse=True)
    atom = sorted((p for p in pieces if p.fmt == "atom"), key=lambda p: p.published, reverse=True)
    (CORPUS / "feeds" / "brightfield-radio-news.xml").write_text(rss_feed(rss), encoding="utf-8")
    (CORPUS / "feeds" / "lakeshore-dispatch.xml").write_text(atom_feed(atom), encoding="utf-8")


def write_warc(pieces: list[Piece]) -> None:
    WARC_PAGES.mkdir(exist_ok=True)
    manifest = []
    for piece in (p for p in pieces if p.fmt == "warc"):
        name = piece.slug + ".html"
        (WARC_PAGES / name).write_text(render_page(piece, related_for(piece, pieces), comment_count(piece)),
                                       encoding="utf-8")
        manifest.append({"file": name, "uri": piece.url, "published": piece.published})
    (WARC_PAGES / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    build_warc.build(WARC_PAGES, CORPUS / "archive.warc.gz")


def answer_key() -> dict[str, object]:
    by_slug = {p.slug: p for p in all_pieces()}
    key: dict[str, object] = {
        "stories": [{"key": s.key, "event": s.event, "articles": [p.article_id for p in s.pieces]} for s in STORIES],
        "syndicated": [
            {"original": by_slug[p.copy_of].article_id, "copy": p.article_id}
            for p in all_pieces() if p.copy_of
        ],
        "aggregated": [
            {"article": p.article_id, "publisher": OUTLETS[p.original_outlet].name, "via": OUTLETS[p.outlet].name,
             "published": p.original_published}
            for p in all_pieces() if p.original_outlet and p.outlet in AGGREGATORS
        ],
    }
    for kind, name in (("conflict", "conflicts"), ("agreement", "agreements")):
        key[name] = [
            {"story": s.key, "about": f.about,
             "values": [{"article": by_slug[v.piece].article_id, "text": v.text, "value": v.value}
                        for v in f.values]}
            for s in STORIES for f in s.facts if f.kind == kind
        ]
    key["single_source_facts"] = [
        {"story": s.key, "about": f.about, "article": by_slug[v.piece].article_id, "text": v.text, "value": v.value}
        for s in STORIES for f in s.facts if f.kind == "single" for v in f.values
    ]
    key["dates"] = [
        {"story": s.key, "article": by_slug[d.piece].article_id, "text": d.text, "date": d.date}
        for s in STORIES for d in s.dates
    ]
    key["quotes"] = [
        {"story": s.key, "article": by_slug[q.piece].article_id, "text": q.text, "speaker": q.speaker}
        for s in STORIES for q in s.quotes
    ]
    key["final_scores"] = [final_score(s, check, by_slug) for s in STORIES for check in s.scores]
    singles = [s.key for s in STORIES if len({p.outlet for p in s.pieces}) == 1]
    key["single_outlet_story"] = singles[0]
    used = {p.outlet for p in all_pieces()} | {p.original_outlet for p in all_pieces() if p.original_outlet}
    key["outlets"] = [{"name": o.name, "domain": o.domain} for o in OUTLETS.values() if o.key in used]
    return key


def final_score(story: Story, check: ScoreCheck, by_slug: dict[str, Piece]) -> dict[str, Any]:
    [(winning, losing)] = {phrase.score for phrase in check.final}  # every outlet writes the one final score
    return {
        "story": story.key, "about": check.about, "winning score": winning, "losing score": losing,
        "reports": [{"article": by_slug[p.piece].article_id, "text": p.text} for p in check.final],
        "moments": [{"article": by_slug[p.piece].article_id, "text": p.text, "score": list(p.score)}
                    for p in check.moments],
    }


def with_hand_written(key: dict[str, Any]) -> dict[str, Any]:
    """The answer key with what was written by hand into the current EXPECTED.json kept: the entries of its
    lists about stories (or articles) that no story here generates, and the sections the generator does not
    write (``changing_figures``, ``kept_out`` ...), in the order the file has them."""
    path = CORPUS / "EXPECTED.json"
    if not path.exists():
        return key
    old: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    stories = {s.key for s in STORIES}
    articles = {p.article_id for p in all_pieces()}
    outlets = {o["name"] for o in key["outlets"]}

    def generated(entry: dict[str, Any]) -> bool:
        if "story" in entry or "key" in entry:
            return entry.get("story", entry.get("key")) in stories
        if "name" in entry:
            return entry["name"] in outlets
        return bool({entry.get(field) for field in ("original", "copy", "article")} & articles)

    merged: dict[str, Any] = {}
    for name in [*old, *(name for name in key if name not in old)]:
        if name not in key:
            merged[name] = old[name]
        elif isinstance(key[name], list) and isinstance(old.get(name), list):
            merged[name] = key[name] + [entry for entry in old[name] if not generated(entry)]
        else:
            merged[name] = key[name]
    return merged


def main() -> None:
    pieces = all_pieces()
    ids = [p.article_id for p in pieces]
    names = [p.file_name for p in pieces if p.fmt in ("html", "html.gz", "capture")]
    assert len(ids) == len(set(ids)), "article ids must be unique"
    assert len(names) == len(set(names)), "file names must be unique"
    write_pages(pieces)
    write_records(pieces)
    write_feeds(pieces)
    write_warc(pieces)
    key = with_hand_written(answer_key())
    (CORPUS / "EXPECTED.json").write_text(json.dumps(key, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(pieces)} articles in {len(STORIES)} stories to {CORPUS}")


if __name__ == "__main__":
    main()
