"""Placeholder, replaced below."""
from __future__ import annotations

from crosswire.model import Article, Capture


def extract_capture(capture: Capture) -> Article:
    raise NotImplementedError
