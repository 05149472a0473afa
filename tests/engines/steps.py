"""Steps that misbehave on purpose, for the engine tests (pickled by value to Ray workers)."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from pathlib import Path

from thresher.document import Document, Drop
from thresher.step import DocStep


@dataclass
class KillWorkerOnce(DocStep):
    """Kills its own worker process the first time it sees ``marker`` (a crash, not an error)."""

    name = "kill_worker_once"
    flag: str = ""
    marker: str = "KILL"

    def apply(self, doc: Document) -> Document | Drop:
        if self.marker in doc.text and not Path(self.flag).exists():
            Path(self.flag).write_text("killed once")
            os.kill(os.getpid(), signal.SIGKILL)
        return doc


@dataclass
class KillWorkerUntilFixed(DocStep):
    """Kills its worker on every document holding ``marker`` until the file ``fixed`` exists."""

    name = "kill_worker_until_fixed"
    fixed: str = ""
    marker: str = "POISON"

    def apply(self, doc: Document) -> Document | Drop:
        if self.marker in doc.text and not Path(self.fixed).exists():
            os.kill(os.getpid(), signal.SIGKILL)
        return doc
