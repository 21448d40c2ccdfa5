"""Independence per claim and attribution: one wire sentence printed by several outlets is one origin."""

from __future__ import annotations

import re

from crosswire.annotate.quantities import QuantityStage
from crosswire.model import Annotations, Article, Fact, Sentence
from crosswire.stories.corroborate import corroborate
from crosswire.stories.origins import attribution, copies, normalised, origin_keys

WIRE = "Coastguard crews rescued 86 passengers from the burning ferry off Portvale, the coastguard said on Friday."


def test_who_a_sentence_attributes_a_figure_to() -> None:
    assert attribution("Five people were killed in the collapse, police said.") == "police"
    assert attribution("According to the regional coastguard, 86 passengers were rescued.") == "the regional coastguard"
    assert attribution("86 passengers were rescued, according to the harbour master.") == "the harbour master"
    assert attribution("Officials in Carrow said on Monday that 12 boats sank.") == "Officials in Carrow"
    assert attribution("He said 40 homes burned.") is None  # a pronoun says nothing on its own
    assert attribution("The quake killed 24 people.") is None
    # A clock time before the speaker is no part of it.
    assert attribution("The roof fell in at 3:20 a.m. Borough officials said two were hurt.") == "Borough officials"
    assert attribution("At 7 pm police said two men had fled.") == "police"
    # The end of another clause is no speaker; an auxiliary before "said" is no part of one.
    assert attribution("Two were taken to hospital in fair condition and said 3 more were hurt.") is None
    assert attribution("The fire spread along Marlowe Road that police said began at 9.") == "police"
    assert attribution("The mayor has said 40 homes burned.") == "The mayor"


def test_a_facts_attribution_is_shown_as_written() -> None:
    from crosswire.annotate.quantities import QuantityStage
    from crosswire.model import Annotations, Article
    from crosswire.stories.corroborate import corroborate

    text = "Officials in Portvale said 25 people were injured when the footbridge fell."
    article = QuantityStage()(Article("a", "record", "t", text, annotations=Annotations()))
    (fact,) = [f for f in corroborate([article], {"a": "Harbor Ledger"}) if f.kind == "quantity"]
    assert fact.mentions[0].attribution == "Officials in Portvale"


def test_a_copied_sentence_is_one_origin_and_a_rewritten_one_is_another() -> None:
    rewritten = normalised("Eighty-six people were taken off the ferry by lifeboats near Portvale on Friday.")
    copied = normalised(WIRE.replace("on Friday", "Friday"))
    assert copies(normalised(WIRE), copied) and not copies(normalised(WIRE), rewritten)
    assert origin_keys(["ap", "daily", "herald"], [normalised(WIRE), copied, rewritten]) == ["ap", "ap", "herald"]
    # Short stock sentences are too common to tell a copy unless they are the very same words.
    assert not copies(normalised("Five people died."), normalised("Five people have died."))


def test_a_page_address_glued_to_a_copied_sentence_does_not_hide_the_copy() -> None:
    """Texts saved from pages may open with the page's own address, run into the first sentence."""
    daily = normalised(
        "https://daily.example/news/world/europe/2026/03/06/portvale-ferry-fire-crews-rescue-86-passengers-"
        "from-burning-ship-off-the-coast.html " + WIRE
    )
    herald = normalised(
        "http://www.herald.example/stories/international/coastguard-saves-86-as-fire-sweeps-portvale-ferry/"
        "article-4471/index.html?ref=home " + WIRE
    )
    assert copies(daily, herald)
    assert "example" not in daily


def test_one_text_with_another_headline_and_dateline_glued_before_it_is_a_copy() -> None:
    body = "two hikers from Carrow and one guide from Lowmoor have been rescued from the Ardmore glacier"
    first = normalised(f"Three rescued on Ardmore glacier March 6, 2026 9:14 am {body}.")
    second = normalised(f"Glacier rescue: Carrow pair and guide safe 6 March 2026 08:50 {body}, police said on Friday.")
    assert copies(first, second)
    # Two reporters' own sentences about the same rescue share words, not a run of twelve of them.
    own = normalised("Police said a guide from Lowmoor and two Carrow hikers were rescued from the Ardmore glacier.")
    assert not copies(first, own) and not copies(second, own)


def test_a_short_sentence_run_into_the_next_line_is_still_a_copy() -> None:
    """One page's splitter joined the copied sentence to what follows it; the sentence, whole, opens the other."""
    sentence = normalised("The ruling added a further two-year ban to his term.")
    run_on = normalised("The ruling added a further two-year ban to his term. ... Readers wrote in from the county.")
    assert copies(sentence, run_on) and copies(run_on, sentence)
    # A sentence ending another is a copy too; a sentence of the same words inside another's is not.
    assert copies(sentence, normalised("Then came the appeal. The ruling added a further two-year ban to his term."))
    assert not copies(sentence, normalised("Lawyers say the ruling added a further two-year ban to his term in May."))


def test_one_text_with_its_tense_edited_is_a_copy_and_one_event_told_twice_in_order_is_not() -> None:
    wire = normalised(
        "Dozens of shops and private homes have been flooded by the Sunday storms, as well as four schools, "
        "two of which have closed."
    )
    edited = normalised(
        "Dozens of shops and private homes were flooded in the storm, as well as four schools, two of which "
        "closed, he said."
    )
    assert copies(wire, edited)
    # A reporter telling the same things in the same order in words of their own keeps the content words, not
    # the phrasing: not a copy.
    first = normalised(
        "Carrow council opened four shelters for families after the storm cut power to hundreds of homes."
    )
    second = normalised(
        "Carrow's council has opened four new shelters to families since a storm cut off the power across "
        "hundreds of homes."
    )
    assert not copies(first, second)


def test_a_lightly_edited_copy_is_still_one_origin() -> None:
    wire = normalised(
        "On Sunday, a 41-year-old climber from Lisbon fell about 300 metres (1,000 feet) while crossing a "
        "glacier below the Ardmore pass, the mountain rescue service said."
    )
    # A clause added at the end, the conversion dropped, the unit abbreviated: the same agency text.
    edited = normalised(
        "On Sunday, a 41-year-old climber from Lisbon fell about 300m while crossing a glacier below the "
        "Ardmore pass with two friends, the mountain rescue service said."
    )
    # Another reporter's own sentence on the same fall shares a few phrases, not the text.
    own = normalised(
        "A climber from Lisbon, 41, survived a fall of some 300 metres on a glacier near the Ardmore pass on "
        "Sunday, rescuers told the paper."
    )
    assert copies(wire, edited)
    assert not copies(wire, own) and not copies(edited, own)
    # Short plain sentences are written alike by reporters working apart: they need the very same words.
    assert not copies(
        normalised("More than 300 residents were evacuated from the valley on Monday."),
        normalised("Hundreds of residents were evacuated from the valley on Monday."),
    )


def test_a_copy_reworded_between_runs_of_its_own_phrasing_is_one_text() -> None:
    wire = normalised(
        "The epicentre was about 60 kilometres from the island's main town of Porto Vell and the quake occurred at "
        "a depth of 12 kilometres."
    )
    # Words cut and a clause added between two runs of the wire's phrasing, which still make half the sentence.
    edited = normalised(
        "The quake, whose epicentre was about 60 kilometres from Porto Vell, occurred at a depth of 12 kilometres "
        "and was followed by a string of tremors that kept families outdoors."
    )
    assert copies(wire, edited)
    # Reporters working apart share stock runs ("at a depth of 10 kilometres"), not half a sentence in several.
    assert not copies(
        normalised("The quake struck at a depth of 10 kilometres about 40 km south of the port of Vell, "
                   "seismologists said."),
        normalised("Seismologists at the national observatory put the epicentre 40 km south of Vell, at a depth "
                   "of 10 kilometres."),
    )  # fmt: skip
    assert not copies(
        normalised("The storm tore the roof off the old boathouse on the north quay before dawn, and two fishing "
                   "boats were found about 200 metres inland, the harbour master said."),
        normalised("Winds of up to 140 km/h tore the roof off the old boathouse on the north quay, leaving two "
                   "fishing boats stranded in a field by the coast road."),
    )  # fmt: skip
    # One long run is the plain way to say it, even when it is half the sentence.
    assert not copies(
        normalised("At least 30 people were injured when the footbridge at Marrow gave way on Friday, the council "
                   "said."),
        normalised("Medics said 34 people were injured when the footbridge at Marrow gave way."),
    )  # fmt: skip
    assert not copies(
        normalised("Firefighters needed six hours to bring the warehouse blaze under control, and nobody was hurt."),
        normalised("It took firefighters six hours to get the warehouse blaze under control; no one was injured."),
    )


def _facts(*texts: str) -> list[Fact]:
    stage = QuantityStage()
    articles = [stage(Article(f"a{i}", "record", "t", text, annotations=Annotations())) for i, text in enumerate(texts)]
    facts = corroborate(articles, {a.id: f"outlet{i}" for i, a in enumerate(articles)})
    return [f for f in facts if f.kind == "quantity"]


def test_outlets_printing_one_wire_sentence_count_once_for_that_claim() -> None:
    (fact,) = _facts(
        "Smoke was seen for miles. " + WIRE,
        WIRE + " The ferry line has apologised.",
        "Lifeboats took 86 passengers off the ferry near Portvale, the harbour master told reporters.",
    )
    assert fact.status == "agree" and (fact.outlets, fact.origins) == (3, 2)
    assert [m.attribution for m in fact.mentions] == ["the coastguard", "the coastguard", "the harbour master"]
    assert fact.mentions[0].origin == fact.mentions[1].origin != fact.mentions[2].origin


def test_a_wire_sentence_updated_with_another_figure_is_its_own_statement() -> None:
    facts = _facts(WIRE, WIRE.replace("86", "88"))
    assert all(f.origins == f.outlets for f in facts)


def test_a_source_carrying_the_wire_text_for_a_claim_carries_it_in_its_own_words_too() -> None:
    own_lead = normalised("Lifeboats took 86 people off a burning ferry near Portvale on Friday.")
    herald = normalised("All 86 passengers got off the ferry alive, the Portvale harbour master told the Herald.")
    values = [86, 86, 86, 86]
    keys = origin_keys(
        ["wire", "daily", "daily", "herald"],
        [normalised(WIRE), own_lead, normalised(WIRE), herald],
        lambda i, j: values[i] == values[j],
    )
    # The daily prints the wire's sentence lower down: its lead, the same figure reworded, is that report too.
    assert keys == ["wire", "wire", "wire", "herald"]
    # A figure of its own that the wire's sentence does not state stays the daily's own statement.
    values = [86, 90, 86, 86]
    keys = origin_keys(
        ["wire", "daily", "daily", "herald"],
        [normalised(WIRE), own_lead.replace("86", "90"), normalised(WIRE), herald],
        lambda i, j: values[i] == values[j],
    )
    assert keys == ["wire", "daily", "wire", "herald"]


def test_a_copy_of_a_carried_rewording_carries_the_same_report() -> None:
    own_lead = normalised("Lifeboats took 86 people off a burning ferry near Portvale on Friday, the daily reports.")
    # The herald copies the daily's lead; the daily prints the wire's sentence lower down: all three are one report.
    keys = origin_keys(["wire", "daily", "herald", "daily"], [normalised(WIRE), own_lead, own_lead, normalised(WIRE)])
    assert keys == ["wire", "wire", "wire", "wire"]


def test_a_text_carrying_two_rewordings_of_one_release_joins_them() -> None:
    """Two outlets reword one release so that neither copies the other; a third prints a version sharing runs
    with both.  The three are one release, whichever of the first two the third is compared with first."""
    first = normalised(
        "The quick work of the coastguard cutter Merrow once again stopped the smugglers from reaching the cargo "
        "ships that cross the strait, through which nearly 40 million tonnes of the region's grain are shipped "
        "each year, Captain Olsen said."
    )
    second = normalised(
        "The rescue matters because some 40 million tonnes of grain pass every year through this narrow and busy "
        "strait off Kessel."
    )
    third = normalised(
        "The quick work of the coastguard cutter Merrow once again stopped the smugglers from reaching the cargo "
        "ships, and some 40 million tonnes of grain pass every year through this narrow and busy strait."
    )
    assert not copies(first, second) and copies(third, first) and copies(third, second)
    assert origin_keys(["gazette", "courier", "herald"], [first, second, third]) == ["gazette"] * 3
    # The same when the third outlet copies the first and quotes the second's speaker.
    quoted = normalised("Some 40 million tonnes of grain cross the strait each year, the port authority said.")
    keys = origin_keys(
        ["gazette", "courier", "herald"],
        [first, quoted, third],
        speakers=[None, "the port authority", "the port authority"],
    )
    assert keys == ["gazette"] * 3
    # Two that state different figures stay two statements, whatever a third repeats of both.
    keys = origin_keys(["gazette", "courier", "herald"], [first, second, third], lambda i, j: {i, j} != {0, 1})
    assert keys == ["gazette", "courier", "gazette"]


def test_a_figure_passed_on_from_reports_confirms_nothing() -> None:
    first = normalised("The Orrin club paid 14 million euros for the striker, the Gazette has learned.")
    relayed = normalised("The striker cost the Orrin club 14 million euros, according to reports.")
    own = normalised("The Orrin club confirmed on Monday that it paid 14 million euros for the striker.")
    assert origin_keys(["gazette", "herald", "post"], [first, relayed, own]) == ["gazette", "gazette", "post"]
    # A hedge on one word of the sentence is no relay of its figure.
    hedged = normalised("A reportedly unhappy Orrin club paid 14 million euros for the striker on Monday.")
    assert origin_keys(["gazette", "herald"], [first, hedged]) == ["gazette", "herald"]


def _split(text: str) -> Annotations:
    """Sentences ending at a full stop, as the parser would split these plain test texts."""
    return Annotations(sentences=tuple(Sentence(m.start(), m.end()) for m in re.finditer(r"[^ .][^.]*\.", text)))


def _first_two_are_one_origin(texts: list[str]) -> None:
    """Three outlets give 86 passengers: the first two are one origin, the third is its own."""
    stage = QuantityStage()
    articles = [stage(Article(f"a{i}", "record", "t", text, annotations=_split(text))) for i, text in enumerate(texts)]
    facts = corroborate(articles, {a.id: f"outlet{i}" for i, a in enumerate(articles)})
    (passengers,) = [f for f in facts if f.value == 86]
    assert (passengers.outlets, passengers.origins) == (3, 2)
    assert passengers.mentions[0].origin == passengers.mentions[1].origin != passengers.mentions[2].origin


def test_a_reworded_sentence_inside_a_carried_passage_is_the_passages_origin() -> None:
    """An outlet that rewrote a wire report's sentence for the figure but prints the report's next sentence
    carries that report: one origin for the figure.  A report of its own around the same figure is another."""
    carried = "The ferry, bound for Kelso with 120 people aboard, caught fire soon after leaving, the coastguard said."
    texts = [
        "Coastguard crews rescued 86 passengers from a burning ferry off Portvale on Friday. " + carried,
        "A burning ferry off Portvale saw 86 of its passengers lifted off by coastguard crews on Friday. " + carried,
        "Lifeboats took 86 passengers off the ferry near Portvale, the harbour master said. He praised the crews.",
    ]
    _first_two_are_one_origin(texts)


def test_two_versions_of_one_wire_story_state_a_figure_once() -> None:
    """A wire story and its later version, each in another outlet, print the same long sentences word for word
    but tell the figure in other words: one text, one origin for it.  A report sharing fewer such sentences
    (two here) may have borrowed a paragraph only, and states the figure on its own account."""
    shared = [
        "The ferry had left the harbour at Kelso shortly after dawn with a full load of cars and lorries.",
        "Witnesses on the quay said black smoke rose from the car deck within minutes of the first alarm.",
        "The operator said it would hold its own inquiry alongside the one the maritime agency has opened.",
    ]
    texts = [
        "Coastguard crews rescued 86 passengers from a burning ferry off Portvale on Friday. Rescuers said the sea "
        "was calm. " + " ".join(shared),
        "On Friday 86 passengers were lifted off a ferry that caught fire near Portvale. Most were taken to the "
        "sports hall. " + " ".join(shared),
        "Lifeboats took 86 passengers off the ferry near Portvale on Friday. The harbour master praised the crews. "
        + " ".join(shared[:2]),
    ]
    _first_two_are_one_origin(texts)


def test_outlets_quoting_one_speaker_or_crediting_another_outlet_are_one_origin() -> None:
    """Five outlets quoting one police statement are one statement reported five times; "officials said" names
    no one in particular, so two reports of it stay two origins."""
    (fact,) = _facts(
        "The Carrow zoo said two keepers were treated for bites on Sunday.",
        "Two keepers needed treatment for bites, zoo officials said on Sunday.",
        "Two keepers were bitten at the Carrow zoo on Sunday, a visitor told the Gazette.",
    )
    assert (fact.outlets, fact.origins) == (3, 2)
    assert fact.mentions[0].origin == fact.mentions[1].origin != fact.mentions[2].origin
    (fact,) = _facts(
        "Officials said two keepers were treated for bites on Sunday.",
        "Two keepers needed treatment for bites, officials said on Sunday.",
    )
    assert (fact.outlets, fact.origins) == (2, 2)


def test_an_outlet_credited_for_a_figure_is_its_origin() -> None:
    texts = [
        "Two keepers were treated for bites at the Carrow zoo on Sunday.",
        "Two keepers were treated for bites on Sunday, according to the Gazette.",
    ]
    stage = QuantityStage()
    articles = [stage(Article(f"a{i}", "record", "t", text, annotations=Annotations())) for i, text in enumerate(texts)]
    (fact,) = corroborate(articles, {"a0": "www.gazette.com", "a1": "herald.co.uk"})
    assert (fact.outlets, fact.origins) == (2, 1)
    # The credit printed first, the credited report second: one origin all the same.
    (fact,) = corroborate(articles[::-1], {"a0": "www.gazette.com", "a1": "herald.co.uk"})
    assert (fact.outlets, fact.origins) == (2, 1)
    # An outlet named in words its web address runs together.
    texts[1] = "Two keepers were treated for bites on Sunday, according to The Evening Ledger."
    articles = [stage(Article(f"a{i}", "record", "t", text, annotations=Annotations())) for i, text in enumerate(texts)]
    (fact,) = corroborate(articles, {"a0": "eveningledger.com", "a1": "herald.co.uk"})
    assert (fact.outlets, fact.origins) == (2, 1)
    (fact,) = corroborate(articles, {"a0": "ledger.com", "a1": "herald.co.uk"})
    assert (fact.outlets, fact.origins) == (2, 1)  # a word of the name is the outlet's: "Ledger", ledger.com
    (fact,) = corroborate(articles, {"a0": "morningledger.com", "a1": "herald.co.uk"})
    assert (fact.outlets, fact.origins) == (2, 2)


def test_an_outlet_credited_by_the_short_name_only_it_goes_by_is_its_origin() -> None:
    """ "according to the Ledger" names carrowledger.com when no other outlet in play ends its name so."""
    texts = [
        "Two keepers were treated for bites at the Carrow zoo on Sunday.",
        "Two keepers were treated for bites on Sunday, according to the Ledger.",
        "The Carrow zoo confirmed that two keepers were treated for bites on Sunday.",
    ]
    stage = QuantityStage()
    articles = [stage(Article(f"a{i}", "record", "t", text, annotations=Annotations())) for i, text in enumerate(texts)]
    (fact,) = corroborate(articles[:2], {"a0": "carrowledger.com", "a1": "herald.co.uk"})
    assert (fact.outlets, fact.origins) == (2, 1)
    # Two outlets in play whose names end so: the short name says which of them no more than it did.
    sources = {"a0": "carrowledger.com", "a1": "herald.co.uk", "a2": "lindmoorledger.com"}
    (fact,) = corroborate(articles, sources)
    assert fact.origins == 3
