"""Plain-text page captures: what a reader gets from select-all and copy.

Four site kinds leave four kinds of debris around the article: a news site
(menus, share buttons), an aggregator (sponsor lines, the source outlet named
twice), a broker's blog (IPO lists, account-opening ads, disclaimers) and a
wire service (trust principles, reporting credits).
"""

from __future__ import annotations

from datetime import datetime

from corpus_model import OUTLETS, Piece


def body_lines(piece: Piece) -> list[str]:
    lines: list[str] = []
    for index, paragraph in enumerate(piece.paragraphs):
        if paragraph.startswith("## "):
            lines += ["", paragraph[3:]]
            continue
        text = f"{piece.dateline} {paragraph}" if index == 0 and piece.dateline else paragraph
        lines += ["", text]
    return lines


def bullet_lines(items: tuple[str, ...], mark: str = "•") -> list[str]:
    return [f"{mark} {item}" for item in items]


def news_capture(piece: Piece) -> list[str]:
    outlet = OUTLETS[piece.outlet]
    moment = datetime.fromisoformat(piece.published)
    bar = f"{moment:%b} {moment.day}, {moment.year} | 0 | {outlet.city}"
    lines = ["Skip to main content", outlet.name, *outlet.sections, "Subscribe", "Sign in", bar, "back",
             piece.section.title(), piece.headline, piece.standfirst, f"By {piece.author}",
             f"{moment:%b} {moment.day}, {moment.year}", "Listen", "Share", "",
             piece.caption, ""]
    if piece.summary:
        lines += ["Summary", *bullet_lines(piece.summary), ""]
    lines += body_lines(piece)
    if piece.bullets:
        lines += ["", *bullet_lines(piece.bullets, "-")]
    # Sticky "now reading" bars repeat the headline at the foot of many pages.
    lines += ["", "Now reading", piece.headline, "Share this article", "Facebook", "X", "Email", "",
              "More in " + piece.section.title(),
              "Sign up for the 6 a.m. newsletter", "Enter your email", "Sign up",
              f"Get breaking alerts on our Telegram channel: t.me/{outlet.key}news",
              "", f"© 2026 {outlet.name}", "Privacy | Terms | Contact us"]
    return lines


def aggregator_capture(piece: Piece) -> list[str]:
    outlet = OUTLETS[piece.outlet]
    original = OUTLETS[piece.original_outlet]
    moment = datetime.fromisoformat(piece.published)
    own = f"{moment.day:02d}/{moment:%b}/{moment.year}"
    sponsor = "Sponsored | Open a zero-brokerage trading account in 5 minutes"
    lines = [outlet.name, "Markets  IPO  Stocks  Economy  Videos", sponsor, "back", "topic", "IPO",
             f"{own} | {original.name}", "", piece.headline, "", original.name,
             f"By {piece.author}", own, "", piece.standfirst, "", piece.caption, "", piece.headline, sponsor]
    if piece.summary:
        lines += ["", "What's covered", *bullet_lines(piece.summary)]
    lines += body_lines(piece)
    if piece.bullets:
        lines += ["", *bullet_lines(piece.bullets)]
    lines += ["", piece.credit_line, "", sponsor, "",
              "Upcoming IPOs this week",
              "Sarovar Agritech | Opens 18 Nov | Price band 210-222",
              "Pinewood Hospitality | Opens 19 Nov | Price band 95-101",
              "Tejas Cables | Opens 20 Nov | Price band 340-356",
              "View all IPOs", "",
              "Join our Telegram channel for instant IPO alerts: t.me/marketpulsedaily",
              "Disclaimer: Views expressed are those of the original author. MarketPulse Daily is not a registered "
              "investment adviser. Investments in securities are subject to market risks; read all related documents "
              "carefully before investing.", "", f"© 2026 {outlet.name}"]
    return lines


def broker_capture(piece: Piece) -> list[str]:
    outlet = OUTLETS[piece.outlet]
    moment = datetime.fromisoformat(piece.published)
    shown = f"{moment.day} {moment:%b} {moment.year}"
    lines = [outlet.name, "Open Demat Account", "Login", "Markets", "IPO", "Learn", "Research",
             "Home > Blog > IPO", "", piece.headline, f"Written by {piece.author} | {shown} | 6 min read", "",
             piece.standfirst, "", piece.caption, ""]
    if piece.summary:
        lines += ["What's covered", *bullet_lines(piece.summary), ""]
    lines += body_lines(piece)
    if piece.bullets:
        lines += ["", "Key details at a glance", *bullet_lines(piece.bullets)]
    lines += ["", "Open a free demat and trading account with Ledgerline in 10 minutes. Zero account opening charges.",
              "Open Account", "",
              "Recently listed IPOs",
              "Anvaya Foods | Listed 6 Nov 2026 | +12.4%",
              "Corbel Realty | Listed 4 Nov 2026 | -3.1%",
              "Nimbus Logistics | Listed 29 Oct 2026 | +27.0%", "",
              "Follow us on Telegram for daily stock ideas: t.me/ledgerlinemarkets",
              "Subscribe to our newsletter", "",
              "Disclaimer: This blog is for education only and is not investment advice. The author is not a "
              "SEBI-registered research analyst. Investments in securities markets are subject to market risks.",
              "Registered office: Ledgerline Broking Ltd, Mumbai. SEBI Reg. No. INZ000000000 (fictional)",
              f"© 2026 {outlet.name}"]
    return lines


def wire_capture(piece: Piece) -> list[str]:
    outlet = OUTLETS[piece.outlet]
    moment = datetime.fromisoformat(piece.published)
    shown = f"{moment:%B} {moment.day}, {moment.year} {moment:%I:%M %p} EST".replace(" 0", " ")
    lines = [outlet.name.upper(), "World  Business  Markets  Technology  Breakingviews  More", "",
             piece.section.title(), piece.headline, "", f"By {piece.author}", shown, "", piece.caption, ""]
    if piece.summary:
        lines += ["Summary", *bullet_lines(piece.summary), ""]
    lines += body_lines(piece)
    if piece.bullets:
        lines += ["", *bullet_lines(piece.bullets)]
    lines += ["", f"Reporting by {piece.author}; Editing by Dana Whitlock", "",
              f"Our Standards: The {outlet.name} Trust Principles.", "", "Read Next", "Suggested Topics:",
              piece.section.title(), "", f"Sign up for the {outlet.name} Daily Briefing newsletter",
              "Get the app", f"© 2026 {outlet.name}. All rights reserved."]
    return lines


STYLES = {"news": news_capture, "aggregator": aggregator_capture, "broker": broker_capture, "wire": wire_capture}


def render_capture(piece: Piece) -> str:
    return "\n".join(line.rstrip() for line in STYLES[piece.capture_style](piece)) + "\n"
