"""Which headline words are a story's own: the name an event goes by.

Outlets headline one event with the same name ("Korvex", "Harbour Files",
"Aurora-3") while the rest of their wording differs.  A headline word
that no other story's headlines have used for a year is the signature of
the story that uses it; a large country, a head of state or a famous
founder head many stories
and are nobody's signature.

For each headline word the register keeps the stories whose headlines used
it most recently, at most ``USERS_KEPT``, so a lookup reads a bounded list
however large the store grows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from crosswire.stories.story_index import remember_recent

#: Stories remembered per headline word, most recent last.
USERS_KEPT = 4
#: How long a story's use of a word keeps the word from being another story's signature.
HORIZON_DAYS = 365


class HeadlineWords:
    """Headline word → the stories whose headlines used it most recently."""

    def __init__(self) -> None:
        self.users: dict[str, dict[str, None]] = {}

    def add(self, story_id: str, words: Iterable[str]) -> None:
        for word in words:
            remember_recent(self.users.setdefault(word, {}), story_id, USERS_KEPT)

    def owned_by(
        self, story_id: str, words: Iterable[str], day: int | None, last_day_of: Callable[[str], int | None]
    ) -> frozenset[str]:
        """The words only this story's headlines used within the horizon of ``day``."""
        owned = set()
        for word in words:
            users = self.users.get(word, {})
            if story_id in users and not any(
                other != story_id and _within_horizon(day, last_day_of(other)) for other in users
            ):
                owned.add(word)
        return frozenset(owned)

    def to_json(self) -> dict[str, Any]:
        return {word: list(ids) for word, ids in self.users.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HeadlineWords:
        register = cls()
        register.users = {str(word): dict.fromkeys(str(i) for i in ids) for word, ids in data.items()}
        return register


def _within_horizon(day: int | None, other_day: int | None) -> bool:
    # Without dates there is no telling how long ago another story used the word: assume recently.
    return day is None or other_day is None or abs(day - other_day) <= HORIZON_DAYS
