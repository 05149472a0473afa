"""The optional compiled parts of text cleaning; everything else is in pyproject.toml.

Two kinds, both optional: when they cannot be built (no C compiler, no Python headers)
the install goes on and the same source runs in Python, with the same results, at about
half the speed.

* ``thresher.clean._speedups``: the labelling loop, written in C (``_speedups.c``).
* The modules ``thresher.clean.native.COMPILED_MODULES`` names, compiled by mypyc (part
  of mypy, a build requirement): the same ``.py`` files, type-checked and turned into C.
  Each becomes an extension module beside its source, which Python imports in its place.
  The build records what it compiled (``thresher.clean.native``), and ``thresher.clean``
  refuses to import a compiled module whose source has changed since (rebuild with
  ``pip install -e .``).

``THRESHER_PURE_PYTHON=1`` at build time skips both.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from setuptools import Extension, setup

CLEAN = Path("src/thresher/clean")


def _native() -> ModuleType:
    """``thresher.clean.native`` alone (standard library only; thresher is not installed)."""
    spec = importlib.util.spec_from_file_location("_thresher_native", CLEAN / "native.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mypyc_extensions() -> list[Extension]:
    """The clean modules compiled by mypyc, or none when mypyc is missing."""
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("thresher: mypyc not available, text cleaning stays pure Python", file=sys.stderr)
        return []
    native = _native()
    paths = [str(CLEAN / f"{name}.py") for name in native.COMPILED_MODULES]
    # the project's [tool.mypy] settings (strict) apply to these modules; third-party
    # packages are not installed in the build environment (their imports are Any here)
    # and the modules these import are read, not checked (mypy in CI checks them)
    flags = ["--ignore-missing-imports", "--follow-imports=silent", "--no-warn-unused-ignores"]
    try:
        extensions: list[Extension] = mypycify([*flags, *paths], opt_level="3", group_name="thresher_clean")
    except (Exception, SystemExit) as exc:  # a type error is mypy's exit, not an exception
        print(f"thresher: mypyc failed ({exc}), text cleaning stays pure Python", file=sys.stderr)
        return []
    (CLEAN / native.MANIFEST).write_text(native.manifest_text(CLEAN), encoding="utf-8")
    for extension in extensions:
        extension.optional = True  # no compiler: the .py files run as they are
    return extensions


def extensions() -> list[Extension]:
    if os.environ.get("THRESHER_PURE_PYTHON"):
        return []
    speedups = Extension(
        "thresher.clean._speedups",
        ["src/thresher/clean/_speedups.c"],
        optional=True,
        extra_compile_args=["-O2"],
    )
    return [speedups, *mypyc_extensions()]


setup(ext_modules=extensions())
