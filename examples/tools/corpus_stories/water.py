"""Story: Eastbrook, Rhode Island, water authority settles over a boil-water notice (Thursday, November 12, 2026)."""

from corpus_model import DateCheck, FactCheck, Piece, QuoteCheck, Story, Value

LANTERN = Piece(
    story="eastbrook-water-settlement", outlet="lantern", fmt="html", slug="lantern-eastbrook-water-settlement",
    headline="Eastbrook water authority agrees to $1.2 million settlement over 2025 contamination",
    standfirst="Residents who lived under a 19-day boil-water notice will get bill credits and a say in testing.",
    author="Theo Almeida", published="2026-11-12T21:05:00-05:00", dateline="EASTBROOK, R.I. —",
    section="government", meta="full",
    paragraphs=(
        "The board of the Eastbrook Water Authority voted 4-1 on Thursday to approve a $1.2 million "
        "settlement with residents who sued after E. coli bacteria were found in the town's drinking water "
        "in August 2025.",
        "The settlement ends a class action filed on behalf of about 2,400 households that were told to boil "
        "their tap water for 19 days after a water main broke near the Route 6 pumping station and "
        "contaminated water entered the system.",
        "Each household will receive a credit of about $350 on its water bill, according to the agreement. "
        "The rest of the money will cover legal fees and a new program of independent water testing, with "
        "results posted online every week.",
        "\"Nobody gets rich from this, but people get their money back and they get the truth about their "
        "water every week,\" said Rosa Delgado, a retired teacher who was the lead plaintiff.",
        "## A split board",
        "Board member Frank Tierney, who voted against the deal, said it would force the authority to raise "
        "rates. \"Ratepayers are paying themselves,\" Tierney said.",
        "Authority director Kevin Shaw said the utility had replaced the broken main and installed a second "
        "chlorine booster. A judge in Providence must still approve the settlement; a hearing is set for "
        "December 15.",
        "Delgado said she would keep attending board meetings. \"Someone has to read the test results,\" she "
        "said.",
        "The authority serves about 9,000 people in Eastbrook and parts of neighboring Foster. Its customers "
        "already saw a rate increase of 6% in July, which the authority said was needed to pay for pipe "
        "replacements.",
    ),
)

TIDEWATER = Piece(
    story="eastbrook-water-settlement", outlet="tidewater", fmt="html", slug="tidewater-eastbrook-boil-water-deal",
    headline="Boil-water lawsuit in Eastbrook ends with bill credits for residents",
    standfirst="The water authority's board signed off on the deal on Thursday night.",
    author="Owen Mercer", published="2026-11-13T08:30:00-05:00", dateline="EASTBROOK —",
    caption="The Route 6 pumping station in Eastbrook.", meta="visible",
    paragraphs=(
        "Eastbrook residents who spent nearly three weeks boiling their tap water last year will get money "
        "back on their water bills under a settlement approved on Thursday night.",
        "The Eastbrook Water Authority will pay 1.2 million dollars to settle the class action, brought "
        "after bacteria were found in the water supply in August 2025. The board approved the deal by four "
        "votes to one.",
        "Lead plaintiff Rosa Delgado said: \"We were told for two weeks that everything was under control. "
        "This settlement says otherwise.\"",
        "Under the agreement, $85,000 will go to a fund for independent water testing for five years. "
        "Households covered by the lawsuit will each see a credit on their bill in the spring.",
        "Attorney Jill Matsuda, who represented the residents, said the testing program mattered more to "
        "her clients than the credits. \"They wanted to be able to trust the tap again,\" she said.",
        "The boil-water notice was issued after routine tests found E. coli bacteria in samples from two "
        "neighborhoods. Schools opened late that year, and several restaurants on Main Street closed for more"
        " than a week.",
        "Residents packed the authority's meeting room for the vote, and several spoke before the board "
        "decided. Retired firefighter Dave Costa told the board the money mattered less than the promise of "
        "regular testing. \"I want to see the numbers myself,\" he said.",
        "The authority has not said whether the settlement will affect water rates next year. Its budget for "
        "2027 is due to be published in January.",
        "The settlement still needs approval from Superior Court. A hearing is scheduled for next month.",
    ),
)

COURIER = Piece(
    story="eastbrook-water-settlement", outlet="courier", fmt="jsonl", slug="cc-2026-11-13-eastbrook-water",
    headline="Rhode Island town settles boil-water suit",
    author="Lucy Brennan", published="2026-11-13T12:00:00-05:00", dateline="",
    paragraphs=(
        "EASTBROOK, R.I. — The water utility in this town of 9,000 people has agreed to settle a lawsuit "
        "over contaminated drinking water for $1.2 million, ending a dispute that began with a broken water "
        "main last year.",
        "The board of the Eastbrook Water Authority approved the settlement on November 12. Residents had "
        "been told to boil water for 19 days in August and September 2025.",
        "\"It was the right thing to do, and it was cheaper than a trial,\" authority director Kevin Shaw "
        "said after the vote.",
        "The settlement goes before a Superior Court judge in December.",
    ),
)

BRIGHTFIELD = Piece(
    story="eastbrook-water-settlement", outlet="brightfield", fmt="rss", slug="eastbrook-ri-water-settlement-vote",
    headline="Eastbrook water board approves settlement with residents",
    author="Nadia Coleman", published="2026-11-12T22:30:00-05:00", dateline="",
    paragraphs=(
        "The Eastbrook Water Authority in Rhode Island voted on Thursday night to settle a class action "
        "brought by residents after a bacteria scare in the town's water last year.",
        "The deal is worth 1.2 million dollars, most of it as credits on residents' water bills. The vote "
        "was 4-1.",
        "Lead plaintiff Rosa Delgado told Brightfield Radio that residents had waited more than a year for "
        "an apology. \"What we wanted most was for someone to say: we got this wrong,\" Delgado said.",
        "The agreement also creates an independent water testing program. It needs a judge's approval.",
    ),
)

TRIBUNE = Piece(
    story="eastbrook-water-settlement", outlet="tribune", fmt="warc", slug="eastbrook-water-authority-settlement",
    headline="Eastbrook settlement: water authority admits testing failures",
    standfirst="Documents filed with the deal show lab results were delayed for two days.",
    author="Samir Haddad", published="2026-11-13T15:45:00-05:00", dateline="EASTBROOK, R.I. —",
    caption="Eastbrook Water Authority offices.", meta="og",
    paragraphs=(
        "Documents filed with the Eastbrook Water Authority's $1.2 million settlement show that the "
        "utility waited two days for laboratory results before warning residents that their water might "
        "be unsafe in August 2025.",
        "The authority's board approved the settlement on Thursday. In the filing, the utility accepts "
        "that its sampling schedule at the time was inadequate, while denying that anyone became ill "
        "because of the delay.",
        "\"The two-day gap is the heart of this case,\" said attorney Jill Matsuda. \"Families were "
        "drinking that water while the samples sat in a queue.\"",
        "Director Kevin Shaw said the authority now uses a laboratory that reports results within 24 hours "
        "and had hired a second water quality technician.",
    ),
)

STORY = Story(
    key="eastbrook-water-settlement",
    event="Eastbrook Water Authority (Rhode Island) approves a settlement over a 2025 boil-water notice "
          "on November 12, 2026",
    pieces=(LANTERN, TIDEWATER, COURIER, BRIGHTFIELD, TRIBUNE),
    facts=(
        FactCheck("agreement", "amount of the settlement in US dollars", (
            Value(LANTERN.slug, "$1.2 million", 1_200_000),
            Value(TIDEWATER.slug, "1.2 million dollars", 1_200_000),
            Value(COURIER.slug, "$1.2 million", 1_200_000),
        )),
        FactCheck("agreement", "days the boil-water notice lasted", (
            Value(LANTERN.slug, "for 19 days", 19),
            Value(COURIER.slug, "for 19 days", 19),
        )),
        FactCheck("single", "money for independent water testing", (
            Value(TIDEWATER.slug, "$85,000", 85_000),
        )),
    ),
    dates=(
        DateCheck(COURIER.slug, "on November 12", "2026-11-12"),
        DateCheck(TIDEWATER.slug, "on Thursday night", "2026-11-12"),
        DateCheck(LANTERN.slug, "December 15", "2026-12-15"),
    ),
    quotes=(
        QuoteCheck(LANTERN.slug, "Nobody gets rich from this", "Rosa Delgado"),
        QuoteCheck(TIDEWATER.slug, "We were told for two weeks", "Rosa Delgado"),
        QuoteCheck(LANTERN.slug, "Ratepayers are paying themselves", "Frank Tierney"),
    ),
)
