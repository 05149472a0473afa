"""Main-content extraction benchmark: thresher and its peers on the shared labelled pages.

Run from the repository root::

    PYTHONPATH=src python benchmarks/extract.py [--peers trafilatura,resiliparse,readability]
    PYTHONPATH=src python benchmarks/extract.py --metadata

The first calls the same evaluation code as ``thresher eval extract`` and writes
``benchmarks/results/extract.json`` (scores per dataset and subset, pages per CPU
second) next to a per-page file for studying failures. ``--metadata`` scores the
metadata fields on ``../shared/data/metadata/dev.jsonl.gz`` with the rules of its
README (coverage, exact match after normalisation, title token F1, date part only).
"""

from __future__ import annotations

import argparse
import gzip
import logging
import platform
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from thresher.evaluate.extraction import evaluate, per_page_rows, read_pages, thresher_extractor
from thresher.evaluate.peers import PEER_NAMES, load_peer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction"
METADATA = ROOT.parent / "shared" / "data" / "metadata" / "dev.jsonl.gz"
# expected field <- thresher metadata key
FIELDS = {
    "title": "title",
    "byline": "authors",
    "site_name": "site_name",
    "published": "published",
    "lang": "language",
    "excerpt": "description",
}


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _token_f1(pred: str, gold: str) -> float:
    a, b = Counter(re.findall(r"\w+", pred.casefold())), Counter(re.findall(r"\w+", gold.casefold()))
    tp = sum((a & b).values())
    return 2 * tp / (sum(a.values()) + sum(b.values())) if tp else 0.0


def _matches(field: str, pred: str, gold: str) -> bool:
    if field == "published":
        return re.match(r"\d{4}-\d\d-\d\d", pred) is not None and pred[:10] == gold[:10]
    return _norm(pred) == _norm(gold)


def score_metadata(path: Path) -> dict[str, dict[str, float]]:
    """Coverage, exact match (and title token F1) per field, as the data's README defines."""
    from thresher.extract import extract

    sums: dict[str, dict[str, float]] = {
        f: dict.fromkeys(("n", "covered", "exact", "token_f1", "spurious"), 0.0) for f in FIELDS
    }
    with gzip.open(path, "rb") as handle:
        for line in handle:
            record = orjson.loads(line)
            meta = extract(record["html"]).metadata
            for field, key in FIELDS.items():
                _score_field(sums[field], field, record["expected"].get(field), meta.get(key))
    return {
        f: {
            "n": c["n"],
            "coverage": c["covered"] / c["n"],
            "exact": c["exact"] / c["n"],
            "token_f1": c["token_f1"] / c["n"],
            "spurious": c["spurious"],
        }
        for f, c in sums.items()
        if c["n"]
    }


def _score_field(sums: dict[str, float], field: str, gold: Any, pred: Any) -> None:
    if isinstance(pred, list):
        pred = ", ".join(pred)
    if not gold:
        sums["spurious"] += bool(pred)
        return
    sums["n"] += 1
    if pred:
        sums["covered"] += 1
        sums["exact"] += _matches(field, pred, gold)
        sums["token_f1"] += _token_f1(pred, gold) if field == "title" else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peers", default=",".join(PEER_NAMES))
    parser.add_argument(
        "--data", type=Path, nargs="*", default=[DATA / "scrapinghub.jsonl.gz", DATA / "wceb.jsonl.gz"]
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--metadata", action="store_true", help="score metadata fields instead")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    if args.metadata:
        for field, row in score_metadata(METADATA).items():
            print(f"{field:10s} " + "  ".join(f"{k} {v:.3f}" for k, v in row.items()))
        return
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
