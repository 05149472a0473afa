"""``thresher eval extract``: main-content extraction scored against labelled pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
import orjson

if TYPE_CHECKING:
    from thresher.evaluate.extraction import Report


@click.command(name="extract")
@click.option(
    "--data",
    "data",
    multiple=True,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Labelled pages (JSON Lines, .gz allowed); repeat for several files.",
)
@click.option("--peers", default="", help="Comma-separated peers: trafilatura,resiliparse,readability.")
@click.option(
    "--mode",
    type=click.Choice(["precision", "balanced", "recall"]),
    default="balanced",
    show_default=True,
    help="thresher's extraction mode.",
)
@click.option(
    "--per-page",
    "per_page",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every page's precision, recall and F1 per system here (JSON Lines).",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the summary as JSON here.",
)
@click.option("--limit", type=click.IntRange(min=1), help="At most N pages per file.")
def command(
    data: tuple[Path, ...],
    peers: str,
    mode: str,
    per_page: Path | None,
    json_out: Path | None,
    limit: int | None,
) -> None:
    """Score thresher (and peers, in the same run) with the AEB shingle metric.

    Prints F1 / precision / recall per dataset and subset, pages per CPU second, and
    how many times faster thresher is than each peer.
    """
    from thresher.errors import ConfigError
    from thresher.evaluate.extraction import evaluate, per_page_rows, read_pages, thresher_extractor
    from thresher.evaluate.peers import load_peer

    names = [p.strip() for p in peers.split(",") if p.strip()]
    try:
        systems = [("thresher", thresher_extractor(mode))]
        systems += [(name, load_peer(name)) for name in names]
    except (ConfigError, ImportError) as exc:
        raise click.UsageError(f"--peers: {exc}") from exc
    pages = read_pages(data, limit)
    if not pages:
        raise click.UsageError("--data: no pages found")
    report, runs = evaluate(pages, systems)
    _print_report(report)
    if per_page is not None:
        with per_page.open("wb") as handle:
            for row in per_page_rows(pages, runs):
                handle.write(orjson.dumps(row) + b"\n")
    if json_out is not None:
        json_out.write_bytes(orjson.dumps(report.to_json(), option=orjson.OPT_INDENT_2))


def _print_report(report: Report) -> None:
    systems = list(report.scores)
    click.echo(f"{'group':34s} {'pages':>5s} " + " ".join(f"{s:>24s}" for s in systems))
    click.echo(f"{'':34s} {'':5s} " + " ".join(f"{'F1 / P / R':>24s}" for _ in systems))
    for group, n in report.groups.items():
        cells = []
        for system in systems:
            s = report.scores[system][group]
            cells.append(f"{s.f1:.4f} / {s.precision:.3f} / {s.recall:.3f}".rjust(24))
        click.echo(f"{group:34s} {n:5d} " + " ".join(cells))
    click.echo("")
    for system in systems:
        speed = report.pages_per_second[system]
        ratio = "" if system == "thresher" else f"  (thresher is {report.speed_ratio(system):.1f}x)"
        errors = f"  errors: {report.errors[system]}" if report.errors[system] else ""
        click.echo(f"{system:12s} {speed:8.1f} pages/CPU-second{ratio}{errors}")
