"""Small builders for test inputs (pages written here, for the tests only)."""

from __future__ import annotations

FILLER = (
    "Water rose quickly after the storm drains failed near the old market, according to officials who "
    "asked residents to avoid the lower town until the pumps had cleared the road. "
)


def article_page(title: str, outlet: str, date: str, lead: str, paragraphs: int = 3) -> str:
    """A saved article page with site chrome around a body of a few paragraphs."""
    body = "".join(f"<p>{text}</p>" for text in [lead, *([FILLER * 2] * paragraphs)])
    return (
        f"<html><head><title>{title} | {outlet}</title>"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{date}">'
        '<meta name="author" content="Mara Ellis"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright {outlet}. All rights reserved.</footer></body></html>"
    )
