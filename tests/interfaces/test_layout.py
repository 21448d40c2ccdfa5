"""Every page works on a 390 px phone and from the keyboard, and reads without JavaScript (issue 15).

Real chromium over the server of the bundled sample corpus; screenshots of each page at phone and
desktop size are kept as test artefacts in conftest.SCREENSHOTS ($CROSSWIRE_SCREENSHOTS, by default
/tmp/crosswire-screens): phone-<page>.png and desktop-<page>.png.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
from conftest import DESKTOP, PHONE, browser_page, screenshot
from playwright.sync_api import Browser, Page, expect

if TYPE_CHECKING:
    from conftest import Server


def _open_details(page: Page) -> None:
    for summary in page.locator("details > summary").all():
        summary.click()


def test_no_page_scrolls_sideways_on_a_phone(browser: Browser, sample: Server, paths: dict[str, str]) -> None:
    with browser_page(browser, sample.base_url, PHONE) as page:
        for name, path in paths.items():
            page.goto(path)
            _open_details(page)  # the collapsed fact table and furniture too
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], (name, width)
            screenshot(page, f"phone-{name}")


def test_desktop_screenshots_and_no_sideways_scroll(browser: Browser, sample: Server, paths: dict[str, str]) -> None:
    with browser_page(browser, sample.base_url, DESKTOP) as page:
        for name, path in paths.items():
            page.goto(path)
            assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"], name
            screenshot(page, f"desktop-{name}")


def test_the_keyboard_reaches_a_skip_link_and_focus_is_visible(
    browser: Browser, sample: Server, paths: dict[str, str]
) -> None:
    with browser_page(browser, sample.base_url, PHONE) as page:
        for path in (paths["stories"], paths["story"], paths["search"]):
            page.goto(path)
            page.keyboard.press("Tab")
            skip = page.locator("a.skip")
            expect(skip).to_be_focused()
            expect(skip).to_be_in_viewport()
            assert skip.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
            page.keyboard.press("Enter")
            # The jump to the fragment may land a moment after the key press on a loaded machine.
            page.wait_for_url("**#main", timeout=5000)
            # The next Tab goes on into the content, with a visible focus ring.
            page.keyboard.press("Tab")
            focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert focused != "none"


def test_every_table_has_a_caption(sample_http: httpx.Client, paths: dict[str, str]) -> None:
    for name, path in paths.items():
        page = sample_http.get(path).text
        assert page.count("<table") == page.count("<caption>"), name


def test_pages_read_without_javascript(browser: Browser, sample: Server, paths: dict[str, str]) -> None:
    with browser_page(browser, sample.base_url, PHONE, javascript=False) as page:
        page.goto(paths["story"])
        expect(page.locator("#contested li.side").first).to_be_visible()
        page.locator("#facts summary").click()
        expect(page.locator("#facts table")).to_be_visible()
        page.goto(paths["stories"])
        page.locator("#f-contested").check()
        page.get_by_role("button", name="Show stories").click()
        expect(page.locator("tr.story").first).to_be_visible()
        assert page.locator("tr.story").count() == page.locator("tr.story .contested-badge").count()
