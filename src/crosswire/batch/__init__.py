"""Ray Data batch job over WARC/JSONL inputs, writing Parquet that ``crosswire ingest`` loads.

Ray and pyarrow are optional (``crosswire[batch]``); they are imported only
when a batch runs.
"""

from crosswire.batch.run import run_batch

__all__ = ["run_batch"]
