"""Article bodies split into chunks around ads.

Some sites cut the article into several sibling containers of one kind
(``div.article__body`` … ad … ``div.article__body``); trafilatura then
often keeps the first chunk and drops the rest as a separate block.  The
chunks share the container's tag and class, so once the extracted text
tells us which container holds the article, its look-alikes elsewhere on
the page are the missing parts: their paragraphs are put back where they
stand in the page.
"""

from __future__ import annotations

from typing import Any

from crosswire.extract.body import squash
from crosswire.extract.page_text import PageText

#: Paragraphs shorter than this are too generic to tell one container from another.
MIN_PARAGRAPH_CHARS = 40
#: A look-alike container must add at least this many words of new prose.
MIN_RECOVERED_WORDS = 30
#: Chunks of one article share an ancestor at most this many levels above
#: each (a look-alike further away is another part of the page: comments,
#: a sidebar built from the same widget).
MAX_CHUNK_DISTANCE = 3
#: Tags that hold a chunk of text (a blockquote of the same class is an embed).
_CHUNK_TAGS = ("div", "section")


def recover_split_body(tree: Any, text: str, texts: PageText | None = None) -> str:
    """``text`` with the paragraphs of the article's other chunks put back.

    ``texts`` shares the paragraphs' texts with the page's other readers.
    """
    texts = texts if texts is not None else PageText()
    lines = text.split("\n")
    extracted = {squash(line): index for index, line in enumerate(lines) if len(line) >= MIN_PARAGRAPH_CHARS}
    if not extracted:
        return text
    # the paragraphs that hold extracted lines, and their containers
    found: dict[int, Any] = {}
    holders: set[Any] = set()
    for paragraph in tree.iter("p"):
        # squash drops whitespace, so the text need not be collapsed first
        index = extracted.get(squash(texts.of(paragraph)))
        if index is not None and paragraph.getparent() is not None:
            found[index] = paragraph
            holders.add(paragraph.getparent())
    holders = {holder for holder in holders if holder.tag in _CHUNK_TAGS and holder.get("class")}
    signatures = {(holder.tag, holder.get("class")) for holder in holders}
    if not signatures:
        return text
    near = {ancestor for holder in holders for ancestor in _ancestors(holder)}
    taken = set(extracted)
    recovered: list[tuple[Any, list[str]]] = []
    for element in tree.iter(*_CHUNK_TAGS):
        if (element.tag, element.get("class")) not in signatures or element in holders:
            continue
        if _overlaps(element, holders) or near.isdisjoint(_ancestors(element)):
            continue
        paragraphs = [" ".join(texts.of(p).split()) for p in element.iter("p")]
        new = [p for p in paragraphs if len(p) >= MIN_PARAGRAPH_CHARS and squash(p) not in taken]
        if len(" ".join(new).split()) >= MIN_RECOVERED_WORDS:
            recovered.append((element, new))
            taken.update(squash(p) for p in new)
    if not recovered:
        return text
    # page order is needed only now, on the rare page that was split
    order = {element: position for position, element in enumerate(tree.iter())}
    line_positions = {index: order[paragraph] for index, paragraph in found.items()}
    return "\n".join(_interleave(lines, line_positions, [(order[element], new) for element, new in recovered]))


def _ancestors(element: Any) -> list[Any]:
    found = []
    for _ in range(MAX_CHUNK_DISTANCE):
        element = element.getparent()
        if element is None:
            break
        found.append(element)
    return found


def _overlaps(element: Any, holders: set[Any]) -> bool:
    """Whether ``element`` contains a holder or sits inside one."""
    if any(ancestor in holders for ancestor in element.iterancestors()):
        return True
    return any(descendant in holders for descendant in element.iterdescendants(*_CHUNK_TAGS))


def _interleave(lines: list[str], line_positions: dict[int, int], recovered: list[tuple[int, list[str]]]) -> list[str]:
    """Each recovered chunk after the last extracted line that precedes it in the page.

    Lines without a known place (headings, list items) keep the place of the
    line before them; chunks before every known line come first.
    """
    anchored: list[tuple[int, int, list[str]]] = []  # (page position, order, lines)
    position = -1
    for index, line in enumerate(lines):
        position = line_positions.get(index, position)
        anchored.append((position, index, [line]))
    for offset, (page_position, chunk) in enumerate(recovered):
        anchored.append((page_position, len(lines) + offset, chunk))
    anchored.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, chunk in anchored for line in chunk]
