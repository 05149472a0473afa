"""Which modules of text cleaning run compiled, and the guard against a stale build.

``setup.py`` compiles :data:`COMPILED_MODULES` with mypyc when it can: each becomes an
extension module beside its ``.py`` file, and Python imports the extension in its
place. In a source checkout (``pip install -e .``) the ``.py`` file can then change
while the extension stays as it was built; the build writes the SHA-256 of every source
it compiled to :data:`MANIFEST`, and :func:`check_fresh` refuses to go on when a source
no longer matches.

Standard library only: ``setup.py`` loads this file on its own, before anything of
thresher is installed.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
from pathlib import Path

COMPILED_MODULES = ("api", "classify", "dates", "decide", "features", "metadata")
"""Modules of ``thresher.clean`` that mypyc compiles (the cleaner's whole per-page path)."""

MANIFEST = "_compiled_sources.txt"
"""Written by the build beside the modules: one ``<module> <sha256 of its source>`` line each."""

HERE = Path(__file__).resolve().parent


def source_digest(path: Path) -> str:
    """SHA-256 of a source file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_text(directory: Path) -> str:
    """The manifest of the sources in ``directory``, as the build writes it."""
    return "".join(f"{name} {source_digest(directory / f'{name}.py')}\n" for name in COMPILED_MODULES)


def compiled_modules(directory: Path = HERE) -> list[str]:
    """The modules of :data:`COMPILED_MODULES` that have an extension module beside them."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return [name for name in COMPILED_MODULES if any((directory / (name + s)).exists() for s in suffixes)]


def stale_modules(directory: Path = HERE) -> list[str]:
    """Compiled modules whose ``.py`` file is not the one they were compiled from (a
    compiled module with no manifest counts as stale: nothing says what it was built from)."""
    compiled = compiled_modules(directory)
    if not compiled:
        return []
    try:
        lines = (directory / MANIFEST).read_text(encoding="utf-8").split("\n")
    except OSError:
        return compiled
    built = dict(line.split(" ", 1) for line in lines if " " in line)
    stale: list[str] = []
    for name in compiled:
        source = directory / f"{name}.py"
        if not source.exists():
            continue  # installed without sources: nothing to be out of step with
        if built.get(name) != source_digest(source):
            stale.append(name)
    return stale


def check_fresh(directory: Path = HERE) -> None:
    """Raise ImportError when a compiled module is older than its source."""
    stale = stale_modules(directory)
    if stale:
        names = ", ".join(f"thresher.clean.{name}" for name in stale)
        raise ImportError(
            f"{names}: the compiled module was built from another version of the source; "
            "rebuild with `pip install -e .` (or delete src/thresher/clean/*.so to run the sources)"
        )
