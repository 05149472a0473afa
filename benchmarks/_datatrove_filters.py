"""Run datatrove's four quality filters over a JSONL file (benchmark helper, own venv).

Usage: ``python _datatrove_filters.py IN.jsonl OUT.json``. Runs in a separate environment
where datatrove and spaCy are installed; ``benchmarks/filters.py`` calls it. Writes, per
document, each filter's keep/drop and reason (each filter on the original text), and the
timings: per filter, and the four chained as FineWeb's pipeline orders them.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from datatrove.data import Document
from datatrove.pipeline.filters import (
    C4QualityFilter,
    FineWebQualityFilter,
    GopherQualityFilter,
    GopherRepetitionFilter,
)


def _decide(step: Any, doc_id: str, text: str) -> list[Any]:
    doc = Document(text=text, id=doc_id)
    try:
        result = step.filter(doc)
    except ZeroDivisionError as exc:
        return [False, f"error:{exc}"]
    keep, reason = result if isinstance(result, tuple) else (result, None)
    return [bool(keep), reason]


def main(in_path: str, out_path: str) -> None:
    with Path(in_path).open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    filters = {
        "gopher_repetition": GopherRepetitionFilter(),
        "gopher_quality": GopherQualityFilter(),
        "c4_quality": C4QualityFilter(),
        "fineweb_quality": FineWebQualityFilter(),
    }
    for step in filters.values():  # load spaCy before timing
        _decide(step, "warmup", "Warm up the tokenizer. " * 60)
    decisions: dict[str, dict[str, list[Any]]] = {}
    seconds: dict[str, float] = {}
    for name, step in filters.items():
        start = time.process_time()
        decisions[name] = {r["id"]: _decide(step, r["id"], r["text"]) for r in records}
        seconds[name] = time.process_time() - start
    start = time.process_time()
    kept = 0
    for record in records:
        doc = Document(text=record["text"], id=record["id"])
        if all(_chain_keep(step, doc) for step in filters.values()):
            kept += 1
    seconds["chained"] = time.process_time() - start
    with Path(out_path).open("w", encoding="utf-8") as handle:
        json.dump(
            {"decisions": decisions, "seconds": seconds, "chained_kept": kept, "documents": len(records)},
            handle,
        )


def _chain_keep(step: Any, doc: Document) -> bool:
    try:
        result = step.filter(doc)
    except ZeroDivisionError:
        return False
    return bool(result[0] if isinstance(result, tuple) else result)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
