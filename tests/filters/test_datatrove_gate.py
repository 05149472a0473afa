"""Parity gate: thresher's keep/drop agrees with datatrove 0.10.1's on the dev texts.

``data/datatrove_decisions.json`` holds datatrove's own decisions (written by
``benchmarks/filters.py --whole-only --fixture``, which runs datatrove with spaCy in its
own environment) for every English text of ``shared/data/textclean``; the texts themselves
are read from the shared data, never stored here.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from thresher.document import Document, Drop
from thresher.filters import fineweb_filters

FIXTURE = Path(__file__).with_name("data") / "datatrove_decisions.json"
MIN_AGREEMENT = 0.995


def test_agreement_with_datatrove(shared_data: Path) -> None:
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    with gzip.open(shared_data / "textclean" / "dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for field in ("ground_truth_text", "full_text"):
                texts[f"{record['id']}/{field}"] = record[field]
    kept = expected["kept"]
    missing = [key for key in kept if key not in texts]
    if missing:
        pytest.skip(f"{len(missing)} fixture texts are not in this copy of the shared data")
    steps = fineweb_filters()
    for index, name in enumerate(expected["filters"]):
        agree = sum(
            (not isinstance(steps[name].apply(Document(id=key, text=texts[key])), Drop))
            == bool(decisions[index])
            for key, decisions in kept.items()
        )
        assert agree / len(kept) >= MIN_AGREEMENT, f"{name}: {agree}/{len(kept)}"
    assert len(kept) >= 500
