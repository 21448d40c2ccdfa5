"""The evidence that an article belongs to a story, the terms it is built from, and the story index."""

from __future__ import annotations

from crosswire.evaluate.stories import cluster_records
from crosswire.model import Annotations, Article, Entity
from crosswire.stories.cluster import JOIN_THRESHOLD, StoryClusterer
from crosswire.stories.story import MIN_SIMILARITY, Incoming, Story
from crosswire.stories.story_index import POSTINGS_KEPT, StoryIndex
from crosswire.stories.vectors import TITLE_WEIGHT, SparseVector, article_terms, tokens, unit


def _incoming(weights: dict[str, float], names: frozenset[str] = frozenset(), day: int | None = None) -> Incoming:
    return Incoming.of(unit(weights), names, frozenset(), day)


def _story(*articles: Incoming) -> Story:
    story = Story(id="s-test")
    for article in articles:
        story.add(article)
    return story


def test_tokens_fold_plurals_and_possessives_and_keep_numbers() -> None:
    found = tokens("The flood's reach: 17 bridges, a crest of 4.5 metres, more floods")
    assert found.count("flood") == 2 and "bridge" in found and "metre" in found
    assert "#17" in found and "#4.5" in found


def test_a_link_spelled_out_in_the_text_is_not_a_term() -> None:
    text = "https://news.example.org/2026/harbour-fire-report\nA fire broke out at the harbour warehouse."
    terms = article_terms(Article("a", "record", "t", text, title="Harbour fire"))
    assert "harbour" in terms.counts
    assert not any("example" in term or "http" in term for term in terms.counts)


def test_a_headline_repeated_as_the_first_line_counts_once() -> None:
    title = "Ferry runs aground off Calder Point"
    article = Article("a", "record", "t", f"{title}\nThe ferry ran aground in fog, the coast guard said.", title=title)
    terms = article_terms(article)
    assert terms.counts["calder"] == TITLE_WEIGHT  # not TITLE_WEIGHT + LEAD_WEIGHT
    assert "calder" in terms.headline and "fog" not in terms.headline


def test_a_story_that_has_named_others_rules_out_an_article_naming_none_of_them() -> None:
    story = _story(
        _incoming({"fight": 1.0, "title": 1.0, "okafor": 1.0, "lindqvist": 1.0}, frozenset({"okafor", "lindqvist"}))
    )
    rival = _incoming({"fight": 1.0, "title": 1.0, "brandt": 1.0, "moreau": 1.0}, frozenset({"brandt", "moreau"}))
    same = _incoming({"fight": 1.0, "title": 1.0, "okafor": 1.0, "moreau": 1.0}, frozenset({"okafor", "moreau"}))
    assert story.evidence(rival) is None
    assert story.evidence(same) is not None


def test_a_name_of_the_story_in_the_headline_lifts_the_name_veto() -> None:
    # Lead names can be a byline or a spokesman; a headline naming what the story's headlines name still counts.
    story = _story(
        Incoming.of(
            unit({"fight": 1.0, "title": 1.0, "okafor": 1.0, "lindqvist": 1.0}),
            frozenset({"okafor", "lindqvist"}),
            frozenset({"fight", "title", "okafor"}),
            None,
        )
    )
    words = unit({"fight": 1.0, "title": 1.0, "okafor": 1.0, "brandt": 1.0, "moreau": 1.0})
    lead_names = frozenset({"brandt", "moreau"})
    naming_the_story = Incoming.of(words, lead_names, frozenset({"okafor", "brandt"}), None)
    sharing_common_words = Incoming.of(words, lead_names, frozenset({"fight", "title"}), None)
    assert story.evidence(naming_the_story) is not None
    assert story.evidence(sharing_common_words) is None


def _with_pairs(words: list[str], pair_prefix: str, pairs: int) -> SparseVector:
    return unit({**dict.fromkeys(words, 1.0), **{f"{pair_prefix}{i} x": 1.0 for i in range(pairs)}})


def test_a_shared_subject_is_considered_when_the_word_pairs_differ() -> None:
    subject = ["korvex", "breach", "password", "leak"]
    story = _story(Incoming.of(_with_pairs(subject, "first", 40), frozenset({"korvex"}), frozenset(subject), None))
    other_pairs = _with_pairs(subject, "second", 40)
    same_subject = Incoming.of(other_pairs, frozenset(), frozenset({"korvex", "leak"}), None)
    no_shared_name = Incoming.of(other_pairs, frozenset(), frozenset({"breach", "leak"}), None)
    other_words = _with_pairs(["harvest", "orchard", "frost", "apple"], "second", 40)
    other_subject = Incoming.of(other_words, frozenset(), frozenset({"harvest"}), None)
    assert story.terms.cosine(same_subject.vector) < MIN_SIMILARITY  # the pairs alone would rule it out
    assert story.evidence(same_subject) is not None
    assert story.evidence(no_shared_name) is None
    assert story.evidence(other_subject) is None


def test_a_story_quiet_for_months_needs_more_evidence_than_one_active_yesterday() -> None:
    day = 740_000
    words = {"bridge": 1.0, "collapse": 1.0, "river": 1.0, "crowd": 1.0}
    active = _story(_incoming(words, day=day - 1))
    quiet = _story(_incoming(words, day=day - 60))
    article = _incoming(words, day=day)
    active_score, quiet_score = active.evidence(article), quiet.evidence(article)
    assert active_score is not None and quiet_score is not None
    assert active_score > quiet_score


def test_a_large_story_is_not_favoured_for_its_size() -> None:
    words = {"drone": 1.0, "airport": 1.0, "closed": 1.0, "runway": 1.0}
    small = _story(_incoming(words))
    large = _story(*[_incoming({**words, f"detail{i}": 1.0}) for i in range(12)])
    article = _incoming(words)
    small_score, large_score = small.evidence(article), large.evidence(article)
    assert small_score is not None and large_score is not None
    assert small_score > large_score


def test_unrelated_words_never_join() -> None:
    story = _story(_incoming({"election": 1.0, "ballot": 1.0, "turnout": 1.0}))
    assert story.evidence(_incoming({"harvest": 1.0, "orchard": 1.0, "frost": 1.0})) is None


def _report(article_id: str, title: str, text: str) -> Article:
    return Article(article_id, "record", "t", text, title=title, published="2026-05-04")


def test_an_empty_store_joins_two_differently_worded_reports_of_one_event() -> None:
    clusterer = StoryClusterer()
    first = clusterer.assign(
        _report(
            "r1",
            "Grain silo explodes in Harlow Flats",
            "An explosion tore the roof off a grain silo at the Harlow Flats co-operative on Monday. "
            "Two workers were taken to hospital, site manager Irene Vasquez said.",
        )
    )
    second = clusterer.assign(
        _report(
            "r2",
            "Two hurt in Harlow Flats silo blast",
            "Irene Vasquez, who runs the Harlow Flats co-operative, said two workers were hurt when dust "
            "inside a grain silo ignited and blew off its roof.",
        )
    )
    other = clusterer.assign(
        _report(
            "r3",
            "Library reopens after flood repairs in Dunmere",
            "The Dunmere public library reopened its doors after months of repairs, librarian Tom Achebe said.",
        )
    )
    assert first == second
    assert other != first


def test_the_index_remembers_a_bounded_number_of_stories_per_term() -> None:
    index = StoryIndex()
    for number in range(POSTINGS_KEPT * 3):
        index.add(f"s-{number}", unit({"storm": 1.0, f"town{number}": 1.0}))
    found = index.candidates(unit({"storm": 1.0}), limit=POSTINGS_KEPT * 3)
    assert len(found) == POSTINGS_KEPT
    assert f"s-{POSTINGS_KEPT * 3 - 1}" in found and "s-0" not in found
    # A rare term still finds its old story after the common term has forgotten it.
    assert index.candidates(unit({"town0": 1.0}), limit=5) == ["s-0"]


def test_the_evaluation_places_a_reprint_with_its_original() -> None:
    text = (
        "Harbour officials in Port Selwyn closed the north quay on Tuesday after a container ship lost power "
        "and drifted into the pier, denting two cranes; nobody was injured, the port authority said."
    )
    records = [
        {"title": "Ship drifts into Port Selwyn pier", "text": text, "published": "2026-02-03", "event": "a"},
        {"title": "Port Selwyn quay closed", "text": text + " (Wire copy)", "published": "2026-02-03", "event": "a"},
    ]
    assignment = cluster_records(records, annotate=False)
    assert assignment[0] == assignment[1]


def _launch_report(number: int, day: int) -> Incoming:
    words = {"veldra": 1.0, "ostmark": 1.0, **{f"launch{number}x{i}": 1.0 for i in range(28)}}
    headline = frozenset({"veldra", "satellite", f"launch{number}x0"})
    return Incoming.of(unit(words), frozenset({"veldra", "ostmark"}), headline, day)


def test_a_story_silent_for_months_still_takes_a_report_of_its_event() -> None:
    # Events are followed for years (a space programme, a trial):
    # a long silence weighs against a story, never rules it out.
    day = 740_000
    silent = _story(*[_launch_report(n, day - 400) for n in range(6)])
    recent = _story(*[_launch_report(n, day - 1) for n in range(6)])
    retelling = _launch_report(5, day)
    silent_score, recent_score = silent.evidence(retelling), recent.evidence(retelling)
    assert silent_score is not None and recent_score is not None
    assert silent_score >= JOIN_THRESHOLD
    assert recent_score > silent_score


def test_another_event_of_the_same_state_weighs_less_than_a_report_of_the_story() -> None:
    day = 740_000
    # Months later the same state tests a missile: the state's names are shared, the event is not.
    missile_words = {"veldra": 1.0, "ostmark": 1.0, **{f"missile{i}": 1.0 for i in range(40)}}
    missile = Incoming.of(unit(missile_words), frozenset({"veldra", "ostmark"}), frozenset({"veldra", "missile0"}), day)
    story = _story(*[_launch_report(n, day - 200) for n in range(6)])
    assert story.terms.cosine(missile.vector) >= MIN_SIMILARITY  # like the story as a whole, through its names
    names = frozenset({"veldra", "ostmark"})
    retelling = Incoming.of(_launch_report(5, day).vector, names, frozenset({"launch5x0"}), day)
    missile_score, retelling_score = story.evidence(missile), story.evidence(retelling)
    assert retelling_score is not None
    assert missile_score is None or missile_score < retelling_score


def test_the_words_of_place_names_are_told_from_other_names() -> None:
    text = "Officials in Norway said Fjordline Shipping had moved fuel to Tromso overnight, a Norwegian minister said."

    def entity(name: str, label: str) -> Entity:
        start = text.index(name)
        return Entity(name, label, start, start + len(name))

    entities = (
        entity("Norway", "GPE"),
        entity("Fjordline Shipping", "ORG"),
        entity("Tromso", "GPE"),
        entity("Norwegian", "NORP"),
    )
    article = Article(
        "a", "record", "t", text, title="Fuel moved overnight", annotations=Annotations(entities=entities)
    )
    terms = article_terms(article)
    assert terms.places == {"norway", "tromso", "norwegian"}
    assert {"fjordline", "shipping"} <= terms.names
    # A word that is also part of another kind of name ("Tromso Harbour Authority") is not only a place.
    text2 = text + " The Tromso Harbour Authority confirmed it."
    start = text2.index("Tromso Harbour Authority")
    both = Article(
        "b",
        "record",
        "t",
        text2,
        title="Fuel moved overnight",
        annotations=Annotations(entities=(*entities, Entity("Tromso Harbour Authority", "ORG", start, start + 24))),
    )
    assert article_terms(both).places == {"norway", "norwegian"}
