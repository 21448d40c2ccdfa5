"""What an article says, as one sentence-encoder vector, for story clustering.

Outlets tell one event in their own words: "Storm leaves thousands of
homes without power" and "Blackout after windstorm downs lines" share
hardly a word, so their term vectors are far apart while their meaning is
close.  The vector here is the sentence encoder's (``crosswire.semantics``)
reading of the headline, the line in which an outlet says what happened;
an article without one is read by the opening words of its body.

The encoder places two events of one kind close too (two warehouse fires,
two title fights), so ``crosswire.stories.story`` weighs closeness of
meaning only between dated articles and stories, where time weighs too.
When the encoder is not installed, articles have no meaning vector and
stories are weighed on their words alone.

The encoder was trained on English.  Headlines in another language read
alike to it whatever they say (two unrelated German headlines score about
0.4, two unrelated English ones about 0.1), so an article that does not
read as English (too few English function words in its opening, or a
declared language other than English) has no meaning vector either.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from crosswire.model import Article
from crosswire.semantics import default_encoder, encoder_available
from crosswire.stories.text import STOPWORDS, normalise
from crosswire.stories.vectors import TitleAndLead, title_and_lead

MeaningVector = npt.NDArray[np.float32]

#: Words of the lead read for an article without a headline.  Only the headline is read otherwise:
#: each word read costs encoder time (on the dev sets about 7 ms of CPU an article for the headline,
#: 24 ms with the lead's first 40 words, 42 ms with 80), and the lead's words clustered the tuning
#: parts no better.
LEAD_WORDS_WITHOUT_HEADLINE = 40
#: An article reads as English when at least this share of the first ``WORDS_CHECKED`` words of its
#: headline and lead are English function words (``lexicons/stopwords.json``): 0.17 and up for every
#: article of the English dev sets' tuning parts, about 0.4 typically; 0.04-0.12 for German, French and
#: Spanish news sentences written here.
ENGLISH_SHARE = 0.15
WORDS_CHECKED = 60
_WORD = re.compile(r"[^\W\d_]+")


def meaning_text(article: Article) -> str:
    """The headline, or without one the lead's first ``LEAD_WORDS_WITHOUT_HEADLINE`` words."""
    return _text(title_and_lead(article))


def article_meaning(article: Article) -> MeaningVector | None:
    """The article's unit meaning vector; None when the encoder is unavailable or cannot read the article."""
    read = title_and_lead(article)  # read once: the text encoded and the language check both come from it
    text = _text(read)
    if not text.strip() or not _english(article.language, read) or not encoder_available():
        return None
    vector: MeaningVector = default_encoder().encode([text])[0]
    return vector


def _text(read: TitleAndLead) -> str:
    return read.title or " ".join(read.lead.split()[:LEAD_WORDS_WITHOUT_HEADLINE])


def _english(language: str | None, read: TitleAndLead) -> bool:
    """Whether the article is in the encoder's language: declared English, or undeclared and with enough
    English function words in its opening."""
    if language:
        return language.lower().startswith("en")
    words = _WORD.findall(normalise(f"{read.title} {read.lead}"))[:WORDS_CHECKED]
    return bool(words) and sum(word in STOPWORDS for word in words) >= ENGLISH_SHARE * len(words)
