"""The runner hands steps their documents a batch at a time (DocStep.apply_batch)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.foundation.helpers import run_records
from thresher.document import Document, Drop
from thresher.engines import LocalEngine
from thresher.pipeline.config import PipelineConfig, StepSpec
from thresher.pipeline.run import run_pipeline
from thresher.pipeline.runner import _BATCH_DOCS
from thresher.step import DocStep


@dataclass
class RecordBatches(DocStep):
    """Keeps every document; notes the size of each batch it was given."""

    name = "record_batches"
    sizes: list[int] = field(default_factory=list)

    def apply(self, doc: Document) -> Document | Drop:
        return doc

    def apply_batch(self, docs: list[Document]) -> list[Document | Drop | Exception]:
        self.sizes.append(len(docs))
        return super().apply_batch(docs)


@dataclass
class BrokenBatches(DocStep):
    """A batch path with a bug (raises, or answers for too few documents); apply works
    and drops documents that say "DROP"."""

    name = "broken_batches"
    raises: bool = True

    def apply(self, doc: Document) -> Document | Drop:
        return Drop("said_drop") if "DROP" in doc.text else doc

    def apply_batch(self, docs: list[Document]) -> list[Document | Drop | Exception]:
        if self.raises:
            raise RuntimeError("batch bug")
        return list(docs[:-1])


def _texts(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        word = "DROP" if i % 7 == 3 else "keep"
        (folder / f"{i:04d}.txt").write_text(f"document {i:04d} says {word}")
    return folder


def _run(tmp_path: Path, steps: tuple[DocStep, ...], count: int) -> list[str]:
    config = PipelineConfig(steps=(StepSpec("drop_empty"),))
    out = tmp_path / "out"
    report = run_pipeline(
        [str(_texts(tmp_path / "in", count))], out, config, engine=LocalEngine(1), steps=steps
    )
    assert report.ok and report.stats.is_balanced(), report.stats.to_json()
    assert report.stats.documents_in == count
    return [str(r["text"]) for r in run_records(out)]


def test_documents_reach_a_step_in_batches_and_leave_in_order(tmp_path: Path) -> None:
    step = RecordBatches()
    count = 2 * _BATCH_DOCS + 22
    texts = _run(tmp_path, (step,), count)
    assert texts == sorted(texts) and len(texts) == count
    assert step.sizes == [_BATCH_DOCS, _BATCH_DOCS, 22]  # the last, short batch is run too


def test_a_batch_path_that_raises_falls_back_to_each_document(tmp_path: Path) -> None:
    texts = _run(tmp_path, (BrokenBatches(raises=True),), 100)
    assert len(texts) == 100 - sum(1 for i in range(100) if i % 7 == 3)
    assert all("DROP" not in t for t in texts)


def test_a_batch_path_that_loses_a_document_falls_back_to_each_document(tmp_path: Path) -> None:
    texts = _run(tmp_path, (BrokenBatches(raises=False),), 70)
    assert len(texts) == 70 - sum(1 for i in range(70) if i % 7 == 3)
