"""The engine end to end on small inputs: idempotence, bad input, restarts."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from crosswire.engine import Engine
from crosswire.serialize import brief_to_json
from crosswire.store import open_store
from crosswire.store.sqlite import SQLiteStore
from crosswire.story_listing import summarise
from support import article_page

TUNNEL = "Rescue crews in Portvale pulled 27 people from the flooded Marrow Street tunnel on Tuesday."
BRIDGE = "Engineers closed the Kestrel Bridge in Aldmoor on Monday after finding 3 cracked cables."


def _good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ledger-tunnel.html").write_text(
        article_page("27 rescued from tunnel", "Harbor Ledger", "2026-11-10", TUNNEL)
    )
    (folder / "quay-tunnel.html").write_text(
        article_page("Tunnel rescue", "Quay Post", "2026-11-10T19:00:00", TUNNEL.replace("Rescue crews", "Crews"))
    )
    (folder / "ledger-bridge.html").write_text(article_page("Bridge shut", "Harbor Ledger", "2026-11-16", BRIDGE))
    return folder


def _bad(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 8)
    (folder / "broken.html").write_text("<html><body><div><p>unclosed <b>tags <i>only</div>")
    (folder / "tag-soup.htm").write_text("<<<html>>> <head><title></title></head><body></p></div></table></body>")
    (folder / "latin.txt").write_bytes("Caf\u00e9 news d\u00e9j\u00e0 vu".encode("latin-1"))
    (folder / "cut.html.gz").write_bytes(gzip.compress(b"<p>" + b"word " * 400 + b"</p>")[:40])
    (folder / "cut.warc.gz").write_bytes(b"WARC/1.1\r\nWARC-Type: response\r\n")
    (folder / "records.jsonl").write_text('{"id": "r1", "text": ""}\n{oops\n')
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04")
    return folder


def _snapshot(db: Path) -> list[tuple[object, ...]]:
    store = SQLiteStore(db)
    rows = [(s.article.id, s.story_id, s.duplicate_of, s.content_hash) for s in store.iter_articles()]
    rows.append(("state", store.load_state("story_clusterer")))  # type: ignore[arg-type]
    for kind in ("story", "document_frequency", "posting", "headline_word"):
        rows.append((kind, store.load_state_items("story_clusterer", kind)))  # type: ignore[arg-type]
    store.close()
    return rows


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return Engine(open_store(tmp_path / "cw.db"))


def test_good_files_are_ingested_and_every_bad_one_is_named(tmp_path: Path, engine: Engine) -> None:
    good = _good(tmp_path / "in")
    bad = _bad(tmp_path / "in" / "bad")
    report = engine.ingest([str(good)])
    assert report.ingested == 3
    failed = {Path(error["path"].split(":")[0]).name for error in report.errors}
    assert failed == {"empty.html", "binary.html", "broken.html", "tag-soup.htm", "latin.txt", "cut.html.gz",
                      "cut.warc.gz", "records.jsonl", "slides.pptx"}  # fmt: skip
    assert all(error["error"] for error in report.errors)
    assert bad.exists()


def test_an_article_in_mangled_markup_is_still_read(tmp_path: Path, engine: Engine) -> None:
    page = article_page("Bridge shut", "Harbor Ledger", "2026-11-16", BRIDGE)
    mangled = page.replace("</p>", "").replace("</article>", "").replace("</body></html>", "")[:-40]
    (tmp_path / "mangled.html").write_text(mangled)
    report = engine.ingest([str(tmp_path / "mangled.html")])
    assert report.errors == [] and report.ingested == 1
    assert "3 cracked cables" in engine.article("mangled.html").article.text


def test_bad_input_changes_nothing_already_stored(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    Engine(open_store(db)).ingest([str(_good(tmp_path / "good"))])
    before = _snapshot(db)
    report = Engine(open_store(db)).ingest([str(_bad(tmp_path / "bad"))])
    assert report.ingested == 0 and len(report.errors) >= 8
    assert _snapshot(db) == before


def test_ingesting_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    good = _good(tmp_path / "good")
    first = Engine(open_store(db)).ingest([str(good)])
    before = _snapshot(db)
    second = Engine(open_store(db)).ingest([str(good)])
    assert (first.ingested, second.ingested, second.duplicates) == (3, 0, 3)
    assert _snapshot(db) == before


def test_the_same_text_under_another_name_is_stored_once(tmp_path: Path, engine: Engine) -> None:
    good = _good(tmp_path / "good")
    (good / "copy-of-ledger-tunnel.html").write_bytes((good / "ledger-tunnel.html").read_bytes())
    report = engine.ingest([str(good)])
    assert (report.ingested, report.duplicates) == (3, 1)


def test_same_event_joins_one_story_and_other_events_stay_apart(tmp_path: Path, engine: Engine) -> None:
    engine.ingest([str(_good(tmp_path / "good"))])
    groups = sorted(sorted(story.articles) for story in engine.stories())
    assert groups == [["ledger-bridge.html"], ["ledger-tunnel.html", "quay-tunnel.html"]]


def test_a_lost_clusterer_state_is_rebuilt_from_the_stored_articles(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    Engine(open_store(db)).ingest([str(_good(tmp_path / "good"))])
    store = SQLiteStore(db)
    store._db.execute("DELETE FROM state")  # as if the ingest stopped before saving it
    store.close()
    later = tmp_path / "later"
    later.mkdir()
    (later / "post-tunnel.html").write_text(
        article_page("More on the tunnel", "Post Meridian", "2026-11-11", TUNNEL.replace("Portvale", "Portvale's"))
    )
    engine = Engine(open_store(db))
    engine.ingest([str(later)])
    tunnel = next(s for s in engine.stories() if "ledger-tunnel.html" in s.articles)
    assert "post-tunnel.html" in tunnel.articles


def _tunnel_reports(folder: Path) -> Path:
    """Four reports of one rescue, so that small chunks make the story grow chunk after chunk."""
    folder.mkdir(parents=True, exist_ok=True)
    outlets = ("Harbor Ledger", "Quay Post", "Portvale Gazette", "Aldmoor Echo")
    for number, outlet in enumerate(outlets):
        text = TUNNEL.replace("27 people", f"{27 + number} people") + f" Report {number} from {outlet}."
        (folder / f"tunnel-{number}.html").write_text(article_page("Tunnel rescue", outlet, "2026-11-10", text))
    return folder


def test_a_story_growing_through_chunks_gets_its_listing_row_once_per_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import crosswire.engine

    monkeypatch.setenv("CROSSWIRE_TEST_CHUNK_SIZE", "1")
    engine = Engine(open_store(tmp_path / "cw.db"))
    computed: list[str] = []
    write = crosswire.engine.write_story_brief
    monkeypatch.setattr(
        crosswire.engine, "write_story_brief", lambda story, stored: computed.append(story) or write(story, stored)
    )
    report = engine.ingest([str(_tunnel_reports(tmp_path / "in"))])
    stories = engine.store.story_ids()
    assert report.ingested == 4 and len(stories) == 1
    assert computed == list(stories)  # four chunks, one computation
    assert not engine.store.stories_without_summary()
    (row,) = engine.store.story_summaries().values()
    fresh = summarise(*Engine(engine.store).story_brief(row.id))
    assert len(row.articles) == 4
    for field in ("articles", "contested", "changing", "agreed", "facts"):
        assert getattr(row, field) == getattr(fresh, field), field
    assert sorted(row.outlets) == sorted(fresh.outlets)


def test_a_long_ingest_refreshes_listing_rows_between_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import crosswire.engine

    monkeypatch.setenv("CROSSWIRE_TEST_CHUNK_SIZE", "1")
    monkeypatch.setattr(crosswire.engine, "LISTING_REFRESH_SECONDS", 0.0)
    engine = Engine(open_store(tmp_path / "cw.db"))
    counts: list[int] = []
    engine.ingest([str(_tunnel_reports(tmp_path / "in"))], progress=lambda done, stored: counts.append(
        sum(len(row.articles) for row in engine.store.story_summaries().values())
    ))  # fmt: skip
    assert counts == [1, 2, 3, 4]


def test_a_story_page_reads_the_brief_stored_at_ingest_while_the_story_holds_the_same_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cw.db"
    Engine(open_store(db)).ingest([str(_tunnel_reports(tmp_path / "in"))])
    reader = Engine(open_store(db))
    (story_id,) = reader.store.story_ids()
    written: list[str] = []
    write = reader.story_brief
    monkeypatch.setattr(reader, "story_brief", lambda story: written.append(story) or write(story))
    shown = reader.story_view(story_id)
    assert written == []  # read from the store, not corroborated again
    # The stored brief is the brief, every field of it: the same as one written afresh.
    assert shown.brief == write(story_id)[1]
    assert brief_to_json(shown.brief) == brief_to_json(write(story_id)[1])
    (people,) = [fact for fact in shown.brief.facts if fact.kind == "quantity"]
    assert sorted(mention.value for mention in people.mentions) == [27, 28, 29, 30]
    assert [head.id for head in shown.articles] == sorted(head.id for head in shown.articles)
    assert shown.story.title == "Tunnel rescue" and len(shown.story.articles) == 4


def test_a_brief_stored_for_other_articles_is_written_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import crosswire.engine

    db = tmp_path / "cw.db"
    writer = Engine(open_store(db))
    writer.ingest([str(_tunnel_reports(tmp_path / "in"))])
    (story_id,) = writer.store.story_ids()
    # An ingest that leaves its listing refresh for later (a long ingest between refreshes).
    monkeypatch.setattr(crosswire.engine, "LISTING_REFRESH_SECONDS", 3600.0)
    monkeypatch.setattr(writer, "_refresh_listing", lambda workers=None: None)
    later = tmp_path / "later"
    later.mkdir()
    (later / "tunnel-late.html").write_text(
        article_page("Tunnel rescue", "Marrow Street Bulletin", "2026-11-11", TUNNEL + " A fifth report, a day later.")
    )
    writer.ingest([str(later)])
    assert len(writer.store.story_article_ids(story_id)) == 5
    assert len(writer.store.stored_brief(story_id)[0]) == 4  # type: ignore[index]
    shown = Engine(open_store(db)).story_view(story_id)
    cited = {mention.article for fact in shown.brief.facts for mention in fact.mentions}
    assert "tunnel-late.html" in {source.article for source in shown.brief.sources}
    assert cited <= set(shown.story.articles)


def test_a_brief_stored_in_another_shape_is_written_afresh(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    Engine(open_store(db)).ingest([str(_tunnel_reports(tmp_path / "in"))])
    store = SQLiteStore(db)
    (story_id,) = store.story_ids()
    articles, _ = store.stored_brief(story_id)  # type: ignore[misc]
    store.save_story_brief(story_id, articles, '{"story": "x", "facts": "not a list"}')
    shown = Engine(store).story_view(story_id)
    assert shown.brief.story == story_id and len(shown.brief.sources) == 4
