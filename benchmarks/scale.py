"""Scaling: documents/s of the default pipeline with 1 and 2 workers, local and Ray engines.

Builds ``--shards`` WARC files from the shared extraction pages (repeated ``--repeat``
times, so near-duplicates exist for the dedup stage), then runs the whole default
pipeline (extract, site-level clean, language ID, quality rules, dedup, PII) with
each engine and worker count, in the same run. Wall-clock seconds, since scaling is
about wall time, after each engine has started its workers. Scaling efficiency =
(rate with N workers) / (N × rate with 1).

    python benchmarks/scale.py [--repeat 2] [--shards 4] [--engines local,ray]
        [--output-root URL | --moto-s3]

``--output-root`` writes the runs below a local folder or an fsspec URL (``file:///tmp/x``
goes through fsspec's code path on the local disk); ``--moto-s3`` starts moto's S3
server on localhost (dev extra) and writes every run to a bucket there, so the cost of
object-storage semantics (HTTP requests, copies instead of renames) shows beside the
local rows. moto is a Python server, far slower than S3 itself: read it as an upper
bound of the overhead.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import logging
import os
import platform
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import orjson

from thresher.engines.base import Engine
from thresher.engines.local import LocalEngine
from thresher.io.warc_records import write_html_warc
from thresher.pipeline.config import load_config
from thresher.pipeline.run import run_pipeline

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"


def build_warcs(data_dir: Path, root: Path, shards: int, repeat: int) -> tuple[list[str], int]:
    pages = []
    for name in ("scrapinghub.jsonl.gz", "wceb.jsonl.gz"):
        with gzip.open(data_dir / name, "rb") as handle:
            pages += [orjson.loads(line) for line in handle]
    records = [
        (f"{p['url'] or 'https://r.example/' + p['id']}?copy={c}", p["html"])
        for c in range(repeat)
        for p in pages
    ]
    paths = []
    for shard in range(shards):
        path = root / f"part-{shard:02d}.warc.gz"
        write_html_warc(
            path, ((url, html.encode(), "text/html; charset=utf-8") for url, html in records[shard::shards])
        )
        paths.append(str(path))
    return paths, len(records)


def _engine(name: str, workers: int) -> Engine:
    if name == "ray":
        from thresher.engines.ray import RayEngine

        engine = RayEngine(num_cpus=workers)
        engine.connect()
        return engine
    local = LocalEngine(workers)
    local.map(_warm_up, list(range(workers)))  # start the worker processes before timing
    return local


def _warm_up(item: int) -> int:
    import thresher.pipeline.runner  # noqa: F401 - what a shard task imports first

    return item


def measure(name: str, workers: int, inputs: list[str], output_root: str) -> tuple[float, int]:
    engine = _engine(name, workers)
    started = time.perf_counter()
    outdir = f"{output_root.rstrip('/')}/{name}-{workers}-{uuid.uuid4().hex}"
    report = run_pipeline(inputs, outdir, load_config(None), engine=engine)
    seconds = time.perf_counter() - started
    if name == "ray":
        import ray

        ray.shutdown()
    elif isinstance(engine, LocalEngine):
        engine.close()
    assert report.ok, report.failed
    return seconds, report.stats.kept


@contextlib.contextmanager
def _moto_bucket(wanted: bool) -> Iterator[str | None]:
    """A bucket on moto's S3 server on localhost (started before any worker, which inherit it)."""
    if not wanted:
        yield None
        return
    import s3fs
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_ENDPOINT_URL_S3=f"http://{host}:{port}",
    )
    s3fs.S3FileSystem().mkdir("thresher-bench")
    try:
        yield "s3://thresher-bench/scale"
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--output-root", help="Folder or fsspec URL for the runs (default: a temp dir).")
    parser.add_argument("--moto-s3", action="store_true", help="Write the runs to a local moto S3 server.")
    args = parser.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp, _moto_bucket(args.moto_s3) as bucket:
        root = Path(tmp)
        output_root = bucket or args.output_root or str(root / "runs")
        print(f"outputs: {output_root}")
        inputs, documents = build_warcs(args.data, root, args.shards, args.repeat)
        print(f"{documents} pages in {len(inputs)} WARC files; wall-clock seconds (Ray: after its start-up)")
        print(f"{'engine':<8}{'workers':>8}{'seconds':>9}{'docs/s':>9}{'kept':>7}{'efficiency':>12}")
        for name in args.engines.split(","):
            base = None
            for workers in (1, 2):
                seconds, kept = measure(name, workers, inputs, output_root)
                rate = documents / seconds
                base = base or rate
                efficiency = rate / (workers * base)
                print(f"{name:<8}{workers:>8}{seconds:>9.1f}{rate:>9.1f}{kept:>7}{efficiency:>12.2f}")


if __name__ == "__main__":
    main()
