"""Parity and speed of thresher's quality filters against datatrove's, in one run.

Documents: the ground-truth and full-page texts of ``shared/data/textclean/dev.jsonl.gz``,
each whole, in halves and in thirds (split at line breaks), kept when fastText calls the
text English. datatrove 0.10.1 runs in its own environment (it needs spaCy) through
``benchmarks/_datatrove_filters.py``; thresher runs here. Each filter decides on the original
text of every document (parity); the four chained in FineWeb's order give the speed.

Usage::

    PYTHONPATH=src python benchmarks/filters.py \
        [--datatrove-python /work/venv-datatrove/bin/python] [--limit N] [--report out.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from thresher.document import Document, Drop
from thresher.filters import fineweb_filters
from thresher.langid.model import detect_language

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "textclean" / "dev.jsonl.gz"
HELPER = Path(__file__).with_name("_datatrove_filters.py")
FILTER_NAMES = ("gopher_repetition", "gopher_quality", "c4_quality", "fineweb_quality")


def _parts(text: str, pieces: int) -> list[str]:
    lines = text.split("\n")
    if len(lines) < pieces:
        return []
    size = -(-len(lines) // pieces)
    return ["\n".join(lines[i : i + size]) for i in range(0, len(lines), size)]


def build_documents(
    path: Path, limit: int | None, whole_only: bool = False
) -> tuple[list[dict[str, str]], int]:
    """English texts whole and in parts; also how many non-English texts were left out."""
    docs: list[dict[str, str]] = []
    skipped = 0
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for field in ("ground_truth_text", "full_text"):
                text = record[field]
                if detect_language(text).language != "en":
                    skipped += 1
                    continue
                variants = [("whole", text)]
                for pieces in () if whole_only else (2, 3):
                    variants += [(f"{i + 1}of{pieces}", p) for i, p in enumerate(_parts(text, pieces))]
                for label, variant in variants:
                    docs.append({"id": f"{record['id']}/{field}/{label}", "text": variant})
    return (docs[:limit] if limit else docs), skipped


def run_thresher(docs: list[dict[str, str]]) -> dict[str, Any]:
    """Each filter on every original text, then the four chained; CPU seconds of each."""
    steps = fineweb_filters()
    decisions: dict[str, dict[str, list[Any]]] = {}
    seconds: dict[str, float] = {}
    for name, step in steps.items():
        start = time.process_time()
        answers = {d["id"]: step.apply(Document(id=d["id"], text=d["text"])) for d in docs}
        seconds[name] = time.process_time() - start
        decisions[name] = {
            key: [False, a.reason] if isinstance(a, Drop) else [True, None] for key, a in answers.items()
        }
    start = time.process_time()
    kept = 0
    for record in docs:
        doc: Document | Drop = Document(id=record["id"], text=record["text"])
        for step in steps.values():
            doc = step.apply(doc) if isinstance(doc, Document) else doc
        kept += isinstance(doc, Document)
    seconds["chained"] = time.process_time() - start
    return {"decisions": decisions, "seconds": seconds, "chained_kept": kept}


def run_datatrove(docs: list[dict[str, str]], python: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "in.jsonl", Path(tmp) / "out.json"
        source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        subprocess.run([python, str(HELPER), str(source), str(target)], check=True)
        result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return result


def compare(ours: dict[str, Any], theirs: dict[str, Any], docs: list[dict[str, str]]) -> dict[str, Any]:
    """Agreement per filter and the list of disagreements."""
    report: dict[str, Any] = {"documents": len(docs), "filters": {}}
    for name in FILTER_NAMES:
        mine, peer = ours["decisions"][name], theirs["decisions"][name]
        differ = [
            {"id": d["id"], "thresher": mine[d["id"]], "datatrove": peer[d["id"]]}
            for d in docs
            if mine[d["id"]][0] != peer[d["id"]][0]
        ]
        report["filters"][name] = {
            "agreement": 1 - len(differ) / len(docs),
            "kept_thresher": sum(v[0] for v in mine.values()),
            "kept_datatrove": sum(v[0] for v in peer.values()),
            "disagreements": differ,
            "ms_thresher": 1000 * ours["seconds"][name] / len(docs),
            "ms_datatrove": 1000 * theirs["seconds"][name] / len(docs),
        }
    report["chained"] = {
        "ms_thresher": 1000 * ours["seconds"]["chained"] / len(docs),
        "ms_datatrove": 1000 * theirs["seconds"]["chained"] / len(docs),
        "kept_thresher": ours["chained_kept"],
        "kept_datatrove": theirs["chained_kept"],
    }
    return report


def _print(report: dict[str, Any], skipped: int) -> None:
    print(f"{report['documents']} English documents ({skipped} non-English texts left out)")
    print(
        "| filter | agreement | kept thresher / datatrove | ms/doc thresher | ms/doc datatrove | speed-up |"
    )
    print("|---|---|---|---|---|---|")
    rows = [(n, report["filters"][n]) for n in FILTER_NAMES] + [("four chained", report["chained"])]
    for name, row in rows:
        agreement = f"{100 * row['agreement']:.2f} %" if "agreement" in row else "—"
        print(
            f"| {name} | {agreement} | {row['kept_thresher']} / {row['kept_datatrove']} | "
            f"{row['ms_thresher']:.2f} | {row['ms_datatrove']:.2f} | "
            f"{row['ms_datatrove'] / row['ms_thresher']:.1f} x |"
        )
    for name in FILTER_NAMES:
        for item in report["filters"][name]["disagreements"]:
            print(f"  {name}: {item['id']} thresher={item['thresher']} datatrove={item['datatrove']}")


def _write_fixture(path: Path, theirs: dict[str, Any]) -> None:
    """datatrove's keep/drop per filter for the whole texts, keyed by ``id/field``."""
    decisions = theirs["decisions"]
    ids = sorted(key for key in decisions[FILTER_NAMES[0]] if key.endswith("/whole"))
    table = {
        key.removesuffix("/whole"): [int(decisions[name][key][0]) for name in FILTER_NAMES] for key in ids
    }
    rows = ",\n".join(f"  {json.dumps(key)}: {json.dumps(value)}" for key, value in table.items())
    header = f'{{"datatrove": "0.10.1", "filters": {json.dumps(list(FILTER_NAMES))},\n"kept": {{\n'
    path.write_text(header + rows + "\n}}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datatrove-python", default="/work/venv-datatrove/bin/python")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--report", type=Path, default=None)
    parser.add_argument("--whole-only", action="store_true", help="no halves and thirds")
    parser.add_argument(
        "--fixture",
        type=Path,
        default=None,
        help="write datatrove's decisions on whole texts (test gate data)",
    )
    args = parser.parse_args()
    docs, skipped = build_documents(DATA, args.limit, args.whole_only)
    theirs = run_datatrove(docs, args.datatrove_python)
    if args.fixture:
        _write_fixture(args.fixture, theirs)
    ours = run_thresher(docs)
    report = compare(ours, theirs, docs)
    _print(report, skipped)
    if args.report:
        args.report.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
