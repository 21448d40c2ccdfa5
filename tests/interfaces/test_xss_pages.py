"""The XSS payload set, in every field, inert on every page in real chromium (issue 15).

What the other tests already cover and this one does not repeat: test_security.py checks the
hostile *URL* list (and a hostile canonical link) in the server's HTML of the article and story
pages; test_web_ui.py follows five hostile URLs in the browser on the article page only;
bench/bench_hostile.py checks markup in titles, outlets and texts in the served HTML (no browser).
Here every field a page shows (id, title, author, outlet, text, URL; a feed's channel title, item
title, link, author and description; an HTML page's title, byline, site name and canonical link;
an uploaded file's name; an editor's name and note) carries a payload, ingested through the real
engine (``Engine.ingest`` over JSONL, RSS and HTML files; the ingest page; the corrections API),
and chromium opens every page: lists (plain, sorted, filtered by the payloads), every story page
and its contested view, every article page (with a highlighted span and search words), search,
404s, the ingest page's results and a story with an editor's note.

A payload that ran would set ``window.__xss`` or open a dialog.  The pages are loaded twice: as
served, and with the Content-Security-Policy bypassed (``bypass_csp``), so that escaping alone
must keep the payloads inert, not only the policy.  Besides, the DOM may hold no script, frame,
object, embed, base, svg or math element, no meta but charset and viewport, no ``on*`` attribute,
and no href/src/action/data that is ``javascript:``, ``data:`` or ``vbscript:``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape as html_escape
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from conftest import DESKTOP, PHONE, Server, ingest_into, running, screenshot, token_in_environment
from playwright.sync_api import Browser, Dialog, Page, ViewportSize

from crosswire.interfaces.api import create_app

TOKEN = "xss-pages-token-5d20"

#: Written for this test.  Each would set window.__xss (or open a dialog) if it ever ran.
PAYLOADS = [
    "<script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    '"><svg onload="window.__xss=\'svg\'">',
    "'><iframe src=\"javascript:parent.__xss='iframe'\"></iframe>",
    "<a href=\"javascript:window.__xss='a'\">pier</a>",
    "<object data=\"data:text/html,<script>parent.__xss='object'</script>\"></object>",
    '" autofocus onfocus="window.__xss=\'focus\'" x="',
    "' onmouseover='window.__xss=1' data-x='",
    "<body onload=alert('body')>",
    "<details open ontoggle=alert('toggle')>",
    '<base href="javascript:/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "{{ 7*7 }} {% if 1 %}jinja{% endif %} ${7*7} <%= 7*7 %>",
    "javascript:alert('url')",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]

#: Runs in the page: what would be a sign of markup that did not come from the templates.
SCAN_DOM = """() => {
  const problems = [];
  const foreign = "script, iframe, frame, frameset, object, embed, base, svg, math, applet, form[action^='j']";
  for (const el of document.querySelectorAll(foreign)) problems.push("element " + el.outerHTML.slice(0, 80));
  for (const el of document.querySelectorAll("meta")) {
    if (!el.hasAttribute("charset") && el.getAttribute("name") !== "viewport") problems.push("meta " + el.outerHTML);
  }
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push("attribute " + name + " on " + el.tagName);
      if (["href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"].includes(name)) {
        const value = attr.value.replace(/[\\s\\x00-\\x1f]/g, "").toLowerCase();
        if (/^(javascript|data|vbscript):/.test(value)) problems.push(name + "=" + attr.value.slice(0, 60));
      }
    }
  }
  for (const a of document.querySelectorAll("a[href]")) {
    if (!["http:", "https:"].includes(a.protocol)) problems.push("link protocol " + a.protocol);
  }
  return problems;
}"""


#: Each outlet tells the crossing in its own words: two independent reports, so their figures are contested.
_OPENINGS = (
    "The night ferry Orla Venn {n} carried {passengers} passengers across the Sound of Kell on Friday, "
    "the harbour office in Kell said.",
    "On Friday night the Orla Venn {n} carried {passengers} passengers over the Sound, according to the harbour "
    "office.",
)


def _jsonl_records() -> list[dict[str, Any]]:
    """Two reports per payload of one fictional ferry crossing that disagree on a figure."""
    records = []
    for n, payload in enumerate(PAYLOADS):
        for side, (outlet, passengers) in enumerate((("Kell Courier", 212), ("Sound Gazette", 230))):
            records.append(
                {
                    "id": f"xss-{n}-{side} {payload}",
                    "source": f"{outlet} {payload}",
                    "author": f"Mara Lind {payload}",
                    "url": payload
                    if payload.startswith(("javascript:", "data:"))
                    else f"https://k.example/{n}?{payload}",
                    "title": f"Night ferry {n} crosses the Sound of Kell {payload}",
                    "published": f"2024-06-{n + 1:02d}",
                    "text": (
                        _OPENINGS[side].format(n=n, passengers=passengers) + "\n\n"
                        f"Travellers wrote {payload} on the quay board before the crossing. The ferry company "
                        f"said the crossing took {n + 2} hours because of fog.\n\n"
                        f"The harbour master, Oskar Brand, said a second ferry would join the route in July."
                    ),
                }
            )
    return records


def _rss(payload: str) -> str:
    def text(i: int) -> str:
        return html_escape(f"<p>Tram line {i + 4} to Vessby reopened on Monday after the storm, the city said. "
                           f"A sign read {html_escape(payload)} at the depot gate all week.</p>"
                           f"<p>Drivers said the new timetable adds {i + 2} late trams on Fridays, and the depot "
                           f"will stay open to visitors on the first Sunday of each month.</p>")  # fmt: skip

    items = "".join(
        f"<item><title>{html_escape(f'Vessby tram line {i} reopens {payload}')}</title>"
        f"<link>{html_escape(payload if i == 0 else f'https://tram.example/{i}?{payload}')}</link>"
        f"<guid>{html_escape(f'tram-{i}-{payload}')}</guid>"
        f"<author>{html_escape(f'desk@tram.example (Ola Berg {payload})')}</author>"
        f"<pubDate>Mon, 0{i + 1} Jul 2024 08:00:00 GMT</pubDate>"
        f"<description>{text(i)}</description></item>"
        for i in range(2)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{html_escape(f'Vessby Tram News {payload}')}</title><link>https://tram.example/</link>"
            f"<description>Trams</description>{items}</channel></rss>")  # fmt: skip


def _html(n: int, payload: str) -> str:
    e = html_escape
    return (f"<html><head><title>{e(f'Lighthouse keeper retires {payload}')}</title>"
            f'<meta name="author" content="{e(f"Ines Holm {payload}")}">'
            f'<meta property="og:site_name" content="{e(f"Skerry Post {payload}")}">'
            f'<link rel="canonical" href="{e(payload)}"></head><body><article>'
            f"<h1>{e(f'Lighthouse keeper retires {payload}')}</h1>"
            f"<p>The last keeper of the Skerry {n} lighthouse retired on Sunday after 31 years, the coast office "
            f"said. Visitors left notes saying {e(payload)} on the lamp room door.</p>"
            f"<p>The light has run on its own since spring, and the coast office said the tower would open "
            f"to visitors in the summer months.</p></article></body></html>")  # fmt: skip


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("xss-pages")
    inputs = directory / "inputs"
    inputs.mkdir()
    (inputs / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in _jsonl_records()))
    # Feeds and pages with markup, attribute breakers and javascript:/data: links in every field.
    for n, (feed, html) in enumerate(zip((0, 2, 12, 13), (1, 3, 6, 12), strict=True)):
        (inputs / f"tram-{n}.rss").write_text(_rss(PAYLOADS[feed]))
        (inputs / f"skerry-{n}.html").write_text(_html(n, PAYLOADS[html]))
    db = str(directory / "crosswire.db")
    report = ingest_into(db, [str(inputs)])
    assert not report.errors, report.as_json()
    # Every record, both items of each feed and each page (none refused or dropped as too short).
    assert report.ingested == len(PAYLOADS) * 2 + 4 * 2 + 4, report.as_json()
    with token_in_environment(TOKEN), running(create_app(db)) as base_url:
        yield Server(base_url, db)


@pytest.fixture(scope="module")
def hostile_http(hostile: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=hostile.base_url, timeout=60) as client:
        yield client


def _q(value: str) -> str:
    return quote(value, safe="")


@pytest.fixture(scope="module")
def pages(hostile_http: httpx.Client) -> list[str]:
    """Every page of the hostile store, plus lists, searches and 404s asked for with the payloads."""
    http = hostile_http
    stories = http.get("/api/stories", params={"per_page": 200}).json()["stories"]
    # An editor's name and note carry payloads too (on an uncontested fact: the conflict rows must stay shown).
    fact = next((f for s in stories for f in http.get(f"/api/stories/{_q(s['id'])}").json()["facts"]
                 if f["status"] != "conflict"), None)  # fmt: skip
    assert fact is not None
    noted = next(s for s in stories if any(
        f["key"] == fact["key"] for f in http.get(f"/api/stories/{_q(s['id'])}").json()["facts"]))  # fmt: skip
    marked = http.post(
        f"/api/stories/{_q(noted['id'])}/facts/{fact['key']}/verdict",
        json={"verdict": "wrong", "note": f"Counts the crew {PAYLOADS[1]} {PAYLOADS[6]}", "editor": PAYLOADS[2]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert marked.status_code == 200, marked.text
    assert "Counts the crew" in http.get(f"/stories/{_q(noted['id'])}").text
    assert any(story["contested"] for story in stories)  # the conflict rows carry payloads too
    paths = ["/", "/?sort=newest", "/?sort=contested&contested=1", "/search?q=ferry", "/search?q=quay+board"]
    for payload in PAYLOADS:
        paths += [
            f"/?outlet={_q(payload)}&entity={_q(payload)}&place={_q(payload)}&since=2024-01-01",
            f"/search?q={_q(payload)}",
            f"/stories/{_q(payload)}",
            f"/articles/{_q(payload)}",
        ]
    outlets = {o for s in stories for o in s.get("outlets", [])}
    paths += [f"/?outlet={_q(outlet)}" for outlet in sorted(outlets)[:6]]
    for story in stories:
        brief = http.get(f"/api/stories/{_q(story['id'])}").json()
        paths += [f"/stories/{_q(story['id'])}", f"/stories/{_q(story['id'])}?view=contested"]
        spans = {m["article"]: f"{m['start']}-{m['end']}" for f in brief["facts"] for m in f["mentions"]}
        for article in story["articles"]:
            hl = f"hl={spans[article]}&" if article in spans else ""
            paths.append(f"/articles/{_q(article)}?{hl}q=quay+{_q(PAYLOADS[0])}")
    return paths


def _assert_inert(page: Page, path: str, dialogs: list[str]) -> None:
    response = page.goto(path)
    assert response is not None and response.status in (200, 404), (path, response and response.status)
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__xss") == "undefined", (path, page.evaluate("window.__xss"))
    assert page.evaluate(SCAN_DOM) == [], path
    assert dialogs == [], (path, dialogs)


@contextmanager
def hostile_page(
    browser: Browser, base_url: str, viewport: ViewportSize, bypass_csp: bool
) -> Iterator[tuple[Page, list[str]]]:
    """A fresh page that records the dialogs it opens (and dismisses them) and the policy violations."""
    context = browser.new_context(base_url=base_url, viewport=viewport, bypass_csp=bypass_csp)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message} at {page.url}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        yield page, dialogs
    finally:
        context.close()


#: Collects the Content-Security-Policy violations a page reports (added over the DevTools protocol).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
"""


@pytest.mark.parametrize(
    ("viewport", "bypass_csp"), [(PHONE, False), (DESKTOP, True)], ids=["phone-as-served", "desktop-no-csp"]
)
def test_no_payload_runs_on_any_page(
    browser: Browser, hostile: Server, pages: list[str], viewport: ViewportSize, bypass_csp: bool
) -> None:
    with hostile_page(browser, hostile.base_url, viewport, bypass_csp) as (page, dialogs):
        for path in pages:
            _assert_inert(page, path, dialogs)
            # Nothing even tried to run or load against the policy.
            assert page.evaluate("window.__violations") == [], path
        name = "desktop" if viewport is DESKTOP else "phone"
        story = next(p for p in pages if p.startswith("/stories/s-"))
        page.goto(story)
        screenshot(page, f"{name}-xss-story")
        page.goto(next(p for p in pages if p.startswith("/articles/xss-")))
        screenshot(page, f"{name}-xss-article")


def test_payloads_are_shown_as_text(browser: Browser, hostile: Server, hostile_http: httpx.Client) -> None:
    with hostile_page(browser, hostile.base_url, DESKTOP, bypass_csp=True) as (page, dialogs):
        for n, payload in enumerate(PAYLOADS):
            page.goto(f"/articles/{_q(f'xss-{n}-0 {payload}')}")
            assert payload in page.locator("h1").inner_text(), payload
            body = page.locator("main").inner_text()
            assert f"Travellers wrote {payload} on the quay board" in body, payload
            assert f"Mara Lind {payload}" in body, payload
        assert dialogs == []
        # A template-looking title is not evaluated anywhere.
        listing = hostile_http.get("/", params={"per_page": 200}).text
        assert "{{ 7*7 }}" in listing and "jinja{%" not in listing.replace("{% endif %}", "")


def test_the_ingest_page_shows_a_hostile_file_name_and_record_as_text(
    browser: Browser, hostile: Server, hostile_http: httpx.Client
) -> None:
    payload = PAYLOADS[2]
    record = _jsonl_records()[4] | {"id": "xss-upload", "text": _jsonl_records()[4]["text"].replace("Friday", "Sunday")}
    with hostile_page(browser, hostile.base_url, PHONE, bypass_csp=True) as (page, dialogs):
        page.goto("/ingest")
        name = f"{payload}.jsonl"
        page.set_input_files("#files", files=[{"name": name, "mimeType": "application/json",
                                               "buffer": (json.dumps(record) + "\nnot json\n").encode()}])  # fmt: skip
        page.fill("#token", TOKEN)
        page.click("form.ingest button[type=submit]")
        page.wait_for_selector("table.uploads")
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.evaluate(SCAN_DOM) == []
        assert dialogs == []
        # Chromium sends a quote in a file name as %22 (the HTML standard's form encoding).
        shown = page.locator("table.uploads").inner_text()
        assert name.replace('"', "%22") in shown, shown
        assert hostile_http.get("/api/articles/xss-upload").status_code == 200
        screenshot(page, "phone-xss-ingest-results")


def test_the_checks_see_a_payload_that_does_run(browser: Browser, hostile: Server) -> None:
    # The same checks on a page where markup is inserted by hand: they fail, so they can.
    with hostile_page(browser, hostile.base_url, DESKTOP, bypass_csp=True) as (page, dialogs):
        page.goto("/")
        page.evaluate("""() => document.querySelector("main").insertAdjacentHTML("beforeend",
            '<img src=x onerror="window.__xss=1"><a href=" JavaScript:void(0)">x</a>')""")
        page.wait_for_function("window.__xss === 1")
        problems = page.evaluate(SCAN_DOM)
        assert any(p.startswith("attribute onerror") for p in problems), problems
        assert any(p.startswith("href=") for p in problems), problems
        page.evaluate("() => { setTimeout(() => alert('seen'), 0); }")
        page.wait_for_timeout(200)
        assert dialogs and "seen" in dialogs[0]
