"""Story: a furniture warehouse burns in Brockton, Massachusetts (Monday, November 16, 2026).

Deliberately close in kind to the Dunmore fire a week earlier, so that a
clusterer must tell two warehouse fires apart by place, company and date.
"""

from corpus_model import FactCheck, Piece, Story, Value

TIDEWATER = Piece(
    story="brockton-warehouse-fire", outlet="tidewater", fmt="html", slug="tidewater-brockton-warehouse-fire",
    headline="Roof collapses as fire guts Brockton furniture warehouse",
    standfirst="Workers got out safely; two firefighters were hurt when part of the roof came down.",
    author="Owen Mercer", published="2026-11-16T20:15:00-05:00", dateline="BROCKTON —",
    caption="Firefighters pour water on the Bayline Home Furnishings warehouse. Photo: Tidewater Daily",
    meta="full",
    paragraphs=(
        "A fire that started on the roof of a furniture warehouse in Brockton on Monday afternoon spread "
        "through the building within an hour, bringing down part of the roof and injuring two firefighters.",
        "All 140 employees of Bayline Home Furnishings got out of the building on Oak Hill Way after a "
        "manager pulled the alarm at about 2:10 p.m., Fire Chief Dana Okafor said. The two injured firefighters were "
        "treated at Good Samaritan Medical Center for cuts and a shoulder injury and released.",
        "At its height, 62 firefighters from Brockton and six neighboring towns were at the scene. The fire "
        "was declared under control shortly before 7 p.m.",
        "\"We pulled everyone out of the building as soon as the roof started to sag, and thank God we did,\" "
        "said Brockton Fire Chief Maureen Doyle.",
        "## Roof work under way",
        "Doyle said contractors had been replacing a section of the roof membrane using torches earlier in "
        "the day, and that investigators would look at that work first. She said the fire did not appear "
        "suspicious.",
        "Bayline, a regional chain with eight showrooms, said deliveries would be delayed. Nearby homes were "
        "not evacuated, but residents were asked to avoid the area while crews worked through the evening.",
        "Neighbors on Oak Hill Way said they first noticed a thin line of smoke from the roof shortly after "
        "lunch. Within half an hour, flames were visible from the street and ash was falling on parked cars.",
        "Traffic on Route 24 slowed for several hours as smoke drifted over the highway, and state police "
        "closed one exit ramp near the warehouse until the evening rush hour had passed.",
    ),
)

LEDGER = Piece(
    story="brockton-warehouse-fire", outlet="ledger", fmt="html", slug="ledger-brockton-furniture-fire",
    headline="Brockton blaze: roofing torches eyed in warehouse fire",
    standfirst="The Massachusetts fire is the second major warehouse fire in the Northeast in a week.",
    author="Renee Castellano", published="2026-11-17T11:40:00-05:00", dateline="BROCKTON, Mass. —",
    caption="Smoke over Brockton on Monday afternoon.", section="business", meta="jsonld",
    paragraphs=(
        "Investigators in Brockton, Massachusetts, said on Tuesday that roofing work using open flames was "
        "the most likely cause of Monday's fire at a Bayline Home Furnishings warehouse, which destroyed "
        "thousands of sofas, mattresses and tables.",
        "The state fire marshal's office said a contractor's crew had been heat-sealing roof seams about an "
        "hour before employees noticed smoke. Two firefighters were injured when part of the roof gave way.",
        "\"Hot work on roofs is one of the leading causes of large commercial fires, and it is preventable,\" "
        "state fire marshal Joseph Almeida said.",
        "Bayline's owner, Curtis Lamb, said the company had insurance and intended to rebuild. Lamb said: "
        "\"Nobody was hurt among our people, and that is what matters tonight. Furniture can be replaced.\"",
        "Bayline employs about 140 people at the warehouse. Lamb said they would be paid while the company "
        "moved operations to a leased building in Taunton.",
        "The Brockton fire came a week after a blaze destroyed a packaging warehouse in Dunmore, "
        "Pennsylvania, where investigators are looking at a battery charging room. Fire safety engineers say "
        "the two fires had different causes but show how quickly a large warehouse can be lost once flames "
        "reach the roof.",
        "Customers with pending orders were told to expect emails from the company within a week.",
        "Brockton officials said the building had a working sprinkler system, but that the fire began above "
        "the sprinklers, in the roof itself, where the water could not reach it. Chief Maureen Doyle said "
        "crews would stay at the site overnight to watch for flare-ups.",
    ),
)

TRIBUNE = Piece(
    story="brockton-warehouse-fire", outlet="tribune", fmt="jsonl", slug="nt-2026-11-17-brockton-warehouse",
    headline="Two firefighters hurt as Brockton warehouse burns",
    author="Ingrid Sorensen", published="2026-11-17T06:30:00-05:00", dateline="",
    paragraphs=(
        "BROCKTON, Mass. — Two firefighters were injured on Monday when part of a roof collapsed during a "
        "fire at a furniture warehouse in Brockton.",
        "The fire broke out at the Bayline Home Furnishings building on Oak Hill Way in the early afternoon. "
        "The company's 140 workers left safely.",
        "Fire Chief Maureen Doyle said crews had been ordered out of the building minutes before the "
        "collapse. \"Our people did everything right,\" Doyle said.",
        "The cause of the fire is under investigation.",
    ),
)

LAKESHORE = Piece(
    story="brockton-warehouse-fire", outlet="lakeshore", fmt="atom", slug="brockton-massachusetts-warehouse-fire",
    headline="Massachusetts furniture warehouse destroyed by fire",
    author="Greta Novak", published="2026-11-16T21:45:00-05:00", dateline="", section="news",
    paragraphs=(
        "A large fire destroyed a furniture warehouse in Brockton, Massachusetts, on Monday afternoon. Two "
        "firefighters suffered minor injuries when part of the roof fell in.",
        "The warehouse belongs to Bayline Home Furnishings, which has two showrooms in Vermont, in South "
        "Burlington and Rutland. A company spokesperson said orders from Vermont customers could be delayed "
        "by several weeks.",
        "\"We will contact every customer personally,\" the spokesperson said.",
        "Fire officials said roofing work done earlier in the day was being examined as a possible cause.",
    ),
)

WIRE = Piece(
    story="brockton-warehouse-fire", outlet="wire", fmt="capture", slug="meridianwire-brockton-fire",
    capture_style="wire",
    headline="Fire destroys furniture warehouse near Boston; two firefighters hurt",
    author="Hannah Kiefer", published="2026-11-16T19:00:00-05:00", dateline="BROCKTON, Mass., Nov 16 (Meridian Wire) -",
    section="us news",
    caption="Smoke rises from a warehouse fire in Brockton, Massachusetts, November 16, 2026. "
            "Source: Meridian Wire/Hannah Kiefer",
    paragraphs=(
        "A fire destroyed a furniture warehouse in Brockton, Massachusetts, about 25 miles (40 km) south of "
        "Boston, on Monday, injuring two firefighters, local officials said.",
        "All 140 employees of Bayline Home Furnishings were evacuated safely, the company said. The fire "
        "was brought under control by early evening.",
        "\"It went up very fast,\" said Luis Ortega, a forklift driver who was among the first to leave.",
        "Officials said work on the roof earlier in the day would be examined as a possible cause.",
    ),
)

STORY = Story(
    key="brockton-warehouse-fire",
    event="Fire destroys the Bayline Home Furnishings warehouse in Brockton, Massachusetts, on November 16, 2026",
    pieces=(TIDEWATER, LEDGER, TRIBUNE, LAKESHORE, WIRE),
    facts=(
        FactCheck("agreement", "firefighters injured", (
            Value(TIDEWATER.slug, "injuring two firefighters", 2),
            Value(TRIBUNE.slug, "Two firefighters were injured", 2),
            Value(WIRE.slug, "injuring two firefighters", 2),
        )),
        FactCheck("agreement", "warehouse employees", (
            Value(TIDEWATER.slug, "All 140 employees", 140),
            Value(WIRE.slug, "All 140 employees", 140),
        )),
        FactCheck("single", "firefighters at the scene", (
            Value(TIDEWATER.slug, "62 firefighters", 62),
        )),
    ),
)
