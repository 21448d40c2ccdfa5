"""Meaning-level text similarity: sentence embeddings without torch.

``default_encoder().encode(texts)`` gives unit-length float32 rows whose dot
products are cosine similarities, for clustering stories and matching claims
across outlets where the wording differs.
"""

from crosswire.semantics.encoder import DEFAULT_MAX_LENGTH, SentenceEncoder, default_encoder, encoder_available

__all__ = ["DEFAULT_MAX_LENGTH", "SentenceEncoder", "default_encoder", "encoder_available"]
