"""The ``crosswire`` command: a thin layer over the engine and the library.

Each command translates arguments into one library call and its result into
JSON (``--json``, on stdout only) or a human view.  Progress and logs go to
stderr.  Errors a user can act on are one line on stderr, never a traceback.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from crosswire.errors import CrosswireError

app = typer.Typer(
    name="crosswire",
    help="Read the news like a careful editor: extract, cluster and corroborate articles across outlets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON only, on stdout.")]


class Settings:
    def __init__(self, db: str) -> None:
        self.db = db


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str,
        typer.Option(
            "--db",
            envvar="CROSSWIRE_DB",
            help="Store: a SQLite file path, or a postgresql:// URL.",
        ),
    ] = "crosswire.db",
) -> None:
    ctx.obj = Settings(db)


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings(os.environ.get("CROSSWIRE_DB", "crosswire.db"))


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"crosswire: {message}", err=True)
    raise typer.Exit(code)


def _emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


@contextmanager
def _engine(ctx: typer.Context) -> Iterator[Any]:
    from crosswire.engine import Engine
    from crosswire.store import open_store

    try:
        store = open_store(_settings(ctx).db)
    except CrosswireError as error:
        _fail(str(error))
    try:
        yield Engine(store)
    except CrosswireError as error:
        _fail(str(error))
    finally:
        store.close()


# -- extract ------------------------------------------------------------------
@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="HTML pages (.html, .htm, .gz), .txt captures, or folders.")],
    as_json: JsonFlag = False,
) -> None:
    """Extract each page's article text and metadata.

    Example: crosswire extract examples/corpus/html --json
    """
    from crosswire.errors import InputError
    from crosswire.extract import extract as extract_article
    from crosswire.model import Article
    from crosswire.serialize import extract_result
    from crosswire.sources import iter_sources

    processed = 0
    for item in iter_sources(paths):
        if isinstance(item, InputError):
            result: dict[str, Any] = item.as_json()
        elif isinstance(item, Article):  # already extracted (Parquet from `crosswire batch`)
            result = extract_result(item)
            processed += 1
        else:
            try:
                article = extract_article(item)
                result = extract_result(article)
                processed += 1
            except InputError as error:
                result = error.as_json()
        if as_json:
            _emit_json(result)
        else:
            from crosswire.interfaces.render import print_extracted

            print_extracted(result)
    if processed == 0:
        raise typer.Exit(1)


# -- annotate -----------------------------------------------------------------
@app.command()
def annotate(
    source: Annotated[str, typer.Argument(help="JSONL file of {id, text, published}, or - for stdin.")] = "-",
    as_json: JsonFlag = False,
) -> None:
    """Find entities, quantities, dates, quotes and the 5W1H frame in texts.

    Example: echo '{"id": "a", "text": "Over 40 aircraft landed on Tuesday.", "published": "2026-11-12"}'
    | crosswire annotate - --json
    """
    from crosswire.interfaces.annotate_io import annotate_lines

    stream = sys.stdin if source == "-" else _open_text(source)
    processed = 0
    for result in annotate_lines(stream, origin="<stdin>" if source == "-" else source):
        processed += "error" not in result
        if as_json:
            _emit_json(result)
        else:
            from crosswire.interfaces.render import print_annotations

            print_annotations(result)
    if processed == 0:
        raise typer.Exit(1)


def _open_text(path: str) -> Any:
    try:
        return open(path, encoding="utf-8")
    except OSError as error:
        _fail(f"{path}: cannot open ({error.strerror})")


# -- ingest -------------------------------------------------------------------
@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files or folders: HTML, .txt, .jsonl, .warc(.gz), .xml feeds.")],
    as_json: JsonFlag = False,
) -> None:
    """Ingest articles into the store (idempotent).

    Example: crosswire --db news.db ingest examples/corpus
    """
    from crosswire.interfaces.render import ingest_progress, print_ingest_report

    with _engine(ctx) as engine, ingest_progress(enabled=not as_json or sys.stderr.isatty()) as progress:
        report = engine.ingest(paths, progress=progress)
    if as_json:
        _emit_json(report.as_json())
    else:
        print_ingest_report(report.as_json())
    if report.ingested == 0 and report.duplicates == 0 and report.errors:
        raise typer.Exit(1)


# -- stories ------------------------------------------------------------------
@app.command()
def stories(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List the stories in the store, largest first.

    Example: crosswire stories --json
    """
    from crosswire.serialize import story_to_dict

    with _engine(ctx) as engine:
        result = [story_to_dict(story) for story in engine.stories()]
    if as_json:
        _emit_json(result)
    else:
        from crosswire.interfaces.render import print_stories

        print_stories(result)


@app.command()
def refresh(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Write every story's brief afresh, and its listing row (contested counts, outlets, names) from it.

    Briefs and rows are stored by ingests and kept up to date by editors' corrections;
    run this after upgrading crosswire when the way briefs are written has changed.

    Example: crosswire refresh --json
    """
    with _engine(ctx) as engine:
        count = engine.refresh_all_story_summaries()
    if as_json:
        _emit_json({"refreshed": count})
    else:
        typer.echo(f"refreshed the briefs and listing rows of {count} stories")


# -- brief --------------------------------------------------------------------
@app.command()
def brief(
    ctx: typer.Context,
    story_id: Annotated[str | None, typer.Argument(help="A story id from `crosswire stories`.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="json or md.")] = "md",
    largest: Annotated[bool, typer.Option("--largest", help="Brief the largest story.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Write the cited brief of one story: key points, facts, timeline, sources.

    Example: crosswire brief --largest --format md
    """
    from crosswire.stories.brief import brief_to_dict, brief_to_markdown

    if output_format not in ("json", "md"):
        _fail(f"--format must be json or md, not {output_format!r}", 2)
    with _engine(ctx) as engine:
        if story_id is None:
            if not largest:
                _fail("give a STORY_ID (see `crosswire stories`) or --largest", 2)
            all_stories = engine.stories()
            if not all_stories:
                _fail("the store holds no stories yet: run `crosswire ingest` first")
            story_id = all_stories[0].id
        result = engine.brief(story_id)
    if as_json or output_format == "json":
        _emit_json(brief_to_dict(result))
    else:
        sys.stdout.write(brief_to_markdown(result) + "\n")


# -- eval ---------------------------------------------------------------------
@app.command(name="eval")
def evaluate(
    task: Annotated[
        str, typer.Argument(help="extraction, captures, dates, metadata, stories, quantities, fivew1h, corroboration")
    ],
    dataset_dir: Annotated[Path, typer.Argument(help="A dataset folder laid out as in shared/data/README.md.")],
    as_json: JsonFlag = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N items (quick checks).")] = None,
    part: Annotated[
        str, typer.Option(help="tune (read and debug on it), check (scored only, never read) or all.")
    ] = "all",
    source: Annotated[
        str | None, typer.Option(help="metadata only: read each page from its html (default) or its text capture.")
    ] = None,
) -> None:
    """Score crosswire on an evaluation dataset, or on its tuning or check part.

    Only aggregate figures are printed, never an item, so scoring the check part reveals none of it.

    Example: crosswire eval extraction ../shared/data/extraction/scrapinghub-dev --part tune --json
    """
    from crosswire.evaluate import TASKS, run_task
    from crosswire.evaluate.split import PARTS

    if task not in TASKS:
        _fail(f"unknown task {task!r}: choose one of {', '.join(TASKS)}", 2)
    if part not in PARTS:
        _fail(f"unknown part {part!r}: choose one of {', '.join(PARTS)}", 2)
    try:
        options = {"source": source} if source is not None else {}
        result = run_task(task, dataset_dir, limit=limit, part=part, **options)
    except (FileNotFoundError, CrosswireError) as error:
        _fail(str(error))
    if as_json:
        _emit_json(result)
    else:
        from crosswire.interfaces.render import print_metrics

        print_metrics(result)


# -- serve --------------------------------------------------------------------
@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Server processes answering requests side by side; one per CPU core serves a newsroom best.",
        ),
    ] = 1,
) -> None:
    """Serve the web UI and the JSON API (write token: CROSSWIRE_TOKEN).

    Each worker process reads the store on its own connection; writes (uploads, editors'
    corrections) from any of them take the store's write lock, as concurrent ingests do.

    Example: CROSSWIRE_TOKEN=secret crosswire serve --port 8000 --workers 2
    """
    import uvicorn

    from crosswire.interfaces.api import create_app

    db = _settings(ctx).db
    try:
        # Built here even for several workers, so that a bad store or setting is reported once, plainly.
        application = create_app(db)
    except ValueError as error:  # a setting such as CROSSWIRE_MAX_BODY that cannot be read
        _fail(str(error), 2)
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="info")
        return
    # Worker processes import the app by name and build it from the environment.
    os.environ["CROSSWIRE_DB"] = db
    uvicorn.run(
        "crosswire.interfaces.api:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
    )


# -- fetch / watch ------------------------------------------------------------
@app.command()
def fetch(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(help="Page URLs to download and ingest.")],
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow private, loopback and link-local addresses.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Download pages and ingest them. Private and metadata addresses are refused.

    Example: crosswire fetch https://news.example/story.html
    """
    from crosswire.sources.web import fetch_captures

    items = list(fetch_captures(urls, allow_private=allow_private))
    with _engine(ctx) as engine:
        report = engine.ingest_items(items)
    if as_json:
        _emit_json(report.as_json())
    else:
        from crosswire.interfaces.render import print_ingest_report

        print_ingest_report(report.as_json())
    if report.ingested == 0 and report.duplicates == 0:
        raise typer.Exit(1)


@app.command()
def watch(
    ctx: typer.Context,
    feeds_file: Annotated[Path, typer.Argument(help="A text file with one feed URL per line.")],
    interval: Annotated[float, typer.Option(help="Seconds between polls.")] = 300.0,
    allow_private: Annotated[bool, typer.Option("--allow-private")] = False,
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once and stop.")] = False,
) -> None:
    """Poll feeds and ingest new items until interrupted.

    Example: crosswire watch feeds.txt --interval 600
    """
    from crosswire.sources.web import watch_feeds

    stop = threading.Event()

    def stop_after_this_poll(signum: int, frame: object) -> None:
        # A flag, not an exception: a KeyboardInterrupt that lands in a finaliser is lost, and the loop
        # would go on. A second Ctrl-C stops at once.
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    # A process started with Ctrl-C ignored (a background job) keeps ignoring it.
    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, stop_after_this_poll)
    with _engine(ctx) as engine:
        try:
            for report in watch_feeds(
                feeds_file, interval=interval, allow_private=allow_private, once=once, ingest=engine.ingest_items,
                stop=stop,
            ):  # fmt: skip
                typer.echo(json.dumps(report.as_json()), err=True)
        except KeyboardInterrupt:
            pass
        finally:
            if previous is not signal.SIG_IGN:
                signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
        if stop.is_set():
            typer.echo("stopped", err=True)


# -- batch --------------------------------------------------------------------
@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="WARC and JSONL files or folders.")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write Parquet files into.")],
    address: Annotated[
        str | None,
        typer.Option("--address", help="A Ray cluster's head node (host:port, or 'auto'); default: a local Ray."),
    ] = None,
    actors: Annotated[
        int | None, typer.Option("--actors", min=1, help="Worker actors (default: one per CPU of the cluster).")
    ] = None,
) -> None:
    """Extract and annotate WARC/JSONL inputs with Ray Data into Parquet files.

    Example: crosswire batch cc-news/*.warc.gz --out parquet/ && crosswire ingest parquet/
    """
    from crosswire.batch import run_batch

    try:
        summary = run_batch(inputs, out, actors=actors, address=address)
    except CrosswireError as error:
        _fail(str(error))
    _emit_json(summary)
    if summary.get("articles", 0) == 0:
        raise typer.Exit(1)  # nothing could be processed (contract.md)


def main() -> None:
    app()
