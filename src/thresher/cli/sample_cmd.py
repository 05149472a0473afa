"""``thresher sample-crawl``: write the bundled synthetic crawl to try the pipeline on."""

from __future__ import annotations

import click

from thresher.sample import write_sample_crawl


@click.command("sample-crawl")
@click.argument("path", default="sample/crawl.warc.gz", type=click.Path(dir_okay=False))
def command(path: str) -> None:
    """Write a small synthetic crawl (3 sites, news-like pages with boilerplate) as .warc.gz."""
    pages = write_sample_crawl(path)
    click.echo(f"wrote {pages} HTML pages (plus request, image and redirect records) to {path}")
