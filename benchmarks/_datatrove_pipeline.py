"""datatrove's FineWeb-style pipeline over one WARC (benchmark helper, runs in datatrove's venv).

Usage: ``python _datatrove_pipeline.py WARC OUTDIR LID_MODEL`` prints one JSON object:
CPU seconds, documents read and kept, and the documents each step dropped. The language
filter is given the fastText ``lid.176.ftz`` file that thresher uses (datatrove would
download ``lid.176.bin`` from the network; this machine has none).
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.extractors import Trafilatura
from datatrove.pipeline.filters import (
    C4QualityFilter,
    FineWebQualityFilter,
    GopherQualityFilter,
    GopherRepetitionFilter,
    LanguageFilter,
    URLFilter,
)
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers.jsonl import JsonlWriter


def _install_model(lid_model: str) -> None:
    """Put the local model where datatrove looks for its download, marked complete."""
    from datatrove.io import cached_assets_path
    from datatrove.utils.lid import FT176LID

    folder = cached_assets_path(library_name="datatrove", namespace="lid", subfolder=FT176LID.MODEL_SUBFOLDER)
    # fsspec keeps the scheme of http URLs when it strips the protocol
    target = Path(folder) / FT176LID.MODEL_URL.replace("/", "_")
    shutil.copyfile(lid_model, target)
    Path(f"{target}.completed").touch()


def main(warc: str, outdir: str, lid_model: str) -> None:
    _install_model(lid_model)
    language_filter = LanguageFilter()
    steps: list[Any] = [
        WarcReader(str(Path(warc).parent), glob_pattern=Path(warc).name, default_metadata={}),
        URLFilter(),
        Trafilatura(favour_precision=True, timeout=10.0),
        language_filter,
        GopherRepetitionFilter(),
        GopherQualityFilter(),
        C4QualityFilter(filter_no_terminal_punct=False),
        FineWebQualityFilter(),
        JsonlWriter(f"{outdir}/output"),
    ]
    executor = LocalPipelineExecutor(pipeline=steps, tasks=1, workers=1, logging_dir=f"{outdir}/logs")
    started = time.process_time()
    executor.run()
    seconds = time.process_time() - started
    stats = json.loads(Path(f"{outdir}/logs/stats.json").read_text())
    dropped: dict[str, int] = {}
    read = kept = 0
    for step in stats:
        name, values = step["name"], step.get("stats", {})
        if "READER" in name:
            read = int(values["documents"]["total"])
        elif "WRITER" in name:
            kept = int(values["total"])
        else:
            short = name.split(":")[-1].strip()
            for key, value in values.items():
                if key.startswith("dropped_") or (
                    key == "dropped" and not any(k.startswith("dropped_") for k in values)
                ):
                    dropped[f"{short}:{key.removeprefix('dropped_')}"] = int(value)
    print(
        json.dumps({"seconds": seconds, "read": read, "kept": kept, "dropped": dropped}, ensure_ascii=False)
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
