"""Story told by one outlet only: a cranberry cooperative opens a plant in Wareham (November 24, 2026)."""

from corpus_model import FactCheck, Piece, Story, Value

TIDEWATER = Piece(
    story="wareham-cranberry-plant", outlet="tidewater", fmt="html", slug="tidewater-wareham-cranberry-plant",
    headline="Growers' cooperative opens $40 million cranberry plant in Wareham",
    standfirst="The plant will dry and sweeten fruit that growers used to ship to Wisconsin.",
    author="Alicia Fontes", published="2026-11-24T06:45:00-05:00", dateline="WAREHAM —",
    caption="Cranberries move along a sorting line at the new plant.", section="business", meta="full",
    paragraphs=(
        "A cooperative of South Coast cranberry growers opened a $40 million processing plant in Wareham on "
        "Monday, a bet that local growers can earn more by drying and packaging their own fruit.",
        "The Bog Road plant will employ 85 people when it reaches full production next summer, according to "
        "the Southeastern Cranberry Growers Cooperative, which has 63 member farms in Plymouth and Bristol "
        "counties.",
        "Until now, most of the cooperative's fruit was sold to large processors and trucked out of state. "
        "Cooperative president Dennis Mello said growers had been squeezed by low prices for three straight "
        "seasons.",
        "\"For a hundred years we grew the berries and somebody else made the money on them,\" Mello said at "
        "the opening. \"This building is us keeping a little more of it.\"",
        "The plant can handle about 18 million pounds of fruit a year, roughly a third of what the "
        "cooperative's members harvest. The state contributed a $3 million grant toward equipment last month.",
        "The plant was built on the site of a former lumber yard, and the cooperative says it will be powered"
        " partly by solar panels on its roof. Growers will deliver fruit by truck from bogs across the two "
        "counties.",
        "Grower Patricia Gomes, whose family has worked bogs in Carver since the 1940s, said the plant gave "
        "younger farmers a reason to stay in the business. \"My son can see a future in this now,\" she said.",
        "State Senator Marc Pacheco-Silva, who cut the ribbon, said the plant showed that agriculture still "
        "had a future on the South Coast. The first bags of dried cranberries are due in stores in January.",
    ),
)

STORY = Story(
    key="wareham-cranberry-plant",
    event="A growers' cooperative opens a cranberry processing plant in Wareham, Massachusetts, on November 23, 2026",
    pieces=(TIDEWATER,),
    facts=(
        FactCheck("single", "jobs at the plant at full production", (
            Value(TIDEWATER.slug, "employ 85 people", 85),
        )),
        FactCheck("single", "cost of the plant in US dollars", (
            Value(TIDEWATER.slug, "$40 million", 40_000_000),
        )),
    ),
)
