"""Extraction rules kept as data (JSON), loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_rules(name: str) -> Any:
    """Parsed contents of ``rules/<name>.json``."""
    text = resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)
