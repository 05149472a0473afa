"""``thresher run``: the whole pipeline over crawl inputs into an output directory."""

from __future__ import annotations

import dataclasses
import importlib
import logging

import click

from thresher.cli.errors import CommandError, RunFailed
from thresher.cli.progress import TqdmProgress
from thresher.engines.base import Engine
from thresher.engines.local import LocalEngine
from thresher.io.writers import Compression, OutputFormat
from thresher.pipeline.config import PipelineConfig, load_config
from thresher.pipeline.run import RunReport, run_pipeline


def _with_overrides(
    config: PipelineConfig,
    workers: int | None,
    fmt: str | None,
    compression: str | None,
    rejects: bool | None,
) -> PipelineConfig:
    output = config.output
    if fmt is not None:
        output = dataclasses.replace(output, format=OutputFormat(fmt))
    if compression is not None:
        output = dataclasses.replace(output, compression=Compression(compression))
    if rejects is not None:
        output = dataclasses.replace(output, rejects=rejects)
    run = dataclasses.replace(config.run, workers=workers) if workers is not None else config.run
    return dataclasses.replace(config, output=output, run=run)


def _engine(name: str, workers: int, address: str | None) -> Engine:
    if name == "ray":
        try:
            module = importlib.import_module("thresher.engines.ray")
        except ImportError as exc:
            raise CommandError("--engine ray needs the ray extra: pip install 'thresher[ray]'") from exc
        ray_engine = module.RayEngine(address=address, num_cpus=None if address else workers)
        ray_engine.connect()  # fail before any progress is drawn when the cluster is not there
        engine: Engine = ray_engine
        return engine
    return LocalEngine(workers)


def _summary_lines(report: RunReport) -> list[str]:
    stats = report.stats
    dropped = sum(stats.dropped.values())
    errored = sum(stats.errored.values())
    lines = [
        f"documents in: {stats.documents_in}  kept: {stats.kept}  dropped: {dropped}  errored: {errored}",
    ]
    for label, counts in (("dropped", stats.dropped), ("errored", stats.errored)):
        for reason, count in counts.most_common(8):
            lines.append(f"  {label} {reason}: {count}")
    if report.resumed:
        total = report.shards * report.passes
        lines.append(f"resumed {report.resumed} of {total} shard passes from an earlier run")
    lines.append(f"output: {report.outdir / 'data'}")
    lines.append(f"stats:  {report.outdir / 'stats.json'}")
    lines.append(f"report: {report.outdir / 'report.html'}")
    if (report.outdir / "rejects").is_dir():
        lines.append(f"rejects: {report.outdir / 'rejects'}")
    return lines


@click.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False),
    help="Output directory: a local path or an fsspec URL (s3://bucket/run, gs://...).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Pipeline configuration (TOML).",
)
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--format", "fmt", type=click.Choice([f.value for f in OutputFormat]), help="Output format.")
@click.option("--compression", type=click.Choice([c.value for c in Compression]), help="JSONL compression.")
@click.option("--rejects/--no-rejects", default=None, help="Write dropped documents with reasons.")
@click.option(
    "--engine",
    "engine_name",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
)
@click.option("--address", help="Ray cluster address (with --engine ray).")
@click.option("--overwrite", is_flag=True, help="Replace the output of a different earlier run.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def command(
    inputs: tuple[str, ...],
    outdir: str,
    config_path: str | None,
    workers: int | None,
    fmt: str | None,
    compression: str | None,
    rejects: bool | None,
    engine_name: str,
    address: str | None,
    overwrite: bool,
    quiet: bool,
) -> None:
    """Run the pipeline over INPUTS (WARC, HTML, JSONL, Parquet, text files, directories, globs, or -)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    config = _with_overrides(load_config(config_path), workers, fmt, compression, rejects)
    engine = _engine(engine_name, config.run.worker_count(), address)
    progress = TqdmProgress(enabled=not quiet)
    try:
        report = run_pipeline(inputs, outdir, config, engine=engine, progress=progress, overwrite=overwrite)
    finally:
        if isinstance(engine, LocalEngine):
            engine.close()
    for line in _summary_lines(report):
        click.echo(line)
    if not report.ok:
        for shard_id, error in sorted(report.failed.items()):
            click.echo(f"shard {shard_id} failed: {error}", err=True)
        raise RunFailed(
            f"{len(report.failed)} of {report.shards} shards failed; rerun the same command to retry them"
        )
