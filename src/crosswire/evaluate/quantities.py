"""``crosswire eval quantities``: value and value+unit F1 on NewsQuant.

Scoring follows the CQE evaluation (``evaluate_models.py`` of
satya77/CQE_Evaluation) so our figures compare with the published ones
(CQE 92.0 / 85.6): per sentence, every gold quantity is compared with the
predictions in turn; an equal value counts as a correct value (at most as
many as the sentence has gold quantities), and when the unit name matches
too it counts for value+unit and that prediction is used up.  Counts are
pooled; P, R and F1 are reported x100 with one decimal.

NewsQuant names units in words ("kilometre", "japanese yen") and counted
things by their lemmas without stop words ("heart transplant").  Our units
are symbols and codes; each entry of the unit registry
(``annotate/quantities/lexicons/units.json``) carries its NewsQuant name,
and ``newsquant_unit`` reads it there; counted nouns are named by lemma.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosswire.annotate.quantities import find_quantities, units
from crosswire.annotate.quantities.counted import STOP_WORDS
from crosswire.evaluate.scored import Scored
from crosswire.evaluate.split import Part, select

#: NewsQuant's name of each of our units, from the one unit registry the annotator reads.
UNIT_NAMES: dict[str, str] = units.NEWSQUANT_NAMES
#: Function words NewsQuant leaves out of a counted thing's name; "other" describes the thing ("eight other
#: employees") and stays, while "more" is about the count ("eight more picks") and goes.
_DROPPED_WORDS = STOP_WORDS
_IRREGULAR_SINGULARS = {"people": "people", "children": "child", "men": "man", "women": "woman", "feet": "foot"}
#: Adjectives whose comparative and superlative forms NewsQuant lemmatises ("best screens" -> "good screen").
_ADJECTIVES = frozenset(
    {"big", "small", "large", "great", "high", "low", "long", "short", "old", "new", "young", "early", "late",
     "wide", "narrow", "deep", "tall", "heavy", "light", "fast", "slow", "quick", "cheap", "rich", "poor",
     "strong", "weak", "hard", "soft", "easy", "busy", "happy", "close", "fine", "proud", "hot", "cold", "warm",
     "safe", "bright", "dark", "clean", "fresh", "tough", "nice", "bad", "good"}
)  # fmt: skip
_IRREGULAR_ADJECTIVES = {"best": "good", "better": "good", "worst": "bad", "worse": "bad"}


def newsquant_unit(unit: str | None, fraction: bool = False) -> str:
    """Our unit in NewsQuant's naming ("-" for none), lower-cased as it scores.

    NewsQuant names a fraction of counted things as a share: "a third of voters" is "% voter".
    """
    if unit is None:
        return "-"
    if fraction and _is_counted(unit):
        return "% " + newsquant_unit(unit)
    if " per " in unit and unit not in UNIT_NAMES:
        amount, denominator = unit.split(" per ", 1)
        return f"{newsquant_unit(amount)} per {newsquant_unit(denominator)}"
    if unit in UNIT_NAMES:
        return UNIT_NAMES[unit]
    words = [_possessor(word) for word in re.split(r"\s+", unit) if not _dropped(word)]
    words = [adjective_base(word) for word in words[:-1]] + [singular(word) for word in words[-1:]]
    return " ".join(words).lower() or "-"


def _dropped(word: str) -> bool:
    return word.lower() in _DROPPED_WORDS and not (word.isupper() and len(word) > 1)  # "US" is not "us"


def _is_counted(unit: str) -> bool:
    return unit not in UNIT_NAMES and " per " not in unit


def _possessor(word: str) -> str:
    """ "Airbnb's" -> "Airbnb": lemmas drop the possessive ending."""
    return re.sub(r"['’]s?$", "", word)


def _adjective_forms(base: str) -> dict[str, str]:
    if base.endswith("e"):
        stem = base[:-1]
    elif base.endswith("y") and base[-2] not in "aeiou":
        stem = base[:-1] + "i"
    elif len(base) <= 4 and base[-1] not in "aeiouwy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        stem = base + base[-1]  # big -> bigger, hot -> hottest
    else:
        stem = base
    return {stem + "er": base, stem + "est": base}


_ADJECTIVE_BASES: dict[str, str] = {
    form: base for adjective in _ADJECTIVES for form, base in _adjective_forms(adjective).items()
} | _IRREGULAR_ADJECTIVES


def adjective_base(word: str) -> str:
    """The plain form of a comparative or superlative adjective ("largest" -> "large"), else the word."""
    return _ADJECTIVE_BASES.get(word.lower(), word)


def singular(word: str) -> str:
    """A plain English singular, enough for counted nouns ("batteries" -> "battery")."""
    lower = word.lower()
    if lower in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[lower]
    if lower.endswith("men") and len(lower) > 5:
        return word[:-2] + "an"  # "fishermen"
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class _Scored:
    value: float | tuple[float, float]
    unit: str


def _gold_value(raw: str) -> float | tuple[float, float]:
    # NewsQuant writes ranges as "a-b" (or "a - b"); "E" marks exponents and a
    # leading "-" a negative number, neither of which is a range.
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        low, high = raw.split("-", 1)
        return float(low), float(high)
    return float(raw)


def _values_equal(gold: float | tuple[float, float], predicted: float | tuple[float, float]) -> bool:
    if isinstance(gold, tuple) != isinstance(predicted, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(predicted, tuple):
        return all(_close(g, p) for g, p in zip(gold, predicted, strict=True))
    assert isinstance(gold, float) and isinstance(predicted, float)
    return _close(gold, predicted)


def _close(gold: float, predicted: float) -> bool:
    # np.isclose(gold, predicted) as the origin calls it, for single values and both ends of a range alike;
    # it is asymmetric: |a - b| <= atol + rtol * |b|
    return abs(gold - predicted) <= 1e-8 + 1e-5 * abs(predicted)


@dataclass(slots=True)
class _Counts:
    gold: int = 0
    predicted: int = 0
    value: int = 0
    value_unit: int = 0

    @classmethod
    def pooled(cls, sentences: Sequence[_Counts]) -> _Counts:
        return cls(
            gold=sum(s.gold for s in sentences),
            predicted=sum(s.predicted for s in sentences),
            value=sum(s.value for s in sentences),
            value_unit=sum(s.value_unit for s in sentences),
        )

    def add(self, gold: Sequence[_Scored], predicted: Sequence[_Scored]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        remaining = sorted(predicted, key=lambda q: q.unit)
        value_credit = len(gold)
        for expected in sorted(gold, key=lambda q: q.unit):
            for candidate in list(remaining):
                if not _values_equal(expected.value, candidate.value):
                    continue
                if value_credit > 0:
                    self.value += 1
                    value_credit -= 1
                if candidate.unit == expected.unit:
                    self.value_unit += 1
                    remaining.remove(candidate)
                    break


def _scores(correct: int, gold: int, predicted: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision * 100, 1), "recall": round(recall * 100, 1), "f1": round(f1 * 100, 1)}


def _predicted(text: str) -> list[_Scored]:
    scored: list[_Scored] = []
    for quantity in find_quantities(text):
        value: float | tuple[float, float] = (
            (quantity.value, quantity.value_max) if quantity.value_max is not None else quantity.value
        )
        # "a third", "half", "1/2" but not a decimal such as ".500"
        fraction = 0 < quantity.value < 1 and quantity.value_max is None and "." not in quantity.text
        scored.append(_Scored(value, newsquant_unit(quantity.unit, fraction)))
    return scored


def _figures(sentences: Sequence[_Counts]) -> dict[str, Any]:
    counts = _Counts.pooled(sentences)
    value = _scores(counts.value, counts.gold, counts.predicted)
    value_unit = _scores(counts.value_unit, counts.gold, counts.predicted)
    return {
        "task": "quantities",
        "n": len(sentences),
        "gold_quantities": counts.gold,
        "predicted_quantities": counts.predicted,
        "value_precision": value["precision"],
        "value_recall": value["recall"],
        "value_f1": value["f1"],
        "value_unit_precision": value_unit["precision"],
        "value_unit_recall": value_unit["recall"],
        "value_unit_f1": value_unit["f1"],
    }


def score_quantities(dataset_dir: Path, part: Part = "all", limit: int | None = None) -> Scored[_Counts]:
    """Value and value+unit P/R/F1 (x100) over ``dataset_dir/gold.jsonl``, one unit a sentence."""
    gold_path = Path(dataset_dir) / "gold.jsonl"
    if not gold_path.is_file():
        raise FileNotFoundError(
            f"{gold_path}: NewsQuant gold file not found; expected quantities/newsquant-dev/gold.jsonl "
            "from ../shared/data (see its README.md)"
        )
    with gold_path.open(encoding="utf-8") as lines:
        records = select((json.loads(line) for line in lines if line.strip()), part)[:limit]
    sentences: list[_Counts] = []
    for record in records:
        gold = [_Scored(_gold_value(str(q["value"])), str(q["normalized_unit"]).lower()) for q in record["quantities"]]
        counts = _Counts()
        counts.add(gold, _predicted(record["text"]))
        sentences.append(counts)
    return Scored({**_figures(sentences), "dataset": Path(dataset_dir).name, "part": part}, sentences, _figures)


def evaluate_quantities(dataset_dir: Path, limit: int | None = None, part: Part = "all") -> dict[str, Any]:
    return score_quantities(dataset_dir, part, limit).figures
