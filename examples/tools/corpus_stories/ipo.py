"""Story: battery maker Kestrel Energy Storage lists in Mumbai (Friday, November 13, 2026)."""

from corpus_model import DateCheck, FactCheck, Piece, QuoteCheck, Story, Value

LEDGERLINE = Piece(
    story="kestrel-energy-ipo", outlet="ledgerline", fmt="capture", slug="ledgerline-kestrel-ipo-listing-preview",
    capture_style="broker",
    headline="Kestrel Energy Storage IPO: listing date, subscription status and what to expect",
    standfirst="The battery maker's shares are due to list on the NSE and BSE on Friday after a heavily "
               "oversubscribed issue.",
    author="Ananya Kulkarni", published="2026-11-12T09:00:00+05:30", dateline="",
    caption="Kestrel's battery assembly line in Pune. Source: company prospectus",
    summary=("Kestrel Energy Storage IPO at a glance", "Subscription status by investor category",
             "Listing date and how to check allotment"),
    bullets=("Price band: ₹392 to ₹412 per share", "Issue size: ₹2,150 crore", "Lot size: 36 shares",
             "Listing date: 13 November 2026", "Exchanges: NSE, BSE"),
    paragraphs=(
        "Kestrel Energy Storage, a Pune-based maker of lithium iron phosphate battery packs for buses and "
        "power grids, will list its shares on the National Stock Exchange and BSE on Friday, 13 November.",
        "## Subscription status",
        "The issue was subscribed 64.3 times by the close of bidding on Tuesday, with qualified "
        "institutional buyers bidding for more than 150 times the shares set aside for them. The retail "
        "portion was subscribed 18.9 times.",
        "## Price and issue size",
        "The company sold shares at ₹412 per share, the top of its price band, raising ₹2,150 crore. About "
        "₹1,400 crore of that is new money that Kestrel says it will spend on a second cell factory in "
        "Gujarat; the rest went to early investors selling part of their stakes.",
        "## What to expect on listing day",
        "Kestrel's revenue grew 71% in the year to March 2026, though the company turned its first full-year "
        "profit only last year. Investors who did not receive an allotment can buy shares on the exchanges "
        "once trading opens at 10 a.m. on Friday.",
        "Allotment status can be checked on the registrar's website using your PAN or application number.",
    ),
)

WIRE = Piece(
    story="kestrel-energy-ipo", outlet="wire", fmt="capture", slug="meridianwire-kestrel-debut", capture_style="wire",
    headline="India's Kestrel Energy jumps 18% in market debut after blockbuster IPO",
    author="Rohan Mehta", published="2026-11-13T05:20:00-05:00", dateline="MUMBAI, Nov 13 (Meridian Wire) -",
    section="markets",
    caption="A screen displays Kestrel Energy Storage's listing price at the NSE in Mumbai, November 13, 2026. "
            "Source: Meridian Wire/Rohan Mehta",
    summary=("Shares open at 486 rupees vs IPO price of 412 rupees", "IPO was subscribed 64 times",
             "Company plans second cell factory in Gujarat"),
    paragraphs=(
        "Shares of Indian battery maker Kestrel Energy Storage rose 18% in their stock market debut on "
        "Friday, after its $255 million initial public offering drew bids worth more than 60 times the "
        "shares on offer.",
        "The stock opened at 486 rupees on the National Stock Exchange, compared with the IPO price of 412 "
        "rupees per share, giving the Pune-based company a market value of about 190 billion rupees ($2.25 "
        "billion).",
        "\"Investors want exposure to energy storage, and there are very few listed pure plays in India,\" "
        "said Meera Joshi, head of research at Sandstone Capital in Mumbai.",
        "Kestrel, which makes battery packs for electric buses and grid storage, raised 21.5 billion rupees "
        "in the IPO. It plans to use about two-thirds of the proceeds on a cell plant in Gujarat.",
        "The offering is one of the largest by an Indian clean-energy company this year. Indian companies "
        "have raised a record amount through IPOs in 2026, according to exchange data.",
        "Chief executive Vikram Sethi said: \"Today is the start of our life as a public company, not the "
        "finish line.\"",
    ),
)

MARKETPULSE = Piece(
    story="kestrel-energy-ipo", outlet="marketpulse", fmt="capture", slug="marketpulse-kestrel-listing-gains",
    capture_style="aggregator",
    headline="Kestrel Energy lists at 18% premium; should you hold or sell?",
    standfirst="Battery maker's shares open at 486 rupees against issue price of 412 rupees.",
    author="Rohan Mehta", published="2026-11-13T13:45:00+05:30", dateline="MUMBAI, Nov 13 (Meridian Wire) -",
    caption="Kestrel Energy Storage's listing ceremony in Mumbai. Source: Meridian Wire",
    summary=("Kestrel lists at 18% premium", "Issue subscribed 64 times", "Analysts on what investors should do"),
    paragraphs=WIRE.paragraphs,
    original_outlet="wire", original_published="2026-11-13",
    credit_line="This article was originally published by Meridian Wire on 13 Nov 2026.",
    copy_of=WIRE.slug,
)

GRANITE = Piece(
    story="kestrel-energy-ipo", outlet="granite", fmt="capture", slug="granite-kestrel-battery-ipo-analysis",
    headline="Why investors piled into an Indian battery maker's IPO",
    standfirst="Kestrel Energy Storage's debut last week shows the appetite for clean-energy listings in India.",
    author="Tomas Lindgren", published="2026-11-16T07:30:00-05:00", dateline="", section="tech",
    caption="Battery packs on Kestrel's Pune assembly line. Source: Kestrel Energy Storage",
    summary=("Kestrel's IPO was subscribed more than 60 times", "Shares gained 18% on day one",
             "India's battery industry is still small"),
    paragraphs=(
        "When Kestrel Energy Storage's shares began trading in Mumbai on Friday, they rose 18% in the "
        "first minutes. By Monday, the stock had settled about 12% above its offer price.",
        "The Pune company, which assembles battery packs for electric buses and utilities, sold its shares "
        "at 412 rupees apiece. Demand was so strong that the offering was subscribed about 64 times.",
        "## A small industry with big plans",
        "India imports most of its battery cells from China. Kestrel plans to change that for its own "
        "products with a factory in Gujarat that it says will start production in 2028.",
        "\"The market is paying for a plan, not for profits,\" said Arjun Patel, a fund manager at "
        "Northbridge Asset Management in Boston, which did not buy shares in the offering.",
        "Kestrel reported a profit of 1.9 billion rupees for the year to March, its first full year in the "
        "black.",
    ),
)

TRIBUNE = Piece(
    story="kestrel-energy-ipo", outlet="tribune", fmt="html", slug="tribune-kestrel-energy-market-debut",
    headline="Battery maker Kestrel soars on first day of trading in Mumbai",
    standfirst="The $255 million offering was one of India's most oversubscribed this year.",
    author="Ingrid Sorensen", published="2026-11-13T11:00:00-05:00", dateline="MUMBAI —", section="money",
    caption="Kestrel chief executive Vikram Sethi at the National Stock Exchange.", meta="full",
    paragraphs=(
        "Shares in Kestrel Energy Storage, an Indian maker of batteries for buses and power grids, jumped "
        "on their first day of trading on Friday, valuing the company at more than $2 billion.",
        "The stock opened at 486 rupees, up from the offer price of 412 rupees per share, and closed the "
        "day at 471 rupees. The IPO had been subscribed 64 times when bidding closed on Tuesday.",
        "Chief executive Vikram Sethi, who founded the company in 2017 after a decade at a German car "
        "parts supplier, rang the opening bell at the National Stock Exchange.",
        "\"We are building the batteries that will let Indian cities run their buses on sunshine,\" Sethi "
        "said at the ceremony.",
        "## Risks remain",
        "Analysts warned that Kestrel depends on imported cells and on a handful of state-owned bus "
        "operators for more than half of its sales. \"Concentration is the risk nobody talked about during "
        "the roadshow,\" said Farah Qureshi, an analyst at Cobalt Street Research.",
        "Kestrel supplies battery packs to bus operators in Maharashtra, Karnataka and Delhi, and in "
        "September signed its first grid storage contract with a state utility in Rajasthan. It employs about"
        " 2,300 people, most of them in Pune.",
        "The company's largest shareholder before the listing, a Singapore-based private equity fund, sold "
        "about a fifth of its stake in the offering.",
        "Trading volume on the first day was heavy, with shares changing hands more than a million times in "
        "the first hour.",
        "Kestrel's IPO follows listings by two other Indian clean-energy companies last month, both of which "
        "are now trading below their offer prices.",
    ),
)

COURIER = Piece(
    story="kestrel-energy-ipo", outlet="courier", fmt="jsonl", slug="cc-2026-11-14-kestrel-ipo",
    headline="Kestrel's IPO pop puts Indian battery makers in the spotlight",
    author="Daniel Reyes", published="2026-11-14T08:00:00-05:00", dateline="",
    paragraphs=(
        "Indian battery maker Kestrel Energy Storage had a strong start as a listed company on Friday. Its "
        "shares opened 18% above the IPO price of 412 rupees per share in Mumbai.",
        "The company's offering was subscribed 64.3 times, with big investment funds accounting for most "
        "of the demand.",
        "Kestrel chief executive Vikram Sethi said the company would hire about 1,100 people for its new "
        "cell factory in Gujarat. \"We will hire engineers straight out of college and train them "
        "ourselves,\" he said.",
        "Two other Indian clean-energy companies that listed last month have fallen below their issue prices.",
    ),
)

LAKESHORE = Piece(
    story="kestrel-energy-ipo", outlet="lakeshore", fmt="atom", slug="vermont-fund-kestrel-energy-ipo",
    headline="Vermont pension fund among winners in Indian battery IPO",
    author="Greta Novak", published="2026-11-14T12:30:00-05:00", dateline="", section="business",
    paragraphs=(
        "The Vermont state employees' pension fund was among the international investors that bought shares "
        "in Kestrel Energy Storage, the Indian battery maker whose shares rose 18% on their first day of "
        "trading on Friday.",
        "The fund bought shares worth about $4 million at the IPO price of 412 rupees per share through an "
        "emerging-markets manager, according to a spokesperson for the state treasurer.",
        "\"It is a small position, but it fits our climate investment goals,\" the spokesperson said.",
        "Kestrel's offering was subscribed 64 times, and the company raised about $255 million.",
    ),
)

STORY = Story(
    key="kestrel-energy-ipo",
    event="Indian battery maker Kestrel Energy Storage lists on the NSE and BSE after its IPO, November 13, 2026",
    pieces=(LEDGERLINE, WIRE, MARKETPULSE, GRANITE, TRIBUNE, COURIER, LAKESHORE),
    facts=(
        FactCheck("agreement", "IPO price per share in rupees", (
            Value(LEDGERLINE.slug, "₹412 per share", 412),
            Value(WIRE.slug, "412 rupees per share", 412),
            Value(TRIBUNE.slug, "412 rupees per share", 412),
        )),
        FactCheck("agreement", "times the IPO was subscribed", (
            Value(LEDGERLINE.slug, "subscribed 64.3 times", 64.3),
            Value(TRIBUNE.slug, "subscribed 64 times", 64),
            Value(GRANITE.slug, "subscribed about 64 times", 64),
        )),
        FactCheck("agreement", "money raised in the IPO", (
            Value(LEDGERLINE.slug, "₹2,150 crore", 21_500_000_000),
            Value(WIRE.slug, "21.5 billion rupees", 21_500_000_000),
        )),
        FactCheck("single", "jobs at the planned Gujarat cell factory", (
            Value(COURIER.slug, "about 1,100 people", 1100),
        )),
    ),
    dates=(
        DateCheck(TRIBUNE.slug, "on Tuesday", "2026-11-10"),
        DateCheck(LEDGERLINE.slug, "Friday, 13 November", "2026-11-13"),
        DateCheck(GRANITE.slug, "on Friday", "2026-11-13"),
    ),
    quotes=(
        QuoteCheck(WIRE.slug, "Investors want exposure to energy storage", "Meera Joshi"),
        QuoteCheck(WIRE.slug, "Today is the start of our life", "Vikram Sethi"),
    ),
)
