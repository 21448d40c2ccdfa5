"""Story: a footbridge gives way in Portvale, Maine (Tuesday, November 3, 2026)."""

from corpus_model import DateCheck, FactCheck, Piece, QuoteCheck, Story, Value

LEDGER = Piece(
    story="portvale-footbridge", outlet="ledger", fmt="html", slug="ledger-footbridge-collapse",
    headline="Kettle River footbridge gives way under evening crowd, dozens hurt",
    standfirst="Part of the 1974 span dropped onto the riverbank as fans walked to a playoff game.",
    author="Renee Castellano", published="2026-11-04T07:15:00-05:00", dateline="PORTVALE —",
    caption="Rescue crews work beneath the broken Kettle River footbridge. Photo: Harbor Ledger staff",
    section="local",
    paragraphs=(
        "A section of the Kettle River footbridge collapsed shortly before 6 p.m. on Tuesday, dropping "
        "walkers about ten feet onto the muddy east bank as hundreds of people crossed toward Riverside "
        "Field for the Class B football semifinal.",
        "City officials said 27 people were injured, four of them seriously. Most were taken to Portvale "
        "General Hospital, which called in extra staff and opened a second triage area in its lobby. "
        "No one was killed.",
        "\"This is a day Portvale will not forget, and I am grateful to every stranger who climbed down "
        "that bank to help,\" said Mayor Ana Ruiz at a briefing outside City Hall late Tuesday night.",
        "Witnesses described a loud crack followed by the middle third of the deck tilting and sliding "
        "off its supports. Jonah Petit, 16, said he was holding the railing when the walkway dropped "
        "beneath him. \"It went down like a trapdoor,\" he said.",
        "## A bridge already on the list",
        "The steel-and-timber footbridge opened in 1974 and links the Market Street parking garage to the "
        "park. A contractor replaced sections of its railing last month, and the city had budgeted a full "
        "deck inspection for the spring, according to public works records reviewed by the Ledger.",
        "Fire Chief Daniel Okafor said crews used ladders and a rope system to lift the injured up the bank. "
        "Okafor said: \"The first ten minutes were chaos, but the people on the ground did exactly what we "
        "needed them to do.\"",
        "The Maine Department of Transportation sent two engineers to the site on Wednesday morning. The "
        "bridge will stay closed until further notice, and the semifinal has been moved to November 7 in "
        "Bangor.",
    ),
)

NEWSHIVE = Piece(
    story="portvale-footbridge", outlet="newshive", fmt="html", slug="newshive-portvale-footbridge",
    headline="Maine footbridge collapses under football crowd, 27 hurt",
    standfirst="", author="Renee Castellano", published="2026-11-06T10:02:00-05:00", dateline="PORTVALE —",
    paragraphs=LEDGER.paragraphs, original_outlet="ledger", original_published="2026-11-04",
    original_url=LEDGER.url, copy_of=LEDGER.slug,
    credit_line="Originally published by Harbor Ledger on November 4, 2026.",
)

TRIBUNE = Piece(
    story="portvale-footbridge", outlet="tribune", fmt="html", slug="tribune-portvale-bridge-injuries",
    headline="Portvale footbridge collapse: injured named as city orders review",
    standfirst="Four people remain in serious condition after the evening collapse on the Kettle River.",
    author="Samir Haddad", published="2026-11-04T12:30:00-05:00", dateline="PORTVALE, Maine —",
    caption="The tilted deck of the Kettle River footbridge on Wednesday morning.",
    meta="jsonld",
    paragraphs=(
        "Officials in Portvale said on Wednesday that 25 people were injured when a footbridge over the "
        "Kettle River partly collapsed on Tuesday evening, and that four of them were still in serious "
        "condition at Portvale General Hospital.",
        "The walkway was crowded with spectators heading to a high school playoff game when a span near "
        "its middle gave way. Emergency crews reached the riverbank within minutes, helped by dozens of "
        "bystanders who formed human chains down the slope.",
        "Nine ambulance crews worked at the riverbank until after midnight, the county emergency office said.",
        "Ruiz said: \"We owe these families clear answers, and we will get them. Nobody crosses a bridge in "
        "this city again until an engineer has signed off on it.\"",
        "The mayor ordered a review of every pedestrian crossing owned by the city, eleven structures in "
        "all, and said outside engineers rather than city staff would carry it out.",
        "Hospital spokeswoman Carla Mendes said the injuries included broken legs, a fractured pelvis and "
        "head wounds. Two patients were transferred to a trauma center in Portland overnight.",
        "A 2024 state inspection, obtained by the Tribune, rated the bridge's deck in fair condition and "
        "noted corrosion at two bearing plates. The report recommended repairs within three years.",
        "Classes at Portvale High School were cancelled on Wednesday, and counselors were available at the "
        "school for students who had been on the bridge. Several members of the football team had been among "
        "those helping the injured.",
        "A vigil for the injured is planned for Friday evening at the Riverside Park bandstand.",
        "The Maine Department of Transportation said it would publish its initial findings within 30 days.",
    ),
)

COURIER = Piece(
    story="portvale-footbridge", outlet="courier", fmt="html.gz", slug="courier-kettle-river-bridge",
    headline="After Portvale collapse, questions over a 2024 inspection",
    standfirst="Engineers flagged corroded bearings on the Kettle River footbridge two years ago.",
    author="Lucy Brennan", published="2026-11-05T16:45:00-05:00", dateline="PORTVALE, Maine —",
    caption="Investigators examine the east abutment of the footbridge.", meta="og",
    paragraphs=(
        "Two days after the Kettle River footbridge collapsed beneath a crowd of football fans, attention "
        "in Portvale has turned to a two-year-old inspection report that warned of rust at the points "
        "where the deck rests on its piers.",
        "The report, filed in June 2024, gave the 1974 crossing an overall rating of fair and recommended "
        "that two corroded bearing plates be replaced. City records show the work was put out to bid last "
        "month but no contract had been signed.",
        "\"A fair rating is not a warning that a bridge is about to fail, but corrosion at a bearing is "
        "exactly where you would look first,\" said Elaine Forsberg, a structural engineer at the "
        "University of Southern Maine who is not involved in the inquiry.",
        "The state said on Thursday it would re-inspect 140 pedestrian bridges across Maine by the end of "
        "January, starting with those built before 1980.",
        "City Manager Peter Lindqvist said the replacement work had been delayed because only one company "
        "responded to the first tender. He said the city would cooperate fully with state investigators.",
        "Mayor Ana Ruiz, who visited injured residents on Wednesday, has asked the City Council to set "
        "aside emergency money for a temporary crossing so that residents of the east side can reach the "
        "park without a two-mile detour.",
        "Forsberg said investigators would likely remove the damaged bearings and send them to a laboratory, "
        "a process that can take several weeks. Until then, she said, any conclusion about the cause would be"
        " a guess.",
    ),
)

LANTERN = Piece(
    story="portvale-footbridge", outlet="lantern", fmt="jsonl", slug="lantern-2026-11-05-maine-footbridges",
    headline="Maine has dozens of aging footbridges like the one that fell in Portvale",
    author="Priya Raman", published="2026-11-05T09:00:00-05:00", dateline="",
    paragraphs=(
        "The Kettle River footbridge that collapsed in Portvale on Tuesday is one of dozens of pedestrian "
        "crossings in Maine built in the 1970s, according to an analysis of state inspection data by The "
        "Civic Lantern.",
        "Of the crossings in the state's database, 31 carry a rating of fair or worse on at least one "
        "major component. Footbridges are inspected every two years, the same schedule as road bridges, "
        "but the inspections are often shorter and rarely include load testing.",
        "\"Pedestrian bridges fall between the cracks because they do not carry trucks,\" said Marisol "
        "Ortega, a former state bridge inspector. \"But a packed crowd can weigh as much as a loaded truck.\"",
        "The Portvale crossing was last inspected in June 2024. City officials said on Wednesday that 27 "
        "people were hurt in the collapse, and the state has promised a full review.",
    ),
    with_html=True,
)

BRIGHTFIELD = Piece(
    story="portvale-footbridge", outlet="brightfield", fmt="rss", slug="portvale-footbridge-collapse-injuries",
    headline="Footbridge collapses in Portvale, Maine, injuring dozens",
    author="Brightfield Radio Newsroom", published="2026-11-03T21:10:00-05:00", dateline="",
    paragraphs=(
        "A pedestrian bridge over the Kettle River in Portvale, Maine, collapsed on Tuesday evening while "
        "crowded with people walking to a high school football game, injuring dozens.",
        "Police said the collapse happened at about 5:50 p.m. Ambulances from five towns were sent to the "
        "scene, and Portvale General Hospital declared a mass-casualty alert for the first time since it "
        "opened its new emergency wing.",
        "Mayor Ana Ruiz asked residents to stay away from the riverfront so rescue crews could work. "
        "\"Please let the crews do their jobs,\" Ruiz said in a video posted by the city.",
        "The football game was postponed. State transportation officials said they would send engineers "
        "on Wednesday morning. This is a developing story.",
    ),
)

TIDEWATER = Piece(
    story="portvale-footbridge", outlet="tidewater", fmt="warc", slug="portvale-footbridge-what-we-know",
    headline="Portvale footbridge collapse: what we know so far",
    standfirst="The victims, the bridge and the investigation, in brief.",
    author="Owen Mercer", published="2026-11-04T18:20:00-05:00", dateline="",
    caption="The Kettle River footbridge in Portvale in 2023.",
    paragraphs=(
        "A footbridge in Portvale, Maine, partly collapsed on Tuesday evening as spectators walked to a "
        "playoff football game. Here is what we know as of Wednesday evening.",
        "## What happened",
        "The middle span of the Kettle River footbridge broke away from its supports shortly before 6 p.m. "
        "and dropped onto the east bank. Officials have given different injury totals over the past day; "
        "the hospital said four patients remained in serious condition.",
        "## The bridge",
        "The crossing opened in 1974 and was rated in fair condition in its last state inspection, in "
        "2024. It links a downtown parking garage with Riverside Field.",
        "## What comes next",
        "State engineers began examining the wreckage on Wednesday. Mayor Ana Ruiz said on Wednesday "
        "afternoon: \"We will publish everything we find, the good and the bad.\" The city has opened a "
        "family assistance center at the Portvale Public Library.",
    ),
)

WIRE = Piece(
    story="portvale-footbridge", outlet="wire", fmt="capture", slug="meridianwire-portvale-bridge",
    headline="Footbridge collapse in Maine town injures spectators bound for school game",
    standfirst="", author="Hannah Kiefer", published="2026-11-04T10:05:00-05:00",
    dateline="PORTVALE, Maine, Nov 4 (Meridian Wire) -", section="us news",
    caption="A view of the collapsed footbridge in Portvale, Maine, November 4, 2026. "
            "Source: Meridian Wire/Hannah Kiefer",
    summary=("Middle span fell about ten feet onto riverbank", "Four people in serious condition",
             "Bridge was rated fair in 2024 inspection"),
    paragraphs=(
        "A footbridge crowded with high school football fans collapsed in the small Maine city of Portvale "
        "on Tuesday evening, injuring more than two dozen people, officials said on Wednesday.",
        "The middle span of the Kettle River footbridge dropped about ten feet onto the riverbank shortly "
        "before 6 p.m. local time (2300 GMT), city officials said. Four of the injured were in serious "
        "condition.",
        "Nine ambulance crews worked at the riverbank until after midnight, the county emergency office said.",
        "\"We owe these families clear answers,\" Mayor Ana Ruiz told reporters.",
        "The pedestrian bridge, built in 1974, was rated in fair condition in a 2024 inspection. Maine's "
        "transportation department said it had sent engineers to the site and would review other "
        "footbridges of similar design.",
        "Portvale, a city of about 21,000 people on the Maine coast, is roughly 30 miles (48 km) northeast "
        "of Portland.",
    ),
)

STORY = Story(
    key="portvale-footbridge",
    event="Kettle River footbridge partly collapses under a crowd in Portvale, Maine, on November 3, 2026",
    pieces=(LEDGER, NEWSHIVE, TRIBUNE, COURIER, LANTERN, BRIGHTFIELD, TIDEWATER, WIRE),
    facts=(
        FactCheck("conflict", "people injured in the collapse", (
            Value(LEDGER.slug, "27 people were injured", 27),
            Value(TRIBUNE.slug, "25 people were injured", 25),
            Value(LANTERN.slug, "27 people were hurt", 27),
        )),
        FactCheck("single", "pedestrian bridges Maine will re-inspect", (
            Value(COURIER.slug, "140 pedestrian bridges", 140),
        )),
    ),
    dates=(
        DateCheck(LEDGER.slug, "on Tuesday", "2026-11-03"),
        DateCheck(LEDGER.slug, "last month", "2026-10"),
        DateCheck(LEDGER.slug, "November 7", "2026-11-07"),
        DateCheck(TRIBUNE.slug, "on Wednesday", "2026-11-04"),
    ),
    quotes=(
        QuoteCheck(LEDGER.slug, "This is a day Portvale will not forget", "Ana Ruiz"),
        QuoteCheck(TRIBUNE.slug, "We owe these families clear answers", "Ana Ruiz"),
        QuoteCheck(LEDGER.slug, "The first ten minutes were chaos", "Daniel Okafor"),
    ),
)
