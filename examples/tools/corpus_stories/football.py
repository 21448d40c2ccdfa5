"""Story: a semi-pro football game in Corliss Bay, Massachusetts (Sunday, November 22, 2026).

The home side's paper, the visitors' paper and a radio newsroom each write the final score in their own
sentence ("a 24-16 win over the Halvern Rams", "beat the Rams 24-16", "defeated the Halvern Rams 24-16"), and
each also gives the score at halftime ("led 13-3 at halftime", "ahead 13-3 at the break"): a moment of the
game, not its result, so it must give no fact.  Records follow a name in brackets ("the Corliss Bay Anchors
(9-4)") or a verb ("improved to 9-4", "fell to 7-6").
"""

from corpus_model import DateCheck, FactCheck, Piece, QuoteCheck, ScoreCheck, ScorePhrase, Story, Value

COURIER = Piece(
    story="corliss-bay-football-title", outlet="courier", fmt="html", slug="courier-anchors-rally-division-title",
    headline="Anchors rally past Halvern to win Seaboard East title",
    standfirst="Two third-quarter touchdown passes from Caleb Oyelaran turned a gloomy afternoon at Ferrand Field "
    "around.",
    author="Paul Whitcombe", published="2026-11-22T21:40:00-05:00", dateline="CORLISS BAY, Mass. —",
    caption="Anchors receiver Nate Hollis after his second touchdown catch on Sunday.", section="sports",
    meta="full",
    paragraphs=(
        "The home crowd at Ferrand Field was jeering the Corliss Bay Anchors as they walked off at halftime on "
        "Sunday. By the end of the afternoon the same fans were chanting their names, after a 24-16 win over the "
        "Halvern Rams gave the Anchors the Eastern Division title of the Seaboard Football League.",
        "Halvern led 13-3 at halftime. Quarterback Luis Padgett had scored on a short keeper in the first "
        "quarter, and kicker Owen Strand added two field goals while the Anchors' offense stalled.",
        "The third quarter told a different story. Caleb Oyelaran found receiver Nate Hollis for two touchdown "
        "passes, the second a long throw down the left sideline, and running back Dario Fennick scored on a short "
        "run early in the fourth quarter. A late field goal by Strand only narrowed the margin.",
        "\"At the half I told them nothing was lost yet, as long as we stopped beating ourselves,\" Anchors coach "
        "Rosalind Keefe said. \"What they did after that was the best football we have played all year.\"",
        "The Anchors improved to 9-4 and will host a first-round playoff game at Ferrand Field on Dec. 6.",
        "Hollis, who missed most of October with a hamstring injury, said he had never heard the stadium that "
        "loud. A steady cold drizzle fell for most of the game, but few people in the stands left early.",
    ),
)

TRIBUNE = Piece(
    story="corliss-bay-football-title", outlet="tribune", fmt="html", slug="tribune-halvern-rams-lead-slips",
    headline="Rams let a halftime lead slip away at Corliss Bay",
    standfirst="Halvern now needs a win next weekend, and some help, to reach the playoffs.",
    author="Keith Arsenault", published="2026-11-23T07:15:00-05:00", dateline="CORLISS BAY, Mass. —",
    caption="Rams quarterback Luis Padgett under pressure in the second half.", section="sports", meta="og",
    paragraphs=(
        "Until halftime on Sunday, the Halvern Rams looked like the better team. Then the Corliss Bay Anchors "
        "(9-4) scored three touchdowns in a row and beat the Rams 24-16, ending Halvern's hopes of a division "
        "title.",
        "The Rams had led 13-3 at halftime after Luis Padgett ran in from close range and Owen Strand kicked two "
        "field goals into a stiff wind.",
        "The second half belonged to the home side. Anchors quarterback Caleb Oyelaran threw two touchdown "
        "passes to Nate Hollis in the third quarter, and Dario Fennick added a rushing score early in the "
        "fourth. Strand kicked another field goal with a few minutes left, but Halvern never got the ball back.",
        "\"We quit doing the simple things, and a good team made us pay for every one of them,\" Rams coach Walt "
        "Dumont said after the game.",
        "Halvern fell to 7-6. The Rams finish the regular season at home against the Tolland Mills Pioneers next "
        "weekend and need a win, along with a loss by Easton Ridge, to claim the last playoff place.",
        "Padgett, who grew up in Halvern and played his high school football there, was sacked four times after "
        "the break.",
    ),
)

BRIGHTFIELD = Piece(
    story="corliss-bay-football-title", outlet="brightfield", fmt="jsonl", slug="bfr-2026-11-22-anchors-title",
    headline="Corliss Bay Anchors come back to win Seaboard East",
    author="Nadia Coleman", published="2026-11-22T19:05:00-05:00", dateline="",
    paragraphs=(
        "CORLISS BAY, Mass. — The Corliss Bay Anchors defeated the Halvern Rams 24-16 on Sunday to take the "
        "Eastern Division of the Seaboard Football League, a semi-professional league with teams across New "
        "England.",
        "The Rams were ahead 13-3 at the break, but the Anchors scored touchdowns on their first three drives "
        "of the second half.",
        "Quarterback Caleb Oyelaran threw two touchdown passes to receiver Nate Hollis, and running back Dario "
        "Fennick scored on a short run.",
        "\"Nobody in our locker room was hanging their head at halftime,\" Hollis told reporters after the "
        "game. \"This group never gives up on each other.\"",
        "Most of the league's players hold full-time jobs during the week. Oyelaran teaches physical education "
        "at a middle school in Lynn.",
        "The Anchors will host a playoff game in two weeks. League officials said tickets would go on sale on "
        "Tuesday.",
    ),
)

STORY = Story(
    key="corliss-bay-football-title",
    event="The Corliss Bay Anchors beat the Halvern Rams 24-16 to win the Seaboard Football League's Eastern "
    "Division on November 22, 2026",
    pieces=(COURIER, TRIBUNE, BRIGHTFIELD),
    facts=(
        FactCheck("agreement", "the Anchors' wins after the game", (
            Value(COURIER.slug, "improved to 9-4", 9),
            Value(TRIBUNE.slug, "Corliss Bay Anchors (9-4)", 9),
        )),
        FactCheck("agreement", "the Anchors' losses after the game", (
            Value(COURIER.slug, "improved to 9-4", 4),
            Value(TRIBUNE.slug, "Corliss Bay Anchors (9-4)", 4),
        )),
    ),
    scores=(
        ScoreCheck(
            "final score of the Anchors' win over the Rams",
            final=(
                ScorePhrase(COURIER.slug, "a 24-16 win over the Halvern Rams", (24, 16)),
                ScorePhrase(TRIBUNE.slug, "beat the Rams 24-16", (24, 16)),
                ScorePhrase(BRIGHTFIELD.slug, "defeated the Halvern Rams 24-16", (24, 16)),
            ),
            moments=(
                ScorePhrase(COURIER.slug, "Halvern led 13-3 at halftime", (13, 3)),
                ScorePhrase(TRIBUNE.slug, "had led 13-3 at halftime", (13, 3)),
                ScorePhrase(BRIGHTFIELD.slug, "ahead 13-3 at the break", (13, 3)),
            ),
        ),
    ),
    dates=(
        DateCheck(TRIBUNE.slug, "on Sunday", "2026-11-22"),
    ),
    quotes=(
        QuoteCheck(COURIER.slug, "At the half I told them nothing was lost yet", "Rosalind Keefe"),
        QuoteCheck(TRIBUNE.slug, "We quit doing the simple things", "Walt Dumont"),
    ),
)
