"""Story: a record drone light show over the Tagus in Lisbon (Saturday, November 21, 2026).

Shares the word "drones" with the Aalborg airport story but is a different event.
"""

from corpus_model import FactCheck, Piece, Story, Value

COURIER = Piece(
    story="lisbon-drone-show", outlet="courier", fmt="html", slug="courier-lisbon-drone-show-record",
    headline="Hundreds of drones paint the sky over Lisbon in record show",
    standfirst="A Portuguese company flew 472 drones over the Tagus to open the city's winter festival.",
    author="Daniel Reyes", published="2026-11-22T09:10:00-05:00", dateline="LISBON, Portugal —",
    caption="Drones form a caravel over the Tagus River on Saturday night.", section="arts", meta="full",
    paragraphs=(
        "A fleet of 472 drones rose over the Tagus River on Saturday night, drawing a caravel, a tram and a "
        "giant sardine in the sky above Lisbon in what organizers said was the largest drone show ever "
        "staged in Portugal.",
        "The 14-minute show opened Lisboa Luz, the city's new winter light festival, which runs until "
        "January 6. City officials estimated that about 90,000 people watched from the riverbanks between "
        "Belém and the Praça do Comércio.",
        "\"We wanted to tell the story of the city in the sky, from the ships of the past to the trams of "
        "today,\" said Inês Carvalho, creative director of Aerolume, the Porto company that designed and "
        "flew the show.",
        "Each drone weighed about 300 grams and carried a light that could change color hundreds of times a "
        "second. A team of six pilots monitored the fleet from a barge moored near the Belém Tower.",
        "## Tight rules",
        "Portugal's civil aviation authority approved the flight weeks in advance, closing the airspace "
        "over the river for an hour. Organizers said 12 spare drones were kept on standby in case any of "
        "the fleet failed.",
        "Deputy mayor Filipa Roseira, who presented the festival, said the show would return every Saturday "
        "in December with a different design.",
        "Spectators began arriving at the riverfront more than two hours before the show, and trams toward "
        "Belém were full well into the night.",
        "Aerolume, founded in 2019, has staged shows in Spain, France and the Netherlands, but Saturday's was"
        " its largest. The company said it had spent three weeks rehearsing parts of the show over an empty "
        "airfield north of Lisbon.",
    ),
)

SENTINEL = Piece(
    story="lisbon-drone-show", outlet="sentinel", fmt="html", slug="sentinel-lisbon-winter-festival-drones",
    headline="Lisbon lights up winter festival with almost 500 drones",
    standfirst="The show over the Tagus is the start of a six-week festival of light.",
    author="Marcus Bell", published="2026-11-22T13:30:00-05:00", dateline="LISBON —",
    caption="Spectators watch the drone show from the Praça do Comércio.", section="lifestyle", meta="og",
    paragraphs=(
        "Lisbon opened its new winter festival on Saturday night with a show of almost 500 drones that "
        "formed pictures of the city's history over the Tagus River.",
        "Tens of thousands of people lined the riverfront to watch the drones draw a sailing ship, a yellow "
        "tram and a fado guitar. The show lasted about a quarter of an hour and ended with fireworks launched "
        "from two barges.",
        "Aerolume creative director Inês Carvalho said: \"People in Lisbon know their river and their trams. "
        "We only had to put them in the sky.\"",
        "Drone shows have become a popular alternative to fireworks in Europe because they are quieter and "
        "produce no smoke, though some cities still combine the two.",
        "The Lisboa Luz festival runs until January 6, with light installations in eight neighborhoods and "
        "further drone shows on Saturdays in December.",
        "The festival is the first of its kind in the Portuguese capital. The city council approved a budget "
        "for it in the spring, saying it wanted to draw visitors in the quieter winter months, when hotel "
        "occupancy usually falls.",
        "Businesses along the river reported a busy night. Cafe owner Rui Tavares said he had served more "
        "customers in three hours than on an average summer weekend. \"We ran out of pastries before the show "
        "even started,\" he said.",
        "Light installations will also appear on the facades of churches and markets in Alfama and Graça.",
        "Organizers advised visitors to arrive early for the December shows and to use public transport, as "
        "several streets near the river will be closed to traffic.",
    ),
)

LEDGER = Piece(
    story="lisbon-drone-show", outlet="ledger", fmt="html", slug="ledger-portvale-engineer-lisbon-drones",
    headline="Portvale native helped choreograph Lisbon's record drone show",
    standfirst="A 2015 Portvale High graduate wrote the flight software for the show over the Tagus.",
    author="Renee Castellano", published="2026-11-23T07:00:00-05:00", dateline="",
    caption="Sam Theriault at the Aerolume workshop in Porto. Photo courtesy Aerolume", section="local",
    meta="visible",
    paragraphs=(
        "When 472 drones drew a tram in the sky above Lisbon on Saturday night, a Portvale native was "
        "watching from a barge on the Tagus River with a laptop on her knees.",
        "Sam Theriault, who graduated from Portvale High School in 2015, is the lead software engineer at "
        "Aerolume, the Portuguese company that staged what organizers called the largest drone show in "
        "Portugal's history.",
        "\"The hardest part is not the pictures, it is the moments in between, when every drone has to find "
        "a new place without touching its neighbors,\" Theriault said in a video call on Sunday.",
        "Theriault studied robotics at Northeastern University and moved to Porto four years ago. Her "
        "parents, Gail and Robert Theriault, still live on Elm Street and watched the show on a livestream.",
        "Theriault's path to Portugal began in a Portvale High robotics club that met in a converted shop "
        "classroom. Her former teacher, Mark Dufresne, said she was the student who stayed late to fix "
        "everybody else's robots.",
        "\"She always wanted to know why something worked, not only that it worked,\" Dufresne said on Sunday. "
        "\"I am not surprised she ended up programming a whole sky.\"",
        "Aerolume hired Theriault after she sent the company a simulation she had written in her spare time, "
        "showing a flock of gulls made of lights circling a lighthouse. The company later used a version of "
        "it in a show in Porto.",
        "Her next project is a smaller show for a festival in Seville in the spring. She said she would like "
        "to bring a drone show to Portvale one day, perhaps for the Fourth of July.",
    ),
)

BRIGHTFIELD = Piece(
    story="lisbon-drone-show", outlet="brightfield", fmt="jsonl", slug="bfr-2026-11-21-lisbon-drone-show",
    headline="Lisbon drone show opens winter festival",
    author="Nadia Coleman", published="2026-11-21T19:45:00-05:00", dateline="",
    paragraphs=(
        "Lisbon opened its Lisboa Luz winter festival on Saturday night with a drone show over the Tagus "
        "River that organizers said used almost 500 drones.",
        "The drones formed a caravel, a tram and a guitar before spelling out the festival's name. City "
        "officials said the airspace over the river was closed for an hour for the show.",
        "\"It was like watching a painting move,\" said Beatriz Fonseca, who watched with her two children "
        "from the riverbank in Belém.",
        "Unlike the unlicensed drone flights that closed a Danish airport earlier this month, the show was "
        "approved by aviation authorities weeks in advance.",
    ),
)

TRIBUNE = Piece(
    story="lisbon-drone-show", outlet="tribune", fmt="capture", slug="tribune-lisbon-drone-light-show",
    headline="Watch: Lisbon's record drone show over the Tagus",
    standfirst="Nearly 500 drones, 14 minutes, one river: the numbers behind Saturday's show.",
    author="Samir Haddad", published="2026-11-22T10:00:00-05:00", dateline="", section="world",
    caption="The drone show over the Tagus on Saturday. Source: Aerolume",
    summary=("472 drones over the Tagus", "About 90,000 spectators", "Festival runs until January 6"),
    bullets=("Drones: 472", "Duration: 14 minutes", "Pilots: 6", "Spare drones: 12"),
    paragraphs=(
        "Lisbon's first big drone show lit up the Tagus River on Saturday night, opening the Lisboa Luz "
        "winter festival with 472 drones flying in formation.",
        "## By the numbers",
        "The show lasted 14 minutes. About 90,000 spectators watched from the riverbanks, according to city "
        "estimates, and the festival's livestream drew another 200,000 viewers online.",
        "## Who made it",
        "Aerolume, a company based in Porto, designed the show. \"Every picture takes about a week of "
        "programming,\" creative director Inês Carvalho said.",
    ),
)

STORY = Story(
    key="lisbon-drone-show",
    event="A 472-drone light show over the Tagus opens Lisbon's Lisboa Luz winter festival on November 21, 2026",
    pieces=(COURIER, SENTINEL, LEDGER, BRIGHTFIELD, TRIBUNE),
    facts=(
        FactCheck("agreement", "drones in the show", (
            Value(COURIER.slug, "472 drones", 472),
            Value(SENTINEL.slug, "almost 500 drones", 500),
            Value(BRIGHTFIELD.slug, "almost 500 drones", 500),
        )),
        FactCheck("agreement", "people who watched from the riverbanks", (
            Value(COURIER.slug, "about 90,000 people", 90_000),
            Value(TRIBUNE.slug, "About 90,000 spectators", 90_000),
        )),
    ),
)
