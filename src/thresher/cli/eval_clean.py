"""``thresher eval clean``: thresher's text cleaner against identity and C4, same run."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
import orjson

from thresher.cli.errors import CommandError

if TYPE_CHECKING:
    from thresher.evaluate.cleaning import CleanerRun


def _table(runs: list[CleanerRun], groups: dict[str, list[str]]) -> list[str]:
    from thresher.evaluate.cleaning import group_scores

    names = list(groups)
    header = f"{'cleaner':<15} {'docs/s':>8}  " + "  ".join(f"{g[:22]:>22}" for g in names)
    lines = [header, "-" * len(header)]
    for run in runs:
        scores = group_scores(run, groups)
        cells = "  ".join(
            f"{scores[g].f1:.3f} ({scores[g].precision:.3f}/{scores[g].recall:.3f})".rjust(22) for g in names
        )
        lines.append(f"{run.name:<15} {run.pages_per_second():>8.0f}  {cells}")
    return lines


@click.command("clean")
@click.option(
    "--data",
    "data",
    multiple=True,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="textclean JSON Lines file(s) (gzip or plain); repeat for several.",
)
@click.option(
    "--per-page",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every page's P/R/F1 per cleaner to this JSON Lines file.",
)
@click.option("--limit", type=int, help="At most this many pages per file.")
@click.option(
    "--site/--no-site",
    default=True,
    show_default=True,
    help="Also run thresher with a site table counted over the same pages.",
)
@click.option("--by-site", is_flag=True, help="Also report per site (sites with 3+ pages).")
@click.option(
    "--keep-title/--drop-title",
    default=True,
    show_default=True,
    help="thresher keeps the headline and standfirst in the text (its default) or drops them, as "
    "scrapinghub's gold does.",
)
def command(
    data: tuple[Path, ...],
    per_page: Path | None,
    limit: int | None,
    site: bool,
    by_site: bool,
    keep_title: bool,
) -> None:
    """F1 / precision / recall per subset: thresher, identity and C4 line rules."""
    from thresher.evaluate.cleaning import group_ids, per_page_rows, read_text_pages, standard_runs

    pages = read_text_pages(data, limit=limit)
    if not pages:
        raise CommandError("no pages in the data files")
    runs = standard_runs(pages, site=site, keep_title=keep_title)
    click.echo(f"{len(pages)} pages; cells are F1 (precision/recall), AEB shingle metric")
    for line in _table(runs, group_ids(pages)):
        click.echo(line)
    if by_site:
        sites = {k: v for k, v in group_ids(pages, by_site=True).items() if len(v) >= 3}
        click.echo("")
        for line in _table(runs, sites):
            click.echo(line)
    if per_page is not None:
        with per_page.open("wb") as handle:
            for row in per_page_rows(pages, runs):
                handle.write(orjson.dumps(row) + b"\n")
        click.echo(f"per-page scores: {per_page}")
