"""What an article says, as one sentence-encoder vector, for story clustering.

Outlets tell one event in their own words: "Storm leaves thousands of
homes without power" and "Blackout after windstorm downs lines" share
hardly a word, so their term vectors are far apart while their meaning is
close.  The vector here is the sentence encoder's (``crosswire.semantics``) reading of
the headline and the opening words of the body, where outlets say what
happened.

The encoder places two events of one kind close too (two warehouse fires,
two title fights), so ``crosswire.stories.story`` weighs closeness of
meaning only between dated articles and stories, where time weighs too.
When the encoder is not installed, articles have no meaning vector and
stories are weighed on their words alone.
"""

from __future__ import annotations

import logging
from functools import cache

import numpy as np
import numpy.typing as npt

from crosswire.errors import CrosswireError
from crosswire.model import Article
from crosswire.stories.vectors import title_and_lead

log = logging.getLogger(__name__)

MeaningVector = npt.NDArray[np.float32]

#: Words of the lead read after the headline: the opening, where outlets say what happened. Each word
#: read costs encoder time (about 24 ms of CPU an article at 40 words, 42 ms at 80, on the dev sets), and 80
#: clustered the tuning parts no better than 40.
MEANING_WORDS = 40


def meaning_text(article: Article) -> str:
    """The headline and the first ``MEANING_WORDS`` words of the lead, as the encoder reads them."""
    read = title_and_lead(article)
    lead = " ".join(read.lead.split()[:MEANING_WORDS])
    if not read.title:
        return lead
    return f"{read.title}. {lead}" if lead else read.title


@cache
def encoder_available() -> bool:
    """Whether the sentence encoder loads (loading it once, on the first question)."""
    try:
        from crosswire.semantics import default_encoder

        default_encoder()
    except (CrosswireError, ImportError, OSError) as error:
        log.warning("story clustering weighs words only: the sentence encoder is unavailable (%s)", error)
        return False
    return True


def article_meaning(article: Article) -> MeaningVector | None:
    """The article's unit meaning vector; None when the encoder is unavailable or the article says nothing."""
    text = meaning_text(article)
    if not text.strip() or not encoder_available():
        return None
    from crosswire.semantics import default_encoder

    vector: MeaningVector = default_encoder().encode([text])[0]
    return vector
