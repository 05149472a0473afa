"""Framework overhead of thresher's read + write path against bare fastwarc, in one run.

Builds a WARC from the shared extraction pages (repeated to ~1,500 records), then times:

* ``fastwarc iterate``: ArchiveIterator over the file, reading every payload (no decode, no output);
* ``hand-written loop``: the same, plus what any pipeline must do with a page: HTTP parsing,
  charset decoding, one JSON record per page, plain or gzip output — as tight as we can write it;
* ``thresher``: ``run_pipeline`` with one pass-through step (HTML moved to ``text``), gzip JSONL
  output, rejects, stats, markers — everything the framework adds.

Ratios are against bare fastwarc iteration; the framework overhead is thresher ÷ hand-written
loop − 1 for the same output, the framework's own cost. Run:

    python benchmarks/io.py [--repeat 5] [--data ../shared/data/extraction]
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

import orjson
from fastwarc.warc import ArchiveIterator, WarcRecordType

from thresher.document import Document, Drop
from thresher.engines import LocalEngine
from thresher.html.encoding import decode_html_bytes
from thresher.io.warc_records import write_html_warc
from thresher.pipeline.config import parse_config
from thresher.pipeline.run import run_pipeline
from thresher.step import DocStep

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"


@dataclass
class PassThrough(DocStep):
    """Moves the HTML into ``text`` untouched: no work, only the framework's."""

    name = "pass_through"

    def apply(self, doc: Document) -> Document | Drop:
        doc.text, doc.html = doc.html or doc.text, None
        return doc


def build_warc(data_dir: Path, path: Path, repeat: int) -> int:
    pages = []
    for name in ("scrapinghub.jsonl.gz", "wceb.jsonl.gz"):
        with gzip.open(data_dir / name, "rb") as handle:
            pages += [orjson.loads(line)["html"].encode() for line in handle]
    copies = [body for _ in range(repeat) for body in pages]
    content_type = "text/html; charset=utf-8"
    return write_html_warc(
        path, ((f"https://bench.example/{i}", b, content_type) for i, b in enumerate(copies))
    )


def fastwarc_iterate(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response):
            record.reader.read()
            count += 1
    return count


def _sink(out: Path, compress: bool) -> IO[bytes]:
    if compress:
        return cast(IO[bytes], gzip.GzipFile(out, "wb", compresslevel=5, mtime=0))
    return out.open("wb")


def hand_written(path: Path, out: Path, compress: bool) -> int:
    count = 0
    with path.open("rb") as handle, _sink(out, compress) as sink:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True):
            body = record.reader.read()
            text = decode_html_bytes(body, record.http_charset).text
            url = record.headers.get("WARC-Target-URI")
            sink.write(
                orjson.dumps({"id": record.record_id, "text": text, "url": url, "metadata": {}}) + b"\n"
            )
            count += 1
    return count


def thresher_run(path: Path, out: Path, compress: bool) -> int:
    compression = "gzip" if compress else "none"
    config = parse_config({"output": {"compression": compression}, "steps": [{"name": "drop_empty"}]})
    fresh = out / uuid.uuid4().hex  # a new directory, or the run would resume the finished one
    report = run_pipeline([str(path)], fresh, config, engine=LocalEngine(1), steps=[PassThrough()])
    return report.stats.kept


def _best(fn: object, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        fn()  # type: ignore[operator]
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=5, help="copies of the 310 pages in the WARC")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per contender (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        warc = root / "bench.warc.gz"
        records = build_warc(args.data, warc, args.repeat)
        size_mb = warc.stat().st_size / 2**20
        print(f"WARC: {records} records, {size_mb:.1f} MB gzip; CPU seconds, best of {args.runs}")
        bare = _best(lambda: fastwarc_iterate(warc), args.runs)
        print(f"{'contender':<34}{'seconds':>9}{'records/s':>11}{'MB/s':>8}{'ratio':>8}")
        _row("fastwarc iterate (reference)", bare, records, size_mb, 1.0)
        for compress in (False, True):
            output = "gzip JSONL" if compress else "plain JSONL"
            hand_out, ours_out = root / "hand.jsonl", root / "t"
            assert hand_written(warc, hand_out, compress) == thresher_run(warc, ours_out, compress) == records
            hand = _best(lambda: hand_written(warc, hand_out, compress), args.runs)  # noqa: B023
            ours = _best(lambda: thresher_run(warc, ours_out, compress), args.runs)  # noqa: B023
            _row(f"hand-written loop, {output}", hand, records, size_mb, hand / bare)
            _row(f"thresher read+write, {output}", ours, records, size_mb, ours / bare)
            print(f"  framework overhead over the hand-written loop ({output}): {ours / hand - 1:+.1%}")


def _row(label: str, seconds: float, records: int, size_mb: float, ratio: float) -> None:
    print(f"{label:<34}{seconds:>9.3f}{records / seconds:>11.0f}{size_mb / seconds:>8.1f}{ratio:>8.2f}")


if __name__ == "__main__":
    main()
