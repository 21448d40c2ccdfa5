"""Sources turn input files into :class:`~crosswire.model.Capture` records.

Each reader yields captures and, for items it cannot read, an
:class:`~crosswire.errors.InputError` in their place, so one bad record never
stops the rest of a file (or the rest of an ingest) from being read.
"""

from crosswire.sources.files import SourceItem, iter_sources, reader_for

__all__ = ["SourceItem", "iter_sources", "reader_for"]
