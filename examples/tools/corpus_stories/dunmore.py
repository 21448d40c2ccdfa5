"""Story: a packaging warehouse burns in Dunmore, Pennsylvania (Monday, November 9, 2026)."""

from corpus_model import FactCheck, Piece, Story, Value

SENTINEL = Piece(
    story="dunmore-warehouse-fire", outlet="sentinel", fmt="html", slug="sentinel-dunmore-warehouse-fire",
    headline="Dunmore warehouse fire forces hundreds from homes as smoke blankets borough",
    standfirst="The five-alarm blaze at Corvex Packaging burned for more than nine hours.",
    author="Gina Marchetti", published="2026-11-09T19:30:00-05:00", dateline="DUNMORE —",
    caption="Smoke rises over the Corvex Packaging warehouse on Monday morning. Photo: Valley Sentinel",
    section="local",
    paragraphs=(
        "A five-alarm fire destroyed a packaging warehouse in Dunmore on Monday, sending a column of black "
        "smoke over the borough and forcing residents of several nearby streets to leave their homes before "
        "dawn.",
        "The fire at the Corvex Packaging distribution center on Sanderson Avenue was reported at 3:20 a.m. "
        "Borough officials said 310 households were evacuated as a precaution because of the smoke, which "
        "came from burning plastic wrap and pallets.",
        "Crews from 14 fire companies fought the flames. One firefighter was treated for a minor hand "
        "injury, and no one else was hurt. The building, about the size of three football fields, was empty "
        "apart from a security guard, who raised the alarm.",
        "\"When we arrived, the roof was already fully involved, so we went defensive and protected the "
        "houses,\" said Dunmore Fire Chief Robert Kaczmarek.",
        "## Air quality",
        "The Pennsylvania Department of Environmental Protection set up air monitors on Monday afternoon. "
        "Residents were told to keep windows closed and to bring pets indoors.",
        "Neighbors described being woken by police officers knocking on doors and by the smell of burning "
        "plastic. \"It was like someone set fire to a tire shop next door,\" said Angela Russo, who left her "
        "house on Chestnut Street with her two children and her dog at about 4:30 a.m.",
        "The Red Cross helped run a shelter at Dunmore High School, where dozens of people spent Monday "
        "morning. Most others stayed with relatives.",
        "Corvex, which employs about 180 people at the site, said in a statement that it was working with "
        "investigators and would keep paying its staff while the building is closed. The cause of the fire "
        "is under investigation. The evacuation order was expected to be lifted on Tuesday.",
    ),
)

GRANITE_COPY = Piece(
    story="dunmore-warehouse-fire", outlet="granite", fmt="html", slug="granite-pennsylvania-warehouse-blaze",
    headline="Massive warehouse blaze in Pennsylvania town drives residents out",
    standfirst="Smoke from burning plastic forced an evacuation before dawn.",
    author="Gina Marchetti", published="2026-11-10T06:15:00-05:00", dateline="DUNMORE, Pa. —",
    caption="The Corvex Packaging warehouse in Dunmore, Pennsylvania.", section="news",
    paragraphs=(
        *SENTINEL.paragraphs[:-1],
        "Corvex, which employs about 180 people at the site, said in a statement that it was working with "
        "investigators and would keep paying its staff while the building is closed. The cause of the fire "
        "is under investigation.",
    ),
    credit_line="This story was first published by Valley Sentinel and is republished here under a "
                "content-sharing agreement.",
    copy_of=SENTINEL.slug,
)

LANTERN = Piece(
    story="dunmore-warehouse-fire", outlet="lantern", fmt="html", slug="lantern-dunmore-smoke-plastics",
    headline="What burned in Dunmore: the plastics problem inside America's warehouses",
    standfirst="Monday's fire shows how packaging stockpiles turn a warehouse blaze into an air-quality emergency.",
    author="Priya Raman", published="2026-11-10T12:00:00-05:00", dateline="DUNMORE, Pa. —",
    section="environment", meta="visible",
    paragraphs=(
        "By the time the sun came up over Dunmore on Monday, the smoke from the Corvex Packaging warehouse "
        "could be seen from Scranton's downtown, and 340 households were evacuated from the streets closest "
        "to the plant, according to the county emergency management agency.",
        "The warehouse held rolls of plastic shrink wrap, foam and thousands of plastic pallets, according "
        "to a 2025 permit filing reviewed by The Civic Lantern. When plastics burn, they release fine "
        "particles and gases that can irritate lungs even at a distance.",
        "\"The building itself is not the story; what was stored inside it is,\" said Dr. Helen Abara, an "
        "environmental health researcher at Lehigh University.",
        "State air monitors recorded fine-particle levels several times above the federal daily standard "
        "near the site on Monday afternoon, before the wind shifted to the east. Readings had fallen "
        "sharply by Tuesday morning.",
        "Dunmore is not alone. Fires at warehouses storing plastics have forced evacuations in at least six "
        "states since 2023, and fire codes for such buildings have not kept pace with the growth of "
        "e-commerce, fire safety engineers say.",
        "Corvex said it followed all applicable fire codes. The company said last month that it planned to "
        "add sprinklers to an older wing of the building next year.",
        "Evacuated residents were allowed home on Tuesday.",
        "Residents who were evacuated said they wanted to know what they had been breathing. The county has "
        "set up a hotline, and the state health department said it would publish the full air monitoring data"
        " by the end of the week.",
    ),
)

TRIBUNE = Piece(
    story="dunmore-warehouse-fire", outlet="tribune", fmt="jsonl", slug="nt-2026-11-10-dunmore-fire",
    headline="Residents return home after Dunmore warehouse fire",
    author="Samir Haddad", published="2026-11-10T16:40:00-05:00", dateline="",
    paragraphs=(
        "DUNMORE, Pa. — Residents of the Dunmore neighborhoods closest to Monday's warehouse fire were "
        "allowed back into their homes on Tuesday afternoon, after air tests showed smoke levels had "
        "returned to normal.",
        "Hundreds of households had been evacuated before dawn on Monday when fire tore through the Corvex "
        "Packaging warehouse on Sanderson Avenue.",
        "Fire Chief Robert Kaczmarek said: \"The fire is out, but the building will smolder for days, and "
        "we will keep a crew there around the clock.\"",
        "State fire marshals said they had not found anything suspicious so far. An electrical fault in a "
        "battery charging room is one of the possibilities being examined.",
    ),
)

BRIGHTFIELD = Piece(
    story="dunmore-warehouse-fire", outlet="brightfield", fmt="rss", slug="dunmore-pennsylvania-warehouse-fire",
    headline="Warehouse fire in Dunmore, Pennsylvania, prompts evacuations",
    author="Brightfield Radio Newsroom", published="2026-11-09T11:20:00-05:00", dateline="",
    paragraphs=(
        "A large fire at a packaging warehouse in Dunmore, Pennsylvania, forced residents of nearby streets "
        "to evacuate early on Monday as thick smoke spread across the borough.",
        "The fire broke out at about 3:20 a.m. at the Corvex Packaging building. Crews from 14 fire "
        "companies were called in, and the roof collapsed within two hours.",
        "Lackawanna County officials opened a shelter at Dunmore High School. \"We have cots, food and "
        "a nurse on site,\" county commissioner Dolores Pryce said.",
        "There were no reports of serious injuries. The cause of the fire is not yet known.",
    ),
)

COURIER = Piece(
    story="dunmore-warehouse-fire", outlet="courier", fmt="warc", slug="dunmore-fire-cause-battery-room",
    headline="Investigators examine battery room as cause of Dunmore warehouse fire",
    standfirst="Fire marshals say a forklift charging area is a focus of the inquiry.",
    author="Lucy Brennan", published="2026-11-11T10:10:00-05:00", dateline="DUNMORE, Pa. —",
    caption="The charred shell of the Corvex Packaging warehouse.", section="nation", meta="jsonld",
    paragraphs=(
        "Pennsylvania fire marshals investigating Monday's fire at a packaging warehouse in Dunmore are "
        "focusing on a room where forklift batteries were charged overnight, two officials familiar with "
        "the inquiry said on Wednesday.",
        "The fire destroyed the Corvex Packaging distribution center and forced an evacuation of nearby "
        "homes for more than a day. Nobody was seriously hurt.",
        "Lithium-ion batteries have become common in warehouse forklifts, and fire investigators say they "
        "can enter a state called thermal runaway if they are damaged or overcharged.",
        "\"We have not ruled anything in or out,\" said state fire marshal Trooper Alan Weiss. \"But the "
        "burn patterns point us toward the northwest corner of the building.\"",
        "Corvex said its charging equipment had passed an inspection in September.",
    ),
)

STORY = Story(
    key="dunmore-warehouse-fire",
    event="Five-alarm fire destroys the Corvex Packaging warehouse in Dunmore, Pennsylvania, on November 9, 2026",
    pieces=(SENTINEL, GRANITE_COPY, LANTERN, TRIBUNE, BRIGHTFIELD, COURIER),
    facts=(
        FactCheck("conflict", "households evacuated because of the smoke", (
            Value(SENTINEL.slug, "310 households were evacuated", 310),
            Value(LANTERN.slug, "340 households were evacuated", 340),
        )),
        FactCheck("agreement", "fire companies that fought the fire", (
            Value(SENTINEL.slug, "Crews from 14 fire companies", 14),
            Value(BRIGHTFIELD.slug, "Crews from 14 fire companies", 14),
        )),
    ),
)
