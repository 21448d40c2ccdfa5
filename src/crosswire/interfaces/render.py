"""Human-readable output for the CLI (rich), kept apart from the commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

# Piped output (make run, CI logs) gets a wide page instead of rich's 80 columns.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 140)


@contextmanager
def ingest_progress(enabled: bool = True) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr; yields the callback the engine calls."""
    if not enabled:
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]ingesting[/]"),
        BarColumn(),
        TextColumn("{task.completed} inputs read, {task.fields[stored]} articles stored"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingest", total=None, stored=0)

        def update(done: int, stored: int) -> None:
            progress.update(task, completed=done, stored=stored)

        yield update


def print_ingest_report(report: dict[str, Any]) -> None:
    err.print(
        f"[bold green]{report['ingested']}[/] articles ingested, "
        f"{report['duplicates']} duplicates left as they were, "
        f"{len(report['errors'])} errors, {len(report.get('skipped', []))} skipped"
    )
    for error in report["errors"]:
        err.print(f"  [red]error[/] {error.get('path') or error.get('id')}: {error['error']}")
    for skipped in report.get("skipped", []):
        err.print(f"  [yellow]skipped[/] {skipped['path']}: {skipped['reason']}")


def print_stories(stories: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(stories)} stories", show_lines=False)
    table.add_column("story", style="cyan", no_wrap=True)
    table.add_column("title")
    table.add_column("articles", justify="right")
    table.add_column("sources", justify="right")
    table.add_column("first", no_wrap=True)
    table.add_column("last", no_wrap=True)
    for story in stories:
        table.add_row(
            story["id"],
            story["title"],
            str(len(story["articles"])),
            str(story["independent_sources"]),
            (story["first_published"] or "")[:10],
            (story["last_published"] or "")[:10],
        )
    out.print(table)


def print_extracted(result: dict[str, Any]) -> None:
    if "error" in result:
        err.print(f"[red]error[/] {result['path']}: {result['error']}")
        return
    out.rule(result["path"])
    for key in ("title", "author", "published", "publisher", "via", "url"):
        if result.get(key):
            out.print(f"[bold]{key}[/]: {result[key]}")
    text = result["text"]
    out.print(text[:600] + (" …" if len(text) > 600 else ""))


def print_annotations(result: dict[str, Any]) -> None:
    if "error" in result:
        err.print(f"[red]error[/] {result.get('id') or result.get('path')}: {result['error']}")
        return
    out.rule(str(result["id"]))
    for key in ("entities", "quantities", "ranks", "scores", "dates", "quotes"):
        items = result.get(key, [])
        out.print(f"[bold]{key}[/] ({len(items)}): " + "; ".join(_short(item) for item in items[:12]))
    frame = result.get("frame", {})
    out.print("[bold]frame[/]: " + "; ".join(f"{k}={v[0]!r}" for k, v in frame.items() if v))


def _short(item: dict[str, Any]) -> str:
    extra = [str(item[k]) for k in ("label", "value", "unit", "date", "speaker") if item.get(k) is not None]
    return f"{item['text']!r}" + (f" ({', '.join(extra)})" if extra else "")


def print_metrics(result: dict[str, Any]) -> None:
    table = Table(title=f"{result.get('task')} on {result.get('dataset')}")
    table.add_column("metric")
    table.add_column("crosswire", justify="right")
    baseline = result.get("baseline") or {}
    if baseline:
        table.add_column(str(baseline.get("name", "baseline")), justify="right")
    for key, value in result.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            row = [key, _fmt(value)]
            if baseline:
                other = baseline.get(key)
                row.append(_fmt(other) if isinstance(other, int | float) else "")
            table.add_row(*row)
    out.print(table)


def _fmt(value: float) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)
