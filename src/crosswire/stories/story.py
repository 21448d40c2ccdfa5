"""What the clusterer remembers of one story, and how strongly an article belongs to it.

The evidence that an article reports the same event as a story is scored
in units of cosine similarity, starting from how alike its words are to the
story's articles and then adjusted:

* subject: outlets phrase one event differently, and the word pairs that
  tell two similar events apart also drag the cosine of two reports of
  the same event down; single words alike (their own mean cosine) and a
  headline naming what the story's headlines name ("Korvex", "Aurora-3
  probe") show a shared subject, which is enough to be considered;
* names: two earthquakes or two arrests share every word but who and where,
  so the share of the article's names (people, places, organisations) that
  the story has used moves the score up or down; when both sides name
  several and not one is shared, the story is ruled out, unless the
  headline uses a name the story's headlines use (the names of a lead are
  sometimes a byline, a spokesman or a "follow us on" line);
* headline: words of the headline that the story's headlines keep using
  (the name an event goes by, "Aurora-3", "Harbour Files"); when such a
  name is the story's signature (no other story's headlines use it, see
  ``crosswire.stories.signature``) and the story is running, a headline
  naming it is enough to be considered, lifts the name veto and counts for
  the story, however differently the rest of the report is worded.  A
  place (a country, a city, a nationality: the words of the article's
  names that only name places) is nobody's signature: it heads many
  stories, and a store that holds no other story using it yet (a new
  store, a small one) would otherwise let it pull in any report from
  that country;
* size: a large story's words cover many articles, so looking like it is
  weaker evidence than looking like a small one;
* meaning: outlets tell one event in their own words, so two reports
  can share few words ("Storm leaves thousands of homes without power" /
  "Blackout after windstorm downs lines"); the cosine of their meaning
  vectors (the sentence encoder's reading of the headline,
  ``crosswire.stories.meaning``) is high for them.  A story whose articles
  mean what the article means is considered however few words they share,
  and how close the meaning is counts for the story or against it.  Only
  when both the article and the story are dated: the encoder puts two
  events of one kind (two warehouse fires, two title fights) as close as
  two reports of one, and without dates nothing but names is left to tell
  them apart (the time terms below weigh against a story silent for long);
  an undated article is weighed on its words alone, as before.  Where the
  names conflict (both sides name several, none shared, and a headline
  name lifted the veto), meaning counts only against the story: two
  warehouse fires a week apart in two towns mean nearly the same;
* time: published within days of the story's latest article counts for it,
  a long silence against it (news comes in bursts), growing with the log of
  the silence.  There is no cut-off after which a story stops taking
  articles: an event followed for years (a trial, a space programme) gets
  reports after long silences, and a separate rule for silent stories
  helped on one dev item while splitting such events elsewhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from crosswire.stories.meaning import MeaningVector
from crosswire.stories.vectors import SparseVector, dot, unit

#: Recent articles kept for the closest-article comparison, and how many terms of each.
MEMBERS_KEPT = 4
MEMBER_TERMS = 30

# The weights were chosen on the giveme5w1h and ECB+ dev sets together (one
# setting for both, checked on the two fed as one stream and on the fire
# scenarios of tests/stories/test_cluster.py); see the module notes for why each exists.

#: Below this cosine (to the story or its closest article) nothing else is considered ...
MIN_SIMILARITY = 0.1
#: ... unless the mean cosine of the single words to the story's articles reaches this.
MIN_WORD_SIMILARITY = 0.16
MEAN_WEIGHT = 1.0
#: The closest recent article lets a story drift as it develops.
CLOSEST_WEIGHT = 0.2
NAME_WEIGHT = 0.3
#: Name agreement assumed when one side names no one; the score moves by how far from it the agreement is.
EXPECTED_NAMES = 0.2
HEADLINE_WEIGHT = 0.05
SIZE_PENALTY = 0.03
GAP_PENALTY = 0.005
RECENT_BONUS = 0.1
RECENT_DAYS = 2
#: Names each side must have before sharing none of them rules a story out.
MIN_NAMES_TO_VETO = 2
SIGNATURE_WEIGHT = 0.1
#: A name is the story's signature when more than this share of its headlines use it ...
SIGNATURE_SHARE = 0.5
#: ... and days since the story's latest article within which a headline naming it joins on that alone.
SIGNATURE_DAYS = 45
#: A story whose articles mean this much what the article means (cosine of meaning vectors) is considered
#: however few words they share.
MEANING_TO_CONSIDER = 0.5
#: How much closeness of meaning counts for or against a story (dated article and story) ...
MEANING_WEIGHT = 0.2
#: ... from this cosine up for, below it against (reports of unrelated events sit near 0, of one event near 0.7).
EXPECTED_MEANING = 0.3


@dataclass(frozen=True, slots=True)
class Incoming:
    """An article as stories see it: its unit vector and the parts of it that are names and headline."""

    vector: SparseVector
    names: SparseVector
    headline: SparseVector
    day: int | None
    #: The single words of the vector (no pairs), as a unit vector of their own.
    words: SparseVector
    #: Words of the article's names that name only places.
    places: frozenset[str] = frozenset()
    #: The unit meaning vector of the headline (``crosswire.stories.meaning``); None without the encoder.
    meaning: MeaningVector | None = None

    @classmethod
    def of(
        cls,
        vector: SparseVector,
        names: frozenset[str],
        headline: frozenset[str],
        day: int | None,
        places: frozenset[str] = frozenset(),
        meaning: MeaningVector | None = None,
    ) -> Incoming:
        return cls(
            vector=vector,
            names={t: w for t, w in vector.items() if t in names},
            headline={t: w for t, w in vector.items() if t in headline},
            day=day,
            words=unit({t: w for t, w in vector.items() if " " not in t}),
            places=places,
            meaning=meaning,
        )


@dataclass
class Centroid:
    """Sum of unit vectors, with its squared norm kept up to date for cheap cosines."""

    weights: SparseVector = field(default_factory=dict)
    norm_squared: float = 0.0

    def add(self, vector: SparseVector) -> None:
        self.norm_squared += 2.0 * dot(vector, self.weights) + sum(w * w for w in vector.values())
        for term, weight in vector.items():
            self.weights[term] = self.weights.get(term, 0.0) + weight

    def cosine(self, vector: SparseVector, vector_norm: float = 1.0) -> float:
        norm = math.sqrt(self.norm_squared) * vector_norm
        return dot(vector, self.weights) / norm if norm > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"weights": dict(self.weights), "norm_squared": self.norm_squared}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Centroid:
        return cls({str(t): float(w) for t, w in data["weights"].items()}, float(data["norm_squared"]))


@dataclass
class Story:
    id: str
    terms: Centroid = field(default_factory=Centroid)
    words: Centroid = field(default_factory=Centroid)
    names: Centroid = field(default_factory=Centroid)
    #: The heaviest terms of the latest articles.
    members: list[SparseVector] = field(default_factory=list)
    #: How many of the story's headlines hold each term.
    headlines: dict[str, int] = field(default_factory=dict)
    size: int = 0
    last_day: int | None = None
    #: Sum of the articles' meaning vectors (those that have one); None before the first.
    meaning: MeaningVector | None = None

    def add(self, article: Incoming) -> None:
        self.terms.add(article.vector)
        self.words.add(article.words)
        self.names.add(article.names)
        if article.meaning is not None:
            self.meaning = article.meaning.copy() if self.meaning is None else self.meaning + article.meaning
        heaviest = sorted(article.vector.items(), key=lambda item: item[1], reverse=True)[:MEMBER_TERMS]
        self.members = [*self.members[len(self.members) + 1 - MEMBERS_KEPT :], dict(heaviest)]
        for term in article.headline:
            self.headlines[term] = self.headlines.get(term, 0) + 1
        self.size += 1
        if article.day is not None:
            self.last_day = article.day if self.last_day is None else max(self.last_day, article.day)

    def evidence(self, article: Incoming, owned: frozenset[str] = frozenset()) -> float | None:
        """How strongly the article belongs here (see the module notes); None when it cannot.

        ``owned`` are the words of the article's headline that only this
        story's headlines use (``crosswire.stories.signature``).
        """
        overall = self.terms.cosine(article.vector)
        closest = max((dot(article.vector, member) for member in self.members), default=0.0)
        signature = self._signature_share(article, owned)
        meaning = self._meaning_cosine(article) if article.day is not None and self.last_day is not None else None
        if (
            max(overall, closest) < MIN_SIMILARITY
            and not (signature or self._same_subject(article))
            and (meaning is None or meaning < MEANING_TO_CONSIDER)
        ):
            return None
        name_agreement = self._name_agreement(article)
        names_conflict = name_agreement is None
        if name_agreement is None:
            if not (signature or self._headline_names_shared(article)):
                return None
            name_agreement = 0.0
        # The mean cosine to the story's articles: unlike the cosine to their
        # sum, it does not grow with the number of articles.
        mean_member = overall * math.sqrt(self.terms.norm_squared) / self.size
        score = MEAN_WEIGHT * mean_member + CLOSEST_WEIGHT * closest
        score += NAME_WEIGHT * (name_agreement - EXPECTED_NAMES)
        score += HEADLINE_WEIGHT * self._headline_support(article) + SIGNATURE_WEIGHT * signature
        score -= SIZE_PENALTY * math.log(self.size)
        if article.day is not None and self.last_day is not None:
            gap = abs(article.day - self.last_day)
            score += RECENT_BONUS if gap <= RECENT_DAYS else 0.0
            score -= GAP_PENALTY * math.log1p(gap)
            if meaning is not None:
                # Two events of one kind mean nearly the same; when who and where differ, it is not one event.
                closeness = meaning - EXPECTED_MEANING
                score += MEANING_WEIGHT * (min(closeness, 0.0) if names_conflict else closeness)
        return score

    def _meaning_cosine(self, article: Incoming) -> float | None:
        """Cosine of the article's meaning vector and the story's (their sum); None when either has none."""
        if article.meaning is None or self.meaning is None:
            return None
        norm = float(np.linalg.norm(self.meaning))
        return float(article.meaning @ self.meaning) / norm if norm > 0 else None

    def _signature_share(self, article: Incoming, owned: frozenset[str]) -> float:
        """Share of the story's headlines using the name of its own that the headline uses; 0 when none.

        Most of the story's headlines must use the name: one headline of two
        naming a celebrity does not make the celebrity the story's name.

        Only while the story is running: a signature is a name in the news now,
        and the same name may return months later for another event.
        """
        if article.day is None or self.last_day is None or abs(article.day - self.last_day) > SIGNATURE_DAYS:
            return 0.0
        shares = (
            self.headlines.get(term, 0) / self.size
            for term in owned
            if term in article.headline
            and term not in article.places
            and (term in article.names or term in self.names.weights)
        )
        return max((share for share in shares if share > SIGNATURE_SHARE), default=0.0)

    def _headline_names_shared(self, article: Incoming) -> bool:
        """Does the headline use a name the story's headlines use (the name an event goes by)?"""
        shared = (term for term in article.headline if term in self.headlines)
        return any(term in article.names or term in self.names.weights for term in shared)

    def _same_subject(self, article: Incoming) -> bool:
        """Single words alike, and a name of the story's headlines in the article's headline."""
        return self._mean_word_cosine(article) >= MIN_WORD_SIMILARITY and self._headline_names_shared(article)

    def _mean_word_cosine(self, article: Incoming) -> float:
        return dot(article.words, self.words.weights) / self.size

    def _name_agreement(self, article: Incoming) -> float | None:
        """Cosine of the names; None when both sides name several and share none."""
        if not article.names or self.names.norm_squared <= 0:
            return EXPECTED_NAMES
        agreement = self.names.cosine(article.names, math.sqrt(sum(w * w for w in article.names.values())))
        if agreement == 0.0 and min(len(article.names), len(self.names.weights)) >= MIN_NAMES_TO_VETO:
            return None
        return agreement

    def _headline_support(self, article: Incoming) -> float:
        """Share of the headline's weight in words most of the story's headlines use."""
        total = sum(article.headline.values())
        if total <= 0:
            return 0.0
        return sum(w * self.headlines.get(t, 0) for t, w in article.headline.items()) / (self.size * total)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "terms": self.terms.to_json(),
            "words": self.words.to_json(),
            "names": self.names.to_json(),
            "members": self.members,
            "headlines": self.headlines,
            "size": self.size,
            "last_day": self.last_day,
            # Each float32 in its shortest spelling, which reads back to the same float32.
            "meaning": None if self.meaning is None else [float(str(x)) for x in self.meaning],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Story:
        return cls(
            id=str(data["id"]),
            terms=Centroid.from_json(data["terms"]),
            words=Centroid.from_json(data["words"]),
            names=Centroid.from_json(data["names"]),
            members=[{str(t): float(w) for t, w in member.items()} for member in data["members"]],
            headlines={str(t): int(n) for t, n in data["headlines"].items()},
            size=int(data["size"]),
            last_day=data["last_day"],
            meaning=None if data.get("meaning") is None else np.asarray(data["meaning"], dtype=np.float32),
        )
