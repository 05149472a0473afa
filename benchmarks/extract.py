"""Main-content extraction benchmark: thresher and its peers on the shared labelled pages.

Run from the repository root::

    PYTHONPATH=src python benchmarks/extract.py [--peers trafilatura,resiliparse,readability]

It calls the same evaluation code as ``thresher eval extract`` and writes
``benchmarks/results/extract.json`` (scores per dataset and subset, pages per CPU
second) next to a per-page file for studying failures.
"""

from __future__ import annotations

import argparse
import logging
import platform
import time
from pathlib import Path

import orjson

from thresher.evaluate.extraction import evaluate, per_page_rows, read_pages, thresher_extractor
from thresher.evaluate.peers import PEER_NAMES, load_peer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", default=",".join(PEER_NAMES))
    parser.add_argument("--data", type=Path, nargs="*",
                        default=[DATA / "scrapinghub.jsonl.gz", DATA / "wceb.jsonl.gz"])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    systems = [("thresher", thresher_extractor())]
    systems += [(name, load_peer(name)) for name in args.peers.split(",") if name]
    pages = read_pages(args.data)
    report, runs = evaluate(pages, systems)
    args.out.mkdir(parents=True, exist_ok=True)
    summary = report.to_json() | {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()} {platform.processor() or ''} {platform.python_version()}",
    }
    (args.out / "extract.json").write_bytes(orjson.dumps(summary, option=orjson.OPT_INDENT_2))
    with (args.out / "extract_pages.jsonl").open("wb") as handle:
        for row in per_page_rows(pages, runs):
            handle.write(orjson.dumps(row) + b"\n")
    for system, by_group in report.scores.items():
        cells = "  ".join(f"{g} {s.f1:.4f}" for g, s in by_group.items())
        speed = report.pages_per_second[system]
        print(f"{system:12s} {speed:7.1f} pages/s  {cells}")


if __name__ == "__main__":
    main()
