"""Quantity scanner: values, units, ranges, qualifiers, changes and non-quantities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.annotate.quantities import QuantityStage, find_quantities
from crosswire.model import Article, Quantity


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Rescuers recovered 6,000 bodies from the rubble.", 6000, "bodies"),
        ("Some six thousand drones were launched overnight.", 6000, "drones"),
        ("The city now has 1.2 million residents.", 1_200_000, "residents"),
        ("The bridge will cost $5 billion to finish.", 5_000_000_000, "USD"),
        ("She bought a dozen eggs at the market.", 12, "eggs"),
        ("The tunnel took eighteen months to dig.", 18, "month"),
        ("Turnout reached 25% in the north.", 25, "%"),
        ("Turnout reached 25 percent in the north.", 25, "%"),
        ("The convoy drove 40 km before dawn.", 40, "km"),
        ("The farm lies twenty-five miles from town.", 25, "mi"),
    ],
)
def test_values_and_units(sentence: str, value: float, unit: str) -> None:
    quantity = only(sentence)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


def test_fraction_in_words() -> None:
    quantity = only("Roughly one-third of the harvest was lost to frost.")
    assert quantity.value == pytest.approx(1 / 3)
    assert quantity.qualifier == "roughly"


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The ferry made a 9-and-a-half hour crossing.", 9.5, "hour"),
        ("The walk to the summit takes 3 1/2 hours.", 3.5, "hour"),
        ("The walk to the summit takes 3½ hours.", 3.5, "hour"),
        ("She spent six and a half years on the novel.", 6.5, "year"),
        ("Two and a half million visitors came to the fair.", 2_500_000, "visitors"),
        ("The trail is 4 and a quarter miles long.", 4.25, "mi"),
    ],
)
def test_a_whole_number_and_its_fraction_are_one_number(sentence: str, value: float, unit: str) -> None:
    quantity = only(sentence)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


def test_a_number_and_a_later_fraction_stay_two() -> None:
    found = find_quantities("The council hired 12 nurses, and a third of them left within a year.")
    assert found[0].value == 12


def test_a_count_after_a_weekday_is_read_and_a_day_after_one_is_not() -> None:
    assert [q.value for q in find_quantities("On Sunday 300 residents left the Lowmoor estate.")] == [300]
    assert [q.value for q in find_quantities("By Tuesday 1,200 people had signed the petition.")] == [1200]
    assert find_quantities("Friday 13 was a bad day for the ferry crew.") == []


def test_ranges() -> None:
    snow = only("Forecasters expect 3 to 4 inches of snow.")
    assert (snow.value, snow.value_max, snow.unit) == (3, 4, "in")
    guests = only("Between 10 and 12 guests stayed the night.")
    assert (guests.value, guests.value_max) == (10, 12)
    price = only("Tickets will cost $5 to $6 billion in total.")
    assert (price.value, price.value_max, price.unit) == (5e9, 6e9, "USD")


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Over 300 people signed the letter.", "over"),
        ("More than 300 people signed the letter.", "more than"),
        ("About 300 people signed the letter.", "about"),
        ("Nearly 300 people signed the letter.", "nearly"),
        ("At least 300 people signed the letter.", "at least"),
        ("Up to 300 people signed the letter.", "up to"),
        ("Just under 300 people signed the letter.", "just under"),
        ("300 people signed the letter.", None),
    ],
)
def test_qualifiers(sentence: str, qualifier: str | None) -> None:
    assert only(sentence).qualifier == qualifier


def test_changes() -> None:
    rose, fell = find_quantities("Exports rose by 4% in May while imports fell 2.5%.")
    assert (rose.value, rose.change) == (4, "up")
    assert (fell.value, fell.change) == (2.5, "down")
    assert only("The index closed at 4,200 points.").change is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The mill opened in 1998 and closed in 2021.",
        "Call 555-123-4567 for details.",
        "The meeting starts at 10:30 and ends at 5 p.m.",
        "She finished 3rd in the race.",
        "The vote is set for November 12.",
        "The Boeing 737 landed safely.",
        "November 12th, 2026 HB Marine has signed a deal for the yard.",  # a date's year, not horsepower
        "NOV. 3, 2026 KW Energy opened its plant.",
    ],
)
def test_non_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_list_numbering_is_not_a_quantity() -> None:
    found = find_quantities("1. Bring water\n2. Bring 3 blankets")
    assert [(q.value, q.unit) for q in found] == [(3, "blankets")]


def test_stage_fills_annotations() -> None:
    article = Article(id="a", kind="record", origin="a", text="Police arrested 14 protesters.")
    result = QuantityStage()(article)
    assert result.annotations is not None
    assert [q.value for q in result.annotations.quantities] == [14]
    assert article.annotations is None  # the input is left as it was


_FRAGMENTS = st.sampled_from(
    ["more than 6,000 drones", "$5 billion", "3 to 4 inches", "one-third of voters", "25%", "in 2019",
     "about a dozen", "rose by 4%", "between 10 and 12", "eighteen months", "the", "fell", "\n", "Game 2",
     "-5 yards", "£2.7m", "call 555-123-4567", "on May 3", "twenty-five", "Ruiz said"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=12), st.text(alphabet=" ,.;", max_size=3))
def test_offsets_always_index_the_text(fragments: list[str], separator: str) -> None:
    text = (separator or " ").join(fragments)
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start < quantity.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_and_offsets_hold_on_any_text(text: str) -> None:
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text


def values(text: str) -> list[tuple[float, float | None, str | None]]:
    return [(q.value, q.value_max, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the scale word of the first end is not the second number
        ("Guidance moved from between $US20 million and $US25 million to between $US15 million and $US18 million.",
         [(20e6, 25e6, "USD"), (15e6, 18e6, "USD")]),
        ("The lake cooled by 1 to 1.5 degrees over the winter.", [(1, 1.5, "degree")]),
        ("The coupe does 0-to-60-mph in four seconds.", [(0, 60, "mph"), (4, None, "second")]),
        ("Flats range from 300 sq ft up to 600 sq ft.", [(300, 600, "sq ft")]),
        ("Fuel economy improved from 20 mpg in 2010 to 31 mpg in 2022.", [(20, 31, "mpg")]),
        # a suspended hyphen: the first end's unit is written once, after the second
        ("Keepers found the 6- to 9-week-old kittens in a shed.", [(6, 9, "weeks old")]),
        ("The road will shut for 3- to 4-hour spells.", [(3, 4, "hour")]),
        # a reporter's estimate between two near numbers
        ("Two or three people were hurt when the stand gave way.", [(2, 3, "people")]),
        ("Rents in Carrow rose 5 or 6 percent last year.", [(5, 6, "%")]),
        ("The crew arrived within one minute or two.", [(1, 2, "minute")]),
        ("Some 1,900 or 2,000 people marched through Carrow.", [(1900, 2000, "people")]),
    ],
)  # fmt: skip
def test_more_ranges(sentence: str, expected: list[tuple[float, float | None, str | None]]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # different units on either side of "to": a change and a price
        ("Shares fell 10 per cent to 18.97 yuan.", [(10, None, "%"), (18.97, None, "CNY")]),
        # a currency far after "to" does not make a range
        ("It spent $2M to fund a plant worth up to $5 million.", [(2e6, None, "USD"), (5e6, None, "USD")]),
        # a from-to range stops at an amount in the aside
        ("Sales went from 20 cars in 3 weeks to 31 cars.", [(20, None, "cars"), (3, None, "week"), (31, None, "cars")]),
        # two figures to choose from, not an estimate between them
        ("Voters will pick 1 or 10 seats in the ballot.", [(1, None, "seats"), (10, None, "seats")]),
        ("The harbour wall was rebuilt in 1998 or 1999.", []),  # two years, no amount at all
    ],
)  # fmt: skip
def test_not_ranges(sentence: str, expected: list[tuple[float, float | None, str | None]]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The ferry ticket cost 150 kn in July.", 150, "HRK"),
        ("The old racer topped out at 95 m.p.h. on the straight.", 95, "mph"),
        ("Stir in 1/2 pound of butter.", 0.5, "lb"),
        ("A yearly plan costs AU $79.99 in Sydney.", 79.99, "AUD"),
        ("The plates were rated at 12 ksi in the test.", 12, "ksi"),
    ],
)
def test_unit_forms(sentence: str, value: float, unit: str) -> None:
    quantity = only(sentence)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


def test_currency_codes_after_the_amount() -> None:
    assert values("The rate stood at 150 JPY to 1 USD on Friday.") == [(150, None, "JPY"), (1, None, "USD")]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Two of Smith's deputies quit on Monday.", 2, "Smith's deputies"),
        ("Two of the mayor's aides quit on Monday.", 2, "mayor's aides"),
        ("Half the flats were sold in a week.", 0.5, "flats"),
        ("It was one of my favourite shops.", 1, "favourite shops"),
        ("One plan asks the board to resign.", 1, "plan"),
        ("He left about 200 recorded songs.", 200, "songs"),
        ("About 40 commercial fishermen protested.", 40, "commercial fishermen"),
        ("Dealers sold 300 Ford and Toyota pickups.", 300, "Ford and Toyota pickups"),
        ("The firm offered two petrol-only engine options.", 2, "petrol-only engine options"),
        ("The airline grounded three new 787 Dreamliner jets.", 3, "new 787 Dreamliner jets"),
        # a measurement unit heading the phrase is the unit
        ("He ran for 212 rushing yards.", 212, "yd"),
        ("It joins 40 previous years of archives.", 40, "year"),
        ("The boot holds 20 cubic feet.", 20, "cu ft"),
    ],
)
def test_counted_things(sentence: str, value: float, unit: str) -> None:
    quantity = only(sentence)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It has a 2.0-liter six-cylinder engine.", [(2.0, None, "l"), (6, None, "cylinder")]),
        ("Buyers choose a 10- or 12-inch screen.", [(10, None, "in"), (12, None, "in")]),
        ("It has three-, four- and five-door bodies.", [(3, None, "door"), (4, None, "door"), (5, None, "door")]),
        ("Profits grew almost tenfold in ten years.", [(10, None, "times"), (10, None, "year")]),
    ],
)  # fmt: skip
def test_compound_modifiers(sentence: str, expected: list[tuple[float, float | None, str | None]]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Miller, 52, was named chief executive.",
        "Jane Miller 52 has led the firm since May.",
        "The prize went to his son Tom, who was 12.",
        "She will be 40 by the time the plant opens.",
        "The drug is approved for children over the age of 12.",
        "The drug is approved for children over the age of 12 years.",
    ],
)
def test_bare_ages(sentence: str) -> None:
    quantity = only(sentence)
    assert quantity.unit == "years old"


def test_numbers_that_only_look_like_ages_stay_bare() -> None:
    assert values("The score was 12 at half time.") == [(12, None, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The church was built between A.D. 900 and 1150 by monks.",
        "The coin dates from 300 BC and was found in a field.",
        "She lives at 12 W 44th St in Manhattan.",
        "He sold the flat at 40 Avenue Foch last year.",
        "The review covers the Pixel 8 Pro and the 8 Pro XL.",
        "United won 3-1 thanks to a late goal.",
        "They were 2-0 down at the break.",
        "The team slipped into the bottom three after the loss.",
        "The FTSE 100 slid while the Nasdaq 100 held steady.",
        "A third-party audit will follow.",
    ],
)
def test_more_non_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_four_digit_counts_after_a_quantity_qualifier() -> None:
    assert values("Fares will rise by an average of 1200 next year.") == [(1200, None, None)]
    assert values("The top three seeds all won.") == [(3, None, "seeds")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The firm built 300 homes last year and 450 this year.", [(300, None, "homes"), (450, None, "homes")]),
        ("The highest bid was 92.5 cents and the lowest 80.25.", [(92.5, None, "cent"), (80.25, None, "cent")]),
        ("Tickets cost about 8 or $9 each.", [(8, None, "USD"), (9, None, "USD")]),
        # a level after a change in points is in points, after a change in per cent it is not
        ("The index rose 50.5 points to 7,120.3.", [(50.5, None, "point"), (7120.3, None, "point")]),
        ("The index closed at 7,120.3, up 50.5 points.", [(7120.3, None, "point"), (50.5, None, "point")]),
        ("The index fell 0.5 per cent to 7120.", [(0.5, None, "%"), (7120, None, None)]),
        # which currency a bare amount is in is unclear after two currencies
        ("Profit was 2.2 billion shekels ($590 million) and sales 71 million.",
         [(2.2e9, None, "ILS"), (590e6, None, "USD"), (71e6, None, None)]),
        # a unit is not lent across sentences
        ("He sold 300 homes. Then 40 stayed empty.", [(300, None, "homes"), (40, None, None)]),
        # a number set as the level of a noun named before it is that noun's, not one more of the neighbour's
        ("Two more hikers were found, raising the toll to 9.", [(2, None, "more hikers"), (9, None, None)]),
        ("The blaze razed 40 barns and put the number of farms hit at 12.", [(40, None, "barns"), (12, None, None)]),
    ],
)  # fmt: skip
def test_units_left_unsaid(sentence: str, expected: list[tuple[float, float | None, str | None]]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("One in four adults now works from home.", [(0.25, None, "adults")]),
        ("She made seven out of 10 attempts.", [(0.7, None, "attempts")]),
        ("One in every 400 phone owners had installed the app.", [(0.0025, None, "phone owners")]),
        ("Two out of every five ferries ran late.", [(0.4, None, "ferries")]),
        ("Several hundred fans waited at the quay.", [(300, 900, "fans")]),  # some hundreds, not one hundred
        ("A few dozen trawlers stayed in port.", [(24, 60, "trawlers")]),
        ("It happens 2 in 3 years.", [(2, None, None), (3, None, "year")]),
        ("About 100-odd fans waited outside.", [(100, None, "fans")]),
        ("He has 40-plus years of service.", [(40, None, "year")]),
        ("The 800-square metre site was cleared.", [(800, None, "m2")]),
        ("The beach is 300, 400 metres away.", [(300, None, "m"), (400, None, "m")]),
        ("Fares rose 3 and 4 percent in May.", [(3, None, "%"), (4, None, "%")]),
        ("She has two sons, aged six and nine.", [(2, None, "sons"), (6, None, "years old"), (9, None, "years old")]),
        ("The class takes pupils ages 11 to 14.", [(11, 14, "years old")]),
        ("He married Lisa after 11yrs together.", [(11, None, "year")]),
    ],
)
def test_proportions_rough_numbers_and_ages(
    sentence: str, expected: list[tuple[float, float | None, str | None]]
) -> None:
    assert values(sentence) == expected


def test_rough_suffixes_are_qualifiers() -> None:
    assert only("He has 40-plus years of service.").qualifier == "more than"
    assert only("About 100-odd fans waited outside.").qualifier == "about"


@pytest.mark.parametrize(
    "sentence",
    [
        "The team went 10-5-1 last season.",
        "Leeds (12-3) beat Hull (4-11) at home.",
        "They won 8-7, after extra time.",
        "It is a one-time charge for the bank.",
        "The phone has an 18:9 screen.",
    ],
)
def test_records_ratios_and_one_compounds_are_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_one_is_not_an_age() -> None:
    assert all(q.unit != "years old" for q in find_quantities("He was one in a million."))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a neighbour's unit is not lent to a number that counts something else or a pronoun
        ("He sold 300 homes, one of them to a friend.", [(300, None, "homes"), (1, None, None)]),
        ("Costs rose by a factor of 12 after the 40 km road opened.", [(12, None, None), (40, None, "km")]),
        ("It holds 61 percent of the 100 billion tokens.", [(61, None, "%"), (100e9, None, "tokens")]),
        ("Prices fell 3 percent and sales 40 units.", [(3, None, "%"), (40, None, "units")]),
        ("It runs 2 km, then 3 more days.", [(2, None, "km"), (3, None, "day")]),
        # things are counted whole: a decimal beside a count is no number of those things
        ("After two tremors, rated 4.7 and 3.9, crews checked the dam.", [(2, None, "tremors"), (4.7, None, None),
                                                                          (3.9, None, None)]),
    ],
)  # fmt: skip
def test_units_not_lent(sentence: str, expected: list[tuple[float, float | None, str | None]]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Revenue was $5.1 billion against $4.8 billion a year earlier.", [(5.1e9, None, "USD"), (4.8e9, None, "USD")]),
        ("Fees rose by up to £5 a-year.", [(5, None, "GBP per year")]),
        ("The plant burns 2.5m tonnes of coal.", [(2.5e6, None, "t")]),
        ("The race is a 100m sprint.", [(100, None, "m")]),
        ("The repair takes a day or two.", [(2, None, "day")]),
        ("A quarter of the UK workforce is remote.", [(0.25, None, "UK workforce")]),
        ("It hurts Ruritanias 4 billion dollar industry.", [(4e9, None, "USD")]),
        ("They made eight million 330ml cans.", [(8e6, None, "cans"), (330, None, "ml")]),
    ],
)  # fmt: skip
def test_rates_scales_and_counted_things_after_a_measure(
    sentence: str, expected: list[tuple[float, float | None, str | None]]
) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Lenders agreed a 40 billion pound rescue.", 40e9, "GBP"),
        ("The engines make 3 million pounds of thrust.", 3e6, "lb"),
        ("The ship was 80 nautical miles offshore.", 80, "nmi"),
        ("He wore one red coat and blue boots.", 1, "red coat"),
    ],
)
def test_pounds_miles_and_joined_phrases(sentence: str, value: float, unit: str) -> None:
    quantity = only(sentence)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


def test_a_local_phone_number_after_a_cue_is_no_amount_but_a_range_still_is() -> None:
    assert find_quantities("Witnesses should call 555-0143 with any information.") == []
    (marchers,) = find_quantities("Between 300-1500 people marched through Carrow.")
    assert marchers.value == 300.0


def test_a_capitalised_number_word_inside_a_name_is_no_count() -> None:
    assert find_quantities("Veterans of the Six-Day War met in Lindmoor.") == []
    (days,) = find_quantities("The strike lasted six days.")
    assert days.value == 6.0


@pytest.mark.parametrize(
    "sentence",
    [
        "The team ran for 3, 412 yards that season.",  # a list, or thousands split by a space?
        "The boathouse was valued at $380, 600 last spring.",
        "The cup final ended 2-1. 3 players were booked.",  # a score, then a sentence opening with a digit
    ],
)
def test_digit_groups_split_by_a_space_are_not_read(sentence: str) -> None:
    # Neither "3" nor "412" (nor 1 and 3): a wrong figure is worse than none.
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a group opening with a nought is thousands, whatever the text: no list writes "000"
        ("Nearly 40, 000 nurses joined the walkout.", 40_000),
        ("The harbour deal was worth $250, 000 to the town.", 250_000),
        # a text that shows it was cut into tokens (a possessive cut from its noun, a clock cut after its colon)
        # splits every number so: its groups are read whole
        ("The team ’ s back ran for 3, 412 yards that season.", 3_412),
        # a decimal point split by a space, before a word in lower case: real pages never write it otherwise
        ("A magnitude 5. 8 tremor shook the valley.", 5.8),
        ("In 1998 a magnitude-7. 7 quake shook the valley.", 7.7),
        ("The tremor had a preliminary magnitude of 5. 8 and woke the valley.", 5.8),
        ("The town ’ s boathouse was valued at $380, 600 last spring.", 380_600),
    ],
)
def test_digit_groups_split_by_a_tokeniser_are_read_whole(sentence: str, value: float) -> None:
    """Research corpora put a space after every comma and full stop, those inside numbers too."""
    assert [q.value for q in find_quantities(sentence)] == [value]


def test_a_list_of_numbers_and_a_date_before_a_count_are_still_read() -> None:
    assert [q.value for q in find_quantities("The shelters sit 200, 350 metres from the shore.")] == [200, 350]
    (count,) = find_quantities("By June 2, 400 families had left the valley.")
    assert (count.value, count.unit) == (400, "families")
    # A day, a year, then a count: no list of versions, whose numbers rise one after another.
    (count,) = find_quantities("On March 2, 2014, 300 families had left the valley.")
    assert (count.value, count.unit) == (300, "families")


def test_a_code_glued_to_one_digit_is_a_model_name_unless_more_of_an_amount_follows() -> None:
    assert [q.value for q in find_quantities("The XB3 console sold 2 million units.")] == [2_000_000]
    assert [q.value for q in find_quantities("Its old PS5 edition sold 300,000 copies.")] == [300_000]
    (price,) = find_quantities("The club paid PS7.5m for the winger.")
    assert (price.value, price.unit) == (7_500_000, "GBP")


def test_a_time_on_the_24_hour_clock_is_no_number_of_hours() -> None:
    assert find_quantities("The ferry sailed at 0745 hrs from the north quay.") == []
    (hours,) = find_quantities("The divers logged 1200 hours under the ice.")
    assert (hours.value, hours.unit) == (1200, "hour")


def test_a_third_before_a_noun_is_an_ordinal_and_before_of_a_fraction() -> None:
    assert find_quantities("A third deputy mayor stepped down.") == []
    assert find_quantities("She is chasing a fifth national title.") == []
    (share,) = find_quantities("A third of the ferries were cancelled.")
    assert share.value == pytest.approx(1 / 3)
    (cut,) = find_quantities("Fares fell by a fifth in May.")
    assert cut.value == pytest.approx(0.2)


def test_a_win_loss_record_is_no_range_but_a_range_of_things_still_is() -> None:
    assert find_quantities("The Owls fell to 5-10 after the loss at Kelso.") == []
    assert find_quantities("They ended the year with a 3-13 record.") == []
    (hurt,) = find_quantities("Officials said 5-10 people were hurt.")
    assert (hurt.value, hurt.value_max, hurt.unit) == (5, 10, "people")


@pytest.mark.parametrize(
    "sentence",
    [
        "Hackers used a zero-day flaw in the ferry booking site.",  # an idiom, no amount of days
        "Hackers used a zero day exploit against the port's ticket office.",  # the same without its hyphen
        "The council promised zero tolerance for fly-tipping on the quay.",
        "Tickets for The Four Seasons concert sold out on Monday.",  # a capitalised number inside a title
        "The fault hits Harbour Browser 8 and later versions.",  # a name and its version, no age
        "The fault hits Harbour Browser 8 and 9 on older desktops.",  # a series of versions, not 9 of anything
        "The patch covers versions HB6 to 10 of the browser.",
        "The patch can be used for HB6, 7, 8, 9, 10 and 11 on older desktops.",  # a list of versions
        "The flaw affects Harbour Browser versions 6, 7, 8, and 9 on laptops.",
        "Owners of the Tarn 4 or 5 phones should update.",
        "Veterans of the 1931 Nine Day Strike marched through Kelso.",  # a year, then a capitalised name
        "Veterans of the 1931 Nine-Day Strike marched through Kelso.",
        "Divers will first mend the NORTH-SEA-WE 5 cable off Kelso.",  # a hyphened name ending in "we"
        "The Owls beat former 3-Time League Champion Kelso Rovers on Saturday.",  # part of a title
        "The ferry firm rolled out the 7.20 update for its booking app.",  # a software version
        "Most users still run the 6.0 release of the timetable app.",
        "Ferry staff must install system update 7.20 by Friday.",
        "The challenger was down in round three at the Kelso arena.",  # which round, no count of rounds
        "The Owls stopped them at the 20-yard line.",  # a position on the field, no distance
        "The Owls forced a three-and-out on the opening drive.",  # a compound noun, no count of three
        "The ferry passed the 40-mile marker at noon.",
        "Kelso harbour notice, Tue Mar 3, 2026 1: 28PM GMT",  # a clock with a space after its colon
    ],
)
def test_numbers_inside_names_titles_and_idioms_are_no_amounts(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Six fishermen were rescued after the storm.", 6, "fishermen"),  # a count opening a sentence
        ("They ended the season with an Owls-like 12 wins.", 12, "wins"),  # a hyphened word, not a name
        ("The Kelso-bound ferry carried 40 passengers.", 40, "passengers"),
        ("The app had 7.5 updates a year on average.", 7.5, "updates"),  # a decimal before a plural counts
        ("The tug made 3.5 runs to the wreck.", 3.5, "runs"),
        ("It was the update 2.5 million riders installed.", 2_500_000, "riders"),  # a count after "update"
        ("The queue formed a 300-metre line at the quay.", 300, "m"),  # a line that long
        ("Between 6 and 10 boats sank off Kelso.", 6, "boats"),  # a range of counts, no name before it
        ("The Owls won 3 and lost 2 of their games.", 2, "games"),
        ("A 12-mile line of lorries waited at the port.", 12, "mi"),
    ],
)
def test_counts_beside_names_and_hyphens_are_still_amounts(sentence: str, value: float, unit: str) -> None:
    assert any(q.value == value and q.unit == unit for q in find_quantities(sentence)), find_quantities(sentence)


def test_zero_before_a_plural_is_an_amount_of_nothing() -> None:
    (deaths,) = find_quantities("The harbour authority reported zero deaths in the storm.")
    assert (deaths.value, deaths.unit) == (0, "deaths")


def test_a_plural_without_s_may_modify_the_counted_head() -> None:
    (officers,) = find_quantities("Hundreds of police officers searched the quay.")
    assert (officers.value, officers.value_max, officers.unit) == (100, 1000, "police officers")
    (people,) = find_quantities("The council moved 200 people indoors.")
    assert people.unit == "people"  # "people" modifies nothing after it


def test_a_house_number_before_a_numbered_street_is_no_amount() -> None:
    assert [q.value for q in find_quantities("Two men were hurt outside 40 East 5th Ave. on Sunday.")] == [2]
    assert find_quantities("Police found the van at 112 West 34th Street.") == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("The gullies run tens to hundreds of metres down the slope.", 10, 1000),
        ("Dozens or hundreds of seals were seen off the Orrin coast.", 12, 1000),
        ("Hundreds to thousands of volunteers may be needed.", 100, 10000),
        ("Tens of thousands of cyclists rode through Carrow.", 10000, 100000),
    ],
)
def test_a_vague_range_keeps_both_of_its_ends(sentence: str, low: float, high: float) -> None:
    (amount,) = find_quantities(sentence)
    assert (amount.value, amount.value_max) == (low, high)


def test_a_list_of_bare_counts_is_still_read_when_no_name_opens_it() -> None:
    """Only a list opened by a name's number ("HB6, 7, 8") or a label ("versions 6, 7") names versions."""
    values = [q.value for q in find_quantities("Turnout rose to 12, 15 and 20 in the three Kelso wards.")]
    assert values[:3] == [12, 15, 20]


@pytest.mark.parametrize("sentence", ["Two F-16 jets escorted the airliner to Carrow.", "Three B-52 bombers flew by."])
def test_a_models_name_that_begins_like_a_unit_is_no_unit(sentence: str) -> None:
    # "F-16" is a jet, not degrees Fahrenheit; "B-52" no byte count
    first_unit = values(sentence)[0][2]
    assert first_unit in (None, "jets", "bombers")


def test_a_line_ending_in_a_name_does_not_take_in_a_number_opening_the_next() -> None:
    # "Read more: Kelso Travel Tips" is a teaser line; "Four people" opens the story's next line, no name's part.
    text = "Read more: Kelso Travel Tips\nFour people were taken to hospital on Monday."
    assert [(q.text, q.value) for q in find_quantities(text)] == [("Four people", 4)]
    assert find_quantities("The new Velmar Jet 4 flew on Monday.") == []  # on one line, the name's own number
    # in digits too: the letters before a number glue it to a word only on its own line ("S23", "PS4")
    text = "Read more: Kelso Travel Tips\n4 people were taken to hospital on Monday."
    assert [(q.text, q.value) for q in find_quantities(text)] == [("4 people", 4)]
    assert find_quantities("Delegates of the UN\n5 ships were seized.") != []
    assert find_quantities("The new PS4 games sold well.") == []
