"""Errors a user can act on, each naming the input it is about.

Every problem with an input becomes an :class:`InputError` whose message says
which file (or record inside it) and what is wrong.  The CLI prints these as
one line each; nothing that reaches a user is a traceback.
"""

from __future__ import annotations


class CrosswireError(Exception):
    """Base for every error crosswire raises on purpose."""


class InputError(CrosswireError):
    """One input item could not be read or processed."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem

    def as_json(self) -> dict[str, str]:
        return {"path": self.origin, "error": self.problem}


class LimitError(InputError):
    """An input item is over one of the per-item limits (size, length, decompressed size)."""


class StoreError(CrosswireError):
    """The store cannot be opened or is in a state we cannot work with."""


class StoreBusy(StoreError):
    """Another process held the store's write lock for longer than we wait: nothing was written; try again."""


class NotFoundError(CrosswireError):
    """A story or article id that the store does not hold."""
