"""Story: drone sightings close Aalborg Airport in Denmark (night of Thursday, November 5, 2026)."""

from corpus_model import FactCheck, Piece, Story, Value

GRANITE = Piece(
    story="aalborg-airport-drones", outlet="granite", fmt="html", slug="granite-aalborg-drone-closure",
    headline="Drones shut Danish airport for hours as flights are sent to Billund and Copenhagen",
    standfirst="Police in northern Denmark say several large drones circled Aalborg Airport on Thursday night.",
    author="Tomas Lindgren", published="2026-11-06T08:40:00-05:00", dateline="AALBORG, Denmark —",
    caption="An empty departures hall at Aalborg Airport early on Friday.", section="world",
    paragraphs=(
        "Aalborg Airport in northern Denmark was closed for almost four hours on Thursday night after "
        "police and air traffic controllers reported several large drones flying over the runway and a "
        "nearby military base.",
        "More than 40 aircraft were diverted or held at their departure airports, according to flight-tracking "
        "data, and about 5,000 passengers were affected. Inbound flights were sent to Billund and "
        "Copenhagen, and passengers were taken on by bus.",
        "\"The drones were flying with lights on and in a pattern that suggests experienced operators,\" "
        "said Police Inspector Mette Kjaer of the North Jutland police. She said it was too early to say "
        "who was behind the flights.",
        "The airport shares its runway with a Danish air force base. Defence Minister Sofie Brandt said "
        "the armed forces had been asked to help locate the operators but had not tried to bring the "
        "drones down because of the risk to homes near the airfield.",
        "## Not the first time",
        "The incident follows similar sightings at two other Nordic airports last month, which closed "
        "airspace for shorter periods. No one has been charged in those cases.",
        "Passengers described long queues at the bus bays in Billund after midnight. \"We were told it was a "
        "security matter and nothing more,\" said Erik Larsen, a businessman returning from Oslo.",
        "Airline staff handed out water and blankets to passengers waiting for buses.",
        "Flights resumed at 11:50 p.m., and the airport said on Friday that its schedule was back to "
        "normal. Kjaer said: \"We ask anyone who filmed the drones to send us their videos.\"",
    ),
)

TRIBUNE = Piece(
    story="aalborg-airport-drones", outlet="tribune", fmt="html", slug="tribune-aalborg-airport-drones",
    headline="Denmark investigates 'coordinated' drone flights over Aalborg Airport",
    standfirst="Airport says 43 aircraft were diverted during the closure; minister calls it a serious incident.",
    author="Ingrid Sorensen", published="2026-11-06T14:05:00-05:00", dateline="COPENHAGEN —",
    caption="A police car at the perimeter fence of Aalborg Airport.", section="world", meta="og",
    paragraphs=(
        "Danish authorities said on Friday they were treating drone flights that shut Aalborg Airport on "
        "Thursday night as a possible deliberate attempt to disrupt critical infrastructure.",
        "The airport said 43 aircraft were diverted or delayed while the airspace was closed, from 8:05 "
        "p.m. until shortly before midnight. Passengers on flights from Oslo, Amsterdam and London spent "
        "the night in hotels in Billund.",
        "\"This was a serious incident, and we treat it as one,\" Defence Minister Sofie Brandt told "
        "reporters in Copenhagen. \"We will not speculate about who is responsible before the police have "
        "done their work.\"",
        "Police said between three and five drones had been seen at once, some larger than hobby models. "
        "Investigators were checking whether the aircraft were launched from a boat in the Limfjord, the "
        "inlet that runs past the airport.",
        "Airport chief executive Lars Holmgaard said the operator would ask the government to pay for "
        "detection equipment. Holmgaard said: \"An airport our size cannot buy military radar on its own.\"",
        "Denmark has tightened rules on drone flights near airports twice since 2024. Flying a drone within "
        "five kilometres of a runway without permission can bring a fine or up to two years in prison.",
        "Airlines operating at Aalborg said they expected no further disruption over the weekend, though they"
        " advised passengers to check flight status before leaving home.",
        "Police asked residents of the villages around the airport to check private security cameras for "
        "recordings made between 7:30 p.m. and midnight on Thursday. Investigators also want to speak to "
        "anyone who saw a vehicle or boat parked near the shore that evening.",
    ),
)

WIRE_RECORD = Piece(
    story="aalborg-airport-drones", outlet="wire", fmt="jsonl", slug="mw-20261106-denmark-airport-drones",
    headline="Danish airport reopens after drone sightings halt traffic",
    author="Karin Holm", published="2026-11-06T02:30:00+01:00", dateline="",
    paragraphs=(
        "AALBORG, Denmark, Nov 6 (Meridian Wire) - Aalborg Airport in northern Denmark reopened shortly "
        "before midnight on Thursday after drone sightings closed its airspace for nearly four hours, the "
        "airport said.",
        "Incoming flights were diverted to Billund and Copenhagen. The airport did not immediately give a "
        "figure for the number of flights affected.",
        "North Jutland police said several drones had been seen over the runway and the adjacent air base "
        "from about 8 p.m. \"We have not been able to identify the operators,\" a police spokesperson said.",
        "The closure came weeks after drones forced short shutdowns at two other Nordic airports.",
    ),
)

BRIGHTFIELD_RECORD = Piece(
    story="aalborg-airport-drones", outlet="brightfield", fmt="jsonl", slug="bfr-2026-11-06-aalborg-drones",
    headline="Drone scare at Danish airport echoes wider worries in Europe",
    author="Nadia Coleman", published="2026-11-06T17:30:00-05:00", dateline="",
    paragraphs=(
        "For the second time in a month, drones have shut a Nordic airport. Aalborg Airport in Denmark "
        "closed on Thursday evening after several drones were spotted above its runway.",
        "Security analyst Jens Ravn told Brightfield Radio that the pattern of the flights mattered more "
        "than the number of drones. \"Somebody is testing how long it takes an airport to react,\" he said.",
        "Airlines said dozens of flights were disrupted. Danish police said on Friday they had not found "
        "the people flying the drones.",
        "European transport ministers are due to discuss drone detection at airports at a meeting later "
        "this month.",
    ),
)

LAKESHORE = Piece(
    story="aalborg-airport-drones", outlet="lakeshore", fmt="atom", slug="denmark-aalborg-airport-drone-closure",
    headline="Travelers stranded after drones close airport in Denmark",
    author="Greta Novak", published="2026-11-06T11:15:00-05:00", dateline="", section="world",
    paragraphs=(
        "A Vermont couple were among thousands of travelers stranded in Denmark on Thursday night when "
        "drone sightings closed Aalborg Airport for nearly four hours.",
        "Anna and Mark Whitcomb of Shelburne were due to fly home through Amsterdam. Their flight was "
        "cancelled and they were put on a bus to Billund, arriving after 2 a.m.",
        "\"Nobody could tell us anything for the first hour, and then everyone was told to go to the "
        "buses,\" Anna Whitcomb said by phone on Friday.",
        "Danish police said several drones had circled the runway and a neighbouring air base. Airport "
        "officials said more than 40 aircraft were affected by the closure.",
    ),
)

COURIER = Piece(
    story="aalborg-airport-drones", outlet="courier", fmt="warc", slug="aalborg-drones-police-search",
    headline="Danish police search fjord shore after airport drone flights",
    standfirst="Investigators focus on a stretch of the Limfjord near Aalborg.",
    author="Lucy Brennan", published="2026-11-07T09:30:00-05:00", dateline="AALBORG, Denmark —",
    caption="Police boats on the Limfjord on Friday.", section="world", meta="full",
    paragraphs=(
        "Police divers and a helicopter searched the shore of the Limfjord on Friday for traces of the "
        "people who flew drones over Aalborg Airport on Thursday night, forcing it to close for nearly "
        "four hours.",
        "Inspector Mette Kjaer said officers had received more than 200 tips from the public, including "
        "videos that appeared to show the drones flying in formation above the runway.",
        "\"Some of these videos are very useful,\" Kjaer said. \"They tell us the direction the drones came "
        "from and where they went when they left.\"",
        "The airport said 43 aircraft were diverted or delayed. Most passengers reached their destinations "
        "by Friday afternoon.",
        "Denmark's government said it would propose a law allowing police to jam or take control of "
        "drones over airports. The proposal is expected in parliament before Christmas.",
    ),
)

SENTINEL = Piece(
    story="aalborg-airport-drones", outlet="sentinel", fmt="capture", slug="sentinel-denmark-airport-drones",
    headline="What we know about the drones that closed a Danish airport",
    standfirst="Thursday night's closure at Aalborg is the latest in a string of drone scares in Europe.",
    author="Marcus Bell", published="2026-11-07T07:00:00-05:00", dateline="", section="world",
    caption="Passengers wait at Aalborg Airport on Thursday night. Source: Valley Sentinel wire services",
    summary=("Aalborg Airport closed for nearly four hours", "Flights diverted to Billund and Copenhagen",
             "Police have not identified the operators"),
    bullets=("Closure began: about 8:05 p.m. Thursday", "Airspace reopened: 11:50 p.m.",
             "Diverted flights: Billund, Copenhagen"),
    paragraphs=(
        "Drones seen over Aalborg Airport in northern Denmark on Thursday night closed the airport for "
        "nearly four hours and sent flights to other cities. Here is a summary of what is known.",
        "## How many flights were affected?",
        "The airport said 43 aircraft were diverted or delayed. Around 5,000 passengers had their travel "
        "disrupted.",
        "## Who flew the drones?",
        "Nobody knows yet. Danish police said the drones were larger than typical hobby models and flew "
        "with their lights switched on. Defence Minister Sofie Brandt called it \"a serious incident.\"",
        "## Has this happened before?",
        "Yes. Two other Nordic airports closed briefly because of drones last month.",
    ),
)

STORY = Story(
    key="aalborg-airport-drones",
    event="Drone sightings close Aalborg Airport in Denmark for nearly four hours on November 5, 2026",
    pieces=(GRANITE, TRIBUNE, WIRE_RECORD, BRIGHTFIELD_RECORD, LAKESHORE, COURIER, SENTINEL),
    facts=(
        FactCheck("agreement", "aircraft diverted during the airport closure", (
            Value(GRANITE.slug, "More than 40 aircraft were diverted", 40),
            Value(TRIBUNE.slug, "43 aircraft were diverted", 43),
        )),
        FactCheck("agreement", "passengers affected by the closure", (
            Value(GRANITE.slug, "about 5,000 passengers were affected", 5000),
            Value(SENTINEL.slug, "Around 5,000 passengers", 5000),
        )),
    ),
)
