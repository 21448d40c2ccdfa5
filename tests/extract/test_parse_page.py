"""Pages are parsed as trafilatura parses them, into a tree whose element classes are looked up in C."""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.settings import Document, Extractor
from trafilatura.utils import load_html

from crosswire.errors import InputError
from crosswire.extract.html import EXTRACTOR, TRAFILATURA_OPTIONS, parse_page

PAGES = [
    "<html><head><title>Ferry timetable</title></head><body><p>Boats leave at nine.</p></body></html>",
    "<!DOCTYPE html>\n<html lang='en'><body><form action='/s'><input name='q' value='tides'>"
    "<label for='q'>Search</label><select><option>All</option></select><textarea>Note</textarea></form>"
    "<div><p>The harbour opens at dawn.</p><!-- a comment --><?pi x?></div></body></html>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>An XHTML page with a declaration.</p></body></html>",
    "<html/>\n<body><p>A page that closes its html tag at once.</p></body>",
    "<p>Only a fragment, no document around it.</p>",
    "<div><p>One paragraph</p></div><div><p>and another</p></div>",
    "<html><body><p>A control \x0b character and a NUL \x00 in the text.</p></body></html>",
    "",
    "   \n ",
    # the repairs trafilatura makes before parsing, each on a page of its own
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"
    "<html><body><p>A one-line page under a doctype with a path.</p></body></html>",
    "<!DOCTYPE html>\n<html><body><p>Tide tables\x01 for the week\ufffe, and the \x1f ferry\uffff times.</p>"
    "</body></html>",
    "<!DOCTYPE html>\n<html><body><p>A doctype on its own line and a form feed \x0c here.</p></body></html>",
    "<HTML lang='de' />\n<body><p>Die Fähre fährt um neun.</p></body>",
    "<?xml version='1.0' encoding='iso-8859-1'?><html><body><p>Café at the pier, déclaré.</p></body></html>",
    "<html><head><meta charset='windows-1252'></head><body><p>Ölhafen – “quoted” text.</p></body></html>",
    "<html><body><p>A lone surrogate \ud800 in a string handed over as it is.</p></body></html>",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_tree_is_the_one_trafilatura_parses(page: str) -> None:
    theirs = load_html(page)
    if theirs is None:
        with pytest.raises(InputError):
            parse_page(page, "p.html")
        return
    ours = parse_page(page, "p.html")
    assert etree.tostring(ours) == etree.tostring(theirs)
    assert all(isinstance(element, lxml.html.HtmlMixin) for element in ours.iter(etree.Element))


def test_not_html_is_refused_as_trafilatura_refuses_it() -> None:
    text = "Just a line of plain text, no markup at all."
    assert load_html(text) is None
    with pytest.raises(InputError, match="not a readable HTML page"):
        parse_page(text, "notes.html")


def test_the_settings_built_once_are_those_bare_extraction_builds_from_the_options() -> None:
    built = Extractor(output_format="python", comments=False, tables=True, recall=False, with_metadata=False)
    # the date search's settings hold today's date, and are not read without metadata
    assert all(getattr(EXTRACTOR, name) == getattr(built, name)
               for name in Extractor.__slots__ if name != "date_params")
    page = ("<html><body><nav><a href='/'>Home</a></nav><article><h1>Ferry timetable changes</h1>"
            + "".join(f"<p>The harbour office adds a morning boat on day {day} and cuts a late crossing, "
                      "as the winter timetable says.</p>" for day in range(1, 6))
            + "</article><footer>Harbour Post</footer></body></html>")
    theirs = bare_extraction(parse_page(page, "p.html"), with_metadata=False, **TRAFILATURA_OPTIONS)
    ours = bare_extraction(parse_page(page, "p.html"), options=EXTRACTOR)
    assert isinstance(theirs, Document) and isinstance(ours, Document)
    assert ours.text == theirs.text and "morning boat on day 5" in (ours.text or "")
