"""What an amount counts and what happened to it, read from the parse (quantities/grammar.py).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from crosswire.annotate import QuantityStage
from crosswire.annotate.nlp import load_parser
from crosswire.annotate.quantities import find_quantities
from crosswire.annotate.quantities.grammar import add_claims, add_claims_to_many, read
from crosswire.model import Article, Quantity


def claims(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.counted, q.predicate) for q in add_claims(text, find_quantities(text))]


def stage_quantities(text: str) -> list[Quantity]:
    """The quantities the stage reads in a text, each with its unit, counted thing and predicate."""
    annotations = QuantityStage()(Article("a", "record", "t", text)).annotations
    assert annotations is not None
    return list(annotations.quantities)


@pytest.mark.parametrize(
    ("sentence", "amount", "counted", "predicate"),
    [
        ("Coastal batteries shot down 18 drones before dawn.", "18 drones", "drones", "shot down"),
        ("The rivals swapped 640 prisoners of war at the border crossing.", "640 prisoners", "prisoners of war",
         "swapped"),
        ("At least 23 people were injured when the roof gave way.", "23 people", "people", "injured"),
        ("Firefighters evacuated some 900 residents from the hillside.", "900 residents", "residents",
         "evacuated"),
        ("The ministry said 31 fishermen remained missing.", "31 fishermen", "fishermen", "missing"),
        ("Nine of the wounded were flown to the regional hospital.", "Nine", "wounded", "flown"),
        # a participle standing as a preposition names no happening: members of a noun share what befell it,
        # and the source of a report had nothing happen to it
        ("The storm damaged 300 homes, including 12 schools, officials said.", "12 schools", "schools", "damaged"),
        ("According to 2 witnesses, the van sped off toward the river.", "2 witnesses", "witnesses", None),
        # a past participle right after the counted noun tells what befell them, whatever the clause goes on to
        # tell; unless the clause's verb acts on them, or the participle only describes them
        ("Eleven passengers hurt in the derailment were flown to Carrow.", "Eleven passengers", "passengers",
         "hurt"),
        ("With six minutes left, the Owls levelled the score.", "six minutes", "minutes", "left"),
        ("Volunteers freed 14 hikers stranded on the ridge.", "14 hikers", "hikers", "freed"),
        ("The 25 nurses staffing the ward walked out.", "25 nurses", "nurses", "walked out"),
        # a span of time that ends in the happening is how long it took, not something done to hours or days
        ("After three hours, the hijacker surrendered to the crew.", "three hours", "hours", "before surrendering"),
        ("The new tolls will take effect in 45 days.", "45 days", "days", "before taking effect"),
        ("The ferry strike lasted 12 hours.", "12 hours", "hours", "lasted"),
        # ... but a span a determiner names is the period it happened in, not a wait before it
        ("The Owls scored twice in the last 15 minutes.", "15 minutes", "minutes", "scored"),
        ("Crews reached the hamlet within the first six hours.", "six hours", "hours", "reached"),
        ("After the first two hours, the hijacker surrendered.", "two hours", "hours", "before surrendering"),
        # a part counts the things of its whole, and its verb tells what befell it, not all of the whole
        ("Of the 52 passengers, 40 were injured.", "40", "passengers", "injured"),
        ("Of the 52 passengers, 40 were injured.", "52 passengers", "passengers", None),
        ("Three of the 12 climbers reached the summit.", "Three", "climbers", "reached"),
        ("Three of the 12 climbers reached the summit.", "12 climbers", "climbers", None),
        # a part of "them" counts what a number counted before it in the sentence, and its own verb tells what
        # befell it; with no counted whole before it, "them" names nothing
        ("More than 300 miners were trapped, and 41 of them were rescued on Sunday.", "41", "miners", "rescued"),
        ("Police questioned 12 men on Friday; three of those were charged.", "three", "men", "charged"),
        ("Rescuers reached the village, and 30 of them stayed overnight.", "30", None, "stayed"),
        # an age phrase after coordinated nouns describes the one right before it, wherever the parse hangs it
        ("A teacher and two pupils, aged 12 and 13, were hurt.", "12", "pupils", "age"),
        ("A 58-year-old driver and two cyclists, ages 19 and 23, were taken to hospital.", "23", "cyclists", "age"),
        ("Half of the 900 workers lost their jobs.", "900 workers", "workers", None),
        # a number standing as a noun with its participle counts those the participle tells of; as no subject, it
        # says what befell them
        ("Police said 18 of the 25 detained were freed on bail.", "18", "detained", "freed"),
        ("Police said 18 of the 25 detained were freed on bail.", "25", None, "detained"),
        ("Two people were killed and 11 injured in Monday's blast at the Orran depot, police said.", "11", None,
         "injured"),
        ("The $5 million raised by fans will rebuild the stand.", "$5 million", None, "rebuild"),  # no money counted
        # a short past tense ends the counted phrase, as a long one does: they died, no "died" was counted
        ("Five passengers were hurt and two died at the scene.", "two", None, "died"),
        ("Four fled before the police arrived.", "Four", None, "fled"),
        # an adjective the verb makes true is part of what happened: a verdict, not a discovery
        ("Three Carrow bakers were found guilty of tax fraud.", "Three Carrow bakers", "Carrow bakers", "found guilty"),
        ("Two climbers were declared dead at the scene.", "Two climbers", "climbers", "declared dead"),
    ],
)  # fmt: skip
def test_the_counted_thing_and_what_happened_to_it(
    sentence: str, amount: str, counted: str, predicate: str | None
) -> None:
    found = {text: (thing, verb) for text, thing, verb in claims(sentence)}
    assert found[amount] == (counted, predicate)


def test_a_number_completing_a_verb_of_change_counts_the_subject() -> None:
    ((_, counted, predicate),) = claims("The number of displaced families climbed to 4,100 on Sunday.")
    assert (counted, predicate) == ("number of displaced families", "climbed")
    ((_, counted, predicate),) = claims("The official toll is 38, the governor said.")
    assert (counted, predicate) == ("official toll", "is")


def test_modifiers_touching_the_noun_say_which_ones_were_counted() -> None:
    ((_, counted, _),) = claims("The club sold 14 first-team players over the summer.")
    assert counted == "first-team players"


def test_two_amounts_of_one_sentence_each_get_their_own_verb() -> None:
    found = claims("Storms flattened 70 barns and the army rescued 45 farmers.")
    assert [(counted, verb) for _, counted, verb in found] == [("barns", "flattened"), ("farmers", "rescued")]


def test_a_share_completing_a_verb_of_being_or_change_is_its_subjects() -> None:
    ((_, counted, _),) = claims("In the Harwick by-election, turnout was 52 percent.")
    assert counted == "turnout"
    ((_, counted, _),) = claims("The jobless rate rose to 6 percent in March.")
    assert counted == "jobless rate"

@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("Surgeons gave the climber a 4 percent chance of recovery.", "chance of recovery"),
        ("Shops along the canal will charge a 12 percent tourist levy from May.", "tourist levy"),
        ("The skipper had a blood alcohol level of 0.19% when the barge ran aground.", "blood alcohol level"),
        ("The mayor won with an approval rating of 64 percent.", "approval rating"),
        # what a share is of, without the words that point at it, so two reports write it alike
        ("The storm cut power to 40 percent of the valley's homes.", "percent of homes"),
        ("About 40 percent of homes in the valley lost power.", "percent of homes"),
    ],
)
def test_a_share_counts_the_noun_it_is_the_value_of(sentence: str, counted: str) -> None:
    """"Percent" says only what a number is in: the noun the share describes, or whose "of" phrase it is, says what
    was measured."""
    ((_, read, _),) = claims(sentence)
    assert read == counted


@pytest.mark.parametrize(
    ("sentence", "amount", "reading"),
    [
        ("The 5. 4 magnitude quake shook Velm on Sunday, the survey ’ s staff said.", "5. 4 magnitude",
         ("quake", "magnitude")),
        ("The tremor had a depth of 3. 1 miles, the survey ’ s staff said.", "3. 1 miles", ("tremor", "depth")),
    ],
)
def test_a_number_a_tokeniser_split_is_parsed_whole(sentence: str, amount: str, reading: tuple[str, str]) -> None:
    """In a tokenised text "5. 4" is one number; parsed as written, its halves make no reading (and the rule
    splitting sentences may cut it after "5.")."""
    readings = {text: (counted, predicate) for text, counted, predicate in claims(sentence)}
    assert readings[amount] == reading


def test_a_share_a_verb_of_change_moves_by_counts_what_moved() -> None:
    # What moved is the claim's thing, and the name before it whose (the holder reading): "shares" rose 3 percent
    # (the claim keeps the direction), where "profit" and "sales" are other things that move by shares too.
    ((_, counted, _),) = claims("On Monday, Orvel Systems shares rose 3 percent.")
    assert counted == "shares"
    ((_, counted, _),) = claims("The miner said its quarterly profit fell 6% on weaker copper prices.")
    assert counted == "quarterly profit"
    ((_, counted, _),) = claims("Orvel Systems lost 4% on Monday.")
    assert counted == "percent"  # a name that moved is the share's holder, not what is counted
    ((_, counted, _),) = claims("The grocer cut prices 5 percent across its stores.")
    assert counted == "percent"  # the verb's object, not its subject, is what moved


def test_the_state_an_event_left_the_counted_things_in_is_what_happened_to_them() -> None:
    ((_, counted, predicate),) = claims("The clashes at the bridge left 23 people injured on Saturday.")
    assert (counted, predicate) == ("people", "injured")
    ((_, counted, predicate),) = claims("The storm left 300 families homeless.")
    assert (counted, predicate) == ("families", "homeless")
    ((_, counted, predicate),) = claims("The ferry left 40 passengers at the quay.")
    assert (counted, predicate) == ("passengers", "left")


def test_a_dozen_counts_the_noun_after_it() -> None:
    # The tagger takes "dozen" for a noun: it is a number word all the same, and the noun after it what is counted.
    ((_, counted, predicate),) = claims("A dozen boats were sunk at their moorings in the gale.")
    assert (counted, predicate) == ("boats", "sunk")
    ((_, counted, predicate),) = claims("Two dozen pupils were sent home with a fever.")
    assert (counted, predicate) == ("pupils", "sent")


def test_a_vague_count_counts_the_object_of_its_of() -> None:
    ((_, counted, predicate),) = claims("Dozens of people were treated for smoke inhalation after the fire.")
    assert (counted, predicate) == ("people", "treated")
    ((_, counted, _),) = claims("Tens of thousands of people marched through Carrow on Sunday.")
    assert counted == "people"


@pytest.mark.parametrize(
    ("sentence", "counted", "predicate"),
    [
        ("Marlow Shipping agreed to buy the Harwick ferry line for $810 million.", "Harwick ferry line", "price"),
        ("Marlow Shipping will pay $640 million for the Harwick ferry line.", "Harwick ferry line", "price"),
        ("Regulators cleared the $640 million takeover of the Harwick ferry line.", "Harwick ferry line", "price"),
        # A fee for a doing, and a sum that changes no hands, are no price.
        ("The director was paid $3 million for directing the film.", None, "paid"),
        ("Marlow Shipping raised $50 million for the new terminal.", None, "raised"),
    ],
)  # fmt: skip
def test_a_sum_that_changes_hands_for_a_thing_is_its_price(sentence: str, counted: str | None, predicate: str) -> None:
    ((_, found_counted, found_predicate),) = claims(sentence)
    assert (found_counted, found_predicate) == (counted, predicate)


def test_money_has_no_counted_thing_but_keeps_its_verb() -> None:
    ((text, counted, predicate),) = claims("The airline was fined $2.3 million for the delays.")
    assert text.startswith("$2.3 million") and counted is None and predicate == "fined"


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("The gale caused $40 million in damage along the coast.", "damage"),
        ("Donors pledged $2 million in aid on Monday.", "aid"),
        ("The mill had $31.5 million in earnings last year.", "earnings"),
        # Where or when the money was, not what it is: an article, a year, a span of time.
        ("The firm earned $40 million in the third quarter.", None),
        ("The town lost $5 million in 2019.", None),
        ("The mill lost $3 million in years of decline.", None),
    ],
)  # fmt: skip
def test_a_bare_noun_after_in_says_what_a_sum_of_money_is(sentence: str, counted: str | None) -> None:
    ((_, found, _),) = claims(sentence)
    assert found == counted


def test_texts_are_read_in_one_batch_with_the_same_result_as_one_by_one() -> None:
    texts = ["Volunteers planted 5,000 trees.", "No numbers here at all.", "Police detained 12 protesters."]
    batched = add_claims_to_many([(text, find_quantities(text), ()) for text in texts])
    assert batched == [add_claims(text, find_quantities(text)) for text in texts]
    assert [q.counted for q in batched[2]] == ["protesters"]


def test_the_stage_fills_claims_for_every_article_of_a_batch() -> None:
    articles = [
        Article(id=str(i), kind="record", origin="test", text=f"Rangers counted {i + 10} wolves in the park.")
        for i in range(70)
    ]
    annotated = list(QuantityStage().pipe(articles))
    assert len(annotated) == 70
    for index, article in enumerate(annotated):
        assert article.annotations is not None
        ((quantity),) = article.annotations.quantities
        assert (quantity.value, quantity.counted, quantity.predicate) == (index + 10, "wolves", "counted")


@pytest.mark.parametrize(
    ("sentence", "counted", "dimension"),
    [
        ("Wardens tranquillised a 300-kilogram bear behind the bakery.", "bear", "weight"),
        ("A 7-year-old girl was pulled from the canal by a passer-by.", "girl", "age"),
        ("The harbour crane, standing 60 metres tall, was dismantled.", "harbour crane", "height"),
        ("Inspectors found the culvert was 12 metres long.", "culvert", "length"),
        ("Ferry captain Ivo Brandt, 61, was praised for the rescue.", "Ivo Brandt", "age"),
        ("The 44-year-old skipper Ivo Brandt steered the ferry home.", "Ivo Brandt", "age"),
        ("A 9-year-old boy Saturday found the missing dog.", "boy", "age"),
        ("Carrow's 61-year-old mayor, Idris Kellaway, said he would resign.", "Idris Kellaway", "age"),
        # A name the measured noun is set off after says who it is: "Ana Ruiz, a 41-year-old nurse".
        ("Police named the driver as Tom Berg, a 52-year-old lorry driver from Carrow.", "Tom Berg", "age"),
        ("'We waited for hours,' said Ana Ruiz, a 41-year-old nurse.", "Ana Ruiz", "age"),
        ("On Friday, a 12-hour shift ended at the Carrow docks.", "shift", "duration"),
        ("The 61-year-old mayor, who took office in 2019, resigned on Tuesday.", "mayor", "age"),
        ("The council approved a 90-minute curfew trial.", "curfew trial", "duration"),
        ("Lifeguards said the swimmer, a 15-year-old, was unhurt.", "swimmer", "age"),
        # A baby's or a young animal's age is told in months, weeks or days: an age all the same
        ("Rescuers carried a 20-month-old boy from the flooded cellar.", "boy", "age"),
        ("The six-week-old lion cub was shown to visitors on Sunday.", "lion cub", "age"),
        ("A 3-day-old foal was found beside the Carrow road.", "foal", "age"),
        # A relative clause measures the noun it describes, not its pronoun.
        ("The witness, who was 15 years old at the time, spoke on Monday.", "witness", "age"),
        ("The harbour crane, which is 60 metres tall, was dismantled.", "harbour crane", "height"),
    ],
)  # fmt: skip
def test_a_measure_reads_as_the_thing_measured_and_its_dimension(sentence: str, counted: str, dimension: str) -> None:
    (reading,) = [(thing, verb) for _, thing, verb in claims(sentence)]
    assert reading == (counted, dimension)


@pytest.mark.parametrize(
    ("sentence", "amount", "counted"),
    [
        ("A 5.8-magnitude quake cracked walls across Orran on Monday.", "5.8-magnitude", "quake"),
        ("A 5.8 magnitude earthquake cracked walls across Orran on Monday.", "5.8 magnitude", "earthquake"),
        ("A magnitude 5.8 earthquake cracked walls across Orran on Monday.", "magnitude 5.8", "earthquake"),
        ("The tremor, magnitude 5.8, cracked walls across Orran on Monday.", "magnitude 5.8", "tremor"),
        ("An earthquake of magnitude 5.8 cracked walls across Orran on Monday.", "magnitude 5.8", "earthquake"),
        ("The tremor had a magnitude of 5.8, the observatory said.", "magnitude of 5.8", "tremor"),
        ("A quake with a magnitude of 5.8 struck Orran before dawn.", "magnitude of 5.8", "quake"),
        ("A tremor measuring 5.8 magnitude cracked walls across Orran on Monday.", "5.8 magnitude", "tremor"),
        ("The quake registered 5.8 on the Richter scale, the observatory said.", "5.8 on the Richter scale",
         "quake"),
        ("A 5.8 quake cracked walls across Orran on Monday.", "5.8", "quake"),
        ("An earthquake measuring 5.8 shook Orran on Monday, the observatory said.", "5.8", "earthquake"),
    ],
)  # fmt: skip
def test_a_magnitude_measures_the_quake_however_it_is_written(sentence: str, amount: str, counted: str) -> None:
    """Each way reports write a quake's strength reads as one claim, the quake's magnitude, so that outlets
    writing it differently are compared (the unit word before the number, after it, in an apposition)."""
    ((text, unit, thing, dimension),) = [
        (q.text, q.unit, q.counted, q.predicate) for q in add_claims(sentence, find_quantities(sentence))
    ]
    assert (text, unit, thing, dimension) == (amount, "magnitude", counted, "magnitude")


@pytest.mark.parametrize(
    ("sentence", "counted", "dimension"),
    [
        ("A 60 metre crane toppled onto the quay at Kelso.", "crane", "size"),
        ("Workers lowered a 200 tonne slab into the dock.", "slab", "weight"),
        ("The 3 hour meeting ended without a deal.", "meeting", "duration"),
        ("The record catch weighed 40 kilograms at the scales.", "record catch", "weight"),
    ],
)
def test_a_unit_written_apart_from_its_number_still_measures_the_noun_after_it(
    sentence: str, counted: str, dimension: str
) -> None:
    """"a 60 metre crane" is a crane that size, as "a 60-metre crane" is: the parse hangs the number on the
    crane, not on the unit, and the unit's word is no part of the thing's name."""
    (reading,) = [(thing, verb) for _, thing, verb in claims(sentence)]
    assert reading == (counted, dimension)


@pytest.mark.parametrize(
    "sentence",
    [
        "Two quakes, measuring 6.1 and 5.4, rocked the Tessaly coast overnight.",
        "Two aftershocks measuring 6.1 and 5.4 rattled Orran before dawn.",
    ],
)
def test_a_measuring_verb_rates_several_quakes_as_it_rates_one(sentence: str) -> None:
    """"quakes measuring 6.1 and 5.4" are two magnitudes, as "a quake measuring 6.1" is one: the plural noun
    is rated as its singular is, and neither figure becomes a count of quakes."""
    readings = [(q.text, q.unit, q.predicate) for q in add_claims(sentence, find_quantities(sentence))]
    assert [reading for reading in readings if reading[0] in ("6.1", "5.4")] == [
        ("6.1", "magnitude", "magnitude"), ("5.4", "magnitude", "magnitude")
    ]


@pytest.mark.parametrize(
    ("sentence", "amount", "counted", "dimension"),
    [
        ("Crews were flown in after two quakes, measuring 6.2 and 5.9, struck west of the port.", "5.9", "quakes",
         "magnitude"),
        ("Rescuers carried the boy, weighing just 20 kilograms, out of the rubble.", "20 kilograms", "boy", "weight"),
        ("The crew lifted the beam, measuring 12 metres, into place on Friday.", "12 metres", "beam", "size"),
    ],
)  # fmt: skip
def test_a_participle_set_off_after_a_noun_measures_that_noun(
    sentence: str, amount: str, counted: str, dimension: str
) -> None:
    """The parse may hang "measuring ..." on the main verb; set off by a comma right after a noun, it still
    tells of that noun (the quakes, the boy, the beam), not of the main verb's subject (the rescuers, the crew)."""
    assert (amount, counted, dimension) in claims(sentence)


def test_numbers_joined_by_and_before_one_unit_measure_the_same_noun() -> None:
    readings = claims("The 5.1 and 4.8 magnitude quakes woke Orran on Monday.")
    assert [(amount, thing, verb) for amount, thing, verb in readings if "5.1" in amount or "4.8" in amount] == [
        ("5.1", "quakes", "magnitude"), ("4.8 magnitude", "quakes", "magnitude")
    ]


@pytest.mark.parametrize(
    ("sentence", "counted", "dimension"),
    [
        ("The quake had a depth of 12 km, the observatory said.", "quake", "depth"),
        ("The new tunnel, with a length of 2 km, opens on Monday.", "new tunnel", "length"),
        ("The dam's height of 90 metres makes it the tallest in Tessaly.", "dam", "height"),
        # "at a depth of" hangs on a verb whose subject may be anyone, and "reached a depth" is where someone got
        # to, no measure of them: the dimension without an owner
        ("The survey put the centre of the quake at a depth of 12 km.", None, "depth"),
        ("Divers reached a depth of 40 metres off Kelso.", None, "depth"),
    ],
)
def test_a_dimension_named_before_of_is_the_predicate_of_what_has_it(
    sentence: str, counted: str | None, dimension: str
) -> None:
    (reading,) = [(thing, verb) for _, thing, verb in claims(sentence)]
    assert reading == (counted, dimension)


def test_a_count_before_a_rated_noun_stays_a_count() -> None:
    """Only a rating ("a 5.8 quake") reads as the noun's magnitude: a whole number before a longer phrase
    counts it."""
    (quantity,) = find_quantities("Aid reached 4,000 quake survivors in the hills.")
    assert (quantity.value, quantity.unit) == (4000, "quake survivors")


def test_a_distance_travelled_is_no_measure_of_the_traveller() -> None:
    """Only the verbs that give a measure (``measuring_verbs.json``) make their subject the thing measured."""
    (reading,) = [(thing, verb) for _, thing, verb in claims("The ferry sailed 30 miles to the island.")]
    assert reading[0] != "ferry"


@pytest.mark.parametrize(
    ("sentence", "ages"),
    [
        ("Two boys, aged 9 and 11, were pulled from the canal.", ["9", "11"]),
        ("The swimmers, ages 14 to 16, were treated on the quay.", ["14 to 16"]),
    ],
)
def test_ages_written_after_their_word_measure_the_noun_the_phrase_describes(sentence: str, ages: list[str]) -> None:
    readings = {amount: (thing, verb) for amount, thing, verb in claims(sentence)}
    noun = sentence.split(",")[0].split()[-1]
    assert [readings[age] for age in ages] == [(noun, "age")] * len(ages)


@pytest.mark.parametrize(
    ("sentence", "dimension"),
    [("A neighbour said he was 6 years old.", "age"), ("It is 40 metres tall, the engineers said.", "height")],
)
def test_a_measure_of_a_pronoun_is_the_dimension_alone(sentence: str, dimension: str) -> None:
    """ "He was 6 years old": an age of someone another sentence names, not a count of years that were old."""
    assert [(thing, verb) for _, thing, verb in claims(sentence)] == [(None, dimension)]


@pytest.mark.parametrize(
    "sentence",
    ["A 6-year-old was pulled from the canal by a passer-by.", "Rescuers carried the 6-year-old to the bank.",
     "The ferry crew waved to the 6-year-old on the quay."],
)
def test_an_age_standing_for_a_person_measures_someone_unnamed_not_years(sentence: str) -> None:
    # "the 6-year-old" as a subject or an object is a person of that age; "years old" is no counted thing.
    (reading,) = [(thing, verb) for _, thing, verb in claims(sentence)]
    assert reading == (None, "age")


@pytest.mark.parametrize(
    ("sentence", "amount", "counted"),
    [
        # a count before a model's name counts the things of that model
        ("Officers found nine AK-47 rifles, 14 magazines and 250 rounds in the trawler's hold.", "nine", "rifles"),
    ],
)  # fmt: skip
def test_each_item_of_a_list_counts_its_own_things(sentence: str, amount: str, counted: str) -> None:
    (thing,) = [thing for text, thing, _ in claims(sentence) if text == amount]
    assert thing is not None and thing.split()[-1] == counted, thing


def test_a_list_item_the_parse_reads_as_an_apposition_counts_its_own_things() -> None:
    # The parser sometimes hangs a list's second item on the first as an apposition, the shape of a conversion
    # ("300 feet (91 metres)"); a count of other things restates no measure, and counts its own noun.
    words = ["Police", "seized", "six", "rifles", ",", "12", "magazines", "and", "300", "rounds", "."]
    heads = [1, 1, 3, 1, 3, 6, 3, 6, 9, 6, 1]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "punct", "nummod", "appos", "cc", "nummod", "conj", "punct"]
    tags = ["NNS", "VBD", "CD", "NNS", ",", "CD", "NNS", "CC", "CD", "NNS", "."]
    doc = Doc(load_parser().vocab, words=words, heads=heads, deps=deps, tags=tags)
    start = doc[5].idx
    assert read(doc, start, start + len("12 magazines")).counted == "magazines"


def test_an_age_of_a_participle_standing_as_a_noun_measures_those_it_tells_of() -> None:
    # "the 17-year-old accused of ..." is the accused, aged 17: not 17 years that were accused, and not the
    # best friend or the witness another report gives the same age
    (reading,) = [(thing, verb) for _, thing, verb in claims("Now the 17-year-old accused of the theft faces a jury.")]
    assert reading == ("accused", "age")


@pytest.mark.parametrize(
    ("sentence", "counted", "dimension"),
    [
        # A bracketed conversion between the measure and its adjective: the parser hangs the unit on the verb.
        ("The harbour crane, standing 60 metres (197 feet) tall, was dismantled.", "harbour crane", "height"),
        ("The old mast, measuring 88 feet (27 metres) tall, was pulled down.", "old mast", "height"),
        # The second of two participles, whose subject is the main clause's.
        ("spreading 30 feet at the base and standing 240 feet (73 metres) tall, the mast is the town's pride.",
         "mast", "height"),
        ("Standing 90 metres tall, the chimney was built in 1961.", "chimney", "height"),
        ("Years late, the Velmar Tower is ready to open, standing over 200 feet tall on the old pier.",
         "Velmar Tower", "height"),
        ("The new Orvel Mast, measuring 229 feet (70 metres) tall, sat atop the hill on Monday.", "Orvel Mast",
         "height"),
        # The second adjective of two stands where the first does.
        ("The vault is 40 metres long and 12 metres wide.", "vault", "width"),
    ],
)  # fmt: skip
def test_the_last_measure_of_a_sentence_reads_through_brackets_and_conjuncts(
    sentence: str, counted: str, dimension: str
) -> None:
    assert claims(sentence)[-1][1:] == (counted, dimension)


def test_a_bracketed_conversion_reads_as_the_measure_it_restates() -> None:
    found = claims("The freighter can carry 9,000 pounds (4,080 kg) of grain to the islands.")
    assert [(counted, verb) for _, counted, verb in found] == [
        ("pounds of grain", "carry"),
        ("kilograms of grain", "carry"),  # in the conversion's own unit, and without the bracket in the first
    ]


def test_a_unit_counted_is_named_alike_however_it_is_written() -> None:
    (feet,) = claims("The calf slipped 15ft into the ravine.")
    (also_feet,) = claims("The calf slipped about 12 feet into the ravine.")
    assert feet[1] == also_feet[1] == "feet"


def test_a_count_is_still_a_count_when_a_measure_stands_beside_it() -> None:
    found = {text: (thing, verb) for text, thing, verb in claims("Rescuers freed 14 miners from a 40-metre shaft.")}
    assert found["14 miners"] == ("miners", "freed")


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("Velmar Bank took a $2 billion charge on Friday.", "Velmar Bank"),
        ("Velmar Bank's $2 billion charge hit its profit.", "Velmar Bank"),
        ("Ana Ruiz scored 30 points in the final.", "Ana Ruiz"),
        ("Police arrested 12 people in Carrow.", None),
        ("Forty Carrow buses were destroyed in the fire.", None),
        # A pronoun standing for the one who reports the clause: the figure is theirs.
        ("Velmar Bank told regulators it may record a $3 billion charge.", "Velmar Bank"),
        ("Orvel Group said its $2 billion charge would hurt profits.", "Orvel Group"),
        ("Ana Ruiz said she scored 30 points in the final.", "Ana Ruiz"),
        ("Police said they arrested 12 people in Carrow.", None),
        ("The Bank of Lumeria warned it may record a $3 billion charge.", "Bank of Lumeria"),
        # A title-case headline capitalises every word, so its capitals name no one; a sentence full of names
        # still has its verb in lower case.
        ("Velmar Bank Takes $2 Billion Charge After Storm Losses", None),
        ("Ana Ruiz of Lowmoor United scored 30 points against Carrow City.", "Ana Ruiz of Lowmoor United"),
        # A share the subject moved by is its owner's: "Velmar Bank shares", "the rival Lintgate's shares".
        ("On Monday, Velmar Bank shares fell 2 percent.", "Velmar Bank"),
        ("On Monday the rival Lintgate's shares climbed 3%.", "Lintgate"),
        ("Coach Ivo Brandt's players won by 12 points.", None),
    ],
)
def test_whose_figure_it_is_when_the_sentence_names_them(sentence: str, holder: str | None) -> None:
    (quantity,) = add_claims(sentence, find_quantities(sentence))
    assert quantity.holder == holder


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("The bank expects a loss of about $3 billion this year.", "loss"),
        ("Kidnappers demanded a ransom of $2 million for the crew.", "ransom"),
        ("A crowd of 22,000 watched the final in Carrow.", "crowd"),
    ],
)
def test_an_amount_after_of_is_what_the_noun_before_it_names(sentence: str, counted: str) -> None:
    (quantity,) = add_claims(sentence, find_quantities(sentence))
    assert quantity.counted == counted


def test_a_negated_verb_is_read_as_not_happening() -> None:
    sentence = "Police said the two fires were not related."
    (fires,) = add_claims(sentence, find_quantities(sentence))
    assert fires.predicate == "not related"


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        ("A gunman shot to death one guard and wounded two others at the depot.", "shot to death"),
        ("Two guards were shot dead at the depot.", "shot dead"),
        ("He shot three guards at the depot.", "shot"),
    ],
)
def test_a_verbs_result_stays_in_its_predicate(sentence: str, predicate: str) -> None:
    assert claims(sentence)[0][2] == predicate


@pytest.mark.parametrize(
    ("sentence", "happened"),
    [
        ("Gunmen killed 12 guards at the Dorrel depot.", True),
        ("Twelve guards were killed at the Dorrel depot.", True),
        ("Rescuers have pulled 14 miners from the Harrowgate shaft.", True),
        ("The storm could force 300 families from their homes.", False),
        # A plan announced and carried out is one fact told at two times: "will" does not set it apart.
        ("The ferry operator will cut 40 sailings next month.", None),
        ("The agency plans to launch 2 probes to Mars before 2030.", False),
        ("If the levee fails, the river could flood 60 streets.", False),
        ("If the levee fails, 60 streets will be flooded.", False),
        # "would" is how news reports what a rule or a report says is so: neither done nor planned.
        ("Under the rule, the minimum payment would be $40, the bank said.", None),
        ("Nine climbers are missing on the north face of Mount Harrow.", None),
        # A relative clause tells its own: the fire caused the damage, whoever may have set it.
        ("A fire that caused $2 million in damage may have been set on purpose, police said.", True),
    ],
)
def test_a_figure_is_told_as_done_as_to_come_or_neither(sentence: str, happened: bool | None) -> None:
    (first, *_) = sorted(add_claims(sentence, find_quantities(sentence)), key=lambda q: q.start)
    assert first.happened is happened, (first.text, first.predicate)


@pytest.mark.parametrize(
    ("sentence", "amount", "predicate"),
    [
        # A figure in an appositive's modifier describes the noun the appositive stands beside.
        ("Two hotels in Orran, a town of 16,000 people, collapsed in the quake.", "16,000 people", None),
        ("Kestrel Energy, a company with 2,000 workers, listed its shares on Friday.", "2,000 workers", None),
        # Items of a list, which the parse may read as appositives, keep the list's verb.
        ("The storm damaged 14 hotels, 1,600 houses, 40 churches, 8 bridges, and 4 schools.", "8 bridges", "damaged"),
    ],
)
def test_a_figure_inside_an_appositive_is_no_object_of_the_clause(
    sentence: str, amount: str, predicate: str | None
) -> None:
    found = {text: said for text, _counted, said in claims(sentence)}
    assert found[amount] == predicate


@pytest.mark.parametrize(
    ("sentence", "amount", "predicate"),
    [
        # verbs coordinated over the same things tell every happening of them
        ("During the raid, nine rifles and 40 rounds were found and confiscated.", "nine rifles",
         "found and confiscated"),
        ("Police arrested and charged three men in Kelso on Sunday.", "three men", "arrested and charged"),
        ("Four climbers were rescued on Friday and later released from hospital.", "Four climbers",
         "rescued and released"),
        # a conjunct with things of its own, or only sharing the subject, tells another happening
        ("The blast killed three people and injured 11 others.", "three people", "killed"),
        ("The blast killed three people and injured 11 others.", "11", "injured"),
        ("Two people were killed and 11 injured in the crash.", "11", "injured"),
        ("The quake killed 12 people and was felt across the region.", "12 people", "killed"),
        ("Two people were hurt in the fire and went home the same evening.", "Two people", "hurt"),
        ("The boy crawled through a gap in the fence and fell 12 feet into the moat.", "12 feet", "fell"),
    ],
)
def test_verbs_coordinated_over_one_figure_are_all_its_predicate(sentence: str, amount: str, predicate: str) -> None:
    assert (amount, predicate) in [(text, told) for text, _, told in claims(sentence)]


@pytest.mark.parametrize(
    ("sentence", "amount", "predicate"),
    [
        # a figure in the verb's circumstances: the verb tells what the subject did, not what befell it
        ("The Harriers rallied behind Ada Brandt's 226 yards to tie the game.", "226 yards", None),
        ("The champion returned to the ring with 33 knockouts to his name.", "33 knockouts", None),
        ("The Harriers lost despite 352 rushing yards.", "352 rushing yards", None),
        # among what the verb acts on, or a span of time before it, the figure keeps its verb
        ("Ada Brandt rushed for 226 yards on Sunday.", "226 yards", "rushed"),
        ("Prosecutors charged her with two counts of theft.", "two counts", "charged"),  # the verb's own "with"
        ("The gunman surrendered after two hours.", "two hours", "before surrendering"),
    ],
)
def test_a_figure_in_a_verbs_circumstances_has_no_predicate(sentence: str, amount: str, predicate: str) -> None:
    assert (amount, predicate) in [(text, told) for text, _, told in claims(sentence)]


@pytest.mark.parametrize(
    ("sentence", "amount", "counted"),
    [
        # an age told "at" a verb of a life event: how old the verb's subject was when it happened
        ("Orlan Vesk died on Sunday in a Carrow hospital at 81.", "81", "Orlan Vesk"),
        ("Ana Ruiz, who retired from the fire service at 58, still coaches the cadets.", "58", "Ana Ruiz"),
        ("The ferry's last skipper retired at the age of 63.", "63", "last skipper"),
        ("Harbour Boss Who Fooled Doctors Dies at 81\nOrlan Vesk ran the port for decades.", "81", "Harbour Boss"),
        # completing a form of "be": the subject's age; a pronoun's is someone's another sentence names
        ("The harbour master died on Sunday. He was 77.", "77", None),
    ],
)
def test_an_age_told_by_its_verb_is_the_subjects(sentence: str, amount: str, counted: str | None) -> None:
    (age,) = [q for q in stage_quantities(sentence) if q.text == amount]
    assert (age.unit, age.counted, age.predicate) == ("years old", counted, "age")


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("The pilot died at 2 a.m. on Monday.", "2"),
        ("Shares of Velmar closed at 81 on Friday.", "81"),
        ("The ferry was 40 minutes late when it sank.", "40 minutes"),
        ("She retired at 60 Harbour Road, a house her father built.", "60"),
    ],
)
def test_a_number_after_at_or_be_that_is_no_age(sentence: str, amount: str) -> None:
    assert all(q.unit != "years old" and q.predicate != "age" for q in stage_quantities(sentence) if amount in q.text)
