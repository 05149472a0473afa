"""``thresher dedup``: exact, near (MinHash-LSH) and URL duplicates out of JSONL/Parquet."""

from __future__ import annotations

import logging
from typing import Any

import click

from thresher.cli.options import minhash_options
from thresher.dedup.config import DedupConfig, KeepRule, MinHashConfig, Verify
from thresher.dedup.files import FileOptions
from thresher.io.writers import Compression, OutputFormat

_RULES = [rule.value for rule in KeepRule]


@click.command("dedup")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False),
    help="Output directory: data/, drops/, stats.json.",
)
@click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False),
    help="Persistent index: deduplicate against it, then add this run's kept documents.",
)
@minhash_options
@click.option(
    "--keep",
    type=click.Choice(_RULES),
    default="first",
    show_default=True,
    help="Which document of a content cluster is kept.",
)
@click.option(
    "--url-keep",
    type=click.Choice(_RULES),
    default="newest",
    show_default=True,
    help="Which document of one URL is kept.",
)
@click.option("--date-field", default="date", show_default=True, help="metadata key read by 'newest'.")
@click.option(
    "--score-field", default="quality_score", show_default=True, help="metadata key read by 'quality'."
)
@click.option("--exact/--no-exact", default=True, show_default=True, help="Exact duplicates.")
@click.option("--near/--no-near", default=True, show_default=True, help="Near duplicates.")
@click.option("--url/--no-url", default=True, show_default=True, help="URL duplicates.")
@click.option("--text-field", default="text", show_default=True)
@click.option("--id-field", default="id", show_default=True)
@click.option("--url-field", default="url", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in OutputFormat]),
    help="Output format (default: that of the inputs).",
)
@click.option(
    "--compression",
    type=click.Choice([c.value for c in Compression]),
    help="JSONL compression (default: that of the inputs).",
)
@click.option(
    "--partitions",
    default=16,
    show_default=True,
    type=click.IntRange(min=1),
    help="Bucket partitions of the shuffle.",
)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--keep-work", is_flag=True, help="Keep the stage files in OUTDIR/_work.")
def command(**options: Any) -> None:
    """Remove duplicate documents from INPUTS (JSONL, .jsonl.gz/.zst, Parquet)."""
    from thresher.dedup.files import dedup_files
    from thresher.engines.local import LocalEngine

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    engine = LocalEngine(options["workers"])
    report = dedup_files(
        list(options["inputs"]),
        options["outdir"],
        _config(options),
        options["index_dir"],
        engine.map,
        _file_options(options),
    )
    plan = report.plan
    rate = plan.documents / max(report.seconds, 1e-9)
    click.echo(
        f"documents: {plan.documents}  kept: {report.kept}  dropped: {sum(report.dropped.values())}"
        f"  errored: {report.errored}  ({rate:.0f} docs/s)"
    )
    for reason, count in report.dropped.items():
        click.echo(f"  {reason}: {count}")
    click.echo(f"clusters: {plan.clusters.clusters}  largest: {plan.clusters.largest}")
    if report.index_run is not None:
        click.echo(f"index: run {report.index_run} added ({plan.index_documents} documents before)")
    click.echo(f"output: {report.outdir / 'data'}  drops: {report.outdir / 'drops'}")
    click.echo(f"stats:  {report.outdir / 'stats.json'}")


def _config(opt: dict[str, Any]) -> DedupConfig:
    minhash = MinHashConfig(
        ngram=opt["ngram"],
        num_perm=opt["num_perm"],
        threshold=opt["threshold"],
        bands=opt["bands"],
        rows=opt["rows"],
        verify=Verify(opt["verify"]),
    )
    return DedupConfig(
        exact=opt["exact"],
        near=opt["near"],
        url=opt["url"],
        minhash=minhash,
        keep=KeepRule(opt["keep"]),
        url_keep=KeepRule(opt["url_keep"]),
        date_field=opt["date_field"],
        score_field=opt["score_field"],
        partitions=opt["partitions"],
    )


def _file_options(opt: dict[str, Any]) -> FileOptions:
    from thresher.io import ReaderOptions

    reader = ReaderOptions(text_field=opt["text_field"], id_field=opt["id_field"], url_field=opt["url_field"])
    return FileOptions(
        reader=reader,
        fmt=OutputFormat(opt["fmt"]) if opt["fmt"] else None,
        compression=Compression(opt["compression"]) if opt["compression"] else None,
        keep_work=opt["keep_work"],
    )
