"""``fetch`` and ``watch`` against a real HTTP server on the loopback interface.

The server is Python's own ``http.server`` serving pages and a feed written
here; the commands run as the installed entry point in a subprocess, with
``--allow-private`` because loopback is refused otherwise.
"""

from __future__ import annotations

import functools
import json
import signal
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_contract import CROSSWIRE, run

from support import article_page

FULL_TEXT = (
    "The Saltmarsh ferry resumed its crossings on Monday after three days of gales had kept it in port. "
    "The operator said 14 sailings were cancelled and about 2,000 passengers were moved to buses. "
) * 4


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Saltmarsh Gazette</title><link>{base}/</link><description>Local news</description>
<item><title>Ferry crossings resume after gales</title><link>{base}/ferry.html</link>
<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{FULL_TEXT}</p>]]></content:encoded></item>
<item><title>Library reopens its reading room</title><link>{base}/library.html</link>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><description>The reading room is open again.</description></item>
</channel></rss>"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "feed.xml").write_text(_feed(base), encoding="utf-8")
    (root / "library.html").write_text(
        article_page("Library reopens its reading room", "Saltmarsh Gazette", "2026-03-03T10:00:00Z",
                     "The town library reopened its reading room on Tuesday after a year of repairs to the roof."),
        encoding="utf-8",
    )  # fmt: skip
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def _article_count(db: Path) -> int:
    result = run("stories", "--json", db=db)
    assert result.returncode == 0, result.stderr
    return sum(len(story["articles"]) for story in json.loads(result.stdout))


def test_watch_once_ingests_feed_items_and_linked_pages_and_twice_changes_nothing(site: str, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# our one feed\n{site}/feed.xml\n", encoding="utf-8")
    db = tmp_path / "watch.db"
    first = run("watch", str(feeds), "--allow-private", "--once", db=db)
    assert first.returncode == 0, first.stderr
    assert _article_count(db) == 2  # the item with full text, and the page the other item links to
    again = run("watch", str(feeds), "--allow-private", "--once", db=db)
    assert again.returncode == 0, again.stderr
    assert _article_count(db) == 2


def test_watch_refuses_loopback_without_allow_private(site: str, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site}/feed.xml\n", encoding="utf-8")
    result = run("watch", str(feeds), "--once", db=tmp_path / "refused.db")
    assert "private, loopback" in result.stderr
    assert "Traceback" not in result.stderr


def test_watch_polls_until_interrupted(site: str, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site}/feed.xml\n", encoding="utf-8")
    db = tmp_path / "loop.db"
    command = [CROSSWIRE, "--db", str(db), "watch", str(feeds), "--allow-private", "--interval", "0.2"]
    # Ctrl-C as a user at a terminal sends it: a suite run as a background job hands its children SIGINT
    # ignored, and watch (rightly) keeps ignoring it then.
    def interruptible() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, preexec_fn=interruptible) as process:
        assert process.stderr is not None
        reports = [process.stderr.readline() for _ in range(2)]  # two polls: the loop goes on by itself
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=60)
    assert all(line.startswith("{") for line in reports), reports
    assert "stopped" in rest and "Traceback" not in rest
    assert process.returncode == 0
    assert _article_count(db) == 2


def test_fetch_ingests_a_loopback_page_with_allow_private(site: str, tmp_path: Path) -> None:
    db = tmp_path / "fetch.db"
    result = run("fetch", "--allow-private", f"{site}/library.html", db=db)
    assert result.returncode == 0, result.stderr
    assert _article_count(db) == 1
