"""Saved article pages, with the site chrome real outlets wrap around an article.

The metadata a page carries follows the piece's ``meta`` style, because real
sites differ: some have everything (Open Graph, JSON-LD, author meta), some only
JSON-LD, some only a date printed near the byline.
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape

from corpus_model import OUTLETS, Outlet, Piece

Related = list[tuple[str, str]]


def esc(text: str) -> str:
    # Quotes stay literal so that quoted speech reads as written in the raw page.
    return escape(text, quote=False)


def attr(text: str) -> str:
    return escape(text, quote=True)


def visible_date(iso: str, outlet_key: str) -> str:
    moment = datetime.fromisoformat(iso)
    hour = moment.strftime("%I").lstrip("0")
    ampm = "a.m." if moment.hour < 12 else "p.m."
    styles = {
        "ledger": f"{moment:%B} {moment.day}, {moment.year} at {hour}:{moment:%M} {ampm}",
        "tribune": f"{moment:%A} {moment.day} {moment:%B} {moment.year} {moment:%H:%M}",
        "courier": f"{moment:%b}. {moment.day}, {moment.year}",
        "sentinel": f"Published {moment:%m/%d/%Y} {hour}:{moment:%M} {ampm} ET",
        "lantern": f"{moment:%B} {moment.day}, {moment.year}",
        "granite": f"{moment.day} {moment:%b} {moment.year}",
        "tidewater": f"Posted {moment:%b} {moment.day}, {moment.year}",
    }
    return styles.get(outlet_key, f"{moment:%B} {moment.day}, {moment.year}")


def json_ld(piece: Piece, outlet: Outlet, headline: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "datePublished": piece.published,
        "dateModified": piece.published,
        "author": [{"@type": "Person", "name": piece.author}],
        "publisher": {"@type": "Organization", "name": outlet.name,
                      "logo": {"@type": "ImageObject", "url": f"https://www.{outlet.domain}/static/logo.png"}},
        "mainEntityOfPage": piece.original_url or piece.url,
    }
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def head(piece: Piece, outlet: Outlet) -> str:
    title = f"{esc(piece.headline)} | {esc(outlet.name)}"
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
    ]
    canonical = piece.original_url or piece.url
    if piece.meta in ("full", "og"):
        lines += [
            f'<meta property="og:title" content="{attr(piece.headline)}">',
            f'<meta property="og:site_name" content="{attr(outlet.name)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:url" content="{attr(piece.url)}">',
            f'<meta property="og:description" content="{attr(piece.standfirst)}">',
            f'<meta property="article:published_time" content="{piece.published}">',
        ]
    if piece.meta == "full":
        lines.append(f'<meta name="author" content="{attr(piece.author)}">')
    if piece.meta in ("full", "jsonld"):
        lines.append(json_ld(piece, outlet, piece.headline))
    if piece.meta != "visible":
        lines.append(f'<link rel="canonical" href="{attr(canonical)}">')
    lines.append(f'<link rel="stylesheet" href="/static/{outlet.key}.css">')
    return "\n".join(lines)


def body_html(paragraphs: tuple[str, ...], ad_every: int = 0) -> str:
    out: list[str] = []
    for index, paragraph in enumerate(paragraphs, start=1):
        if paragraph.startswith("## "):
            out.append(f"<h2>{esc(paragraph[3:])}</h2>")
        else:
            out.append(f"<p>{esc(paragraph)}</p>")
        if ad_every and index % ad_every == 0 and index < len(paragraphs):
            out.append('<div class="ad-slot" data-ad="inline"><span>Advertisement</span></div>')
    return "\n".join(out)


def nav(outlet: Outlet) -> str:
    items = "".join(f'<li><a href="/{s.lower()}">{esc(s)}</a></li>' for s in outlet.sections)
    return f'<nav class="site-nav"><ul><li><a href="/">Home</a></li>{items}</ul></nav>'


def related_list(related: Related, title: str) -> str:
    items = "".join(f'<li><a href="{attr(url)}">{esc(text)}</a></li>' for text, url in related)
    return f'<aside class="related"><h3>{esc(title)}</h3><ul>{items}</ul></aside>'


def footer(outlet: Outlet) -> str:
    return (
        '<footer class="site-footer">'
        f"<p>&copy; 2026 {esc(outlet.name)}. All rights reserved.</p>"
        '<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
        '<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li>'
        '<li><a href="/advertise">Advertise</a></li></ul>'
        f"<p>{esc(outlet.tagline)} &middot; {esc(outlet.city)}</p></footer>"
    )


def byline_block(piece: Piece, outlet: Outlet) -> str:
    author = f'<span class="byline">By <a href="/staff/{attr(piece.author.lower().replace(" ", "-"))}">{esc(piece.author)}</a></span>'
    if piece.meta == "jsonld":
        return f'<div class="meta">{author}</div>'
    when = visible_date(piece.published, outlet.key)
    return f'<div class="meta">{author} <time class="pubdate">{esc(when)}</time></div>'


def classic_page(piece: Piece, related: Related, comments: int) -> str:
    """Older newspaper CMS: semantic article tag, sidebar, comments count."""
    outlet = OUTLETS[piece.outlet]
    dateline = f"<strong>{esc(piece.dateline)}</strong> " if piece.dateline else ""
    paragraphs = list(piece.paragraphs)
    first = f"<p>{dateline}{esc(paragraphs[0])}</p>"
    rest = body_html(tuple(paragraphs[1:]))
    credit = f'<p class="credit"><em>{esc(piece.credit_line)}</em></p>' if piece.credit_line else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{head(piece, outlet)}
</head>
<body class="article-page">
<div id="cookie-banner">We use cookies to improve your experience and to show you relevant advertising. By continuing to browse you agree to our use of cookies. <button>Accept all</button> <button>Manage preferences</button></div>
<header class="masthead"><a class="logo" href="/">{esc(outlet.name)}</a> <span class="tagline">{esc(outlet.tagline)}</span>
<a class="subscribe" href="/subscribe">Subscribe for $1</a> <a href="/login">Sign in</a></header>
{nav(outlet)}
<main>
<article>
<p class="kicker"><a href="/{piece.section}">{esc(piece.section.title())}</a></p>
<h1 class="headline">{esc(piece.headline)}</h1>
<p class="standfirst">{esc(piece.standfirst)}</p>
{byline_block(piece, outlet)}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a> <a href="#">Print</a></div>
<figure><img src="/img/{piece.slug}.jpg" alt=""><figcaption>{esc(piece.caption)}</figcaption></figure>
<div class="article-body">
{first}
{rest}
{credit}
</div>
<div class="comments-count"><a href="#comments">{comments} Comments</a></div>
</article>
<div class="newsletter-box"><h3>Get the morning briefing</h3><p>The day's top local stories in your inbox before 7 a.m. Sign up now, it's free.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>
{related_list(related, "Related stories")}
</main>
{footer(outlet)}
</body>
</html>
"""


def modern_page(piece: Piece, related: Related, comments: int) -> str:
    """A newer site: div soup, inline ad slots, a 'most read' rail."""
    outlet = OUTLETS[piece.outlet]
    paragraphs = list(piece.paragraphs)
    if piece.dateline:
        paragraphs[0] = f"{piece.dateline} {paragraphs[0]}"
    body = body_html(tuple(paragraphs), ad_every=3)
    credit = f'<div class="credit-line">{esc(piece.credit_line)}</div>' if piece.credit_line else ""
    return f"""<!doctype html>
<html lang="en-US">
<head>
{head(piece, outlet)}
</head>
<body>
<div class="consent-overlay" role="dialog"><p>Your privacy matters to us. We and our 142 partners store and access information on your device.</p><a href="#">I agree</a><a href="#">Show purposes</a></div>
<div class="top-bar"><div class="brand"><a href="/">{esc(outlet.name.upper())}</a></div>{nav(outlet)}<div class="actions"><a href="/search">Search</a><a href="/account">My account</a></div></div>
<div class="breaking-ticker">LIVE: Markets open higher &bull; Weather: clear skies, 41&deg;F</div>
<div class="layout">
<div class="main-col" data-component="article">
<div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/{piece.section}">{esc(piece.section.title())}</a></div>
<h1 data-testid="headline">{esc(piece.headline)}</h1>
<h2 class="dek">{esc(piece.standfirst)}</h2>
{byline_block(piece, outlet)}
<div class="listen"><button>Listen to this article</button> <span>4 min</span></div>
<div class="lead-image"><img src="/media/{piece.slug}.webp" alt=""><div class="caption">{esc(piece.caption)}</div></div>
<div class="story-body" data-component="text">
{body}
{credit}
</div>
<div class="social-share"><span>Share this story</span><a href="#">Facebook</a><a href="#">X</a><a href="#">WhatsApp</a><a href="#">Copy link</a></div>
<div class="comment-cta">Join the conversation ({comments})</div>
</div>
<div class="rail">{related_list(related, "Most read")}<div class="ad-slot">Advertisement</div><div class="promo">Download our app for breaking news alerts</div></div>
</div>
{footer(outlet)}
</body>
</html>
"""


def nonprofit_page(piece: Piece, related: Related, comments: int) -> str:
    """A nonprofit newsroom: republishing box and a donation appeal, no comments."""
    outlet = OUTLETS[piece.outlet]
    paragraphs = list(piece.paragraphs)
    if piece.dateline:
        paragraphs[0] = f"{piece.dateline} {paragraphs[0]}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{head(piece, outlet)}
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header><div class="logo">{esc(outlet.name)}</div><p>{esc(outlet.tagline)}</p><a class="donate" href="/donate">Donate</a></header>
{nav(outlet)}
<main id="content">
<div class="entry-header">
<h1 class="entry-title">{esc(piece.headline)}</h1>
<p class="excerpt">{esc(piece.standfirst)}</p>
{byline_block(piece, outlet)}
</div>
<div class="entry-content">
{body_html(tuple(paragraphs))}
</div>
<div class="republish-box"><h4>Republish this article</h4><p>Our stories may be republished for free under a Creative Commons licence, with credit to {esc(outlet.name)}.</p></div>
<div class="donation-appeal"><p>Journalism like this depends on readers like you. Become a member today.</p><a href="/donate">Give now</a></div>
{related_list(related, "More from " + outlet.name)}
</main>
{footer(outlet)}
</body>
</html>
"""


def aggregator_page(piece: Piece, related: Related, comments: int) -> str:
    """An aggregator republishing someone else's article under its own header."""
    outlet = OUTLETS[piece.outlet]
    original = OUTLETS[piece.original_outlet]
    moment = datetime.fromisoformat(piece.published)
    own_date = f"{moment:%b} {moment.day}, {moment.year} {moment:%H:%M}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(piece.headline)} - {esc(outlet.name)}</title>
<meta property="og:site_name" content="{attr(outlet.name)}">
<meta property="og:title" content="{attr(piece.headline)}">
<meta property="article:published_time" content="{piece.published}">
<link rel="canonical" href="{attr(piece.original_url)}">
</head>
<body>
<div class="hive-header"><a href="/">{esc(outlet.name)}</a> <span>{esc(outlet.tagline)}</span>{nav(outlet)}</div>
<div class="sponsor">Sponsored: Compare mortgage rates from 20 lenders in 60 seconds</div>
<div class="crumbs"><a href="/">Home</a> / <a href="/us">US</a> / <a href="/us/local">Local</a></div>
<div class="hive-item">
<div class="hive-meta">Posted on {esc(outlet.name)} &middot; {esc(own_date)} &middot; {comments} reactions</div>
<h1>{esc(piece.headline)}</h1>
<div class="source-badge">{esc(original.name)}</div>
<div class="byline">By {esc(piece.author)}, {esc(original.name)}</div>
<div class="hive-body">
{body_html(piece.paragraphs, ad_every=4)}
</div>
<p class="hive-credit">{esc(piece.credit_line)}</p>
<p><a href="{attr(piece.original_url)}">Read the original at {esc(original.domain)}</a></p>
</div>
<div class="sponsor">Sponsored: This one trick lowers your heating bill</div>
{related_list(related, "Trending on " + outlet.name)}
<div class="sponsor">Sponsored: Top-rated senior living communities near you</div>
{footer(outlet)}
</body>
</html>
"""


LAYOUTS = {
    "ledger": classic_page, "tidewater": classic_page, "sentinel": classic_page,
    "tribune": modern_page, "granite": modern_page, "courier": modern_page,
    "lantern": nonprofit_page, "newshive": aggregator_page,
}


def render_page(piece: Piece, related: Related, comments: int) -> str:
    return LAYOUTS.get(piece.outlet, classic_page)(piece, related, comments)


def small_page(piece: Piece) -> str:
    """The compact page a crawler stored beside a JSONL record."""
    outlet = OUTLETS[piece.outlet]
    return (
        f'<html><head><title>{esc(piece.headline)} - {esc(outlet.name)}</title>'
        f'<meta property="article:published_time" content="{piece.published}"></head><body>'
        f'<nav><a href="/">{esc(outlet.name)}</a> | <a href="/news">News</a></nav>'
        f"<h1>{esc(piece.headline)}</h1><p class=\"by\">By {esc(piece.author)}</p>"
        f"{body_html(piece.paragraphs)}<footer>&copy; 2026 {esc(outlet.name)}</footer></body></html>"
    )
