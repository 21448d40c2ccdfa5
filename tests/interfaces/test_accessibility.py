"""axe-core's accessibility rules on every page, in real chromium at phone and desktop size (issue 15).

axe-core is pinned in tests/package.json (installed by ``make install-dev`` and ``.ci/run`` with
``npm ci --prefix tests``).  Its script is evaluated in the page over the DevTools protocol, as a
test harness does, so the pages' own Content-Security-Policy (no script at all) stays as served.
Every ``<details>`` is opened first, so the collapsed fact table is checked too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import DESKTOP, PHONE, browser_page
from playwright.sync_api import Browser, Page, ViewportSize

if TYPE_CHECKING:
    from conftest import Served, Server

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
#: Impacts that fail the check; "moderate" and "minor" ones are printed, not failed.
FAILING = ("serious", "critical")
RUN_AXE = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "")),
  }));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: install the browser test tools with `npm ci --prefix tests`")
    return AXE.read_text(encoding="utf-8")


def violations(page: Page, axe_source: str) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.evaluate(axe_source)
    result: list[dict[str, Any]] = page.evaluate(RUN_AXE)
    return result


#: What the sample corpus's server answers on each page that may be no 200.  The ingest page says
#: writes are disabled (403) unless a write token is in the environment, as the ``served`` fixture sets it.
STATUS = {"not-found": (404,), "ingest": (200, 403)}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_serious_accessibility_violation_on_any_page(
    browser: Browser,
    sample: Server,
    served: Served,
    paths: dict[str, str],
    axe_source: str,
    viewport: ViewportSize,
) -> None:
    found: dict[str, list[dict[str, Any]]] = {}
    with browser_page(browser, sample.base_url, viewport) as page:
        for name, path in paths.items():
            response = page.goto(path)
            assert response is not None
            assert response.status in STATUS.get(name, (200,)), name
            found[name] = violations(page, axe_source)
    # The upload form itself, on the server that has a write token.
    with browser_page(browser, served.base_url, viewport) as page:
        response = page.goto("/ingest")
        assert response is not None and response.status == 200
        assert page.locator("form input[type=file]").count() == 1
        found["ingest-form"] = violations(page, axe_source)
    milder = {name: [v["id"] for v in found[name] if v["impact"] not in FAILING] for name in found}
    print("axe-core, milder findings:", json.dumps({k: v for k, v in milder.items() if v}))
    serious = {name: [v for v in found[name] if v["impact"] in FAILING] for name in found}
    assert not any(serious.values()), json.dumps({k: v for k, v in serious.items() if v}, indent=1)


def test_the_check_finds_a_violation_when_there_is_one(
    browser: Browser, sample: Server, paths: dict[str, str], axe_source: str
) -> None:
    # The same check on a page spoiled by hand: an unlabelled field and grey-on-grey text fail it.
    with browser_page(browser, sample.base_url, PHONE) as page:
        page.goto(paths["search"])
        page.evaluate("""() => {
          const field = document.querySelector("header.site input[type=search]");
          field.removeAttribute("aria-label");
          field.removeAttribute("placeholder");
          document.querySelector("main h1").style.color = "#c8c8c8";
        }""")
        ids = {v["id"] for v in violations(page, axe_source) if v["impact"] in FAILING}
    assert {"label", "color-contrast"} <= ids, ids
